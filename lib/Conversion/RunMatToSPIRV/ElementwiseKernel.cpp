//===- ElementwiseKernel.cpp - fused elementwise bodies as SPIR-V ---------===//
//
// Builds the GPU kernel of a runmat.fused_elementwise: a spirv.module with
// one GLCompute entry point, written as SPIR-V dialect text, parsed and
// checked by MLIR, serialized by MLIR's SPIR-V serializer.
//
// Kernel ABI (the runtime's rm_gpu_elementwise):
//   set 0, binding 0: the result (f64 run-time array)
//   set 0, binding 1+k: array input k (f64 run-time arrays)
//   push constants: {u32 base, u32 n, f64 scalar inputs in order}
//   element i = base + GlobalInvocationId.x, computed when i < n;
//   local size 256.
//
// The body is the one the CPU kernels compile, after
// runmat-lower-scalar-builtins: runmat arithmetic on f64, arith constants,
// comparisons, selects, NaN-ignoring max/min, and math abs, floor, ceil,
// trunc, round, sqrt. Each becomes the SPIR-V operation with the CPU's
// IEEE result (exactly rounded + - * / and sqrt, exact floor/ceil; trunc
// made from floor and ceil, round half away from zero from trunc). Transcendental functions
// have no f64 form in GLSL.std.450: a body that calls one gets no kernel.
//
//===----------------------------------------------------------------------===//
#include "runmat/Conversion/RunMatToSPIRV/ElementwiseKernel.h"

#include "RunMat/RunMatOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SPIRV/IR/SPIRVDialect.h"
#include "mlir/Dialect/SPIRV/IR/SPIRVOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Target/SPIRV/Serialization.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <mutex>

using namespace mlir;

namespace runmat {
namespace {

constexpr const char *kF64Array =
    "!spirv.ptr<!spirv.struct<(!spirv.rtarray<f64, stride=8> [0])>, StorageBuffer>";

/// Writes the body's operations as SPIR-V; fails on any it cannot take.
class BodyWriter {
public:
  BodyWriter(llvm::raw_ostream &os) : os(os) {}

  std::string fresh() { return "%v" + std::to_string(next++); }
  void bind(Value v, std::string name) { names[v] = std::move(name); }
  std::string name(Value v) { return names.lookup(v); }

  std::string constant(double x) {
    std::string n = fresh();
    std::string lit;
    llvm::raw_string_ostream ls(lit);
    uint64_t bits;
    std::memcpy(&bits, &x, 8);
    // Hexadecimal bits: exact for every double, NaN and Inf included.
    ls << "0x" << llvm::format_hex_no_prefix(bits, 16, /*Upper=*/true);
    os << "      " << n << " = spirv.Constant " << ls.str() << " : f64\n";
    return n;
  }
  std::string op(StringRef spv, ArrayRef<std::string> args, StringRef type = "f64") {
    std::string n = fresh();
    os << "      " << n << " = " << spv << " ";
    for (size_t k = 0; k < args.size(); ++k)
      os << (k ? ", " : "") << args[k];
    os << " : " << type << "\n";
    return n;
  }
  std::string select(const std::string &c, const std::string &t, const std::string &f) {
    std::string n = fresh();
    os << "      " << n << " = spirv.Select " << c << ", " << t << ", " << f
       << " : i1, f64\n";
    return n;
  }
  std::string isNan(const std::string &x) {
    std::string n = fresh();
    os << "      " << n << " = spirv.IsNan " << x << " : f64\n";
    return n;
  }
  std::string cmp(StringRef spv, const std::string &a, const std::string &b) {
    return op(spv, {a, b});
  }

  /// MATLAB's max/min ignore NaN: the other operand when one is NaN
  /// (LLVM's maxnum/minnum, which the CPU kernels use).
  std::string maxMin(const std::string &a, const std::string &b, bool isMax) {
    std::string better =
        cmp(isMax ? "spirv.FOrdGreaterThan" : "spirv.FOrdLessThan", a, b);
    std::string m = select(better, a, b);
    return select(isNan(a), b, select(isNan(b), a, m));
  }

