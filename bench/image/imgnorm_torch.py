"""4K image normalisation pipeline (see imgnorm.m) in PyTorch, float32 on the
CPU. One image per row: X is B x (2160*3840). usage: imgnorm_torch.py B"""
import sys
import time

import torch

N = int(sys.argv[1])
H, W = 2160, 3840
P = H * W
gain, bias, gamma, epsn = 1.25, 0.1, 1 / 2.2, 1e-5
k = torch.arange(P * N, dtype=torch.float64)
X = (torch.remainder(k * 7919 + 13, 10007) / 10007).to(torch.float32).reshape(N, P)
del k
t0 = time.perf_counter()
mu = X.mean(dim=1, keepdim=True)
D = X - mu
v = (D ** 2).mean(dim=1, keepdim=True)
Y = D / torch.sqrt(v + epsn) * gain + bias
Z = torch.clamp(Y, min=0) ** gamma
s = float(Z.sum(dtype=torch.float64))
t = time.perf_counter() - t0
print(f"RESULT {s:.12e}")
print(f"COMPUTE_S {t:.6f}")
