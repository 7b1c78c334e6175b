//===- Vulkan.cpp - The Vulkan compute provider ---------------------------===//
//
// Design (see also the header):
//
// * Loader. libvulkan.so.1 is dlopen'ed on first use (RTLD_LOCAL, never
//   dlclose'd: drivers may keep threads or atexit hooks, and unloading them
//   at exit is a classic crash). Entry points live in a per-provider table.
//
// * Command stream. A ring of kRing slots, each a command pool + command
//   buffer + fence + staging buffer + descriptor pools. Commands go into the
//   current slot; flush() submits it and moves to the next slot, which is
//   waited for only when recording starts on it again (so up to kRing
//   submits run while the host keeps recording). Every slot's work carries
//   a serial; `completed` is the highest serial known done, advanced in
//   submission order, and buffers remember the serial that last used them.
//
// * Barriers. Every buffer a command binds counts as read and written
//   (kernels do not say which). Before a command that touches a buffer an
//   earlier command touched since the last barrier, a global memory
//   barrier from compute+transfer writes to compute+transfer reads and
//   writes; commands on disjoint buffers run without one (measured on an
//   H200: 2.3 us of GPU time per tiny dispatch with a barrier, 0.22 us
//   without). Each
//   buffer records the barrier epoch of its last use, so the check is
//   O(1). The last barrier of a command buffer also makes writes visible
//   to the host (download after the fence wait); as a barrier's scope
//   spans submission order it orders the next command buffer's commands
//   too.
//
// * Memory. Discrete GPUs: buffers in device-local memory that is not host
//   visible (so not the BAR window), transfers through pinned host-visible
//   coherent staging (cached when offered) that grows up to kStagingMax per
//   slot; larger transfers go in chunks. Devices without separate
//   device-local memory (lavapipe) and integrated GPUs: buffers in host-
//   visible coherent memory, persistently mapped; an upload to an idle
//   buffer and a download are then memcpys (an upload to a buffer that
//   pending work still uses goes through staging to keep the order).
//
// * Pool. Size classes: powers of two from 256 bytes; above 256 MiB,
//   multiples of an eighth of the power of two (less than 25% waste). A
//   freed buffer whose last use is not yet complete waits in `deferred`
//   until its serial completes; pooled memory is capped (a quarter of the
//   device-local heap) and an allocation that runs out of memory trims the
//   pool and tries again. Classes up to kSlabClassMax are carved from 4 MiB
//   slabs (one VkBuffer + VkDeviceMemory each, buffers at offsets that are
//   multiples of their class, so of 256); a slab is returned when its last
//   buffer is destroyed. Larger classes get their own allocation.
//
// * Descriptors. VK_KHR_push_descriptor when the device has it (no pools,
//   no per-dispatch allocation); otherwise a descriptor set per dispatch
//   from the slot's pools, reset when the slot's fence has signalled.
//   Descriptors, push constants and the pipeline are not re-recorded when
//   a dispatch repeats what is bound (chains on the same buffers).
//
// * Pipeline cache. One VkPipelineCache seeded from
//   <cache dir>/pipelines-<vendor>-<device>-<driver>-<uuid>.bin after a
//   header check, written back (temp file + rename) at destruction or by
//   savePipelineCache() when pipelines were created. All file errors are
//   silent.
//
//===----------------------------------------------------------------------===//
#define VK_NO_PROTOTYPES
#include <vulkan/vulkan.h>

#include "runmat/rt/gpu/Vulkan.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>

namespace runmat::rt::gpu {

// ---- the function table ---------------------------------------------------

#define RM_VK_GLOBAL_FNS(X)                                                    \
  X(vkCreateInstance)                                                          \
  X(vkEnumerateInstanceExtensionProperties)

#define RM_VK_INSTANCE_FNS(X)                                                  \
  X(vkDestroyInstance)                                                         \
  X(vkEnumeratePhysicalDevices)                                                \
  X(vkGetPhysicalDeviceProperties)                                             \
  X(vkGetPhysicalDeviceProperties2)                                            \
  X(vkGetPhysicalDeviceFeatures)                                               \
  X(vkGetPhysicalDeviceQueueFamilyProperties)                                  \
  X(vkGetPhysicalDeviceMemoryProperties)                                       \
  X(vkEnumerateDeviceExtensionProperties)                                      \
  X(vkCreateDevice)                                                            \
  X(vkGetDeviceProcAddr)

#define RM_VK_DEVICE_FNS(X)                                                    \
  X(vkDestroyDevice)                                                           \
  X(vkGetDeviceQueue)                                                          \
  X(vkDeviceWaitIdle)                                                          \
  X(vkQueueSubmit)                                                             \
  X(vkCreateBuffer)                                                            \
  X(vkDestroyBuffer)                                                           \
  X(vkGetBufferMemoryRequirements)                                             \
  X(vkAllocateMemory)                                                          \
  X(vkFreeMemory)                                                              \
  X(vkBindBufferMemory)                                                        \
  X(vkMapMemory)                                                               \
  X(vkUnmapMemory)                                                             \
  X(vkCreateCommandPool)                                                       \
  X(vkDestroyCommandPool)                                                      \
  X(vkResetCommandPool)                                                        \
  X(vkAllocateCommandBuffers)                                                  \
  X(vkBeginCommandBuffer)                                                      \
  X(vkEndCommandBuffer)                                                        \
  X(vkCmdCopyBuffer)                                                           \
  X(vkCmdFillBuffer)                                                           \
  X(vkCmdPipelineBarrier)                                                      \
  X(vkCmdBindPipeline)                                                         \
  X(vkCmdBindDescriptorSets)                                                   \
  X(vkCmdPushConstants)                                                        \
  X(vkCmdDispatch)                                                             \
  X(vkCreateFence)                                                             \
  X(vkDestroyFence)                                                            \
  X(vkResetFences)                                                             \
  X(vkWaitForFences)                                                           \
  X(vkGetFenceStatus)                                                          \
  X(vkCreateShaderModule)                                                      \
  X(vkDestroyShaderModule)                                                     \
  X(vkCreateDescriptorSetLayout)                                               \
  X(vkDestroyDescriptorSetLayout)                                              \
  X(vkCreatePipelineLayout)                                                    \
  X(vkDestroyPipelineLayout)                                                   \
  X(vkCreateComputePipelines)                                                  \
  X(vkDestroyPipeline)                                                         \
  X(vkCreatePipelineCache)                                                     \
  X(vkDestroyPipelineCache)                                                    \
  X(vkGetPipelineCacheData)                                                    \
  X(vkCreateDescriptorPool)                                                    \
  X(vkDestroyDescriptorPool)                                                   \
  X(vkResetDescriptorPool)                                                     \
  X(vkAllocateDescriptorSets)                                                  \
  X(vkUpdateDescriptorSets)

namespace {

struct Fns {
  PFN_vkGetInstanceProcAddr vkGetInstanceProcAddr = nullptr;
  PFN_vkEnumerateInstanceVersion vkEnumerateInstanceVersion = nullptr;
#define RM_DECL(n) PFN_##n n = nullptr;
  RM_VK_GLOBAL_FNS(RM_DECL)
  RM_VK_INSTANCE_FNS(RM_DECL)
  RM_VK_DEVICE_FNS(RM_DECL)
#undef RM_DECL
  PFN_vkCmdPushDescriptorSetKHR vkCmdPushDescriptorSetKHR = nullptr;
};

const char *resultName(VkResult r) {
  switch (r) {
#define RM_CASE(x)                                                             \
  case x:                                                                      \
    return #x;
    RM_CASE(VK_SUCCESS)
    RM_CASE(VK_NOT_READY)
    RM_CASE(VK_TIMEOUT)
    RM_CASE(VK_INCOMPLETE)
    RM_CASE(VK_ERROR_OUT_OF_HOST_MEMORY)
    RM_CASE(VK_ERROR_OUT_OF_DEVICE_MEMORY)
    RM_CASE(VK_ERROR_INITIALIZATION_FAILED)
    RM_CASE(VK_ERROR_DEVICE_LOST)
    RM_CASE(VK_ERROR_MEMORY_MAP_FAILED)
    RM_CASE(VK_ERROR_LAYER_NOT_PRESENT)
    RM_CASE(VK_ERROR_EXTENSION_NOT_PRESENT)
    RM_CASE(VK_ERROR_FEATURE_NOT_PRESENT)
    RM_CASE(VK_ERROR_INCOMPATIBLE_DRIVER)
    RM_CASE(VK_ERROR_TOO_MANY_OBJECTS)
    RM_CASE(VK_ERROR_FORMAT_NOT_SUPPORTED)
    RM_CASE(VK_ERROR_FRAGMENTED_POOL)
    RM_CASE(VK_ERROR_UNKNOWN)
    RM_CASE(VK_ERROR_OUT_OF_POOL_MEMORY)
    RM_CASE(VK_ERROR_INVALID_EXTERNAL_HANDLE)
    RM_CASE(VK_ERROR_FRAGMENTATION)
    RM_CASE(VK_ERROR_INVALID_SHADER_NV)
#undef RM_CASE
  default:
    return "VkResult error";
  }
}

std::string vkError(const char *what, VkResult r) {
  std::string s = std::string(what) + " failed: " + resultName(r);
  if (r == VK_ERROR_INCOMPATIBLE_DRIVER)
    s += " (no usable Vulkan driver)";
  return s;
}

std::string hex(const uint8_t *p, size_t n) {
  static const char digits[] = "0123456789abcdef";
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    s += digits[p[i] >> 4];
    s += digits[p[i] & 15];
  }
  return s;
}

std::string hex32(uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%x", v);
  return buf;
}

uint64_t fnv1a(uint64_t h, const void *data, size_t n) {
  const auto *p = static_cast<const uint8_t *>(data);
  for (size_t i = 0; i < n; ++i) {
    h ^= p[i];
    h *= 1099511628211ULL;
  }
  return h;
}

size_t alignUp(size_t v, size_t a) { return (v + a - 1) / a * a; }

size_t nextPow2(size_t v) {
  size_t p = 1;
  while (p < v)
    p <<= 1;
  return p;
}

/// The pool's size class of an allocation of n bytes.
size_t sizeClass(size_t n) {
  constexpr size_t kMin = 256, kFine = size_t(256) << 20;
  if (n <= kMin)
    return kMin;
  size_t p = nextPow2(n);
  if (p <= kFine)
    return p;
  return alignUp(n, p / 8);
}

constexpr uint32_t kRing = 4;
constexpr size_t kStagingMin = size_t(1) << 20;
constexpr size_t kStagingMax = size_t(32) << 20;
constexpr uint32_t kSetsPerPool = 64;
constexpr size_t kSlabSize = size_t(4) << 20;
constexpr size_t kSlabClassMax = size_t(256) << 10;

bool envFalse(const char *v) {
  std::string s = v ? v : "";
  for (auto &c : s)
    c = char(std::tolower(static_cast<unsigned char>(c)));
  return s == "0" || s == "off" || s == "false" || s == "no";
}

bool mkdirs(const std::string &dir) {
  if (dir.empty())
    return false;
  for (size_t i = 1; i <= dir.size(); ++i) {
    if (i == dir.size() || dir[i] == '/') {
      std::string part = dir.substr(0, i);
      if (::mkdir(part.c_str(), 0755) != 0 && errno != EEXIST)
        return false;
    }
  }
  return true;
}

} // namespace

