//===- FuseElementwise.cpp - runmat-fuse-elementwise ----------------------===//
//
// Groups trees of elementwise operations on arrays into
// runmat.fused_elementwise ops: the body computes one element in f64, the
// fallback keeps the original operations (see the op's description).
//
// A tree grows from its root (the last operation, whose result is used by
// something that is not fusable) through operands produced by fusable
// operations of the same block whose only use, apart from releases, is
// inside the tree. Everything between the first operation of the tree and
// its root must be part of the tree, or a constant, a variable read or a
// boxed scalar: the fused op computes the whole tree at the root's place,
// and nothing with side effects may run in between.
//
//===----------------------------------------------------------------------===//
#include "runmat/Transforms/Passes.h"

#include "FusionUtils.h"
#include "RunMat/RunMatOps.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/SetVector.h"
#include <cmath>
#include <optional>

namespace runmat {
#define GEN_PASS_DEF_FUSEELEMENTWISEPASS
#include "runmat/Transforms/Passes.h.inc"
} // namespace runmat

using namespace mlir;
using namespace runmat;
using namespace runmat::fusion;

namespace {

/// Builtins whose native scalar form (runmat-lower-scalar-builtins) keeps a
/// real double real, so the body's f64 result is MATLAB's.
bool isFusableBuiltin(StringRef name) {
  return llvm::is_contained({"abs", "floor", "ceil", "fix", "round", "sign",
                             "sin", "cos", "tan", "exp", "atan", "tanh"},
                            name);
}

/// Whether every real element of v is >= 0 (or NaN): abs(.), exp(.) and
/// max(., c) with a constant c >= 0.
bool nonNegativeArray(Value v) {
  auto b = v.getDefiningOp<BuiltinOp>();
  if (!b || b.getNargout() != 1)
    return false;
  if (b.getArgs().size() == 1)
    return b.getCallee() == "abs" || b.getCallee() == "exp";
  if (b.getArgs().size() == 2 && b.getCallee() == "max")
    for (Value a : b.getArgs())
      if (auto c = constantScalar(a); c && *c >= 0)
        return true;
  return false;
}

/// Whether `op` computes its array result element by element.
bool isElementwise(Operation *op) {
  if (op->getNumResults() != 1 || !isValue(op->getResult(0)) ||
      op->getNumOperands() == 0)
    return false;
  // Builtins may take native f64 scalars (max(x, 0)); operators take values.
  bool builtin = isa<BuiltinOp>(op);
  for (Value v : op->getOperands())
    if (!isValue(v) && !(builtin && v.getType().isF64()))
      return false;
  if (!isValue(op->getOperand(0)))
    return false;
  if (isa<PlusOp, MinusOp, TimesOp, RDivideOp, LDivideOp, NegOp>(op))
    return true;
  // `*` and `/` are elementwise when a scalar is involved.
  if (isa<MTimesOp>(op))
    return boxedScalar(op->getOperand(0)) || boxedScalar(op->getOperand(1));
  if (isa<MRDivideOp>(op))
    return (bool)boxedScalar(op->getOperand(1));
  // x.^k with a constant integer k stays real for real x, and x.^y for
  // real x >= 0 (abs(.), exp(.), max(., c) with a constant c >= 0).
  if (isa<PowerOp>(op)) {
    std::optional<double> k = constantScalar(op->getOperand(1));
    if (k && std::trunc(*k) == *k)
      return true;
    return boxedScalar(op->getOperand(1)) && nonNegativeArray(op->getOperand(0));
  }
  if (auto b = dyn_cast<BuiltinOp>(op)) {
    if (b.getNargout() != 1)
      return false;
    if (b.getArgs().size() == 2)
      return b.getCallee() == "max" || b.getCallee() == "min";
    if (b.getArgs().size() != 1)
      return false;
    // sqrt stays real where its argument cannot be negative (abs(.), ...).
    if (b.getCallee() == "sqrt")
      return nonNegativeArray(b.getArgs()[0]);
    return isFusableBuiltin(b.getCallee());
  }
  return false;
}

/// Ops that may sit between the members of a tree: no side effects.
/// Line markers may: the fallback repeats them (below), so an error still
/// names its statement's line.
bool isInert(Operation *op) {
  if (isa<arith::ConstantOp, LoadVarOp, BoxOp, ReleaseOp, LineOp>(op) ||
      isPureScalar(op))
    return true;
  // Array computations whose only effect is their result (or an error): a
  // tree may be computed after them (`D = X - mu; s = sqrt(v + e);
  // Y = D ./ s` fuses D into Y). An error either raises then comes from a
  // different statement than unfused, never a different result.
  if (isa<PlusOp, MinusOp, TimesOp, RDivideOp, LDivideOp, NegOp, PowerOp,
          CTransposeOp, TransposeOp, FusedElementwiseOp, FusedReduceOp,
          MeanVarOp, ImageNormalizeOp>(op))
    return true;
  if (auto b = dyn_cast<BuiltinOp>(op))
    return b.getNargout() == 1 && b->getNumResults() == 1 &&
           (isFusableBuiltin(b.getCallee()) || isPureBuiltin(b.getCallee()));
  return false;
}

struct FuseElementwisePass
    : runmat::impl::FuseElementwisePassBase<FuseElementwisePass> {
  using FuseElementwisePassBase::FuseElementwisePassBase;

  void runOnOperation() override {
    SmallVector<Block *> blocks;
    getOperation()->walk([&](Block *b) { blocks.push_back(b); });
    for (Block *b : blocks)
      fuseBlock(*b);
  }

  /// The tree rooted at `root`, in block order (root last). An operand made
  /// by a fusable operation joins when the tree is its only user (it is
  /// then computed in the tree alone), or, with `allowShared`, as one of
  /// `shared` when it is one cheap arithmetic operation on values no
  /// fusable operation makes (`D = X - m` read by two statements): each
  /// tree computes its own copy, and the operation itself goes once no user
  /// is left (fan-out by recomputation, cheaper than writing and reading D).
  SmallVector<Operation *> collectTree(Operation *root,
                                       llvm::SmallPtrSetImpl<Operation *> &shared,
                                       bool allowShared) {
    llvm::SetVector<Operation *> tree;
    SmallVector<Operation *> work;
    tree.insert(root);
    auto usersIn = [&](Value v) {
      for (Operation *u : v.getUsers())
        if (!isa<ReleaseOp>(u) && !tree.count(u))
          return false;
      return true;
    };
    bool grew = true;
    while (grew) {
      grew = false;
      work.assign(tree.begin(), tree.end()); // users may have joined since
      while (!work.empty()) {
        Operation *op = work.pop_back_val();
        for (Value v : op->getOperands()) {
          Operation *d = v.getDefiningOp();
          if (!d || d->getBlock() != root->getBlock() || tree.count(d) ||
              !isElementwise(d))
            continue;
          if (usersIn(v)) {
            shared.erase(d);
          } else if (allowShared && isCheap(d)) {
            shared.insert(d);
          } else {
            continue;
          }
          tree.insert(d);
          work.push_back(d);
          grew = true;
        }
      }
      // An operation taken as shared whose users all joined since is the
      // tree's own after all.
      for (Operation *d : llvm::make_early_inc_range(shared))
        if (tree.count(d) && usersIn(d->getResult(0)))
          shared.erase(d);
    }
    SmallVector<Operation *> ops(tree.begin(), tree.end());
    llvm::sort(ops, [](Operation *a, Operation *b) { return a->isBeforeInBlock(b); });
    return ops;
  }

  /// Whether op reads an array generator nothing else reads: alone, it is
  /// still worth a region (runmat-fuse-generators then computes the
  /// generator inside it, `sin(0:n-1)` writing one array instead of two).
  static bool readsGenerator(Operation *op) {
    return llvm::any_of(op->getOperands(), [&](Value v) {
      return matchGenerator(v) && soleRealUser(v) == op;
    });
  }

  /// One arithmetic operation (no math call) on values that no fusable
  /// operation makes: worth computing again rather than storing.
  static bool isCheap(Operation *d) {
    if (!isa<PlusOp, MinusOp, TimesOp, RDivideOp, LDivideOp, NegOp, MTimesOp,
             MRDivideOp>(d))
      return false;
    for (Value v : d->getOperands())
      if (Operation *x = v.getDefiningOp(); x && isElementwise(x))
        return false;
    return true;
  }

  /// The last operation with an effect (not in the tree, not inert) between
  /// the tree's first owned operation and its root, or null.
  static Operation *lastBlocker(ArrayRef<Operation *> ops,
                                const llvm::SmallPtrSetImpl<Operation *> &shared) {
    llvm::SmallPtrSet<Operation *, 16> in(ops.begin(), ops.end());
    Operation *first = nullptr, *blocker = nullptr;
    for (Operation *op : ops)
      if (!shared.count(op)) {
        first = op;
        break;
      }
    for (Operation *op = first; op != ops.back(); op = op->getNextNode())
      if (!in.count(op) && !isInert(op))
        blocker = op;
    return blocker;
  }

  /// Nothing but tree members and inert ops between the first operation the
  /// tree owns and the root. A shared operation may sit before that, with
  /// anything in between that changes no variable holding its operands.
  static bool contiguous(ArrayRef<Operation *> ops,
                         const llvm::SmallPtrSetImpl<Operation *> &shared) {
    if (lastBlocker(ops, shared))
      return false;
    // A shared operation is computed again at the root: nothing between
    // may store or clear a variable that keeps one of its operands alive
    // (a variable read is borrowed, and so is a value runmat-forward-
    // variables passed on from a store while only the variable held it).
    llvm::SmallPtrSet<Value, 4> slots;
    for (Operation *op : ops)
      if (shared.count(op))
        for (Value v : op->getOperands()) {
          if (auto ld = v.getDefiningOp<LoadVarOp>())
            slots.insert(ld.getSlot());
          for (Operation *u : v.getUsers())
            if (auto st = dyn_cast<StoreVarOp>(u))
              slots.insert(st.getSlot());
        }
    if (slots.empty())
      return true;
    for (Operation *op = ops.front(); op != ops.back(); op = op->getNextNode())
      if (!isa<LoadVarOp>(op))
        for (Value v : op->getOperands())
          if (slots.count(v))
            return false;
    return true;
  }

  void fuseBlock(Block &block) {
    // Roots first (walking backwards), so each tree is taken whole.
    SmallVector<Operation *> candidates;
    for (Operation &op : llvm::reverse(block))
      if (isElementwise(&op))
        candidates.push_back(&op);
    llvm::SmallPtrSet<Operation *, 32> done;
    SmallVector<Operation *> sharedOps;
    for (Operation *root : candidates) {
      if (done.count(root))
        continue;
      Operation *user = soleRealUser(root->getResult(0));
      if (user && user->getBlock() == &block && isElementwise(user))
        continue; // not a root: it belongs to its user's tree
      // One operation alone gains nothing, unless a sum or mean takes it
      // (runmat-fuse-reductions then folds it into the reduction) or it
      // reads a generator (readsGenerator).
      int64_t dim;
      Operation *user0 = soleRealUser(root->getResult(0));
      if (user0 && user0->getNumResults() == 1 &&
          colonAllBase(user0->getResult(0)) == root->getResult(0))
        user0 = soleRealUser(user0->getResult(0)); // sum(x(:))
      bool feedsReduction = isFusableReduction(user0, dim);
      // With shared operations first; when that tree cannot be fused, the
      // tree without them.
      llvm::SmallPtrSet<Operation *, 4> shared;
      SmallVector<Operation *> ops;
      bool ok = false;
      for (bool allowShared : {true, false}) {
        shared.clear();
        ops = collectTree(root, shared, allowShared);
        if (!contiguous(ops, shared))
          trimToContiguous(ops, shared);
        ok = (ops.size() >= 2 || feedsReduction || readsGenerator(root)) &&
             contiguous(ops, shared);
        if (ok || shared.empty())
          break;
      }
      if (!ok)
        continue;
      for (Operation *op : ops)
        if (!shared.count(op))
          done.insert(op);
      sharedOps.append(shared.begin(), shared.end());
      fuse(ops, shared);
    }
    // Shared operations whose users all took a copy go.
    for (Operation *d : sharedOps)
      if (!done.count(d)) {
        done.insert(d);
        eraseIfOnlyReleased(d->getResult(0));
      }
  }

  /// Drops the operations that come before the last operation with an
  /// effect between the tree's first owned operation and its root (they
  /// become leaves, computed where they are), then the shared operations no
  /// remaining one uses. A chain spread over statements with other work
  /// between them keeps its part after that work.
  static void trimToContiguous(SmallVectorImpl<Operation *> &ops,
                               llvm::SmallPtrSetImpl<Operation *> &shared) {
    Operation *blocker = lastBlocker(ops, shared);
    if (!blocker)
      return;
    llvm::erase_if(ops, [&](Operation *op) {
      return !shared.count(op) && op->isBeforeInBlock(blocker);
    });
    bool changed = true;
    while (changed) {
      changed = false;
      llvm::SmallPtrSet<Operation *, 16> kept(ops.begin(), ops.end());
      for (Operation *d : llvm::make_early_inc_range(shared)) {
        if (!kept.count(d))
          continue;
        bool used = llvm::any_of(d->getResult(0).getUsers(), [&](Operation *u) {
          return u != d && kept.count(u);
        });
        if (!used) {
          llvm::erase(ops, d);
          shared.erase(d);
          changed = true;
        }
      }
    }
  }

  void fuse(ArrayRef<Operation *> ops,
            const llvm::SmallPtrSetImpl<Operation *> &shared) {
    Operation *root = ops.back();
    Location loc = root->getLoc();
    MLIRContext *ctx = root->getContext();
    Type f64 = Float64Type::get(ctx), valueTy = ValueType::get(ctx);
    llvm::SmallPtrSet<Operation *, 16> in(ops.begin(), ops.end());

    // Leaves: array values, and boxed scalars passed as their f64; boxed
    // constants are made again inside the regions (so that the code for the
    // body sees them: x.^2 becomes x*x), not passed.
    SmallVector<Value> leaves, inputs; // leaf value -> fused op input
    SmallVector<Value> constLeaves;
    for (Operation *op : ops)
      for (Value v : op->getOperands()) {
        Operation *d = v.getDefiningOp();
        if ((d && in.count(d)) || llvm::is_contained(leaves, v) ||
            llvm::is_contained(constLeaves, v))
          continue;
        if (constantScalar(v)) {
          constLeaves.push_back(v);
          continue;
        }
        leaves.push_back(v);
        Value s = boxedScalar(v);
        inputs.push_back(s ? s : v);
      }

    if (llvm::none_of(inputs, isValue))
      return; // scalars only: nothing to loop over
    OpBuilder b(root);
    auto fused = FusedElementwiseOp::create(b, loc, valueTy, inputs);

    // body: one element in f64.
    Block *body = new Block();
    fused.getBody().push_back(body);
    IRMapping bodyMap;
    for (auto [leaf, input] : llvm::zip(leaves, inputs))
      bodyMap.map(leaf, body->addArgument(f64, input.getLoc()));
    b.setInsertionPointToStart(body);
    for (Value c : constLeaves)
      bodyMap.map(c, arith::ConstantOp::create(b, loc, b.getF64FloatAttr(*constantScalar(c))));
    for (Operation *op : ops) {
      SmallVector<Value> args;
      for (Value v : op->getOperands())
        args.push_back(bodyMap.lookup(v));
      Value r;
      if (auto bi = dyn_cast<BuiltinOp>(op))
        r = BuiltinOp::create(b, op->getLoc(), TypeRange{f64}, bi.getCalleeAttr(),
                              args, bi.getNargoutAttr())
                .getResult(0);
      else
        r = b.create(op->getLoc(), op->getName().getIdentifier(), args, {f64},
                     op->getAttrs())
                ->getResult(0);
      bodyMap.map(op->getResult(0), r);
    }
    YieldOp::create(b, loc, bodyMap.lookup(root->getResult(0)));

    // fallback: the original operations on the inputs.
    Block *fb = new Block();
    fused.getFallback().push_back(fb);
    IRMapping fbMap;
    SmallVector<Value> toRelease;
    b.setInsertionPointToStart(fb);
    for (auto [leaf, input] : llvm::zip(leaves, inputs)) {
      Value arg = fb->addArgument(input.getType(), input.getLoc());
      if (arg.getType().isF64() && !leaf.getType().isF64()) {
        Value boxed = BoxOp::create(b, loc, arg);
        toRelease.push_back(boxed);
        fbMap.map(leaf, boxed);
      } else {
        fbMap.map(leaf, arg);
      }
    }
    for (Value c : constLeaves) {
      Value k = arith::ConstantOp::create(b, loc, b.getF64FloatAttr(*constantScalar(c)));
      if (c.getType().isF64()) { // a native operand (of a builtin)
        fbMap.map(c, k);
        continue;
      }
      Value boxed = BoxOp::create(b, loc, k);
      toRelease.push_back(boxed);
      fbMap.map(c, boxed);
    }
    // The operations in their order, with the line markers between them
    // (a tree may span statements).
    for (Operation *op = ops.front();; op = op->getNextNode()) {
      if (isa<LineOp>(op)) {
        b.clone(*op);
        continue;
      }
      if (!in.count(op))
        continue;
      Operation *c = b.clone(*op, fbMap);
      if (op == root)
        break;
      toRelease.push_back(c->getResult(0));
    }
    Value result = fbMap.lookup(root->getResult(0));
    for (Value v : toRelease)
      ReleaseOp::create(b, loc, v);
    YieldOp::create(b, loc, result);

    // A leaf released between the tree's first operation and its root (a
    // value dropped after its last use in an earlier statement) must live
    // until the fused op has run.
    moveReleasesAfter(ops.front(), root, fused, [&](Value v) {
      Operation *d = v.getDefiningOp();
      return d && in.count(d);
    });

    // The tree goes; so do its intermediates' releases and unused boxes.
    root->getResult(0).replaceAllUsesWith(fused.getResult());
    for (Operation *op : llvm::reverse(ops)) {
      if (shared.count(op))
        continue; // other users still read it
      for (Operation *u : llvm::make_early_inc_range(op->getResult(0).getUsers()))
        u->erase(); // releases of intermediates
      op->erase();
    }
    SmallVector<Value> allLeaves(leaves);
    allLeaves.append(constLeaves.begin(), constLeaves.end());
    for (Value leaf : allLeaves) {
      auto box = leaf.getDefiningOp<BoxOp>();
      if (!box || !onlyReleased(box.getResult()))
        continue;
      for (Operation *u : llvm::make_early_inc_range(box.getResult().getUsers()))
        u->erase();
      box->erase();
    }
    ++numRegions;
    numOpsFused += ops.size();
    if (report) {
      std::string names;
      for (Operation *op : ops) {
        if (!names.empty())
          names += " ";
        auto bi = dyn_cast<BuiltinOp>(op);
        names += bi ? bi.getCallee().str()
                    : op->getName().stripDialect().str();
      }
      unsigned arrays = llvm::count_if(inputs, [](Value v) { return isValue(v); });
      fused.emitRemark() << "fused " << ops.size() << " operations (" << names
                         << ") into one region with " << arrays
                         << " array and " << inputs.size() - arrays
                         << " scalar inputs";
    }
  }
};

} // namespace
