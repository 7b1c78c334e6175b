#!/usr/bin/python3
"""Benchmark harness: runs each benchmark's implementations in turn on this
machine — RunMat through runmat-jit and through a runmatc executable, GNU
Octave, NumPy, PyTorch — several repetitions each, and reports start-up and
compute time separately, next to this machine's limits (memory bandwidth,
vector math throughput) measured in the same run by bench/limits/*.c.

Every implementation prints these lines, which the harness reads:
    RESULT <number>      the consumed result (a sum or a price), checked
                         against the other implementations or an expected
                         value (tolerance per benchmark)
    COMPUTE_S <seconds>  the compute time measured inside the program
and may print
    <NAME>_S <seconds>   the time of one step (e.g. GRAM_S), stored as is
    PART <name> <seconds> <units>
                         the time of one part and its amount of work
                         (iterations, elements, calls); reported in ns/unit
Start-up is the wall time of the process minus its compute time (process
start, JIT compilation, interpreter and library import, input generation).

The MATLAB program's first `N = ...;` line is rewritten with the size; the
Python programs get N as argv[1]. Octave runs the same MATLAB text, except
that local functions at the end of a script (MATLAB's rule) are moved to its
start behind a `1;` (Octave 7 defines script functions as it executes, so
they must come before their use).

Per-benchmark options (BENCHMARKS below):
    sizes        default N values
    rtol         tolerance on RESULT: a number or a function of N
    rtol_impl    {impl: rtol}: a looser tolerance for one implementation
    exact        ([impls], rtol): implementations that must agree more
                 tightly among themselves (same random stream)
    expected     function of N: the value every RESULT is checked against
                 (instead of the first implementation's result)
    octave_max   largest N given to Octave (also --octave-max)
    scale        {impl: factor}: that implementation runs N*factor instead
                 of N (Octave and Python on scalar loops); its compute time
                 is then compared per unit of work: PART lines scaled by
                 the reference's units, else compute_s * N / N_run
    limit        function(N, limits) -> {label: seconds}: the time this
                 machine's limits allow; the fraction reached is printed

usage:
    bench/run.py                              # every benchmark, default sizes
    bench/run.py --bench elementwise --sizes 1000000,10000000 --reps 3
    bench/run.py --impl runmat-jit,numpy --json out.json --plot out.png
    bench/run.py --small --reps 1             # quick check of everything

Writes JSON (default build/bench/results.json) and a speedup plot (PNG,
default build/bench/speedup.png): RunMat's compute time against each other
implementation's, per benchmark and size. The implementations that are not
installed are skipped and reported.
"""
import argparse
import json
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
LIMITS_DIR = os.path.join(ROOT, "build/bench/limits")


def bs_call(S0=100.0, K=100.0, r=0.05, sigma=0.2, T=1.0):
    """Black-Scholes price of the European call gbm.m prices by Monte Carlo
    (its exact log-normal steps make the estimate unbiased)."""
    d1 = (math.log(S0 / K) + (r + sigma ** 2 / 2) * T) / (sigma * math.sqrt(T))
    d2 = d1 - sigma * math.sqrt(T)
    Phi = lambda x: 0.5 * (1 + math.erf(x / math.sqrt(2)))
    return S0 * Phi(d1) - K * math.exp(-r * T) * Phi(d2)


# Standard deviation of the discounted payoff over its mean, for gbm.m's
# parameters (1.408; from 2e6 samples): a price from M paths has relative
# standard error 1.408/sqrt(M). Prices are accepted within 7 of those.
GBM_REL_SD = 1.408


