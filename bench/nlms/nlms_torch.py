"""Batched NLMS adaptive filter (see nlms.m) in PyTorch, float64 on the
CPU, time-major L x B as in nlms_numpy.py. usage: nlms_torch.py L"""
import sys
import time

import torch

N = int(sys.argv[1])
B, p, mu, epsn = 128, 32, 0.5, 1e-6
L = N
k = torch.arange(B * L, dtype=torch.float64)
x = (torch.remainder(k * 7919 + 13, 10007) / 10007 - 0.5).reshape(L, B)
noise = (torch.remainder(k * 7919 + 29, 10007) / 10007 - 0.5).reshape(L, B)
j = torch.arange(p, dtype=torch.float64)
h = (-1.0) ** j * (p - j) / (2 * p)
dsig = torch.zeros((L, B), dtype=torch.float64)
for jj in range(p):
    dsig[p - 1:] = dsig[p - 1:] + h[jj] * x[p - 1 - jj:L - jj]
dsig = dsig + 0.01 * noise
t0 = time.perf_counter()
W = torch.zeros((p, B), dtype=torch.float64)
err = torch.zeros((), dtype=torch.float64)
for t in range(p - 1, L):
    Xw = x[t - p + 1:t + 1].flip(0)        # p x B, newest sample first
    e = dsig[t] - (W * Xw).sum(dim=0)
    W = W + (mu * e) * Xw / ((Xw ** 2).sum(dim=0) + epsn)
    err = err + (e ** 2).sum()
err = float(err)
el = time.perf_counter() - t0
print(f"RESULT {err:.12e}")
print(f"COMPUTE_S {el:.6f}")
