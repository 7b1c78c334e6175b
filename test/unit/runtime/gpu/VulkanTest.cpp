//===- VulkanTest.cpp - Unit tests for the Vulkan compute provider --------===//
//
// Run on any Vulkan device; CI has Mesa's lavapipe (a CPU-type Vulkan 1.3
// device with shaderFloat64). Without a device every test that needs one
// skips with the provider's reason. The kernels are GLSL in kernels/,
// compiled by the build to SPIR-V headers:
//   glslangValidator -V --target-env vulkan1.1 --vn NAME -o NAME.h NAME.comp
//
// Most tests run twice: on the process's provider (Provider::get(), which on
// lavapipe uses host-visible buffers and push descriptors) and on a private
// provider forced onto the discrete-GPU paths (staging transfers, descriptor
// pools). Settings that only the environment can give the singleton
// (RUNMAT_DEVICE=cpu, a missing loader or driver) are checked in a child
// process running this binary again with one test selected.
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/gpu/Vulkan.h"

#include <cstdint>

#include "add_f32.h"
#include "axpy_f64.h"
#include "scale_inplace_f32.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace runmat::rt::gpu;

namespace {

// The tests' singleton must not write a pipeline cache into the user's home.
const bool kNoDiskCache = [] {
  setenv("RUNMAT_PIPELINE_CACHE", "0", 0);
  return true;
}();

#define ARRAY_WORDS(a) (sizeof(a) / sizeof((a)[0]))

struct PushAdd {
  uint32_t n;
};
struct PushAxpy {
  double alpha;
  uint32_t n, pad;
};
struct PushScale {
  float s, t;
  uint32_t n;
};

uint32_t groups(size_t n) { return uint32_t((n + 255) / 256); }

std::string tempDir() {
  char tmpl[] = "/tmp/runmat-vk-XXXXXX";
  const char *d = mkdtemp(tmpl);
  return d ? d : "/tmp";
}

/// Which provider a parameterised test runs on.
enum class Which { Singleton, Staging };

Provider *stagingProvider() {
  // Created once, like the singleton, so tests reuse its pipelines.
  static std::unique_ptr<Provider> p = [] {
    Options o;
    o.forceStaging = true;
    o.usePushDescriptors = false;
    o.pipelineCache = false;
    std::string why;
    return Provider::create(o, &why);
  }();
  return p.get();
}

class VulkanP : public ::testing::TestWithParam<Which> {
protected:
  Provider *p = nullptr;
  void SetUp() override {
    p = GetParam() == Which::Singleton ? Provider::get() : stagingProvider();
    if (!p)
      GTEST_SKIP() << "no GPU provider: " << Provider::unavailableReason();
  }
};

std::string whichName(const ::testing::TestParamInfo<Which> &i) {
  return i.param == Which::Singleton ? "Default" : "Staging";
}

INSTANTIATE_TEST_SUITE_P(Providers, VulkanP,
                         ::testing::Values(Which::Singleton, Which::Staging),
                         whichName);

// ---- device -----------------------------------------------------------------

TEST(Vulkan, DeviceInfoIsSane) {
  Provider *p = Provider::get();
  if (!p)
    GTEST_SKIP() << "no GPU provider: " << Provider::unavailableReason();
  EXPECT_EQ(Provider::unavailableReason(), "");
  const DeviceInfo &d = p->info();
  std::printf("device: %s (%s, vendor %04x, device %04x, driver %s %s, "
              "api %u.%u.%u, subgroup %u, unified %d, push descriptors %d)\n",
              d.name.c_str(), deviceTypeName(d.type), d.vendorId, d.deviceId,
              d.driverName.c_str(), d.driverInfo.c_str(), d.apiVersion >> 22,
              (d.apiVersion >> 12) & 0x3ff, d.apiVersion & 0xfff,
              d.subgroupSize, d.unifiedMemory, d.pushDescriptors);
  EXPECT_FALSE(d.name.empty());
  EXPECT_GE(d.apiVersion, (1u << 22) | (1u << 12)); // 1.1
  EXPECT_GE(d.maxComputeWorkGroupInvocations, 128u);
  EXPECT_GE(d.maxComputeWorkGroupCount[0], 65535u);
  EXPECT_GE(d.maxStorageBufferRange, uint64_t(1) << 27);
  EXPECT_GE(d.maxPushConstantsSize, 128u);
  EXPECT_GT(d.subgroupSize, 0u);
  ASSERT_FALSE(d.heapSizes.empty());
  EXPECT_EQ(d.heapSizes.size(), d.heapDeviceLocal.size());
  EXPECT_GT(d.heapSizes[0], 0u);
  bool uuidSet = false;
  for (uint8_t b : d.pipelineCacheUUID)
    uuidSet |= b != 0;
  EXPECT_TRUE(uuidSet);
  if (d.type == DeviceType::Cpu) { // lavapipe
    EXPECT_TRUE(d.shaderFloat64);
    EXPECT_TRUE(d.shaderInt64);
    EXPECT_TRUE(d.unifiedMemory);
  }
  EXPECT_FALSE(p->failed());
  EXPECT_EQ(Provider::get(), p); // one provider per process
}

// ---- transfers --------------------------------------------------------------

TEST_P(VulkanP, RoundTrip) {
  for (size_t n : {size_t(1), size_t(255), size_t(256), size_t(257),
                   size_t(1000000)}) {
    std::vector<float> in(n), out(n, -1.0f);
    for (size_t i = 0; i < n; ++i)
      in[i] = float(i) * 0.5f - 3.25f;
    Buffer *b = p->alloc(n * sizeof(float));
    ASSERT_NE(b, nullptr) << n;
    EXPECT_EQ(Provider::size(b), n * sizeof(float));
    Stats before = p->stats();
    ASSERT_TRUE(p->upload(b, in.data(), n * sizeof(float)));
    ASSERT_TRUE(p->download(b, out.data(), n * sizeof(float)));
    EXPECT_EQ(in, out) << n;
    Stats after = p->stats();
    EXPECT_EQ(after.uploads - before.uploads, 1u);
    EXPECT_EQ(after.uploadBytes - before.uploadBytes, n * sizeof(float));
    EXPECT_EQ(after.downloads - before.downloads, 1u);
    EXPECT_EQ(after.downloadBytes - before.downloadBytes, n * sizeof(float));
    p->free(b);
  }
}

TEST_P(VulkanP, OffsetsCopyAndFill) {
  const size_t n = 1000;
  std::vector<uint32_t> in(n), out(n);
  for (size_t i = 0; i < n; ++i)
    in[i] = uint32_t(i * 2654435761u);
  Buffer *a = p->alloc(n * 4), *b = p->alloc(n * 4);
  ASSERT_TRUE(a && b);
  ASSERT_TRUE(p->fill(b, 0, n * 4, 0xdeadbeefu));
  ASSERT_TRUE(p->upload(a, 0, in.data(), n * 4));
  ASSERT_TRUE(p->copy(b, 100 * 4, a, 0, 500 * 4)); // b[100..600) = a[0..500)
  ASSERT_TRUE(p->upload(a, 40, in.data() + 500, 8)); // a[10..12) = in[500..502)
  ASSERT_TRUE(p->download(b, out.data(), n * 4));
  for (size_t i = 0; i < n; ++i)
    ASSERT_EQ(out[i], i >= 100 && i < 600 ? in[i - 100] : 0xdeadbeefu) << i;
  uint32_t part[4];
  ASSERT_TRUE(p->download(a, 8 * 4, part, sizeof part));
  EXPECT_EQ(part[0], in[8]);
  EXPECT_EQ(part[1], in[9]);
  EXPECT_EQ(part[2], in[500]);
  EXPECT_EQ(part[3], in[501]);
  // Out of range and misaligned requests fail without harm.
  EXPECT_FALSE(p->upload(a, n * 4 - 4, in.data(), 8));
  EXPECT_FALSE(p->download(a, n * 4 + 4, part, 4));
  EXPECT_FALSE(p->copy(a, 0, a, 4, 8)); // overlapping
  EXPECT_FALSE(p->fill(a, 2, 4, 0));
  EXPECT_FALSE(p->failed());
  p->free(a);
  p->free(b);
}

TEST_P(VulkanP, LargeTransferInChunks) {
  // Larger than the 32 MiB staging chunk and not a multiple of it.
  const size_t n = (size_t(70) << 20) / 4 + 3;
  std::vector<uint32_t> in(n), out(n);
  for (size_t i = 0; i < n; ++i)
    in[i] = uint32_t(i ^ (i >> 7));
  Buffer *b = p->alloc(n * 4);
  ASSERT_NE(b, nullptr);
  ASSERT_TRUE(p->upload(b, in.data(), n * 4));
  ASSERT_TRUE(p->download(b, out.data(), n * 4));
  EXPECT_TRUE(in == out);
  p->free(b);
  ASSERT_TRUE(p->finish());
  p->trim(); // pooled buffers and idle staging memory go back
  EXPECT_EQ(p->stats().bufferBytesPooled, 0u);
  EXPECT_EQ(p->stats().stagingBytes, 0u);
}

// ---- kernels ----------------------------------------------------------------

TEST_P(VulkanP, AddF32) {
  Kernel *k = p->kernel(add_f32, ARRAY_WORDS(add_f32), "main", 3, 4);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(p->kernel(add_f32, ARRAY_WORDS(add_f32), "main", 3, 4), k);
  for (size_t n : {size_t(1), size_t(1000), size_t(1025), size_t(1) << 20}) {
    std::vector<float> a(n), b(n), y(n), ref(n);
    for (size_t i = 0; i < n; ++i) {
      a[i] = float(i) * 0.1f + 1.0f / 3.0f;
      b[i] = 1.0f / float(i + 1);
      ref[i] = a[i] + b[i];
    }
    Buffer *A = p->alloc(n * 4), *B = p->alloc(n * 4), *Y = p->alloc(n * 4);
    ASSERT_TRUE(A && B && Y);
    ASSERT_TRUE(p->upload(A, a.data(), n * 4));
    ASSERT_TRUE(p->upload(B, b.data(), n * 4));
    const Buffer *bufs[] = {A, B, Y};
    PushAdd pc{uint32_t(n)};
    ASSERT_TRUE(p->dispatch(k, bufs, &pc, groups(n)));
    ASSERT_TRUE(p->download(Y, y.data(), n * 4));
    EXPECT_EQ(std::memcmp(y.data(), ref.data(), n * 4), 0) << n;
    p->free(A);
    p->free(B);
    p->free(Y);
  }
}

TEST_P(VulkanP, AxpyF64) {
  if (!p->info().shaderFloat64)
    GTEST_SKIP() << "no shaderFloat64";
  Kernel *k = p->kernel(axpy_f64, ARRAY_WORDS(axpy_f64), "main", 2, 16);
  ASSERT_NE(k, nullptr);
  const size_t n = 100003;
  const double alpha = 1.0 / 7.0;
  std::vector<double> x(n), y(n), out(n), ref(n);
  for (size_t i = 0; i < n; ++i) {
    x[i] = std::sqrt(double(i) + 0.5);
    y[i] = 1.0 / (double(i) + 3.0);
    volatile double prod = alpha * x[i]; // no fma on the CPU side either
    ref[i] = prod + y[i];
  }
  Buffer *X = p->alloc(n * 8), *Y = p->alloc(n * 8);
  ASSERT_TRUE(X && Y);
  ASSERT_TRUE(p->upload(X, x.data(), n * 8));
  ASSERT_TRUE(p->upload(Y, y.data(), n * 8));
  const Buffer *bufs[] = {X, Y};
  PushAxpy pc{alpha, uint32_t(n), 0};
  ASSERT_TRUE(p->dispatch(k, bufs, &pc, groups(n)));
  ASSERT_TRUE(p->download(Y, out.data(), n * 8));
  EXPECT_EQ(std::memcmp(out.data(), ref.data(), n * 8), 0);
  p->free(X);
  p->free(Y);
}

TEST_P(VulkanP, HundredDependentDispatchesOneSubmit) {
  Kernel *k = p->kernel(scale_inplace_f32, ARRAY_WORDS(scale_inplace_f32),
                        "main", 1, 12);
  ASSERT_NE(k, nullptr);
  const size_t n = 100000;
  std::vector<float> x(n), out(n);
  for (size_t i = 0; i < n; ++i)
    x[i] = float(i % 1000);
  Buffer *X = p->alloc(n * 4);
  ASSERT_NE(X, nullptr);
  ASSERT_TRUE(p->finish());
  Stats before = p->stats();
  ASSERT_TRUE(p->upload(X, x.data(), n * 4));
  const Buffer *bufs[] = {X};
  // x -> 2x + 1 then x -> (x - 1) / 2, fifty times: exact in float, and
  // any missing barrier shows as a wrong element.
  for (int i = 0; i < 100; ++i) {
    PushScale pc = i % 2 == 0 ? PushScale{2.0f, 1.0f, uint32_t(n)}
                              : PushScale{0.5f, -0.5f, uint32_t(n)};
    ASSERT_TRUE(p->dispatch(k, bufs, &pc, groups(n)));
  }
  PushScale last{1.0f, 100.0f, uint32_t(n)};
  ASSERT_TRUE(p->dispatch(k, bufs, &last, groups(n)));
  ASSERT_TRUE(p->download(X, out.data(), n * 4));
  for (size_t i = 0; i < n; ++i)
    ASSERT_EQ(out[i], x[i] + 100.0f) << i;
  Stats after = p->stats();
  EXPECT_EQ(after.dispatches - before.dispatches, 101u);
  EXPECT_LE(after.submits - before.submits, 3u);
  EXPECT_LE(after.waits - before.waits, 2u);
  p->free(X);
}

TEST_P(VulkanP, MixedCommandsOrderCorrectly) {
  // Barriers are recorded only where commands share a buffer: a chain of
  // fills, dispatches, copies and uploads across buffers must still see
  // each other's results.
  Kernel *scale = p->kernel(scale_inplace_f32, ARRAY_WORDS(scale_inplace_f32),
                            "main", 1, 12);
  Kernel *add = p->kernel(add_f32, ARRAY_WORDS(add_f32), "main", 3, 4);
  ASSERT_TRUE(scale && add);
  const size_t n = 5000;
  Buffer *A = p->alloc(n * 4), *B = p->alloc(n * 4), *C = p->alloc(n * 4),
         *Y = p->alloc(n * 4);
  ASSERT_TRUE(A && B && C && Y);
  std::vector<float> c(n, 3.0f), y(n);
  for (int round = 0; round < 3; ++round) {
    float one = 1.0f;
    uint32_t bits;
    std::memcpy(&bits, &one, 4);
    ASSERT_TRUE(p->fill(A, 0, n * 4, bits));               // A = 1
    PushScale twice{2.0f, 0.0f, uint32_t(n)};
    const Buffer *a1[] = {A};
    ASSERT_TRUE(p->dispatch(scale, a1, &twice, groups(n))); // A = 2
    ASSERT_TRUE(p->upload(C, c.data(), n * 4));             // C = 3 (unrelated)
    ASSERT_TRUE(p->copy(B, 0, A, 0, n * 4));                // B = 2
    PushScale plus{1.0f, 5.0f, uint32_t(n)};
    const Buffer *b1[] = {B};
    ASSERT_TRUE(p->dispatch(scale, b1, &plus, groups(n)));  // B = 7
    ASSERT_TRUE(p->dispatch(scale, a1, &plus, groups(n)));  // A = 7
    const Buffer *abY[] = {A, B, Y};
    PushAdd pn{uint32_t(n)};
    ASSERT_TRUE(p->dispatch(add, abY, &pn, groups(n)));     // Y = 14
    const Buffer *YCY[] = {Y, C, Y};
    ASSERT_TRUE(p->dispatch(add, YCY, &pn, groups(n)));     // Y = 17
    ASSERT_TRUE(p->copy(A, 0, Y, 0, n * 4));                // A = 17
    ASSERT_TRUE(p->dispatch(scale, a1, &plus, groups(n)));  // A = 22
    if (round == 1) {
      ASSERT_TRUE(p->flush());
    }
    ASSERT_TRUE(p->download(A, y.data(), n * 4));
    for (size_t i = 0; i < n; ++i)
      ASSERT_EQ(y[i], 22.0f) << "round " << round << " i " << i;
  }
  p->free(A);
  p->free(B);
  p->free(C);
  p->free(Y);
}

TEST_P(VulkanP, InvalidInputFailsSoftly) {
  EXPECT_EQ(p->kernel(nullptr, 10, "main", 1, 0), nullptr);
  uint32_t junk[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  EXPECT_EQ(p->kernel(junk, 8, "main", 1, 0), nullptr);
  EXPECT_EQ(p->kernel(add_f32, ARRAY_WORDS(add_f32), "main", 3, 3), nullptr);
  EXPECT_EQ(p->kernel(add_f32, ARRAY_WORDS(add_f32), "", 3, 4), nullptr);
  Kernel *k = p->kernel(add_f32, ARRAY_WORDS(add_f32), "main", 3, 4);
  ASSERT_NE(k, nullptr);
  Buffer *A = p->alloc(1024);
  ASSERT_NE(A, nullptr);
  const Buffer *bufs[] = {A, A, A};
  const Buffer *withNull[] = {A, nullptr, A};
  PushAdd pc{256};
  EXPECT_FALSE(p->dispatch(nullptr, bufs, &pc, 1));
  EXPECT_FALSE(p->dispatch(k, nullptr, &pc, 1));
  EXPECT_FALSE(p->dispatch(k, withNull, &pc, 1));
  EXPECT_FALSE(p->dispatch(k, bufs, nullptr, 1));
  EXPECT_FALSE(p->dispatch(k, bufs, &pc,
                           p->info().maxComputeWorkGroupCount[0] + 1));
  Stats before = p->stats();
  EXPECT_TRUE(p->dispatch(k, bufs, &pc, 0)); // nothing to do
  EXPECT_EQ(p->stats().dispatches, before.dispatches);
  EXPECT_EQ(p->upload(nullptr, &pc, 4), false);
  EXPECT_EQ(p->alloc(size_t(1) << 62), nullptr); // too large, not fatal
  p->free(A);
  p->free(A); // double free is ignored
  p->free(nullptr);
  EXPECT_FALSE(p->failed()) << p->failureReason();
  EXPECT_TRUE(p->finish());
}

// ---- the buffer pool --------------------------------------------------------

TEST_P(VulkanP, PoolReusesFreedBuffers) {
  ASSERT_TRUE(p->finish());
  p->trim(); // an empty pool
  EXPECT_EQ(p->stats().bufferBytesPooled, 0u);
  Buffer *a = p->alloc(3000); // size class 4096
  ASSERT_NE(a, nullptr);
  p->free(a);
  Stats before = p->stats();
  Buffer *b = p->alloc(4000); // same class
  ASSERT_NE(b, nullptr);
  Stats after = p->stats();
  EXPECT_EQ(after.buffersCreated, before.buffersCreated);
  EXPECT_EQ(after.bufferPoolHits, before.bufferPoolHits + 1);
  EXPECT_EQ(after.bufferBytesLive, before.bufferBytesLive);
  EXPECT_EQ(Provider::size(b), 4000u);
  EXPECT_EQ(after.bufferBytesPooled, 0u);
  Buffer *c = p->alloc(5000); // class 8192: new memory
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(p->stats().buffersCreated, before.buffersCreated + 1);
  p->free(b);
  p->free(c);
}

TEST_P(VulkanP, ManySmallBuffersDoNotOverlap) {
  // Small classes share slabs: every buffer must see only its own bytes,
  // through uploads, fills, copies, dispatches and reuse.
  Kernel *k = p->kernel(scale_inplace_f32, ARRAY_WORDS(scale_inplace_f32),
                        "main", 1, 12);
  ASSERT_NE(k, nullptr);
  std::vector<Buffer *> bufs;
  std::vector<std::vector<float>> want;
  auto make = [&](size_t i) {
    size_t n = 1 + (i * 37) % 3000; // classes 256 B .. 16 KiB
    Buffer *b = p->alloc(n * 4);
    std::vector<float> v(n);
    for (size_t j = 0; j < n; ++j)
      v[j] = float(i * 10000 + j);
    EXPECT_TRUE(b && p->upload(b, v.data(), n * 4));
    const Buffer *one[] = {b};
    PushScale pc{1.0f, 0.5f, uint32_t(n)};
    EXPECT_TRUE(p->dispatch(k, one, &pc, groups(n)));
    for (auto &x : v)
      x += 0.5f;
    bufs.push_back(b);
    want.push_back(v);
  };
  for (size_t i = 0; i < 300; ++i)
    make(i);
  for (size_t i = 0; i < bufs.size(); i += 2) { // free half, make more
    p->free(bufs[i]);
    bufs[i] = nullptr;
  }
  for (size_t i = 300; i < 450; ++i)
    make(i);
  for (size_t i = 0; i < bufs.size(); ++i) {
    if (!bufs[i])
      continue;
    std::vector<float> got(want[i].size());
    ASSERT_TRUE(p->download(bufs[i], got.data(), got.size() * 4));
    ASSERT_EQ(got, want[i]) << "buffer " << i;
    p->free(bufs[i]);
  }
  EXPECT_FALSE(p->failed());
}

TEST_P(VulkanP, FreeWhileInFlightIsSafe) {
  Kernel *k = p->kernel(add_f32, ARRAY_WORDS(add_f32), "main", 3, 4);
  ASSERT_NE(k, nullptr);
  const size_t n = 1 << 20;
  std::vector<float> ones(n, 1.0f), junk(n, 1000.0f), y(n);
  for (int round = 0; round < 3; ++round) {
    Buffer *A = p->alloc(n * 4), *Y = p->alloc(n * 4);
    ASSERT_TRUE(A && Y);
    ASSERT_TRUE(p->upload(A, ones.data(), n * 4));
    const Buffer *bufs[] = {A, A, Y};
    PushAdd pc{uint32_t(n)};
    ASSERT_TRUE(p->dispatch(k, bufs, &pc, groups(n)));
    if (round >= 1) { // in flight rather than only recorded
      ASSERT_TRUE(p->flush());
    }
    p->free(A);
    // The same size class: must not be A's memory while the add reads it,
    // or the upload below must be ordered after the add.
    Buffer *B = p->alloc(n * 4);
    ASSERT_NE(B, nullptr);
    ASSERT_TRUE(p->upload(B, junk.data(), n * 4));
    ASSERT_TRUE(p->download(Y, y.data(), n * 4));
    for (size_t i = 0; i < n; ++i)
      ASSERT_EQ(y[i], 2.0f) << "round " << round << " i " << i;
    p->free(B);
    p->free(Y);
  }
}

// ---- threads ----------------------------------------------------------------

TEST_P(VulkanP, ConcurrentCallers) {
  Kernel *k = p->kernel(add_f32, ARRAY_WORDS(add_f32), "main", 3, 4);
  ASSERT_NE(k, nullptr);
  std::atomic<int> bad{0};
  auto work = [&](float base) {
    const size_t n = 3000;
    std::vector<float> a(n, base), y(n);
    for (int it = 0; it < 20; ++it) {
      Buffer *A = p->alloc(n * 4), *Y = p->alloc(n * 4);
      const Buffer *bufs[] = {A, A, Y};
      PushAdd pc{uint32_t(n)};
      if (!A || !Y || !p->upload(A, a.data(), n * 4) ||
          !p->dispatch(k, bufs, &pc, groups(n)) ||
          !p->download(Y, y.data(), n * 4)) {
        ++bad;
      } else {
        for (float v : y)
          if (v != 2 * base) {
            ++bad;
            break;
          }
      }
      p->free(A);
      p->free(Y);
    }
  };
  std::thread t1(work, 1.0f), t2(work, 7.0f);
  t1.join();
  t2.join();
  EXPECT_EQ(bad.load(), 0);
}

// ---- timing (printed, not asserted) ------------------------------------------

TEST_P(VulkanP, DispatchCost) {
  Kernel *k = p->kernel(scale_inplace_f32, ARRAY_WORDS(scale_inplace_f32),
                        "main", 1, 12);
  ASSERT_NE(k, nullptr);
  Buffer *X = p->alloc(256 * 4);
  ASSERT_NE(X, nullptr);
  std::vector<float> x(256, 0.0f);
  ASSERT_TRUE(p->upload(X, x.data(), x.size() * 4));
  const Buffer *bufs[] = {X};
  PushScale pc{1.0f, 1.0f, 256};
  using clock = std::chrono::steady_clock;
  ASSERT_TRUE(p->finish());
  const int N = 2000;
  auto t0 = clock::now();
  for (int i = 0; i < N; ++i)
    ASSERT_TRUE(p->dispatch(k, bufs, &pc, 1));
  auto t1 = clock::now();
  ASSERT_TRUE(p->finish());
  auto t2 = clock::now();
  const int M = 200;
  for (int i = 0; i < M; ++i) {
    ASSERT_TRUE(p->dispatch(k, bufs, &pc, 1));
    ASSERT_TRUE(p->finish());
  }
  auto t3 = clock::now();
  auto us = [](clock::duration d) {
    return std::chrono::duration<double, std::micro>(d).count();
  };
  std::printf("[%s] recorded dispatch: %.2f us each (record) + %.2f us each "
              "(execute, %d in one submit); dispatch + submit + wait: %.1f us\n",
              p->info().name.c_str(), us(t1 - t0) / N, us(t2 - t1) / N, N,
              us(t3 - t2) / M);
  float v = 0;
  ASSERT_TRUE(p->download(X, &v, 4));
  EXPECT_EQ(v, float(N + M));
  p->free(X);
}

// ---- pipeline cache -----------------------------------------------------------

TEST(VulkanCache, HeaderValidation) {
  uint8_t uuid[16], other[16];
  for (int i = 0; i < 16; ++i) {
    uuid[i] = uint8_t(i * 17 + 3);
    other[i] = uuid[i];
  }
  other[15] ^= 1;
  std::vector<uint8_t> h(64, 0xab);
  auto put = [&](size_t at, uint32_t v) { std::memcpy(&h[at], &v, 4); };
  put(0, 32);
  put(4, 1 /* VK_PIPELINE_CACHE_HEADER_VERSION_ONE */);
  put(8, 0x10de);
  put(12, 0x2330);
  std::memcpy(&h[16], uuid, 16);
  EXPECT_TRUE(pipelineCacheHeaderMatches(h.data(), h.size(), 0x10de, 0x2330,
                                         uuid));
  EXPECT_TRUE(pipelineCacheHeaderMatches(h.data(), 32, 0x10de, 0x2330, uuid));
  EXPECT_FALSE(pipelineCacheHeaderMatches(h.data(), 31, 0x10de, 0x2330, uuid));
  EXPECT_FALSE(pipelineCacheHeaderMatches(nullptr, 64, 0x10de, 0x2330, uuid));
  EXPECT_FALSE(pipelineCacheHeaderMatches(h.data(), h.size(), 0x1002, 0x2330,
                                          uuid));
  EXPECT_FALSE(pipelineCacheHeaderMatches(h.data(), h.size(), 0x10de, 0x2331,
                                          uuid));
  EXPECT_FALSE(pipelineCacheHeaderMatches(h.data(), h.size(), 0x10de, 0x2330,
                                          other));
  put(4, 2); // unknown header version
  EXPECT_FALSE(pipelineCacheHeaderMatches(h.data(), h.size(), 0x10de, 0x2330,
                                          uuid));
  put(4, 1);
  put(0, 16); // header too small
  EXPECT_FALSE(pipelineCacheHeaderMatches(h.data(), h.size(), 0x10de, 0x2330,
                                          uuid));
  put(0, 65); // header larger than the file
  EXPECT_FALSE(pipelineCacheHeaderMatches(h.data(), h.size(), 0x10de, 0x2330,
                                          uuid));
}

TEST(VulkanCache, WrittenAndReadBack) {
  std::string dir = tempDir() + "/nested/runmat";
  Options o;
  o.cacheDir = dir;
  std::string why, path;
  {
    auto p = Provider::create(o, &why);
    if (!p)
      GTEST_SKIP() << "no GPU provider: " << why;
    path = p->pipelineCachePath();
    EXPECT_EQ(path, dir + "/" + pipelineCacheFileName(p->info()));
    EXPECT_EQ(path.find(dir + "/pipelines-"), 0u);
    EXPECT_EQ(p->stats().pipelineCacheBytesLoaded, 0u);
    ASSERT_NE(p->kernel(add_f32, ARRAY_WORDS(add_f32), "main", 3, 4), nullptr);
    ASSERT_NE(p->kernel(axpy_f64, ARRAY_WORDS(axpy_f64), "main", 2, 16),
              nullptr);
    EXPECT_EQ(p->stats().pipelinesCreated, 2u);
    EXPECT_TRUE(p->savePipelineCache());
    EXPECT_EQ(p->stats().pipelineCacheSaves, 1u);
    struct stat sb;
    ASSERT_EQ(stat(path.c_str(), &sb), 0) << path;
    EXPECT_GE(sb.st_size, 32); // lavapipe (Mesa 22) stores only a header
    // Read it back as the driver's header says.
    std::ifstream f(path, std::ios::binary);
    std::vector<uint8_t> data((std::istreambuf_iterator<char>(f)),
                              std::istreambuf_iterator<char>());
    EXPECT_TRUE(pipelineCacheHeaderMatches(data.data(), data.size(),
                                           p->info().vendorId,
                                           p->info().deviceId,
                                           p->info().pipelineCacheUUID));
    ASSERT_NE(p->kernel(scale_inplace_f32, ARRAY_WORDS(scale_inplace_f32),
                        "main", 1, 12),
              nullptr);
  } // destruction writes the third pipeline too
  {
    auto p = Provider::create(o, &why);
    ASSERT_TRUE(p) << why;
    Stats s = p->stats();
    EXPECT_GE(s.pipelineCacheBytesLoaded, 32u); // passed to the driver
    Kernel *k = p->kernel(add_f32, ARRAY_WORDS(add_f32), "main", 3, 4);
    ASSERT_NE(k, nullptr);
    std::printf("pipeline cache: %llu bytes loaded, driver-reported hits "
                "%llu of 1\n",
                (unsigned long long)s.pipelineCacheBytesLoaded,
                (unsigned long long)p->stats().pipelineCacheHits);
    // The kernel from a cached pipeline works.
    float a[3] = {1, 2, 3}, y[3] = {};
    Buffer *A = p->alloc(12), *Y = p->alloc(12);
    ASSERT_TRUE(A && Y);
    ASSERT_TRUE(p->upload(A, a, 12));
    const Buffer *bufs[] = {A, A, Y};
    PushAdd pc{3};
    ASSERT_TRUE(p->dispatch(k, bufs, &pc, 1));
    ASSERT_TRUE(p->download(Y, y, 12));
    EXPECT_EQ(y[2], 6.0f);
    p->free(A);
    p->free(Y);
    EXPECT_TRUE(p->savePipelineCache()); // nothing new: a no-op, still true
  }
  {
    // A corrupt file is ignored, not fatal.
    std::ofstream(path, std::ios::binary | std::ios::trunc) << "garbage";
    auto p = Provider::create(o, &why);
    ASSERT_TRUE(p) << why;
    EXPECT_EQ(p->stats().pipelineCacheBytesLoaded, 0u);
    EXPECT_NE(p->kernel(add_f32, ARRAY_WORDS(add_f32), "main", 3, 4), nullptr);
  }
  {
    // Disabled: no path, nothing written.
    Options off = o;
    off.pipelineCache = false;
    auto p = Provider::create(off, &why);
    ASSERT_TRUE(p) << why;
    EXPECT_EQ(p->pipelineCachePath(), "");
    EXPECT_FALSE(p->savePipelineCache());
  }
  {
    // An unwritable directory is silent.
    Options ro = o;
    ro.cacheDir = "/proc/runmat-cannot-exist";
    auto p = Provider::create(ro, &why);
    ASSERT_TRUE(p) << why;
    EXPECT_NE(p->kernel(add_f32, ARRAY_WORDS(add_f32), "main", 3, 4), nullptr);
    EXPECT_FALSE(p->savePipelineCache());
  }
}

// ---- unavailable providers ------------------------------------------------------

TEST(VulkanUnavailable, CpuSettingNeverTouchesVulkan) {
  Options o;
  o.device = DeviceSetting::Cpu;
  o.loader = "/nonexistent/libvulkan.so.1"; // would fail if it were opened
  std::string why;
  EXPECT_EQ(Provider::create(o, &why), nullptr);
  EXPECT_NE(why.find("RUNMAT_DEVICE=cpu"), std::string::npos) << why;
}

TEST(VulkanUnavailable, MissingLoader) {
  Options o;
  o.loader = "/nonexistent/libvulkan.so.1";
  std::string why;
  EXPECT_EQ(Provider::create(o, &why), nullptr);
  EXPECT_EQ(why.find("no Vulkan loader ("), 0u) << why;
  EXPECT_EQ(why.find('\n'), std::string::npos);
  // A library that is not a Vulkan loader.
  o.loader = "libc.so.6";
  EXPECT_EQ(Provider::create(o, &why), nullptr);
  EXPECT_NE(why.find("vkGetInstanceProcAddr"), std::string::npos) << why;
}

TEST(VulkanUnavailable, GpuIndexOutOfRange) {
  Options o;
  o.pipelineCache = false;
  std::string why;
  if (!Provider::create(o, &why))
    GTEST_SKIP() << "no GPU provider: " << why;
  o.gpuIndex = 0; // the first compute device always exists
  EXPECT_NE(Provider::create(o, &why), nullptr) << why;
  o.gpuIndex = 999;
  EXPECT_EQ(Provider::create(o, &why), nullptr);
  EXPECT_NE(why.find("RUNMAT_GPU_INDEX=999"), std::string::npos) << why;
}

TEST(VulkanUnavailable, EnvironmentParsing) {
  struct Saved {
    const char *name;
    std::string value;
    bool set;
  } saved[] = {{"RUNMAT_DEVICE", "", false},
               {"RUNMAT_GPU_INDEX", "", false},
               {"RUNMAT_PIPELINE_CACHE", "", false},
               {"RUNMAT_VULKAN_LOADER", "", false}};
  for (auto &s : saved)
    if (const char *v = getenv(s.name)) {
      s.value = v;
      s.set = true;
    }
  std::string err;
  setenv("RUNMAT_DEVICE", "GPU", 1);
  setenv("RUNMAT_GPU_INDEX", "1", 1);
  setenv("RUNMAT_PIPELINE_CACHE", "0", 1);
  setenv("RUNMAT_VULKAN_LOADER", "/x/libvulkan.so", 1);
  Options o = Options::fromEnvironment(&err);
  EXPECT_EQ(err, "");
  EXPECT_EQ(o.device, DeviceSetting::Gpu);
  EXPECT_EQ(o.gpuIndex, 1);
  EXPECT_FALSE(o.pipelineCache);
  EXPECT_EQ(o.loader, "/x/libvulkan.so");
  setenv("RUNMAT_DEVICE", "cpu", 1);
  EXPECT_EQ(Options::fromEnvironment(&err).device, DeviceSetting::Cpu);
  setenv("RUNMAT_DEVICE", "tpu", 1);
  Options::fromEnvironment(&err);
  EXPECT_NE(err.find("RUNMAT_DEVICE"), std::string::npos);
  err.clear();
  setenv("RUNMAT_DEVICE", "auto", 1);
  setenv("RUNMAT_GPU_INDEX", "first", 1);
  Options::fromEnvironment(&err);
  EXPECT_NE(err.find("RUNMAT_GPU_INDEX"), std::string::npos);
  for (auto &s : saved) {
    if (s.set)
      setenv(s.name, s.value.c_str(), 1);
    else
      unsetenv(s.name);
  }
}

/// Runs this binary again with one test and extra environment; its exit
/// status (0: the child's test passed).
int runChild(const char *test,
             std::vector<std::pair<const char *, const char *>> env) {
  std::fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    for (auto &e : env)
      setenv(e.first, e.second, 1);
    setenv("RUNMAT_VK_TEST_CHILD", "1", 1);
    std::string filter = std::string("--gtest_filter=") + test;
    execl("/proc/self/exe", "VulkanTest", filter.c_str(), (char *)nullptr);
    _exit(127);
  }
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) != pid)
    return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// The child's half: get() is null and the reason contains the expected text.
