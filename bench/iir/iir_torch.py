"""Batched first-order IIR smoothing (see iir.m) in PyTorch, float64 on the
CPU, time-major L x B as in iir_numpy.py. usage: iir_torch.py L"""
import sys
import time

import torch

N = int(sys.argv[1])
B, a = 256, 0.95
b = 1 - a
L = N
x = (torch.remainder(torch.arange(B * L, dtype=torch.float64) * 7919 + 13, 10007)
     / 10007).reshape(L, B)
t0 = time.perf_counter()
y = torch.zeros((L, B), dtype=torch.float64)
y[0] = b * x[0]
for t in range(1, L):
    y[t] = a * y[t - 1] + b * x[t]
s = float(y.sum())
el = time.perf_counter() - t0
print(f"RESULT {s:.12e}")
print(f"COMPUTE_S {el:.6f}")
