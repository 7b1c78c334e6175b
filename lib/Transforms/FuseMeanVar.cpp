//===- FuseMeanVar.cpp - runmat-fuse-mean-var ------------------------------===//
//
// Welford/MRB: the mean of an array and its variance, written as
//
//   mu = mean(x[, dim]);  ...  v = mean((x - mu).^2[, dim])
//   mu = mean(x[, dim]);  ...  v = var(x[, w[, dim]])
//
// become one runmat.mean_var, which reads x once. The mean op is replaced
// in place (its result is the same to the bit), the variance's reduction
// goes, and what fed only it (x - mu, its square) goes with it. The two
// reductions must agree on the dimension and sit in one block with nothing
// between them that could show the earlier evaluation of the variance (a
// call of a user function or handle, output, an error statement).
//
//===----------------------------------------------------------------------===//
#include "runmat/Transforms/Passes.h"

#include "FusionUtils.h"
#include "RunMat/RunMatOps.h"

namespace runmat {
#define GEN_PASS_DEF_FUSEMEANVARPASS
#include "runmat/Transforms/Passes.h.inc"
} // namespace runmat

using namespace mlir;
using namespace runmat;
using namespace runmat::fusion;

namespace {

/// mean(x), mean(x, k) or mean(x, 'all') (and the same argument forms of
/// var after its weight): the dimension (0 default, -1 'all'), or nullopt.
std::optional<int64_t> dimSpec(ValueRange rest) {
  if (rest.empty())
    return 0;
  if (rest.size() != 1)
    return std::nullopt;
  if (auto s = rest[0].getDefiningOp<StringOp>())
    return s.getValue() == "all" ? std::optional<int64_t>(-1) : std::nullopt;
  std::optional<double> k = constantScalar(rest[0]);
  if (!k || *k < 1 || *k != (double)(int64_t)*k)
    return std::nullopt;
  return (int64_t)*k;
}

struct FuseMeanVarPass : runmat::impl::FuseMeanVarPassBase<FuseMeanVarPass> {
  using FuseMeanVarPassBase::FuseMeanVarPassBase;

  void runOnOperation() override {
    SmallVector<BuiltinOp> means;
    getOperation()->walk([&](BuiltinOp op) {
      if (op.getCallee() == "mean" && op.getNargout() == 1 &&
          op.getNumResults() == 1 && !op.getArgs().empty() &&
          isValue(op.getArgs()[0]))
        means.push_back(op);
    });
    for (BuiltinOp m : means)
      if (!erased.contains(m.getOperation()))
        rewrite(m);
  }

  /// Means taken by an earlier rewrite (as the variance's reduction).
  llvm::DenseSet<Operation *> erased;

  /// The variance reduction that pairs with `mean`, its form (0, 1, 2) and
  /// the ops that fed only it.
  BuiltinOp findVariance(BuiltinOp mean, int64_t dim, int64_t &form,
                         SmallVector<Operation *> &feeders) {
    Value x = mean.getArgs()[0], mu = mean.getResult(0);
    // mean((x - mu).^2, dim)
    for (Operation *u : mu.getUsers()) {
      auto d = dyn_cast<MinusOp>(u);
      if (!d || d.getRhs() != mu || !sameValue(d.getLhs(), x) ||
          d->getBlock() != mean->getBlock())
        continue;
      for (Operation *sq : d.getResult().getUsers()) {
        if (squareOf(sq) != d.getResult() || sq->getNumResults() != 1)
          continue;
        auto red = dyn_cast_or_null<BuiltinOp>(soleRealUser(sq->getResult(0)));
        if (!red || red.getCallee() != "mean" || red.getNargout() != 1 ||
            red.getNumResults() != 1 || red.getArgs()[0] != sq->getResult(0) ||
            red->getBlock() != mean->getBlock() ||
            dimSpec(red.getArgs().drop_front()) != dim)
          continue;
        form = 0;
        feeders = {sq, d};
        return red;
      }
    }
    // var(x), var(x, w), var(x, w, dim) with w 0 or 1
    for (Operation *op = mean->getNextNode(); op; op = op->getNextNode()) {
      auto v = dyn_cast<BuiltinOp>(op);
      if (!v || v.getCallee() != "var" || v.getNargout() != 1 ||
          v.getNumResults() != 1 || v.getArgs().empty() ||
          v.getArgs().size() > 3 || !sameValue(v.getArgs()[0], x))
        continue;
      int64_t w = 0, vdim = 0;
      if (v.getArgs().size() >= 2) {
        std::optional<double> k = constantScalar(v.getArgs()[1]);
        if (!k || (*k != 0 && *k != 1))
          continue;
        w = (int64_t)*k;
        std::optional<int64_t> ds = dimSpec(v.getArgs().drop_front(2));
        if (!ds)
          continue;
        vdim = *ds;
      }
      if (vdim != dim)
        continue;
      form = w == 0 ? 1 : 2;
      return v;
    }
    return BuiltinOp();
  }

  void rewrite(BuiltinOp mean) {
    std::optional<int64_t> dim = dimSpec(mean.getArgs().drop_front());
    if (!dim)
      return;
    int64_t form = 0;
    SmallVector<Operation *> feeders;
    BuiltinOp var = findVariance(mean, *dim, form, feeders);
    // The variance is computed earlier than written (x is the same there):
    // nothing between may show that.
    if (!var || !mean->isBeforeInBlock(var) ||
        !nothingChangesBetween(mean, var, /*variablesMayChange=*/true))
      return;
    OpBuilder b(mean);
    auto ctx = mean.getContext();
    auto mv = MeanVarOp::create(b, mean.getLoc(), ValueType::get(ctx),
                                ValueType::get(ctx), mean.getArgs()[0],
                                b.getI64IntegerAttr(*dim),
                                b.getI64IntegerAttr(form));
    mean.getResult(0).replaceAllUsesWith(mv.getMean());
    var.getResult(0).replaceAllUsesWith(mv.getVariance());
    // Both reductions are now unused: they go, and with them what fed only
    // them (the square, x - mu, boxed dimensions and exponents).
    erased.insert(var);
    SmallVector<Operation *> dead{var, mean};
    dead.append(feeders.begin(), feeders.end());
    eraseDead(dead);
    ++numFused;
    if (report)
      mv.emitRemark() << "mean and "
                      << (form == 0 ? "mean of squared deviations"
                                    : "var")
                      << " of one array in one pass (Welford)";
  }
};

} // namespace
