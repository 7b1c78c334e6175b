//===- RunMatToLLVM.cpp - convert-runmat-to-llvm --------------------------===//
//
// Lowers the runmat dialect to the LLVM dialect: native scalar operators to
// arith (then LLVM), `!runmat.value` to `!llvm.ptr` with calls into the
// runtime's C ABI (runtime/include/runmat/rt/abi.h), slots to allocas.
//
//===----------------------------------------------------------------------===//
#include "runmat/Conversion/Passes.h"

#include "RunMat/RunMatOps.h"
#include "runmat/rt/abi.h"
#include "runmat/Conversion/RunMatToSPIRV/ElementwiseKernel.h"
#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVM.h"
#include "mlir/Conversion/LLVMCommon/ConversionTarget.h"
#include "mlir/Conversion/LLVMCommon/Pattern.h"
#include "mlir/Conversion/LLVMCommon/TypeConverter.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/DialectConversion.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/xxhash.h"

namespace runmat {
#define GEN_PASS_DEF_CONVERTRUNMATTOLLVMPASS
#include "runmat/Conversion/Passes.h.inc"
} // namespace runmat

using namespace mlir;
using namespace runmat;

namespace {

//===----------------------------------------------------------------------===//
// Helpers: runtime declarations, string constants, entry-block allocas
//===----------------------------------------------------------------------===//

struct RtBuilder {
  ConversionPatternRewriter &rw;
  Location loc;
  Operation *op;

  MLIRContext *ctx() const { return rw.getContext(); }
  Type ptr() const { return LLVM::LLVMPointerType::get(ctx()); }
  Type f64() const { return Float64Type::get(ctx()); }
  Type i64() const { return IntegerType::get(ctx(), 64); }
  Type i32() const { return IntegerType::get(ctx(), 32); }
  Type i1() const { return IntegerType::get(ctx(), 1); }
  Type voidTy() const { return LLVM::LLVMVoidType::get(ctx()); }

  ModuleOp module() const { return op->getParentOfType<ModuleOp>(); }

  /// Declares (once) and calls runtime function `name`.
  Value call(StringRef name, Type result, ArrayRef<Type> params,
             ValueRange args) {
    ModuleOp m = module();
    auto fn = m.lookupSymbol<LLVM::LLVMFuncOp>(name);
    if (!fn) {
      OpBuilder::InsertionGuard g(rw);
      rw.setInsertionPointToStart(m.getBody());
      fn = LLVM::LLVMFuncOp::create(
          rw, m.getLoc(), name, LLVM::LLVMFunctionType::get(result, params));
    }
    auto c = LLVM::CallOp::create(rw, loc, fn, args);
    return isa<LLVM::LLVMVoidType>(result) ? Value() : c.getResult();
  }

  Value constI64(int64_t v) {
    return LLVM::ConstantOp::create(rw, loc, i64(), rw.getI64IntegerAttr(v));
  }
  Value constI32(int32_t v) {
    return LLVM::ConstantOp::create(rw, loc, i32(), rw.getI32IntegerAttr(v));
  }
  Value constF64(double v) {
    return LLVM::ConstantOp::create(rw, loc, f64(), rw.getF64FloatAttr(v));
  }
  Value nullPtr() { return LLVM::ZeroOp::create(rw, loc, ptr()); }

  /// The address of a private NUL-terminated global holding `text`, shared
  /// by every use of the same text in the module.
  Value str(StringRef text) {
    ModuleOp m = module();
    std::string name =
        "__rm_str_" + llvm::utohexstr(llvm::xxh3_64bits(text), true) + "_" +
        std::to_string(text.size());
    auto global = m.lookupSymbol<LLVM::GlobalOp>(name);
    if (!global) {
      OpBuilder::InsertionGuard g(rw);
      rw.setInsertionPointToStart(m.getBody());
      std::string data = text.str();
      data.push_back('\0');
      auto type = LLVM::LLVMArrayType::get(IntegerType::get(ctx(), 8), data.size());
      global = LLVM::GlobalOp::create(rw, m.getLoc(), type, /*isConstant=*/true,
                                      LLVM::Linkage::Private, name,
                                      rw.getStringAttr(data), /*alignment=*/1);
    }
    return LLVM::AddressOfOp::create(rw, loc, global);
  }

  /// The address of a private constant holding `bytes` (4-byte aligned: a
  /// SPIR-V binary), shared by every use of the same bytes in the module.
  Value blob(StringRef bytes) {
    ModuleOp m = module();
    std::string name = "__rm_blob_" + llvm::utohexstr(llvm::xxh3_64bits(bytes), true);
    auto global = m.lookupSymbol<LLVM::GlobalOp>(name);
    if (!global) {
      OpBuilder::InsertionGuard g(rw);
      rw.setInsertionPointToStart(m.getBody());
      auto type = LLVM::LLVMArrayType::get(IntegerType::get(ctx(), 8), bytes.size());
      global = LLVM::GlobalOp::create(rw, m.getLoc(), type, /*isConstant=*/true,
                                      LLVM::Linkage::Private, name,
                                      rw.getStringAttr(bytes), /*alignment=*/4);
    }
    return LLVM::AddressOfOp::create(rw, loc, global);
  }

  /// An alloca of `n` elements of `elem` in the function's entry block.
  Value entryAlloca(Type elem, int64_t n) {
    Block *entry = nullptr;
    if (auto f = op->getParentOfType<LLVM::LLVMFuncOp>())
      entry = &f.getBody().front();
    else if (auto f = op->getParentOfType<func::FuncOp>())
      entry = &f.getBody().front();
    OpBuilder::InsertionGuard g(rw);
    rw.setInsertionPointToStart(entry);
    Value count = LLVM::ConstantOp::create(rw, loc, i64(), rw.getI64IntegerAttr(n));
    return LLVM::AllocaOp::create(rw, loc, ptr(), elem, count, /*alignment=*/8);
  }

  /// A constant array of integers in an entry-block alloca; its address.
  template <typename T> Value intArray(ArrayRef<T> vals, Type elem) {
    Value arr = entryAlloca(elem, std::max<size_t>(vals.size(), 1));
    for (auto [i, n] : llvm::enumerate(vals)) {
      Value p = LLVM::GEPOp::create(rw, loc, ptr(), elem, arr,
                                    ArrayRef<LLVM::GEPArg>{(int32_t)i});
      Value c = LLVM::ConstantOp::create(rw, loc, elem,
                                         rw.getIntegerAttr(elem, (int64_t)n));
      LLVM::StoreOp::create(rw, loc, c, p);
    }
    return arr;
  }

  /// Whether variables of the enclosing function must stay in memory (it
  /// contains a try: setjmp/longjmp would lose values kept in registers).
  bool volatileSlots() const {
    if (auto f = op->getParentOfType<func::FuncOp>())
      return f->hasAttr("runmat.has_try");
    if (auto f = op->getParentOfType<LLVM::LLVMFuncOp>())
      return f->hasAttr("runmat.has_try");
    return false;
  }

  /// Stores `values` (pointers) into an entry-block array; returns its address.
  Value ptrArray(ValueRange values) {
    if (values.empty())
      return nullPtr();
    Value arr = entryAlloca(ptr(), values.size());
    for (auto [i, v] : llvm::enumerate(values)) {
      Value slot = LLVM::GEPOp::create(rw, loc, ptr(), ptr(), arr,
                                       ArrayRef<LLVM::GEPArg>{(int32_t)i});
      LLVM::StoreOp::create(rw, loc, v, slot);
    }
    return arr;
  }

  /// Boxes a converted native scalar (f64 or i1) into a new value.
  Value box(Value v) {
    if (v.getType().isF64())
      return call("rm_from_f64", ptr(), {f64()}, {v});
    Value ext = LLVM::ZExtOp::create(rw, loc, i32(), v);
    return call("rm_from_bool", ptr(), {i32()}, {ext});
  }

  /// Converts an owned value to `type` (f64 or i1), releasing it.
  Value unboxAndRelease(Value v, Type type) {
    Value x = call("rm_to_f64", f64(), {ptr()}, {v});
    call("rm_release", voidTy(), {ptr()}, {v});
    if (type.isF64())
      return x;
    Value zero = constF64(0.0);
    return LLVM::FCmpOp::create(rw, loc, LLVM::FCmpPredicate::une, x, zero);
  }

  /// Splits the block at the insertion point: if `ok` is false, calls
  /// `onFail` (which must not return) in a new block. Continues after.
  void guard(Value ok, llvm::function_ref<void()> onFail) {
    Block *cur = rw.getInsertionBlock();
    Block *cont = rw.splitBlock(cur, rw.getInsertionPoint());
    Block *fail = rw.createBlock(cont);
    rw.setInsertionPointToStart(fail);
    onFail();
    LLVM::UnreachableOp::create(rw, loc);
    rw.setInsertionPointToEnd(cur);
    LLVM::CondBrOp::create(rw, loc, ok, cont, fail);
    rw.setInsertionPointToStart(cont);
  }
};

template <typename Op>
struct RtPattern : public ConvertOpToLLVMPattern<Op> {
  using ConvertOpToLLVMPattern<Op>::ConvertOpToLLVMPattern;
  using OpAdaptor = typename Op::Adaptor;
  RtBuilder rt(ConversionPatternRewriter &rw, Op op) const {
    return RtBuilder{rw, op.getLoc(), op.getOperation()};
  }
};

/// The LLVM struct a scalar slot lowers to: {value, assigned flag}.
Type scalarSlotStruct(MLIRContext *ctx, Type elem) {
  return LLVM::LLVMStructType::getLiteral(ctx, {elem, IntegerType::get(ctx, 1)});
}

Type slotElem(Value slot) {
  return cast<SlotType>(slot.getType()).getElementType();
}

//===----------------------------------------------------------------------===//
// Constants and conversions
//===----------------------------------------------------------------------===//

struct StringLowering : RtPattern<StringOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(StringOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    StringRef s = op.getValue();
    Value p = b.str(s);
    rw.replaceOp(op, b.call("rm_from_string", b.ptr(), {b.ptr(), b.i64()},
                            {p, b.constI64(s.size())}));
    return success();
  }
};

struct DenseMatrixLowering : RtPattern<DenseMatrixOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(DenseMatrixOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    auto values = cast<DenseElementsAttr>(op.getValues());
    auto type = cast<ShapedType>(values.getType());
    SmallVector<double> v(values.getValues<double>()); // row by row
    StringRef bytes(reinterpret_cast<const char *>(v.data()), v.size() * sizeof(double));
    rw.replaceOp(op, b.call("rm_from_doubles", b.ptr(), {b.i64(), b.i64(), b.ptr()},
                            {b.constI64(type.getDimSize(0)),
                             b.constI64(type.getDimSize(1)), b.blob(bytes)}));
    return success();
  }
};

template <typename Op>
struct NullaryLowering : RtPattern<Op> {
  NullaryLowering(LLVMTypeConverter &tc, StringRef fn)
      : RtPattern<Op>(tc), fn(fn.str()) {}
  LogicalResult matchAndRewrite(Op op, typename Op::Adaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = this->rt(rw, op);
    rw.replaceOp(op, b.call(fn, b.ptr(), {}, {}));
    return success();
  }
  std::string fn;
};

struct BoxLowering : RtPattern<BoxOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(BoxOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    rw.replaceOp(op, rt(rw, op).box(a.getInput()));
    return success();
  }
};

struct UnboxLowering : RtPattern<UnboxOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(UnboxOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    rw.replaceOp(op, b.call("rm_to_f64", b.f64(), {b.ptr()}, {a.getInput()}));
    return success();
  }
};

