//===- Passes.td - RunMat conversion passes ----------------*- tablegen -*-===//
#ifndef RUNMAT_CONVERSION_PASSES
#define RUNMAT_CONVERSION_PASSES

include "mlir/Pass/PassBase.td"

def ConvertRunMatToLLVMPass : Pass<"convert-runmat-to-llvm", "::mlir::ModuleOp"> {
  let summary = "Lowers the runmat dialect to the LLVM dialect and runtime calls";
  let description = [{
    Native scalar ops become `arith`/`math`; `!runmat.value` becomes
    `!llvm.ptr` and every value op a call into the runtime's C ABI
    (`runtime/include/runmat/rt/abi.h`); slots become `llvm.alloca`s. Run
    with the upstream func/cf/arith/math conversions in one conversion, as
    the pipeline does.
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect"];
}

#endif
