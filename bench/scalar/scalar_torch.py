"""Scalar-loop suite (see scalar.m) in Python with PyTorch: as scalar_numpy.py
(plain CPython for the loop, the recursion and the strings), but the fill
writes a torch.float64 tensor element by element.
usage: scalar_torch.py N"""
import math
import sys
import time

import torch


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


sys.setrecursionlimit(10000)
N = int(sys.argv[1])
t0 = time.perf_counter()
s = 0.0
for i in range(1, N + 1):
    s = s + (i % 7) * 0.5
t1 = time.perf_counter() - t0
n = math.isqrt(N // 10)
t0 = time.perf_counter()
A = torch.zeros((n, n), dtype=torch.float64)
for i in range(1, n + 1):
    for j in range(1, n + 1):
        A[i - 1, j - 1] = i * 0.5 + j
t2 = time.perf_counter() - t0
m, f1, f2 = 1, 1, 2
while 2 * f2 - 1 <= N / 10:
    m, f1, f2 = m + 1, f2, f1 + f2
calls = 2 * f1 - 1
t0 = time.perf_counter()
f = fib(m)
t3 = time.perf_counter() - t0
K = N // 1000
t0 = time.perf_counter()
st = ""
for k in range(1, K + 1):
    st = st + "%d," % k
t4 = time.perf_counter() - t0
print(f"RESULT {s + float(A.sum()) + f + len(st):.12e}")
print(f"COMPUTE_S {t1 + t2 + t3 + t4:.6f}")
print(f"PART loop {t1:.6f} {N}")
print(f"PART fill {t2:.6f} {n * n}")
print(f"PART fib {t3:.6f} {calls}")
print(f"PART str {t4:.6f} {K}")
