//===- Offload.cpp - running fused regions on the GPU ---------------------===//
//
// The runtime side of GPU kernels the compiler embeds in a module
// (abi.h rm_gpu_elementwise). For now arrays live on the host: each call
// uploads its inputs, dispatches, and downloads the result, so the GPU
// runs a region only when asked (RUNMAT_DEVICE=gpu); with no provider
// (no loader, no device, a failed driver) or any error, the caller's CPU
// kernel runs instead. Device residency and the cost model that would
// make `auto` choose the GPU come next.
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/gpu/Offload.h"

#include "runmat/rt/Value.h"
#include "runmat/rt/abi.h"
#include "runmat/rt/gpu/Vulkan.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace runmat::rt::gpu {

namespace {
/// Regions run on the GPU, reported at exit to stderr under
/// RUNMAT_GPU_STATS=1 (for tests, until telemetry reports placement).
std::atomic<uint64_t> gpuRegions{0};
std::string gpuDevice; // the device's name, or why there is none

void reportAtExit() {
  const char *r = std::getenv("RUNMAT_GPU_STATS");
  if (!r || std::strcmp(r, "1") != 0)
    return;
  std::fprintf(stderr, "gpu: %llu regions on %s\n",
               (unsigned long long)gpuRegions.load(), gpuDevice.c_str());
}

struct Reporter {
  Reporter() { std::atexit(reportAtExit); }
};
} // namespace

bool gpuForced() {
  static const bool forced = [] {
    const char *d = std::getenv("RUNMAT_DEVICE");
    return d && std::strcmp(d, "gpu") == 0;
  }();
  return forced;
}

} // namespace runmat::rt::gpu

using namespace runmat::rt;
using namespace runmat::rt::gpu;

extern "C" int32_t rm_gpu_elementwise(const uint32_t *spirv, int64_t words,
                                      rm_value *outv, int64_t narrays,
                                      rm_value **arrays, int64_t nscalars,
                                      const double *scalars,
                                      const int64_t *layout, int32_t flagged) {
  // One size for every array, double data: implicit expansion and single
  // data stay on the CPU for now.
  if (!spirv || words <= 0 || !outv || !layout || layout[1] != 0 || !gpuForced())
    return 0;
  static Reporter reporter; // (registered before the provider's own exit)
  Provider *p = Provider::get();
  if (gpuDevice.empty())
    gpuDevice = p ? p->info().name : Provider::unavailableReason();
  if (!p || p->failed())
    return 0;
  Value *out = reinterpret_cast<Value *>(outv);
  const size_t n = out->re.size();
  if (n == 0 || n > 0xFFFFFFFFull)
    return 0;
  const size_t bytes = n * sizeof(double);
  if (bytes > p->info().maxStorageBufferRange)
    return 0; // one binding cannot cover it (lavapipe: 128 MiB)
  // Bindings: the result, the arrays, then (flagged) a u32 flag that an
  // element the kernel cannot compute sets (the CPU then computes the
  // region). Only flagged kernels pay its fill and read back.
  const size_t nbufs = (size_t)(1 + narrays + (flagged ? 1 : 0));
  Kernel *k = p->kernel(spirv, (size_t)words, "main", (uint32_t)nbufs,
                        (uint32_t)(8 + 8 * nscalars));
  if (!k)
    return 0;
  std::vector<Buffer *> bufs(nbufs, nullptr);
  auto release = [&] {
    for (Buffer *b : bufs)
      if (b)
        p->free(b);
  };
  for (size_t j = 0; j < nbufs; ++j)
    if (!(bufs[j] = p->alloc(flagged && j + 1 == nbufs ? 4 : bytes))) {
      release();
      return 0;
    }
  if (flagged && !p->fill(bufs.back(), 0, 4, 0)) {
    release();
    return 0;
  }
  for (int64_t a = 0; a < narrays; ++a) {
    const Value *in = reinterpret_cast<const Value *>(arrays[a]);
    if (in->re.size() != n || !p->upload(bufs[(size_t)a + 1], in->re.data(), bytes)) {
      release();
      return 0;
    }
  }
  // Push constants {u32 base, u32 n, f64 scalars}; grids of at most the
  // device's x limit, in work groups of 256.
  std::vector<unsigned char> push(8 + 8 * (size_t)nscalars);
  uint32_t n32 = (uint32_t)n;
  std::memcpy(push.data() + 4, &n32, 4);
  if (nscalars)
    std::memcpy(push.data() + 8, scalars, 8 * (size_t)nscalars);
  const uint64_t groupsMax = std::max<uint32_t>(1, p->info().maxComputeWorkGroupCount[0]);
  const uint64_t groups = (n + 255) / 256;
  for (uint64_t g0 = 0; g0 < groups; g0 += groupsMax) {
    uint32_t base = (uint32_t)(g0 * 256);
    std::memcpy(push.data(), &base, 4);
    uint32_t gx = (uint32_t)std::min<uint64_t>(groupsMax, groups - g0);
    if (!p->dispatch(k, bufs.data(), push.data(), gx)) {
      release();
      return 0;
    }
  }
  uint32_t needsCpu = 0;
  bool ok = (!flagged || (p->download(bufs.back(), &needsCpu, 4) && needsCpu == 0)) &&
            p->download(bufs[0], out->re.data(), bytes);
  release();
  if (ok)
    ++gpuRegions;
  return ok ? 1 : 0;
}
