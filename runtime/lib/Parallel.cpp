//===- Parallel.cpp - The runtime's thread pool (rm_parallel_for) ---------===//
//
// Fused loops over large arrays are split across the machine's cores. The
// pool starts on first use with one worker less than the thread count (the
// calling thread takes the first chunk) and lives until the process exits.
// One region runs at a time: compiled code is single-threaded, so a call
// never overlaps another.
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/abi.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <vector>

namespace {

class Pool {
public:
  static Pool &get() {
    static Pool *pool = new Pool(); // never destroyed: workers are detached
    return *pool;
  }

  int threads() const { return nthreads; }

  void run(int64_t n, int chunks, rm_kernel_fn fn, void *ctx) {
    std::unique_lock<std::mutex> lock(mu);
    job = Job{n, chunks, fn, ctx};
    pending = chunks - 1;
    generation.fetch_add(1, std::memory_order_release);
    lock.unlock();
    wake.notify_all();
    runChunk(job, 0);
    lock.lock();
    done.wait(lock, [&] { return pending == 0; });
  }

private:
  struct Job {
    int64_t n = 0;
    int chunks = 0;
    rm_kernel_fn fn = nullptr;
    void *ctx = nullptr;
  };

  Pool() {
    int t = (int)std::thread::hardware_concurrency();
    if (const char *env = std::getenv("RUNMAT_NUM_THREADS"))
      t = std::atoi(env);
    nthreads = std::clamp(t, 1, 256);
    for (int k = 1; k < nthreads; ++k)
      std::thread([this, k] { worker(k); }).detach();
  }

  static void runChunk(const Job &j, int k) {
    // Chunk k of j.chunks: [begin, end), boundaries rounded to 64.
    int64_t per = (j.n + j.chunks - 1) / j.chunks;
    per = (per + 63) / 64 * 64;
    int64_t begin = std::min(j.n, per * k), end = std::min(j.n, begin + per);
    if (begin < end)
      j.fn(j.ctx, begin, end);
  }

  /// Waits for a job newer than `seen`: spinning for a while first (fused
  /// regions often follow each other closely, and waking a sleeping thread
  /// costs tens of microseconds), then sleeping.
  void awaitJob(uint64_t seen) {
    using clock = std::chrono::steady_clock;
    auto until = clock::now() + std::chrono::microseconds(kSpinMicros);
    while (generation.load(std::memory_order_acquire) == seen) {
      if (clock::now() >= until) {
        std::unique_lock<std::mutex> lock(mu);
        wake.wait(lock, [&] {
          return generation.load(std::memory_order_acquire) != seen;
        });
        break;
      }
      std::this_thread::yield();
    }
  }

  void worker(int k) {
    uint64_t seen = 0;
    for (;;) {
      awaitJob(seen);
      Job j;
      {
        // The job and its generation together: a later job is seen next.
        std::lock_guard<std::mutex> lock(mu);
        j = job;
        seen = generation.load(std::memory_order_relaxed);
      }
      if (k >= j.chunks)
        continue;
      runChunk(j, k);
      std::lock_guard<std::mutex> lock(mu);
      if (--pending == 0)
        done.notify_one();
    }
  }

  static constexpr int kSpinMicros = 200;
  int nthreads = 1;
  std::mutex mu;
  std::condition_variable wake, done;
  std::atomic<uint64_t> generation{0};
  int pending = 0;
  Job job;
};

} // namespace

extern "C" void rm_parallel_for(int64_t n, int64_t grain, rm_kernel_fn fn,
                                void *ctx) {
  if (n <= 0 || !fn)
    return;
  grain = std::max<int64_t>(grain, 1);
  if (n < 2 * grain) {
    fn(ctx, 0, n);
    return;
  }
  Pool &pool = Pool::get();
  int chunks = (int)std::min<int64_t>(pool.threads(), n / grain);
  if (chunks <= 1) {
    fn(ctx, 0, n);
    return;
  }
  pool.run(n, chunks, fn, ctx);
}

extern "C" void rm_parallel_start(void) { Pool::get(); }