// ---- public helpers ---------------------------------------------------------

const char *deviceTypeName(DeviceType t) {
  switch (t) {
  case DeviceType::Integrated:
    return "integrated";
  case DeviceType::Discrete:
    return "discrete";
  case DeviceType::Virtual:
    return "virtual";
  case DeviceType::Cpu:
    return "cpu";
  default:
    return "other";
  }
}

Options Options::fromEnvironment(std::string *error) {
  Options o;
  auto bad = [&](const std::string &msg) {
    if (error && error->empty())
      *error = msg;
  };
  if (const char *d = std::getenv("RUNMAT_DEVICE")) {
    std::string s = d;
    for (auto &c : s)
      c = char(std::tolower(static_cast<unsigned char>(c)));
    if (s.empty() || s == "auto")
      o.device = DeviceSetting::Auto;
    else if (s == "cpu")
      o.device = DeviceSetting::Cpu;
    else if (s == "gpu")
      o.device = DeviceSetting::Gpu;
    else
      bad("invalid RUNMAT_DEVICE='" + std::string(d) +
          "' (expected auto, cpu or gpu)");
  }
  if (const char *g = std::getenv("RUNMAT_GPU_INDEX"); g && *g) {
    char *end = nullptr;
    errno = 0;
    long v = std::strtol(g, &end, 10);
    if (errno || *end || v < 0 || v > 1 << 20)
      bad("invalid RUNMAT_GPU_INDEX='" + std::string(g) +
          "' (expected a device number from 0)");
    else
      o.gpuIndex = int(v);
  }
  if (envFalse(std::getenv("RUNMAT_PIPELINE_CACHE")))
    o.pipelineCache = false;
  if (const char *l = std::getenv("RUNMAT_VULKAN_LOADER"); l && *l)
    o.loader = l;
  return o;
}

bool pipelineCacheHeaderMatches(const void *data, size_t size,
                                uint32_t vendorId, uint32_t deviceId,
                                const uint8_t uuid[16]) {
  // VkPipelineCacheHeaderVersionOne, read field by field (the file may be
  // short, unaligned or written by another driver).
  if (!data || size < 32)
    return false;
  const auto *p = static_cast<const uint8_t *>(data);
  uint32_t headerSize, version, vendor, device;
  std::memcpy(&headerSize, p, 4);
  std::memcpy(&version, p + 4, 4);
  std::memcpy(&vendor, p + 8, 4);
  std::memcpy(&device, p + 12, 4);
  return headerSize >= 32 && headerSize <= size &&
         version == VK_PIPELINE_CACHE_HEADER_VERSION_ONE &&
         vendor == vendorId && device == deviceId &&
         std::memcmp(p + 16, uuid, VK_UUID_SIZE) == 0;
}

std::string pipelineCacheFileName(const DeviceInfo &info) {
  return "pipelines-" + hex32(info.vendorId) + "-" + hex32(info.deviceId) +
         "-" + hex32(info.driverVersion) + "-" +
         hex(info.pipelineCacheUUID, 16) + ".bin";
}

// ---- objects --------------------------------------------------------------

namespace {
/// A block of memory small buffers are carved from (bump allocation; the
/// carved pieces are recycled through the pool, never given back one by
/// one, so the slab is freed whole when its last buffer is).
struct Slab {
  VkBuffer buf = VK_NULL_HANDLE;
  VkDeviceMemory mem = VK_NULL_HANDLE;
  uint8_t *map = nullptr;
  size_t size = 0, used = 0, cls = 0;
  uint32_t live = 0; // buffers carved and not destroyed
};
} // namespace

struct Buffer {
  Provider::Impl *owner = nullptr;
  VkBuffer buf = VK_NULL_HANDLE;     // the slab's VkBuffer when slab is set
  VkDeviceMemory mem = VK_NULL_HANDLE; // own memory (null for slab pieces)
  Slab *slab = nullptr;
  VkDeviceSize base = 0;     // offset in buf (0 unless in a slab)
  uint8_t *mapped = nullptr; // unified memory: persistent map (at base)
  size_t size = 0;           // what the caller asked for
  size_t cap = 0;            // the size class (bytes reserved)
  uint64_t lastUse = 0;      // serial of the last work that referenced it
  uint64_t epoch = 0;        // barrier epoch of its last recorded use
  bool live = false;         // handed out (not in the pool)
};

struct Kernel {
  Provider::Impl *owner = nullptr;
  std::vector<uint32_t> words;
  std::string entry;
  uint32_t numBuffers = 0, pushBytes = 0;
  bool pushDescriptors = false;
  VkDescriptorSetLayout dsl = VK_NULL_HANDLE;
  VkPipelineLayout layout = VK_NULL_HANDLE;
  VkPipeline pipeline = VK_NULL_HANDLE;
};

namespace {
struct Slot {
  enum State { Idle, Recording, InFlight };
  State state = Idle;
  uint64_t serial = 0;
  VkCommandPool pool = VK_NULL_HANDLE;
  VkCommandBuffer cmd = VK_NULL_HANDLE;
  VkFence fence = VK_NULL_HANDLE;
  VkBuffer staging = VK_NULL_HANDLE;
  VkDeviceMemory stagingMem = VK_NULL_HANDLE;
  uint8_t *stagingPtr = nullptr;
  size_t stagingCap = 0, stagingUsed = 0;
  // Descriptor pools (when push descriptors are not used): the current
  // one is dpools[dpoolIndex], with room for dpoolSetsLeft more sets and
  // dpoolDescsLeft more descriptors.
  std::vector<VkDescriptorPool> dpools;
  std::vector<uint32_t> dpoolDescs; // each pool's descriptor capacity
  size_t dpoolIndex = 0;
  uint32_t dpoolSetsLeft = 0, dpoolDescsLeft = 0;
};
} // namespace

struct Provider::Impl {
  Options opts;
  Fns vk;
  void *lib = nullptr;
  VkInstance instance = VK_NULL_HANDLE;
  VkPhysicalDevice phys = VK_NULL_HANDLE;
  VkDevice device = VK_NULL_HANDLE;
  VkQueue queue = VK_NULL_HANDLE;
  DeviceInfo info;
  VkPhysicalDeviceMemoryProperties memProps{};
  VkPhysicalDeviceLimits limits{};
  uint32_t maxPushDescriptors = 0;
  uint64_t maxAllocation = 0; // maxMemoryAllocationSize (Vulkan 1.1)
  bool creationFeedback = false;
  uint64_t poolLimit = 0; // bytes of free buffers the pool may keep

  VkPipelineCache pipelineCache = VK_NULL_HANDLE;
  std::string cachePath;
  uint64_t pipelinesAtSave = 0;

  Slot slots[kRing];
  uint32_t cur = 0;
  uint64_t serialCounter = 0, completed = 0;
  bool pendingBarrier = false; // commands recorded since the last barrier
  uint64_t epoch = 1;           // bumped by every barrier
  // State bound in the recording command buffer, to skip rebinding it.
  VkPipeline boundPipeline = VK_NULL_HANDLE;
  VkPipelineLayout boundLayout = VK_NULL_HANDLE;
  std::vector<VkDescriptorBufferInfo> boundBuffers;
  std::vector<uint8_t> boundPush;

  std::unordered_set<Buffer *> buffers; // every Buffer object
  std::unordered_map<size_t, std::vector<Buffer *>> freeLists;
  std::vector<Buffer *> deferred; // freed, last use not yet complete
  std::unordered_set<Slab *> slabs;
  std::unordered_map<size_t, Slab *> openSlabs; // by class: being carved
  bool useSlabs = true;
  std::unordered_map<uint64_t, std::vector<Kernel *>> kernels;

  Stats st;
  bool failedFlag = false;
  std::string failReason;

  ~Impl();
  std::string init(const Options &o);
  std::string initDevice();
  void loadPipelineCache();
  bool savePipelineCache();

  bool fail(const char *what, VkResult r) {
    if (!failedFlag) {
      failedFlag = true;
      failReason = vkError(what, r);
    }
    return false;
  }
  bool usable() const { return device != VK_NULL_HANDLE && !failedFlag; }

