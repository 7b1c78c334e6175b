//===- FusePowerStep.cpp - runmat-fuse-power-step --------------------------===//
//
// PowerStepNormalize: one step of (block) power iteration,
//
//   y = a * q;  q = y ./ sqrt(sum(y.^2) + eps)      (y .* y, eps or a constant)
//
// becomes one runmat.power_step_normalize carrying eps as metadata: GEMM,
// then each column scaled to unit norm in the same kernel, with no
// temporaries for y.^2, the sums or the norms. y must have no other use.
// Runs before runmat-fuse-elementwise and runmat-fuse-reductions, which
// would otherwise take the normalisation apart.
//
//===----------------------------------------------------------------------===//
#include "runmat/Transforms/Passes.h"

#include "FusionUtils.h"
#include "RunMat/RunMatOps.h"

#include <cfloat>

namespace runmat {
#define GEN_PASS_DEF_FUSEPOWERSTEPPASS
#include "runmat/Transforms/Passes.h.inc"
} // namespace runmat

using namespace mlir;
using namespace runmat;
using namespace runmat::fusion;

namespace {

/// A compile-time constant scalar: a literal, or `eps` with no argument.
std::optional<double> constantOrEps(Value v) {
  if (std::optional<double> k = constantScalar(v))
    return k;
  Value f = v.getType().isF64() ? v : boxedScalar(v);
  if (f)
    if (auto e = f.getDefiningOp<BuiltinOp>())
      if (e.getCallee() == "eps" && e.getArgs().empty() && e.getNumResults() == 1)
        return DBL_EPSILON;
  return std::nullopt;
}

struct FusePowerStepPass
    : runmat::impl::FusePowerStepPassBase<FusePowerStepPass> {
  using FusePowerStepPassBase::FusePowerStepPassBase;

  void runOnOperation() override {
    SmallVector<RDivideOp> divides;
    getOperation()->walk([&](RDivideOp op) { divides.push_back(op); });
    for (RDivideOp d : divides)
      rewrite(d);
  }

  void rewrite(RDivideOp div) {
    Block *blk = div->getBlock();
    auto inBlock = [&](Operation *op) { return op && op->getBlock() == blk; };
    // div = y ./ r, r = sqrt(s + e), s = sum(y.^2)
    BuiltinOp root = builtinCall(div.getRhs().getDefiningOp(), "sqrt", 1);
    if (!inBlock(root) || soleRealUser(root.getResult(0)) != div.getOperation())
      return;
    auto plus = root.getArgs()[0].getDefiningOp<PlusOp>();
    if (!inBlock(plus) || soleRealUser(plus.getResult()) != root.getOperation())
      return;
    Value sumV = plus.getLhs(), epsV = plus.getRhs();
    std::optional<double> eps = constantOrEps(epsV);
    if (!eps) {
      std::swap(sumV, epsV);
      eps = constantOrEps(epsV);
    }
    BuiltinOp sum = builtinCall(sumV.getDefiningOp(), "sum", 1);
    if (!eps || !inBlock(sum) || soleRealUser(sum.getResult(0)) != plus.getOperation())
      return;
    Operation *sq = sum.getArgs()[0].getDefiningOp();
    Value y2 = squareOf(sq);
    if (!y2 || !inBlock(sq) || soleRealUser(sq->getResult(0)) != sum.getOperation())
      return;
    auto y = div.getLhs().getDefiningOp<MTimesOp>();
    if (!inBlock(y) || y2 != y.getResult() || !isValue(y.getLhs()) ||
        !isValue(y.getRhs()))
      return;
    // y is used by its square and the division only.
    for (Operation *u : y.getResult().getUsers())
      if (!isa<ReleaseOp>(u) && u != sq && u != div.getOperation())
        return;
    if (!nothingChangesBetween(y, div))
      return;
    OpBuilder b(div);
    auto q = PowerStepNormalizeOp::create(
        b, div.getLoc(), ValueType::get(div.getContext()), y.getLhs(),
        y.getRhs(), b.getF64FloatAttr(*eps));
    // The chain goes, down to the boxed 2 and eps (and the eps call) when
    // nothing else reads them.
    replacePattern(y, q, {div, root, plus, sum, sq, y});
    ++numFused;
    if (report)
      q.emitRemark() << "a * q with its columns scaled to unit norm (eps "
                     << *eps << ") in one kernel (PowerStepNormalize)";
  }
};

} // namespace
