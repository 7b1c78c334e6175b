//===- FuseLoopIdiom.cpp - runmat-fuse-loop-idiom -------------------------===//
//
// The Monte Carlo loop idiom
//
//   for t = a:b
//     Z = randn(n, 1);
//     S = S .* exp(drift + scale * Z);    % any fused elementwise f(S, Z, c)
//   end
//
// becomes a runmat.fused_rng_loop placed before the loop: one kernel that
// carries every element of S through all the steps, drawing each step's
// normals in the kernel from the LCG's stream (the same numbers the loop
// would draw). When it applies (decided at run time: S a real double
// array of randn's size, the LCG generator, at least one step), S and the
// loop variable get their final values and the loop is skipped; otherwise
// the loop runs as written.
//
// Runs after runmat-forward-variables and runmat-fuse-elementwise: the
// body must then be one randn call, one runmat.fused_elementwise taking its
// result and S, and the store of S, with nothing else that has an effect
// (line markers, constants, arithmetic on loop-invariant scalars, reads of
// loop-invariant scalar variables and releases aside). When Z is read after
// the loop (its store stays), the fused loop also makes the last draw.
//
//===----------------------------------------------------------------------===//
#include "runmat/Transforms/Passes.h"

#include "FusionUtils.h"
#include "RunMat/RunMatOps.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/SetVector.h"
#include <functional>

namespace runmat {
#define GEN_PASS_DEF_FUSELOOPIDIOMPASS
#include "runmat/Transforms/Passes.h.inc"
} // namespace runmat

using namespace mlir;
using namespace runmat;
using namespace runmat::fusion;