  int32_t findMemoryType(uint32_t bits, VkMemoryPropertyFlags required,
                         VkMemoryPropertyFlags preferred,
                         VkMemoryPropertyFlags avoid) const;
  VkResult createBuffer(size_t bytes, VkBufferUsageFlags usage, bool hostVisible,
                        VkBuffer *buf, VkDeviceMemory *mem, uint8_t **map);
  void destroyBuffer(Buffer *b);
  void release(Buffer *b); // last use complete: pool it or destroy it
  void trimPool();          // destroys every pooled buffer
  void destroySlab(Slab *s);
  VkResult newBuffer(size_t cap, Buffer *b);

  // command stream
  bool beginIfNeeded();
  /// The recording command buffer, ready for a command that touches the
  /// n buffers bs (a barrier recorded first on a hazard).
  VkCommandBuffer command(Buffer *const *bs, size_t n);
  VkCommandBuffer command(Buffer *b) { return command(&b, 1); }
  bool submitCurrent();
  bool waitSerial(uint64_t s);
  void retire(Slot &s);
  void poll();
  bool stageAlloc(size_t len, Slot **slot, size_t *off);
  void barrier(VkCommandBuffer cmd, bool host);

  Buffer *alloc(size_t bytes);
  void free(Buffer *b);
  bool upload(Buffer *dst, size_t off, const void *src, size_t bytes);
  bool download(const Buffer *src, size_t off, void *dst, size_t bytes);
  bool copy(Buffer *dst, size_t doff, const Buffer *src, size_t soff,
            size_t bytes);
  bool fill(Buffer *dst, size_t off, size_t bytes, uint32_t pattern);
  Kernel *kernel(const uint32_t *spirv, size_t words, const char *entry,
                 uint32_t numBuffers, uint32_t pushBytes);
  bool dispatch(Kernel *k, const Buffer *const *bufs, const void *push,
                uint32_t gx, uint32_t gy, uint32_t gz);
  bool bindDescriptors(VkCommandBuffer cmd, Slot &s, Kernel *k);
  std::vector<VkDescriptorBufferInfo> scratchInfos; // dispatch's scratch
  std::vector<VkWriteDescriptorSet> scratchWrites;
  bool finish();
  bool owns(const Buffer *b) const {
    return b && b->owner == this && b->live;
  }
};

// ---- initialisation ---------------------------------------------------------

std::string Provider::Impl::init(const Options &o) {
  opts = o;
  if (o.device == DeviceSetting::Cpu)
    return "GPU disabled by RUNMAT_DEVICE=cpu";

  dlerror();
  lib = dlopen(o.loader.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char *e = dlerror();
    return "no Vulkan loader (" + std::string(e ? e : o.loader.c_str()) + ")";
  }
  vk.vkGetInstanceProcAddr = reinterpret_cast<PFN_vkGetInstanceProcAddr>(
      dlsym(lib, "vkGetInstanceProcAddr"));
  if (!vk.vkGetInstanceProcAddr)
    return "the Vulkan loader " + o.loader + " has no vkGetInstanceProcAddr";

#define RM_LOAD_GLOBAL(n)                                                      \
  vk.n = reinterpret_cast<PFN_##n>(vk.vkGetInstanceProcAddr(nullptr, #n));     \
  if (!vk.n)                                                                   \
    return "the Vulkan loader lacks " #n;
  RM_VK_GLOBAL_FNS(RM_LOAD_GLOBAL)
#undef RM_LOAD_GLOBAL
  vk.vkEnumerateInstanceVersion = reinterpret_cast<PFN_vkEnumerateInstanceVersion>(
      vk.vkGetInstanceProcAddr(nullptr, "vkEnumerateInstanceVersion"));
  uint32_t loaderVersion = VK_API_VERSION_1_0;
  if (vk.vkEnumerateInstanceVersion)
    vk.vkEnumerateInstanceVersion(&loaderVersion);
  if (loaderVersion < VK_API_VERSION_1_1)
    return "the Vulkan loader is 1.0; RunMat needs Vulkan 1.1";

  VkApplicationInfo app{};
  app.sType = VK_STRUCTURE_TYPE_APPLICATION_INFO;
  app.pApplicationName = "RunMat";
  app.pEngineName = "RunMat";
  app.apiVersion = std::min<uint32_t>(loaderVersion, VK_API_VERSION_1_3);
  VkInstanceCreateInfo ici{};
  ici.sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO;
  ici.pApplicationInfo = &app;
  if (VkResult r = vk.vkCreateInstance(&ici, nullptr, &instance)) {
    instance = VK_NULL_HANDLE;
    return vkError("vkCreateInstance", r);
  }
#define RM_LOAD_INSTANCE(n)                                                    \
  vk.n = reinterpret_cast<PFN_##n>(vk.vkGetInstanceProcAddr(instance, #n));    \
  if (!vk.n)                                                                   \
    return "the Vulkan instance lacks " #n;
  RM_VK_INSTANCE_FNS(RM_LOAD_INSTANCE)
#undef RM_LOAD_INSTANCE
  return initDevice();
}

