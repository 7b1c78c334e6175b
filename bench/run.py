#!/usr/bin/python3
"""Benchmark harness: runs each benchmark's implementations in turn on this
machine — RunMat through runmat-jit and through a runmatc executable, GNU
Octave, NumPy, PyTorch — several repetitions each, and reports start-up and
compute time separately.

Every implementation prints two lines, which the harness reads:
    RESULT <number>      the consumed result (a sum or a price), checked
                         against the other implementations (relative
                         tolerance per benchmark)
    COMPUTE_S <seconds>  the compute time measured inside the program
Start-up is the wall time of the process minus its compute time (process
start, JIT compilation, interpreter and library import, input generation).

usage:
    bench/run.py                              # every benchmark, default sizes
    bench/run.py --bench elementwise --sizes 1000000,10000000 --reps 3
    bench/run.py --impl runmat-jit,numpy --json out.json --plot out.png

Writes JSON (default build/bench/results.json) and a speedup plot (PNG,
default build/bench/speedup.png): RunMat's compute time against each other
implementation's, per benchmark and size. The implementations that are not
installed are skipped and reported.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")

# Each benchmark: the MATLAB program (RunMat and Octave run the same text,
# with its `N = ...;` line rewritten), the Python programs (given N as
# argv[1]), default sizes, the tolerance on RESULT, and the largest size
# Octave is given (it is far slower on some of them).
BENCHMARKS = {
    "elementwise": {
        "matlab": "elementwise/chain.m",
        "numpy": "elementwise/chain_numpy.py",
        "torch": "elementwise/chain_torch.py",
        "sizes": [1_000_000, 10_000_000, 100_000_000],
        "rtol": 1e-9,
        "what": "y = sin(x).*exp(-x) + cos(x).*tanh(x); sum(y)",
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


def matlab_program(bench, n, tmp):
    src = open(os.path.join(BENCH, bench["matlab"])).read()
    src = re.sub(r"^N = [^;]*;", "N = %d;" % n, src, count=1, flags=re.M)
    name = os.path.splitext(os.path.basename(bench["matlab"]))[0]
    path = os.path.join(tmp, "%s_%d.m" % (name, n))
    with open(path, "w") as f:
        f.write(src)
    return path


def command(impl, bench, n, tmp):
    """The command line that runs `impl` on size n (compiling first for
    runmatc, outside the timed runs)."""
    if impl in ("runmat-jit", "runmat-aot", "octave"):
        prog = matlab_program(bench, n, tmp)
        if impl == "runmat-jit":
            return [os.path.join(ROOT, "build/bin/runmat-jit"), prog]
        if impl == "octave":
            return ["octave-cli", "--no-gui", "--norc", "--quiet", prog]
        exe = prog[:-2] + ".exe"
        subprocess.run([os.path.join(ROOT, "build/bin/runmatc"), prog, "-o", exe],
                       check=True)
        return [exe]
    return ["/usr/bin/python3", os.path.join(BENCH, bench[impl]), str(n)]


def run_once(cmd, timeout):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (" ".join(cmd), p.returncode,
                                                   p.stderr.strip()[-500:]))
    res = re.search(r"^RESULT (\S+)", p.stdout, re.M)
    comp = re.search(r"^COMPUTE_S (\S+)", p.stdout, re.M)
    if not res or not comp:
        raise RuntimeError("%s printed no RESULT/COMPUTE_S:\n%s" % (
            " ".join(cmd), p.stdout[-500:]))
    compute = float(comp.group(1))
    return {"result": float(res.group(1)), "compute_s": compute,
            "wall_s": wall, "startup_s": max(wall - compute, 0.0)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench", default=",".join(BENCHMARKS))
    ap.add_argument("--impl", default=",".join(IMPLS))
    ap.add_argument("--sizes", help="comma-separated N values (all benchmarks)")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--octave-max", type=int, default=10_000_000,
                    help="largest N given to Octave")
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--json", default=os.path.join(ROOT, "build/bench/results.json"))
    ap.add_argument("--plot", default=os.path.join(ROOT, "build/bench/speedup.png"))
    opts = ap.parse_args()

    impls = [i for i in opts.impl.split(",") if i]
    missing = [i for i in impls if not available(i)]
    for i in missing:
        print("skipping %s: not installed" % i)
    impls = [i for i in impls if i not in missing]
    tmp = tempfile.mkdtemp(prefix="runmat-bench-")
    env_note = {"machine": os.uname().nodename, "cpus": os.cpu_count(),
                "date": time.strftime("%Y-%m-%d %H:%M:%S")}
    results = {"env": env_note, "benchmarks": {}}
    failures = 0
    for name in opts.bench.split(","):
        bench = BENCHMARKS[name]
        sizes = ([int(s) for s in opts.sizes.split(",")] if opts.sizes
                 else bench["sizes"])
        out = results["benchmarks"].setdefault(name, {"what": bench["what"], "runs": []})
        for n in sizes:
            row = {"N": n, "impl": {}}
            for impl in impls:
                if impl == "octave" and n > opts.octave_max:
                    continue
                if impl in ("numpy", "torch") and impl not in bench:
                    continue
                try:
                    cmd = command(impl, bench, n, tmp)
                    reps = [run_once(cmd, opts.timeout) for _ in range(opts.reps)]
                except (RuntimeError, subprocess.SubprocessError) as e:
                    print("FAIL %s %s N=%d: %s" % (name, impl, n, e))
                    failures += 1
                    continue
                best = min(reps, key=lambda r: r["compute_s"])
                row["impl"][impl] = {
                    "result": best["result"],
                    "compute_s": best["compute_s"],
                    "startup_s": min(r["startup_s"] for r in reps),
                    "compute_all_s": [r["compute_s"] for r in reps],
                }
            # Every implementation must agree with the first one measured.
            vals = {k: v["result"] for k, v in row["impl"].items()}
            if vals:
                ref = next(iter(vals.values()))
                for k, v in vals.items():
                    ok = abs(v - ref) <= bench["rtol"] * max(abs(ref), 1e-300)
                    row["impl"][k]["agrees"] = ok
                    if not ok:
                        print("MISMATCH %s N=%d: %s gives %.12e, expected %.12e"
                              % (name, n, k, v, ref))
                        failures += 1
            out["runs"].append(row)
            report(name, row)
    os.makedirs(os.path.dirname(opts.json), exist_ok=True)
    with open(opts.json, "w") as f:
        json.dump(results, f, indent=1)
    print("json:", opts.json)
    plot(results, opts.plot)
    shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failures else 0


def report(name, row):
    impl = row["impl"]
    print("%s N=%d" % (name, row["N"]))
    for k, v in impl.items():
        print("  %-11s compute %10.4f s  start-up %7.3f s  result %.10e%s" % (
            k, v["compute_s"], v["startup_s"], v["result"],
            "" if v.get("agrees", True) else "  MISMATCH"))
    for rm in ("runmat-jit", "runmat-aot"):
        if rm not in impl:
            continue
        ratios = ["%s %.2fx" % (k, v["compute_s"] / max(impl[rm]["compute_s"], 1e-9))
                  for k, v in impl.items() if not k.startswith("runmat")]
        if ratios:
            print("  %s speedup (compute): %s" % (rm, ", ".join(ratios)))


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
            sp = {k: v["compute_s"] / max(rm["compute_s"], 1e-9)
                  for k, v in impl.items() if not k.startswith("runmat")}
            bars.append(("%s\nN=%.0e" % (name, row["N"]), sp))
    if not bars:
        return
    baselines = sorted({k for _, sp in bars for k in sp})
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