  LogicalResult write(Operation &o) {
    auto f64Only = [&] {
      return llvm::all_of(o.getOperandTypes(), [](Type t) { return t.isF64(); });
    };
    auto arg = [&](unsigned k) { return name(o.getOperand(k)); };
    auto result = [&](std::string n) {
      bind(o.getResult(0), std::move(n));
      return success();
    };
    if (auto c = dyn_cast<arith::ConstantOp>(o)) {
      auto f = dyn_cast<FloatAttr>(c.getValue());
      if (!f || !f.getType().isF64())
        return failure();
      return result(constant(f.getValueAsDouble()));
    }
    if (!f64Only())
      return failure();
    if (isa<PlusOp>(o))
      return result(op("spirv.FAdd", {arg(0), arg(1)}));
    if (isa<MinusOp>(o))
      return result(op("spirv.FSub", {arg(0), arg(1)}));
    if (isa<TimesOp, MTimesOp>(o))
      return result(op("spirv.FMul", {arg(0), arg(1)}));
    if (isa<RDivideOp, MRDivideOp>(o))
      return result(op("spirv.FDiv", {arg(0), arg(1)}));
    if (isa<LDivideOp>(o))
      return result(op("spirv.FDiv", {arg(1), arg(0)}));
    if (isa<NegOp>(o))
      return result(op("spirv.FNegate", {arg(0)}));
    if (isa<PowerOp>(o)) {
      // x.^2 is x*x on the CPU too (LLVM makes pow(x, 2) one multiply);
      // any other power needs pow, which f64 SPIR-V lacks.
      auto k = o.getOperand(1).getDefiningOp<arith::ConstantOp>();
      auto f = k ? dyn_cast<FloatAttr>(k.getValue()) : nullptr;
      if (!f)
        return failure();
      double e = f.getValueAsDouble();
      if (e == 1)
        return result(arg(0));
      if (e == 2)
        return result(op("spirv.FMul", {arg(0), arg(0)}));
      return failure();
    }
    if (isa<arith::AddFOp>(o))
      return result(op("spirv.FAdd", {arg(0), arg(1)}));
    if (isa<arith::SubFOp>(o))
      return result(op("spirv.FSub", {arg(0), arg(1)}));
    if (isa<arith::MulFOp>(o))
      return result(op("spirv.FMul", {arg(0), arg(1)}));
    if (isa<arith::DivFOp>(o))
      return result(op("spirv.FDiv", {arg(0), arg(1)}));
    if (isa<arith::NegFOp>(o))
      return result(op("spirv.FNegate", {arg(0)}));
    if (isa<arith::MaxNumFOp>(o))
      return result(maxMin(arg(0), arg(1), true));
    if (isa<arith::MinNumFOp>(o))
      return result(maxMin(arg(0), arg(1), false));
    if (auto c = dyn_cast<arith::CmpFOp>(o)) {
      StringRef spv;
      switch (c.getPredicate()) {
      case arith::CmpFPredicate::OEQ: spv = "spirv.FOrdEqual"; break;
      case arith::CmpFPredicate::ONE: spv = "spirv.FOrdNotEqual"; break;
      case arith::CmpFPredicate::OGT: spv = "spirv.FOrdGreaterThan"; break;
      case arith::CmpFPredicate::OGE: spv = "spirv.FOrdGreaterThanEqual"; break;
      case arith::CmpFPredicate::OLT: spv = "spirv.FOrdLessThan"; break;
      case arith::CmpFPredicate::OLE: spv = "spirv.FOrdLessThanEqual"; break;
      case arith::CmpFPredicate::UNE: spv = "spirv.FUnordNotEqual"; break;
      case arith::CmpFPredicate::UEQ: spv = "spirv.FUnordEqual"; break;
      case arith::CmpFPredicate::UGT: spv = "spirv.FUnordGreaterThan"; break;
      case arith::CmpFPredicate::UGE: spv = "spirv.FUnordGreaterThanEqual"; break;
      case arith::CmpFPredicate::ULT: spv = "spirv.FUnordLessThan"; break;
      case arith::CmpFPredicate::ULE: spv = "spirv.FUnordLessThanEqual"; break;
      default: return failure();
      }
      return result(cmp(spv, arg(0), arg(1)));
    }
    if (auto s = dyn_cast<arith::SelectOp>(o)) {
      if (!s.getType().isF64())
        return failure();
      return result(select(name(s.getCondition()), name(s.getTrueValue()),
                           name(s.getFalseValue())));
    }
    if (isa<math::AbsFOp>(o))
      return result(op("spirv.GL.FAbs", {arg(0)}));
    if (isa<math::FloorOp>(o))
      return result(op("spirv.GL.Floor", {arg(0)}));
    if (isa<math::CeilOp>(o))
      return result(op("spirv.GL.Ceil", {arg(0)}));
    if (isa<math::TruncOp>(o))
      return result(truncOf(arg(0)));
    if (isa<math::SqrtOp>(o))
      return result(op("spirv.GL.Sqrt", {arg(0)}));
    // convert-math-to-libm runs before the lowering that builds kernels:
    // the same operations as libm calls.
    if (auto call = dyn_cast<func::CallOp>(o)) {
      if (call.getNumResults() != 1 || call.getNumOperands() != 1 ||
          !call.getResult(0).getType().isF64())
        return failure();
      StringRef callee = call.getCallee();
      StringRef gl = llvm::StringSwitch<StringRef>(callee)
                         .Case("fabs", "spirv.GL.FAbs")
                         .Case("floor", "spirv.GL.Floor")
                         .Case("ceil", "spirv.GL.Ceil")
                         .Case("sqrt", "spirv.GL.Sqrt")
                         .Default("");
      if (!gl.empty())
        return result(op(gl, {arg(0)}));
      if (callee == "round")
        return result(roundAway(arg(0)));
      if (callee == "trunc")
        return result(truncOf(arg(0)));
      return failure();
    }
    if (isa<math::RoundOp>(o))
      return result(roundAway(arg(0)));
    return failure();
  }