std::string Provider::Impl::initDevice() {
  uint32_t n = 0;
  if (VkResult r = vk.vkEnumeratePhysicalDevices(instance, &n, nullptr))
    return vkError("vkEnumeratePhysicalDevices", r);
  std::vector<VkPhysicalDevice> all(n);
  if (n) {
    VkResult r = vk.vkEnumeratePhysicalDevices(instance, &n, all.data());
    if (r != VK_SUCCESS && r != VK_INCOMPLETE)
      return vkError("vkEnumeratePhysicalDevices", r);
    all.resize(n);
  }
  if (all.empty())
    return "no Vulkan device (the loader found no driver with a device)";

  // Candidates: Vulkan 1.1 devices with a compute queue, in loader order.
  struct Cand {
    VkPhysicalDevice pd;
    VkPhysicalDeviceProperties props;
    uint32_t family;
  };
  std::vector<Cand> cands;
  for (VkPhysicalDevice pd : all) {
    Cand c{pd, {}, 0};
    vk.vkGetPhysicalDeviceProperties(pd, &c.props);
    if (c.props.apiVersion < VK_API_VERSION_1_1)
      continue;
    uint32_t nf = 0;
    vk.vkGetPhysicalDeviceQueueFamilyProperties(pd, &nf, nullptr);
    std::vector<VkQueueFamilyProperties> fams(nf);
    vk.vkGetPhysicalDeviceQueueFamilyProperties(pd, &nf, fams.data());
    bool found = false;
    for (uint32_t i = 0; i < nf && !found; ++i)
      if ((fams[i].queueFlags & VK_QUEUE_COMPUTE_BIT) && fams[i].queueCount) {
        c.family = i;
        found = true;
      }
    if (found)
      cands.push_back(c);
  }
  if (cands.empty())
    return "no Vulkan 1.1 device with a compute queue (" +
           std::to_string(all.size()) + " device(s) found)";

  size_t pick = 0;
  if (opts.gpuIndex >= 0) {
    if (size_t(opts.gpuIndex) >= cands.size())
      return "RUNMAT_GPU_INDEX=" + std::to_string(opts.gpuIndex) +
             " is out of range (" + std::to_string(cands.size()) +
             " compute device(s))";
    pick = size_t(opts.gpuIndex);
  } else {
    auto rank = [](VkPhysicalDeviceType t) {
      switch (t) {
      case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU:
        return 0;
      case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU:
        return 1;
      case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU:
        return 2;
      case VK_PHYSICAL_DEVICE_TYPE_CPU:
        return 3;
      default:
        return 4;
      }
    };
    for (size_t i = 1; i < cands.size(); ++i)
      if (rank(cands[i].props.deviceType) < rank(cands[pick].props.deviceType))
        pick = i;
  }
  const Cand &c = cands[pick];
  phys = c.pd;

  // Extensions.
  uint32_t ne = 0;
  vk.vkEnumerateDeviceExtensionProperties(phys, nullptr, &ne, nullptr);
  std::vector<VkExtensionProperties> exts(ne);
  vk.vkEnumerateDeviceExtensionProperties(phys, nullptr, &ne, exts.data());
  exts.resize(ne);
  auto hasExt = [&](const char *name) {
    for (auto &e : exts)
      if (std::strcmp(e.extensionName, name) == 0)
        return true;
    return false;
  };
  bool pushDesc = opts.usePushDescriptors &&
                  hasExt(VK_KHR_PUSH_DESCRIPTOR_EXTENSION_NAME);
  bool feedbackExt = hasExt(VK_EXT_PIPELINE_CREATION_FEEDBACK_EXTENSION_NAME);
  creationFeedback = c.props.apiVersion >= VK_API_VERSION_1_3 || feedbackExt;

  // Properties through the pNext chain (Vulkan 1.1 core).
  VkPhysicalDeviceIDProperties idp{};
  idp.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_ID_PROPERTIES;
  VkPhysicalDeviceSubgroupProperties sgp{};
  sgp.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_PROPERTIES;
  idp.pNext = &sgp;
  VkPhysicalDeviceMaintenance3Properties m3{};
  m3.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MAINTENANCE_3_PROPERTIES;
  sgp.pNext = &m3;
  VkPhysicalDeviceDriverProperties drv{};
  drv.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_DRIVER_PROPERTIES;
  VkPhysicalDevicePushDescriptorPropertiesKHR pdp{};
  pdp.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PUSH_DESCRIPTOR_PROPERTIES_KHR;
  void **tail = &m3.pNext;
  if (c.props.apiVersion >= VK_API_VERSION_1_2) {
    *tail = &drv;
    tail = &drv.pNext;
  }
  if (pushDesc) {
    *tail = &pdp;
    tail = &pdp.pNext;
  }
  VkPhysicalDeviceProperties2 p2{};
  p2.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2;
  p2.pNext = &idp;
  vk.vkGetPhysicalDeviceProperties2(phys, &p2);
  const VkPhysicalDeviceProperties &pp = p2.properties;
  limits = pp.limits;
  maxPushDescriptors = pushDesc ? pdp.maxPushDescriptors : 0;
  maxAllocation = m3.maxMemoryAllocationSize;
  if (maxPushDescriptors == 0)
    pushDesc = false;

  VkPhysicalDeviceFeatures feats{};
  vk.vkGetPhysicalDeviceFeatures(phys, &feats);
  vk.vkGetPhysicalDeviceMemoryProperties(phys, &memProps);

  info.name = pp.deviceName;
  if (c.props.apiVersion >= VK_API_VERSION_1_2) {
    info.driverName = drv.driverName;
    info.driverInfo = drv.driverInfo;
  }
  info.vendorId = pp.vendorID;
  info.deviceId = pp.deviceID;
  switch (pp.deviceType) {
  case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU:
    info.type = DeviceType::Integrated;
    break;
  case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU:
    info.type = DeviceType::Discrete;
    break;
  case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU:
    info.type = DeviceType::Virtual;
    break;
  case VK_PHYSICAL_DEVICE_TYPE_CPU:
    info.type = DeviceType::Cpu;
    break;
  default:
    info.type = DeviceType::Other;
  }
  info.physicalIndex = uint32_t(pick);
  info.driverVersion = pp.driverVersion;
  info.apiVersion = pp.apiVersion;
  std::memcpy(info.pipelineCacheUUID, pp.pipelineCacheUUID, VK_UUID_SIZE);
  std::memcpy(info.deviceUUID, idp.deviceUUID, VK_UUID_SIZE);
  info.shaderFloat64 = feats.shaderFloat64;
  info.shaderInt64 = feats.shaderInt64;
  info.maxStorageBufferRange = pp.limits.maxStorageBufferRange;
  info.maxComputeWorkGroupInvocations = pp.limits.maxComputeWorkGroupInvocations;
  for (int i = 0; i < 3; ++i) {
    info.maxComputeWorkGroupCount[i] = pp.limits.maxComputeWorkGroupCount[i];
    info.maxComputeWorkGroupSize[i] = pp.limits.maxComputeWorkGroupSize[i];
  }
  info.maxPushConstantsSize = pp.limits.maxPushConstantsSize;
  info.subgroupSize = sgp.subgroupSize;
  for (uint32_t i = 0; i < memProps.memoryHeapCount; ++i) {
    info.heapSizes.push_back(memProps.memoryHeaps[i].size);
    info.heapDeviceLocal.push_back(memProps.memoryHeaps[i].flags &
                                   VK_MEMORY_HEAP_DEVICE_LOCAL_BIT);
  }
  info.queueFamily = c.family;
  info.pushDescriptors = pushDesc;

  // Memory: unified when no device-local type lacks host visibility
  // (lavapipe), or on integrated / CPU devices that offer host-visible
  // coherent device-local memory.
  bool separate = false, hostLocal = false;
  for (uint32_t i = 0; i < memProps.memoryTypeCount; ++i) {
    VkMemoryPropertyFlags f = memProps.memoryTypes[i].propertyFlags;
    if ((f & VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT) &&
        !(f & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT))
      separate = true;
    const VkMemoryPropertyFlags hv = VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT |
                                     VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT |
                                     VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
    if ((f & hv) == hv)
      hostLocal = true;
  }
  bool shared = info.type == DeviceType::Integrated ||
                info.type == DeviceType::Cpu;
  info.unifiedMemory =
      !opts.forceStaging && hostLocal && (!separate || shared);
  uint64_t localHeap = 0;
  for (uint32_t i = 0; i < memProps.memoryHeapCount; ++i)
    if (memProps.memoryHeaps[i].flags & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT)
      localHeap = std::max<uint64_t>(localHeap, memProps.memoryHeaps[i].size);
  poolLimit = localHeap / 4;
  useSlabs = pp.limits.minStorageBufferOffsetAlignment <= 256;

  // The device: one compute queue, the 64-bit features the kernels use.
  float prio = 1.0f;
  VkDeviceQueueCreateInfo qci{};
  qci.sType = VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO;
  qci.queueFamilyIndex = c.family;
  qci.queueCount = 1;
  qci.pQueuePriorities = &prio;
  VkPhysicalDeviceFeatures enable{};
  enable.shaderFloat64 = feats.shaderFloat64;
  enable.shaderInt64 = feats.shaderInt64;
  std::vector<const char *> enableExts;
  if (pushDesc)
    enableExts.push_back(VK_KHR_PUSH_DESCRIPTOR_EXTENSION_NAME);
  if (c.props.apiVersion < VK_API_VERSION_1_3 && feedbackExt)
    enableExts.push_back(VK_EXT_PIPELINE_CREATION_FEEDBACK_EXTENSION_NAME);
  VkDeviceCreateInfo dci{};
  dci.sType = VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO;
  dci.queueCreateInfoCount = 1;
  dci.pQueueCreateInfos = &qci;
  dci.enabledExtensionCount = uint32_t(enableExts.size());
  dci.ppEnabledExtensionNames = enableExts.data();
  dci.pEnabledFeatures = &enable;
  if (VkResult r = vk.vkCreateDevice(phys, &dci, nullptr, &device)) {
    device = VK_NULL_HANDLE;
    return vkError("vkCreateDevice", r) + " on " + info.name;
  }
  // A device created, the table must be complete before anything can fail
  // (the destructor uses it).
#define RM_LOAD_DEVICE(n)                                                      \
  vk.n = reinterpret_cast<PFN_##n>(vk.vkGetDeviceProcAddr(device, #n));        \
  if (!vk.n) {                                                                 \
    missing = #n;                                                              \
  }
  const char *missing = nullptr;
  RM_VK_DEVICE_FNS(RM_LOAD_DEVICE)
#undef RM_LOAD_DEVICE
  if (missing) {
    // Without the full table the device cannot even be destroyed safely
    // through it; vkDestroyDevice itself is checked first.
    std::string why = std::string("the Vulkan device lacks ") + missing;
    if (vk.vkDestroyDevice)
      vk.vkDestroyDevice(device, nullptr);
    device = VK_NULL_HANDLE;
    return why;
  }
  if (pushDesc) {
    vk.vkCmdPushDescriptorSetKHR =
        reinterpret_cast<PFN_vkCmdPushDescriptorSetKHR>(
            vk.vkGetDeviceProcAddr(device, "vkCmdPushDescriptorSetKHR"));
    if (!vk.vkCmdPushDescriptorSetKHR)
      info.pushDescriptors = false;
  }
  vk.vkGetDeviceQueue(device, c.family, 0, &queue);

  // The ring.
  for (Slot &s : slots) {
    VkCommandPoolCreateInfo cpi{};
    cpi.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO;
    cpi.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT;
    cpi.queueFamilyIndex = c.family;
    if (VkResult r = vk.vkCreateCommandPool(device, &cpi, nullptr, &s.pool)) {
      s.pool = VK_NULL_HANDLE;
      return vkError("vkCreateCommandPool", r);
    }
    VkCommandBufferAllocateInfo cai{};
    cai.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO;
    cai.commandPool = s.pool;
    cai.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    cai.commandBufferCount = 1;
    if (VkResult r = vk.vkAllocateCommandBuffers(device, &cai, &s.cmd))
      return vkError("vkAllocateCommandBuffers", r);
    VkFenceCreateInfo fci{};
    fci.sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO;
    if (VkResult r = vk.vkCreateFence(device, &fci, nullptr, &s.fence)) {
      s.fence = VK_NULL_HANDLE;
      return vkError("vkCreateFence", r);
    }
  }
  loadPipelineCache();
  return "";
}

void Provider::Impl::loadPipelineCache() {
  std::vector<uint8_t> data;
  if (opts.pipelineCache) {
    std::string dir = opts.cacheDir;
    if (dir.empty()) {
      const char *xdg = std::getenv("XDG_CACHE_HOME");
      const char *home = std::getenv("HOME");
      if (xdg && xdg[0] == '/')
        dir = std::string(xdg) + "/runmat";
      else if (home && *home)
        dir = std::string(home) + "/.cache/runmat";
    }
    if (!dir.empty())
      cachePath = dir + "/" + pipelineCacheFileName(info);
  }
  if (!cachePath.empty()) {
    if (FILE *f = std::fopen(cachePath.c_str(), "rb")) {
      if (std::fseek(f, 0, SEEK_END) == 0) {
        long len = std::ftell(f);
        if (len > 0 && len < (long(1) << 30) && std::fseek(f, 0, SEEK_SET) == 0) {
          data.resize(size_t(len));
          if (std::fread(data.data(), 1, data.size(), f) != data.size())
            data.clear();
        }
      }
      std::fclose(f);
    }
    if (!pipelineCacheHeaderMatches(data.data(), data.size(), info.vendorId,
                                    info.deviceId, info.pipelineCacheUUID))
      data.clear();
  }
  VkPipelineCacheCreateInfo pci{};
  pci.sType = VK_STRUCTURE_TYPE_PIPELINE_CACHE_CREATE_INFO;
  pci.initialDataSize = data.size();
  pci.pInitialData = data.empty() ? nullptr : data.data();
  if (vk.vkCreatePipelineCache(device, &pci, nullptr, &pipelineCache) ==
      VK_SUCCESS) {
    st.pipelineCacheBytesLoaded = data.size();
    return;
  }
  // A driver that rejects the data gets an empty cache; no cache at all is
  // fine too (pipelines are then created uncached).
  pci.initialDataSize = 0;
  pci.pInitialData = nullptr;
  st.pipelineCacheBytesLoaded = 0;
  if (vk.vkCreatePipelineCache(device, &pci, nullptr, &pipelineCache) !=
      VK_SUCCESS)
    pipelineCache = VK_NULL_HANDLE;
}

