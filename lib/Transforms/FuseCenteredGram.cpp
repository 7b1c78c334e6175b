//===- FuseCenteredGram.cpp - runmat-fuse-centered-gram --------------------===//
//
// CenteredGram: the centred Gram (or covariance) matrix of the columns of x,
//
//   c = x - mean(x);  g = c' * c;          (or c.' * c)
//   g = (c' * c) / s;  g = (c' * c) ./ s   (s a real scalar)
//
// becomes one runmat.centered_gram on x, whose kernel centres row panels
// into a cache-sized buffer and feeds each to SYRK: the centred copy of x
// is never written (when c has no other use, its subtraction goes too).
// Runs before runmat-fuse-matmul, which would otherwise take c' * c alone.
//
//===----------------------------------------------------------------------===//
#include "runmat/Transforms/Passes.h"

#include "FusionUtils.h"
#include "RunMat/RunMatOps.h"

namespace runmat {
#define GEN_PASS_DEF_FUSECENTEREDGRAMPASS
#include "runmat/Transforms/Passes.h.inc"
} // namespace runmat

using namespace mlir;
using namespace runmat;
using namespace runmat::fusion;

namespace {

struct FuseCenteredGramPass
    : runmat::impl::FuseCenteredGramPassBase<FuseCenteredGramPass> {
  using FuseCenteredGramPassBase::FuseCenteredGramPassBase;

  void runOnOperation() override {
    SmallVector<MTimesOp> products;
    getOperation()->walk([&](MTimesOp op) { products.push_back(op); });
    for (MTimesOp op : products)
      rewrite(op);
  }

  void rewrite(MTimesOp mt) {
    Operation *t = mt.getLhs().getDefiningOp();
    if (!t || !isa<CTransposeOp, TransposeOp>(t) ||
        soleRealUser(t->getResult(0)) != mt.getOperation() ||
        !isValue(mt.getResult()))
      return;
    Value c = t->getOperand(0);
    if (mt.getRhs() == t->getResult(0) || !sameValue(c, mt.getRhs()))
      return;
    // c = x - mean(x) (the default dimension, or 1)
    auto minus = c.getDefiningOp<MinusOp>();
    if (!minus || minus->getBlock() != mt->getBlock())
      return;
    Value x = minus.getLhs();
    BuiltinOp mean = builtinCall(minus.getRhs().getDefiningOp(), "mean", 1);
    bool columns = !mean; // mean(x, 1): always the columns
    if (!mean) {
      mean = builtinCall(minus.getRhs().getDefiningOp(), "mean", 2);
      std::optional<double> k =
          mean ? constantScalar(mean.getArgs()[1]) : std::nullopt;
      if (!k || *k != 1)
        return;
    }
    if (!isValue(x) || !sameValue(mean.getArgs()[0], x) ||
        mean->getBlock() != mt->getBlock())
      return;
    // an optional division by a real scalar
    Operation *last = mt;
    Value divisor;
    if (Operation *u = soleRealUser(mt.getResult()))
      if (isa<MRDivideOp, RDivideOp>(u) && u->getOperand(0) == mt.getResult() &&
          u->getBlock() == mt->getBlock())
        if ((divisor = scalarOperand(u->getOperand(1))))
          last = u;
    // x is read again at the end (where the mean and the subtraction
    // were computed before): nothing between may change it.
    if (!nothingChangesBetween(mean, last))
      return;
    OpBuilder b(last);
    auto g = CenteredGramOp::create(
        b, last->getLoc(), ValueType::get(mt.getContext()), x, divisor,
        isa<CTransposeOp>(t) ? b.getUnitAttr() : UnitAttr(),
        columns ? b.getUnitAttr() : UnitAttr());
    // x (and the divisor) may have been released after their last use in
    // the pattern: they now live until the new op has run. The division,
    // the product and the transpose go; the subtraction and the mean too
    // unless something else reads them.
    replacePattern(mean, g, {last, mt, t, minus, mean});
    ++numFused;
    if (report)
      g.emitRemark() << "(x - mean(x))' * (x - mean(x))"
                     << (divisor ? " / s" : "")
                     << " as one centred SYRK (CenteredGram)";
  }
};

} // namespace
