//===- FuseMatmul.cpp - runmat-fuse-matmul --------------------------------===//
//
// Matrix products whose first operand is a transpose: `A' * B` (and
// `A.' * B`) call GEMM with the operand transposed instead of forming A',
// and `A' * A` — the Gram matrix of CenteredGram, X' * X of least squares —
// becomes one SYRK (half the flops, a symmetric result). The rewritten
// products are runtime builtins (`__mtimes_htn`, `__mtimes_tn`, `__gram_h`,
// `__gram_t`) that fall back to the transpose and `*` for anything that is
// not real double data, so the result is always MATLAB's.
//
// "The same A": one SSA value, or two reads of one variable in a block with
// no store or clear of it and no call that could reach it between them
// (FusionUtils.h sameValue).
//
//===----------------------------------------------------------------------===//
#include "runmat/Transforms/Passes.h"

#include "FusionUtils.h"
#include "RunMat/RunMatOps.h"

namespace runmat {
#define GEN_PASS_DEF_FUSEMATMULPASS
#include "runmat/Transforms/Passes.h.inc"
} // namespace runmat

using namespace mlir;
using namespace runmat;
using namespace runmat::fusion;

namespace {

struct FuseMatmulPass : runmat::impl::FuseMatmulPassBase<FuseMatmulPass> {
  using FuseMatmulPassBase::FuseMatmulPassBase;

  void runOnOperation() override {
    SmallVector<MTimesOp> products;
    getOperation()->walk([&](MTimesOp op) {
      if (isValue(op.getResult()) && isValue(op.getLhs()) && isValue(op.getRhs()))
        products.push_back(op);
    });
    for (MTimesOp op : products)
      rewrite(op);
  }

  void rewrite(MTimesOp op) {
    Operation *t = op.getLhs().getDefiningOp();
    // (t * t: the transpose is also the other operand, and stays)
    if (!t || !isa<CTransposeOp, TransposeOp>(t) ||
        soleRealUser(t->getResult(0)) != op || op.getRhs() == t->getResult(0))
      return;
    // The transpose's operand is read at the product: nothing between may
    // change it (`T = A'; A(:) = 0; T * B`).
    if (!nothingChangesBetween(t, op))
      return;
    bool conj = isa<CTransposeOp>(t);
    Value a = t->getOperand(0), b = op.getRhs();
    bool gram = sameValue(a, b);
    OpBuilder builder(op);
    StringRef callee = gram ? (conj ? "__gram_h" : "__gram_t")
                            : (conj ? "__mtimes_htn" : "__mtimes_tn");
    SmallVector<Value> args{a};
    if (!gram)
      args.push_back(b);
    auto call = BuiltinOp::create(builder, op.getLoc(),
                                  TypeRange{ValueType::get(op.getContext())},
                                  builder.getStringAttr(callee), args,
                                  builder.getI32IntegerAttr(1));
    op.getResult().replaceAllUsesWith(call.getResult(0));
    op.erase();
    // The transpose is no longer used but by its release.
    for (Operation *u : llvm::make_early_inc_range(t->getResult(0).getUsers()))
      u->erase();
    t->erase();
    if (gram)
      ++numGram;
    else
      ++numTransposed;
    if (report)
      call.emitRemark() << (gram ? "A' * A as one SYRK (" : "A' * B as one GEMM (")
                        << callee << ")";
  }
};

} // namespace
