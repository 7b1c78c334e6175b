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

def ForwardVariablesPass : Pass<"runmat-forward-variables"> {
  let summary = "Passes values between statements directly, drops variables never read";
  let description = [{
    A `runmat.load_var` of a local `!runmat.value` variable stored earlier
    in the same block, with nothing in between that may change it, is
    replaced by the stored value. A local variable left with no reads (only
    stores and clears) then loses its stores and its storage; the value a
    store kept alive is released after its last use instead. Workspace,
    global and persistent variables and variables other ops take (`exist`
    tests every variable) are left alone. Runs before the fusion passes, so
    that a chain spread over statements (`D = X - m; Y = D .* D;`) fuses
    as one expression. With `report=true` each removed variable gets a
    remark.
  }];
  let options = [
    Option<"report", "report", "bool", /*default=*/"false",
           "Emit a remark for each variable removed">,
  ];
  let statistics = [
    Statistic<"numForwarded", "num-forwarded", "Variable reads replaced by the stored value">,
    Statistic<"numDeadVariables", "num-dead-variables", "Variables never read, removed">,
  ];
}

def FuseElementwisePass : Pass<"runmat-fuse-elementwise"> {
  let summary = "Fuses chains of elementwise array operations";
  let description = [{
    Groups a tree of elementwise operations on arrays (`+ - .* ./ .\`,
    unary minus, `*` and `/` by a scalar, `.^` by a constant integer, and
    the builtins with a native scalar form that stay real: `abs`, `floor`,
    `ceil`, `fix`, `round`, `sign`, `sin`, `cos`, `tan`, `exp`, `atan`,
    `tanh`) into one `runmat.fused_elementwise` op, whose body computes one
    element and whose fallback keeps the original operations for inputs the
    body does not cover. With `report=true` each fused region gets a remark
    saying what it fused (statistics need an LLVM built with them). Intermediate results must have no other use (their
    end-of-statement `runmat.release` goes away with them); boxed scalars
    (`runmat.box`) become `f64` inputs. Chains of one operation are left
    alone, unless a reduction takes them or they read a colon range or
    `linspace` nothing else reads (`runmat-fuse-generators` then computes
    it inside the region).
  }];
  let options = [
    Option<"report", "report", "bool", /*default=*/"false",
           "Emit a remark for each fused region (what it fused, its inputs)">,
  ];
  let statistics = [
    Statistic<"numRegions", "num-regions", "Fused regions made">,
    Statistic<"numOpsFused", "num-ops-fused", "Operations moved into fused regions">,
  ];
}

def FuseLoopIdiomPass : Pass<"runmat-fuse-loop-idiom"> {
  let summary = "Fuses a loop of randn draws and an elementwise update into one kernel";
  let description = [{
    `for t = a:b, Z = randn(dims); S = f(S, Z, c...); end`, with `f` one
    `runmat.fused_elementwise` (made by `runmat-fuse-elementwise`), `Z` dead
    after the loop and `c...` loop-invariant scalars, gets a
    `runmat.fused_rng_loop` before the loop: one kernel carries each element
    of S through every step, drawing the normals from the LCG by jump-ahead
    (the loop's own numbers). When it runs (S a real double array of
    randn's size, the LCG, at least one step) S and the loop variable get
    their final values and the loop is skipped; otherwise the loop runs.
    Runs after `runmat-forward-variables` and `runmat-fuse-elementwise`.
    With `report=true` each fused loop gets a remark.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::cf::ControlFlowDialect"];
  let options = [
    Option<"report", "report", "bool", /*default=*/"false",
           "Emit a remark for each fused loop">,
  ];
  let statistics = [
    Statistic<"numLoops", "num-loops", "Loops fused into one kernel">,
  ];
}

def FuseMeanVarPass : Pass<"runmat-fuse-mean-var"> {
  let summary = "Welford: mean and variance of one array in one pass";
  let description = [{
    `mu = mean(x, dim)` with `mean((x - mu).^2, dim)` (or `mean(c .* c,
    dim)` with `c = x - mu`), or with `var(x)`, `var(x, w)`, `var(x, w, dim)` (w 0 or 1),
    of the same x and dimension in one block, becomes `runmat.mean_var`:
    the mean op is replaced in place and the variance's reduction and what
    fed only it go. Nothing between the two may show the variance being
    computed earlier (user calls, output, error statements). With
    `report=true` each rewrite gets a remark.
  }];
  let options = [
    Option<"report", "report", "bool", /*default=*/"false",
           "Emit a remark for each fused pair">,
  ];
  let statistics = [
    Statistic<"numFused", "num-fused", "mean/variance pairs made one pass">,
  ];
}

def FuseCenteredGramPass : Pass<"runmat-fuse-centered-gram"> {
  let summary = "CenteredGram: (x - mean(x))' * (x - mean(x)) [/ s] as one centred SYRK";
  let description = [{
    `c = x - mean(x)` (default dimension or 1) whose transpose (`'` or
    `.'`) times itself is formed, optionally divided (`/` or `./`) by a
    real scalar, becomes `runmat.centered_gram` on x (the division as its
    divisor). The subtraction and the mean go when nothing else uses them.
    Runs before runmat-fuse-matmul. With `report=true` each rewrite gets a
    remark.
  }];
  let options = [
    Option<"report", "report", "bool", /*default=*/"false",
           "Emit a remark for each fused Gram matrix">,
  ];
  let statistics = [
    Statistic<"numFused", "num-fused", "centred Gram matrices made one SYRK">,
  ];
}

