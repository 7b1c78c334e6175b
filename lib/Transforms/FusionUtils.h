//===- FusionUtils.h - Small queries shared by the fusion passes -*- C++ -*-===//
//
// Private to lib/Transforms: how the fusion passes see values, boxed
// scalars and single uses.
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_LIB_TRANSFORMS_FUSIONUTILS_H
#define RUNMAT_LIB_TRANSFORMS_FUSIONUTILS_H

#include "RunMat/RunMatOps.h"

#include <optional>

namespace runmat::fusion {

inline bool isValue(mlir::Value v) { return mlir::isa<ValueType>(v.getType()); }

/// The f64 a value operand boxes (`runmat.box %f : f64`), or null.
inline mlir::Value boxedScalar(mlir::Value v) {
  if (auto box = v.getDefiningOp<BoxOp>())
    if (box.getInput().getType().isF64())
      return box.getInput();
  return mlir::Value();
}

/// The value of a constant f64 operand: an `arith.constant`, native or
/// boxed (`runmat.box`).
inline std::optional<double> constantScalar(mlir::Value v) {
  mlir::Value k = v.getType().isF64() ? v : boxedScalar(v);
  auto c = k ? k.getDefiningOp<mlir::arith::ConstantOp>() : nullptr;
  auto f = c ? mlir::dyn_cast<mlir::FloatAttr>(c.getValue()) : nullptr;
  if (!f)
    return std::nullopt;
  return f.getValueAsDouble();
}

/// The only use of v that is not a runmat.release, or null.
inline mlir::Operation *soleRealUser(mlir::Value v) {
  mlir::Operation *user = nullptr;
  for (mlir::Operation *u : v.getUsers()) {
    if (mlir::isa<ReleaseOp>(u) || u == user) // x .* x: one user
      continue;
    if (user)
      return nullptr;
    user = u;
  }
  return user;
}

/// Erases v's defining op when nothing but releases uses v any more (with
/// those releases).
inline void eraseIfOnlyReleased(mlir::Value v) {
  mlir::Operation *def = v.getDefiningOp();
  if (!def || soleRealUser(v) || def->getNumResults() != 1)
    return;
  for (mlir::Operation *u : llvm::make_early_inc_range(v.getUsers()))
    u->erase();
  def->erase();
}

/// Whether `op` is a sum or mean that runmat-fuse-reductions can take:
/// `sum(x)`, `sum(x, 1)`, `sum(x, 2)`, `sum(x, 'all')` (and mean); sets
/// dim (0 default, 1, 2, -1 'all').
inline bool isFusableReduction(mlir::Operation *op, int64_t &dim) {
  auto b = mlir::dyn_cast_or_null<BuiltinOp>(op);
  if (!b || b.getNargout() != 1 || b.getNumResults() != 1 ||
      (b.getCallee() != "sum" && b.getCallee() != "mean"))
    return false;
  auto args = b.getArgs();
  if (args.size() == 1 && isValue(args[0])) {
    dim = 0;
    return true;
  }
  if (args.size() != 2 || !isValue(args[0]))
    return false;
  if (auto s = args[1].getDefiningOp<StringOp>()) {
    dim = -1;
    return s.getValue() == "all";
  }
  std::optional<double> k = constantScalar(args[1]);
  if (!k || (*k != 1 && *k != 2))
    return false;
  dim = (int64_t)*k;
  return true;
}

} // namespace runmat::fusion

#endif // RUNMAT_LIB_TRANSFORMS_FUSIONUTILS_H
