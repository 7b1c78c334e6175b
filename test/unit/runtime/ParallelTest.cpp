//===- ParallelTest.cpp - rm_parallel_for ---------------------------------===//
#include "runmat/rt/abi.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

namespace {

struct Cover {
  std::vector<std::atomic<int>> hits;
  std::atomic<int> calls{0};
  explicit Cover(int64_t n) : hits((size_t)n) {}
};

void mark(void *ctx, int64_t begin, int64_t end) {
  auto *c = static_cast<Cover *>(ctx);
  ++c->calls;
  for (int64_t i = begin; i < end; ++i)
    ++c->hits[(size_t)i];
}

// Every element is visited exactly once, whatever the size and the grain
// (serial below the grain, chunks across threads above it).
TEST(ParallelFor, VisitsEveryElementOnce) {
  for (int64_t n : {1, 63, 64, 65, 1000, 4097, 100000, 1 << 20}) {
    for (int64_t grain : {1, 64, 4096, 1 << 30}) {
      Cover c(n);
      rm_parallel_for(n, grain, mark, &c);
      for (int64_t i = 0; i < n; ++i)
        ASSERT_EQ(c.hits[(size_t)i].load(), 1) << "n=" << n << " grain=" << grain;
      if (n < 2 * grain)
        EXPECT_EQ(c.calls.load(), 1);
    }
  }
}

TEST(ParallelFor, EmptyRangeCallsNothing) {
  Cover c(0);
  rm_parallel_for(0, 1, mark, &c);
  rm_parallel_for(-5, 1, mark, &c);
  EXPECT_EQ(c.calls.load(), 0);
}

// Back-to-back regions reuse the pool without losing or repeating chunks.
TEST(ParallelFor, ManyRegionsInARow) {
  Cover c(10000);
  for (int r = 0; r < 2000; ++r)
    rm_parallel_for(10000, 64, mark, &c);
  for (auto &h : c.hits)
    ASSERT_EQ(h.load(), 2000);
}

} // namespace