struct TruthLowering : RtPattern<TruthOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(TruthOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    Value t = b.call(op.getScalar() ? "rm_truth_scalar" : "rm_truth", b.i32(),
                     {b.ptr()}, {a.getInput()});
    rw.replaceOp(op, LLVM::TruncOp::create(rw, op.getLoc(), b.i1(), t));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Operators
//===----------------------------------------------------------------------===//

/// pow(x, y) with the zero base taken apart: libmvec's vector pow handles a
/// zero lane by calling the scalar pow for it (about 4x slower per element
/// when half the lanes are zero, as after max(., 0)), so the vector call
/// gets 1 in place of a zero base and the zero case is made with selects,
/// by C99's rules (which glibc's pow follows): pow(+-0, y) is 1 for y = 0,
/// +0 for y > 0, +Inf for y < 0, NaN for NaN, negated when the zero is -0
/// and y an odd integer. A constant integer exponent (x.^2, which LLVM
/// makes x*x) keeps the plain call.
Value guardedPow(RtBuilder &b, Value x, Value y) {
  auto &rw = b.rw;
  Location loc = b.loc;
  FloatAttr f;
  if (matchPattern(y, m_Constant(&f))) {
    double k = f.getValueAsDouble();
    if (std::trunc(k) == k && std::fabs(k) <= 64)
      return LLVM::PowOp::create(rw, loc, x, y);
  }
  auto fcmp = [&](LLVM::FCmpPredicate p, Value a, Value c) {
    return LLVM::FCmpOp::create(rw, loc, p, a, c).getResult();
  };
  auto sel = [&](Value c, Value t, Value f) {
    return LLVM::SelectOp::create(rw, loc, c, t, f).getResult();
  };
  Value zero = b.constF64(0.0), one = b.constF64(1.0);
  Value isZero = fcmp(LLVM::FCmpPredicate::oeq, x, zero);
  Value p = LLVM::PowOp::create(rw, loc, sel(isZero, one, x), y);
  // |pow(+-0, y)|: 1 (y = 0), 0 (y > 0), Inf (y < 0), NaN (y NaN).
  Value mag = sel(fcmp(LLVM::FCmpPredicate::oeq, y, zero), one,
                  sel(fcmp(LLVM::FCmpPredicate::ogt, y, zero), zero,
                      sel(fcmp(LLVM::FCmpPredicate::olt, y, zero),
                          b.constF64(INFINITY), y)));
  // Negative when x is -0 and y an odd integer (|y| < 2^53, y = trunc(y),
  // y/2 not an integer).
  Value half = LLVM::FMulOp::create(rw, loc, y, b.constF64(0.5));
  Value oddInt = LLVM::AndOp::create(
      rw, loc,
      LLVM::AndOp::create(rw, loc,
                          fcmp(LLVM::FCmpPredicate::oeq,
                               LLVM::FTruncOp::create(rw, loc, y), y),
                          fcmp(LLVM::FCmpPredicate::olt,
                               LLVM::FAbsOp::create(rw, loc, y),
                               b.constF64(9007199254740992.0))),
      fcmp(LLVM::FCmpPredicate::une, LLVM::FTruncOp::create(rw, loc, half),
           half));
  Value bits = LLVM::BitcastOp::create(rw, loc, rw.getI64Type(), x);
  Value negZero = LLVM::ICmpOp::create(
      rw, loc, LLVM::ICmpPredicate::slt, bits,
      LLVM::ConstantOp::create(rw, loc, rw.getI64Type(), rw.getI64IntegerAttr(0)));
  Value neg = LLVM::AndOp::create(rw, loc, negZero, oddInt);
  Value zr = sel(neg, LLVM::FNegOp::create(rw, loc, mag), mag);
  return sel(isZero, zr, p);
}

/// Native scalar form of a binary operator on f64.
Value nativeBinary(RtBuilder &b, int kind, Value l, Value r) {
  auto &rw = b.rw;
  Location loc = b.loc;
  auto cmp = [&](LLVM::FCmpPredicate p) {
    return LLVM::FCmpOp::create(rw, loc, p, l, r).getResult();
  };
  auto nonzero = [&](Value x) {
    return LLVM::FCmpOp::create(rw, loc, LLVM::FCmpPredicate::une, x,
                                b.constF64(0.0))
        .getResult();
  };
  switch (kind) {
  case RM_OP_PLUS:
    return LLVM::FAddOp::create(rw, loc, l, r);
  case RM_OP_MINUS:
    return LLVM::FSubOp::create(rw, loc, l, r);
  case RM_OP_TIMES:
  case RM_OP_MTIMES:
    return LLVM::FMulOp::create(rw, loc, l, r);
  case RM_OP_RDIVIDE:
  case RM_OP_MRDIVIDE:
    return LLVM::FDivOp::create(rw, loc, l, r);
  case RM_OP_LDIVIDE:
  case RM_OP_MLDIVIDE:
    return LLVM::FDivOp::create(rw, loc, r, l);
  case RM_OP_POWER:
  case RM_OP_MPOWER:
    return guardedPow(b, l, r);
  case RM_OP_EQ:
    return cmp(LLVM::FCmpPredicate::oeq);
  case RM_OP_NE:
    return cmp(LLVM::FCmpPredicate::une);
  case RM_OP_LT:
    return cmp(LLVM::FCmpPredicate::olt);
  case RM_OP_LE:
    return cmp(LLVM::FCmpPredicate::ole);
  case RM_OP_GT:
    return cmp(LLVM::FCmpPredicate::ogt);
  case RM_OP_GE:
    return cmp(LLVM::FCmpPredicate::oge);
  case RM_OP_AND:
    return LLVM::AndOp::create(rw, loc, nonzero(l), nonzero(r));
  case RM_OP_OR:
    return LLVM::OrOp::create(rw, loc, nonzero(l), nonzero(r));
  }
  return nullptr;
}

template <typename Op>
struct BinaryLowering : RtPattern<Op> {
  using RtPattern<Op>::RtPattern;
  LogicalResult matchAndRewrite(Op op, typename Op::Adaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = this->rt(rw, op);
    if (op.getLhs().getType().isF64()) {
      // NaN operands of & and | are an error in MATLAB; the scalar form
      // is only emitted by the front end where that cannot matter.
      rw.replaceOp(op, nativeBinary(b, Op::kAbiKind, a.getLhs(), a.getRhs()));
      return success();
    }
    rw.replaceOp(op, b.call("rm_binop", b.ptr(), {b.i32(), b.ptr(), b.ptr()},
                            {b.constI32(Op::kAbiKind), a.getLhs(), a.getRhs()}));
    return success();
  }
};

template <typename Op>
struct UnaryLowering : RtPattern<Op> {
  using RtPattern<Op>::RtPattern;
  LogicalResult matchAndRewrite(Op op, typename Op::Adaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = this->rt(rw, op);
    Value x = a.getInput();
    if (op.getInput().getType().isF64()) {
      Value r;
      if (Op::kAbiKind == RM_OP_NEG)
        r = LLVM::FNegOp::create(rw, op.getLoc(), x);
      else if (Op::kAbiKind == RM_OP_NOT)
        r = LLVM::FCmpOp::create(rw, op.getLoc(), LLVM::FCmpPredicate::oeq, x,
                                 b.constF64(0.0));
      else
        r = x; // transposes of a scalar
      rw.replaceOp(op, r);
      return success();
    }
    rw.replaceOp(op, b.call("rm_unop", b.ptr(), {b.i32(), b.ptr()},
                            {b.constI32(Op::kAbiKind), x}));
    return success();
  }
};

struct RangeLowering : RtPattern<RangeOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(RangeOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    Value step = a.getStep() ? a.getStep() : b.nullPtr();
    rw.replaceOp(op, b.call("rm_range", b.ptr(), {b.ptr(), b.ptr(), b.ptr()},
                            {a.getStart(), step, a.getStop()}));
    return success();
  }
};

/// MATLAB's colon count for f64 scalars, shared with the runtime's
/// colonRange: n = floor((b - a) / d + tol) + 1 with tol scaled to the
/// operands, 0 when the range is empty or an operand is NaN.
struct RangeCountLowering : RtPattern<RangeCountOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(RangeCountOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    rw.replaceOp(op, b.call("rm_range_count", b.i64(), {b.f64(), b.f64(), b.f64()},
                            {a.getStart(), a.getStep(), a.getStop()}));
    return success();
  }
};

/// Element k of a range with n elements: start + k*step for the first half,
/// last - (n-1-k)*step for the second, exactly as the runtime fills ranges.
/// For the common integer case both are start + k*step.
struct RangeElementLowering : RtPattern<RangeElementOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(RangeElementOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    Location loc = op.getLoc();
    Value k = LLVM::SIToFPOp::create(rw, loc, b.f64(), a.getIndex());
    Value n1 = LLVM::SubOp::create(rw, loc, a.getCount(), b.constI64(1));
    Value rem = LLVM::SIToFPOp::create(
        rw, loc, b.f64(), LLVM::SubOp::create(rw, loc, n1, a.getIndex()));
    Value lo = LLVM::FAddOp::create(rw, loc, a.getStart(),
                                    LLVM::FMulOp::create(rw, loc, k, a.getStep()));
    Value hi = LLVM::FSubOp::create(rw, loc, a.getLast(),
                                    LLVM::FMulOp::create(rw, loc, rem, a.getStep()));
    Value twoK = LLVM::AddOp::create(rw, loc, a.getIndex(), a.getIndex());
    Value firstHalf =
        LLVM::ICmpOp::create(rw, loc, LLVM::ICmpPredicate::slt, twoK, a.getCount());
    rw.replaceOp(op, LLVM::SelectOp::create(rw, loc, firstHalf, lo, hi));
    return success();
  }
};

/// The last element of a scalar range (the runtime's snapping rule).
struct RangeLastLowering : RtPattern<RangeLastOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(RangeLastOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    rw.replaceOp(op, b.call("rm_range_last", b.f64(),
                            {b.f64(), b.f64(), b.f64(), b.i64()},
                            {a.getStart(), a.getStep(), a.getStop(), a.getCount()}));
    return success();
  }
};

struct ConcatLowering : RtPattern<ConcatOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(ConcatOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    ArrayRef<int64_t> lens = op.getRowLengths();
    Value lensArr = b.entryAlloca(b.i64(), std::max<size_t>(lens.size(), 1));
    for (auto [i, n] : llvm::enumerate(lens)) {
      Value p = LLVM::GEPOp::create(rw, op.getLoc(), b.ptr(), b.i64(), lensArr,
                                    ArrayRef<LLVM::GEPArg>{(int32_t)i});
      LLVM::StoreOp::create(rw, op.getLoc(), b.constI64(n), p);
    }
    Value elems = b.ptrArray(a.getElements());
    rw.replaceOp(op, b.call("rm_concat", b.ptr(), {b.i64(), b.ptr(), b.ptr()},
                            {b.constI64(lens.size()), lensArr, elems}));
    return success();
  }
};

struct AppendLowering : RtPattern<AppendOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(AppendOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    b.call("rm_append", b.voidTy(), {b.ptr(), b.i64(), b.ptr(), b.i32()},
           {a.getSlot(), b.constI64(a.getValues().size()),
            b.ptrArray(a.getValues()), b.constI32(op.getVertical() ? 1 : 0)});
    rw.eraseOp(op);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Indexing
//===----------------------------------------------------------------------===//

struct IndexLowering : RtPattern<IndexOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(IndexOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    Value arr = b.ptrArray(a.getIndices());
    rw.replaceOp(op, b.call("rm_index", b.ptr(), {b.ptr(), b.i64(), b.ptr()},
                            {a.getBase(), b.constI64(a.getIndices().size()), arr}));
    return success();
  }
};


//===----------------------------------------------------------------------===//
// Inline fast paths for scalar indexing of real double arrays
//===----------------------------------------------------------------------===//

/// Type-based alias tags for the memory compiled code touches directly:
/// array elements ("data"), value headers ("header"), variable slots
/// ("slot") and the runtime's line counter ("line"). Distinct tags tell LLVM
/// that storing an element cannot change a header or a slot, so the header
/// loads of an inlined A(i,j) = x leave the loop (LICM).
ArrayAttr tbaaTag(MLIRContext *ctx, StringRef what) {
  auto root = LLVM::TBAARootAttr::get(ctx, StringAttr::get(ctx, "RunMat TBAA"));
  auto any = LLVM::TBAATypeDescriptorAttr::get(
      ctx, "rm.any", {LLVM::TBAAMemberAttr::get(root, 0)});
  auto type = LLVM::TBAATypeDescriptorAttr::get(
      ctx, ("rm." + what).str(), {LLVM::TBAAMemberAttr::get(any, 0)});
  return ArrayAttr::get(ctx, {LLVM::TBAATagAttr::get(type, type, 0)});
}

/// Loads the field at byte offset `off` of the value header behind `v`
/// (abi.h RM_LAYOUT_*), tagged as header memory.
Value headerField(OpBuilder &b, Location loc, Value v, int64_t off, Type t) {
  MLIRContext *ctx = b.getContext();
  Value addr = LLVM::GEPOp::create(b, loc, LLVM::LLVMPointerType::get(ctx),
                                   IntegerType::get(ctx, 8), v,
                                   ArrayRef<LLVM::GEPArg>{(int32_t)off});
  auto load = LLVM::LoadOp::create(b, loc, t, addr);
  load.setTBAATags(tbaaTag(ctx, "header"));
  return load.getResult();
}

