//===- FuseGenerators.cpp - runmat-fuse-generators ------------------------===//
//
// Moves array generators (`a:d:b`, `linspace(a, b, n)`) into the
// runmat.fused_elementwise and runmat.fused_reduce regions that read them: the region gets the
// generator's size as its `shape` and its body computes the generator's
// element from the element's linear index, so the generated array is never
// written or read. The formulas are the runtime's (colonRange and
// linspaceInto), operation for operation, so the elements are the same
// doubles; the fallback makes the array as before.
//
//===----------------------------------------------------------------------===//
#include "runmat/Transforms/Passes.h"

#include "FusionUtils.h"
#include "RunMat/RunMatOps.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/SetVector.h"
#include <cmath>

namespace runmat {
#define GEN_PASS_DEF_FUSEGENERATORSPASS
#include "runmat/Transforms/Passes.h.inc"
} // namespace runmat

using namespace mlir;
using namespace runmat;
using namespace runmat::fusion;

namespace {

/// Ops that may sit between a generator and the region that now computes
/// it: nothing that prints, writes or calls code (an error the generator
/// raises, from its fallback, then comes after the same output).
bool isQuiet(Operation *op) {
  if (isa<arith::ConstantOp, LoadVarOp, StoreVarOp, BoxOp, ReleaseOp, LineOp,
          RangeOp, FusedElementwiseOp, FusedReduceOp>(op) ||
      isPureScalar(op))
    return true;
  if (auto b = dyn_cast<BuiltinOp>(op))
    return b.getCallee() == "linspace" || isPureBuiltin(b.getCallee());
  return isa<PlusOp, MinusOp, TimesOp, RDivideOp, LDivideOp, NegOp, PowerOp>(op);
}

struct FuseGeneratorsPass
    : runmat::impl::FuseGeneratorsPassBase<FuseGeneratorsPass> {
  using FuseGeneratorsPassBase::FuseGeneratorsPassBase;

  void runOnOperation() override {
    SmallVector<Operation *> regions;
    getOperation()->walk([&](Operation *op) {
      if (isa<FusedElementwiseOp, FusedReduceOp>(op))
        regions.push_back(op);
    });
    for (Operation *op : regions) {
      if (auto e = dyn_cast<FusedElementwiseOp>(op); e && e.getShape().empty())
        absorbOne(e);
      if (auto r = dyn_cast<FusedReduceOp>(op); r && r.getShape().empty())
        absorbOne(r);
    }
  }

  /// The first input of `op` that a generator alone makes, absorbed.
  template <class OpT> void absorbOne(OpT op) {
    for (auto [k, in] : llvm::enumerate(op.getInputs())) {
      std::optional<Generator> g = matchGenerator(in);
      if (!g || g->op->getBlock() != op->getBlock() ||
          soleRealUser(in) != op.getOperation())
        continue;
      bool quiet = true;
      for (Operation *x = g->op->getNextNode(); x != op; x = x->getNextNode())
        quiet &= isQuiet(x);
      if (!quiet)
        continue;
      absorb(op, k, *g);
      return;
    }
  }

  template <class OpT> void absorb(OpT op, unsigned k, const Generator &g) {
    Location loc = op.getLoc();
    MLIRContext *ctx = op.getContext();
    Type f64 = Float64Type::get(ctx), i64 = IntegerType::get(ctx, 64);
    OpBuilder b(op);
    auto cst = [&](OpBuilder &bb, double x) -> Value {
      return arith::ConstantOp::create(bb, loc, bb.getF64FloatAttr(x));
    };
    auto cmp = [&](OpBuilder &bb, arith::CmpFPredicate p, Value x, Value y) -> Value {
      return arith::CmpFOp::create(bb, loc, p, x, y);
    };
    auto sel = [&](OpBuilder &bb, Value c, Value x, Value y) -> Value {
      return arith::SelectOp::create(bb, loc, c, x, y);
    };

    // The generator's scalars (inputs of the new region) and its size. A
    // size the generator would not give as a plain 1 x count double row
    // (NaN operands, overflow, NaN count) is -1 or NaN: the fallback runs.
    SmallVector<Value> extra;
    Value cols;
    if (!g.linspace) {
      Value d = g.d ? g.d : cst(b, 1.0);
      Value count = RangeCountOp::create(b, loc, i64, g.a, d, g.b);
      Value last = RangeLastOp::create(b, loc, f64, g.a, d, g.b, count);
      Value n = arith::SIToFPOp::create(b, loc, f64, count);
      // (a count beyond 2^53, which colon refuses, rm_fused_prepare_shaped
      // refuses too)
      Value bad = arith::OrIOp::create(b, loc, cmp(b, arith::CmpFPredicate::UNO, g.a, d),
                                       cmp(b, arith::CmpFPredicate::UNO, g.b, g.b));
      cols = sel(b, bad, cst(b, -1.0), n);
      extra = {g.a, d, g.b, last, n}; // a, d, b for the fallback
    } else {
      Value nArg = g.n ? g.n : cst(b, 100.0);
      Value nf = math::FloorOp::create(b, loc, nArg);
      Value n = sel(b, cmp(b, arith::CmpFPredicate::OLT, nf, cst(b, 1.0)),
                    cst(b, 0.0), nf);
      cols = sel(b, cmp(b, arith::CmpFPredicate::OGT, nf, cst(b, 9.0e15)),
                 cst(b, -1.0), n);
      extra = {g.a, g.b, nArg, n};
    }

    SmallVector<Value> inputs;
    for (auto [j, in] : llvm::enumerate(op.getInputs()))
      if (j != k)
        inputs.push_back(in);
    unsigned firstExtra = inputs.size();
    inputs.append(extra.begin(), extra.end());
    SmallVector<Value> shape{cst(b, 1.0), cols};
    OpT fused;
    if constexpr (std::is_same_v<OpT, FusedElementwiseOp>)
      fused = FusedElementwiseOp::create(b, loc, op.getType(), inputs, shape);
    else
      fused = FusedReduceOp::create(b, loc, op.getType(), inputs, shape,
                                    op.getKindAttr(), op.getDimAttr(),
                                    op.getOutDoubleAttr());

    // body: the generator's element from the index, then the old body.
    Block &oldBody = op.getBody().front();
    Block *body = new Block();
    fused.getBody().push_back(body);
    for (Value in : inputs)
      body->addArgument(f64, in.getLoc());
    Value idx = body->addArgument(f64, loc);
    OpBuilder bb = OpBuilder::atBlockBegin(body);
    auto arg = [&](unsigned j) { return body->getArgument(firstExtra + j); };
    Value elem;
    if (!g.linspace) {
      // 2k < n ? a + k*d : last - (n-1-k)*d   (colonRange)
      Value a = arg(0), d = arg(1), last = arg(3), n = arg(4);
      Value lo = arith::AddFOp::create(bb, loc, a, arith::MulFOp::create(bb, loc, idx, d));
      Value rem = arith::SubFOp::create(
          bb, loc, arith::SubFOp::create(bb, loc, n, cst(bb, 1.0)), idx);
      Value hi = arith::SubFOp::create(bb, loc, last, arith::MulFOp::create(bb, loc, rem, d));
      Value first = cmp(bb, arith::CmpFPredicate::OLT,
                        arith::AddFOp::create(bb, loc, idx, idx), n);
      elem = sel(bb, first, lo, hi);
    } else {
      // linspaceInto<double>: d1 + k*(d2-d1)/n1, its two forms for
      // overflowing spans, then the exact endpoints.
      Value d1 = arg(0), d2 = arg(1), n = arg(3);
      Value n1 = arith::SubFOp::create(bb, loc, n, cst(bb, 1.0));
      Value diff = arith::SubFOp::create(bb, loc, d2, d1);
      Value c = arith::MulFOp::create(bb, loc, diff,
                                      arith::SubFOp::create(bb, loc, n1, cst(bb, 1.0)));
      Value inf = cst(bb, INFINITY);
      auto isInf = [&](Value x) {
        return cmp(bb, arith::CmpFPredicate::OEQ, math::AbsFOp::create(bb, loc, x), inf);
      };
      Value plain = arith::AddFOp::create(
          bb, loc, d1,
          arith::DivFOp::create(bb, loc, arith::MulFOp::create(bb, loc, idx, diff), n1));
      Value split = arith::SubFOp::create(
          bb, loc,
          arith::AddFOp::create(
              bb, loc, d1,
              arith::MulFOp::create(bb, loc, arith::DivFOp::create(bb, loc, d2, n1), idx)),
          arith::MulFOp::create(bb, loc, arith::DivFOp::create(bb, loc, d1, n1), idx));
      Value scaled = arith::AddFOp::create(
          bb, loc, d1,
          arith::MulFOp::create(bb, loc, idx, arith::DivFOp::create(bb, loc, diff, n1)));
      Value y = sel(bb, isInf(c), sel(bb, isInf(diff), split, scaled), plain);
      y = sel(bb, cmp(bb, arith::CmpFPredicate::OEQ, idx, cst(bb, 0.0)), d1, y);
      y = sel(bb, cmp(bb, arith::CmpFPredicate::OEQ, idx, n1), d2, y);
      elem = sel(bb, cmp(bb, arith::CmpFPredicate::OEQ, d1, d2), d1, y);
    }
    IRMapping bodyMap;
    for (auto [j, a] : llvm::enumerate(oldBody.getArguments()))
      bodyMap.map(a, j == k ? elem : body->getArgument(j < k ? j : j - 1));
    for (Operation &o : oldBody)
      bb.clone(o, bodyMap);

    // fallback: the generator's array made again, then the old fallback.
    Block &oldFb = op.getFallback().front();
    Block *fb = new Block();
    fused.getFallback().push_back(fb);
    for (Value in : inputs)
      fb->addArgument(in.getType(), in.getLoc());
    OpBuilder fbb = OpBuilder::atBlockBegin(fb);
    auto boxed = [&](unsigned j) -> Value {
      return BoxOp::create(fbb, loc, fb->getArgument(firstExtra + j));
    };
    SmallVector<Value> temps;
    Value array;
    if (!g.linspace) {
      temps = {boxed(0), boxed(1), boxed(2)};
      array = RangeOp::create(fbb, loc, ValueType::get(ctx), temps[0], temps[1], temps[2]);
    } else {
      temps = {boxed(0), boxed(1), boxed(2)};
      array = BuiltinOp::create(fbb, loc, TypeRange{ValueType::get(ctx)},
                                fbb.getStringAttr("linspace"), temps,
                                fbb.getI32IntegerAttr(1))
                  .getResult(0);
    }
    temps.push_back(array);
    IRMapping fbMap;
    for (auto [j, a] : llvm::enumerate(oldFb.getArguments()))
      fbMap.map(a, j == k ? array : fb->getArgument(j < k ? j : j - 1));
    for (Operation &o : oldFb) {
      if (auto y = dyn_cast<YieldOp>(o)) {
        for (Value t : temps)
          ReleaseOp::create(fbb, loc, t);
        YieldOp::create(fbb, loc, fbMap.lookup(y.getValue()));
        break;
      }
      fbb.clone(o, fbMap);
    }

    // The generator goes, with its boxes when nothing else reads them.
    Value genResult = g.op->getResult(0);
    op.getResult().replaceAllUsesWith(fused.getResult());
    op->erase();
    llvm::SmallSetVector<Value, 4> genOperands(g.op->operand_begin(),
                                               g.op->operand_end());
    eraseIfOnlyReleased(genResult);
    for (Value v : genOperands)
      if (v.getDefiningOp<BoxOp>())
        eraseIfOnlyReleased(v);
    ++numGenerators;
    if (report)
      fused.emitRemark() << "computes " << (g.linspace ? "linspace" : "a colon range")
                         << " in the region (no array for it)";
  }
};

} // namespace
