//===- FuseReductions.cpp - runmat-fuse-reductions ------------------------===//
//
// sum and mean of an elementwise chain become runmat.fused_reduce: the
// chain's body (a runmat.fused_elementwise made by runmat-fuse-elementwise,
// which also takes single operations that feed a reduction) is folded into
// the reduction, so `sum(x .* x, 2)` or `mean((X - m) .^ 2)` reads its
// inputs once and makes no temporary. Runs after runmat-fuse-elementwise.
//
// The fused op replaces the sum at the sum's place, so everything between
// the chain and the sum must be inert (constants, boxes, strings, variable
// reads): the chain's inputs are then unchanged when the sum runs.
//
//===----------------------------------------------------------------------===//
#include "runmat/Transforms/Passes.h"

#include "FusionUtils.h"
#include "RunMat/RunMatOps.h"
#include "mlir/IR/IRMapping.h"

namespace runmat {
#define GEN_PASS_DEF_FUSEREDUCTIONSPASS
#include "runmat/Transforms/Passes.h.inc"
} // namespace runmat

using namespace mlir;
using namespace runmat;
using namespace runmat::fusion;

namespace {

bool onlyInertBetween(Operation *from, Operation *to) {
  for (Operation *op = from->getNextNode(); op && op != to; op = op->getNextNode())
    if (!isa<arith::ConstantOp, BoxOp, StringOp, LoadVarOp, LineOp>(op))
      return false;
  return true;
}

struct FuseReductionsPass
    : runmat::impl::FuseReductionsPassBase<FuseReductionsPass> {
  using FuseReductionsPassBase::FuseReductionsPassBase;

  void runOnOperation() override {
    SmallVector<BuiltinOp> reductions;
    getOperation()->walk([&](BuiltinOp op) { reductions.push_back(op); });
    for (BuiltinOp op : reductions)
      rewrite(op);
  }

  void rewrite(BuiltinOp red) {
    int64_t dim;
    if (!isFusableReduction(red, dim))
      return;
    auto chain = red.getArgs()[0].getDefiningOp<FusedElementwiseOp>();
    if (!chain || chain->getBlock() != red->getBlock() ||
        soleRealUser(chain.getResult()) != red.getOperation() ||
        !onlyInertBetween(chain, red))
      return;
    if (llvm::none_of(chain.getInputs(), isValue))
      return;
    Location loc = red.getLoc();
    MLIRContext *ctx = red.getContext();
    Type valueTy = ValueType::get(ctx);
    StringRef kind = red.getCallee();
    OpBuilder b(red);
    auto fused = FusedReduceOp::create(b, loc, valueTy, chain.getInputs(),
                                       b.getStringAttr(kind),
                                       b.getI64IntegerAttr(dim));
    // fallback: the chain (a copy of its op, on the inputs), then the
    // reduction itself with its dimension argument made here.
    Block *fb = new Block();
    fused.getFallback().push_back(fb);
    IRMapping map;
    for (Value in : chain.getInputs())
      map.map(in, fb->addArgument(in.getType(), in.getLoc()));
    b.setInsertionPointToStart(fb);
    auto inner = cast<FusedElementwiseOp>(b.clone(*chain.getOperation(), map));
    // The reduction's own line, when the chain ended a statement before.
    LineOp lastLine;
    for (Operation *op = chain->getNextNode(); op != red; op = op->getNextNode())
      if (auto l = dyn_cast<LineOp>(op))
        lastLine = l;
    if (lastLine)
      b.clone(*lastLine);
    // body: the chain's, as it is.
    fused.getBody().takeBody(chain.getBody());
    SmallVector<Value> args{inner.getResult()};
    SmallVector<Value> toRelease{inner.getResult()};
    if (dim == -1) {
      Value s = StringOp::create(b, loc, "all");
      args.push_back(s);
      toRelease.push_back(s);
    } else if (dim > 0) {
      Value c = arith::ConstantOp::create(b, loc, b.getF64FloatAttr((double)dim));
      Value box = BoxOp::create(b, loc, c);
      args.push_back(box);
      toRelease.push_back(box);
    }
    auto r = BuiltinOp::create(b, loc, TypeRange{valueTy}, red.getCalleeAttr(),
                               args, red.getNargoutAttr());
    for (Value v : toRelease)
      ReleaseOp::create(b, loc, v);
    YieldOp::create(b, loc, r.getResult(0));

    // The reduction and the chain go, with the chain's releases and the
    // dimension argument when nothing else uses it.
    red.getResult(0).replaceAllUsesWith(fused.getResult());
    SmallVector<Value> dimArgs(red.getArgs().drop_front());
    red.erase();
    for (Operation *u : llvm::make_early_inc_range(chain.getResult().getUsers()))
      u->erase();
    chain.erase();
    for (Value v : dimArgs) {
      Value unboxed = boxedScalar(v); // before its box may go
      eraseIfOnlyReleased(v);
      if (unboxed && unboxed.use_empty())
        unboxed.getDefiningOp()->erase();
    }
    ++numReductions;
    if (report)
      fused.emitRemark() << "fused " << kind << " (dim " << dim
                         << ") with its elementwise chain";
  }
};

} // namespace