bool Provider::Impl::savePipelineCache() {
  if (!device || !pipelineCache || cachePath.empty())
    return false;
  if (st.pipelinesCreated == pipelinesAtSave)
    return true; // nothing new since the file was read or written
  size_t size = 0;
  if (vk.vkGetPipelineCacheData(device, pipelineCache, &size, nullptr) !=
          VK_SUCCESS ||
      size == 0)
    return false;
  std::vector<uint8_t> data(size);
  VkResult r = vk.vkGetPipelineCacheData(device, pipelineCache, &size,
                                         data.data());
  if (r != VK_SUCCESS && r != VK_INCOMPLETE)
    return false;
  data.resize(size);
  std::string dir = cachePath.substr(0, cachePath.rfind('/'));
  if (!mkdirs(dir))
    return false;
  // Atomic replace: another process reading the file sees the old or the
  // new cache, never half of one.
  static std::atomic<unsigned> counter{0};
  std::string tmp = cachePath + ".tmp." + std::to_string(::getpid()) + "." +
                    std::to_string(counter++);
  FILE *f = std::fopen(tmp.c_str(), "wb");
  if (!f)
    return false;
  bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok || std::rename(tmp.c_str(), cachePath.c_str()) != 0) {
    std::remove(tmp.c_str());
    return false;
  }
  pipelinesAtSave = st.pipelinesCreated;
  ++st.pipelineCacheSaves;
  return true;
}

Provider::Impl::~Impl() {
  if (device) {
    vk.vkDeviceWaitIdle(device); // a lost device returns at once
    savePipelineCache();
    for (auto &kv : kernels)
      for (Kernel *k : kv.second) {
        if (k->pipeline)
          vk.vkDestroyPipeline(device, k->pipeline, nullptr);
        if (k->layout)
          vk.vkDestroyPipelineLayout(device, k->layout, nullptr);
        if (k->dsl)
          vk.vkDestroyDescriptorSetLayout(device, k->dsl, nullptr);
        delete k;
      }
    for (Buffer *b : buffers) {
      destroyBuffer(b);
      delete b;
    }
    buffers.clear();
    while (!slabs.empty()) // all empty now; destroyBuffer freed most
      destroySlab(*slabs.begin());
    for (Slot &s : slots) {
      for (VkDescriptorPool p : s.dpools)
        vk.vkDestroyDescriptorPool(device, p, nullptr);
      if (s.staging)
        vk.vkDestroyBuffer(device, s.staging, nullptr);
      if (s.stagingMem)
        vk.vkFreeMemory(device, s.stagingMem, nullptr);
      if (s.fence)
        vk.vkDestroyFence(device, s.fence, nullptr);
      if (s.pool)
        vk.vkDestroyCommandPool(device, s.pool, nullptr);
    }
    if (pipelineCache)
      vk.vkDestroyPipelineCache(device, pipelineCache, nullptr);
    vk.vkDestroyDevice(device, nullptr);
  } else {
    for (Buffer *b : buffers)
      delete b;
  }
  if (instance)
    vk.vkDestroyInstance(instance, nullptr);
  // The loader stays mapped (see the file comment).
}

// ---- memory -----------------------------------------------------------------

int32_t Provider::Impl::findMemoryType(uint32_t bits,
                                       VkMemoryPropertyFlags required,
                                       VkMemoryPropertyFlags preferred,
                                       VkMemoryPropertyFlags avoid) const {
  int32_t best = -1, bestScore = -1;
  for (uint32_t i = 0; i < memProps.memoryTypeCount; ++i) {
    VkMemoryPropertyFlags f = memProps.memoryTypes[i].propertyFlags;
    if (!(bits & (1u << i)) || (f & required) != required)
      continue;
    int32_t score = ((f & preferred) == preferred ? 2 : 0) +
                    ((f & avoid) ? 0 : 1);
    if (score > bestScore) {
      best = int32_t(i);
      bestScore = score;
    }
  }
  return best;
}

VkResult Provider::Impl::createBuffer(size_t bytes, VkBufferUsageFlags usage,
                                      bool hostVisible, VkBuffer *buf,
                                      VkDeviceMemory *mem, uint8_t **map) {
  *buf = VK_NULL_HANDLE;
  *mem = VK_NULL_HANDLE;
  *map = nullptr;
  VkBufferCreateInfo bci{};
  bci.sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO;
  bci.size = bytes;
  bci.usage = usage;
  bci.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
  if (VkResult r = vk.vkCreateBuffer(device, &bci, nullptr, buf)) {
    *buf = VK_NULL_HANDLE;
    return r;
  }
  VkMemoryRequirements req{};
  vk.vkGetBufferMemoryRequirements(device, *buf, &req);
  int32_t type;
  if (hostVisible)
    type = findMemoryType(req.memoryTypeBits,
                          VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT |
                              VK_MEMORY_PROPERTY_HOST_COHERENT_BIT,
                          VK_MEMORY_PROPERTY_HOST_CACHED_BIT, 0);
  else
    type = findMemoryType(req.memoryTypeBits,
                          VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT, 0,
                          VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT);
  VkResult r = VK_ERROR_OUT_OF_DEVICE_MEMORY;
  if (type >= 0) {
    VkMemoryAllocateInfo mai{};
    mai.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO;
    mai.allocationSize = req.size;
    mai.memoryTypeIndex = uint32_t(type);
    r = vk.vkAllocateMemory(device, &mai, nullptr, mem);
    if (r == VK_SUCCESS)
      r = vk.vkBindBufferMemory(device, *buf, *mem, 0);
    if (r == VK_SUCCESS && hostVisible) {
      void *p = nullptr;
      r = vk.vkMapMemory(device, *mem, 0, VK_WHOLE_SIZE, 0, &p);
      *map = static_cast<uint8_t *>(p);
    }
  }
  if (r != VK_SUCCESS) {
    if (*mem)
      vk.vkFreeMemory(device, *mem, nullptr);
    vk.vkDestroyBuffer(device, *buf, nullptr);
    *buf = VK_NULL_HANDLE;
    *mem = VK_NULL_HANDLE;
    *map = nullptr;
  }
  return r;
}

void Provider::Impl::destroySlab(Slab *s) {
  vk.vkDestroyBuffer(device, s->buf, nullptr);
  vk.vkFreeMemory(device, s->mem, nullptr);
  st.bufferBytesLive -= s->size;
  auto it = openSlabs.find(s->cls);
  if (it != openSlabs.end() && it->second == s)
    openSlabs.erase(it);
  slabs.erase(s);
  delete s;
}

void Provider::Impl::destroyBuffer(Buffer *b) {
  if (Slab *s = b->slab) {
    // The last piece gone, nothing can refer to the slab: free it (an
    // allocation will open a fresh one when needed).
    if (--s->live == 0)
      destroySlab(s);
  } else {
    if (b->buf)
      vk.vkDestroyBuffer(device, b->buf, nullptr);
    if (b->mem)
      vk.vkFreeMemory(device, b->mem, nullptr); // unmaps implicitly
    st.bufferBytesLive -= b->cap;
  }
  b->slab = nullptr;
  b->buf = VK_NULL_HANDLE;
  b->mem = VK_NULL_HANDLE;
  b->mapped = nullptr;
}

void Provider::Impl::trimPool() {
  // Staging buffers that nothing recorded or in flight refers to go too.
  for (Slot &s : slots)
    if (s.staging && s.stagingUsed == 0 && s.state != Slot::InFlight) {
      vk.vkDestroyBuffer(device, s.staging, nullptr);
      vk.vkFreeMemory(device, s.stagingMem, nullptr);
      st.stagingBytes -= s.stagingCap;
      s.staging = VK_NULL_HANDLE;
      s.stagingMem = VK_NULL_HANDLE;
      s.stagingPtr = nullptr;
      s.stagingCap = 0;
    }
  for (auto &kv : freeLists)
    for (Buffer *f : kv.second) {
      st.bufferBytesPooled -= f->cap;
      destroyBuffer(f);
      buffers.erase(f);
      delete f;
    }
  freeLists.clear();
}

VkResult Provider::Impl::newBuffer(size_t cap, Buffer *b) {
  const VkBufferUsageFlags usage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT |
                                   VK_BUFFER_USAGE_TRANSFER_SRC_BIT |
                                   VK_BUFFER_USAGE_TRANSFER_DST_BIT;
  if (!useSlabs || cap > kSlabClassMax) {
    VkResult r = createBuffer(cap, usage, info.unifiedMemory, &b->buf,
                              &b->mem, &b->mapped);
    if (r == VK_SUCCESS)
      st.bufferBytesLive += cap;
    return r;
  }
  Slab *s = nullptr;
  auto it = openSlabs.find(cap);
  if (it != openSlabs.end() && it->second->used + cap <= it->second->size)
    s = it->second;
  if (!s) {
    auto fresh = std::make_unique<Slab>();
    VkResult r = createBuffer(kSlabSize, usage, info.unifiedMemory,
                              &fresh->buf, &fresh->mem, &fresh->map);
    if (r != VK_SUCCESS)
      return r;
    fresh->size = kSlabSize;
    fresh->cls = cap;
    st.bufferBytesLive += kSlabSize;
    s = fresh.release();
    slabs.insert(s);
    openSlabs[cap] = s; // the previous open slab is full: it lives on
  }
  b->slab = s;
  b->buf = s->buf;
  b->base = s->used;
  b->mapped = s->map ? s->map + s->used : nullptr;
  s->used += cap;
  ++s->live;
  return VK_SUCCESS;
}

void Provider::Impl::release(Buffer *b) {
  if (st.bufferBytesPooled + b->cap > poolLimit) {
    destroyBuffer(b);
    buffers.erase(b);
    delete b;
    return;
  }
  freeLists[b->cap].push_back(b);
  st.bufferBytesPooled += b->cap;
}

