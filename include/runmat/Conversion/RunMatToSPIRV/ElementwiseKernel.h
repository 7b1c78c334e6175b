//===- ElementwiseKernel.h - fused elementwise bodies as SPIR-V -*- C++ -*-===//
#ifndef RUNMAT_CONVERSION_RUNMATTOSPIRV_ELEMENTWISEKERNEL_H
#define RUNMAT_CONVERSION_RUNMATTOSPIRV_ELEMENTWISEKERNEL_H

#include "RunMat/RunMatOps.h"
#include "mlir/Support/LLVM.h"

#include <string>

namespace runmat {

/// Work-group size of elementwise kernels (x).
constexpr unsigned kElementwiseLocalSize = 256;

/// The SPIR-V binary (words) of a GPU kernel computing `op`'s body over f64
/// arrays (ABI in ElementwiseKernel.cpp and abi.h rm_gpu_elementwise), or
/// failure when the body has an operation with no exact f64 SPIR-V form.
/// `text`, when given, receives the kernel as SPIR-V dialect text;
/// `flagged`, whether the kernel has the needs-CPU flag binding.
mlir::FailureOr<llvm::SmallVector<uint32_t>>
buildElementwiseSPIRV(FusedElementwiseOp op, std::string *text = nullptr,
                      bool *flagged = nullptr);

} // namespace runmat

#endif // RUNMAT_CONVERSION_RUNMATTOSPIRV_ELEMENTWISEKERNEL_H
