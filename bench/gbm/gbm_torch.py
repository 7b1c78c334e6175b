"""Monte Carlo GBM option price (see gbm.m) in PyTorch, float64 on the CPU,
with PyTorch's own normal generator (torch.manual_seed(42)): the price
agrees with the others only statistically. usage: gbm_torch.py M"""
import math
import sys
import time

import torch

N = int(sys.argv[1])
T, S0, K, r, sigma, Tm = 252, 100.0, 100.0, 0.05, 0.2, 1.0
dt = Tm / T
drift = (r - 0.5 * sigma ** 2) * dt
scale = sigma * math.sqrt(dt)
torch.manual_seed(42)
t0 = time.perf_counter()
S = S0 * torch.ones(N, dtype=torch.float64)
for step in range(T):
    Z = torch.randn(N, dtype=torch.float64)
    S = S * torch.exp(drift + scale * Z)
price = math.exp(-r * Tm) * float(torch.clamp(S - K, min=0).mean())
t = time.perf_counter() - t0
print(f"RESULT {price:.12e}")
print(f"COMPUTE_S {t:.6f}")