namespace {

/// The loop MLIRGen makes for `for v = range`:
///   pre:    ... cf.br ^header(%c0)
///   header(%i): %c = arith.cmpi slt, %i, %count; cf.cond_br %c, ^body, ^exit
///   body:   %v = runmat.range_element ...(%i); store_var %v, %var; ...; cf.br ^latch
///   latch:  %n = arith.addi %i, %c1; cf.br ^header(%n)
struct ForLoop {
  Block *pre, *header, *body, *latch, *exit;
  Value count;
  RangeElementOp element;
  StoreVarOp varStore;
};

std::optional<ForLoop> matchLoop(Block *header) {
  if (header->getNumArguments() != 1 || !header->getArgument(0).getType().isInteger(64) ||
      !llvm::hasNItems(header->getPredecessors(), 2) ||
      std::distance(header->begin(), header->end()) != 2)
    return std::nullopt;
  auto cmp = dyn_cast<arith::CmpIOp>(header->front());
  auto br = dyn_cast<cf::CondBranchOp>(header->getTerminator());
  if (!cmp || !br || cmp.getPredicate() != arith::CmpIPredicate::slt ||
      cmp.getLhs() != header->getArgument(0) || br.getCondition() != cmp.getResult())
    return std::nullopt;
  ForLoop l;
  l.header = header;
  l.count = cmp.getRhs();
  l.body = br.getTrueDest();
  l.exit = br.getFalseDest();
  if (l.exit->getNumArguments() != 0 || !l.body->getSinglePredecessor())
    return std::nullopt;
  auto toLatch = dyn_cast<cf::BranchOp>(l.body->getTerminator());
  if (!toLatch)
    return std::nullopt;
  l.latch = toLatch.getDest();
  auto back = dyn_cast<cf::BranchOp>(l.latch->getTerminator());
  if (!back || back.getDest() != header || !l.latch->getSinglePredecessor())
    return std::nullopt;
  l.pre = nullptr;
  for (Block *p : header->getPredecessors())
    if (p != l.latch)
      l.pre = p;
  auto enter = l.pre ? dyn_cast<cf::BranchOp>(l.pre->getTerminator()) : nullptr;
  if (!enter || enter.getDest() != header)
    return std::nullopt;
  l.element = dyn_cast<RangeElementOp>(l.body->front());
  if (!l.element)
    return std::nullopt;
  l.varStore = dyn_cast_or_null<StoreVarOp>(l.element->getNextNode());
  if (!l.varStore || l.varStore.getValue() != l.element.getResult())
    return std::nullopt;
  return l;
}

struct FuseLoopIdiomPass
    : runmat::impl::FuseLoopIdiomPassBase<FuseLoopIdiomPass> {
  using FuseLoopIdiomPassBase::FuseLoopIdiomPassBase;

  void runOnOperation() override {
    SmallVector<Block *> blocks;
    getOperation()->walk([&](Block *b) { blocks.push_back(b); });
    for (Block *b : blocks)
      if (std::optional<ForLoop> l = matchLoop(b))
        rewrite(*l);
  }

  /// Slots stored anywhere in the loop's blocks.
  static bool storedInLoop(ForLoop &l, Value slot) {
    for (Operation *u : slot.getUsers())
      if (!isa<LoadVarOp>(u) &&
          (u->getBlock() == l.body || u->getBlock() == l.header ||
           u->getBlock() == l.latch))
        return true;
    return false;
  }

  void rewrite(ForLoop l) {
    BuiltinOp randn;
    FusedElementwiseOp chain;
    StoreVarOp stateStore, drawStore;
    for (Operation &op : *l.body) {
      if (auto b = dyn_cast<BuiltinOp>(op)) {
        if (randn || b.getCallee() != "randn" || b.getNumResults() != 1 ||
            b.getArgs().empty() ||
            llvm::any_of(b.getArgs(), [](Value v) { return !v.getType().isF64(); }))
          return;
        randn = b;
      } else if (auto f = dyn_cast<FusedElementwiseOp>(op)) {
        if (chain)
          return;
        chain = f;
      } else if (auto st = dyn_cast<StoreVarOp>(op)) {
        if (st == l.varStore)
          continue;
        if (!isa<ValueType>(st.getValue().getType()))
          return;
        if (randn && st.getValue() == randn.getResult(0) && !drawStore) {
          drawStore = st; // Z = randn(...), read after the loop
          continue;
        }
        if (stateStore)
          return;
        stateStore = st;
      } else if (!isa<LineOp, arith::ConstantOp, LoadVarOp, ReleaseOp, RangeElementOp,
                     cf::BranchOp>(op) &&
                 !isPureScalar(&op)) {
        return;
      }
    }
    if (!randn || !chain || !stateStore || stateStore.getValue() != chain.getResult())
      return;
    Value slot = stateStore.getSlot();
    auto alloc = slot.getDefiningOp<AllocVarOp>();
    if (!alloc || alloc.getWorkspace() || alloc.getShared())
      return;
    // The chain's inputs: S (read in the body), Z, loop-invariant scalars.
    Value z = randn.getResult(0);
    int sIdx = -1, zIdx = -1;
    SmallVector<Value> scalars;
    SmallVector<int> scalarIdx;
    std::function<bool(Value)> invariant = [&](Value v) -> bool {
      if (v.getParentBlock() != l.body)
        return v.getParentBlock() != l.header && v.getParentBlock() != l.latch;
      if (v.getDefiningOp<arith::ConstantOp>())
        return true;
      if (auto ld = v.getDefiningOp<LoadVarOp>())
        return v.getType().isF64() && !storedInLoop(l, ld.getSlot());
      Operation *d = v.getDefiningOp();
      return d && isPureScalar(d) && llvm::all_of(d->getOperands(), invariant);
    };
    for (auto [k, in] : llvm::enumerate(chain.getInputs())) {
      if (in == z && zIdx < 0) {
        zIdx = (int)k;
      } else if (auto ld = in.getDefiningOp<LoadVarOp>();
                 ld && ld.getSlot() == slot && ld->getBlock() == l.body && sIdx < 0) {
        sIdx = (int)k;
      } else if (in.getType().isF64() && invariant(in)) {
        scalars.push_back(in);
        scalarIdx.push_back((int)k);
      } else {
        return;
      }
    }
    if (sIdx < 0 || zIdx < 0)
      return;
    for (Value a : randn.getArgs())
      if (!invariant(a))
        return;
    for (Value v : l.element->getOperands())
      if (v.getParentBlock() == l.body)
        return; // (range operands are computed before the loop)
    // Z only feeds the chain (and its variable); S is read only by the
    // chain, in the loop; Z's variable is not read in the loop.
    for (Operation *u : z.getUsers())
      if (u != chain.getOperation() && u != drawStore.getOperation() &&
          !isa<ReleaseOp>(u))
        return;
    if (drawStore) {
      auto za = drawStore.getSlot().getDefiningOp<AllocVarOp>();
      if (!za || za.getWorkspace() || za.getShared() || za == alloc)
        return;
      for (Operation *u : drawStore.getSlot().getUsers())
        if (u->getBlock() == l.body && u != drawStore.getOperation())
          return;
    }
    for (Operation *u : slot.getUsers())
      if (u->getBlock() == l.body && u != stateStore.getOperation() &&
          !(isa<LoadVarOp>(u) && llvm::all_of(u->getResult(0).getUsers(),
                                               [&](Operation *x) {
                                                 return x == chain.getOperation();
                                               })))
        return;

    // Before the loop: S, the invariants, the fused loop.
    Operation *enter = l.pre->getTerminator();
    OpBuilder b(enter);
    Location loc = chain.getLoc();
    MLIRContext *ctx = b.getContext();
    IRMapping pre; // body values -> their copies before the loop
    std::function<Value(Value)> hoist = [&](Value v) -> Value {
      if (v.getParentBlock() != l.body)
        return v;
      if (Value m = pre.lookupOrNull(v))
        return m;
      Operation *d = v.getDefiningOp();
      for (Value o : d->getOperands())
        hoist(o);
      Value c = b.clone(*d, pre)->getResult(0);
      pre.map(v, c);
      return c;
    };
    auto sInit = LoadVarOp::create(b, loc, ValueType::get(ctx), slot, StringAttr(),
                                   b.getUnitAttr());
    SmallVector<Value> dims, hoisted;
    for (Value a : randn.getArgs())
      dims.push_back(hoist(a));
    for (Value s : scalars)
      hoisted.push_back(hoist(s));
    Type valueTy = ValueType::get(ctx);
    auto fused = FusedRngLoopOp::create(
        b, loc, TypeRange{b.getI1Type(), valueTy, valueTy}, sInit, l.count, dims,
        hoisted, drawStore ? b.getUnitAttr() : UnitAttr());
    // body: the chain's, its arguments in the order (S, Z, scalars).
    Block *body = new Block();
    fused.getBody().push_back(body);
    Type f64 = b.getF64Type();
    IRMapping bm;
    Block &old = chain.getBody().front();
    bm.map(old.getArgument(sIdx), body->addArgument(f64, loc));
    bm.map(old.getArgument(zIdx), body->addArgument(f64, loc));
    for (int k : scalarIdx)
      bm.map(old.getArgument(k), body->addArgument(f64, loc));
    OpBuilder bb = OpBuilder::atBlockEnd(body);
    for (Operation &op : old)
      bb.clone(op, bm);

    // done: S and the loop variable as the last iteration leaves them, then
    // past the loop; otherwise the loop.
    Block *fast = new Block();
    l.exit->getParent()->getBlocks().insert(l.exit->getIterator(), fast);
    OpBuilder fb = OpBuilder::atBlockEnd(fast);
    StoreVarOp::create(fb, loc, fused.getResult(), slot);
    ReleaseOp::create(fb, loc, fused.getResult());
    if (drawStore) {
      StoreVarOp::create(fb, loc, fused.getDraw(), drawStore.getSlot());
      ReleaseOp::create(fb, loc, fused.getDraw());
    }
    Value one = arith::ConstantOp::create(fb, loc, fb.getI64IntegerAttr(1));
    Value lastIdx = arith::SubIOp::create(fb, loc, l.count, one);
    IRMapping em;
    em.map(l.header->getArgument(0), lastIdx);
    Operation *last = fb.clone(*l.element, em);
    StoreVarOp::create(fb, loc, last->getResult(0), l.varStore.getSlot());
    if (isa<ValueType>(last->getResult(0).getType()))
      ReleaseOp::create(fb, loc, last->getResult(0));
    cf::BranchOp::create(fb, loc, l.exit);
    auto enterBr = cast<cf::BranchOp>(enter);
    b.setInsertionPoint(enter);
    cf::CondBranchOp::create(b, loc, fused.getDone(), fast, ValueRange{},
                             l.header, enterBr.getDestOperands());
    enter->erase();
    ++numLoops;
    if (report)
      fused.emitRemark() << "fused a loop of randn draws and an elementwise "
                            "update into one kernel";
  }
};

} // namespace
