//===- Parallel.cpp - The runtime's thread pool (rm_parallel_for) ---------===//
//
// Fused loops over large arrays are split across the machine's cores. The
// pool starts with the runtime (rm_parallel_start) with one worker less than
// the thread count (the calling thread works too) and lives until the
// process exits. A region is cut into pieces that the threads claim one at
// a time; results never depend on which thread ran a piece.
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

  /// Runs fn over [0, n) split into `pieces` pieces, which the calling
  /// thread and the workers claim one at a time: a worker that wakes late
  /// (an idle virtual CPU can take a millisecond) takes fewer pieces instead
  /// of delaying the end.
  void run(int64_t n, int pieces, rm_kernel_fn fn, void *ctx) {
    std::unique_lock<std::mutex> lock(mu);
    // Workers still inside the previous job (with nothing left to claim)
    // leave before the counters are reset.
    idle.wait(lock, [&] { return active == 0; });
    job = Job{n, pieces, fn, ctx};
    next.store(0, std::memory_order_relaxed);
    finished = 0;
    generation.fetch_add(1, std::memory_order_release);
    lock.unlock();
    wake.notify_all();
    work(job);
    lock.lock();
    done.wait(lock, [&] { return finished == pieces; });
  }

private:
  struct Job {
    int64_t n = 0;
    int pieces = 0;
    rm_kernel_fn fn = nullptr;
    void *ctx = nullptr;
  };

  Pool() {
    int t = (int)std::thread::hardware_concurrency();
    if (const char *env = std::getenv("RUNMAT_NUM_THREADS"))
      t = std::atoi(env);
    nthreads = std::clamp(t, 1, 256);
    for (int k = 1; k < nthreads; ++k)
      std::thread([this] { worker(); }).detach();
  }

  static void runPiece(const Job &j, int k) {
    // Piece k of j.pieces: [begin, end), boundaries rounded to 64.
    int64_t per = (j.n + j.pieces - 1) / j.pieces;
    per = (per + 63) / 64 * 64;
    int64_t begin = std::min(j.n, per * k), end = std::min(j.n, begin + per);
    if (begin < end)
      j.fn(j.ctx, begin, end);
  }

  /// Claims and runs pieces of j until none is left.
  void work(const Job &j) {
    int mine = 0;
    for (int k; (k = next.fetch_add(1, std::memory_order_relaxed)) < j.pieces; ++mine)
      runPiece(j, k);
    if (mine == 0)
      return;
    std::lock_guard<std::mutex> lock(mu);
    finished += mine;
    if (finished == j.pieces)
      done.notify_one();
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

  void worker() {
    uint64_t seen = 0;
    for (;;) {
      awaitJob(seen);
      Job j;
      {
        // The job and its generation together; `active` keeps the job (and
        // its claim counter) in place until this worker is done with it.
        std::lock_guard<std::mutex> lock(mu);
        j = job;
        seen = generation.load(std::memory_order_relaxed);
        ++active;
      }
      work(j);
      std::lock_guard<std::mutex> lock(mu);
      if (--active == 0)
        idle.notify_all();
    }
  }

  static constexpr int kSpinMicros = 200;
  int nthreads = 1;
  std::mutex mu;
  std::condition_variable wake, done, idle;
  std::atomic<uint64_t> generation{0};
  std::atomic<int> next{0};
  int finished = 0, active = 0;
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
  if (pool.threads() <= 1) {
    fn(ctx, 0, n);
    return;
  }
  // Four pieces per thread (each at least a grain): claimed dynamically.
  int pieces = (int)std::min<int64_t>(4 * (int64_t)pool.threads(), n / grain);
  pool.run(n, std::max(pieces, 2), fn, ctx);
}

extern "C" void rm_parallel_start(void) { Pool::get(); }
