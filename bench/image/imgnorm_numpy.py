"""4K image normalisation pipeline (see imgnorm.m) in NumPy, float32.
One image per row: X is B x (2160*3840), C order (the same memory layout as
imgnorm.m's column-major (2160*3840) x B). usage: imgnorm_numpy.py B"""
import sys
import time

import numpy as np

N = int(sys.argv[1])
H, W = 2160, 3840
P = H * W
gain, bias, gamma, epsn = 1.25, 0.1, 1 / 2.2, 1e-5
k = np.arange(P * N, dtype=np.float64)
X = (np.mod(k * 7919 + 13, 10007) / 10007).astype(np.float32).reshape(N, P)
del k
t0 = time.perf_counter()
mu = X.mean(axis=1, keepdims=True)
D = X - mu
v = (D ** 2).mean(axis=1, keepdims=True)
Y = D / np.sqrt(v + np.float32(epsn)) * np.float32(gain) + np.float32(bias)
Z = np.maximum(Y, np.float32(0)) ** np.float32(gamma)
s = float(Z.sum(dtype=np.float64))
t = time.perf_counter() - t0
print(f"RESULT {s:.12e}")
print(f"COMPUTE_S {t:.6f}")
