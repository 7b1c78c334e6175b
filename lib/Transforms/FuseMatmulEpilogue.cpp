//===- FuseMatmulEpilogue.cpp - runmat-fuse-matmul-epilogue ----------------===//
//
// Matmul epilogues: a matrix product followed by what GEMM's alpha and
// beta can do,
//
//   D = A * B + C;   D = s * (A * B);   D = A' * B * s - C;   D = C - A * B
//   D = (A * B) .* w;   D = w .* (A' * B) + C
//
// becomes one runmat.matmul_epilogue (C may be a matrix, a row, a column or
// a scalar: the kernel broadcasts it into the result before the GEMM; w, a
// row, a column or a matrix, scales the result's columns, rows or elements
// in one pass after it). The
// product must have no other use, and so must its scaled value. A product
// of a transpose takes the transpose into the GEMM as well. Runs before
// runmat-fuse-matmul (which would take `A' * B` alone) and
// runmat-fuse-elementwise (which would take the epilogue as a chain).
//
//===----------------------------------------------------------------------===//
#include "runmat/Transforms/Passes.h"

#include "FusionUtils.h"
#include "RunMat/RunMatOps.h"

namespace runmat {
#define GEN_PASS_DEF_FUSEMATMULEPILOGUEPASS
#include "runmat/Transforms/Passes.h.inc"
} // namespace runmat

using namespace mlir;
using namespace runmat;
using namespace runmat::fusion;

namespace {

struct FuseMatmulEpiloguePass
    : runmat::impl::FuseMatmulEpiloguePassBase<FuseMatmulEpiloguePass> {
  using FuseMatmulEpiloguePassBase::FuseMatmulEpiloguePassBase;

  void runOnOperation() override {
    SmallVector<MTimesOp> products;
    getOperation()->walk([&](MTimesOp op) { products.push_back(op); });
    for (MTimesOp op : products)
      if (!erased.contains(op.getOperation()))
        rewrite(op);
  }

  /// Products taken by an earlier rewrite (as a scaling).
  llvm::DenseSet<Operation *> erased;

  void rewrite(MTimesOp mt) {
    Value a = mt.getLhs(), b = mt.getRhs();
    // A product of two arrays: a boxed scalar operand makes it a scaling.
    if (!isValue(a) || !isValue(b) || !isValue(mt.getResult()) ||
        boxedScalar(a) || boxedScalar(b))
      return;
    Block *blk = mt->getBlock();
    Operation *t = a.getDefiningOp();
    bool transposed = t && isa<CTransposeOp, TransposeOp>(t) &&
                      soleRealUser(t->getResult(0)) == mt.getOperation() &&
                      b != t->getResult(0) && t->getBlock() == blk;
    Value lhs = transposed ? t->getOperand(0) : a;
    Value cur = mt.getResult();
    SmallVector<Operation *> chain{mt};
    // an optional scaling by a real scalar
    Value alpha;
    Operation *u = soleRealUser(cur);
    if (u && u->getBlock() == blk && isa<MTimesOp, TimesOp>(u)) {
      Value other = u->getOperand(0) == cur ? u->getOperand(1) : u->getOperand(0);
      if (other != cur)
        if (Value s = boxedScalar(other)) {
          alpha = s;
          chain.push_back(u);
          cur = u->getResult(0);
          u = soleRealUser(cur);
        }
    }
    // an optional elementwise scaling by an array (a row or column vector
    // scales the columns or rows; the kernel checks the shape)
    Value scale;
    if (u && u->getBlock() == blk && isa<TimesOp>(u) &&
        u->getOperand(0) != u->getOperand(1)) {
      Value other = u->getOperand(0) == cur ? u->getOperand(1) : u->getOperand(0);
      if (isValue(other) && !boxedScalar(other)) {
        scale = other;
        chain.push_back(u);
        cur = u->getResult(0);
        u = soleRealUser(cur);
      }
    }
    // an optional addend
    Value addend;
    bool negate = false, subtract = false;
    if (u && u->getBlock() == blk && isa<PlusOp, MinusOp>(u) &&
        u->getOperand(0) != u->getOperand(1)) {
      bool left = u->getOperand(0) == cur;
      Value other = left ? u->getOperand(1) : u->getOperand(0);
      if (isValue(other)) {
        addend = other;
        subtract = isa<MinusOp>(u) && left;
        negate = isa<MinusOp>(u) && !left;
        chain.push_back(u);
      }
    }
    if (!alpha && !scale && !addend)
      return;
    // The product is computed at the chain's end: nothing between may
    // change its factors (a variable read borrows its data) or show
    // anything.
    if (!nothingChangesBetween(transposed ? t : mt.getOperation(), chain.back()))
      return;
    // The operands must exist where the fused op goes: alpha and the addend
    // are made before the last op of the chain (they are its operands), the
    // factors before the product.
    Operation *last = chain.back();
    OpBuilder builder(last);
    auto fused = MatmulEpilogueOp::create(
        builder, last->getLoc(), ValueType::get(mt.getContext()), lhs, b,
        alpha, scale, addend, transposed ? builder.getUnitAttr() : UnitAttr(),
        transposed && isa<CTransposeOp>(t) ? builder.getUnitAttr() : UnitAttr(),
        negate ? builder.getUnitAttr() : UnitAttr(),
        subtract ? builder.getUnitAttr() : UnitAttr());
    for (Operation *op : chain)
      erased.insert(op);
    SmallVector<Operation *> ops(chain.rbegin(), chain.rend()); // last first
    if (transposed)
      ops.push_back(t);
    replacePattern(transposed ? t : mt.getOperation(), fused, ops);
    ++numFused;
    if (report)
      fused.emitRemark() << (transposed ? "A' * B" : "A * B")
                         << (alpha ? " scaled" : "")
                         << (scale ? " times an array" : "")
                         << (addend ? (subtract   ? " minus an addend"
                                       : negate ? ", subtracted from an addend"
                                                : " plus an addend")
                                    : "")
                         << " as one GEMM";
  }
};

} // namespace
