//===- LowerScalarBuiltins.cpp - runmat-lower-scalar-builtins -------------===//
//
// Replaces `runmat.builtin` calls on f64 scalars by native arith/math ops with
// MATLAB's exact scalar semantics, so scalar loops make no runtime call.
//
//===----------------------------------------------------------------------===//
#include "runmat/Transforms/Passes.h"

#include "RunMat/RunMatOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include <cmath>

namespace runmat {
#define GEN_PASS_DEF_LOWERSCALARBUILTINSPASS
#include "runmat/Transforms/Passes.h.inc"
} // namespace runmat

using namespace mlir;
using namespace runmat;

namespace {

/// Builds the native form of `name` on f64 operands, or returns null when the
/// builtin has none (with these operand counts).
Value buildNative(OpBuilder &b, Location loc, StringRef name,
                  ValueRange args) {
  auto f64 = b.getF64Type();
  auto cst = [&](double v) {
    return arith::ConstantOp::create(b, loc, b.getF64FloatAttr(v));
  };
  if (args.size() == 1) {
    Value x = args[0];
    if (name == "abs")
      return math::AbsFOp::create(b, loc, x);
    if (name == "floor")
      return math::FloorOp::create(b, loc, x);
    if (name == "ceil")
      return math::CeilOp::create(b, loc, x);
    if (name == "fix")
      return math::TruncOp::create(b, loc, x);
    if (name == "round") // ties away from zero, as llvm.round
      return math::RoundOp::create(b, loc, x);
    if (name == "sin")
      return math::SinOp::create(b, loc, x);
    if (name == "cos")
      return math::CosOp::create(b, loc, x);
    if (name == "tan")
      return math::TanOp::create(b, loc, x);
    if (name == "exp")
      return math::ExpOp::create(b, loc, x);
    if (name == "atan")
      return math::AtanOp::create(b, loc, x);
    if (name == "tanh")
      return math::TanhOp::create(b, loc, x);
    // sqrt and log have an f64 -> f64 form only where the front end proved
    // the argument >= 0 (else the result may be complex and stays boxed).
    if (name == "sqrt" || name == "realsqrt")
      return math::SqrtOp::create(b, loc, x);
    if (name == "log" || name == "reallog")
      return math::LogOp::create(b, loc, x);
    if (name == "log2")
      return math::Log2Op::create(b, loc, x);
    if (name == "log10")
      return math::Log10Op::create(b, loc, x);
    if (name == "sign") {
      // sign(x): -1, 0 or 1; NaN stays NaN.
      Value zero = cst(0.0);
      Value pos = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x, zero);
      Value neg = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x, zero);
      Value r = arith::SelectOp::create(b, loc, neg, cst(-1.0), x);
      r = arith::SelectOp::create(b, loc, pos, cst(1.0), r);
      // x == 0 (either sign) gives +0.
      Value isZero = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, x, zero);
      return arith::SelectOp::create(b, loc, isZero, zero, r);
    }
    (void)f64;
    return nullptr;
  }
  if (args.size() == 2) {
    Value x = args[0], y = args[1];
    // |y| == Inf with finite x: the quotient's integer part is 0.
    auto infCase = [&]() {
      Value ay = math::AbsFOp::create(b, loc, y);
      Value yInf = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, ay,
                                         cst(INFINITY));
      Value ax = math::AbsFOp::create(b, loc, x);
      Value xFin = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, ax,
                                         cst(INFINITY));
      return arith::AndIOp::create(b, loc, yInf, xFin);
    };
    if (name == "mod") {
      // mod(x, y) = x - floor(x ./ y) .* y; mod(x, 0) = x; for y = +-Inf,
      // x when x is 0 or has y's sign, else y.
      Value q = arith::DivFOp::create(b, loc, x, y);
      Value fl = math::FloorOp::create(b, loc, q);
      Value prod = arith::MulFOp::create(b, loc, fl, y);
      Value r = arith::SubFOp::create(b, loc, x, prod);
      Value yZero = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, y, cst(0.0));
      r = arith::SelectOp::create(b, loc, yZero, x, r);
      Value xy = arith::MulFOp::create(b, loc, x, y);
      Value sameSign = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGE, xy, cst(0.0));
      Value infR = arith::SelectOp::create(b, loc, sameSign, x, y);
      return arith::SelectOp::create(b, loc, infCase(), infR, r);
    }
    if (name == "rem") {
      // rem(x, y) = x - fix(x ./ y) .* y; rem(x, 0) is NaN; rem(x, +-Inf) = x.
      Value q = arith::DivFOp::create(b, loc, x, y);
      Value t = math::TruncOp::create(b, loc, q);
      Value prod = arith::MulFOp::create(b, loc, t, y);
      Value r = arith::SubFOp::create(b, loc, x, prod);
      return arith::SelectOp::create(b, loc, infCase(), x, r);
    }
    if (name == "max") // NaN is ignored unless both are NaN
      return arith::MaxNumFOp::create(b, loc, x, y);
    if (name == "min")
      return arith::MinNumFOp::create(b, loc, x, y);
    if (name == "atan2")
      return math::Atan2Op::create(b, loc, x, y);
  }
  return nullptr;
}

struct LowerScalarBuiltin : OpRewritePattern<BuiltinOp> {
  LowerScalarBuiltin(MLIRContext *ctx, llvm::Statistic &stat)
      : OpRewritePattern(ctx), stat(stat) {}
  LogicalResult matchAndRewrite(BuiltinOp op,
                                PatternRewriter &rewriter) const override {
    if (op->getNumResults() != 1 || !op.getResult(0).getType().isF64())
      return failure();
    for (Value a : op.getArgs())
      if (!a.getType().isF64())
        return failure();
    Value native = buildNative(rewriter, op.getLoc(), op.getCallee(), op.getArgs());
    if (!native)
      return failure();
    rewriter.replaceOp(op, native);
    ++stat;
    return success();
  }
  llvm::Statistic &stat;
};

struct LowerScalarBuiltinsPass
    : runmat::impl::LowerScalarBuiltinsPassBase<LowerScalarBuiltinsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<LowerScalarBuiltin>(&getContext(), numLowered);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