def scalar_expected(N):
    """The RESULT bench/scalar/scalar.m prints for N (exact arithmetic)."""
    N = int(N)
    loop = sum((i % 7) for i in range(1, 8)) * (N // 7) + sum(
        i % 7 for i in range(1, N % 7 + 1))
    n = math.isqrt(N // 10)
    fill = 3 * n * n * (n + 1) / 4            # sum_ij (i/2 + j)
    m, f1, f2 = 1, 1, 2
    while 2 * f2 - 1 <= N / 10:
        m, f1, f2 = m + 1, f2, f1 + f2
    a, b = 0, 1
    for _ in range(m):
        a, b = b, a + b
    K = N // 1000
    length = sum(len(str(k)) + 1 for k in range(1, K + 1))
    return 0.5 * loop + fill + a + length


def chain_limit(n, lim):
    """elementwise: the chain evaluates sin, exp, cos and tanh once per
    element (libmvec, best vector variant) and must read x (8 bytes per
    element; y is consumed by the sum). The limit is the larger of the math
    time and the triad time for those bytes. 2T: the math time per element
    measured with a copy of the microbenchmark on each core at once, halved.
    1T/2T use the faster libmvec build (AVX-512 on this machine), 1T-avx2
    the 4-wide AVX2 variants."""
    out = {}
    t_math = sum(lim["math_ns"]["vector"][f] for f in ("sin", "exp", "cos", "tanh"))
    conc = lim.get("math_ns_concurrent")
    for th, bw in sorted(lim["triad_gbs"].items()):
        t_mem = 8.0 * n / (bw * 1e9)
        t = t_math
        if int(th) > 1 and conc and int(th) == conc["threads"]:
            # per element on each core while every core runs the math
            t = sum(conc["vector"][f] for f in ("sin", "exp", "cos", "tanh"))
        out["%sT" % th] = max(n * t * 1e-9 / int(th), t_mem)
    # RunMat generates AVX2 code unless RUNMAT_AVX512=1 (docs/architecture.md),
    # so it calls libmvec's 4-wide variants: the 1-thread limit with those.
    t256 = sum(lim["math_ns"]["vector256"][f] for f in ("sin", "exp", "cos", "tanh"))
    out["1T-avx2"] = max(n * t256 * 1e-9, 8.0 * n / (lim["triad_gbs"]["1"] * 1e9))
    return out


def imgnorm_limit(n, lim):
    """imgnorm: the pipeline reads every pixel at least three times (mean,
    variance, output), 4 bytes each, at triad bandwidth (math not counted:
    a lower bound)."""
    pixels = 2160 * 3840 * n
    return {"%sT" % th: 12.0 * pixels / (bw * 1e9)
            for th, bw in sorted(lim["triad_gbs"].items())}


# Each benchmark: the MATLAB program (RunMat and Octave run the same text,
# with its `N = ...;` line rewritten), the Python programs (given N as
# argv[1]), default sizes, small sizes (--small), the tolerance on RESULT,
# and the options documented above.
BENCHMARKS = {
    "elementwise": {
        "matlab": "elementwise/chain.m",
        "numpy": "elementwise/chain_numpy.py",
        "torch": "elementwise/chain_torch.py",
        "sizes": [1_000_000, 10_000_000, 100_000_000],
        "small": [1_000_000],
        "rtol": 1e-9,
        "limit": chain_limit,
        "what": "y = sin(x).*exp(-x) + cos(x).*tanh(x); sum(y)",
    },
    "imgnorm": {
        "matlab": "image/imgnorm.m",
        "numpy": "image/imgnorm_numpy.py",
        "torch": "image/imgnorm_torch.py",
        "sizes": [1, 4, 8],
        "small": [1],
        "octave_max": 1,
        # float32 statistics: RunMat, NumPy and PyTorch agree to ~5e-7;
        # Octave 7.3's single mean is far less accurate (variance 0.8% off,
        # as from sequential float32 sums), its RESULT 1.5e-3 off.
        "rtol": 1e-5,
        "rtol_impl": {"octave": 5e-3},
        "limit": imgnorm_limit,
        "what": "B x 2160x3840 single images: (X-mean)./std*gain+bias, "
                "max(.,0).^(1/2.2), sum in double",
    },
    "gbm": {
        "matlab": "gbm/gbm.m",
        "numpy": "gbm/gbm_numpy.py",
        "torch": "gbm/gbm_torch.py",
        "sizes": [100_000, 1_000_000],
        "small": [20_000],
        "expected": lambda n: bs_call(),
        "rtol": lambda n: 7 * GBM_REL_SD / math.sqrt(n),
        # gbm_numpy.py draws RunMat's LCG stream (rng(42)) exactly.
        "exact": (["runmat-jit", "runmat-aot", "numpy"], 1e-12),
        "what": "Monte Carlo GBM call price, M paths x 252 steps, randn per step",
    },
    "pca": {
        "matlab": "pca/pca.m",
        "numpy": "pca/pca_numpy.py",
        "torch": "pca/pca_torch.py",
        "sizes": [20_000, 100_000],
        "small": [20_000],
        "rtol": 1e-10,
        # The Gram step against OpenBLAS's DGEMM on the same shape, measured
        # in the same run (bench/limits/dgemm.c).
        "rates": {"GRAM_S": ("GFLOP/s", lambda n: 2.0 * n * 256 * 256 / 1e9,
                             "dgemm_gflops")},
        "what": "n x 256 centred Gram matrix, 15 block power iterations "
                "(k = 16, economy QR), explained variance",
    },
    "nlms": {
        "matlab": "nlms/nlms.m",
        "numpy": "nlms/nlms_numpy.py",
        "torch": "nlms/nlms_torch.py",
        "sizes": [5_000, 50_000],
        "small": [2_000],
        "rtol": 1e-9,
        "what": "batched NLMS filter, 128 channels x L samples, order 32",
    },
    "iir": {
        "matlab": "iir/iir.m",
        "numpy": "iir/iir_numpy.py",
        "torch": "iir/iir_torch.py",
        "sizes": [10_000, 100_000],
        "small": [10_000],
        "rtol": 1e-10,
        "what": "y(:,t) = a*y(:,t-1) + (1-a)*x(:,t), 256 channels x L samples",
    },
    "scalar": {
        "matlab": "scalar/scalar.m",
        "numpy": "scalar/scalar_numpy.py",
        "torch": "scalar/scalar_torch.py",
        "sizes": [10_000_000, 100_000_000],
        "small": [1_000_000],
        "scale": {"octave": 0.01, "numpy": 0.1, "torch": 0.01},
        "expected": scalar_expected,
        "rtol": 1e-12,
        "what": "scalar loop (N iter), element-by-element fill (N/10), "
                "recursive fib (~N/10 calls), string appends (N/1000)",
    },
}

IMPLS = ["runmat-jit", "runmat-aot", "octave", "numpy", "torch"]


def have_python_module(name):
    return subprocess.run(["/usr/bin/python3", "-c", "import " + name],
                          capture_output=True).returncode == 0


def available(impl):
    if impl == "runmat-jit":
        return os.path.exists(os.path.join(ROOT, "build/bin/runmat-jit"))
    if impl == "runmat-aot":
        return os.path.exists(os.path.join(ROOT, "build/bin/runmatc"))
    if impl == "octave":
        return shutil.which("octave-cli") is not None
    return have_python_module(impl)


def octave_text(src):
    """Local functions at the end of a script (MATLAB) moved to its start,
    after `1;` (Octave)."""
    m = re.search(r"^[ \t]*function\b", src, flags=re.M)
    if not m:
        return src
    return "1;\n" + src[m.start():].rstrip() + "\n\n" + src[:m.start()]


def matlab_program(bench, n, tmp, impl):
    src = open(os.path.join(BENCH, bench["matlab"])).read()
    src = re.sub(r"^N = [^;]*;", "N = %d;" % n, src, count=1, flags=re.M)
    if impl == "octave":
        src = octave_text(src)
    name = os.path.splitext(os.path.basename(bench["matlab"]))[0]
    path = os.path.join(tmp, "%s_%d%s.m" % (name, n, "_oct" if impl == "octave" else ""))
    with open(path, "w") as f:
        f.write(src)
    return path


def command(impl, bench, n, tmp):
    """The command line that runs `impl` on size n (compiling first for
    runmatc, outside the timed runs)."""
    if impl in ("runmat-jit", "runmat-aot", "octave"):
        prog = matlab_program(bench, n, tmp, impl)
        if impl == "runmat-jit":
            return [os.path.join(ROOT, "build/bin/runmat-jit"), prog]
        if impl == "octave":
            return ["octave-cli", "--no-gui", "--norc", "--quiet", prog]
        exe = prog[:-2] + ".exe"
        p = subprocess.run([os.path.join(ROOT, "build/bin/runmatc"), prog, "-o", exe],
                           capture_output=True, text=True)
        if p.returncode != 0:
            raise RuntimeError("runmatc %s failed (%d): %s" % (
                prog, p.returncode, (p.stderr or p.stdout).strip()[-500:]))
        return [exe]
    return ["/usr/bin/python3", os.path.join(BENCH, bench[impl]), str(n)]


def run_once(cmd, timeout):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (" ".join(cmd), p.returncode,
                                                   (p.stderr or p.stdout).strip()[-500:]))
    res = re.search(r"^RESULT (\S+)", p.stdout, re.M)
    comp = re.search(r"^COMPUTE_S (\S+)", p.stdout, re.M)
    if not res or not comp:
        raise RuntimeError("%s printed no RESULT/COMPUTE_S:\n%s" % (
            " ".join(cmd), p.stdout[-500:]))
    compute = float(comp.group(1))
    steps = {k: float(v) for k, v in
             re.findall(r"^([A-Z][A-Z0-9_]*_S) (\S+)", p.stdout, re.M)
             if k != "COMPUTE_S"}
    parts = {k: {"s": float(s), "units": float(u)} for k, s, u in
             re.findall(r"^PART (\S+) (\S+) (\S+)", p.stdout, re.M)}
    return {"result": float(res.group(1)), "compute_s": compute,
            "wall_s": wall, "startup_s": max(wall - compute, 0.0),
            "steps": steps, "parts": parts}


