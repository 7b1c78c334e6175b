"""Batched first-order IIR smoothing (see iir.m) in NumPy, float64.
Time-major L x B (C order): the same memory layout as iir.m's column-major
B x L. usage: iir_numpy.py L"""
import sys
import time

import numpy as np

N = int(sys.argv[1])
B, a = 256, 0.95
b = 1 - a
L = N
x = (np.mod(np.arange(B * L, dtype=np.float64) * 7919 + 13, 10007) / 10007
     ).reshape(L, B)
t0 = time.perf_counter()
y = np.zeros((L, B))
y[0] = b * x[0]
for t in range(1, L):
    y[t] = a * y[t - 1] + b * x[t]
s = float(y.sum())
el = time.perf_counter() - t0
print(f"RESULT {s:.12e}")
print(f"COMPUTE_S {el:.6f}")