Buffer *Provider::Impl::alloc(size_t bytes) {
  if (!usable() || (maxAllocation && bytes > maxAllocation))
    return nullptr;
  size_t cap = sizeClass(bytes);
  if (maxAllocation && cap > maxAllocation)
    cap = alignUp(bytes, 256); // the class would not fit; the exact size may
  poll();
  auto it = freeLists.find(cap);
  if (it != freeLists.end() && !it->second.empty()) {
    Buffer *b = it->second.back();
    it->second.pop_back();
    st.bufferBytesPooled -= b->cap;
    b->size = bytes;
    b->live = true;
    ++st.bufferPoolHits;
    return b;
  }
  auto b = std::make_unique<Buffer>();
  VkResult r = newBuffer(cap, b.get());
  if (r == VK_ERROR_OUT_OF_DEVICE_MEMORY || r == VK_ERROR_OUT_OF_HOST_MEMORY) {
    // Give the pool's memory back (waiting for deferred frees too) and
    // try once more; still failing, the caller keeps the data on the host.
    if (!finish())
      return nullptr;
    trimPool();
    r = newBuffer(cap, b.get());
  }
  if (r != VK_SUCCESS)
    return nullptr;
  b->owner = this;
  b->size = bytes;
  b->cap = cap;
  b->live = true;
  buffers.insert(b.get());
  ++st.buffersCreated;
  return b.release();
}

void Provider::Impl::free(Buffer *b) {
  if (!owns(b))
    return;
  b->live = false;
  if (!device)
    return;
  poll();
  if (b->lastUse > completed)
    deferred.push_back(b);
  else
    release(b);
}

// ---- the command stream -----------------------------------------------------

void Provider::Impl::barrier(VkCommandBuffer cmd, bool host) {
  VkMemoryBarrier mb{};
  mb.sType = VK_STRUCTURE_TYPE_MEMORY_BARRIER;
  mb.srcAccessMask = VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
  mb.dstAccessMask = VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT |
                     VK_ACCESS_TRANSFER_READ_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
  VkPipelineStageFlags src = VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT |
                             VK_PIPELINE_STAGE_TRANSFER_BIT;
  VkPipelineStageFlags dst = src;
  if (host) {
    mb.dstAccessMask |= VK_ACCESS_HOST_READ_BIT;
    dst |= VK_PIPELINE_STAGE_HOST_BIT;
  }
  vk.vkCmdPipelineBarrier(cmd, src, dst, 0, 1, &mb, 0, nullptr, 0, nullptr);
}

void Provider::Impl::retire(Slot &s) {
  vk.vkResetFences(device, 1, &s.fence);
  s.state = Slot::Idle;
  s.stagingUsed = 0;
  completed = std::max(completed, s.serial);
  // Buffers freed while this work ran may now be reused.
  if (!deferred.empty()) {
    size_t keep = 0;
    for (Buffer *b : deferred) {
      if (b->lastUse <= completed)
        release(b);
      else
        deferred[keep++] = b;
    }
    deferred.resize(keep);
  }
}

void Provider::Impl::poll() {
  // In submission order; stop at the first unfinished submit so that
  // `completed` means "everything up to here is done".
  // The slot at `cur`, when in flight, is the oldest (it is the next to
  // record); when recording it is skipped.
  for (uint32_t i = 0; i < kRing; ++i) {
    Slot &s = slots[(cur + i) % kRing];
    if (s.state != Slot::InFlight)
      continue;
    VkResult r = vk.vkGetFenceStatus(device, s.fence);
    if (r == VK_NOT_READY)
      return;
    if (r != VK_SUCCESS) {
      fail("vkGetFenceStatus", r);
      return;
    }
    retire(s);
  }
}

bool Provider::Impl::waitSerial(uint64_t serial) {
  if (serial <= completed)
    return true;
  Slot &curSlot = slots[cur];
  if (curSlot.state == Slot::Recording && curSlot.serial <= serial &&
      !submitCurrent())
    return false;
  for (uint32_t i = 0; i < kRing; ++i) { // oldest first, as in poll()
    Slot &s = slots[(cur + i) % kRing];
    if (s.state != Slot::InFlight || s.serial > serial)
      continue;
    VkResult r = vk.vkGetFenceStatus(device, s.fence);
    if (r == VK_NOT_READY) {
      ++st.waits;
      r = vk.vkWaitForFences(device, 1, &s.fence, VK_TRUE, UINT64_MAX);
    }
    if (r != VK_SUCCESS)
      return fail("vkWaitForFences", r);
    retire(s);
  }
  return true;
}

bool Provider::Impl::beginIfNeeded() {
  Slot &s = slots[cur];
  if (s.state == Slot::Recording)
    return true;
  if (s.state == Slot::InFlight && !waitSerial(s.serial))
    return false;
  if (VkResult r = vk.vkResetCommandPool(device, s.pool, 0))
    return fail("vkResetCommandPool", r);
  for (VkDescriptorPool p : s.dpools)
    vk.vkResetDescriptorPool(device, p, 0);
  s.dpoolIndex = 0;
  s.dpoolSetsLeft = s.dpools.empty() ? 0 : kSetsPerPool;
  s.dpoolDescsLeft = s.dpools.empty() ? 0 : s.dpoolDescs[0];
  VkCommandBufferBeginInfo bi{};
  bi.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO;
  bi.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  if (VkResult r = vk.vkBeginCommandBuffer(s.cmd, &bi))
    return fail("vkBeginCommandBuffer", r);
  s.state = Slot::Recording;
  s.serial = ++serialCounter;
  s.stagingUsed = 0;
  pendingBarrier = false;
  boundPipeline = VK_NULL_HANDLE;
  boundLayout = VK_NULL_HANDLE;
  boundBuffers.clear();
  boundPush.clear();
  return true;
}

VkCommandBuffer Provider::Impl::command(Buffer *const *bs, size_t n) {
  if (!beginIfNeeded())
    return VK_NULL_HANDLE;
  Slot &s = slots[cur];
  bool hazard = false;
  for (size_t i = 0; i < n; ++i)
    hazard |= bs[i]->epoch == epoch;
  if (hazard) {
    barrier(s.cmd, false);
    ++epoch;
  }
  for (size_t i = 0; i < n; ++i) {
    bs[i]->epoch = epoch;
    bs[i]->lastUse = s.serial;
  }
  pendingBarrier = true;
  return s.cmd;
}

bool Provider::Impl::submitCurrent() {
  Slot &s = slots[cur];
  if (s.state != Slot::Recording)
    return true;
  if (pendingBarrier) {
    barrier(s.cmd, true);
    pendingBarrier = false;
    ++epoch;
  }
  if (VkResult r = vk.vkEndCommandBuffer(s.cmd))
    return fail("vkEndCommandBuffer", r);
  VkSubmitInfo si{};
  si.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO;
  si.commandBufferCount = 1;
  si.pCommandBuffers = &s.cmd;
  if (VkResult r = vk.vkQueueSubmit(queue, 1, &si, s.fence))
    return fail("vkQueueSubmit", r);
  s.state = Slot::InFlight;
  ++st.submits;
  cur = (cur + 1) % kRing;
  return true;
}

bool Provider::Impl::stageAlloc(size_t len, Slot **slot, size_t *off) {
  if (!beginIfNeeded())
    return false;
  Slot *s = &slots[cur];
  size_t at = alignUp(s->stagingUsed, 16);
  if (s->staging && at + len <= s->stagingCap) {
    s->stagingUsed = at + len;
    *slot = s;
    *off = at;
    return true;
  }
  if (s->stagingUsed > 0) {
    // This slot's staging is spoken for: submit it and take the next one.
    if (!submitCurrent() || !beginIfNeeded())
      return false;
    s = &slots[cur];
  }
  if (s->stagingCap < len) {
    // Nothing recorded in this slot refers to its staging (stagingUsed is
    // 0), so it can be replaced by a larger one.
    if (s->staging) {
      vk.vkDestroyBuffer(device, s->staging, nullptr);
      vk.vkFreeMemory(device, s->stagingMem, nullptr);
      st.stagingBytes -= s->stagingCap;
      s->staging = VK_NULL_HANDLE;
      s->stagingMem = VK_NULL_HANDLE;
      s->stagingPtr = nullptr;
      s->stagingCap = 0;
    }
    size_t cap = std::max(kStagingMin, nextPow2(len));
    VkResult r = createBuffer(cap,
                              VK_BUFFER_USAGE_TRANSFER_SRC_BIT |
                                  VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                              true, &s->staging, &s->stagingMem,
                              &s->stagingPtr);
    if (r != VK_SUCCESS)
      return fail("staging buffer allocation", r);
    s->stagingCap = cap;
    st.stagingBytes += cap;
  }
  s->stagingUsed = len;
  *slot = s;
  *off = 0;
  return true;
}

// ---- transfers ----------------------------------------------------------------

bool Provider::Impl::upload(Buffer *b, size_t off, const void *src,
                            size_t bytes) {
  if (!usable() || !owns(b) || off > b->size || bytes > b->size - off ||
      (bytes && !src))
    return false;
  if (!bytes)
    return true;
  ++st.uploads;
  st.uploadBytes += bytes;
  poll();
  if (b->mapped && b->lastUse <= completed) {
    // Idle host-visible buffer: nothing pending reads or writes it, and
    // the next submit makes host writes visible to the device.
    std::memcpy(b->mapped + off, src, bytes);
    return true;
  }
  const auto *p = static_cast<const uint8_t *>(src);
  while (bytes) {
    size_t chunk = std::min(bytes, kStagingMax);
    Slot *s;
    size_t at;
    if (!stageAlloc(chunk, &s, &at))
      return false;
    std::memcpy(s->stagingPtr + at, p, chunk);
    VkCommandBuffer cmd = command(b);
    if (!cmd)
      return false;
    VkBufferCopy region{at, b->base + off, chunk};
    vk.vkCmdCopyBuffer(cmd, s->staging, b->buf, 1, &region);
    p += chunk;
    off += chunk;
    bytes -= chunk;
  }
  return true;
}