# ---- machine limits (bench/limits/*.c) --------------------------------------

LIMIT_BUILDS = {
    # name: (source, flags, libraries)
    "triad": ("triad.c", ["-O3", "-march=native", "-pthread"], []),
    "mathvec": ("mathvec.c", ["-O3", "-ffast-math", "-march=native"], ["-lmvec", "-lm"]),
    "mathvec256": ("mathvec.c", ["-O3", "-ffast-math", "-march=native",
                                 "-mprefer-vector-width=256"], ["-lmvec", "-lm"]),
    "mathvec_scalar": ("mathvec.c", ["-O3", "-march=native"], ["-lm"]),
    "dgemm": ("dgemm.c", ["-O2", "-I/usr/include/x86_64-linux-gnu/openblas-pthread"],
              ["-L/usr/lib/x86_64-linux-gnu/openblas-pthread", "-lopenblas"]),
}
MATH_FUNCS = ("sin", "exp", "cos", "tanh")


def libmvec_calls(exe):
    """{function: [_ZGV variants called]} from the binary's disassembly."""
    try:
        dis = subprocess.run(["objdump", "-d", exe], capture_output=True,
                             text=True).stdout
    except OSError:
        return None
    found = {f: set() for f in MATH_FUNCS}
    for sym in re.findall(r"<(_ZGV\w+?)(?:@plt)?>", dis):
        f = sym.split("_")[-1]
        if f in found:
            found[f].add(sym)
    return {f: sorted(v) for f, v in found.items()}


