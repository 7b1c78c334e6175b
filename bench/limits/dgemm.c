/* OpenBLAS DGEMM rate for the shape of PCA's Gram step: C = A' * A with A
 * n x d (C d x d, 2 n d^2 flops), on the threads OpenBLAS chooses (all
 * cores unless OPENBLAS_NUM_THREADS says otherwise), with the OpenBLAS
 * kernel the environment selects (OPENBLAS_CORETYPE). Prints
 * `DGEMM_GFLOPS <n> <d> <GFLOP/s>` (best of the repetitions) and
 * `DSYRK_GFLOPS ...` for the same product by SYRK, counted at GEMM's
 * flops (it does half).
 * usage: dgemm [n (20000)] [d (256)] [reps (5)] */
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 20000;
  int d = argc > 2 ? atoi(argv[2]) : 256;
  int reps = argc > 3 ? atoi(argv[3]) : 5;
  double *A = malloc(sizeof(double) * (size_t)n * d);
  double *C = malloc(sizeof(double) * (size_t)d * d);
  if (!A || !C)
    return 1;
  for (size_t i = 0; i < (size_t)n * d; ++i)
    A[i] = (double)((i * 7919 + 13) % 10007) / 10007.0 - 0.5;
  double flops = 2.0 * n * (double)d * d, best = 1e30, bestSyrk = 1e30;
  for (int r = 0; r < reps + 1; ++r) { /* the first run warms up */
    double t0 = now();
    cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, d, d, n, 1.0, A, n,
                A, n, 0.0, C, d);
    double t1 = now();
    cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, d, n, 1.0, A, n, 0.0,
                C, d);
    double t2 = now();
    if (r > 0) {
      if (t1 - t0 < best)
        best = t1 - t0;
      if (t2 - t1 < bestSyrk)
        bestSyrk = t2 - t1;
    }
  }
  printf("DGEMM_GFLOPS %d %d %.2f\n", n, d, flops / best / 1e9);
  printf("DSYRK_GFLOPS %d %d %.2f\n", n, d, flops / bestSyrk / 1e9);
  printf("CHECK %.6e\n", C[0]);
  free(A);
  free(C);
  return 0;
}