bool Provider::Impl::download(const Buffer *cb, size_t off, void *dst,
                              size_t bytes) {
  Buffer *b = const_cast<Buffer *>(cb);
  if (!usable() || !owns(b) || off > b->size || bytes > b->size - off ||
      (bytes && !dst))
    return false;
  ++st.downloads;
  st.downloadBytes += bytes;
  // Submit what is recorded even when this buffer does not need it: the
  // device works while the host uses the data.
  if (!submitCurrent())
    return false;
  if (!bytes)
    return true;
  auto *out = static_cast<uint8_t *>(dst);
  if (b->mapped) {
    if (!waitSerial(b->lastUse))
      return false;
    std::memcpy(out, b->mapped + off, bytes);
    return true;
  }
  // Chunks through staging, two deep: chunk k+1 is copied by the device
  // while the host copies chunk k out.
  struct Pending {
    uint64_t serial;
    const uint8_t *from;
    uint8_t *to;
    size_t len;
  };
  Pending prev{0, nullptr, nullptr, 0};
  bool havePrev = false;
  while (bytes) {
    size_t chunk = std::min(bytes, kStagingMax);
    Slot *s;
    size_t at;
    if (!stageAlloc(chunk, &s, &at))
      return false;
    VkCommandBuffer cmd = command(b);
    if (!cmd)
      return false;
    VkBufferCopy region{b->base + off, at, chunk};
    vk.vkCmdCopyBuffer(cmd, b->buf, s->staging, 1, &region);
    Pending now{s->serial, s->stagingPtr + at, out, chunk};
    if (!submitCurrent())
      return false;
    if (havePrev) {
      if (!waitSerial(prev.serial))
        return false;
      std::memcpy(prev.to, prev.from, prev.len);
    }
    prev = now;
    havePrev = true;
    out += chunk;
    off += chunk;
    bytes -= chunk;
  }
  if (!waitSerial(prev.serial))
    return false;
  std::memcpy(prev.to, prev.from, prev.len);
  return true;
}

bool Provider::Impl::copy(Buffer *d, size_t doff, const Buffer *cs,
                          size_t soff, size_t bytes) {
  Buffer *s = const_cast<Buffer *>(cs);
  if (!usable() || !owns(d) || !owns(s) || doff > d->size ||
      bytes > d->size - doff || soff > s->size || bytes > s->size - soff)
    return false;
  if (s == d && bytes && soff < doff + bytes && doff < soff + bytes)
    return false; // overlapping regions are invalid in vkCmdCopyBuffer
  if (!bytes)
    return true;
  Buffer *both[] = {s, d};
  VkCommandBuffer cmd = command(both, 2);
  if (!cmd)
    return false;
  VkBufferCopy region{s->base + soff, d->base + doff, bytes};
  vk.vkCmdCopyBuffer(cmd, s->buf, d->buf, 1, &region);
  ++st.copies;
  return true;
}

bool Provider::Impl::fill(Buffer *d, size_t off, size_t bytes,
                          uint32_t pattern) {
  if (!usable() || !owns(d) || off % 4 || bytes % 4 || off > d->size ||
      bytes > d->size - off)
    return false;
  if (!bytes)
    return true;
  VkCommandBuffer cmd = command(d);
  if (!cmd)
    return false;
  vk.vkCmdFillBuffer(cmd, d->buf, d->base + off, bytes, pattern);
  ++st.fills;
  return true;
}

bool Provider::Impl::finish() {
  if (!usable())
    return false;
  if (!submitCurrent())
    return false;
  return waitSerial(serialCounter);
}

// ---- kernels ----------------------------------------------------------------

Kernel *Provider::Impl::kernel(const uint32_t *spirv, size_t words,
                               const char *entry, uint32_t numBuffers,
                               uint32_t pushBytes) {
  if (!usable() || !spirv || words < 5 || spirv[0] != 0x07230203u ||
      !entry || !*entry || pushBytes % 4 ||
      pushBytes > limits.maxPushConstantsSize ||
      numBuffers > limits.maxPerStageDescriptorStorageBuffers ||
      numBuffers > limits.maxDescriptorSetStorageBuffers)
    return nullptr;
  ++st.kernelLookups;
  size_t entryLen = std::strlen(entry);
  uint64_t h = 14695981039346656037ULL;
  h = fnv1a(h, spirv, words * 4);
  h = fnv1a(h, entry, entryLen + 1);
  h = fnv1a(h, &numBuffers, sizeof numBuffers);
  h = fnv1a(h, &pushBytes, sizeof pushBytes);
  auto &bucket = kernels[h];
  for (Kernel *k : bucket)
    if (k->numBuffers == numBuffers && k->pushBytes == pushBytes &&
        k->entry == entry && k->words.size() == words &&
        std::memcmp(k->words.data(), spirv, words * 4) == 0) {
      ++st.kernelCacheHits;
      return k;
    }

  auto k = std::make_unique<Kernel>();
  k->owner = this;
  k->words.assign(spirv, spirv + words);
  k->entry = entry;
  k->numBuffers = numBuffers;
  k->pushBytes = pushBytes;
  k->pushDescriptors = info.pushDescriptors && numBuffers > 0 &&
                       numBuffers <= maxPushDescriptors;

  auto cleanup = [&] {
    if (k->pipeline)
      vk.vkDestroyPipeline(device, k->pipeline, nullptr);
    if (k->layout)
      vk.vkDestroyPipelineLayout(device, k->layout, nullptr);
    if (k->dsl)
      vk.vkDestroyDescriptorSetLayout(device, k->dsl, nullptr);
    if (bucket.empty())
      kernels.erase(h);
    return nullptr;
  };

  std::vector<VkDescriptorSetLayoutBinding> binds(numBuffers);
  for (uint32_t i = 0; i < numBuffers; ++i) {
    binds[i].binding = i;
    binds[i].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    binds[i].descriptorCount = 1;
    binds[i].stageFlags = VK_SHADER_STAGE_COMPUTE_BIT;
  }
  VkDescriptorSetLayoutCreateInfo dli{};
  dli.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO;
  dli.flags = k->pushDescriptors
                  ? VK_DESCRIPTOR_SET_LAYOUT_CREATE_PUSH_DESCRIPTOR_BIT_KHR
                  : 0;
  dli.bindingCount = numBuffers;
  dli.pBindings = binds.data();
  if (vk.vkCreateDescriptorSetLayout(device, &dli, nullptr, &k->dsl)) {
    k->dsl = VK_NULL_HANDLE;
    return cleanup();
  }
  VkPushConstantRange range{VK_SHADER_STAGE_COMPUTE_BIT, 0, pushBytes};
  VkPipelineLayoutCreateInfo pli{};
  pli.sType = VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO;
  pli.setLayoutCount = 1;
  pli.pSetLayouts = &k->dsl;
  pli.pushConstantRangeCount = pushBytes ? 1 : 0;
  pli.pPushConstantRanges = pushBytes ? &range : nullptr;
  if (vk.vkCreatePipelineLayout(device, &pli, nullptr, &k->layout)) {
    k->layout = VK_NULL_HANDLE;
    return cleanup();
  }
  VkShaderModuleCreateInfo smi{};
  smi.sType = VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO;
  smi.codeSize = words * 4;
  smi.pCode = spirv;
  VkShaderModule module = VK_NULL_HANDLE;
  if (vk.vkCreateShaderModule(device, &smi, nullptr, &module))
    return cleanup();
  VkComputePipelineCreateInfo cpi{};
  cpi.sType = VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO;
  cpi.stage.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO;
  cpi.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT;
  cpi.stage.module = module;
  cpi.stage.pName = entry;
  cpi.layout = k->layout;
  VkPipelineCreationFeedback fbPipe{}, fbStage{};
  VkPipelineCreationFeedbackCreateInfo fci{};
  fci.sType = VK_STRUCTURE_TYPE_PIPELINE_CREATION_FEEDBACK_CREATE_INFO;
  fci.pPipelineCreationFeedback = &fbPipe;
  fci.pipelineStageCreationFeedbackCount = 1;
  fci.pPipelineStageCreationFeedbacks = &fbStage;
  if (creationFeedback)
    cpi.pNext = &fci;
  VkResult r = vk.vkCreateComputePipelines(device, pipelineCache, 1, &cpi,
                                           nullptr, &k->pipeline);
  vk.vkDestroyShaderModule(device, module, nullptr);
  if (r != VK_SUCCESS) {
    k->pipeline = VK_NULL_HANDLE;
    if (r == VK_ERROR_DEVICE_LOST)
      fail("vkCreateComputePipelines", r);
    return cleanup();
  }
  ++st.pipelinesCreated;
  if ((fbPipe.flags & VK_PIPELINE_CREATION_FEEDBACK_VALID_BIT) &&
      (fbPipe.flags &
       VK_PIPELINE_CREATION_FEEDBACK_APPLICATION_PIPELINE_CACHE_HIT_BIT))
    ++st.pipelineCacheHits;
  bucket.push_back(k.get());
  return k.release();
}

