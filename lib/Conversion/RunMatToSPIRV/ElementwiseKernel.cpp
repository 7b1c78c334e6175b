//===- ElementwiseKernel.cpp - fused elementwise bodies as SPIR-V ---------===//
//
// Builds the GPU kernel of a runmat.fused_elementwise: a spirv.module with
// one GLCompute entry point, written as SPIR-V dialect text, parsed and
// checked by MLIR, serialized by MLIR's SPIR-V serializer.
//
// Kernel ABI (the runtime's rm_gpu_elementwise):
//   set 0, binding 0: the result (f64 run-time array)
//   set 0, binding 1+k: array input k (f64 run-time arrays)
//   set 0, binding 1+n (n arrays), only in kernels that may need it: a u32
//     flag, set to 1 by an element the kernel cannot compute (sin or cos
//     beyond 2^20 pi/2); the runtime then runs the CPU kernel
//   push constants: {u32 base, u32 n, f64 scalar inputs in order}
//   element i = base + GlobalInvocationId.x, computed when i < n;
//   local size 256.
//
// The body is the one the CPU kernels compile, after
// runmat-lower-scalar-builtins: runmat arithmetic on f64, arith constants,
// comparisons, selects, NaN-ignoring max/min, and math abs, floor, ceil,
// trunc, round, sqrt. Each becomes the SPIR-V operation with the CPU's
// IEEE result (exactly rounded + - * / and sqrt, exact floor/ceil; trunc
// made from floor and ceil, round half away from zero from trunc). exp,
// sin, cos and tanh, which GLSL.std.450 has in 32 bits only, come from
// F64Math.cpp (within 2 ulp of libm); a body calling another function gets
// no kernel.
//
//===----------------------------------------------------------------------===//
#include "runmat/Conversion/RunMatToSPIRV/ElementwiseKernel.h"

#include "BodyWriter.h"

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

using spirvgen::BodyWriter;
using spirvgen::kF64Array;

constexpr const char *kU32Array =
    "!spirv.ptr<!spirv.struct<(!spirv.rtarray<i32, stride=4> [0])>, StorageBuffer>";

FailureOr<SmallVector<uint32_t>> buildElementwiseSPIRV(FusedElementwiseOp op,
                                                       std::string *text,
                                                       bool *flagged) {
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
  // An element the kernel cannot compute (sin of |x| >= 2^20 pi/2) sets
  // flag[0]: the runtime then computes the region on the CPU.
  if (!w.needsCpu().empty()) {
    bs << "      spirv.mlir.selection {\n";
    bs << "        spirv.BranchConditional " << w.needsCpu() << ", ^bb1, ^bb2\n";
    bs << "      ^bb1:\n";
    bs << "        %fa = spirv.mlir.addressof @flag : " << kU32Array << "\n";
    bs << "        %fp = spirv.AccessChain %fa[%c0, %c0] : " << kU32Array
       << ", i32, i32 -> !spirv.ptr<i32, StorageBuffer>\n";
    bs << "        spirv.Store \"StorageBuffer\" %fp, %c1 : i32\n";
    bs << "        spirv.Branch ^bb2\n";
    bs << "      ^bb2:\n";
    bs << "        spirv.mlir.merge\n";
    bs << "      }\n";
  }

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
  if (!w.needsCpu().empty())
    os << "  spirv.GlobalVariable @flag bind(0, " << arrays + 1 << ") : " << kU32Array
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
  if (flagged)
    *flagged = !w.needsCpu().empty();

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