/// Returns (creating once per module) an internal, always-inline function
/// `__rm_fast_{index,assign}_<n>` doing A(i[,j]) or A(i[,j]) = x on a real
/// double array directly, by reading the value header at abi.h's
/// RM_LAYOUT_* offsets, and calling `slowName` (the runtime entry with the
/// same signature) for everything else: other classes, shared storage (for
/// assignment), non-integer or out-of-range subscripts, growth. After
/// inlining, a loop filling a matrix runs without a runtime call per element.
LLVM::LLVMFuncOp getFastIndexFn(RtBuilder &b, bool assign, unsigned nidx,
                                StringRef slowName) {
  ConversionPatternRewriter &rw = b.rw;
  ModuleOp m = b.module();
  std::string name = (assign ? "__rm_fast_assign_" : "__rm_fast_index_") +
                     std::to_string(nidx);
  if (auto fn = m.lookupSymbol<LLVM::LLVMFuncOp>(name))
    return fn;
  SmallVector<Type> params{b.ptr()};
  params.append(nidx, b.f64());
  if (assign)
    params.push_back(b.f64());
  Type result = assign ? b.voidTy() : b.f64();
  auto fnTy = LLVM::LLVMFunctionType::get(result, params);

  OpBuilder::InsertionGuard g(rw);
  // The slow entry is declared like any runtime function.
  LLVM::LLVMFuncOp slow = m.lookupSymbol<LLVM::LLVMFuncOp>(slowName);
  rw.setInsertionPointToStart(m.getBody());
  if (!slow)
    slow = LLVM::LLVMFuncOp::create(rw, m.getLoc(), slowName, fnTy);
  auto fn = LLVM::LLVMFuncOp::create(rw, m.getLoc(), name, fnTy,
                                     LLVM::Linkage::Internal);
  fn.setAlwaysInline(true);
  Location loc = m.getLoc();
  SmallVector<Location> locs(params.size(), loc);
  Block *entry = rw.createBlock(&fn.getBody(), {}, params, locs);
  Block *check = rw.createBlock(&fn.getBody());
  Block *fast = rw.createBlock(&fn.getBody(), {}, {b.i64()}, {loc});
  Block *slowBlock = rw.createBlock(&fn.getBody());

  Type i16 = IntegerType::get(b.ctx(), 16);
  auto field = [&](Value base, int64_t off, Type t) {
    return headerField(rw, loc, base, off, t);
  };
  auto f64c = [&](double v) {
    return LLVM::ConstantOp::create(rw, loc, b.f64(), rw.getF64FloatAttr(v));
  };
  auto isInteger = [&](Value x) -> Value { // x >= 1 && x == trunc(x)
    Value ge = LLVM::FCmpOp::create(rw, loc, LLVM::FCmpPredicate::oge, x, f64c(1));
    Value t = LLVM::FTruncOp::create(rw, loc, x);
    Value eq = LLVM::FCmpOp::create(rw, loc, LLVM::FCmpPredicate::oeq, t, x);
    return LLVM::AndOp::create(rw, loc, ge, eq);
  };

  // entry: the value (through the slot for assignment); null goes slow.
  rw.setInsertionPointToStart(entry);
  Value v = entry->getArgument(0);
  if (assign) {
    auto load = LLVM::LoadOp::create(rw, loc, b.ptr(), v);
    load.setTBAATags(tbaaTag(b.ctx(), "slot"));
    v = load;
  }
  Value null = LLVM::ZeroOp::create(rw, loc, b.ptr());
  Value isNull = LLVM::ICmpOp::create(rw, loc, LLVM::ICmpPredicate::eq, v, null);
  LLVM::CondBrOp::create(rw, loc, isNull, slowBlock, check);

  // check: class, sharing, subscripts; computes the linear offset.
  rw.setInsertionPointToStart(check);
  Value kind = field(v, RM_LAYOUT_KIND, i16);
  Value zero16 = LLVM::ConstantOp::create(rw, loc, i16, rw.getI16IntegerAttr(0));
  Value ok = LLVM::ICmpOp::create(rw, loc, LLVM::ICmpPredicate::eq, kind, zero16);
  if (assign) {
    Value rc = field(v, RM_LAYOUT_REFCOUNT, b.i64());
    Value one = LLVM::ConstantOp::create(rw, loc, b.i64(), rw.getI64IntegerAttr(1));
    ok = LLVM::AndOp::create(
        rw, loc, ok, LLVM::ICmpOp::create(rw, loc, LLVM::ICmpPredicate::eq, rc, one));
  }
  Value begin = field(v, RM_LAYOUT_DATA_BEGIN, b.ptr());
  Value end = field(v, RM_LAYOUT_DATA_END, b.ptr());
  Value bytes = LLVM::SubOp::create(rw, loc,
                                    LLVM::PtrToIntOp::create(rw, loc, b.i64(), end),
                                    LLVM::PtrToIntOp::create(rw, loc, b.i64(), begin));
  Value three = LLVM::ConstantOp::create(rw, loc, b.i64(), rw.getI64IntegerAttr(3));
  Value numel = LLVM::SIToFPOp::create(
      rw, loc, b.f64(), LLVM::AShrOp::create(rw, loc, bytes, three));
  Value i = entry->getArgument(1);
  ok = LLVM::AndOp::create(rw, loc, ok, isInteger(i));
  Value lin = LLVM::FSubOp::create(rw, loc, i, f64c(1));
  if (nidx == 2) {
    // Subscripts (i, j): i within the rows, (j-1)*rows + i-1 within the
    // elements (trailing dimensions fold into the second, as MATLAB does).
    Value j = entry->getArgument(2);
    Value dims = field(v, RM_LAYOUT_DIMS, b.ptr());
    auto rowsI = LLVM::LoadOp::create(rw, loc, b.i64(), dims);
    rowsI.setTBAATags(tbaaTag(b.ctx(), "header"));
    Value rows = LLVM::SIToFPOp::create(rw, loc, b.f64(), rowsI);
    ok = LLVM::AndOp::create(
        rw, loc, ok, LLVM::FCmpOp::create(rw, loc, LLVM::FCmpPredicate::ole, i, rows));
    ok = LLVM::AndOp::create(rw, loc, ok, isInteger(j));
    Value jm1 = LLVM::FSubOp::create(rw, loc, j, f64c(1));
    lin = LLVM::FAddOp::create(rw, loc, LLVM::FMulOp::create(rw, loc, jm1, rows), lin);
  }
  ok = LLVM::AndOp::create(
      rw, loc, ok, LLVM::FCmpOp::create(rw, loc, LLVM::FCmpPredicate::olt, lin, numel));
  // The conversion to an integer happens only once lin is known in range.
  Value linI = LLVM::SelectOp::create(
      rw, loc, ok, LLVM::FPToSIOp::create(rw, loc, b.i64(), lin),
      LLVM::ConstantOp::create(rw, loc, b.i64(), rw.getI64IntegerAttr(0)));
  LLVM::CondBrOp::create(rw, loc, ok, fast, ValueRange{linI}, slowBlock, ValueRange{});

  // fast: load or store the element.
  rw.setInsertionPointToStart(fast);
  Value addr = LLVM::GEPOp::create(rw, loc, b.ptr(), b.f64(), begin,
                                   ValueRange{fast->getArgument(0)});
  if (assign) {
    auto st = LLVM::StoreOp::create(rw, loc, entry->getArgument(nidx + 1), addr);
    st.setTBAATags(tbaaTag(b.ctx(), "data"));
    LLVM::ReturnOp::create(rw, loc, ValueRange{});
  } else {
    auto x = LLVM::LoadOp::create(rw, loc, b.f64(), addr);
    x.setTBAATags(tbaaTag(b.ctx(), "data"));
    LLVM::ReturnOp::create(rw, loc, x.getResult());
  }

  // slow: the runtime entry.
  rw.setInsertionPointToStart(slowBlock);
  auto call = LLVM::CallOp::create(rw, loc, slow, entry->getArguments());
  if (assign)
    LLVM::ReturnOp::create(rw, loc, ValueRange{});
  else
    LLVM::ReturnOp::create(rw, loc, call.getResult());
  return fn;
}

//===----------------------------------------------------------------------===//
// Fused regions
//===----------------------------------------------------------------------===//

/// Element `idx` of a double data array, loaded with the data TBAA tag.
static Value loadData(ConversionPatternRewriter &rw, RtBuilder &b,
                      Location loc, Value data, Value idx) {
  Value p = LLVM::GEPOp::create(rw, loc, b.ptr(), b.f64(), data, ValueRange{idx});
  auto e = LLVM::LoadOp::create(rw, loc, b.f64(), p);
  e.setTBAATags(tbaaTag(b.ctx(), "data"));
  return e;
}

/// The block of a fused op's body to inline somewhere: the body itself, or
/// (`copy`) a copy made in `into` before `before`, for a second use.
static Block *bodyBlockToInline(ConversionPatternRewriter &rw, Region &body,
                                bool copy, Region &into, Block *before) {
  if (!copy)
    return &body.front();
  rw.cloneRegionBefore(body, into, before->getIterator());
  return before->getPrevNode();
}

/// Inlines a fused op's body (or, `copy`, a copy of it made in `into`
/// before `before`) at the end of `at`, on the elements `elems`. With
/// `single`, every operand (a double one is converted to single first) and
/// every operation's result is rounded to single: computed in f64 and
/// rounded, as the runtime computes single arithmetic (exact for + - * /
/// and sqrt of single operands). Returns the body's yield, now in `at`:
/// its value is the element's; the caller erases it.
static YieldOp inlineElement(ConversionPatternRewriter &rw, RtBuilder &b,
                             Location loc, Region &body, bool copy,
                             Region &into, Block *before, Block *at,
                             SmallVector<Value> elems, bool single) {
  rw.setInsertionPointToEnd(at);
  auto toSingle = [&](Value v) -> Value {
    Value t = LLVM::FPTruncOp::create(rw, loc, Float32Type::get(rw.getContext()), v);
    return LLVM::FPExtOp::create(rw, loc, b.f64(), t);
  };
  if (single)
    for (Value &e : elems)
      e = toSingle(e);
  Block *bodyBlock = bodyBlockToInline(rw, body, copy, into, before);
  auto bodyYield = cast<YieldOp>(bodyBlock->getTerminator());
  if (single) {
    SmallVector<Operation *> bodyOps;
    for (Operation &o : *bodyBlock)
      if (&o != bodyYield.getOperation() && o.getNumResults() == 1 &&
          o.getResult(0).getType().isF64())
        bodyOps.push_back(&o);
    for (Operation *o : bodyOps) {
      rw.setInsertionPointAfter(o);
      Value r = o->getResult(0);
      SmallVector<OpOperand *> uses;
      for (OpOperand &u : r.getUses())
        uses.push_back(&u);
      Value rounded = toSingle(r);
      for (OpOperand *u : uses)
        rw.modifyOpInPlace(u->getOwner(), [&] { u->set(rounded); });
    }
  }
  rw.inlineBlockBefore(bodyBlock, at, at->end(), elems);
  return bodyYield;
}

/// A new internal `void name_k(ptr ctx, i64 begin, i64 end)` (the first
/// free k) at the end of the module: the signature rm_parallel_for calls.
static LLVM::LLVMFuncOp newKernelFunction(ConversionPatternRewriter &rw,
                                          RtBuilder &b, Operation *op,
                                          StringRef prefix) {
  ModuleOp m = op->getParentOfType<ModuleOp>();
  std::string name;
  for (unsigned k = 0;; ++k) {
    name = (prefix + std::to_string(k)).str();
    if (!m.lookupSymbol(name))
      break;
  }
  OpBuilder::InsertionGuard guard(rw);
  rw.setInsertionPointToEnd(m.getBody());
  auto fnTy = LLVM::LLVMFunctionType::get(b.voidTy(), {b.ptr(), b.i64(), b.i64()});
  return LLVM::LLVMFuncOp::create(rw, op->getLoc(), name, fnTy, LLVM::Linkage::Internal);
}

/// Field k (8 bytes each) of a kernel's ctx, as type t.
static Value ctxField(ConversionPatternRewriter &rw, RtBuilder &b, Location loc,
                      Value ctx, unsigned k, Type t) {
  Value p = LLVM::GEPOp::create(rw, loc, b.ptr(), b.i64(), ctx,
                                ArrayRef<LLVM::GEPArg>{(int32_t)k});
  return LLVM::LoadOp::create(rw, loc, t, p);
}

/// The control flow around a fused op: the block is split at the op; `cur`
/// branches to `fallback` when `out` (the prepared result) is null, else to
/// `fast`; both end by branching to `merge`, whose argument is the op's
/// result. `block()` makes further blocks before `merge`.
struct FusedSkeleton {
  ConversionPatternRewriter &rw;
  Location loc;
  Region *region = nullptr;
  Block *fast = nullptr, *fallback = nullptr, *merge = nullptr;

  FusedSkeleton(ConversionPatternRewriter &rw, RtBuilder &b, Location loc,
                Value out)
      : rw(rw), loc(loc) {
    Block *cur = rw.getInsertionBlock();
    Block *cont = rw.splitBlock(cur, rw.getInsertionPoint());
    region = cur->getParent();
    merge = rw.createBlock(region, cont->getIterator(), {b.ptr()}, {loc});
    LLVM::BrOp::create(rw, loc, ValueRange{}, cont);
    fast = block();
    fallback = block();
    rw.setInsertionPointToEnd(cur);
    Value isNull = LLVM::ICmpOp::create(rw, loc, LLVM::ICmpPredicate::eq, out,
                                        LLVM::ZeroOp::create(rw, loc, b.ptr()));
    LLVM::CondBrOp::create(rw, loc, isNull, fallback, fast);
    rw.setInsertionPointToStart(fast);
  }
  Value result() const { return merge->getArgument(0); }
  Block *block(TypeRange args = {}) {
    SmallVector<Location> locs(args.size(), loc);
    OpBuilder::InsertionGuard g(rw);
    return rw.createBlock(region, merge->getIterator(), args, locs);
  }
};

/// The array inputs of a fused op (converted), in order.
template <typename FusedOp, typename Adaptor>
static SmallVector<Value> arrayInputs(FusedOp op, Adaptor a) {
  SmallVector<Value> arrays;
  for (auto [orig, conv] : llvm::zip(op.getInputs(), a.getInputs()))
    if (isa<ValueType>(orig.getType()))
      arrays.push_back(conv);
  return arrays;
}

/// Moves a fused op's fallback region into `dest`, which then branches to
/// `merge` with the yielded value. That value's producer is converted
/// later: a cast stands for its pointer until then (reconciled at the end of
/// the conversion).
static void inlineFallback(ConversionPatternRewriter &rw, RtBuilder &b,
                           Region &fallback, Block *dest, ValueRange inputs,
                           Block *merge) {
  Block &fbBlock = fallback.front();
  auto fbYield = cast<YieldOp>(fbBlock.getTerminator());
  rw.inlineBlockBefore(&fbBlock, dest, dest->end(), inputs);
  rw.setInsertionPoint(fbYield);
  Location loc = fbYield.getLoc();
  Value fbResult =
      UnrealizedConversionCastOp::create(rw, loc, b.ptr(), fbYield.getValue())
          .getResult(0);
  LLVM::BrOp::create(rw, loc, ValueRange{fbResult}, merge);
  rw.eraseOp(fbYield);
}

/// runmat.fused_elementwise: rm_fused_prepare checks the array inputs (real
/// double; one size, or 2-D sizes that combine by implicit expansion) and
/// allocates the result; two kernels compute the body per element, reading
/// the inputs' and writing the result's data through the value header
/// (abi.h RM_LAYOUT_*): a linear one (one size) and one over the columns of
/// the expanded result. rm_parallel_for runs the chosen kernel in chunks.
/// When prepare says no, the fallback region runs instead.
///
///   cur:       %out = rm_fused_prepare(n, arrays, layout); cond_br
///              %out == null, ^fallback, ^fast
///   fast:      ctx = {out data, inputs}; cond_br expand, ^expanding, ^linear
///   linear:    rm_parallel_for(count, grain, @kernel, ctx); br ^merge(%out)
///   expanding: ctx += {R, strides}; rm_parallel_for(count, grain,
///              @expand_kernel, ctx); br ^merge(%out)
///   fallback:  the fallback region; br ^merge(%result)
///   merge(%r): br to the rest of the original block
struct FusedElementwiseLowering : RtPattern<FusedElementwiseOp> {
  using RtPattern::RtPattern;

