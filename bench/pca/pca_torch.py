"""PCA by block power iteration (see pca.m) in PyTorch, float64 on the CPU.
usage: pca_torch.py n"""
import sys
import time

import torch

N = int(sys.argv[1])
d, k, iters = 256, 16, 15
# Column-major linear index, as in MATLAB: build the transpose, then .T.
X = (torch.remainder(torch.arange(N * d, dtype=torch.float64) * 7919 + 13, 10007)
     / 10007).reshape(d, N).T.contiguous()
Q = (torch.remainder(torch.arange(d * k, dtype=torch.float64) * 7919 + 101, 10007)
     / 10007 - 0.5).reshape(k, d).T.contiguous()
t0 = time.perf_counter()
Xc = X - X.mean(dim=0)
G = (Xc.T @ Xc) / (N - 1)
tg = time.perf_counter() - t0
for it in range(iters):
    Q, _ = torch.linalg.qr(G @ Q, mode="reduced")
ev = torch.diag(Q.T @ G @ Q) / torch.trace(G)
s = float(ev.sum())
t = time.perf_counter() - t0
print(f"RESULT {s:.12e}")
print(f"COMPUTE_S {t:.6f}")
print(f"GRAM_S {tg:.6f}")
