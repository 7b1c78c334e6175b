#!/usr/bin/env python3
"""The IR the front end prints must re-parse and verify.

usage: roundtrip.py JIT OPT E2E_DIR WORKDIR

The `runmat-jit --emit=mlir` output of every e2e program that compiles is
collected into one file (chunks separated by `// -----`) and run through
runmat-opt --split-input-file: it must parse and verify, print the same text
when its own output is parsed again, and go through the lowering pipeline.
Prints one line per failure and exits 1.
"""
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

JIT, OPT, E2E, WORK = sys.argv[1:5]
os.makedirs(WORK, exist_ok=True)
PIPE = ["--runmat-lower-scalar-builtins", "--canonicalize", "--cse",
        "--convert-math-to-libm", "--convert-runmat-to-llvm"]
SEP = "\n// -----\n"


def run(cmd, data=None):
    return subprocess.run(cmd, input=data, capture_output=True, timeout=120)


def emit(name):
    p = run([JIT, "--emit=mlir", os.path.join(E2E, name)])
    return (name, p.stdout.decode("utf-8")) if p.returncode == 0 else None


names = sorted(n for n in os.listdir(E2E) if n.endswith(".m"))
with ThreadPoolExecutor(max_workers=2) as pool:
    chunks = [c for c in pool.map(emit, names) if c]

failures = []
path = os.path.join(WORK, "all.mlir")
with open(path, "w") as f:
    f.write(SEP.join("// %s\n%s" % (n, text) for n, text in chunks))

first = run([OPT, "--split-input-file", path])
if first.returncode != 0:
    failures.append("runmat-opt rejects emitted IR: %s" %
                    first.stderr.decode("utf-8", "replace").strip()[:2000])
else:
    second = run([OPT, "--split-input-file", "-"], first.stdout)
    if second.returncode != 0:
        failures.append("runmat-opt rejects its own output: %s" %
                        second.stderr.decode("utf-8", "replace").strip()[:2000])
    elif second.stdout != first.stdout:
        failures.append("printing is not a fixed point (compare %s with its "
                        "re-printed form)" % path)
lowered = run([OPT, "--split-input-file", path] + PIPE)
if lowered.returncode != 0:
    failures.append("the lowering pipeline fails: %s" %
                    lowered.stderr.decode("utf-8", "replace").strip()[:2000])

print("roundtrip: %d programs" % len(chunks))
for f in failures:
    print("FAIL " + f)
sys.exit(1 if failures else 0)
