//===- BodyWriter.h - SPIR-V text for fused bodies --------------*- C++ -*-===//
//
// Private to lib/Conversion/RunMatToSPIRV: writes the operations of a
// fused body as SPIR-V dialect text (ElementwiseKernel.cpp), with the f64
// math functions GLSL.std.450 lacks made from exactly rounded operations
// (F64Math.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_LIB_CONVERSION_RUNMATTOSPIRV_BODYWRITER_H
#define RUNMAT_LIB_CONVERSION_RUNMATTOSPIRV_BODYWRITER_H

#include "RunMat/RunMatOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <array>
#include <cstring>
#include <string>

namespace runmat::spirvgen {

using namespace mlir;


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
  /// `spv args : type`. Float arithmetic is decorated NoContraction: a
  /// driver may otherwise fuse a*b + c into one FMA (NVIDIA's does), and
  /// the CPU rounds each operation.
  std::string op(StringRef spv, ArrayRef<std::string> args, StringRef type = "f64") {
    std::string n = fresh();
    os << "      " << n << " = " << spv << " ";
    for (size_t k = 0; k < args.size(); ++k)
      os << (k ? ", " : "") << args[k];
    if (spv == "spirv.FAdd" || spv == "spirv.FSub" || spv == "spirv.FMul" ||
        spv == "spirv.FDiv")
      os << " {no_contraction}";
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
      if (std::string m = mathCall(callee, arg(0)); !m.empty())
        return result(m);
      if (callee == "round")
        return result(roundAway(arg(0)));
      if (callee == "trunc")
        return result(truncOf(arg(0)));
      return failure();
    }
    if (isa<math::RoundOp>(o))
      return result(roundAway(arg(0)));
    if (isa<math::ExpOp, math::SinOp, math::CosOp, math::TanhOp>(o))
      return result(mathCall(o.getName().stripDialect(), arg(0)));
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

  // ---- f64 math (F64Math.cpp) ----------------------------------------------
  /// exp, sin, cos, tanh of an f64, within 2 ulp of glibc's libm. sin and
  /// cos reduce arguments up to 2^20 * pi/2 exactly (Cody-Waite in three
  /// parts); beyond that they set needsCpu() (the runtime then computes
  /// the region on the CPU).
  std::string expF64(const std::string &x);
  std::string sinF64(const std::string &x);
  std::string cosF64(const std::string &x);
  std::string tanhF64(const std::string &x);
  /// An i1 true for elements that the CPU must compute ("" when none can).
  const std::string &needsCpu() const { return cpuFlag; }

private:
  std::string fadd(const std::string &a, const std::string &b) { return op("spirv.FAdd", {a, b}); }
  std::string fsub(const std::string &a, const std::string &b) { return op("spirv.FSub", {a, b}); }
  std::string fmul(const std::string &a, const std::string &b) { return op("spirv.FMul", {a, b}); }
  std::string fdiv(const std::string &a, const std::string &b) { return op("spirv.FDiv", {a, b}); }
  std::string mathCall(StringRef callee, const std::string &x);
  std::string i32(int v);
  std::string i32op(StringRef spv, ArrayRef<std::string> args);
  std::string scale2(const std::string &y, const std::string &k);
  /// x = n*pi/2 + (y0 + y1), |y0 + y1| <= pi/4; n as an i32.
  void reducePiOver2(const std::string &x, std::string &y0, std::string &y1,
                     std::string &n);
  std::string kernelSin(const std::string &x, const std::string &y);
  std::string kernelCos(const std::string &x, const std::string &y);
  std::string sinCos(const std::string &x, bool cosine);

  llvm::raw_ostream &os;
  std::string cpuFlag;
  llvm::StringMap<std::array<std::string, 3>> sinCosOf; // x -> {sin, cos, n}
  llvm::DenseMap<Value, std::string> names;
  unsigned next = 0;
};

} // namespace runmat::spirvgen

#endif // RUNMAT_LIB_CONVERSION_RUNMATTOSPIRV_BODYWRITER_H