  /// Elements per thread below which splitting does not pay (a dispatch
  /// costs some 10 µs): fewer for bodies that call math functions.
  static int64_t kernelGrain(FusedElementwiseOp op) {
    int64_t calls = 0, ops = 0;
    for (Operation &o : op.getBody().front()) {
      ++ops;
      calls += isa<BuiltinOp>(o) || o.getDialect()->getNamespace() == "math";
    }
    return std::max<int64_t>(4096, 262144 / (1 + ops + 8 * calls));
  }

  /// `void kernel(ptr ctx, i64 begin, i64 end)`: the body over elements
  /// [begin, end) of the result. Linear (`expand` false): the inputs have
  /// the result's size. Expanding: the result is R x C, visited column by
  /// column, element (i, j) of input k at i * rs_k + j * cs_k (implicit
  /// expansion). The body region
  /// is moved into the kernel, or copied when `copy` (converted with the
  /// rest). ctx: {out, the inputs (data pointer or f64), R, (rs_k, cs_k)
  /// per input}, 8 bytes each.
  static LLVM::LLVMFuncOp buildKernel(ConversionPatternRewriter &rw,
                                      FusedElementwiseOp op, RtBuilder &b,
                                      bool expand, bool copy, bool single) {
    Location loc = op.getLoc();
    auto fn = newKernelFunction(rw, b, op, "__rm_fused_kernel_");
    OpBuilder::InsertionGuard g(rw);
    Region *region = &fn.getBody();
    Block *entry = rw.createBlock(region, {}, {b.ptr(), b.i64(), b.i64()},
                                  {loc, loc, loc});
    Block *outer = expand ? rw.createBlock(region, region->end(),
                                           {b.i64(), b.i64()}, {loc, loc})
                          : nullptr;
    Block *colpre = expand ? rw.createBlock(region, region->end()) : nullptr;
    Block *loop = rw.createBlock(region, region->end(), {b.i64()}, {loc});
    Block *body = rw.createBlock(region, region->end());
    Block *latch = expand ? rw.createBlock(region, region->end()) : nullptr;
    Block *exit = rw.createBlock(region, region->end());
    Value ctx = entry->getArgument(0), begin = entry->getArgument(1),
          end = entry->getArgument(2);
    unsigned nin = op.getInputs().size();

    // entry: the pointers, scalars (and R and the strides) out of ctx.
    rw.setInsertionPointToStart(entry);
    auto load = [&](unsigned k, Type t) { return ctxField(rw, b, loc, ctx, k, t); };
    Value outData = load(0, b.ptr());
    SmallVector<Value> data, rs, cs; // per input
    SmallVector<bool> isArray;
    for (auto [k, orig] : llvm::enumerate(op.getInputs())) {
      bool arr = isa<ValueType>(orig.getType());
      isArray.push_back(arr);
      data.push_back(load(k + 1, arr ? b.ptr() : b.f64()));
    }
    Value R, colStart;
    if (expand) {
      R = load(nin + 1, b.i64());
      for (unsigned k = 0; k < nin; ++k) {
        rs.push_back(load(nin + 2 + 2 * k, b.i64()));
        cs.push_back(load(nin + 3 + 2 * k, b.i64()));
      }
      // [begin, end) are elements of the result: from (i0, j0) on, column
      // by column (so one tall column still splits across threads).
      Value j0 = LLVM::SDivOp::create(rw, loc, begin, R);
      Value i0 = LLVM::SubOp::create(rw, loc, begin, LLVM::MulOp::create(rw, loc, j0, R));
      LLVM::BrOp::create(rw, loc, ValueRange{j0, i0}, outer);
      // outer(j, i0): the column's base pointers and its last row.
      rw.setInsertionPointToStart(outer);
      Value j = outer->getArgument(0);
      colStart = LLVM::MulOp::create(rw, loc, j, R);
      Value moreCols = LLVM::ICmpOp::create(
          rw, loc, LLVM::ICmpPredicate::slt,
          LLVM::AddOp::create(rw, loc, colStart, outer->getArgument(1)), end);
      LLVM::CondBrOp::create(rw, loc, moreCols, colpre, exit);
      rw.setInsertionPointToStart(colpre);
      Value iEnd = LLVM::SMinOp::create(rw, loc, R,
                                        LLVM::SubOp::create(rw, loc, end, colStart));
      for (unsigned k = 0; k < nin; ++k)
        if (isArray[k])
          data[k] = LLVM::GEPOp::create(rw, loc, b.ptr(), b.f64(), data[k],
                                        ValueRange{LLVM::MulOp::create(rw, loc, j, cs[k])});
      outData = LLVM::GEPOp::create(rw, loc, b.ptr(), b.f64(), outData,
                                    ValueRange{colStart});
      LLVM::BrOp::create(rw, loc, ValueRange{outer->getArgument(1)}, loop);
      R = iEnd; // the inner loop's bound
      rw.setInsertionPointToStart(latch);
      LLVM::BrOp::create(rw, loc,
                         ValueRange{LLVM::AddOp::create(rw, loc, j, b.constI64(1)),
                                    b.constI64(0)},
                         outer);
    } else {
      LLVM::BrOp::create(rw, loc, ValueRange{begin}, loop);
    }

    rw.setInsertionPointToStart(loop);
    Value i = loop->getArgument(0);
    Value more = LLVM::ICmpOp::create(rw, loc, LLVM::ICmpPredicate::slt, i,
                                      expand ? R : end);
    LLVM::CondBrOp::create(rw, loc, more, body, expand ? latch : exit);

    rw.setInsertionPointToStart(body);
    SmallVector<Value> elems;
    for (auto [k, d] : llvm::enumerate(data)) {
      if (!isArray[k]) {
        elems.push_back(d);
        continue;
      }
      Value idx = expand ? LLVM::MulOp::create(rw, loc, i, rs[k]).getResult() : i;
      elems.push_back(loadData(rw, b, loc, d, idx));
    }
    if (!op.getShape().empty()) // the element's linear index, for generators
      elems.push_back(LLVM::SIToFPOp::create(
          rw, loc, b.f64(), expand ? LLVM::AddOp::create(rw, loc, colStart, i) : i));
    auto bodyYield = inlineElement(rw, b, loc, op.getBody(), copy, *region, exit,
                                   body, elems, single);
    rw.setInsertionPoint(bodyYield);
    Value dst = LLVM::GEPOp::create(rw, loc, b.ptr(), b.f64(), outData, ValueRange{i});
    auto st = LLVM::StoreOp::create(rw, loc, bodyYield.getValue(), dst);
    st.setTBAATags(tbaaTag(b.ctx(), "data"));
    Value next = LLVM::AddOp::create(rw, loc, i, b.constI64(1));
    LLVM::BrOp::create(rw, loc, ValueRange{next}, loop);
    rw.eraseOp(bodyYield);

    rw.setInsertionPointToStart(exit);
    LLVM::ReturnOp::create(rw, loc, ValueRange{});
    return fn;
  }

  LogicalResult matchAndRewrite(FusedElementwiseOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    Location loc = op.getLoc();
    SmallVector<Value> arrays;
    SmallVector<int> arrayIndex; // per input: its position among the arrays
    for (auto [orig, conv] : llvm::zip(op.getInputs(), a.getInputs())) {
      arrayIndex.push_back(isa<ValueType>(orig.getType()) ? (int)arrays.size() : -1);
      if (isa<ValueType>(orig.getType()))
        arrays.push_back(conv);
    }
    Value layout = b.entryAlloca(b.i64(), 2 + 2 * arrays.size());
    Value arrayPtrs = b.ptrArray(arrays);
    Value out;
    if (op.getShape().empty())
      out = b.call("rm_fused_prepare", b.ptr(), {b.i64(), b.ptr(), b.ptr()},
                   {b.constI64(arrays.size()), arrayPtrs, layout});
    else
      out = b.call("rm_fused_prepare_shaped", b.ptr(),
                   {b.f64(), b.f64(), b.i64(), b.ptr(), b.ptr()},
                   {a.getShape()[0], a.getShape()[1], b.constI64(arrays.size()),
                    arrayPtrs, layout});
    // The GPU kernel, when the body has an exact f64 SPIR-V form: the
    // runtime decides whether it runs (rm_gpu_elementwise), else the CPU's.
    bool flagged = false;
    FailureOr<SmallVector<uint32_t>> spirv = buildElementwiseSPIRV(op, nullptr, &flagged);

    // The loops are outlined into kernels that rm_parallel_for runs over
    // chunks, across threads for large arrays: a linear one for arrays of
    // one size and one over columns for implicit expansion.
    unsigned nin = op.getInputs().size();
    Value ctxArr = b.entryAlloca(b.i64(), 2 + 3 * nin);
    int64_t grain = kernelGrain(op); // before the body moves to the kernels
    LLVM::LLVMFuncOp expandKernel = buildKernel(rw, op, b, true, true, false);
    LLVM::LLVMFuncOp kernelS = buildKernel(rw, op, b, false, true, true);
    LLVM::LLVMFuncOp expandKernelS = buildKernel(rw, op, b, true, true, true);
    LLVM::LLVMFuncOp kernel = buildKernel(rw, op, b, false, false, false);

    FusedSkeleton sk(rw, b, loc, out);
    Block *merge = sk.merge, *fallback = sk.fallback;
    if (succeeded(spirv)) {
      StringRef bytes(reinterpret_cast<const char *>(spirv->data()),
                      spirv->size() * sizeof(uint32_t));
      SmallVector<Value> scalarInputs;
      for (auto [orig, conv] : llvm::zip(op.getInputs(), a.getInputs()))
        if (!isa<ValueType>(orig.getType()))
          scalarInputs.push_back(conv);
      Value scalars = b.entryAlloca(b.f64(), std::max<size_t>(1, scalarInputs.size()));
      for (auto [k, v] : llvm::enumerate(scalarInputs))
        LLVM::StoreOp::create(rw, loc, v,
                              LLVM::GEPOp::create(rw, loc, b.ptr(), b.f64(), scalars,
                                                  ArrayRef<LLVM::GEPArg>{(int32_t)k}));
      Value done = b.call(
          "rm_gpu_elementwise", b.i32(),
          {b.ptr(), b.i64(), b.ptr(), b.i64(), b.ptr(), b.i64(), b.ptr(), b.ptr(),
           b.i32()},
          {b.blob(bytes), b.constI64(spirv->size()), out, b.constI64(arrays.size()),
           arrayPtrs, b.constI64(scalarInputs.size()), scalars, layout,
           b.constI32(flagged ? 1 : 0)});
      Block *cpu = sk.block();
      Value onGpu = LLVM::ICmpOp::create(rw, loc, LLVM::ICmpPredicate::ne, done,
                                         b.constI32(0));
      LLVM::CondBrOp::create(rw, loc, onGpu, merge, ValueRange{out}, cpu, ValueRange{});
      rw.setInsertionPointToStart(cpu);
    }
    Block *linear = sk.block({b.ptr()});
    Block *expanding = sk.block({b.ptr()});
    Value outBegin = headerField(rw, loc, out, RM_LAYOUT_DATA_BEGIN, b.ptr());
    Value outEnd = headerField(rw, loc, out, RM_LAYOUT_DATA_END, b.ptr());
    Value bytes = LLVM::SubOp::create(
        rw, loc, LLVM::PtrToIntOp::create(rw, loc, b.i64(), outEnd),
        LLVM::PtrToIntOp::create(rw, loc, b.i64(), outBegin));
    Value count = LLVM::AShrOp::create(rw, loc, bytes, b.constI64(3));
    auto slot = [&](Value base, unsigned k) {
      return LLVM::GEPOp::create(rw, loc, b.ptr(), b.i64(), base,
                                 ArrayRef<LLVM::GEPArg>{(int32_t)k});
    };
    auto layoutAt = [&](unsigned k) {
      return LLVM::LoadOp::create(rw, loc, b.i64(), slot(layout, k)).getResult();
    };
    LLVM::StoreOp::create(rw, loc, outBegin, slot(ctxArr, 0));
    for (auto [k, pair] : llvm::enumerate(llvm::zip(op.getInputs(), a.getInputs()))) {
      auto [orig, conv] = pair;
      Value v = isa<ValueType>(orig.getType())
                    ? headerField(rw, loc, conv, RM_LAYOUT_DATA_BEGIN, b.ptr())
                    : conv;
      LLVM::StoreOp::create(rw, loc, v, slot(ctxArr, k + 1));
    }
    Value R = layoutAt(0);
    Value flags = layoutAt(1); // bit 0: implicit expansion; bit 1: single
    Value isExpand = LLVM::ICmpOp::create(
        rw, loc, LLVM::ICmpPredicate::ne,
        LLVM::AndOp::create(rw, loc, flags, b.constI64(1)), b.constI64(0));
    Value isSingle = LLVM::ICmpOp::create(
        rw, loc, LLVM::ICmpPredicate::ne,
        LLVM::AndOp::create(rw, loc, flags, b.constI64(2)), b.constI64(0));
    auto addr = [&](LLVM::LLVMFuncOp f) {
      return LLVM::AddressOfOp::create(rw, loc, b.ptr(), f.getSymName()).getResult();
    };
    Value linFn = LLVM::SelectOp::create(rw, loc, isSingle, addr(kernelS), addr(kernel));
    Value expFn = LLVM::SelectOp::create(rw, loc, isSingle, addr(expandKernelS),
                                         addr(expandKernel));
    LLVM::CondBrOp::create(rw, loc, isExpand, expanding, ValueRange{expFn}, linear,
                           ValueRange{linFn});

    rw.setInsertionPointToStart(linear);
    b.call("rm_parallel_for", b.voidTy(), {b.i64(), b.i64(), b.ptr(), b.ptr()},
           {count, b.constI64(grain), linear->getArgument(0), ctxArr});
    LLVM::BrOp::create(rw, loc, ValueRange{out}, merge);

    // expanding: R, the strides (0 for scalars), then columns in chunks.
    rw.setInsertionPointToStart(expanding);
    LLVM::StoreOp::create(rw, loc, R, slot(ctxArr, nin + 1));
    for (unsigned k = 0; k < nin; ++k) {
      Value rsv = b.constI64(0), csv = b.constI64(0);
      if (arrayIndex[k] >= 0) {
        rsv = layoutAt(2 + 2 * arrayIndex[k]);
        csv = layoutAt(3 + 2 * arrayIndex[k]);
      }
      LLVM::StoreOp::create(rw, loc, rsv, slot(ctxArr, nin + 2 + 2 * k));
      LLVM::StoreOp::create(rw, loc, csv, slot(ctxArr, nin + 3 + 2 * k));
    }
    b.call("rm_parallel_for", b.voidTy(), {b.i64(), b.i64(), b.ptr(), b.ptr()},
           {count, b.constI64(grain), expanding->getArgument(0), ctxArr});
    LLVM::BrOp::create(rw, loc, ValueRange{out}, merge);

    // fallback: the original operations.
    inlineFallback(rw, b, op.getFallback(), fallback, a.getInputs(), merge);

    rw.replaceOp(op, sk.result());
    return success();
  }
};

