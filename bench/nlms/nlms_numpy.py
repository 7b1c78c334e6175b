"""Batched NLMS adaptive filter (see nlms.m) in NumPy, float64. Arrays are
time-major, L x B (C order), the same memory layout as nlms.m's
column-major B x L, so the data of one time step are contiguous.
usage: nlms_numpy.py L"""
import sys
import time

import numpy as np

N = int(sys.argv[1])
B, p, mu, epsn = 128, 32, 0.5, 1e-6
L = N
k = np.arange(B * L, dtype=np.float64)
x = (np.mod(k * 7919 + 13, 10007) / 10007 - 0.5).reshape(L, B)
noise = (np.mod(k * 7919 + 29, 10007) / 10007 - 0.5).reshape(L, B)
j = np.arange(p)
h = (-1.0) ** j * (p - j) / (2 * p)
dsig = np.zeros((L, B))
for jj in range(p):  # h(jj+1) applied to x delayed by jj
    dsig[p - 1:] = dsig[p - 1:] + h[jj] * x[p - 1 - jj:L - jj]
dsig = dsig + 0.01 * noise
t0 = time.perf_counter()
W = np.zeros((p, B))
err = 0.0
for t in range(p - 1, L):
    Xw = x[t - p + 1:t + 1][::-1]          # p x B, newest sample first
    e = dsig[t] - (W * Xw).sum(axis=0)
    W = W + (mu * e) * Xw / ((Xw ** 2).sum(axis=0) + epsn)
    err = err + float((e ** 2).sum())
el = time.perf_counter() - t0
print(f"RESULT {err:.12e}")
print(f"COMPUTE_S {el:.6f}")
