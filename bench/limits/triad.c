/* STREAM triad, a[i] = b[i] + s*c[i], on three arrays of doubles much
 * larger than the caches: the sustainable memory bandwidth of this machine,
 * with 1..T threads (pthreads, each thread its own contiguous slice, first
 * touched by that thread). Bandwidth counts 24 bytes per element (STREAM's
 * convention: read b and c, write a; the write-allocate read of a is not
 * counted). Prints `TRIAD_GBS <threads> <GB/s>` per thread count (best of
 * the repetitions).
 * usage: triad [elements per array (default 2^25)] [max threads (2)] [reps (5)] */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double *a, *b, *c;
static size_t n;
static int nthreads;
static pthread_barrier_t start_bar, stop_bar;
static volatile int quit;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static void slice(int id, size_t *lo, size_t *hi) {
  *lo = n * id / nthreads;
  *hi = n * (id + 1) / nthreads;
}

static void triad(size_t lo, size_t hi, double s) {
  for (size_t i = lo; i < hi; i++)
    a[i] = b[i] + s * c[i];
}

static void *worker(void *arg) {
  int id = (int)(size_t)arg;
  size_t lo, hi;
  slice(id, &lo, &hi);
  for (size_t i = lo; i < hi; i++) { /* first touch */
    a[i] = 0.0;
    b[i] = 1.0 + (double)(i % 7);
    c[i] = 0.5 * (double)(i % 5);
  }
  for (;;) {
    pthread_barrier_wait(&start_bar);
    if (quit)
      return NULL;
    triad(lo, hi, 3.0);
    pthread_barrier_wait(&stop_bar);
  }
}

int main(int argc, char **argv) {
  n = argc > 1 ? strtoull(argv[1], NULL, 10) : (size_t)1 << 25;
  int maxt = argc > 2 ? atoi(argv[2]) : 2;
  int reps = argc > 3 ? atoi(argv[3]) : 5;
  a = aligned_alloc(64, n * sizeof(double));
  b = aligned_alloc(64, n * sizeof(double));
  c = aligned_alloc(64, n * sizeof(double));
  if (!a || !b || !c)
    return 1;
  double check = 0;
  for (int t = 1; t <= maxt; t++) {
    nthreads = t;
    quit = 0;
    pthread_barrier_init(&start_bar, NULL, t + 1);
    pthread_barrier_init(&stop_bar, NULL, t + 1);
    pthread_t th[64];
    for (int i = 0; i < t; i++)
      pthread_create(&th[i], NULL, worker, (void *)(size_t)i);
    double best = 1e30;
    for (int r = 0; r < reps + 1; r++) { /* the first rep warms up */
      double t0 = now();
      pthread_barrier_wait(&start_bar);
      pthread_barrier_wait(&stop_bar);
      double dt = now() - t0;
      if (r > 0 && dt < best)
        best = dt;
    }
    quit = 1;
    pthread_barrier_wait(&start_bar);
    for (int i = 0; i < t; i++)
      pthread_join(th[i], NULL);
    pthread_barrier_destroy(&start_bar);
    pthread_barrier_destroy(&stop_bar);
    check += a[n / 2];
    printf("TRIAD_GBS %d %.2f\n", t, 24.0 * n / best / 1e9);
  }
  printf("CHECK %.1f\n", check);
  return 0;
}
