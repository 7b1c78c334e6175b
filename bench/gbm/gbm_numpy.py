"""Monte Carlo GBM option price (see gbm.m) in NumPy, drawing the normals
from RunMat's LCG generator exactly as `rng(42); randn(M, 1)` does
(docs/rng.md): state s <- 6364136223846793005*s + 1 (mod 2^64), seeded by
SplitMix64(42); uniform = (s >> 11) * 2^-53 taken after each step; normal
pairs by Box-Muller, r = sqrt(-2 log(1 - u1)), t = 2 pi u2, (r cos t,
r sin t). A randn(M, 1) call uses 2*ceil(M/2) uniforms. The affine maps
s -> A^j s + C_j (j = 1..2*ceil(M/2)) are tabulated once, so each call's
states are one vectorised multiply-add from the call's start state.
usage: gbm_numpy.py M"""
import sys
import time

import numpy as np

M64 = (1 << 64) - 1
LCG_A = 6364136223846793005


def splitmix64(x):
    z = (x + 0x9E3779B97F4A7C15) & M64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31)


def jump_tables(n):
    """mul[j-1], add[j-1] with step^j(s) = mul*s + add (mod 2^64), j = 1..n,
    by doubling: step^(k+j) = step^j o step^k."""
    mul = np.empty(n, np.uint64)
    add = np.empty(n, np.uint64)
    mul[0], add[0] = LCG_A, 1
    k = 1
    while k < n:
        m = min(k, n - k)
        mul[k:k + m] = mul[:m] * mul[k - 1]
        add[k:k + m] = mul[:m] * add[k - 1] + add[:m]
        k += m
    return mul, add


class LcgRandn:
    def __init__(self, seed, n):
        self.state = np.uint64(splitmix64(seed))
        self.n = n
        self.pairs = (n + 1) // 2
        self.mul, self.add = jump_tables(2 * self.pairs)

    def randn(self):
        st = self.mul * self.state + self.add
        self.state = st[-1]
        u = (st >> np.uint64(11)).astype(np.float64) * 2.0 ** -53
        r = np.sqrt(-2.0 * np.log(1.0 - u[0::2]))
        t = 6.283185307179586 * u[1::2]
        z = np.empty(2 * self.pairs)
        z[0::2] = r * np.cos(t)
        z[1::2] = r * np.sin(t)
        return z[:self.n]


N = int(sys.argv[1])
T, S0, K, r, sigma, Tm = 252, 100.0, 100.0, 0.05, 0.2, 1.0
dt = Tm / T
drift = (r - 0.5 * sigma ** 2) * dt
scale = sigma * np.sqrt(dt)
with np.errstate(over="ignore"):
    t0 = time.perf_counter()
    gen = LcgRandn(42, N)
    S = S0 * np.ones(N)
    for step in range(T):
        Z = gen.randn()
        S = S * np.exp(drift + scale * Z)
    price = np.exp(-r * Tm) * np.mean(np.maximum(S - K, 0))
    t = time.perf_counter() - t0
print(f"RESULT {price:.12e}")
print(f"COMPUTE_S {t:.6f}")
