//===- Passes.td - RunMat transformation passes ------------*- tablegen -*-===//
#ifndef RUNMAT_TRANSFORMS_PASSES
#define RUNMAT_TRANSFORMS_PASSES

include "mlir/Pass/PassBase.td"

def LowerScalarBuiltinsPass : Pass<"runmat-lower-scalar-builtins"> {
  let summary = "Turns builtin calls on native scalars into native math";
  let description = [{
    A `runmat.builtin` whose operands and results are all `f64` scalars and
    whose callee has a native scalar form (`mod`, `rem`, `abs`, `floor`,
    `ceil`, `round`, `fix`, `sin`, `cos`, `exp`, `max`, `min`, ...) becomes
    `arith`/`math` operations with MATLAB's exact semantics (`mod(x, 0) = x`,
    `round` ties away from zero, NaN-ignoring `max`), so scalar loops make no
    runtime call.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect"];
  let statistics = [
    Statistic<"numLowered", "num-lowered", "Builtin calls made native">,
  ];
}

#endif