/// runmat.fused_reduce: rm_fused_reduce_prepare checks the inputs as
/// rm_fused_prepare does (real double or single, one size or implicit
/// expansion), gives the result and the layout (abi.h); then one of four
/// outlined kernels (d x double/single), run by rm_parallel_for, folds the
/// R x C elements, the body computing each as it is folded in, in the
/// runtime's order of additions:
///   d = 1: chunks of RM_SUM_CHUNK elements of a column, split across
///          threads: each chunk's elements are computed and added from 0
///          in order into its partial sum (a loop that vectorises as an
///          ordered reduction); rm_fused_reduce_finish adds a column's
///          partials
///   d = 2: out[i] += e(i,j), column after column, rows split across threads
/// then rm_fused_reduce_finish (also the mean's division, single rounding).
struct FusedReduceLowering : RtPattern<FusedReduceOp> {
  using RtPattern::RtPattern;

  /// `void kernel(ptr ctx, i64 begin, i64 end)` over chunks (d = 1) or
  /// rows (d = 2) [begin, end). ctx: {out, the inputs (data pointer or
  /// f64), R, C, nch, partials, (rs_k, cs_k) per input}.
  static LLVM::LLVMFuncOp buildKernel(ConversionPatternRewriter &rw,
                                      FusedReduceOp op, RtBuilder &b, int d,
                                      bool copy, bool single) {
    Location loc = op.getLoc();
    auto fn = newKernelFunction(rw, b, op, "__rm_fused_reduce_kernel_");
    OpBuilder::InsertionGuard guard(rw);
    Region *region = &fn.getBody();
    auto blk = [&](TypeRange args) {
      SmallVector<Location> locs(args.size(), loc);
      return rw.createBlock(region, region->end(), args, locs);
    };
    Type i64 = b.i64(), f64 = b.f64();
    Block *entry = blk({b.ptr(), i64, i64});
    Block *outer = blk({i64});
    Block *pre = blk({});
    Block *loop = d == 1 ? blk({i64, f64}) : blk({i64});
    Block *body = blk({});
    Block *latch = d == 1 ? blk({f64}) : blk({});
    Block *exit = blk({});
    Value ctx = entry->getArgument(0), begin = entry->getArgument(1),
          end = entry->getArgument(2);
    unsigned nin = op.getInputs().size();

    rw.setInsertionPointToStart(entry);
    auto load = [&](unsigned k, Type t) { return ctxField(rw, b, loc, ctx, k, t); };
    Value outData = load(0, b.ptr());
    SmallVector<Value> data, rs, cs;
    SmallVector<bool> isArray;
    for (auto [k, orig] : llvm::enumerate(op.getInputs())) {
      bool arr = isa<ValueType>(orig.getType());
      isArray.push_back(arr);
      data.push_back(load(k + 1, arr ? b.ptr() : f64));
    }
    Value R = load(nin + 1, i64), C = load(nin + 2, i64), nch = load(nin + 3, i64),
          partials = load(nin + 4, b.ptr());
    for (unsigned k = 0; k < nin; ++k) {
      rs.push_back(load(nin + 5 + 2 * k, i64));
      cs.push_back(load(nin + 6 + 2 * k, i64));
    }
    // (in the entry block: an alloca in the loop would grow the stack)
    SmallVector<Value> owns(nin);
    if (d == 1)
      for (unsigned k = 0; k < nin; ++k)
        if (isArray[k])
          owns[k] = LLVM::AllocaOp::create(rw, loc, b.ptr(), f64,
                                           b.constI64(RM_SUM_CHUNK), 64);
    Value zero = b.constI64(0), one = b.constI64(1);
    auto slt = [&](Value x, Value y) {
      return LLVM::ICmpOp::create(rw, loc, LLVM::ICmpPredicate::slt, x, y).getResult();
    };
    auto gep = [&](Value base, Value idx) {
      return LLVM::GEPOp::create(rw, loc, b.ptr(), f64, base, ValueRange{idx}).getResult();
    };
    LLVM::BrOp::create(rw, loc, ValueRange{d == 1 ? begin : zero}, outer);

    // outer(g): chunk g = (column j, chunk c) for d = 1; column g for d = 2.
    rw.setInsertionPointToStart(outer);
    Value g = outer->getArgument(0);
    LLVM::CondBrOp::create(rw, loc, slt(g, d == 1 ? end : C), pre, exit);
    rw.setInsertionPointToStart(pre);
    Value j = g, i0 = begin, i1 = end;
    if (d == 1) {
      j = LLVM::SDivOp::create(rw, loc, g, nch);
      Value c = LLVM::SubOp::create(rw, loc, g, LLVM::MulOp::create(rw, loc, j, nch));
      i0 = LLVM::MulOp::create(rw, loc, c, b.constI64(RM_SUM_CHUNK));
      i1 = LLVM::SMinOp::create(rw, loc, R,
                                LLVM::AddOp::create(rw, loc, i0, b.constI64(RM_SUM_CHUNK)));
    }
    SmallVector<Value> col(data);
    for (unsigned k = 0; k < nin; ++k)
      if (isArray[k])
        col[k] = gep(data[k], LLVM::MulOp::create(rw, loc, j, cs[k]));
    Value n = d == 1 ? LLVM::SubOp::create(rw, loc, i1, i0).getResult() : Value();
    if (d == 1) {
      // Every input is read at unit stride from the chunk's start, so that
      // the loop vectorises: an input broadcast down the column (rs = 0)
      // is first copied n times into a buffer of its own.
      for (unsigned k = 0; k < nin; ++k) {
        if (!isArray[k])
          continue;
        Value own = owns[k];
        Value bcast = LLVM::ICmpOp::create(rw, loc, LLVM::ICmpPredicate::eq, rs[k], zero);
        Value x0 = loadData(rw, b, loc, col[k], zero);
        Block *cur = rw.getInsertionBlock();
        Block *fill = blk({i64}), *fillBody = blk({}), *after = blk({});
        fill->moveBefore(loop);
        fillBody->moveBefore(loop);
        after->moveBefore(loop);
        rw.setInsertionPointToEnd(cur);
        LLVM::BrOp::create(rw, loc, ValueRange{zero}, fill);
        rw.setInsertionPointToStart(fill);
        Value t = fill->getArgument(0);
        LLVM::CondBrOp::create(rw, loc,
                               LLVM::AndOp::create(rw, loc, bcast, slt(t, n)),
                               fillBody, after);
        rw.setInsertionPointToStart(fillBody);
        LLVM::StoreOp::create(rw, loc, x0, gep(own, t));
        LLVM::BrOp::create(rw, loc, ValueRange{LLVM::AddOp::create(rw, loc, t, one)}, fill);
        rw.setInsertionPointToStart(after);
        col[k] = LLVM::SelectOp::create(rw, loc, bcast, own, gep(col[k], i0));
      }
      LLVM::BrOp::create(rw, loc, ValueRange{zero, b.constF64(0.0)}, loop);
    } else {
      LLVM::BrOp::create(rw, loc, ValueRange{i0}, loop);
    }

    // loop(i): the chunk's rows [0, n) from i0 (d = 1), rows [begin, end)
    // (d = 2).
    rw.setInsertionPointToStart(loop);
    Value i = loop->getArgument(0);
    if (d == 1) {
      LLVM::CondBrOp::create(rw, loc, slt(i, n), body, ValueRange{}, latch,
                             ValueRange{loop->getArgument(1)});
    } else {
      LLVM::CondBrOp::create(rw, loc, slt(i, i1), body, latch);
    }

    rw.setInsertionPointToStart(body);
    SmallVector<Value> elems;
    for (unsigned k = 0; k < nin; ++k)
      elems.push_back(!isArray[k] ? col[k]
                      : d == 1    ? loadData(rw, b, loc, col[k], i)
                                  : loadData(rw, b, loc, col[k],
                                             LLVM::MulOp::create(rw, loc, i, rs[k])));
    if (!op.getShape().empty()) { // the element's linear index: j*R + row
      Value row = d == 1 ? LLVM::AddOp::create(rw, loc, i0, i).getResult() : i;
      elems.push_back(LLVM::SIToFPOp::create(
          rw, loc, f64,
          LLVM::AddOp::create(rw, loc, LLVM::MulOp::create(rw, loc, j, R), row)));
    }
    YieldOp y = inlineElement(rw, b, loc, op.getBody(), copy, *region, exit, body,
                              elems, single);
    rw.setInsertionPoint(y);
    Value e = y.getValue();
    Value next = LLVM::AddOp::create(rw, loc, i, one);
    if (d == 1) {
      // acc += e, in order: the vectoriser keeps the order (an ordered
      // reduction, Pipeline.cpp) and the adds overlap the arithmetic.
      Value acc = LLVM::FAddOp::create(rw, loc, loop->getArgument(1), e);
      LLVM::BrOp::create(rw, loc, ValueRange{next, acc}, loop);
    } else {
      Value dst = gep(outData, i);
      Value old = loadData(rw, b, loc, outData, i);
      LLVM::StoreOp::create(rw, loc, LLVM::FAddOp::create(rw, loc, old, e), dst)
          .setTBAATags(tbaaTag(b.ctx(), "data"));
      LLVM::BrOp::create(rw, loc, ValueRange{next}, loop);
    }
    rw.eraseOp(y);

    // latch: d = 1 stores the chunk's sum; both go on with the next g.
    rw.setInsertionPointToStart(latch);
    if (d == 1)
      LLVM::StoreOp::create(rw, loc, latch->getArgument(0), gep(partials, g));
    LLVM::BrOp::create(rw, loc, ValueRange{LLVM::AddOp::create(rw, loc, g, one)}, outer);
    rw.setInsertionPointToStart(exit);
    LLVM::ReturnOp::create(rw, loc, ValueRange{});
    return fn;
  }

