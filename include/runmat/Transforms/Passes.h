//===- Passes.h - RunMat transformation passes ------------------*- C++ -*-===//
#ifndef RUNMAT_TRANSFORMS_PASSES_H
#define RUNMAT_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Pass/Pass.h"

namespace runmat {

#define GEN_PASS_DECL
#include "runmat/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "runmat/Transforms/Passes.h.inc"

} // namespace runmat

#endif
