//===- FusionUtils.h - Small queries shared by the fusion passes -*- C++ -*-===//
//
// Private to lib/Transforms: how the fusion passes see values, boxed
// scalars and single uses.
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_LIB_TRANSFORMS_FUSIONUTILS_H
#define RUNMAT_LIB_TRANSFORMS_FUSIONUTILS_H

#include "RunMat/RunMatOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"

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

/// Whether every use of v is a runmat.release (also when it has none).
inline bool onlyReleased(mlir::Value v) {
  return llvm::all_of(v.getUsers(),
                      [](mlir::Operation *u) { return mlir::isa<ReleaseOp>(u); });
}

/// Erases v's defining op when nothing but releases uses v any more (with
/// those releases).
inline void eraseIfOnlyReleased(mlir::Value v) {
  mlir::Operation *def = v.getDefiningOp();
  if (!def || def->getNumResults() != 1 || !onlyReleased(v))
    return;
  for (mlir::Operation *u : llvm::make_early_inc_range(v.getUsers()))
    u->erase();
  def->erase();
}

/// Arithmetic on native scalars (`1 / 2.2`, `a * b`): no effect, so it may
/// sit inside a fused tree's span, or be computed again elsewhere.
inline bool isPureScalar(mlir::Operation *op) {
  if (op->getNumResults() != 1 || !op->getResult(0).getType().isF64() ||
      llvm::any_of(op->getOperandTypes(), [](mlir::Type t) { return !t.isF64(); }))
    return false;
  llvm::StringRef ns = op->getDialect() ? op->getDialect()->getNamespace() : "";
  return ns == "arith" || ns == "math" ||
         mlir::isa<PlusOp, MinusOp, TimesOp, MTimesOp, RDivideOp, MRDivideOp,
                   LDivideOp, NegOp, PowerOp>(op);
}

/// Moves the runmat.release ops strictly between `from` and `to` (same
/// block, `from` not after `to`) to just after `after`, in their order, except those `drops`
/// names (values that go with the fused operations): a value released
/// before a fused op that now runs later must live until it has run.
inline void moveReleasesAfter(mlir::Operation *from, mlir::Operation *to,
                              mlir::Operation *after,
                              llvm::function_ref<bool(mlir::Value)> drops) {
  llvm::SmallVector<mlir::Operation *> late;
  if (from == to)
    return;
  for (mlir::Operation *op = from->getNextNode(); op != to; op = op->getNextNode())
    if (auto r = mlir::dyn_cast<ReleaseOp>(op))
      if (!drops(r.getInput()))
        late.push_back(op);
  for (mlir::Operation *op : llvm::reverse(late))
    op->moveAfter(after);
}

/// `v(:)`: the base of a `runmat.index` by one colon, or null.
inline mlir::Value colonAllBase(mlir::Value v) {
  auto ix = v.getDefiningOp<IndexOp>();
  if (ix && ix.getIndices().size() == 1 &&
      ix.getIndices()[0].getDefiningOp<ColonAllOp>())
    return ix.getBase();
  return mlir::Value();
}

/// A reduction runmat-fuse-reductions can take: `sum`/`mean` of one array
/// with no option, a dimension 1 or 2 or 'all', and then optionally an
/// output type ('double'; 'native' and 'default' change nothing for the
/// double and single data a fused region takes). `sum(x(:))` is 'all' of
/// x. Sets `dim` (0 for the default, -1 for 'all'), `outDouble` and `arg`
/// (the array reduced, x for x(:)).
inline bool isFusableReduction(mlir::Operation *op, int64_t &dim,
                               bool &outDouble, mlir::Value &arg) {
  auto b = mlir::dyn_cast_or_null<BuiltinOp>(op);
  if (!b || b.getNargout() != 1 || b.getNumResults() != 1 ||
      (b.getCallee() != "sum" && b.getCallee() != "mean"))
    return false;
  auto args = b.getArgs();
  if (args.empty() || args.size() > 3 || !isValue(args[0]))
    return false;
  auto text = [](mlir::Value v) -> std::optional<llvm::StringRef> {
    if (auto s = v.getDefiningOp<StringOp>())
      return s.getValue();
    return std::nullopt;
  };
  outDouble = false;
  if (args.size() >= 2) {
    auto t = text(args.back());
    if (t && (*t == "double" || *t == "native" || *t == "default")) {
      outDouble = *t == "double";
      args = args.drop_back();
    }
  }
  arg = args[0];
  dim = 0;
  if (args.size() == 2) {
    if (auto t = text(args[1])) {
      if (*t != "all")
        return false;
      dim = -1;
    } else {
      std::optional<double> k = constantScalar(args[1]);
      if (!k || (*k != 1 && *k != 2))
        return false;
      dim = (int64_t)*k;
    }
  } else if (args.size() != 1) {
    return false;
  }
  if (mlir::Value base = colonAllBase(arg)) {
    if (dim > 1) // sum(x(:), 2) is x(:) itself
      return false;
    arg = base;
    dim = -1;
  }
  return true;
}

