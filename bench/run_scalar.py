#!/usr/bin/env python3
"""Scalar-loop benchmark: RunMat JIT, a runmatc executable and GNU Octave on
the same machine, in one run. Octave is ~1000x slower, so it runs a smaller
problem and the comparison is per iteration (compute time measured inside
each program with tic/toc; start-up reported separately)."""
import json, os, re, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = open(os.path.join(ROOT, "bench", "scalar_loop.m")).read()

def program(N, n):
    s = re.sub(r"^N = .*$", "N = %d;" % N, SRC, flags=re.M)
    return re.sub(r"^n = .*$", "n = %d;" % n, s, flags=re.M)

def run(cmd, reps):
    best = None
    for _ in range(reps):
        t0 = time.time()
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        wall = time.time() - t0
        m = re.search(r"loop_s=([\d.]+) fill_s=([\d.]+)", out)
        r = dict(loop=float(m.group(1)), fill=float(m.group(2)), wall=wall,
                 out=out.splitlines()[0])
        if best is None or r["loop"] + r["fill"] < best["loop"] + best["fill"]:
            best = r
    return best

def main():
    tmp = tempfile.mkdtemp()
    big = os.path.join(tmp, "big.m"); open(big, "w").write(program(10**8, 2000))
    small = os.path.join(tmp, "small.m"); open(small, "w").write(program(10**6, 2000))
    exe = os.path.join(tmp, "big")
    subprocess.run([os.path.join(ROOT, "build/bin/runmatc"), big, "-o", exe], check=True)
    res = {"jit": run([os.path.join(ROOT, "build/bin/runmat-jit"), big], 3),
           "aot": run([exe], 3)}
    res["jit"]["N"] = res["aot"]["N"] = 10**8
    res["jit"]["n"] = res["aot"]["n"] = 2000
    if subprocess.run(["which", "octave-cli"], capture_output=True).returncode == 0:
        res["octave"] = run(["octave-cli", "--no-gui", "--norc", "--quiet", small], 1)
        res["octave"]["N"], res["octave"]["n"] = 10**6, 2000
    for k, r in res.items():
        r["ns_per_iter"] = r["loop"] / r["N"] * 1e9
        r["ns_per_elem"] = r["fill"] / (r["n"] ** 2) * 1e9
        print("%-7s loop %8.2f ns/iter  fill %8.2f ns/elem  (wall %.2fs)  %s" % (
            k, r["ns_per_iter"], r["ns_per_elem"], r["wall"], r["out"]))
    if "octave" in res:
        for k in ("jit", "aot"):
            print("%s vs octave: loop %.0fx, fill %.0fx" % (
                k, res["octave"]["ns_per_iter"] / res[k]["ns_per_iter"],
                res["octave"]["ns_per_elem"] / res[k]["ns_per_elem"]))
    json.dump(res, open(os.path.join(tmp, "scalar.json"), "w"), indent=1)
    print("json:", os.path.join(tmp, "scalar.json"))

if __name__ == "__main__":
    main()