  LogicalResult matchAndRewrite(FusedReduceOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    Location loc = op.getLoc();
    SmallVector<Value> arrays;
    SmallVector<int> arrayIndex; // per input: its position among the arrays
    for (auto [orig, conv] : llvm::zip(op.getInputs(), a.getInputs())) {
      arrayIndex.push_back(isa<ValueType>(orig.getType()) ? (int)arrays.size() : -1);
      if (isa<ValueType>(orig.getType()))
        arrays.push_back(conv);
    }
    Value layout = b.entryAlloca(b.i64(), 8 + 2 * arrays.size());
    Value out;
    if (op.getShape().empty())
      out = b.call("rm_fused_reduce_prepare", b.ptr(),
                   {b.i64(), b.ptr(), b.i32(), b.i32(), b.ptr()},
                   {b.constI64(arrays.size()), b.ptrArray(arrays),
                    b.constI32((int32_t)op.getDim()),
                    b.constI32(op.getOutDouble() ? 1 : 0), layout});
    else
      out = b.call("rm_fused_reduce_prepare_shaped", b.ptr(),
                   {b.f64(), b.f64(), b.i64(), b.ptr(), b.i32(), b.i32(), b.ptr()},
                   {a.getShape()[0], a.getShape()[1], b.constI64(arrays.size()),
                    b.ptrArray(arrays), b.constI32((int32_t)op.getDim()),
                    b.constI32(op.getOutDouble() ? 1 : 0), layout});
    unsigned nin = op.getInputs().size();
    Value ctxArr = b.entryAlloca(b.i64(), 5 + 3 * nin);
    LLVM::LLVMFuncOp k1s = buildKernel(rw, op, b, 1, true, true);
    LLVM::LLVMFuncOp k2 = buildKernel(rw, op, b, 2, true, false);
    LLVM::LLVMFuncOp k2s = buildKernel(rw, op, b, 2, true, true);
    LLVM::LLVMFuncOp k1 = buildKernel(rw, op, b, 1, false, false);

    FusedSkeleton sk(rw, b, loc, out);
    auto slot = [&](Value base, unsigned k) {
      return LLVM::GEPOp::create(rw, loc, b.ptr(), b.i64(), base,
                                 ArrayRef<LLVM::GEPArg>{(int32_t)k});
    };
    auto layoutAt = [&](unsigned k) {
      return LLVM::LoadOp::create(rw, loc, b.i64(), slot(layout, k)).getResult();
    };
    auto store = [&](Value v, unsigned k) { LLVM::StoreOp::create(rw, loc, v, slot(ctxArr, k)); };
    store(headerField(rw, loc, out, RM_LAYOUT_DATA_BEGIN, b.ptr()), 0);
    for (auto [k, pair] : llvm::enumerate(llvm::zip(op.getInputs(), a.getInputs()))) {
      auto [orig, conv] = pair;
      store(isa<ValueType>(orig.getType())
                ? headerField(rw, loc, conv, RM_LAYOUT_DATA_BEGIN, b.ptr())
                : conv,
            k + 1);
    }
    Value R = layoutAt(0), C = layoutAt(1), d = layoutAt(2), flags = layoutAt(3),
          nch = layoutAt(6);
    store(R, nin + 1);
    store(C, nin + 2);
    store(nch, nin + 3);
    store(layoutAt(7), nin + 4);
    for (unsigned k = 0; k < nin; ++k) {
      Value rsv = b.constI64(0), csv = b.constI64(0);
      if (arrayIndex[k] >= 0) {
        rsv = layoutAt(8 + 2 * arrayIndex[k]);
        csv = layoutAt(9 + 2 * arrayIndex[k]);
      }
      store(rsv, nin + 5 + 2 * k);
      store(csv, nin + 6 + 2 * k);
    }
    auto addr = [&](LLVM::LLVMFuncOp f) {
      return LLVM::AddressOfOp::create(rw, loc, b.ptr(), f.getSymName()).getResult();
    };
    auto sel = [&](Value c, Value t, Value f) {
      return LLVM::SelectOp::create(rw, loc, c, t, f).getResult();
    };
    Value one = b.constI64(1);
    Value isSingle = LLVM::ICmpOp::create(
        rw, loc, LLVM::ICmpPredicate::ne,
        LLVM::AndOp::create(rw, loc, flags, b.constI64(2)), b.constI64(0));
    Value isD1 = LLVM::ICmpOp::create(rw, loc, LLVM::ICmpPredicate::eq, d, one);
    Value fn = sel(isD1, sel(isSingle, addr(k1s), addr(k1)),
                   sel(isSingle, addr(k2s), addr(k2)));
    // d = 1: C * nch chunks of up to RM_SUM_CHUNK elements; d = 2: R rows of
    // C elements each.
    Value count = sel(isD1, LLVM::MulOp::create(rw, loc, C, nch), R);
    Value per = LLVM::SMaxOp::create(rw, loc, sel(isD1, b.constI64(RM_SUM_CHUNK), C), one);
    Value grain = LLVM::SMaxOp::create(
        rw, loc, LLVM::SDivOp::create(rw, loc, b.constI64(kReduceGrain), per), one);
    b.call("rm_parallel_for", b.voidTy(), {b.i64(), b.i64(), b.ptr(), b.ptr()},
           {count, grain, fn, ctxArr});
    b.call("rm_fused_reduce_finish", b.voidTy(), {b.ptr(), b.i32(), b.ptr()},
           {out, b.constI32(op.getKind() == "mean" ? 1 : 0), layout});
    LLVM::BrOp::create(rw, loc, ValueRange{out}, sk.merge);

    // fallback: the chain and the reduction as before.
    inlineFallback(rw, b, op.getFallback(), sk.fallback, a.getInputs(), sk.merge);
    rw.replaceOp(op, sk.result());
    return success();
  }

  /// Elements per chunk of rm_parallel_for below which splitting does not
  /// pay.
  static constexpr int64_t kReduceGrain = 65536;
};

/// runmat.fused_rng_loop: rm_rng_loop_prepare checks the state and the
/// generator, copies S and reserves the loop's draws; an outlined kernel
/// run by rm_parallel_for then takes the elements in blocks of 1024: for
/// each step, the block's normals of that step's randn call (the LCG
/// state before the call advanced by one affine map per step) are made by
/// rm_lcg_normals into a buffer, and the body updates the block in place.
/// Blocks start at multiples of 64 (rm_parallel_for's chunks), so at even
/// elements, as the Box-Muller pairs need.
///
///   cur:      %out = rm_rng_loop_prepare(S, count, ndims, dims, info,
///             keep_draw ? &draw : null);
///             cond_br %out == null, ^fallback, ^fast
///   fast:     ctx = {out data, count, s0, mul, add, scalars};
///             rm_parallel_for(numel, grain, @kernel, ctx); br ^merge(%out)
///   fallback: br ^merge(null)
///   merge(%r): done = %r != null; the draw (null unless made)
struct FusedRngLoopLowering : RtPattern<FusedRngLoopOp> {
  using RtPattern::RtPattern;
  static constexpr int64_t kBlock = 1024;

  static LLVM::LLVMFuncOp buildKernel(ConversionPatternRewriter &rw,
                                      FusedRngLoopOp op, RtBuilder &b) {
    Location loc = op.getLoc();
    auto fn = newKernelFunction(rw, b, op, "__rm_fused_rng_loop_kernel_");
    OpBuilder::InsertionGuard guard(rw);
    Type i64 = b.i64(), f64 = b.f64(), ptr = b.ptr();
    Region *region = &fn.getBody();
    auto blk = [&](TypeRange args) {
      SmallVector<Location> locs(args.size(), loc);
      return rw.createBlock(region, region->end(), args, locs);
    };
    Block *entry = blk({ptr, i64, i64});
    Block *block = blk({i64}), *bpre = blk({}), *step = blk({i64, i64}),
          *gen = blk({}), *el = blk({i64}), *ebody = blk({}), *snext = blk({}),
          *blatch = blk({}), *exit = blk({});
    Value ctx = entry->getArgument(0), begin = entry->getArgument(1),
          end = entry->getArgument(2);
    rw.setInsertionPointToStart(entry);
    auto load = [&](unsigned k, Type t) { return ctxField(rw, b, loc, ctx, k, t); };
    Value out = load(0, ptr), count = load(1, i64), s0 = load(2, i64),
          mul = load(3, i64), add = load(4, i64);
    SmallVector<Value> scalars;
    for (unsigned k = 0; k < op.getScalars().size(); ++k)
      scalars.push_back(load(5 + k, f64));
    Value zbuf = LLVM::AllocaOp::create(rw, loc, ptr, f64, b.constI64(kBlock), 64);
    Value zero = b.constI64(0), one = b.constI64(1);
    auto slt = [&](Value x, Value y) {
      return LLVM::ICmpOp::create(rw, loc, LLVM::ICmpPredicate::slt, x, y).getResult();
    };
    auto gep = [&](Value base, Value idx) {
      return LLVM::GEPOp::create(rw, loc, ptr, f64, base, ValueRange{idx}).getResult();
    };
    LLVM::BrOp::create(rw, loc, ValueRange{begin}, block);

    rw.setInsertionPointToStart(block);
    Value b0 = block->getArgument(0);
    LLVM::CondBrOp::create(rw, loc, slt(b0, end), bpre, exit);
    rw.setInsertionPointToStart(bpre);
    Value e0 = LLVM::SMinOp::create(rw, loc, end,
                                    LLVM::AddOp::create(rw, loc, b0, b.constI64(kBlock)));
    Value n = LLVM::SubOp::create(rw, loc, e0, b0);
    Value base = gep(out, b0);
    LLVM::BrOp::create(rw, loc, ValueRange{zero, s0}, step);

    rw.setInsertionPointToStart(step);
    Value t = step->getArgument(0), st = step->getArgument(1);
    LLVM::CondBrOp::create(rw, loc, slt(t, count), gen, blatch);
    rw.setInsertionPointToStart(gen);
    b.call("rm_lcg_normals", b.voidTy(), {i64, i64, i64, ptr}, {st, b0, n, zbuf});
    LLVM::BrOp::create(rw, loc, ValueRange{zero}, el);

    rw.setInsertionPointToStart(el);
    Value i = el->getArgument(0);
    LLVM::CondBrOp::create(rw, loc, slt(i, n), ebody, snext);
    rw.setInsertionPointToStart(ebody);
    Value sp = gep(base, i);
    SmallVector<Value> elems{loadData(rw, b, loc, base, i),
                             LLVM::LoadOp::create(rw, loc, f64, gep(zbuf, i))};
    elems.append(scalars.begin(), scalars.end());
    YieldOp y = inlineElement(rw, b, loc, op.getBody(), false, *region, exit, ebody,
                              elems, false);
    rw.setInsertionPoint(y);
    LLVM::StoreOp::create(rw, loc, y.getValue(), sp).setTBAATags(tbaaTag(b.ctx(), "data"));
    LLVM::BrOp::create(rw, loc, ValueRange{LLVM::AddOp::create(rw, loc, i, one)}, el);
    rw.eraseOp(y);

    rw.setInsertionPointToStart(snext);
    Value st2 = LLVM::AddOp::create(rw, loc, LLVM::MulOp::create(rw, loc, st, mul), add);
    LLVM::BrOp::create(rw, loc, ValueRange{LLVM::AddOp::create(rw, loc, t, one), st2},
                       step);
    rw.setInsertionPointToStart(blatch);
    LLVM::BrOp::create(rw, loc, ValueRange{e0}, block);
    rw.setInsertionPointToStart(exit);
    LLVM::ReturnOp::create(rw, loc, ValueRange{});
    return fn;
  }

  LogicalResult matchAndRewrite(FusedRngLoopOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    Location loc = op.getLoc();
    Type i64 = b.i64();
    unsigned nd = a.getDims().size(), ns = a.getScalars().size();
    Value dims = b.entryAlloca(b.f64(), nd);
    Value info = b.entryAlloca(i64, 4);
    Value ctx = b.entryAlloca(i64, 5 + ns);
    auto at = [&](Value base, Type t, unsigned k) {
      return LLVM::GEPOp::create(rw, loc, b.ptr(), t, base,
                                 ArrayRef<LLVM::GEPArg>{(int32_t)k})
          .getResult();
    };
    for (auto [k, d] : llvm::enumerate(a.getDims()))
      LLVM::StoreOp::create(rw, loc, d, at(dims, b.f64(), k));
    Value drawSlot = op.getKeepDraw() ? b.entryAlloca(b.ptr(), 1) : b.nullPtr();
    if (op.getKeepDraw())
      LLVM::StoreOp::create(rw, loc, b.nullPtr(), drawSlot);
    Value out = b.call("rm_rng_loop_prepare", b.ptr(),
                       {b.ptr(), i64, i64, b.ptr(), b.ptr(), b.ptr()},
                       {a.getState(), a.getCount(), b.constI64(nd), dims, info, drawSlot});
    LLVM::LLVMFuncOp kernel = buildKernel(rw, op, b);
    FusedSkeleton sk(rw, b, loc, out);
    auto infoAt = [&](unsigned k) {
      return LLVM::LoadOp::create(rw, loc, i64, at(info, i64, k)).getResult();
    };
    LLVM::StoreOp::create(rw, loc, headerField(rw, loc, out, RM_LAYOUT_DATA_BEGIN, b.ptr()),
                          at(ctx, i64, 0));
    LLVM::StoreOp::create(rw, loc, a.getCount(), at(ctx, i64, 1));
    for (unsigned k = 1; k < 4; ++k)
      LLVM::StoreOp::create(rw, loc, infoAt(k), at(ctx, i64, k + 1));
    for (auto [k, s] : llvm::enumerate(a.getScalars()))
      LLVM::StoreOp::create(rw, loc, s, at(ctx, i64, 5 + k));
    // About 5 ns per element and step: chunks of some 64k element-steps.
    Value grain = LLVM::SMaxOp::create(
        rw, loc, b.constI64(64),
        LLVM::SDivOp::create(rw, loc, b.constI64(65536),
                             LLVM::SMaxOp::create(rw, loc, a.getCount(), b.constI64(1))));
    Value fnAddr = LLVM::AddressOfOp::create(rw, loc, b.ptr(), kernel.getSymName());
    b.call("rm_parallel_for", b.voidTy(), {i64, i64, b.ptr(), b.ptr()},
           {infoAt(0), grain, fnAddr, ctx});
    LLVM::BrOp::create(rw, loc, ValueRange{out}, sk.merge);
    rw.setInsertionPointToStart(sk.fallback);
    LLVM::BrOp::create(rw, loc, ValueRange{LLVM::ZeroOp::create(rw, loc, b.ptr())}, sk.merge);
    rw.setInsertionPointToStart(sk.merge);
    Value r = sk.result();
    Value done = LLVM::ICmpOp::create(rw, loc, LLVM::ICmpPredicate::ne, r,
                                      LLVM::ZeroOp::create(rw, loc, b.ptr()));
    Value draw = op.getKeepDraw()
                     ? LLVM::LoadOp::create(rw, loc, b.ptr(), drawSlot).getResult()
                     : b.nullPtr();
    rw.replaceOp(op, ValueRange{done, r, draw});
    return success();
  }
};

struct IndexScalarLowering : RtPattern<IndexScalarOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(IndexScalarOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    SmallVector<Value> args{a.getBase()};
    llvm::append_range(args, a.getIndices());
    unsigned n = a.getIndices().size();
    auto fn = getFastIndexFn(b, /*assign=*/false, n,
                             n == 1 ? "rm_index_f64_1" : "rm_index_f64_2");
    rw.replaceOp(op, LLVM::CallOp::create(rw, op.getLoc(), fn, args).getResult());
    return success();
  }
};

struct EndLowering : RtPattern<EndOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(EndOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    Value e = b.call("rm_end", b.i64(), {b.ptr(), b.i64(), b.i64()},
                     {a.getBase(), b.constI64(op.getPosition()),
                      b.constI64(op.getCount())});
    rw.replaceOp(op, LLVM::SIToFPOp::create(rw, op.getLoc(), b.f64(), e));
    return success();
  }
};

