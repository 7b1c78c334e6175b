"""PCA by block power iteration (see pca.m) in NumPy, float64.
usage: pca_numpy.py n"""
import sys
import time

import numpy as np

N = int(sys.argv[1])
d, k, iters = 256, 16, 15
# Column-major linear index, as in MATLAB: reshape in Fortran order.
X = (np.mod(np.arange(N * d, dtype=np.float64) * 7919 + 13, 10007) / 10007
     ).reshape(N, d, order="F")
Q = (np.mod(np.arange(d * k, dtype=np.float64) * 7919 + 101, 10007) / 10007
     - 0.5).reshape(d, k, order="F")
t0 = time.perf_counter()
Xc = X - X.mean(axis=0)
G = (Xc.T @ Xc) / (N - 1)
tg = time.perf_counter() - t0
for it in range(iters):
    Q, _ = np.linalg.qr(G @ Q, mode="reduced")
ev = np.diag(Q.T @ G @ Q) / np.trace(G)
s = float(ev.sum())
t = time.perf_counter() - t0
print(f"RESULT {s:.12e}")
print(f"COMPUTE_S {t:.6f}")
print(f"GRAM_S {tg:.6f}")
