"""Elementwise math chain (see chain.m) in NumPy. usage: chain_numpy.py N"""
import sys
import time

import numpy as np

N = int(sys.argv[1])
i = np.arange(N, dtype=np.float64)
x = np.mod(i * 7919 + 13, 10007) / 10007
t0 = time.perf_counter()
y = np.sin(x) * np.exp(-x) + np.cos(x) * np.tanh(x)
s = float(y.sum())
t = time.perf_counter() - t0
print(f"RESULT {s:.12e}")
print(f"COMPUTE_S {t:.6f}")
