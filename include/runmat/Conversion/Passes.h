//===- Passes.h - RunMat conversion passes ----------------------*- C++ -*-===//
#ifndef RUNMAT_CONVERSION_PASSES_H
#define RUNMAT_CONVERSION_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
class RewritePatternSet;
class LLVMTypeConverter;
} // namespace mlir

namespace runmat {

#define GEN_PASS_DECL
#include "runmat/Conversion/Passes.h.inc"

/// Patterns lowering runmat ops to LLVM and runtime calls.
void populateRunMatToLLVMPatterns(mlir::LLVMTypeConverter &converter,
                                  mlir::RewritePatternSet &patterns);
/// Adds the !runmat.value and !runmat.slot conversions.
void addRunMatTypeConversions(mlir::LLVMTypeConverter &converter);

#define GEN_PASS_REGISTRATION
#include "runmat/Conversion/Passes.h.inc"

} // namespace runmat

#endif