struct IndexAssignLowering : RtPattern<IndexAssignOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(IndexAssignOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    if (op.getRhs().getType().isF64()) {
      SmallVector<Value> args{a.getSlot()};
      llvm::append_range(args, a.getIndices());
      args.push_back(a.getRhs());
      unsigned n = a.getIndices().size();
      auto fn = getFastIndexFn(b, /*assign=*/true, n,
                               n == 1 ? "rm_index_assign_f64_1"
                                      : "rm_index_assign_f64_2");
      LLVM::CallOp::create(rw, op.getLoc(), fn, args);
      rw.eraseOp(op);
      return success();
    }
    Value arr = b.ptrArray(a.getIndices());
    b.call("rm_index_assign", b.voidTy(),
           {b.ptr(), b.i64(), b.ptr(), b.ptr(), b.i32()},
           {a.getSlot(), b.constI64(a.getIndices().size()), arr, a.getRhs(),
            b.constI32(op.getIsDelete() ? 1 : 0)});
    rw.eraseOp(op);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Variables
//===----------------------------------------------------------------------===//

struct AllocVarLowering : RtPattern<AllocVarOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(AllocVarOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    Type elem = slotElem(op.getSlot());
    Value slot;
    if (op.getWorkspace()) {
      slot = b.call("rm_workspace_slot", b.ptr(), {b.ptr()}, {b.str(op.getName())});
    } else if (auto key = op.getShared()) {
      slot = b.call("rm_shared_slot", b.ptr(), {b.ptr()}, {b.str(*key)});
    } else if (isa<ValueType>(elem)) {
      slot = b.entryAlloca(b.ptr(), 1);
      LLVM::StoreOp::create(rw, op.getLoc(), b.nullPtr(), slot, /*alignment=*/0, b.volatileSlots());
    } else {
      Type st = scalarSlotStruct(rw.getContext(), elem);
      slot = b.entryAlloca(st, 1);
      Value flag = LLVM::GEPOp::create(rw, op.getLoc(), b.ptr(), st, slot,
                                       ArrayRef<LLVM::GEPArg>{0, 1});
      Value f = LLVM::ConstantOp::create(rw, op.getLoc(), b.i1(),
                                         rw.getBoolAttr(false));
      LLVM::StoreOp::create(rw, op.getLoc(), f, flag, /*alignment=*/0, b.volatileSlots());
    }
    rw.replaceOp(op, slot);
    return success();
  }
};

/// Loads the assigned flag of a slot (non-null pointer for value slots).
Value loadDefined(RtBuilder &b, Value slot, Type elem, Value *loaded) {
  Location loc = b.loc;
  if (isa<ValueType>(elem)) {
    Value v = LLVM::LoadOp::create(b.rw, loc, b.ptr(), slot, /*alignment=*/0, b.volatileSlots());
    if (loaded)
      *loaded = v;
    return LLVM::ICmpOp::create(b.rw, loc, LLVM::ICmpPredicate::ne, v, b.nullPtr());
  }
  Type st = scalarSlotStruct(b.ctx(), elem);
  Value flagPtr = LLVM::GEPOp::create(b.rw, loc, b.ptr(), st, slot,
                                      ArrayRef<LLVM::GEPArg>{0, 1});
  return LLVM::LoadOp::create(b.rw, loc, b.i1(), flagPtr, /*alignment=*/0, b.volatileSlots());
}

struct LoadVarLowering : RtPattern<LoadVarOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(LoadVarOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    Type elem = slotElem(op.getSlot());
    Value loaded;
    if (op.getNullable() && isa<ValueType>(elem)) {
      rw.replaceOp(op, LLVM::LoadOp::create(rw, op.getLoc(), b.ptr(), a.getSlot(),
                                            /*alignment=*/0, b.volatileSlots()));
      return success();
    }
    Value defined = loadDefined(b, a.getSlot(), elem, &loaded);
    auto alloc = op.getSlot().getDefiningOp<AllocVarOp>();
    StringRef name = alloc ? alloc.getName() : StringRef("?");
    bool param = alloc && alloc.getParam();
    std::string nameStr = name.str();
    std::optional<StringRef> outputOf = op.getOutputOf();
    std::string fnStr = outputOf ? outputOf->str() : "";
    b.guard(defined, [&] {
      if (outputOf)
        b.call("rm_error_unassigned_output", b.voidTy(), {b.ptr(), b.ptr()},
               {b.str(nameStr), b.str(fnStr)});
      else if (param)
        b.call("rm_error_not_enough_inputs", b.voidTy(), {}, {});
      else
        b.call("rm_error_undefined", b.voidTy(), {b.ptr()}, {b.str(nameStr)});
    });
    if (!isa<ValueType>(elem)) {
      Type st = scalarSlotStruct(rw.getContext(), elem);
      Value p = LLVM::GEPOp::create(rw, op.getLoc(), b.ptr(), st, a.getSlot(),
                                    ArrayRef<LLVM::GEPArg>{0, 0});
      loaded = LLVM::LoadOp::create(rw, op.getLoc(), elem, p, /*alignment=*/0, b.volatileSlots());
    }
    rw.replaceOp(op, loaded);
    return success();
  }
};

struct IsDefinedLowering : RtPattern<IsDefinedOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(IsDefinedOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    rw.replaceOp(op, loadDefined(b, a.getSlot(), slotElem(op.getSlot()), nullptr));
    return success();
  }
};

struct StoreVarLowering : RtPattern<StoreVarOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(StoreVarOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    Location loc = op.getLoc();
    Type elem = slotElem(op.getSlot());
    if (isa<ValueType>(elem)) {
      Value old = LLVM::LoadOp::create(rw, loc, b.ptr(), a.getSlot(), /*alignment=*/0, b.volatileSlots());
      b.call("rm_retain", b.voidTy(), {b.ptr()}, {a.getValue()});
      LLVM::StoreOp::create(rw, loc, a.getValue(), a.getSlot(), /*alignment=*/0, b.volatileSlots());
      b.call("rm_release", b.voidTy(), {b.ptr()}, {old});
    } else {
      Type st = scalarSlotStruct(rw.getContext(), elem);
      Value vp = LLVM::GEPOp::create(rw, loc, b.ptr(), st, a.getSlot(),
                                     ArrayRef<LLVM::GEPArg>{0, 0});
      LLVM::StoreOp::create(rw, loc, a.getValue(), vp, /*alignment=*/0, b.volatileSlots());
      Value fp = LLVM::GEPOp::create(rw, loc, b.ptr(), st, a.getSlot(),
                                     ArrayRef<LLVM::GEPArg>{0, 1});
      Value t = LLVM::ConstantOp::create(rw, loc, b.i1(), rw.getBoolAttr(true));
      LLVM::StoreOp::create(rw, loc, t, fp, /*alignment=*/0, b.volatileSlots());
    }
    rw.eraseOp(op);
    return success();
  }
};

struct ClearVarLowering : RtPattern<ClearVarOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(ClearVarOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    Location loc = op.getLoc();
    Type elem = slotElem(op.getSlot());
    if (isa<ValueType>(elem)) {
      Value old = LLVM::LoadOp::create(rw, loc, b.ptr(), a.getSlot(), /*alignment=*/0, b.volatileSlots());
      LLVM::StoreOp::create(rw, loc, b.nullPtr(), a.getSlot(), /*alignment=*/0, b.volatileSlots());
      b.call("rm_release", b.voidTy(), {b.ptr()}, {old});
    } else {
      Type st = scalarSlotStruct(rw.getContext(), elem);
      Value fp = LLVM::GEPOp::create(rw, loc, b.ptr(), st, a.getSlot(),
                                     ArrayRef<LLVM::GEPArg>{0, 1});
      Value f = LLVM::ConstantOp::create(rw, loc, b.i1(), rw.getBoolAttr(false));
      LLVM::StoreOp::create(rw, loc, f, fp, /*alignment=*/0, b.volatileSlots());
    }
    rw.eraseOp(op);
    return success();
  }
};

template <typename Op>
struct LifetimeLowering : RtPattern<Op> {
  LifetimeLowering(LLVMTypeConverter &tc, StringRef fn)
      : RtPattern<Op>(tc), fn(fn.str()) {}
  LogicalResult matchAndRewrite(Op op, typename Op::Adaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = this->rt(rw, op);
    b.call(fn, b.voidTy(), {b.ptr()}, {a.getInput()});
    rw.eraseOp(op);
    return success();
  }
  std::string fn;
};

//===----------------------------------------------------------------------===//
// Loops, calls, display, errors
//===----------------------------------------------------------------------===//

/// The level kinds and counts of a chain as entry-block arrays.
static std::pair<Value, Value> chainArrays(RtBuilder &b, ArrayRef<int32_t> kinds,
                                           ArrayRef<int64_t> counts) {
  return {b.intArray(kinds, b.i32()), b.intArray(counts, b.i64())};
}

struct SubsrefLowering : RtPattern<SubsrefOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(SubsrefOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    auto [kinds, counts] = chainArrays(b, op.getKinds(), op.getCounts());
    Value args = b.ptrArray(a.getArgs());
    rw.replaceOp(op, b.call("rm_subsref", b.ptr(),
                            {b.ptr(), b.i64(), b.ptr(), b.ptr(), b.ptr(), b.i32()},
                            {a.getBase(), b.constI64(op.getKinds().size()), kinds,
                             counts, args, b.constI32(op.getAsList() ? 1 : 0)}));
    return success();
  }
};

struct SubsasgnLowering : RtPattern<SubsasgnOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(SubsasgnOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    auto [kinds, counts] = chainArrays(b, op.getKinds(), op.getCounts());
    Value args = b.ptrArray(a.getArgs());
    if (op.getIsDelete())
      b.call("rm_subsdelete", b.voidTy(), {b.ptr(), b.i64(), b.ptr(), b.ptr(), b.ptr()},
             {a.getSlot(), b.constI64(op.getKinds().size()), kinds, counts, args});
    else
      b.call("rm_subsasgn", b.voidTy(),
             {b.ptr(), b.i64(), b.ptr(), b.ptr(), b.ptr(), b.ptr()},
             {a.getSlot(), b.constI64(op.getKinds().size()), kinds, counts, args,
              a.getRhs()});
    rw.eraseOp(op);
    return success();
  }
};

struct ListElementLowering : RtPattern<ListElementOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(ListElementOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    rw.replaceOp(op, b.call("rm_list_element", b.ptr(), {b.ptr(), b.i64(), b.i64()},
                            {a.getList(), b.constI64(op.getIndex()),
                             b.constI64(op.getCount())}));
    return success();
  }
};

struct CellLiteralLowering : RtPattern<CellLiteralOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(CellLiteralOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    Value lens = b.intArray(op.getRowLengths(), b.i64());
    Value elems = b.ptrArray(a.getElements());
    rw.replaceOp(op, b.call("rm_cell_literal", b.ptr(), {b.i64(), b.ptr(), b.ptr()},
                            {b.constI64(op.getRowLengths().size()), lens, elems}));
    return success();
  }
};

/// try_begin: the runtime's handler plus a setjmp in this frame.
struct TryBeginLowering : RtPattern<TryBeginOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(TryBeginOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    Value buf = b.call("rm_try_begin", b.ptr(), {}, {});
    ModuleOp m = b.module();
    auto sj = m.lookupSymbol<LLVM::LLVMFuncOp>("_setjmp");
    if (!sj) {
      OpBuilder::InsertionGuard g(rw);
      rw.setInsertionPointToStart(m.getBody());
      sj = LLVM::LLVMFuncOp::create(rw, m.getLoc(), "_setjmp",
                                    LLVM::LLVMFunctionType::get(b.i32(), {b.ptr()}));
      sj.setPassthroughAttr(rw.getArrayAttr({rw.getStringAttr("returns_twice")}));
    }
    Value r = LLVM::CallOp::create(rw, op.getLoc(), sj, ValueRange{buf}).getResult();
    rw.replaceOp(op, LLVM::ICmpOp::create(rw, op.getLoc(), LLVM::ICmpPredicate::eq,
                                          r, b.constI32(0)));
    return success();
  }
};

struct TryEndLowering : RtPattern<TryEndOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(TryEndOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    b.call("rm_try_end", b.voidTy(), {}, {});
    rw.eraseOp(op);
    return success();
  }
};

struct CaughtErrorLowering : RtPattern<CaughtErrorOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(CaughtErrorOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    rw.replaceOp(op, b.call("rm_caught_error", b.ptr(), {}, {}));
    return success();
  }
};

struct MakeClosureLowering : RtPattern<MakeClosureOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(MakeClosureOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    Value code = LLVM::AddressOfOp::create(rw, op.getLoc(), b.ptr(), op.getCodeAttr());
    Value caps = b.ptrArray(a.getCaptures());
    rw.replaceOp(op, b.call("rm_make_closure", b.ptr(),
                            {b.ptr(), b.ptr(), b.i64(), b.ptr(), b.i32()},
                            {code, b.str(op.getText()),
                             b.constI64(a.getCaptures().size()), caps,
                             b.constI32(op.getNparams())}));
    return success();
  }
};

struct MakeHandleLowering : RtPattern<MakeHandleOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(MakeHandleOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    Value code = op.getCodeAttr()
                     ? LLVM::AddressOfOp::create(rw, op.getLoc(), b.ptr(), op.getCodeAttr())
                           .getResult()
                     : b.nullPtr();
    rw.replaceOp(op, b.call("rm_make_handle", b.ptr(), {b.ptr(), b.ptr(), b.i32()},
                            {b.str(op.getName()), code, b.constI32(op.getNparams())}));
    return success();
  }
};

struct CallValueLowering : RtPattern<CallValueOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(CallValueOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    Location loc = op.getLoc();
    Value args = b.ptrArray(a.getArgs());
    unsigned nout = op->getNumResults();
    Value outArr = nout ? b.entryAlloca(b.ptr(), nout) : b.nullPtr();
    b.call("rm_call_value", b.voidTy(),
           {b.ptr(), b.i32(), b.i32(), b.ptr(), b.i32(), b.ptr()},
           {a.getCallee(), b.constI32(op.getNargout()),
            b.constI32(a.getArgs().size()), args, b.constI32(nout), outArr});
    SmallVector<Value> results;
    for (unsigned i = 0; i < nout; ++i) {
      Value p = LLVM::GEPOp::create(rw, loc, b.ptr(), b.ptr(), outArr,
                                    ArrayRef<LLVM::GEPArg>{(int32_t)i});
      results.push_back(LLVM::LoadOp::create(rw, loc, b.ptr(), p));
    }
    rw.replaceOp(op, results);
    return success();
  }
};

