//===- ForwardVariables.cpp - runmat-forward-variables --------------------===//
//
// Makes the values that statements pass to each other through local
// variables visible to the fusion passes:
//
//  1. Forwarding: a `runmat.load_var` of a variable stored earlier in the
//     same block (with nothing in between that may change the variable)
//     is replaced by the stored value itself (array values and native
//     scalars alike: a constant assigned to a variable reaches the fused
//     kernels that read it as a constant).
//  2. Dead variables: a variable that is then never read (only stored and
//     cleared) loses its stores; the value each store kept alive is
//     released after its last use in the block instead.
//
// After this, `D = X - m; Y = D .* D;` is one SSA chain, as `Y = (X - m).^2`
// would be. Only variables of the function itself are touched (and only
// `!runmat.value` ones lose dead stores): not the interactive prompt's workspace, not global or
// persistent variables, not variables any other op takes (`exist` reads
// every variable through `runmat.is_defined`, so a function calling it
// keeps them all).
//
//===----------------------------------------------------------------------===//
#include "runmat/Transforms/Passes.h"

#include "FusionUtils.h"
#include "RunMat/RunMatOps.h"
#include "llvm/ADT/DenseMap.h"

namespace runmat {
#define GEN_PASS_DEF_FORWARDVARIABLESPASS
#include "runmat/Transforms/Passes.h.inc"
} // namespace runmat

using namespace mlir;
using namespace runmat;
using namespace runmat::fusion;

namespace {

/// A plain local variable (not the prompt's workspace, not global or
/// persistent).
bool isLocalSlot(Value slot) {
  auto alloc = slot.getDefiningOp<AllocVarOp>();
  return alloc && !alloc.getWorkspace() && !alloc.getShared();
}

/// A plain local variable holding `!runmat.value`.
bool isLocalValueSlot(Value slot) {
  return isLocalSlot(slot) &&
         isa<ValueType>(cast<SlotType>(slot.getType()).getElementType());
}

/// The `runmat.release` of `v` that ends its statement: the first one after
/// `after` in the same block.
ReleaseOp releaseAfter(Value v, Operation *after) {
  ReleaseOp best;
  for (Operation *u : v.getUsers())
    if (auto r = dyn_cast<ReleaseOp>(u))
      if (r->getBlock() == after->getBlock() && after->isBeforeInBlock(r) &&
          (!best || r->isBeforeInBlock(best)))
        best = r;
  return best;
}

struct ForwardVariablesPass
    : runmat::impl::ForwardVariablesPassBase<ForwardVariablesPass> {
  using ForwardVariablesPassBase::ForwardVariablesPassBase;

  void runOnOperation() override {
    SmallVector<Block *> blocks;
    getOperation()->walk([&](Block *b) { blocks.push_back(b); });
    for (Block *b : blocks)
      forwardBlock(*b);
    SmallVector<AllocVarOp> allocs;
    getOperation()->walk([&](AllocVarOp a) { allocs.push_back(a); });
    for (AllocVarOp a : allocs)
      if (isLocalValueSlot(a.getResult()))
        removeIfDead(a);
  }

  void forwardBlock(Block &block) {
    llvm::DenseMap<Value, Value> stored; // slot -> value it holds
    for (Operation &op : llvm::make_early_inc_range(block)) {
      if (auto st = dyn_cast<StoreVarOp>(op)) {
        // Native scalars too: `gain = 1.25; ... X * gain` then multiplies
        // by the constant itself, which a fused kernel compiles in.
        if (isLocalSlot(st.getSlot()))
          stored[st.getSlot()] = st.getValue();
        else
          stored.erase(st.getSlot());
        continue;
      }
      if (auto ld = dyn_cast<LoadVarOp>(op)) {
        auto it = stored.find(ld.getSlot());
        if (it == stored.end())
          continue;
        // Both are borrowed from the variable, which keeps the value alive
        // until the next store to it: the load's uses end before that.
        ld.getResult().replaceAllUsesWith(it->second);
        ld->erase();
        ++numForwarded;
        continue;
      }
      // Anything else that takes a variable may change it.
      for (Value v : op.getOperands())
        if (isa<SlotType>(v.getType()))
          stored.erase(v);
      foldScalar(op);
    }
  }

  /// Scalar arithmetic on constants (`gamma = 1 / 2.2` once forwarded) is
  /// done now, with the operations the compiled code would use, so fused
  /// kernels that read the result get a constant.
  static void foldScalar(Operation &op) {
    if (op.getNumResults() != 1 || !op.getResult(0).getType().isF64() ||
        !isa<PlusOp, MinusOp, TimesOp, MTimesOp, RDivideOp, MRDivideOp,
             LDivideOp, NegOp>(op))
      return;
    SmallVector<double> k;
    for (Value v : op.getOperands()) {
      std::optional<double> c = v.getType().isF64() ? constantScalar(v) : std::nullopt;
      if (!c)
        return;
      k.push_back(*c);
    }
    double r;
    if (isa<NegOp>(op))
      r = -k[0];
    else if (isa<PlusOp>(op))
      r = k[0] + k[1];
    else if (isa<MinusOp>(op))
      r = k[0] - k[1];
    else if (isa<TimesOp, MTimesOp>(op))
      r = k[0] * k[1];
    else if (isa<RDivideOp, MRDivideOp>(op))
      r = k[0] / k[1];
    else
      r = k[1] / k[0]; // ldivide
    OpBuilder b(&op);
    Value c = arith::ConstantOp::create(b, op.getLoc(), b.getF64FloatAttr(r));
    op.getResult(0).replaceAllUsesWith(c);
    op.erase();
  }

  /// Removes the stores to a variable that nothing reads. Each stored value
  /// must be one its statement owns (released after the store, in the same
  /// block, with every use in that block): the statement's release moves
  /// after the value's last use.
  void removeIfDead(AllocVarOp alloc) {
    Value slot = alloc.getResult();
    SmallVector<StoreVarOp> stores;
    SmallVector<Operation *> clears;
    for (Operation *u : slot.getUsers()) {
      if (auto st = dyn_cast<StoreVarOp>(u))
        stores.push_back(st);
      else if (isa<ClearVarOp>(u))
        clears.push_back(u);
      else
        return; // read, tested or changed in place
    }
    SmallVector<std::pair<StoreVarOp, ReleaseOp>> plan;
    for (StoreVarOp st : stores) {
      Value v = st.getValue();
      ReleaseOp rel = releaseAfter(v, st);
      if (!rel || v.getParentBlock() != st->getBlock())
        return;
      for (Operation *u : v.getUsers())
        if (u->getBlock() != st->getBlock())
          return;
      plan.push_back({st, rel});
    }
    for (auto [st, rel] : plan) {
      Value v = st.getValue();
      st->erase();
      Operation *last = nullptr;
      for (Operation *u : v.getUsers())
        if (!isa<ReleaseOp>(u) && (!last || last->isBeforeInBlock(u)))
          last = u;
      if (last && rel->isBeforeInBlock(last))
        rel->moveAfter(last);
    }
    if (report)
      emitRemark(alloc.getLoc())
          << "variable '" << alloc.getName() << "' is never read: "
          << plan.size() << " store(s) removed";
    for (Operation *c : clears)
      c->erase();
    alloc->erase();
    ++numDeadVariables;
  }
};

} // namespace
