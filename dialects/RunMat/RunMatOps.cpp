//===- RunMatOps.cpp - Verifiers of the runmat dialect's ops --------------===//
#include "RunMat/RunMatOps.h"

#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace runmat;

namespace {
bool isValueType(Type t) { return isa<ValueType>(t); }

/// Binary operators: both operands f64, or both !runmat.value; the result is
/// i1 for predicates on scalars, else the operand type.
template <typename OpT> LogicalResult verifyBinary(OpT op) {
  Type l = op.getLhs().getType(), r = op.getRhs().getType();
  if (l != r)
    return op.emitOpError("operands must both be f64 or both be !runmat.value, got ")
           << l << " and " << r;
  if (l.isInteger(1))
    return op.emitOpError("scalar operands must be f64 (convert i1 first)");
  Type expected = l;
  if (OpT::kIsPredicate && l.isF64())
    expected = IntegerType::get(op.getContext(), 1);
  if (op.getResult().getType() != expected)
    return op.emitOpError("result type must be ") << expected;
  return success();
}

template <typename OpT> LogicalResult verifyUnary(OpT op) {
  Type t = op.getInput().getType();
  if (t.isInteger(1))
    return op.emitOpError("scalar operand must be f64 (convert i1 first)");
  Type expected = t;
  if (OpT::kIsPredicate && t.isF64())
    expected = IntegerType::get(op.getContext(), 1);
  if (op.getResult().getType() != expected)
    return op.emitOpError("result type must be ") << expected;
  return success();
}
} // namespace

#define RUNMAT_BINARY_VERIFIER(OP)                                             \
  LogicalResult OP::verify() { return verifyBinary(*this); }
RUNMAT_BINARY_VERIFIER(PlusOp)
RUNMAT_BINARY_VERIFIER(MinusOp)
RUNMAT_BINARY_VERIFIER(TimesOp)
RUNMAT_BINARY_VERIFIER(RDivideOp)
RUNMAT_BINARY_VERIFIER(LDivideOp)
RUNMAT_BINARY_VERIFIER(PowerOp)
RUNMAT_BINARY_VERIFIER(MTimesOp)
RUNMAT_BINARY_VERIFIER(MRDivideOp)
RUNMAT_BINARY_VERIFIER(MLDivideOp)
RUNMAT_BINARY_VERIFIER(MPowerOp)
RUNMAT_BINARY_VERIFIER(EqOp)
RUNMAT_BINARY_VERIFIER(NeOp)
RUNMAT_BINARY_VERIFIER(LtOp)
RUNMAT_BINARY_VERIFIER(LeOp)
RUNMAT_BINARY_VERIFIER(GtOp)
RUNMAT_BINARY_VERIFIER(GeOp)
RUNMAT_BINARY_VERIFIER(AndOp)
RUNMAT_BINARY_VERIFIER(OrOp)
#undef RUNMAT_BINARY_VERIFIER

LogicalResult NegOp::verify() { return verifyUnary(*this); }
LogicalResult NotOp::verify() { return verifyUnary(*this); }
LogicalResult CTransposeOp::verify() { return verifyUnary(*this); }
LogicalResult TransposeOp::verify() { return verifyUnary(*this); }

LogicalResult DenseMatrixOp::verify() {
  auto t = cast<ShapedType>(getValues().getType());
  if (t.getRank() != 2 || t.getDimSize(0) < 1 || t.getDimSize(1) < 1)
    return emitOpError("needs a 2-D tensor with at least one row and one column");
  return success();
}

LogicalResult ConcatOp::verify() {
  int64_t total = 0;
  for (int64_t n : getRowLengths()) {
    if (n < 0)
      return emitOpError("row lengths must be non-negative");
    total += n;
  }
  if (total != (int64_t)getElements().size())
    return emitOpError("row lengths add up to ")
           << total << " but there are " << getElements().size()
           << " elements";
  return success();
}

LogicalResult IndexScalarOp::verify() {
  size_t n = getIndices().size();
  if (n < 1 || n > 2)
    return emitOpError("takes one or two subscripts, got ") << n;
  return success();
}

LogicalResult EndOp::verify() {
  int64_t pos = getPosition(), count = getCount();
  if (count < 1 || pos < 0 || pos >= count)
    return emitOpError("position ") << pos << " is not within " << count
                                    << " subscripts";
  return success();
}

LogicalResult IndexAssignOp::verify() {
  Type elem = cast<SlotType>(getSlot().getType()).getElementType();
  if (!isValueType(elem))
    return emitOpError("the slot must hold !runmat.value, not ") << elem;
  size_t n = getIndices().size();
  if (n == 0)
    return emitOpError("needs at least one subscript");
  bool scalarForm = getRhs().getType().isF64();
  for (Value idx : getIndices()) {
    if (scalarForm && !idx.getType().isF64())
      return emitOpError("an f64 right-hand side needs f64 subscripts");
    if (!scalarForm && !isValueType(idx.getType()))
      return emitOpError("subscripts must be !runmat.value");
  }
  if (scalarForm && n > 2)
    return emitOpError("the scalar form takes one or two subscripts");
  if (!scalarForm && !isValueType(getRhs().getType()))
    return emitOpError("the right-hand side must be f64 or !runmat.value");
  if (getIsDelete() && scalarForm)
    return emitOpError("deletion needs the !runmat.value form");
  return success();
}