inline bool isFusableReduction(mlir::Operation *op, int64_t &dim) {
  bool outDouble;
  mlir::Value arg;
  return isFusableReduction(op, dim, outDouble, arg);
}


/// Whether a and b hold the same array: one SSA value, or two reads of one
/// variable in one block with no write of it (an op other than a read that
/// takes its slot), and no call that could reach it (a user function, a
/// handle, eval), between them.
inline bool sameValue(mlir::Value a, mlir::Value b) {
  if (a == b)
    return true;
  auto la = a.getDefiningOp<LoadVarOp>(), lb = b.getDefiningOp<LoadVarOp>();
  if (!la || !lb || la.getSlot() != lb.getSlot() ||
      la->getBlock() != lb->getBlock())
    return false;
  mlir::Operation *first = la->isBeforeInBlock(lb) ? la : lb;
  mlir::Operation *last = first == la ? lb : la;
  for (mlir::Operation *op = first->getNextNode(); op != last;
       op = op->getNextNode()) {
    // Any op but a read that takes the slot may write it (store_var,
    // clear_var, index_assign, append, subsasgn, ...).
    if (!mlir::isa<LoadVarOp>(op) &&
        llvm::is_contained(op->getOperands(), la.getSlot()))
      return false;
    if (mlir::isa<mlir::func::CallOp, CallValueOp>(op))
      return false;
    if (auto bi = mlir::dyn_cast<BuiltinOp>(op))
      if (llvm::is_contained({"eval", "evalin", "assignin", "load", "feval",
                              "arrayfun", "cellfun", "structfun"},
                             bi.getCallee()))
        return false;
  }
  return true;
}

/// Whether an operation may move from `from` to `to` (same block, `from`
/// first): nothing strictly between them changes a variable (no op but a
/// read takes a slot: a borrowed read would see the new data), calls code
/// that could (user functions, handles, eval), shows anything (display,
/// `ans`, statement calls) or raises on purpose (error, try). Pure
/// computations on values may sit between. With `variablesMayChange` (a
/// computation moved earlier, whose operands the caller knows to be the
/// same), writes of variables are allowed.
inline bool nothingChangesBetween(mlir::Operation *from, mlir::Operation *to,
                                  bool variablesMayChange = false) {
  for (mlir::Operation *op = from->getNextNode(); op && op != to;
       op = op->getNextNode()) {
    if (mlir::isa<LoadVarOp, ReleaseOp, LineOp, BoxOp, StringOp, ColonAllOp,
                  mlir::arith::ConstantOp>(op) ||
        isPureScalar(op))
      continue;
    if (!variablesMayChange &&
        llvm::any_of(op->getOperandTypes(),
                     [](mlir::Type t) { return mlir::isa<SlotType>(t); }))
      return false;
    if (variablesMayChange && mlir::isa<StoreVarOp, ClearVarOp>(op))
      continue;
    if (mlir::isa<mlir::func::CallOp, CallValueOp, DisplayOp, AssignAnsOp,
                  ErrorOp, TryBeginOp, TryEndOp>(op) ||
        op->getNumRegions() != 0 || op->hasTrait<mlir::OpTrait::IsTerminator>())
      return false;
    if (auto b = mlir::dyn_cast<BuiltinOp>(op))
      if (b.getNargout() == 0 || b->getNumResults() == 0 ||
          llvm::is_contained({"eval", "evalin", "assignin", "feval", "input",
                              "keyboard", "fprintf", "disp", "display",
                              "error", "warning", "arrayfun", "cellfun",
                              "structfun"},
                             b.getCallee()))
        return false;
  }
  return true;
}

/// Builtins with no effect but their result that are not elementwise (the
/// elementwise ones are FuseElementwise's fusable builtins): reductions and
/// the like, which a fused tree may be computed past and which a matched
/// pattern may drop once unused.
inline bool isPureBuiltin(llvm::StringRef name) {
  return llvm::is_contained({"sqrt", "sum", "mean", "var", "std", "max", "min",
                             "trace", "diag", "eps"},
                            name);
}

/// `x.^2` or `x .* x`: x, or null.
inline mlir::Value squareOf(mlir::Operation *op) {
  if (auto p = mlir::dyn_cast_or_null<PowerOp>(op)) {
    std::optional<double> k = constantScalar(p.getRhs());
    if (k && *k == 2)
      return p.getLhs();
  }
  if (auto t = mlir::dyn_cast_or_null<TimesOp>(op))
    if (sameValue(t.getLhs(), t.getRhs()))
      return t.getLhs();
  return mlir::Value();
}

