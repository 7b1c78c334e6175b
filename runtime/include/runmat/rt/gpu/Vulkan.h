//===- runmat/rt/gpu/Vulkan.h - The Vulkan compute provider -----*- C++ -*-===//
//
// The runtime's GPU backend runs SPIR-V compute kernels on Vulkan. This is
// its lowest layer: device selection, buffers, transfers, kernels and
// dispatch. It knows nothing of MATLAB values; residency and offload
// decisions live above it.
//
// * The Vulkan loader is opened with dlopen("libvulkan.so.1") at first use
//   and every entry point is fetched through vkGetInstanceProcAddr /
//   vkGetDeviceProcAddr: executables never link libvulkan, and a machine
//   without a loader, a driver or a device simply has no provider
//   (Provider::get() is null, unavailableReason() says why in one line).
//   Nothing here prints, aborts or lets an exception escape.
//
// * Work is recorded, not executed: upload, copy, fill and dispatch append
//   commands to the current command buffer, flush() submits it without
//   waiting, and the host blocks only in finish() and download(). One
//   submit-and-wait costs ~50 us on the H100 against ~0.2 us for a recorded
//   dispatch (DESIGN.md section 6), so batching is the whole point. Commands
//   are ordered as recorded: a command that touches a buffer an earlier
//   command touched gets a memory barrier first (every binding counts as
//   read and written), so callers never think about hazards; commands on
//   disjoint buffers may overlap on the device.
//
// * Buffers come from a pool of size classes and a freed buffer is reused
//   only once the GPU work that used it has completed, so free() is always
//   safe, even right after recording a dispatch that reads the buffer.
//
// * A Provider may be marked failed after initialisation (a device lost, an
//   out-of-memory during submit): every call then returns false / nullptr,
//   failed() is true and failureReason() says why; callers fall back to the
//   CPU. Data that lived only on the device is lost.
//
// Environment (read once, by get()):
//   RUNMAT_DEVICE=auto|cpu|gpu  cpu: never initialise Vulkan; auto and gpu
//                               are the same here (use a device if one
//                               works); the caller decides placement.
//   RUNMAT_GPU_INDEX=n          the n-th physical device that has a compute
//                               queue (default: discrete > integrated >
//                               virtual > cpu, e.g. lavapipe is cpu type).
//   RUNMAT_PIPELINE_CACHE=0     no on-disk pipeline cache.
//   RUNMAT_VULKAN_LOADER=path   library to dlopen instead of libvulkan.so.1
//                               (tests use it to simulate a missing loader).
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_RT_GPU_VULKAN_H
#define RUNMAT_RT_GPU_VULKAN_H

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace runmat::rt::gpu {

enum class DeviceType { Other, Integrated, Discrete, Virtual, Cpu };
const char *deviceTypeName(DeviceType t);

/// What the selected physical device is and can do.
struct DeviceInfo {
  std::string name;
  std::string driverName, driverInfo; // Vulkan 1.2 drivers; else empty
  uint32_t vendorId = 0, deviceId = 0;
  DeviceType type = DeviceType::Other;
  uint32_t physicalIndex = 0; // index among the devices with a compute queue
  uint32_t driverVersion = 0, apiVersion = 0;
  uint8_t pipelineCacheUUID[16] = {};
  uint8_t deviceUUID[16] = {};
  bool shaderFloat64 = false, shaderInt64 = false; // enabled when present
  uint64_t maxStorageBufferRange = 0; // largest buffer a dispatch can bind
  uint32_t maxComputeWorkGroupInvocations = 0;
  uint32_t maxComputeWorkGroupCount[3] = {};
  uint32_t maxComputeWorkGroupSize[3] = {};
  uint32_t maxPushConstantsSize = 0;
  uint32_t subgroupSize = 0;
  std::vector<uint64_t> heapSizes;     // every memory heap, bytes
  std::vector<bool> heapDeviceLocal;   // parallel to heapSizes
  uint32_t queueFamily = 0;
  /// Buffers live in host-visible memory (no separate device-local memory,
  /// as on lavapipe and integrated GPUs): transfers are memcpys.
  bool unifiedMemory = false;
  bool pushDescriptors = false; // VK_KHR_push_descriptor in use
};

/// Counters since the provider was created (telemetry reads them).
struct Stats {
  uint64_t uploads = 0, uploadBytes = 0;
  uint64_t downloads = 0, downloadBytes = 0;
  uint64_t copies = 0, fills = 0;
  uint64_t dispatches = 0;
  uint64_t submits = 0; // vkQueueSubmit calls
  uint64_t waits = 0;   // host blocked on a fence
  uint64_t pipelinesCreated = 0;
  /// Pipelines the driver reported as found in the pipeline cache
  /// (VK_EXT_pipeline_creation_feedback; stays 0 where unknown).
  uint64_t pipelineCacheHits = 0;
  uint64_t kernelLookups = 0, kernelCacheHits = 0; // kernel() calls
  uint64_t pipelineCacheBytesLoaded = 0; // from disk at init (0: none)
  uint64_t pipelineCacheSaves = 0;
  uint64_t buffersCreated = 0;   // allocations that made new memory
  uint64_t bufferPoolHits = 0;   // allocations served from the pool
  uint64_t bufferBytesLive = 0;  // device memory held by buffers (pool too)
  uint64_t bufferBytesPooled = 0; // of which free in the pool
  uint64_t stagingBytes = 0;     // pinned staging memory held
};

/// A device buffer. Opaque: its size is Provider::size(b).
struct Buffer;
/// A compiled compute pipeline with its layouts. Owned by the provider.
struct Kernel;

enum class DeviceSetting { Auto, Cpu, Gpu };

/// How to build a provider. get() uses fromEnvironment(); tests build
/// private providers with Provider::create.
struct Options {
  DeviceSetting device = DeviceSetting::Auto;
  int gpuIndex = -1;            // -1: choose by device type
  bool pipelineCache = true;    // on-disk pipeline cache
  std::string cacheDir;         // "": $XDG_CACHE_HOME/runmat or ~/.cache/runmat
  std::string loader = "libvulkan.so.1";
  bool forceStaging = false;    // never use host-visible buffers (tests)
  bool usePushDescriptors = true; // false: descriptor pools (tests)
  /// Parses RUNMAT_DEVICE, RUNMAT_GPU_INDEX, RUNMAT_PIPELINE_CACHE and
  /// RUNMAT_VULKAN_LOADER. A malformed value sets *error (one line).
  static Options fromEnvironment(std::string *error);
};

/// The header check run on a pipeline cache file before its data reaches
/// the driver (VkPipelineCacheHeaderVersionOne: header size, version,
/// vendor, device, pipelineCacheUUID). Exposed for tests.
bool pipelineCacheHeaderMatches(const void *data, size_t size,
                                uint32_t vendorId, uint32_t deviceId,
                                const uint8_t uuid[16]);
/// "pipelines-<vendor>-<device>-<driver>-<uuid>.bin", all hex.
std::string pipelineCacheFileName(const DeviceInfo &info);

class Provider {
public:
  /// The process's provider, created at first call from the environment;
  /// null when no device works (or after shutdown at exit). Thread-safe.
  static Provider *get();
  /// Why get() is null, in one line ("" when it is not).
  static const std::string &unavailableReason();
  /// A private provider (tests; the singleton is one of these). Null with
  /// *reason set when unavailable.
  static std::unique_ptr<Provider> create(const Options &opts,
                                          std::string *reason);
  ~Provider(); // waits for the device, saves the pipeline cache
  Provider(const Provider &) = delete;
  Provider &operator=(const Provider &) = delete;

  const DeviceInfo &info() const;
  Stats stats() const;
  bool failed() const;
  std::string failureReason() const;

  // ---- buffers ----------------------------------------------------------
  /// A storage buffer of `bytes` (> 0) bytes, contents undefined. Null on
  /// failure or out of memory (the provider stays usable: the caller
  /// keeps the data on the host).
  Buffer *alloc(size_t bytes);
  /// Returns b to the pool; safe while recorded or in-flight work still
  /// uses it (reuse waits for that work). Null is ignored.
  void free(Buffer *b);
  static size_t size(const Buffer *b);
  /// Releases pooled (free) buffers' memory and idle staging memory.
  void trim();

  // ---- transfers (recorded: they order with dispatches) -----------------
  /// Host -> device. The source is copied before upload returns (into
  /// pinned staging memory, or straight into a host-visible buffer that
  /// no pending work uses), so `src` may be reused at once.
  bool upload(Buffer *dst, size_t dstOffset, const void *src, size_t bytes);
  bool upload(Buffer *dst, const void *src, size_t bytes) {
    return upload(dst, 0, src, bytes);
  }
  /// Device -> host: submits what is recorded and waits for the data.
  bool download(const Buffer *src, size_t srcOffset, void *dst, size_t bytes);
  bool download(const Buffer *src, void *dst, size_t bytes) {
    return download(src, 0, dst, bytes);
  }
  /// Device -> device copy and a 32-bit pattern fill (recorded). Offsets
  /// and sizes of fill are multiples of 4.
  bool copy(Buffer *dst, size_t dstOffset, const Buffer *src,
            size_t srcOffset, size_t bytes);
  bool fill(Buffer *dst, size_t offset, size_t bytes, uint32_t pattern);

  // ---- kernels ----------------------------------------------------------
  /// The compute pipeline for a SPIR-V module: `numBuffers` storage
  /// buffers at set 0, bindings 0..n-1, and one push-constant range of
  /// `pushConstantBytes` (a multiple of 4, may be 0). Created once and
  /// cached by a 64-bit hash of words, entry and layout; null on failure
  /// (invalid SPIR-V or input, driver error).
  Kernel *kernel(const uint32_t *spirv, size_t words, const char *entry,
                 uint32_t numBuffers, uint32_t pushConstantBytes);

  /// Records one dispatch of gx * gy * gz workgroups. `buffers` has the
  /// kernel's numBuffers entries (each bound whole, so its size must not
  /// exceed info().maxStorageBufferRange); `push` has its
  /// pushConstantBytes. A grid beyond info().maxComputeWorkGroupCount is
  /// the caller's to split (e.g. with a base offset in the push
  /// constants): dispatch returns false, as for any invalid input. A grid
  /// with a zero dimension records nothing and returns true.
  bool dispatch(Kernel *k, const Buffer *const *buffers, const void *push,
                uint32_t gx, uint32_t gy = 1, uint32_t gz = 1);

  // ---- synchronisation --------------------------------------------------
  /// Submits the recorded work without waiting.
  bool flush();
  /// Submits and waits until the device has done everything.
  bool finish();
  /// Writes the on-disk pipeline cache now (also done at destruction).
  bool savePipelineCache();
  /// The cache file in use ("" when disabled or unknown).
  std::string pipelineCachePath() const;

  struct Impl; // the implementation (Vulkan.cpp)

private:
  Provider();
  std::unique_ptr<Impl> impl_;
  mutable std::mutex mu_;
};

} // namespace runmat::rt::gpu

#endif // RUNMAT_RT_GPU_VULKAN_H