  /// Half away from zero: trunc(x), plus sign(x) when |x - trunc(x)| >= 0.5
  /// (exact in doubles; GLSL's Round leaves halves to the device).
  /// trunc(x): floor for x >= 0, ceil otherwise (GLSL.std.450's Trunc has
  /// no op in MLIR's SPIR-V dialect). Exact; NaN and -0 as trunc's.
  std::string truncOf(const std::string &x) {
    return select(cmp("spirv.FOrdGreaterThanEqual", x, constant(0.0)),
                  op("spirv.GL.Floor", {x}), op("spirv.GL.Ceil", {x}));
  }

  std::string roundAway(const std::string &x) {
    std::string t = truncOf(x);
    std::string d = op("spirv.GL.FAbs", {op("spirv.FSub", {x, t})});
    std::string up = cmp("spirv.FOrdGreaterThanEqual", d, constant(0.5));
    std::string s = select(cmp("spirv.FOrdLessThan", x, constant(0.0)),
                           constant(-1.0), constant(1.0));
    return select(up, op("spirv.FAdd", {t, s}), t);
  }

private:
  llvm::raw_ostream &os;
  llvm::DenseMap<Value, std::string> names;
  unsigned next = 0;
};

} // namespace

FailureOr<SmallVector<uint32_t>> buildElementwiseSPIRV(FusedElementwiseOp op,
                                                       std::string *text) {
  Block &body = op.getBody().front();
  auto yield = dyn_cast<YieldOp>(body.getTerminator());
  if (!yield || !yield.getValue().getType().isF64())
    return failure();
  if (!op.getShape().empty())
    return failure(); // generators from the element index: CPU kernels only

  std::string src, bodyText;
  llvm::raw_string_ostream os(src), bs(bodyText);
  BodyWriter w(bs);
  // Inputs: array k -> binding 1 + k; scalar j -> push constant 2 + j.
  SmallVector<int> binding, member;
  unsigned arrays = 0, scalars = 0;
  for (Value in : op.getInputs()) {
    bool isArray = isa<ValueType>(in.getType());
    binding.push_back(isArray ? (int)(1 + arrays++) : -1);
    member.push_back(isArray ? -1 : (int)(2 + scalars++));
  }
  // The element's inputs.
  for (auto [k, argv] : llvm::enumerate(body.getArguments())) {
    std::string n = w.fresh();
    if (binding[k] >= 0) {
      std::string p = w.fresh(), a = w.fresh();
      bs << "      " << a << " = spirv.mlir.addressof @in" << binding[k] << " : "
         << kF64Array << "\n";
      bs << "      " << p << " = spirv.AccessChain " << a << "[%c0, %idx] : "
         << kF64Array << ", i32, i32 -> !spirv.ptr<f64, StorageBuffer>\n";
      bs << "      " << n << " = spirv.Load \"StorageBuffer\" " << p << " : f64\n";
    } else {
      std::string p = w.fresh(), m = w.fresh();
      bs << "      " << m << " = spirv.Constant " << member[k] << " : i32\n";
      bs << "      " << p << " = spirv.AccessChain %pcp[" << m
         << "] : !spirv.ptr<!PC, PushConstant>, i32 -> !spirv.ptr<f64, PushConstant>\n";
      bs << "      " << n << " = spirv.Load \"PushConstant\" " << p << " : f64\n";
    }
    w.bind(argv, n);
  }
  for (Operation &o : body.without_terminator())
    if (failed(w.write(o)))
      return failure();
  std::string result = w.name(yield.getValue());
  if (result.empty())
    return failure();

  // The module around it.
  std::string pc = "!spirv.struct<(i32 [0], i32 [4]";
  for (unsigned j = 0; j < scalars; ++j)
    pc += ", f64 [" + std::to_string(8 + 8 * j) + "]";
  pc += ")>";
  os << "!PC = " << pc << "\n";
  os << "spirv.module Logical GLSL450 requires #spirv.vce<v1.0, [Shader, Float64], "
        "[SPV_KHR_storage_buffer_storage_class]> {\n";
  os << "  spirv.GlobalVariable @out bind(0, 0) : " << kF64Array << "\n";
  for (unsigned k = 1; k <= arrays; ++k)
    os << "  spirv.GlobalVariable @in" << k << " bind(0, " << k << ") : " << kF64Array
       << "\n";
  os << "  spirv.GlobalVariable @pc : !spirv.ptr<!PC, PushConstant>\n";
  os << "  spirv.GlobalVariable @gid built_in(\"GlobalInvocationId\") : "
        "!spirv.ptr<vector<3xi32>, Input>\n";
  os << "  spirv.func @main() \"None\" {\n";
  os << "    %c0 = spirv.Constant 0 : i32\n";
  os << "    %c1 = spirv.Constant 1 : i32\n";
  os << "    %gidp = spirv.mlir.addressof @gid : !spirv.ptr<vector<3xi32>, Input>\n";
  os << "    %gidv = spirv.Load \"Input\" %gidp : vector<3xi32>\n";
  os << "    %gx = spirv.CompositeExtract %gidv[0 : i32] : vector<3xi32>\n";
  os << "    %pcp = spirv.mlir.addressof @pc : !spirv.ptr<!PC, PushConstant>\n";
  os << "    %basep = spirv.AccessChain %pcp[%c0] : !spirv.ptr<!PC, PushConstant>, i32 "
        "-> !spirv.ptr<i32, PushConstant>\n";
  os << "    %base = spirv.Load \"PushConstant\" %basep : i32\n";
  os << "    %np = spirv.AccessChain %pcp[%c1] : !spirv.ptr<!PC, PushConstant>, i32 -> "
        "!spirv.ptr<i32, PushConstant>\n";
  os << "    %n = spirv.Load \"PushConstant\" %np : i32\n";
  os << "    %idx = spirv.IAdd %base, %gx : i32\n";
  os << "    %ok = spirv.ULessThan %idx, %n : i32\n";
  os << "    spirv.mlir.selection {\n";
  os << "      spirv.BranchConditional %ok, ^bb1, ^bb2\n";
  os << "    ^bb1:\n";
  os << bs.str();
  os << "      %outa = spirv.mlir.addressof @out : " << kF64Array << "\n";
  os << "      %outp = spirv.AccessChain %outa[%c0, %idx] : " << kF64Array
     << ", i32, i32 -> !spirv.ptr<f64, StorageBuffer>\n";
  os << "      spirv.Store \"StorageBuffer\" %outp, " << result << " : f64\n";
  os << "      spirv.Branch ^bb2\n";
  os << "    ^bb2:\n";
  os << "      spirv.mlir.merge\n";
  os << "    }\n";
  os << "    spirv.Return\n";
  os << "  }\n";
  os << "  spirv.EntryPoint \"GLCompute\" @main, @gid\n";
  os << "  spirv.ExecutionMode @main \"LocalSize\", " << kElementwiseLocalSize
     << ", 1, 1\n";
  os << "}\n";
  if (text)
    *text = os.str();

  // Parse and serialize in a context of their own (the caller's may be in
  // the middle of a conversion), one for the process: made once, not per
  // kernel (a lock keeps concurrent callers apart).
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  static MLIRContext &ctx = []() -> MLIRContext & {
    auto *c = new MLIRContext(MLIRContext::Threading::DISABLED);
    c->loadDialect<spirv::SPIRVDialect>();
    c->printOpOnDiagnostic(false);
    return *c;
  }();
  ScopedDiagnosticHandler quiet(&ctx, [](Diagnostic &) { return success(); });
  OwningOpRef<ModuleOp> m = parseSourceString<ModuleOp>(os.str(), &ctx);
  if (!m)
    return failure();
  auto spv = *m->getOps<spirv::ModuleOp>().begin();
  SmallVector<uint32_t> words;
  if (failed(spirv::serialize(spv, words)))
    return failure();
  return words;
}

} // namespace runmat