/// A call of builtin `name` with `nargs` arguments and one result, nargout
/// 1 (null otherwise).
inline BuiltinOp builtinCall(mlir::Operation *op, llvm::StringRef name,
                             unsigned nargs) {
  auto b = mlir::dyn_cast_or_null<BuiltinOp>(op);
  if (!b || b.getCallee() != name || b.getNargout() != 1 ||
      b.getNumResults() != 1 || b.getArgs().size() != nargs)
    return BuiltinOp();
  return b;
}

/// A scalar divisor for a pattern op: a native f64, or the f64 a boxed
/// scalar holds (null when v is not known to be a real scalar).
inline mlir::Value scalarOperand(mlir::Value v) {
  if (v.getType().isF64())
    return v;
  return boxedScalar(v);
}

/// An array generator a fused body can compute from the element's index:
/// `a:b`, `a:d:b` or `linspace(a, b)`, `linspace(a, b, n)` on real double
/// scalars (native or boxed f64). `d` is null for `a:b`, `n` for
/// linspace's default.
struct Generator {
  mlir::Operation *op = nullptr;
  bool linspace = false;
  mlir::Value a, d, b, n;
};

inline std::optional<Generator> matchGenerator(mlir::Value v) {
  Generator g;
  if (auto r = v.getDefiningOp<RangeOp>()) {
    g.op = r;
    g.a = boxedScalar(r.getStart());
    g.b = boxedScalar(r.getStop());
    if (r.getStep() && !(g.d = boxedScalar(r.getStep())))
      return std::nullopt;
    if (!g.a || !g.b)
      return std::nullopt;
    return g;
  }
  auto bi = v.getDefiningOp<BuiltinOp>();
  if (!bi || bi.getCallee() != "linspace" || bi.getNargout() != 1 ||
      bi->getNumResults() != 1 || bi.getArgs().size() < 2 ||
      bi.getArgs().size() > 3)
    return std::nullopt;
  g.op = bi;
  g.linspace = true;
  g.a = scalarOperand(bi.getArgs()[0]);
  g.b = scalarOperand(bi.getArgs()[1]);
  if (bi.getArgs().size() == 3 && !(g.n = scalarOperand(bi.getArgs()[2])))
    return std::nullopt;
  if (!g.a || !g.b)
    return std::nullopt;
  return g;
}

/// Erases what is left of a matched pattern: each op of `ops` whose result
/// is now used only by releases (with those releases), then, the same way,
/// the ops that made its operands (boxes of constants, the subtraction
/// under a square), as far as they become unused. Null entries and ops
/// listed twice are fine; no op is looked at after it is erased.
inline void eraseDead(llvm::ArrayRef<mlir::Operation *> ops) {
  llvm::SmallVector<mlir::Operation *> work(ops.begin(), ops.end());
  llvm::SmallPtrSet<mlir::Operation *, 16> erased;
  while (!work.empty()) {
    mlir::Operation *op = work.pop_back_val();
    if (!op || erased.contains(op) || op->getNumResults() != 1 ||
        !onlyReleased(op->getResult(0)) ||
        mlir::isa<LoadVarOp, mlir::func::CallOp, CallValueOp>(op))
      continue;
    if (auto b = mlir::dyn_cast<BuiltinOp>(op)) // only pure ones go
      if (!isPureBuiltin(b.getCallee()))
        continue;
    for (mlir::Value v : op->getOperands())
      if (mlir::Operation *def = v.getDefiningOp())
        work.push_back(def);
    for (mlir::Operation *u : llvm::make_early_inc_range(op->getResult(0).getUsers()))
      u->erase();
    erased.insert(op);
    op->erase();
  }
}

/// Puts the pattern op `fused` (created just before `ops.front()`) in
/// place of a matched pattern: `ops.front()` is the op whose result it now
/// gives, the rest are the pattern's other ops. Releases between `first`
/// (the pattern's first op) and `fused` of values other than the pattern's
/// own move after `fused` (its operands must live until it runs); then the
/// pattern's ops go as far as nothing else uses them.
inline void replacePattern(mlir::Operation *first, mlir::Operation *fused,
                           llvm::ArrayRef<mlir::Operation *> ops) {
  llvm::SmallVector<mlir::Value> gone;
  for (mlir::Operation *op : ops)
    if (op)
      gone.push_back(op->getResult(0));
  moveReleasesAfter(first, fused, fused,
                    [&](mlir::Value v) { return llvm::is_contained(gone, v); });
  ops.front()->getResult(0).replaceAllUsesWith(fused->getResult(0));
  eraseDead(ops);
}

} // namespace runmat::fusion

#endif // RUNMAT_LIB_TRANSFORMS_FUSIONUTILS_H