def measure_limits(threads):
    """Compiles bench/limits/*.c with cc into build/bench/limits and runs
    them: STREAM triad GB/s for 1..threads threads, ns per element of
    sin/exp/cos/tanh through libmvec (AVX-512 and AVX2 variants) and
    through scalar libm."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if not cc:
        print("no limits: no C compiler")
        return None
    os.makedirs(LIMITS_DIR, exist_ok=True)
    exes = {}
    for name, (src, flags, libs) in LIMIT_BUILDS.items():
        exe = os.path.join(LIMITS_DIR, name)
        cmd = [cc] + flags + ["-o", exe, os.path.join(BENCH, "limits", src)] + libs
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            print("limits: %s failed: %s" % (" ".join(cmd), p.stderr.strip()[-300:]))
            return None
        exes[name] = exe
    lim = {"cc": subprocess.run([cc, "--version"], capture_output=True,
                                text=True).stdout.splitlines()[0],
           "triad_gbs": {}, "math_ns": {}, "libmvec_calls": {}}
    out = subprocess.run([exes["triad"], str(1 << 25), str(threads), "5"],
                         capture_output=True, text=True, check=True).stdout
    for t, gbs in re.findall(r"^TRIAD_GBS (\d+) (\S+)", out, re.M):
        lim["triad_gbs"][t] = float(gbs)
    runs = {"vector512": ("mathvec", 1 << 26), "vector256": ("mathvec256", 1 << 26),
            "scalar": ("mathvec_scalar", 1 << 22)}
    for label, (name, total) in runs.items():
        out = subprocess.run([exes[name], "4096", str(total), "3"],
                             capture_output=True, text=True, check=True).stdout
        lim["math_ns"][label] = {f: float(v) for f, v in
                                 re.findall(r"^MATH_NS (\w+) (\S+)", out, re.M)}
        if name != "mathvec_scalar":
            lim["libmvec_calls"][name] = libmvec_calls(exes[name])
    # OpenBLAS's DGEMM (and SYRK) on the Gram step's shape, n x 256
    out = subprocess.run([exes["dgemm"], "20000", "256", "5"],
                         capture_output=True, text=True, check=True).stdout
    for kind, gf in re.findall(r"^(DGEMM|DSYRK)_GFLOPS \d+ \d+ (\S+)", out, re.M):
        lim[kind.lower() + "_gflops"] = float(gf)
    # The same with `threads` copies running at once (one per core): the
    # math throughput when every core computes, as the 2-thread kernels do
    # (cores share power and clock budgets, so this is not 1/threads).
    if threads > 1:
        lim["math_ns_concurrent"] = {"threads": threads}
        for label, (name, total) in runs.items():
            if label == "scalar":
                continue
            procs = [subprocess.Popen([exes[name], "4096", str(total), "3"],
                                      stdout=subprocess.PIPE, text=True)
                     for _ in range(threads)]
            outs = [p.communicate()[0] for p in procs]
            per = {}
            for o in outs:
                for f, v in re.findall(r"^MATH_NS (\w+) (\S+)", o, re.M):
                    per.setdefault(f, []).append(float(v))
            lim["math_ns_concurrent"][label] = {f: sum(v) / len(v) for f, v in per.items()}
    # The limit uses the faster vector build per function, when that build
    # really calls libmvec for it (else the scalar time).
    lim["math_ns"]["vector"] = {}
    for f in MATH_FUNCS:
        best = lim["math_ns"]["scalar"][f]
        for label, name in (("vector512", "mathvec"), ("vector256", "mathvec256")):
            calls = (lim["libmvec_calls"].get(name) or {}).get(f)
            if calls:
                best = min(best, lim["math_ns"][label][f])
        lim["math_ns"]["vector"][f] = best
    conc = lim.get("math_ns_concurrent")
    if conc:
        conc["vector"] = {}
        for f in MATH_FUNCS:
            best = None
            for label, name in (("vector512", "mathvec"), ("vector256", "mathvec256")):
                calls = (lim["libmvec_calls"].get(name) or {}).get(f)
                if calls and f in conc.get(label, {}):
                    v = conc[label][f]
                    best = v if best is None else min(best, v)
            conc["vector"][f] = best if best is not None else lim["math_ns"]["vector"][f]
    return lim


def print_limits(lim):
    print("machine limits (bench/limits, %s):" % lim["cc"])
    print("  STREAM triad: %s" % ", ".join(
        "%s thread%s %.1f GB/s" % (t, "" if t == "1" else "s", g)
        for t, g in sorted(lim["triad_gbs"].items())))
    if "dgemm_gflops" in lim:
        print("  OpenBLAS n x 256 Gram: DGEMM %.1f GFLOP/s, DSYRK %.1f GFLOP/s "
              "(at GEMM's flop count)" % (lim["dgemm_gflops"], lim.get("dsyrk_gflops", 0)))
    for label in ("vector512", "vector256", "scalar"):
        print("  %-10s %s ns/element" % (label, "  ".join(
            "%s %.3f" % (f, lim["math_ns"][label][f]) for f in MATH_FUNCS)))
    conc = lim.get("math_ns_concurrent")
    if conc:
        print("  best vector, %d at once: %s ns/element on each core" % (
            conc["threads"], "  ".join("%s %.3f" % (f, conc["vector"][f])
                                       for f in MATH_FUNCS)))
    for name, calls in lim["libmvec_calls"].items():
        if calls is None:
            print("  %s: objdump not available, libmvec use not checked" % name)
            continue
        print("  %s calls: %s" % (name, "  ".join(
            "%s: %s" % (f, ",".join(v) if v else "NO libmvec variant (scalar libm)")
            for f, v in calls.items())))


# ---- checks and reports ------------------------------------------------------

def tolerance(bench, n, *impls):
    rt = bench["rtol"]
    tol = rt(n) if callable(rt) else rt
    for i in impls:
        tol = max(tol, bench.get("rtol_impl", {}).get(i, 0.0))
    return tol


def check_row(name, bench, row):
    """Marks each implementation's result agrees/not; returns the number of
    mismatches."""
    impl = row["impl"]
    bad = 0
    if not impl:
        return 0
    if "expected" in bench:
        for k, v in impl.items():
            ref = bench["expected"](v["N_run"])
            v["expected"] = ref
            v["rel_dev"] = abs(v["result"] - ref) / max(abs(ref), 1e-300)
            v["agrees"] = v["rel_dev"] <= tolerance(bench, v["N_run"], k)
    else:
        ref_impl = next(iter(impl))
        ref = impl[ref_impl]["result"]
        for k, v in impl.items():
            v["rel_dev"] = abs(v["result"] - ref) / max(abs(ref), 1e-300)
            v["agrees"] = v["rel_dev"] <= tolerance(bench, row["N"], k, ref_impl)
    if "exact" in bench:
        group, rt = bench["exact"]
        members = [k for k in group if k in impl]
        if members:
            ref = impl[members[0]]["result"]
            for k in members:
                dev = abs(impl[k]["result"] - ref) / max(abs(ref), 1e-300)
                impl[k]["exact_dev"] = dev
                if dev > rt:
                    impl[k]["agrees"] = False
    for k, v in impl.items():
        if not v["agrees"]:
            print("MISMATCH %s N=%d: %s gives %.12e (relative deviation %.2e%s)"
                  % (name, row["N"], k, v["result"], v["rel_dev"],
                     ", from %s's %.2e" % (bench["exact"][0][0], v["exact_dev"])
                     if "exact_dev" in v else ""))
            bad += 1
    return bad


def scale_times(row):
    """cmp_s: each implementation's compute time for the row's N; for one
    run at another size, its PART times scaled by the units of the
    reference (an implementation run at N), else compute_s * N / N_run."""
    impl = row["impl"]
    full = [v for v in impl.values() if v["N_run"] == row["N"] and v["parts"]]
    for v in impl.values():
        if v["N_run"] == row["N"]:
            v["cmp_s"] = v["compute_s"]
        elif full and set(v["parts"]) == set(full[0]["parts"]):
            ref = full[0]["parts"]
            v["cmp_s"] = sum(p["s"] * ref[k]["units"] / max(p["units"], 1)
                             for k, p in v["parts"].items())
        else:
            v["cmp_s"] = v["compute_s"] * row["N"] / v["N_run"]


def report(name, bench, row, limits):
    impl = row["impl"]
    print("%s N=%d" % (name, row["N"]))
    for k, v in impl.items():
        other = "" if v["N_run"] == row["N"] else "  (ran N=%d; %.4f s scaled to N)" % (
            v["N_run"], v["cmp_s"])
        print("  %-11s compute %10.4f s  start-up %7.3f s  result %.10e  dev %.1e%s%s" % (
            k, v["compute_s"], v["startup_s"], v["result"], v["rel_dev"],
            "" if v.get("agrees", True) else "  MISMATCH", other))
        for step, s in v["steps"].items():
            rate = bench.get("rates", {}).get(step)
            note = ""
            if rate:
                r = rate[1](v["N_run"]) / max(s, 1e-12)
                note = "  (%.1f %s)" % (r, rate[0])
                ref = limits.get(rate[2]) if limits and len(rate) > 2 else None
                if ref:
                    v.setdefault("rate_fraction", {})[step] = r / ref
                    note += "  %.0f%% of %s" % (100 * r / ref, rate[2])
            print("  %-11s   %s %.4f s%s" % ("", step, s, note))
        if v["parts"]:
            print("  %-11s   %s" % ("", "  ".join(
                "%s %.2f ns/unit" % (p, d["s"] / max(d["units"], 1) * 1e9)
                for p, d in v["parts"].items())))
    if "limit" in bench and limits:
        lim = bench["limit"](row["N"], limits)
        row["limit_s"] = lim
        print("  limit: %s" % ", ".join("%s %.4f s" % kv for kv in lim.items()))
        for k, v in impl.items():
            v["limit_fraction"] = {t: s / max(v["cmp_s"], 1e-12) for t, s in lim.items()}
            print("  %-11s reaches %s of the limit" % (k, ", ".join(
                "%.0f%% (%s)" % (100 * f, t) for t, f in v["limit_fraction"].items())))
    for rm in ("runmat-jit", "runmat-aot"):
        if rm not in impl:
            continue
        ratios = ["%s %.2fx" % (k, v["cmp_s"] / max(impl[rm]["cmp_s"], 1e-9))
                  for k, v in impl.items() if not k.startswith("runmat")]
        if ratios:
            print("  %s speedup (compute): %s" % (rm, ", ".join(ratios)))


def environment():
    env = {"machine": os.uname().nodename, "cpus": os.cpu_count(),
           "date": time.strftime("%Y-%m-%d %H:%M:%S"),
           "platform": platform.platform()}
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"^model name\s*:\s*(.*)$", f.read(), re.M)
            env["cpu"] = m.group(1) if m else None
    except OSError:
        pass
    versions = subprocess.run(
        ["/usr/bin/python3", "-c",
         "import sys, numpy, torch; print(sys.version.split()[0], numpy.__version__, "
         "torch.__version__, torch.get_num_threads())"],
        capture_output=True, text=True).stdout.split()
    if len(versions) == 4:
        env.update(python=versions[0], numpy=versions[1], torch=versions[2],
                   torch_threads=int(versions[3]))
    if shutil.which("octave-cli"):
        env["octave"] = subprocess.run(["octave-cli", "--version"], capture_output=True,
                                       text=True).stdout.splitlines()[0]
    return env


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench", default=",".join(BENCHMARKS),
                    help="comma-separated, from: " + ", ".join(BENCHMARKS))
    ap.add_argument("--impl", default=",".join(IMPLS))
    ap.add_argument("--sizes", help="comma-separated N values (all benchmarks)")
    ap.add_argument("--small", action="store_true",
                    help="each benchmark's small sizes (a quick check)")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--octave-max", type=int, default=10_000_000,
                    help="largest N given to Octave")
    ap.add_argument("--no-limits", action="store_true",
                    help="skip measuring bandwidth and libmvec throughput")
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--json", default=os.path.join(ROOT, "build/bench/results.json"))
    ap.add_argument("--plot", default=os.path.join(ROOT, "build/bench/speedup.png"))
    opts = ap.parse_args()

    names = [b for b in opts.bench.split(",") if b]
    for b in names:
        if b not in BENCHMARKS:
            ap.error("unknown benchmark %r (have: %s)" % (b, ", ".join(BENCHMARKS)))
    impls = [i for i in opts.impl.split(",") if i]
    missing = [i for i in impls if not available(i)]
    for i in missing:
        print("skipping %s: not installed" % i)
    impls = [i for i in impls if i not in missing]
    tmp = tempfile.mkdtemp(prefix="runmat-bench-")
    results = {"env": environment(), "benchmarks": {}}
    limits = None
    if not opts.no_limits:
        limits = measure_limits(min(os.cpu_count() or 1, 2))
        if limits:
            print_limits(limits)
    results["limits"] = limits
    failures = 0
    for name in names:
        bench = BENCHMARKS[name]
        sizes = ([int(float(s)) for s in opts.sizes.split(",")] if opts.sizes
                 else bench["small"] if opts.small else bench["sizes"])
        out = results["benchmarks"].setdefault(name, {"what": bench["what"], "runs": []})
        for n in sizes:
            row = {"N": n, "impl": {}}
            for impl in impls:
                n_run = max(1, int(round(n * bench.get("scale", {}).get(impl, 1.0))))
                if impl == "octave" and n_run > min(opts.octave_max,
                                                    bench.get("octave_max", n_run)):
                    continue
                if impl in ("numpy", "torch") and impl not in bench:
                    continue
                try:
                    cmd = command(impl, bench, n_run, tmp)
                    reps = [run_once(cmd, opts.timeout) for _ in range(opts.reps)]
                except (RuntimeError, OSError, subprocess.SubprocessError) as e:
                    print("FAIL %s %s N=%d: %s" % (name, impl, n_run, e))
                    failures += 1
                    continue
                best = min(reps, key=lambda r: r["compute_s"])
                row["impl"][impl] = {
                    "N_run": n_run,
                    "result": best["result"],
                    "compute_s": best["compute_s"],
                    "startup_s": min(r["startup_s"] for r in reps),
                    "compute_all_s": [r["compute_s"] for r in reps],
                    "steps": best["steps"],
                    "parts": best["parts"],
                }
            failures += check_row(name, bench, row)
            scale_times(row)
            out["runs"].append(row)
            report(name, bench, row, limits)
    os.makedirs(os.path.dirname(opts.json), exist_ok=True)
    with open(opts.json, "w") as f:
        json.dump(results, f, indent=1)
    print("json:", opts.json)
    plot(results, opts.plot)
    shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print("%d failure%s" % (failures, "" if failures == 1 else "s"))
    return 1 if failures else 0


def plot(results, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("no plot: matplotlib is not installed")
        return
    bars = []  # (label, {baseline: speedup})
    for name, b in results["benchmarks"].items():
        for row in b["runs"]:
            impl = row["impl"]
            rm = impl.get("runmat-aot") or impl.get("runmat-jit")
            if not rm:
                continue
            sp = {k: v["cmp_s"] / max(rm["cmp_s"], 1e-9)
                  for k, v in impl.items() if not k.startswith("runmat")}
            bars.append(("%s\nN=%.0e" % (name, row["N"]), sp))
    if not bars:
        return
    baselines = sorted({k for _, sp in bars for k in sp})
    if not baselines:
        return
    fig, ax = plt.subplots(figsize=(max(6, 1.6 * len(bars)), 4))
    width = 0.8 / max(len(baselines), 1)
    for j, base in enumerate(baselines):
        xs = [i + j * width for i in range(len(bars))]
        ys = [sp.get(base, 0) for _, sp in bars]
        ax.bar(xs, ys, width, label="vs " + base)
    ax.set_xticks([i + 0.4 - width / 2 for i in range(len(bars))])
    ax.set_xticklabels([lbl for lbl, _ in bars], fontsize=8)
    ax.set_yscale("log")
    ax.axhline(1.0, color="black", linewidth=0.8)
    ax.set_ylabel("RunMat speedup (compute time, log scale)")
    ax.legend()
    fig.tight_layout()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fig.savefig(path, dpi=120)
    print("plot:", path)


if __name__ == "__main__":
    sys.exit(main())
