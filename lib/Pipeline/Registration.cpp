//===- Registration.cpp - Dialects and passes RunMat uses -----------------===//
//
// The one place that includes the dialect and pass registries, so that only
// this file pays for their headers.
//
//===----------------------------------------------------------------------===//
#include "runmat/Pipeline/Registration.h"

#include "RunMat/RunMatDialect.h"
#include "RunMat/RunMatOps.h"
#include "runmat/Conversion/Passes.h"
#include "runmat/Transforms/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Extensions/InlinerExtension.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Transforms/Passes.h"

void runmat::registerRunMatDialects(mlir::DialectRegistry &registry) {
  registry.insert<runmat::RunMatDialect, mlir::func::FuncDialect,
                  mlir::arith::ArithDialect, mlir::math::MathDialect,
                  mlir::cf::ControlFlowDialect, mlir::LLVM::LLVMDialect>();
  mlir::func::registerInlinerExtension(registry);
  mlir::registerBuiltinDialectTranslation(registry);
  mlir::registerLLVMDialectTranslation(registry);
}

void runmat::registerRunMatPasses() {
  runmat::registerRunMatTransformsPasses();
  runmat::registerRunMatConversionPasses();
  mlir::registerTransformsPasses(); // canonicalize, cse, inline, ...
  mlir::registerConvertMathToLibmPass();
  mlir::registerReconcileUnrealizedCastsPass();
}