def FuseExplainedVariancePass : Pass<"runmat-fuse-explained-variance"> {
  let summary = "ExplainedVariance: diag(q' * g * q) [/ trace(g)] in one kernel";
  let description = [{
    `diag(q' * g * q)` (or `q.'`), optionally divided by `trace(g)` of the
    same g, becomes `runmat.explained_variance`. The products, the
    transpose and the trace each must have no other use. Runs before
    runmat-fuse-matmul. With `report=true` each rewrite gets a remark.
  }];
  let options = [
    Option<"report", "report", "bool", /*default=*/"false",
           "Emit a remark for each fused pattern">,
  ];
  let statistics = [
    Statistic<"numFused", "num-fused", "explained-variance patterns fused">,
  ];
}

def FusePowerStepPass : Pass<"runmat-fuse-power-step"> {
  let summary = "PowerStepNormalize: y = a*q; y ./ sqrt(sum(y.^2) + eps) in one kernel";
  let description = [{
    The normalised power-iteration step `y ./ sqrt(sum(y.^2) + e)` with
    `y = a * q` used by nothing else and `e` a constant (a literal or
    `eps`) becomes `runmat.power_step_normalize` with `e` as its `eps`
    attribute. Runs before runmat-fuse-elementwise. With `report=true` each
    rewrite gets a remark.
  }];
  let options = [
    Option<"report", "report", "bool", /*default=*/"false",
           "Emit a remark for each fused step">,
  ];
  let statistics = [
    Statistic<"numFused", "num-fused", "power steps fused">,
  ];
}

def FuseImageNormalizePass : Pass<"runmat-fuse-image-normalize"> {
  let summary = "Fuses per-image normalisation with its statistics (ImageNormalize)";
  let description = [{
    `mu, v = runmat.mean_var x` (population variance) followed by
    `(x - mu) ./ sqrt(v + eps)`, optionally `* gain` (or `.*`), `+ bias`
    (or `- c`), `max(., 0)`, `.^ gamma` (after the clamp only), all by
    constants, and optionally `sum(z(:)[, 'double'])` or
    `sum(z, 'all'[, 'double'])` of the result, becomes one
    `runmat.image_normalize` carrying those constants. Every intermediate
    must have no other use, and nothing between the statistics and the
    last operation may change x. Runs after `runmat-fuse-mean-var`. With
    `report=true` each rewrite gets a remark.
  }];
  let options = [
    Option<"report", "report", "bool", /*default=*/"false",
           "Emit a remark for each pipeline fused">,
  ];
  let statistics = [
    Statistic<"numFused", "num-fused", "Image normalisation pipelines fused">,
  ];
}

