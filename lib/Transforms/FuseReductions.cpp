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
// reads, line markers, releases, which move after the fused op): the
// chain's inputs are then unchanged when the sum runs. `sum(x(:))` is x's
// sum over 'all'; an output type ('double') is kept.
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
    if (!isa<arith::ConstantOp, BoxOp, StringOp, LoadVarOp, LineOp, ColonAllOp,
             ReleaseOp>(op) &&
        !(isa<IndexOp>(op) && colonAllBase(op->getResult(0))))
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
    bool outDouble;
    Value arg;
    if (!isFusableReduction(red, dim, outDouble, arg))
      return;
    auto chain = arg.getDefiningOp<FusedElementwiseOp>();
    // sum(x(:)): the x(:) goes with the sum.
    IndexOp colon = red.getArgs()[0].getDefiningOp<IndexOp>();
    if (colon && (!colonAllBase(colon.getResult()) ||
                  soleRealUser(colon.getResult()) != red.getOperation()))
      return;
    Operation *chainUser = colon ? colon.getOperation() : red.getOperation();
    if (!chain || chain->getBlock() != red->getBlock() ||
        soleRealUser(chain.getResult()) != chainUser ||
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
                                       b.getI64IntegerAttr(dim),
                                       outDouble ? b.getUnitAttr() : UnitAttr());
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
    if (colon) { // x(:), then the sum (of the column: its default dim)
      Value c = ColonAllOp::create(b, loc);
      Value col = IndexOp::create(b, loc, valueTy, inner.getResult(), ValueRange{c});
      args = {col};
      toRelease.append({c, col});
    } else if (dim == -1) {
      Value s = StringOp::create(b, loc, "all");
      args.push_back(s);
      toRelease.push_back(s);
    } else if (dim > 0) {
      Value c = arith::ConstantOp::create(b, loc, b.getF64FloatAttr((double)dim));
      Value box = BoxOp::create(b, loc, c);
      args.push_back(box);
      toRelease.push_back(box);
    }
    if (red.getArgs().size() > 1)
      if (auto t = red.getArgs().back().getDefiningOp<StringOp>())
        if (t.getValue() != "all") { // the output type
          Value s = StringOp::create(b, loc, t.getValue());
          args.push_back(s);
          toRelease.push_back(s);
        }
    auto r = BuiltinOp::create(b, loc, TypeRange{valueTy}, red.getCalleeAttr(),
                               args, red.getNargoutAttr());
    for (Value v : toRelease)
      ReleaseOp::create(b, loc, v);
    YieldOp::create(b, loc, r.getResult(0));

    // Values released between the chain and the reduction (inputs of the
    // chain among them) now live until the fused op has run.
    moveReleasesAfter(chain, red, fused, [&](Value v) {
      return v == chain.getResult() || (colon && v == colon.getResult());
    });

    // The reduction and the chain go, with the chain's releases and the
    // dimension argument when nothing else uses it.
    red.getResult(0).replaceAllUsesWith(fused.getResult());
    SmallVector<Value> dimArgs(red.getArgs().drop_front());
    red.erase();
    if (colon) {
      Value c = colon.getIndices()[0];
      for (Operation *u : llvm::make_early_inc_range(colon.getResult().getUsers()))
        u->erase();
      colon.erase();
      eraseIfOnlyReleased(c);
    }
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
                         << (outDouble ? ", in double" : "")
                         << ") with its elementwise chain";
  }
};

} // namespace