struct ForCountLowering : RtPattern<ForCountOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(ForCountOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    rw.replaceOp(op, b.call("rm_for_count", b.i64(), {b.ptr()}, {a.getRange()}));
    return success();
  }
};

struct ForColumnLowering : RtPattern<ForColumnOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(ForColumnOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    rw.replaceOp(op, b.call("rm_for_column", b.ptr(), {b.ptr(), b.i64()},
                            {a.getRange(), a.getIndex()}));
    return success();
  }
};

/// Calls the runtime builtin `callee` (rm_call_builtin) on `args`: values
/// (`!runmat.value`, already converted) and native scalars (`isNative`),
/// which are boxed for the call and released after it. Returns the
/// `results.size()` results, unboxed where a result type is native.
SmallVector<Value> callRuntimeBuiltin(RtBuilder &b, ConversionPatternRewriter &rw,
                                      Location loc, StringRef callee,
                                      int32_t nargout, ArrayRef<Value> args,
                                      ArrayRef<bool> isNative,
                                      TypeRange results) {
  SmallVector<Value> callArgs, boxed;
  for (auto [v, native] : llvm::zip(args, isNative)) {
    if (!native) {
      callArgs.push_back(v);
    } else {
      Value box = b.box(v);
      callArgs.push_back(box);
      boxed.push_back(box);
    }
  }
  Value argArr = b.ptrArray(callArgs);
  unsigned nout = results.size();
  Value outArr = nout ? b.entryAlloca(b.ptr(), nout) : b.nullPtr();
  b.call("rm_call_builtin", b.voidTy(),
         {b.ptr(), b.i32(), b.i32(), b.ptr(), b.i32(), b.ptr()},
         {b.str(callee), b.constI32(nargout), b.constI32(callArgs.size()),
          argArr, b.constI32(nout), outArr});
  for (Value v : boxed)
    b.call("rm_release", b.voidTy(), {b.ptr()}, {v});
  SmallVector<Value> out;
  for (unsigned i = 0; i < nout; ++i) {
    Value p = LLVM::GEPOp::create(rw, loc, b.ptr(), b.ptr(), outArr,
                                  ArrayRef<LLVM::GEPArg>{(int32_t)i});
    Value r = LLVM::LoadOp::create(rw, loc, b.ptr(), p);
    Type want = results[i];
    out.push_back(isa<ValueType>(want) ? r : b.unboxAndRelease(r, want));
  }
  return out;
}

struct BuiltinLowering : RtPattern<BuiltinOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(BuiltinOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    SmallVector<Value> args(a.getArgs());
    SmallVector<bool> native;
    for (Value orig : op.getArgs())
      native.push_back(!isa<ValueType>(orig.getType()));
    rw.replaceOp(op, callRuntimeBuiltin(b, rw, op.getLoc(), op.getCallee(),
                                        op.getNargout(), args, native,
                                        op.getResultTypes()));
    return success();
  }
};

/// A named pattern op: its runtime kernel (builtins/Patterns.cpp) called
/// with the operands, then the metadata as constants.
template <class OpT>
struct PatternLowering : RtPattern<OpT> {
  using RtPattern<OpT>::RtPattern;
  using OpAdaptor = typename OpT::Adaptor;
  LogicalResult matchAndRewrite(OpT op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = this->rt(rw, op);
    SmallVector<Value> args;
    SmallVector<bool> native;
    auto operand = [&](Value orig, Value conv) {
      args.push_back(conv);
      native.push_back(!isa<ValueType>(orig.getType()));
    };
    auto constant = [&](double v) {
      args.push_back(b.constF64(v));
      native.push_back(true);
    };
    StringRef callee;
    if constexpr (std::is_same_v<OpT, MeanVarOp>) {
      callee = "__mean_var";
      operand(op.getInput(), a.getInput());
      constant((double)op.getDim());
      constant((double)op.getForm());
    } else if constexpr (std::is_same_v<OpT, CenteredGramOp>) {
      callee = "__centered_gram";
      operand(op.getInput(), a.getInput());
      constant(op.getConjugate() ? 1.0 : 0.0);
      constant(op.getColumns() ? 1.0 : 0.0);
      if (op.getDivisor())
        operand(op.getDivisor(), a.getDivisor());
    } else if constexpr (std::is_same_v<OpT, ExplainedVarianceOp>) {
      callee = "__explained_variance";
      operand(op.getBasis(), a.getBasis());
      operand(op.getGram(), a.getGram());
      constant(op.getNormalized() ? 1.0 : 0.0);
      constant(op.getConjugate() ? 1.0 : 0.0);
    } else if constexpr (std::is_same_v<OpT, ImageNormalizeOp>) {
      callee = "__image_normalize";
      operand(op.getInput(), a.getInput());
      constant((double)op.getDim());
      constant(op.getEps().convertToDouble());
      constant(op.getGain() ? op.getGain()->convertToDouble() : 1.0);
      constant(op.getBias() ? op.getBias()->convertToDouble() : 0.0);
      constant(op.getGamma() ? op.getGamma()->convertToDouble() : 1.0);
      constant((double)((op.getGain() ? 1 : 0) | (op.getBias() ? 2 : 0) |
                        (op.getClamp() ? 4 : 0) | (op.getGamma() ? 8 : 0) |
                        (op.getSum() ? 16 : 0) | (op.getOutDouble() ? 32 : 0)));
    } else if constexpr (std::is_same_v<OpT, MatmulEpilogueOp>) {
      callee = "__matmul_epilogue";
      operand(op.getLhs(), a.getLhs());
      operand(op.getRhs(), a.getRhs());
      int flags = (op.getTransposeLhs() ? 1 : 0) | (op.getConjugate() ? 2 : 0) |
                  (op.getAlpha() ? 4 : 0) | (op.getAddend() ? 8 : 0) |
                  (op.getNegateProduct() ? 16 : 0) |
                  (op.getSubtractAddend() ? 32 : 0) | (op.getScale() ? 64 : 0);
      constant((double)flags);
      if (op.getAlpha())
        operand(op.getAlpha(), a.getAlpha());
      else
        constant(1.0);
      if (op.getAddend())
        operand(op.getAddend(), a.getAddend());
      if (op.getScale())
        operand(op.getScale(), a.getScale());
    } else {
      callee = "__power_step";
      operand(op.getMatrix(), a.getMatrix());
      operand(op.getBasis(), a.getBasis());
      constant(op.getEps().convertToDouble());
    }
    rw.replaceOp(op, callRuntimeBuiltin(b, rw, op.getLoc(), callee,
                                        (int32_t)op->getNumResults(), args,
                                        native, op->getResultTypes()));
    return success();
  }
};

struct DisplayLowering : RtPattern<DisplayOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(DisplayOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    Value name = b.str(op.getName());
    Type t = op.getInput().getType();
    if (t.isF64()) {
      b.call("rm_display_f64", b.voidTy(), {b.ptr(), b.f64()}, {name, a.getInput()});
    } else if (t.isInteger(1)) {
      Value ext = LLVM::ZExtOp::create(rw, op.getLoc(), b.i32(), a.getInput());
      b.call("rm_display_bool", b.voidTy(), {b.ptr(), b.i32()}, {name, ext});
    } else {
      b.call("rm_display", b.voidTy(), {b.ptr(), b.ptr()}, {name, a.getInput()});
    }
    rw.eraseOp(op);
    return success();
  }
};

struct AssignAnsLowering : RtPattern<AssignAnsOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(AssignAnsOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    b.call("rm_assign_ans", b.voidTy(), {b.ptr(), b.ptr(), b.i32()},
           {a.getSlot(), a.getValue(), b.constI32(op.getDisplay() ? 1 : 0)});
    rw.eraseOp(op);
    return success();
  }
};

struct SwitchMatchLowering : RtPattern<SwitchMatchOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(SwitchMatchOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    Value m = b.call("rm_switch_match", b.i32(), {b.ptr(), b.ptr()},
                     {a.getSubject(), a.getCaseValue()});
    rw.replaceOp(op, LLVM::TruncOp::create(rw, op.getLoc(), b.i1(), m));
    return success();
  }
};

/// `runmat.line N` stores N into the runtime's rm_current_line.
struct LineLowering : RtPattern<LineOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(LineOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    ModuleOp m = b.module();
    auto g = m.lookupSymbol<LLVM::GlobalOp>("rm_current_line");
    if (!g) {
      OpBuilder::InsertionGuard guard(rw);
      rw.setInsertionPointToStart(m.getBody());
      g = LLVM::GlobalOp::create(rw, m.getLoc(), b.i32(), /*isConstant=*/false,
                                 LLVM::Linkage::External, "rm_current_line",
                                 Attribute());
    }
    Value addr = LLVM::AddressOfOp::create(rw, op.getLoc(), g);
    auto st = LLVM::StoreOp::create(rw, op.getLoc(), b.constI32(op.getLine()), addr);
    st.setTBAATags(tbaaTag(b.ctx(), "line"));
    rw.eraseOp(op);
    return success();
  }
};

struct EnterLowering : RtPattern<EnterOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(EnterOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    b.call("rm_enter_function", b.voidTy(), {b.ptr(), b.ptr()},
           {b.str(op.getFile()), b.str(op.getFunction())});
    rw.eraseOp(op);
    return success();
  }
};

struct LeaveLowering : RtPattern<LeaveOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(LeaveOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    b.call("rm_leave_function", b.voidTy(), {}, {});
    rw.eraseOp(op);
    return success();
  }
};

struct ErrorLowering : RtPattern<ErrorOp> {
  using RtPattern::RtPattern;
  LogicalResult matchAndRewrite(ErrorOp op, OpAdaptor a,
                                ConversionPatternRewriter &rw) const override {
    auto b = rt(rw, op);
    b.call("rm_error", b.voidTy(), {b.ptr(), b.ptr()},
           {b.str(op.getIdentifier()), b.str(op.getMessage())});
    rw.eraseOp(op);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

struct ConvertRunMatToLLVMPass
    : runmat::impl::ConvertRunMatToLLVMPassBase<ConvertRunMatToLLVMPass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    LLVMTypeConverter converter(ctx);
    addRunMatTypeConversions(converter);
    RewritePatternSet patterns(ctx);
    populateRunMatToLLVMPatterns(converter, patterns);
    arith::populateArithToLLVMConversionPatterns(converter, patterns);
    populateMathToLLVMConversionPatterns(converter, patterns);
    cf::populateControlFlowToLLVMConversionPatterns(converter, patterns);
    populateFuncToLLVMConversionPatterns(converter, patterns);
    LLVMConversionTarget target(*ctx);
    target.addLegalOp<ModuleOp>();
    if (failed(applyFullConversion(getOperation(), target, std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

void runmat::addRunMatTypeConversions(LLVMTypeConverter &converter) {
  converter.addConversion([](ValueType t) -> Type {
    return LLVM::LLVMPointerType::get(t.getContext());
  });
  converter.addConversion([](SlotType t) -> Type {
    return LLVM::LLVMPointerType::get(t.getContext());
  });
}

void runmat::populateRunMatToLLVMPatterns(LLVMTypeConverter &c,
                                          RewritePatternSet &p) {
  p.add<StringLowering, DenseMatrixLowering, BoxLowering, UnboxLowering, TruthLowering,
        RangeLowering, RangeCountLowering, RangeElementLowering, RangeLastLowering,
        ConcatLowering, IndexLowering, IndexScalarLowering, EndLowering,
        IndexAssignLowering, AllocVarLowering, LoadVarLowering,
        FusedElementwiseLowering, FusedReduceLowering, FusedRngLoopLowering,
        AppendLowering,
        IsDefinedLowering, StoreVarLowering, ClearVarLowering,
        ForCountLowering, ForColumnLowering, BuiltinLowering,
        PatternLowering<MeanVarOp>, PatternLowering<CenteredGramOp>,
        PatternLowering<ExplainedVarianceOp>,
        PatternLowering<PowerStepNormalizeOp>,
        PatternLowering<MatmulEpilogueOp>, PatternLowering<ImageNormalizeOp>,
        DisplayLowering,
        LineLowering, EnterLowering, LeaveLowering, ErrorLowering, AssignAnsLowering,
        SwitchMatchLowering, SubsrefLowering, SubsasgnLowering,
        CellLiteralLowering, ListElementLowering, TryBeginLowering, TryEndLowering,
        CaughtErrorLowering, MakeClosureLowering, MakeHandleLowering,
        CallValueLowering>(c);
  p.add<BinaryLowering<PlusOp>, BinaryLowering<MinusOp>, BinaryLowering<TimesOp>,
        BinaryLowering<RDivideOp>, BinaryLowering<LDivideOp>,
        BinaryLowering<PowerOp>, BinaryLowering<MTimesOp>,
        BinaryLowering<MRDivideOp>, BinaryLowering<MLDivideOp>,
        BinaryLowering<MPowerOp>, BinaryLowering<EqOp>, BinaryLowering<NeOp>,
        BinaryLowering<LtOp>, BinaryLowering<LeOp>, BinaryLowering<GtOp>,
        BinaryLowering<GeOp>, BinaryLowering<AndOp>, BinaryLowering<OrOp>>(c);
  p.add<UnaryLowering<NegOp>, UnaryLowering<NotOp>, UnaryLowering<CTransposeOp>,
        UnaryLowering<TransposeOp>>(c);
  p.add<NullaryLowering<EmptyOp>>(c, "rm_empty");
  p.add<NullaryLowering<ColonAllOp>>(c, "rm_colon_all");
  p.add<LifetimeLowering<RetainOp>>(c, "rm_retain");
  p.add<LifetimeLowering<ReleaseOp>>(c, "rm_release");
}
