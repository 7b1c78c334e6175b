//===- Registration.h - Dialects and passes RunMat uses ---------*- C++ -*-===//
#ifndef RUNMAT_PIPELINE_REGISTRATION_H
#define RUNMAT_PIPELINE_REGISTRATION_H

namespace mlir {
class DialectRegistry;
class MLIRContext;
} // namespace mlir

namespace runmat {
/// The dialects RunMat emits or lowers through (runmat, func, arith, math,
/// cf, llvm) and their LLVM-IR translations.
void registerRunMatDialects(mlir::DialectRegistry &registry);
/// Every RunMat pass, plus the upstream passes our pipelines use.
void registerRunMatPasses();
} // namespace runmat

#endif
