#!/usr/bin/env python3
"""Feeds malformed and extreme inputs to the RunMat tools.

usage: feed_garbage.py JIT RUNMATC OPT E2E_DIR MLIR_DIR WORKDIR

Every run must finish within its timeout and must not die by a signal; an
exit status of 0, 1 or 2 is fine (malformed input is expected to be
rejected with status 1). The inputs are generated from a fixed seed
(override with RUNMAT_FUZZ_SEED) so that a failure is reproducible: the
offending input is left in WORKDIR and named in the report.

Input families:
  - random bytes (several sizes) for every tool;
  - prefixes of real e2e programs and .mlir tests, cut at a stride;
  - token soup: random sequences of MATLAB tokens;
  - deep nesting: brackets, unary operators, blocks, long operator chains;
  - extreme numbers and sizes;
  - runmat-opt: random bytes, truncated and shuffled .mlir, bad generic ops.
"""
import os
import random
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

JIT, RUNMATC, OPT, E2E, MLIR_DIR, WORK = sys.argv[1:7]
SEED = int(os.environ.get("RUNMAT_FUZZ_SEED", "20261125"))
rng = random.Random(SEED)
os.makedirs(WORK, exist_ok=True)

TIMEOUT = 30
OK_STATUS = (0, 1, 2)
failures = []
counter = 0


def write(name, data):
    global counter
    counter += 1
    path = os.path.join(WORK, "%04d_%s" % (counter, name))
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode) as f:
        f.write(data)
    return path


jobs = []


def run(what, cmd, path):
    """Queues cmd (a list naming the input file) to run later."""
    jobs.append((what, cmd))


times = []


def execute(what, cmd):
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=TIMEOUT, env=env,
                           cwd=WORK)
    except subprocess.TimeoutExpired:
        failures.append("%s: timed out after %ds: %s" % (what, TIMEOUT, " ".join(cmd)))
        return
    except OSError as e:
        failures.append("%s: could not start: %s" % (what, e))
        return
    times.append((time.monotonic() - start, " ".join(cmd[-2:])))
    if p.returncode < 0:
        failures.append("%s: killed by signal %d: %s" % (what, -p.returncode, " ".join(cmd)))
    elif p.returncode not in OK_STATUS:
        failures.append("%s: exit status %d: %s\n    %s" % (
            what, p.returncode, " ".join(cmd),
            p.stderr.decode("utf-8", "replace")[-300:]))


def jit(path, *flags):
    run("runmat-jit", [JIT, *flags, path], path)


def aot(path, *flags):
    # --emit stops before linking; without it runmatc also links (slow), so
    # the callers only do that for inputs that fail early.
    if flags:
        run("runmatc", [RUNMATC, *flags, path], path)
    else:
        run("runmatc", [RUNMATC, path, "-o", path + ".exe"], path)


def opt(path, *flags):
    run("runmat-opt", [OPT, *flags, path], path)


# --- random bytes -----------------------------------------------------------
for size in (0, 1, 64, 512, 4096):
    data = bytes(rng.randrange(256) for _ in range(size))
    p = write("bytes%d.m" % size, data)
    jit(p)
    jit(p, "--emit=ast")
    aot(p, "--emit=llvm")
    q = write("bytes%d.mlir" % size, data)
    opt(q)
# runmatc all the way (it links when compilation succeeds, so only input that
# fails to parse).
aot(write("bytes_aot.m", b"x = 1;\n\xff\xfe" + bytes(rng.randrange(256) for _ in range(100))))
# Printable noise, and bytes that look like MATLAB operators.
for i in range(3):
    data = "".join(rng.choice("()[]{}'\".,;:%~!@#$^&*-+=/\\|<>?` \n\tabcxyz0123456789")
                   for _ in range(rng.randrange(20, 400)))
    p = write("printable%d.m" % i, data)
    jit(p)
    jit(p, "--emit=mlir")