def FuseMatmulEpiloguePass : Pass<"runmat-fuse-matmul-epilogue"> {
  let summary = "Matrix products with their scaling and addend as one GEMM";
  let description = [{
    A product `A * B` of two arrays (or `A' * B`, `A.' * B`) whose only use
    is a scaling by a real scalar (`s * P`, `P * s`, `P .* s`), then
    possibly an addition or subtraction of an array (`P + C`, `C + P`,
    `P - C`, `C - P`), or only that addition, becomes
    `runmat.matmul_epilogue`: GEMM's alpha and beta do the epilogue. Runs
    before runmat-fuse-matmul and runmat-fuse-elementwise. With
    `report=true` each rewrite gets a remark.
  }];
  let options = [
    Option<"report", "report", "bool", /*default=*/"false",
           "Emit a remark for each fused product">,
  ];
  let statistics = [
    Statistic<"numFused", "num-fused", "products fused with their epilogue">,
  ];
}

def FuseMatmulPass : Pass<"runmat-fuse-matmul"> {
  let summary = "Matrix products with a transposed first operand: GEMM and SYRK forms";
  let description = [{
    `A' * B` and `A.' * B` (value operands, the transpose used only by the
    product) become `runmat.builtin "__mtimes_htn"` / `"__mtimes_tn"`: one
    GEMM with A transposed, no transpose formed. When B is A itself (one
    SSA value, or two reads of the same variable with only reads,
    transposes, boxes and constants between them) the product is the Gram
    matrix and becomes `"__gram_h"` / `"__gram_t"`: one SYRK, half the
    flops. The builtins fall back to the transpose and `*` for data other
    than real doubles. With `report=true` each rewrite gets a remark.
  }];
  let options = [
    Option<"report", "report", "bool", /*default=*/"false",
           "Emit a remark for each rewritten product">,
  ];
  let statistics = [
    Statistic<"numGram", "num-gram", "A' * A products made SYRK">,
    Statistic<"numTransposed", "num-transposed", "A' * B products made one GEMM">,
  ];
}

def FuseGeneratorsPass : Pass<"runmat-fuse-generators"> {
  let summary = "Computes colon ranges and linspace inside the chains they feed";
  let description = [{
    A `runmat.fused_elementwise` or `runmat.fused_reduce` input made by
    `a:b`, `a:d:b` or
    `linspace(a, b[, n])` on real double scalars, used by nothing else,
    is no longer made: the op gets the generator's size as its `shape`
    (`1 x count`), the scalars as inputs, and its body computes the
    generator's element from the element's index with the runtime's own
    formulas (colon: counted from the start for the first half, from the
    snapped end for the second; linspace: MATLAB's formula with exact
    endpoints), so the result is bit-identical and no array is written or
    read for it. The fallback makes the generator's array as before (and
    raises its errors). One generator per region; runs after the other
    fusion passes. With
    `report=true` each absorbed generator gets a remark.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect"];
  let options = [
    Option<"report", "report", "bool", /*default=*/"false",
           "Emit a remark for each generator fused">,
  ];
  let statistics = [
    Statistic<"numGenerators", "num-generators", "Generators computed inside fused regions">,
  ];
}

def FuseReductionsPass : Pass<"runmat-fuse-reductions"> {
  let summary = "Fuses sum and mean with the elementwise chain they reduce";
  let description = [{
    `sum(c)`, `sum(c, 1)`, `sum(c, 2)`, `sum(c, 'all')` and the same for
    `mean`, where `c` is a `runmat.fused_elementwise` used only by the
    reduction (with nothing but constants, boxes, strings and variable reads
    in between), become one `runmat.fused_reduce`: the chain's body, the
    reduction kind and dimension, and a fallback that runs the chain and the
    reduction as before. Runs after `runmat-fuse-elementwise`, which keeps
    single operations that feed a reduction for this pass. With
    `report=true` each fused reduction gets a remark.
  }];
  let options = [
    Option<"report", "report", "bool", /*default=*/"false",
           "Emit a remark for each fused reduction">,
  ];
  let statistics = [
    Statistic<"numReductions", "num-reductions", "Reductions fused with their chains">,
  ];
}

#endif
