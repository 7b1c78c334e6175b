/* Throughput of glibc's vector math library (libmvec) on this machine:
 * y[i] = f(x[i]) for f in sin, exp, cos, tanh, over a block of doubles that
 * stays in the L1/L2 cache, repeated. Compiled with -O3 -ffast-math
 * -march=native, gcc vectorises these loops through libmvec's _ZGV* entry
 * points (bench/run.py checks that with objdump); built without -ffast-math
 * the same source measures scalar libm (bench/run.py's mathvec_scalar).
 * x[i] = mod(7919 i + 13, 10007) / 10007 in [0, 1), as in the elementwise
 * benchmark's input. Prints `MATH_NS <name> <ns per element>` (best of reps).
 * usage: mathvec [block (default 4096)] [total elements per rep (2^26)] [reps (3)] */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

#define KERNEL(NAME, F)                                                      \
  __attribute__((noinline)) static void k_##NAME(const double *restrict x,    \
                                                 double *restrict y, int n) { \
    for (int i = 0; i < n; i++)                                              \
      y[i] = F(x[i]);                                                        \
  }
KERNEL(sin, sin)
KERNEL(exp, exp)
KERNEL(cos, cos)
KERNEL(tanh, tanh)

typedef void (*kernel_t)(const double *restrict, double *restrict, int);

int main(int argc, char **argv) {
  int block = argc > 1 ? atoi(argv[1]) : 4096;
  long total = argc > 2 ? atol(argv[2]) : 1L << 26;
  int reps = argc > 3 ? atoi(argv[3]) : 3;
  double *x = aligned_alloc(64, block * sizeof(double));
  double *y = aligned_alloc(64, block * sizeof(double));
  for (int i = 0; i < block; i++)
    x[i] = fmod(7919.0 * i + 13, 10007) / 10007;
  const char *names[] = {"sin", "exp", "cos", "tanh"};
  kernel_t ks[] = {k_sin, k_exp, k_cos, k_tanh};
  long iters = total / block;
  double check = 0;
  for (int f = 0; f < 4; f++) {
    double best = 1e30;
    for (int r = 0; r < reps + 1; r++) {
      double t0 = now();
      for (long it = 0; it < iters; it++) {
        ks[f](x, y, block);
        __asm__ volatile("" ::: "memory");
      }
      double dt = now() - t0;
      if (r > 0 && dt < best)
        best = dt;
      check += y[block / 3];
    }
    printf("MATH_NS %s %.4f\n", names[f], best / ((double)iters * block) * 1e9);
  }
  printf("CHECK %.6f\n", check);
  return 0;
}