/// A subscript chain: one count per kind, counts adding up to the operands,
/// one operand per field level.
static LogicalResult verifyChain(Operation *op, ArrayRef<int32_t> kinds,
                                 ArrayRef<int64_t> counts, size_t nargs) {
  if (kinds.size() != counts.size())
    return op->emitOpError("needs one count per level, got ")
           << counts.size() << " counts for " << kinds.size() << " levels";
  if (kinds.empty())
    return op->emitOpError("needs at least one level");
  int64_t total = 0;
  for (auto [k, n] : llvm::zip(kinds, counts)) {
    if (k < 0 || k > 2)
      return op->emitOpError("level kind must be 0 (paren), 1 (brace) or 2 (field), got ")
             << k;
    if (n < 0 || (k == 2 && n != 1))
      return op->emitOpError("a field level takes exactly one operand");
    total += n;
  }
  if (total != (int64_t)nargs)
    return op->emitOpError("counts add up to ")
           << total << " but there are " << nargs << " operands";
  return success();
}

LogicalResult SubsrefOp::verify() {
  return verifyChain(*this, getKinds(), getCounts(), getArgs().size());
}

LogicalResult SubsasgnOp::verify() {
  if (!isa<ValueType>(cast<SlotType>(getSlot().getType()).getElementType()))
    return emitOpError("the slot must hold !runmat.value");
  return verifyChain(*this, getKinds(), getCounts(), getArgs().size());
}

LogicalResult AllocVarOp::verify() {
  bool boxed = isa<ValueType>(cast<SlotType>(getSlot().getType()).getElementType());
  if ((getWorkspace() || getShared()) && !boxed)
    return emitOpError("workspace and shared variables must hold "
                       "!runmat.value");
  if (getWorkspace() && getShared())
    return emitOpError("a variable is either a workspace or a shared one");
  return success();
}

/// The regions of a fused op: `body` takes an f64 per input and yields f64,
/// `fallback` takes the inputs and yields a value.
/// With `indexed`, body takes one more f64 last: the element's linear index.
static LogicalResult verifyFusedRegions(Operation *op, ValueRange inputs,
                                        Region &bodyRegion, Region &fbRegion,
                                        bool indexed = false) {
  Block &body = bodyRegion.front(), &fallback = fbRegion.front();
  size_t n = inputs.size();
  if (body.getNumArguments() != n + (indexed ? 1 : 0) ||
      fallback.getNumArguments() != n)
    return op->emitOpError("body and fallback take one argument per input")
           << (indexed ? " (and body the element's index)" : "");
  if (indexed && !body.getArguments().back().getType().isF64())
    return op->emitOpError("body's index argument must be f64");
  for (auto [k, in] : llvm::enumerate(inputs)) {
    Type t = in.getType();
    if (!t.isF64() && !isa<ValueType>(t))
      return op->emitOpError("input ") << k << " must be f64 or !runmat.value";
    if (!body.getArgument(k).getType().isF64())
      return op->emitOpError("body argument ") << k << " must be f64";
    if (fallback.getArgument(k).getType() != t)
      return op->emitOpError("fallback argument ")
             << k << " must have the input's type";
  }
  auto bodyYield = dyn_cast<YieldOp>(body.getTerminator());
  auto fbYield = dyn_cast<YieldOp>(fallback.getTerminator());
  if (!bodyYield || !fbYield)
    return op->emitOpError("regions must end with runmat.yield");
  if (!bodyYield.getValue().getType().isF64())
    return op->emitOpError("body must yield f64");
  if (!isa<ValueType>(fbYield.getValue().getType()))
    return op->emitOpError("fallback must yield !runmat.value");
  return success();
}

/// A fused region's size and loop: a shape of two sizes (then the body
/// takes the element's index too), or at least one array input.
static LogicalResult verifyFusedLoop(Operation *op, ValueRange inputs,
                                     ValueRange shape, Region &body,
                                     Region &fallback) {
  if (!shape.empty() && shape.size() != 2)
    return op->emitOpError("shape takes two sizes (rows, columns)");
  if (shape.empty() &&
      llvm::none_of(inputs, [](Value v) { return isa<ValueType>(v.getType()); }))
    return op->emitOpError("needs at least one array input (or a shape)");
  return verifyFusedRegions(op, inputs, body, fallback, !shape.empty());
}

LogicalResult FusedElementwiseOp::verify() {
  return verifyFusedLoop(*this, getInputs(), getShape(), getBody(), getFallback());
}

LogicalResult FusedReduceOp::verify() {
  if (getKind() != "sum" && getKind() != "mean")
    return emitOpError("kind must be \"sum\" or \"mean\"");
  int64_t dim = static_cast<int64_t>(getDim());
  if (dim < -1 || dim > 2)
    return emitOpError("dim must be -1 ('all'), 0 (default), 1 or 2");
  return verifyFusedLoop(*this, getInputs(), getShape(), getBody(), getFallback());
}

LogicalResult FusedRngLoopOp::verify() {
  if (getDims().empty())
    return emitOpError("needs the size of the random draw");
  Block &body = getBody().front();
  if (body.getNumArguments() != 2 + getScalars().size() ||
      llvm::any_of(body.getArgumentTypes(), [](Type t) { return !t.isF64(); }))
    return emitOpError("body takes f64 arguments: the element of the state, "
                       "the draw and each scalar");
  auto y = dyn_cast<YieldOp>(body.getTerminator());
  if (!y || !y.getValue().getType().isF64())
    return emitOpError("body must yield an f64");
  return success();
}

#define GET_OP_CLASSES
#include "RunMat/RunMatOps.cpp.inc"
