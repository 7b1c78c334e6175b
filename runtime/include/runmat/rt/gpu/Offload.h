//===- runmat/rt/gpu/Offload.h - running fused regions on the GPU -*- C++ -*-===//
//
// Placement of compiled GPU kernels (abi.h rm_gpu_elementwise). Until the
// runtime keeps arrays on the device and has a cost model, a region runs on
// the GPU only when RUNMAT_DEVICE=gpu asks for it.
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_RT_GPU_OFFLOAD_H
#define RUNMAT_RT_GPU_OFFLOAD_H

namespace runmat::rt::gpu {

/// RUNMAT_DEVICE=gpu: every region with a GPU kernel runs on the GPU when a
/// device works.
bool gpuForced();

} // namespace runmat::rt::gpu

#endif // RUNMAT_RT_GPU_OFFLOAD_H
