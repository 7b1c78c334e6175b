//===- FuseExplainedVariance.cpp - runmat-fuse-explained-variance ----------===//
//
// ExplainedVariance: the variance the columns of q explain of a Gram
// matrix g, and its share of the total,
//
//   e = diag(q' * g * q);   e = diag(q' * g * q) / trace(g)   (or ./)
//
// becomes one runmat.explained_variance, whose kernel forms q' * g by GEMM
// and then only the diagonal of its product with q (k dot products, not a
// k x k GEMM). Runs before runmat-fuse-matmul, which would otherwise take
// q' * g alone.
//
//===----------------------------------------------------------------------===//
#include "runmat/Transforms/Passes.h"

#include "FusionUtils.h"
#include "RunMat/RunMatOps.h"

namespace runmat {
#define GEN_PASS_DEF_FUSEEXPLAINEDVARIANCEPASS
#include "runmat/Transforms/Passes.h.inc"
} // namespace runmat

using namespace mlir;
using namespace runmat;
using namespace runmat::fusion;

namespace {

struct FuseExplainedVariancePass
    : runmat::impl::FuseExplainedVariancePassBase<FuseExplainedVariancePass> {
  using FuseExplainedVariancePassBase::FuseExplainedVariancePassBase;

  void runOnOperation() override {
    SmallVector<BuiltinOp> diags;
    getOperation()->walk([&](BuiltinOp op) {
      if (builtinCall(op, "diag", 1))
        diags.push_back(op);
    });
    for (BuiltinOp d : diags)
      rewrite(d);
  }

  void rewrite(BuiltinOp diag) {
    // diag(p), p = m * q2, m = t * g, t = q1' with q1 and q2 the same
    auto p = diag.getArgs()[0].getDefiningOp<MTimesOp>();
    if (!p || soleRealUser(p.getResult()) != diag.getOperation())
      return;
    auto m = p.getLhs().getDefiningOp<MTimesOp>();
    if (!m || soleRealUser(m.getResult()) != p.getOperation())
      return;
    Operation *t = m.getLhs().getDefiningOp();
    if (!t || !isa<CTransposeOp, TransposeOp>(t) ||
        soleRealUser(t->getResult(0)) != m.getOperation())
      return;
    Value q = t->getOperand(0), g = m.getRhs();
    if (g == t->getResult(0) || p.getRhs() == t->getResult(0) ||
        p.getRhs() == m.getResult() || !isValue(q) || !isValue(g) ||
        !sameValue(q, p.getRhs()) ||
        t->getBlock() != diag->getBlock() || m->getBlock() != diag->getBlock() ||
        p->getBlock() != diag->getBlock())
      return;
    // an optional division by trace(g)
    Operation *last = diag;
    BuiltinOp trace;
    if (Operation *u = soleRealUser(diag.getResult(0)))
      if (isa<MRDivideOp, RDivideOp>(u) && u->getOperand(0) == diag.getResult(0) &&
          u->getBlock() == diag->getBlock())
        if (BuiltinOp tr = builtinCall(u->getOperand(1).getDefiningOp(), "trace", 1))
          if (sameValue(tr.getArgs()[0], g) &&
              soleRealUser(tr.getResult(0)) == u) {
            trace = tr;
            last = u;
          }
    if (!nothingChangesBetween(t, last))
      return;
    OpBuilder b(last);
    auto e = ExplainedVarianceOp::create(
        b, last->getLoc(), ValueType::get(diag.getContext()), q, g,
        trace ? b.getUnitAttr() : UnitAttr(),
        isa<CTransposeOp>(t) ? b.getUnitAttr() : UnitAttr());
    replacePattern(t, e, {last, diag, trace, p, m, t});
    ++numFused;
    if (report)
      e.emitRemark() << "diag(q' * g * q)" << (trace ? " / trace(g)" : "")
                     << " as one GEMM and k dot products (ExplainedVariance)";
  }
};

} // namespace
