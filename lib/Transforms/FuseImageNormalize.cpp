//===- FuseImageNormalize.cpp - runmat-fuse-image-normalize ---------------===//
//
// ImageNormalize: per-image standardisation with an affine map, a clamp
// and a gamma, written as
//
//   mu = mean(X);  D = X - mu;  v = mean(D.^2);        (runmat.mean_var)
//   Y = D ./ sqrt(v + eps) * gain + bias;  Z = max(Y, 0) .^ gamma;
//   [s = sum(Z(:), 'double');]
//
// becomes one runmat.image_normalize with eps, gain, bias and gamma as
// attributes (the program's constants), and the sum, when the result only
// feeds one, folded in. Starts from the runmat.mean_var that
// runmat-fuse-mean-var made and follows the single users of its results.
//
//===----------------------------------------------------------------------===//
#include "runmat/Transforms/Passes.h"

#include "FusionUtils.h"
#include "RunMat/RunMatOps.h"
#include <cmath>

namespace runmat {
#define GEN_PASS_DEF_FUSEIMAGENORMALIZEPASS
#include "runmat/Transforms/Passes.h.inc"
} // namespace runmat

using namespace mlir;
using namespace runmat;
using namespace runmat::fusion;

namespace {

/// `v op c` or `c op v` (with `commutes`) for a constant c: c, else nullopt.
std::optional<double> constantOperand(Operation *op, Value v, bool commutes) {
  if (op->getNumOperands() != 2)
    return std::nullopt;
  if (op->getOperand(0) == v)
    return constantScalar(op->getOperand(1));
  if (commutes && op->getOperand(1) == v)
    return constantScalar(op->getOperand(0));
  return std::nullopt;
}

/// The only non-release user of v, in v's block, or null.
Operation *nextInBlock(Value v) {
  Operation *u = soleRealUser(v);
  Operation *d = v.getDefiningOp();
  return u && d && u->getBlock() == d->getBlock() ? u : nullptr;
}

struct FuseImageNormalizePass
    : runmat::impl::FuseImageNormalizePassBase<FuseImageNormalizePass> {
  using FuseImageNormalizePassBase::FuseImageNormalizePassBase;

  void runOnOperation() override {
    SmallVector<MeanVarOp> stats;
    getOperation()->walk([&](MeanVarOp op) { stats.push_back(op); });
    for (MeanVarOp op : stats)
      rewrite(op);
  }

  void rewrite(MeanVarOp mv) {
    if (mv.getForm() == 1) // var(x) divides by n - 1: not the population's
      return;
    Value x = mv.getInput(), mu = mv.getMean(), var = mv.getVariance();
    // D = x - mu, s = sqrt(v + eps), Y = D ./ s
    auto minus = dyn_cast_or_null<MinusOp>(nextInBlock(mu));
    if (!minus || minus.getRhs() != mu || !sameValue(minus.getLhs(), x))
      return;
    auto addEps = dyn_cast_or_null<PlusOp>(nextInBlock(var));
    std::optional<double> eps =
        addEps ? constantOperand(addEps, var, true) : std::nullopt;
    if (!eps)
      return;
    BuiltinOp sqrt = builtinCall(nextInBlock(addEps.getResult()), "sqrt", 1);
    if (!sqrt)
      return;
    auto div = dyn_cast_or_null<RDivideOp>(nextInBlock(sqrt.getResult(0)));
    if (!div || div.getLhs() != minus.getResult() ||
        div.getRhs() != sqrt.getResult(0) ||
        nextInBlock(minus.getResult()) != div.getOperation())
      return;
    SmallVector<Operation *> ops{div, sqrt, addEps, minus};
    Operation *last = div;
    Value y = div.getResult();
    Builder b(mv.getContext());
    FloatAttr gain, bias, gamma;
    bool clamp = false;
    // * gain (or .* gain), + bias (or - c)
    if (Operation *u = nextInBlock(y); u && isa<MTimesOp, TimesOp>(u))
      if (std::optional<double> g = constantOperand(u, y, true)) {
        gain = b.getF64FloatAttr(*g);
        ops.insert(ops.begin(), u);
        last = u;
        y = u->getResult(0);
      }
    if (Operation *u = nextInBlock(y); u && isa<PlusOp, MinusOp>(u))
      if (std::optional<double> c = constantOperand(u, y, isa<PlusOp>(u))) {
        bias = b.getF64FloatAttr(isa<PlusOp>(u) ? *c : -*c);
        ops.insert(ops.begin(), u);
        last = u;
        y = u->getResult(0);
      }
    // max(Y, 0), then .^ gamma
    BuiltinOp m = builtinCall(nextInBlock(y), "max", 2);
    std::optional<double> zero = m ? constantScalar(m.getArgs()[1]) : std::nullopt;
    if (m && m.getArgs()[0] == y && zero && *zero == 0 && !std::signbit(*zero)) {
      clamp = true;
      ops.insert(ops.begin(), m);
      last = m;
      y = m.getResult(0);
      if (auto p = dyn_cast_or_null<PowerOp>(nextInBlock(y)); p && p.getLhs() == y)
        if (std::optional<double> g = constantScalar(p.getRhs())) {
          gamma = b.getF64FloatAttr(*g);
          ops.insert(ops.begin(), p);
          last = p;
          y = p.getResult();
        }
    }
    // sum(Z(:)), sum(Z, 'all'), optionally 'double'
    bool sum = false, outDouble = false;
    if (Operation *u = nextInBlock(y)) {
      Operation *red = u;
      if (colonAllBase(u->getNumResults() == 1 ? u->getResult(0) : Value()) == y)
        red = nextInBlock(u->getResult(0));
      int64_t dim;
      Value arg;
      if (red && isFusableReduction(red, dim, outDouble, arg) && dim == -1 &&
          cast<BuiltinOp>(red).getCallee() == "sum") {
        sum = true;
        if (red != u)
          ops.insert(ops.begin(), u);
        ops.insert(ops.begin(), red);
        last = red;
      }
    }
    if (!sum)
      outDouble = false;
    // x is read again at the end: nothing between may change it.
    if (!nothingChangesBetween(mv, last))
      return;
    OpBuilder ob(last);
    auto op = ImageNormalizeOp::create(
        ob, last->getLoc(), ValueType::get(mv.getContext()), x,
        ob.getI64IntegerAttr(mv.getDim()), ob.getF64FloatAttr(*eps), gain, bias,
        clamp ? ob.getUnitAttr() : UnitAttr(), gamma,
        sum ? ob.getUnitAttr() : UnitAttr(), outDouble ? ob.getUnitAttr() : UnitAttr());
    replacePattern(mv, op, ops);
    if (onlyReleased(mv.getMean()) && onlyReleased(mv.getVariance())) {
      for (Value r : mv->getResults())
        for (Operation *u : llvm::make_early_inc_range(r.getUsers()))
          u->erase();
      mv->erase();
    }
    ++numFused;
    if (report)
      op.emitRemark() << "(x - mu) ./ sqrt(var + eps)" << (gain ? " * gain" : "")
                      << (bias ? " + bias" : "") << (clamp ? ", max(., 0)" : "")
                      << (gamma ? ", .^gamma" : "") << (sum ? ", summed" : "")
                      << " as one kernel (ImageNormalize)";
  }
};

} // namespace