bool Provider::Impl::bindDescriptors(VkCommandBuffer cmd, Slot &s, Kernel *k) {
  scratchWrites.resize(k->numBuffers);
  for (uint32_t i = 0; i < k->numBuffers; ++i) {
    VkWriteDescriptorSet &w = scratchWrites[i];
    w = VkWriteDescriptorSet{};
    w.sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET;
    w.dstBinding = i;
    w.descriptorCount = 1;
    w.descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    w.pBufferInfo = &scratchInfos[i];
  }
  if (k->pushDescriptors) {
    vk.vkCmdPushDescriptorSetKHR(cmd, VK_PIPELINE_BIND_POINT_COMPUTE,
                                 k->layout, 0, k->numBuffers,
                                 scratchWrites.data());
    return true;
  }
  VkDescriptorSet set = VK_NULL_HANDLE;
  for (;;) {
    // Move on before a pool runs dry rather than relying on the error an
    // exhausted pool returns.
    if (s.dpoolIndex < s.dpools.size() &&
        (s.dpoolSetsLeft == 0 || s.dpoolDescsLeft < k->numBuffers)) {
      ++s.dpoolIndex;
      s.dpoolSetsLeft = s.dpoolDescsLeft = 0;
      if (s.dpoolIndex < s.dpools.size()) {
        s.dpoolSetsLeft = kSetsPerPool;
        s.dpoolDescsLeft = s.dpoolDescs[s.dpoolIndex];
      }
      continue;
    }
    if (s.dpoolIndex == s.dpools.size()) {
      uint32_t descs = kSetsPerPool * std::max<uint32_t>(8, k->numBuffers);
      VkDescriptorPoolSize ps{VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, descs};
      VkDescriptorPoolCreateInfo dpi{};
      dpi.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO;
      dpi.maxSets = kSetsPerPool;
      dpi.poolSizeCount = 1;
      dpi.pPoolSizes = &ps;
      VkDescriptorPool p;
      if (VkResult r = vk.vkCreateDescriptorPool(device, &dpi, nullptr, &p))
        return fail("vkCreateDescriptorPool", r);
      s.dpools.push_back(p);
      s.dpoolDescs.push_back(descs);
      s.dpoolSetsLeft = kSetsPerPool;
      s.dpoolDescsLeft = descs;
    }
    VkDescriptorSetAllocateInfo dai{};
    dai.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO;
    dai.descriptorPool = s.dpools[s.dpoolIndex];
    dai.descriptorSetCount = 1;
    dai.pSetLayouts = &k->dsl;
    VkResult r = vk.vkAllocateDescriptorSets(device, &dai, &set);
    if (r == VK_SUCCESS) {
      --s.dpoolSetsLeft;
      s.dpoolDescsLeft -= k->numBuffers;
      break;
    }
    if (r != VK_ERROR_OUT_OF_POOL_MEMORY && r != VK_ERROR_FRAGMENTED_POOL)
      return fail("vkAllocateDescriptorSets", r);
    s.dpoolSetsLeft = 0; // full after all: the next (or a new) pool
  }
  for (auto &w : scratchWrites)
    w.dstSet = set;
  vk.vkUpdateDescriptorSets(device, k->numBuffers, scratchWrites.data(), 0,
                            nullptr);
  vk.vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, k->layout,
                             0, 1, &set, 0, nullptr);
  return true;
}

bool Provider::Impl::dispatch(Kernel *k, const Buffer *const *bufs,
                              const void *push, uint32_t gx, uint32_t gy,
                              uint32_t gz) {
  if (!usable() || !k || k->owner != this ||
      (k->numBuffers && !bufs) || (k->pushBytes && !push) ||
      gx > limits.maxComputeWorkGroupCount[0] ||
      gy > limits.maxComputeWorkGroupCount[1] ||
      gz > limits.maxComputeWorkGroupCount[2])
    return false;
  for (uint32_t i = 0; i < k->numBuffers; ++i)
    if (!owns(bufs[i]) || bufs[i]->size > info.maxStorageBufferRange)
      return false;
  if (!gx || !gy || !gz)
    return true;
  Buffer *const *touched = const_cast<Buffer *const *>(bufs);
  VkCommandBuffer cmd = command(touched, k->numBuffers);
  if (!cmd)
    return false;
  Slot &s = slots[cur];
  if (boundPipeline != k->pipeline) {
    vk.vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, k->pipeline);
    boundPipeline = k->pipeline;
  }
  // Descriptors and push constants stay bound across dispatches with the
  // same pipeline layout: a chain of dispatches on the same buffers (the
  // usual fused-loop pattern) binds them once.
  bool sameLayout = boundLayout == k->layout;
  if (k->numBuffers) {
    scratchInfos.resize(k->numBuffers);
    for (uint32_t i = 0; i < k->numBuffers; ++i) {
      const Buffer *b = bufs[i];
      // Bind the caller's size, not the size class: a shader's
      // runtime-array length() then is the array's.
      scratchInfos[i] = {b->buf, b->base,
                         b->size ? VkDeviceSize(b->size) : b->cap};
    }
    bool same = sameLayout && boundBuffers.size() == k->numBuffers &&
                std::memcmp(boundBuffers.data(), scratchInfos.data(),
                            k->numBuffers * sizeof(VkDescriptorBufferInfo)) ==
                    0;
    if (!same && !bindDescriptors(cmd, s, k))
      return false;
    boundBuffers = scratchInfos;
  }
  if (k->pushBytes) {
    const auto *pb = static_cast<const uint8_t *>(push);
    if (!sameLayout || boundPush.size() != k->pushBytes ||
        std::memcmp(boundPush.data(), pb, k->pushBytes) != 0) {
      vk.vkCmdPushConstants(cmd, k->layout, VK_SHADER_STAGE_COMPUTE_BIT, 0,
                            k->pushBytes, push);
      boundPush.assign(pb, pb + k->pushBytes);
    }
  }
  if (!sameLayout) {
    boundLayout = k->layout;
    if (!k->numBuffers)
      boundBuffers.clear();
    if (!k->pushBytes)
      boundPush.clear();
  }
  vk.vkCmdDispatch(cmd, gx, gy, gz);
  ++st.dispatches;
  return true;
}

// ---- Provider -----------------------------------------------------------------

namespace {
std::string &singletonReason() {
  static std::string *r = new std::string(); // never destroyed (atexit use)
  return *r;
}
std::atomic<Provider *> singletonPtr{nullptr};
std::atomic<bool> singletonDown{false};

void destroySingleton() {
  singletonDown = true;
  Provider *p = singletonPtr.exchange(nullptr);
  singletonReason() = "the GPU provider was shut down at exit";
  delete p;
}
} // namespace

Provider::Provider() = default;
Provider::~Provider() = default;

std::unique_ptr<Provider> Provider::create(const Options &opts,
                                           std::string *reason) {
  std::string why;
  std::unique_ptr<Provider> p;
  try {
    p.reset(new Provider());
    p->impl_ = std::make_unique<Impl>();
    why = p->impl_->init(opts);
  } catch (const std::exception &e) {
    why = std::string("GPU initialisation failed: ") + e.what();
  } catch (...) {
    why = "GPU initialisation failed";
  }
  if (!why.empty()) {
    p.reset();
    if (reason)
      *reason = why;
    return nullptr;
  }
  if (reason)
    reason->clear();
  return p;
}

Provider *Provider::get() {
  static Provider *instance = [] {
    std::string err;
    Options o = Options::fromEnvironment(&err);
    if (!err.empty()) {
      singletonReason() = err;
      return static_cast<Provider *>(nullptr);
    }
    std::unique_ptr<Provider> p = create(o, &singletonReason());
    if (p) {
      singletonPtr = p.get();
      // Registered after the provider's own statics were constructed, so
      // it runs before they are destroyed.
      std::atexit(destroySingleton);
    }
    return p.release();
  }();
  (void)instance;
  return singletonDown ? nullptr : singletonPtr.load();
}

const std::string &Provider::unavailableReason() {
  get();
  return singletonReason();
}

// Every public call: under the lock, with no exception escaping (a
// std::bad_alloc from a container marks nothing failed; the call fails).
#define RM_GUARDED(fallback, ...)                                              \
  do {                                                                         \
    std::lock_guard<std::mutex> lock(mu_);                                     \
    try {                                                                      \
      __VA_ARGS__;                                                             \
    } catch (...) {                                                            \
      return fallback;                                                         \
    }                                                                          \
  } while (0)

const DeviceInfo &Provider::info() const { return impl_->info; }

Stats Provider::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return impl_->st;
}

bool Provider::failed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return impl_->failedFlag;
}

std::string Provider::failureReason() const {
  std::lock_guard<std::mutex> lock(mu_);
  return impl_->failReason;
}

Buffer *Provider::alloc(size_t bytes) {
  RM_GUARDED(nullptr, return impl_->alloc(bytes));
}

void Provider::free(Buffer *b) { RM_GUARDED(, impl_->free(b)); }

size_t Provider::size(const Buffer *b) { return b ? b->size : 0; }

void Provider::trim() {
  RM_GUARDED(, impl_->trimPool());
}

bool Provider::upload(Buffer *dst, size_t off, const void *src, size_t bytes) {
  RM_GUARDED(false, return impl_->upload(dst, off, src, bytes));
}

bool Provider::download(const Buffer *src, size_t off, void *dst,
                        size_t bytes) {
  RM_GUARDED(false, return impl_->download(src, off, dst, bytes));
}

bool Provider::copy(Buffer *dst, size_t doff, const Buffer *src, size_t soff,
                    size_t bytes) {
  RM_GUARDED(false, return impl_->copy(dst, doff, src, soff, bytes));
}

bool Provider::fill(Buffer *dst, size_t off, size_t bytes, uint32_t pattern) {
  RM_GUARDED(false, return impl_->fill(dst, off, bytes, pattern));
}

Kernel *Provider::kernel(const uint32_t *spirv, size_t words,
                         const char *entry, uint32_t numBuffers,
                         uint32_t pushConstantBytes) {
  RM_GUARDED(nullptr, return impl_->kernel(spirv, words, entry, numBuffers,
                                           pushConstantBytes));
}

bool Provider::dispatch(Kernel *k, const Buffer *const *buffers,
                        const void *push, uint32_t gx, uint32_t gy,
                        uint32_t gz) {
  RM_GUARDED(false, return impl_->dispatch(k, buffers, push, gx, gy, gz));
}

bool Provider::flush() {
  RM_GUARDED(false, return impl_->usable() && impl_->submitCurrent());
}

bool Provider::finish() { RM_GUARDED(false, return impl_->finish()); }

bool Provider::savePipelineCache() {
  RM_GUARDED(false, return impl_->savePipelineCache());
}

std::string Provider::pipelineCachePath() const {
  std::lock_guard<std::mutex> lock(mu_);
  return impl_->cachePath;
}

} // namespace runmat::rt::gpu
