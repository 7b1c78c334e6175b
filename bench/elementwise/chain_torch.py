"""Elementwise math chain (see chain.m) in PyTorch, float64 on the CPU.
usage: chain_torch.py N"""
import sys
import time

import torch

N = int(sys.argv[1])
i = torch.arange(N, dtype=torch.float64)
x = torch.remainder(i * 7919 + 13, 10007) / 10007
t0 = time.perf_counter()
y = torch.sin(x) * torch.exp(-x) + torch.cos(x) * torch.tanh(x)
s = float(y.sum())
t = time.perf_counter() - t0
print(f"RESULT {s:.12e}")
print(f"COMPUTE_S {t:.6f}")