TEST(VulkanChild, Unavailable) {
  if (!getenv("RUNMAT_VK_TEST_CHILD"))
    GTEST_SKIP() << "run by the VulkanSingleton tests in a child process";
  EXPECT_EQ(Provider::get(), nullptr);
  const std::string &why = Provider::unavailableReason();
  std::printf("reason: %s\n", why.c_str());
  EXPECT_FALSE(why.empty());
  EXPECT_EQ(why.find('\n'), std::string::npos);
  const char *expect = getenv("RUNMAT_VK_TEST_EXPECT");
  EXPECT_NE(why.find(expect ? expect : ""), std::string::npos) << why;
  EXPECT_EQ(Provider::get(), nullptr); // stable
}

TEST(VulkanSingleton, CpuSetting) {
  EXPECT_EQ(runChild("VulkanChild.Unavailable",
                     {{"RUNMAT_DEVICE", "cpu"},
                      {"RUNMAT_VK_TEST_EXPECT", "RUNMAT_DEVICE=cpu"}}),
            0);
}

TEST(VulkanSingleton, NoLoader) {
  EXPECT_EQ(runChild("VulkanChild.Unavailable",
                     {{"RUNMAT_VULKAN_LOADER", "/nonexistent/libvulkan.so.1"},
                      {"RUNMAT_VK_TEST_EXPECT", "no Vulkan loader"}}),
            0);
}

TEST(VulkanSingleton, NoDriver) {
  EXPECT_EQ(runChild("VulkanChild.Unavailable",
                     {{"VK_ICD_FILENAMES", "/nonexistent.json"},
                      {"VK_DRIVER_FILES", "/nonexistent.json"},
                      {"RUNMAT_VK_TEST_EXPECT", ""}}),
            0);
}

TEST(VulkanSingleton, BadSetting) {
  EXPECT_EQ(runChild("VulkanChild.Unavailable",
                     {{"RUNMAT_DEVICE", "fastest"},
                      {"RUNMAT_VK_TEST_EXPECT", "invalid RUNMAT_DEVICE"}}),
            0);
}

} // namespace