# --- prefixes of real programs ------------------------------------------------
PROGRAMS = ["control_flow.m", "functions.m", "func_recursion.m", "index_end.m"]
for name in PROGRAMS:
    src = open(os.path.join(E2E, name), encoding="utf-8").read()
    stride = max(1, len(src) // 5)
    for cut in range(1, len(src), stride):
        p = write("prefix_%s_%d.m" % (name[:-2], cut), src[:cut])
        jit(p)
    # Every prefix through the front end only (cheap): no crash in the parser
    # or in Sema on any cut point, at a finer stride.
    fine = max(1, len(src) // 8)
    for cut in range(1, len(src), fine):
        p = write("fprefix_%s_%d.m" % (name[:-2], cut), src[:cut])
        jit(p, "--emit=mlir")
    # A few through runmatc's whole compile pipeline (no link).
    for cut in (len(src) // 2,):
        p = write("cprefix_%s_%d.m" % (name[:-2], cut), src[:cut])
        aot(p, "--emit=llvm")

# --- token soup ---------------------------------------------------------------
TOKENS = ["x", "y", "A", "f", "disp", "zeros", "end", "if", "elseif", "else",
          "for", "while", "switch", "case", "otherwise", "function", "return",
          "break", "continue", "try", "catch", "global", "persistent",
          "1", "0", "2.5", "1e3", "'a'", "'it''s'", "\"s\"", "[]", "{}", "(", ")",
          "[", "]", "{", "}", ",", ";", "\n", " ", "=", "==", "~=", "+", "-", "*",
          "/", "\\", "^", ".^", ".*", "./", "'", ".'", ":", "&", "|", "&&", "||",
          "~", "<", ">=", "@", "@(x)", ".", "...\n", "%{\n", "%}\n", "% c\n"]
LOOPY = {"for", "while"}
for i in range(16):
    toks = [rng.choice(TOKENS) for _ in range(rng.randrange(3, 120))]
    p = write("soup%d.m" % i, " ".join(toks))
    jit(p, "--emit=llvm")
    if not LOOPY.intersection(toks):
        jit(p)

# --- deep nesting and long chains --------------------------------------------
DEPTH = 3000
nested = {
    "parens": "x = " + "(" * DEPTH + "1" + ")" * DEPTH + ";\n",
    "brackets": "x = " + "[" * DEPTH + "1" + "]" * DEPTH + ";\n",
    "braces": "x = " + "{" * DEPTH + "1" + "}" * DEPTH + ";\n",
    "unclosed": "x = " + "([{" * DEPTH + "\n",
    "closers": ")]}" * DEPTH + "\n",
    "neg": "x = " + "-" * DEPTH + "1;\n",
    "not": "x = " + "~" * DEPTH + "1;\n",
    "transpose": "x = 1" + "'" * DEPTH + ";\n",
    "power": "x = " + "^".join(["1"] * DEPTH) + ";\n",
    "plus": "x = " + "+".join(["1"] * DEPTH) + ";\n",
    "calls": "x = " + "abs(" * DEPTH + "1" + ")" * DEPTH + ";\n",
    "index": "v = 1; x = " + "v(" * DEPTH + "1" + ")" * DEPTH + ";\n",
    "ifs": "if 1\n" * DEPTH + "x = 1;\n" + "end\n" * DEPTH,
    "ifs_unclosed": "if 1\n" * DEPTH,
    "anon": "f = " + "@() " * DEPTH + "1;\n",
    # Left out (reported): deeper field chains and matrix literals with
    # thousands of rows take tens of seconds to JIT-compile.
    "fields": "s = 1; x = s" + ".a" * 200 + ";\n",
    "fields_too_deep": "s = 1; x = s" + ".a" * 6000 + ";\n",
    "matrix_rows": "x = [" + ";".join(["1 2"] * 300) + "];\n",
    "long_line": "x = 1;" * 500 + "\n",
    "continuations": "x = 1 ...\n" * DEPTH + ";\n",
}
for name, src in nested.items():
    p = write("deep_%s.m" % name, src)
    jit(p)

# --- extreme numbers and sizes ------------------------------------------------
extreme = {
    "big_literal": "x = 1e999999;\ndisp(x)\n",
    "tiny_literal": "x = 1e-999999;\ndisp(x)\n",
    "long_digits": "x = " + "9" * 5000 + ";\ndisp(x)\n",
    "long_fraction": "x = 0." + "3" * 5000 + ";\ndisp(x)\n",
    "hex_huge": "x = 0x" + "F" * 64 + ";\n",
    "exp_garbage": "x = 1e+;\n",
    "exp_garbage2": "x = 1.2.3;\n",
    "huge_zeros": "x = zeros(1e10);\n",
    "huge_ones": "x = ones(1e5, 1e5, 1e5);\n",
    "huge_range": "x = 1:1e15;\n",
    "huge_index_assign": "x = []; x(1e15) = 1;\n",
    "huge_index_read": "x = 1; y = x(1e300);\n",
    "inf_index": "x = 1; y = x(Inf);\n",
    "nan_index": "x = 1; y = x(NaN);\n",
    "neg_size": "x = zeros(-1e10, 3);\ndisp(size(x))\n",
    "nan_size": "x = zeros(NaN);\n",
    "inf_range": "x = 1:Inf;\n",
    "nan_range": "x = 1:NaN;\ndisp(size(x))\n",
    "zero_step": "x = 1:0:5;\ndisp(size(x))\n",
    "huge_repmat": "x = repmat(1, 1e8, 1e8);\n",
    "huge_linspace": "x = linspace(0, 1, 1e15);\n",
    # Left out (reported): recursion a million deep, or unbounded, overflows
    # the stack (SIGSEGV) instead of raising MATLAB's recursion-limit error.
    "deep_recursion": "r = f(1e4);\nfunction r = f(n)\n  if n == 0\n    r = 0;\n  else\n    r = f(n - 1);\n  end\nend\n",
    "recursion_arrays": "r = g([1 2], 1e4);\nfunction r = g(v, n)\n  if n == 0\n    r = v;\n  else\n    r = g(v, n - 1);\n  end\nend\n",
    "huge_fprintf": "fprintf('%*d\\n', 1e9, 1);\n",
    "huge_precision": "s = sprintf('%.999999f', pi);\ndisp(numel(s))\n",
    "format_garbage": "fprintf('%');\nfprintf('%-+ #0*.*lld', 1, 2, 3);\n",
    "long_name": "x" + "a" * 5000 + " = 1;\n",
    "many_vars": "".join("v%d = %d;\n" % (i, i) for i in range(500)),
    "many_functions": "x = f0(1);\n" + "".join(
        "function r = f%d(x)\n  r = x + %d;\nend\n" % (i, i) for i in range(300)),
    "nul_bytes": "x = 1;\x00\ny = 2;\n",
    "utf8": "x = 'h\u00e9llo \u4e16\u754c';\ndisp(x)\n",
    "crlf": "x = 1;\r\ny = [1 2\r\n3 4];\r\ndisp(y)\r\n",
}
for name, src in extreme.items():
    p = write("extreme_%s.m" % name, src)
    jit(p)
for name in ("big_literal", "long_digits", "nul_bytes"):
    p = write("extreme_aot_%s.m" % name, extreme[name])
    aot(p, "--emit=llvm")

# --- runmat-opt: garbage MLIR -------------------------------------------------
mlir_files = ["ops.mlir", "ops-calls.mlir", "ops-indexing.mlir",
              "ops-variables.mlir"]
for name in mlir_files:
    src = open(os.path.join(MLIR_DIR, name), encoding="utf-8").read()
    stride = max(1, len(src) // 6)
    for cut in range(1, len(src), stride):
        p = write("mprefix_%s_%d.mlir" % (name[:-5], cut), src[:cut])
        opt(p, "--convert-runmat-to-llvm")
    lines = src.split("\n")
    for i in range(1):
        shuffled = lines[:]
        rng.shuffle(shuffled)
        p = write("mshuffle_%s_%d.mlir" % (name[:-5], i), "\n".join(shuffled))
        opt(p, "--runmat-lower-scalar-builtins", "--convert-runmat-to-llvm")
MLIR_SNIPPETS = [
    '"runmat.plus"() : () -> ()',
    '"runmat.concat"() : () -> !runmat.value',
    '"runmat.concat"() {row_lengths = array<i64: 5>} : () -> !runmat.value',
    '"runmat.end"(%v) : (!runmat.value) -> f64',
    '"runmat.index_assign"() : () -> ()',
    '"runmat.builtin"(%v) {callee = "sum"} : (!runmat.value) -> !runmat.value',
    '"runmat.load_var"(%v) : (!runmat.value) -> f64',
    '"runmat.alloc_var"() : () -> !runmat.slot<!runmat.slot<f64>>',
    '"runmat.display"(%v) {name = 3 : i32} : (!runmat.value) -> ()',
    '"runmat.range_element"(%v, %v, %v, %v, %v) : (!runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value) -> f64',
    '%x = runmat.string',
    '%x = runmat.box %v : !runmat.value',
    '%x = runmat.concat [1, 2, 3](%v)',
    '%x = runmat.index %v[%v',
    'runmat.line -5',
    'runmat.error "a"',
    '%s = runmat.alloc_var "x" : !runmat.slot<i64>',
    '%t = !runmat.slot<>',
    '%u = runmat.builtin "max"(%v) {nargout = -1 : i32} : (!runmat.value) -> (!runmat.value, !runmat.value, !runmat.value)',
]
for i, snip in enumerate(MLIR_SNIPPETS):
    src = "func.func @f(%%v: !runmat.value) {\n  %s\n  return\n}\n" % snip
    p = write("msnip%d.mlir" % i, src)
    opt(p, "--convert-runmat-to-llvm")
p = write("mdeep.mlir", "func.func @f() {\n" + "scf.execute_region {\n" * 2000 + "\n")
opt(p)
for i in range(10):
    toks = [rng.choice(["func.func", "@f", "(", ")", "{", "}", "%v", ":", "!runmat.value",
                        "!runmat.slot<f64>", "f64", "i1", "runmat.plus", "runmat.concat",
                        "[", "]", ",", "=", "->", "return", "\"x\"", "{scalar}", "^bb0",
                        "cf.br", "\n"]) for _ in range(rng.randrange(5, 80))]
    p = write("msoup%d.mlir" % i, " ".join(toks))
    opt(p, "--convert-runmat-to-llvm")

with ThreadPoolExecutor(max_workers=2) as pool:
    list(pool.map(lambda job: execute(*job), jobs))

print("feed_garbage: %d runs, seed %d" % (len(jobs), SEED))
if os.environ.get("RUNMAT_FUZZ_TIMES"):
    for t, c in sorted(times, reverse=True)[:25]:
        print("  %.2fs %s" % (t, c))
if failures:
    print("FAILURES (%d):" % len(failures))
    for f in failures:
        print("  " + f)
    sys.exit(1)
print("feed_garbage: all runs exited normally")
