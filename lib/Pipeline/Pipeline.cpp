//===- Pipeline.cpp - The compiler pipelines the tools share --------------===//
#include <deque>
#include "runmat/Pipeline/Pipeline.h"

#include <cstdio>
#include <gnu/libc-version.h>

#include "RunMat/RunMatOps.h"
#include "runmat/Conversion/Passes.h"
#include "runmat/Frontend/Parser.h"
#include "runmat/Frontend/Sema.h"
#include "runmat/MLIRGen/MLIRGen.h"
#include "runmat/Pipeline/Registration.h"
#include "runmat/Transforms/Passes.h"
#include "runmat/rt/abi.h"

#include "mlir/Conversion/MathToLibm/MathToLibm.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "mlir/Transforms/Passes.h"

#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/SystemLibraries.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include <cstdlib>
#include <mutex>
#include "llvm/Target/TargetOptions.h"
#include "llvm/TargetParser/Host.h"

#include <fstream>
#include <iostream>
#include <sstream>

using namespace mlir;
using namespace runmat;

bool runmat::parseEmitStage(const std::string &s, EmitStage &out) {
  if (s == "ast")
    out = EmitStage::AST;
  else if (s == "mlir")
    out = EmitStage::MLIR;
  else if (s == "mlir-lowered")
    out = EmitStage::MLIRLowered;
  else if (s == "llvm")
    out = EmitStage::LLVM;
  else if (s == "spirv")
    out = EmitStage::SPIRV;
  else
    return false;
  return true;
}

bool runmat::readSourceFile(const std::string &path, std::string &out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "error: cannot open '" << path << "'\n";
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

std::unique_ptr<ast::File> runmat::parseSource(const std::string &path,
                                               const std::string &source) {
  std::vector<Diagnostic> diags;
  auto file = parseFile(path, source, diags);
  if (!file) {
    if (diags.empty())
      diags.push_back(Diagnostic{ast::Location{1, 1}, "Invalid input."});
    std::cerr << formatDiagnostic(path, source, diags.front());
    std::cerr.flush();
  }
  return file;
}

void runmat::prepareContext(MLIRContext &ctx) {
  DialectRegistry registry;
  registerRunMatDialects(registry);
  ctx.appendDialectRegistry(registry);
  ctx.loadAllAvailableDialects();
}

OwningOpRef<ModuleOp> runmat::generateModule(MLIRContext &ctx, ast::File &file,
                                             const std::string &path,
                                             const PipelineOptions &opts) {
  sema::Program program(file, opts.repl, opts.workspace);
  return mlirGen(ctx, program, path);
}

LogicalResult runmat::optimizeModule(ModuleOp module, const PipelineOptions &opts) {
  PassManager pm(module.getContext());
  if (opts.optLevel > 0) {
    pm.addPass(createForwardVariablesPass());
    // The named patterns (RUNMAT_PATTERNS=0 leaves them to the generic
    // passes, to measure what they bring).
    const char *patterns = std::getenv("RUNMAT_PATTERNS");
    if (!patterns || std::string(patterns) != "0") {
      pm.addPass(createFuseMeanVarPass());
      pm.addPass(createFuseImageNormalizePass());
      pm.addPass(createFuseCenteredGramPass());
      pm.addPass(createFuseExplainedVariancePass());
      pm.addPass(createFusePowerStepPass());
      pm.addPass(createFuseMatmulEpiloguePass());
    }
    pm.addPass(createFuseMatmulPass());
    pm.addPass(createFuseElementwisePass());
    pm.addPass(createFuseReductionsPass());
    pm.addPass(createFuseLoopIdiomPass());
    pm.addPass(createFuseGeneratorsPass());
  }
  pm.addPass(createLowerScalarBuiltinsPass());
  if (opts.optLevel > 0) {
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createCSEPass());
  }
  return pm.run(module);
}

LogicalResult runmat::lowerToLLVMDialect(ModuleOp module) {
  PassManager pm(module.getContext());
  pm.addPass(createConvertMathToLibmPass());
  pm.addPass(createConvertRunMatToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  return pm.run(module);
}

void runmat::initNativeTarget() {
  static bool done = [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    llvm::InitializeNativeTargetAsmParser();
    return true;
  }();
  (void)done;
}

/// The host's CPU features for code generation, without AVX-512 unless
/// RUNMAT_AVX512=1. Measured on the development machine (AMD Zen 5, 2
/// vCPUs): with AVX-512 enabled, LLVM computes scalar comparisons in mask
/// registers (vcmpsd k, kmov, kand) and a scalar loop filling a matrix
/// element by element runs 3x slower (7.0 against 2.4 ns per element) than
/// with AVX2 code; see docs/architecture.md, "Code generation target".
std::string runmat::hostFeatureString() {
  const char *env = std::getenv("RUNMAT_AVX512");
  return hostFeatureString(env && std::string(env) == "1");
}

std::string runmat::hostFeatureString(bool avx512) {
  llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
  std::string featureStr;
  for (auto &f : features) {
    llvm::StringRef name = f.first();
    bool on = f.second;
    if (!avx512 && (name.starts_with("avx512") || name.starts_with("avx10") ||
                    name == "evex512" || name == "amx-avx512"))
      on = false;
    featureStr += (on ? "+" : "-") + name.str() + ",";
  }
  return featureStr;
}

std::unique_ptr<llvm::TargetMachine> runmat::hostTargetMachine(unsigned optLevel) {
  initNativeTarget();
  std::string triple = llvm::sys::getProcessTriple();
  std::string err;
  const llvm::Target *target = llvm::TargetRegistry::lookupTarget(llvm::Triple(triple), err);
  if (!target) {
    llvm::errs() << "error: " << err << "\n";
    return nullptr;
  }
  std::string featureStr = hostFeatureString();
  llvm::TargetOptions to;
  auto level = optLevel == 0   ? llvm::CodeGenOptLevel::None
               : optLevel == 1 ? llvm::CodeGenOptLevel::Less
               : optLevel == 2 ? llvm::CodeGenOptLevel::Default
                               : llvm::CodeGenOptLevel::Aggressive;
  return std::unique_ptr<llvm::TargetMachine>(target->createTargetMachine(
      llvm::Triple(triple), llvm::sys::getHostCPUName(), featureStr, to,
      llvm::Reloc::PIC_, std::nullopt, level));
}

std::unique_ptr<llvm::Module> runmat::translateToLLVMIR(ModuleOp module,
                                                        llvm::LLVMContext &llvmCtx,
                                                        const PipelineOptions &opts) {
  auto llvmModule = translateModuleToLLVMIR(module, llvmCtx, "runmat");
  if (!llvmModule)
    return nullptr;
  auto tm = hostTargetMachine(opts.optLevel);
  if (!tm)
    return nullptr;
  llvmModule->setDataLayout(tm->createDataLayout());
  llvmModule->setTargetTriple(tm->getTargetTriple());
  if (auto err = optimizeLLVMModule(*llvmModule, opts.optLevel, tm.get())) {
    llvm::errs() << "error: LLVM optimisation failed: " << err << "\n";
    return nullptr;
  }
  return llvmModule;
}

/// libmvec's AVX2 variants that LLVM's LIBMVEC table lacks (glibc 2.35
/// added them: tanh, atan, sinh, ...). Only offered when the running glibc
/// has them (the JIT links against it; runmatc targets this machine).
static llvm::ArrayRef<llvm::VecDesc> glibcVectorFunctions() {
  static const std::vector<llvm::VecDesc> fns = [] {
    std::vector<llvm::VecDesc> v;
    unsigned major = 0, minor = 0;
    if (std::sscanf(gnu_get_libc_version(), "%u.%u", &major, &minor) != 2 ||
        major < 2 || (major == 2 && minor < 35))
      return v;
    llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
    if (!features.lookup("avx2"))
      return v; // the _ZGVd variants are AVX2 code
    static const char *const unary[][3] = {
        {"tanh", "llvm.tanh.f64", "_ZGVdN4v_tanh"},
        {"atan", "llvm.atan.f64", "_ZGVdN4v_atan"},
        {"sinh", "llvm.sinh.f64", "_ZGVdN4v_sinh"},
        {"cosh", "llvm.cosh.f64", "_ZGVdN4v_cosh"},
        {"asin", "llvm.asin.f64", "_ZGVdN4v_asin"},
        {"acos", "llvm.acos.f64", "_ZGVdN4v_acos"},
        {"exp2", "llvm.exp2.f64", "_ZGVdN4v_exp2"},
        {"exp10", "llvm.exp10.f64", "_ZGVdN4v_exp10"},
        {"log2", "llvm.log2.f64", "_ZGVdN4v_log2"},
        {"log10", "llvm.log10.f64", "_ZGVdN4v_log10"},
        {"expm1", nullptr, "_ZGVdN4v_expm1"},
        {"log1p", nullptr, "_ZGVdN4v_log1p"},
        {"cbrt", nullptr, "_ZGVdN4v_cbrt"},
        {"erf", nullptr, "_ZGVdN4v_erf"},
        {"erfc", nullptr, "_ZGVdN4v_erfc"},
        {"asinh", nullptr, "_ZGVdN4v_asinh"},
        {"acosh", nullptr, "_ZGVdN4v_acosh"},
        {"atanh", nullptr, "_ZGVdN4v_atanh"},
    };
    auto four = llvm::ElementCount::getFixed(4);
    for (auto &f : unary)
      for (int k = 0; k < 2; ++k)
        if (f[k])
          v.emplace_back(f[k], f[2], four, false, "_ZGV_LLVM_N4v", std::nullopt);
    v.emplace_back("atan2", "_ZGVdN4vv_atan2", four, false, "_ZGV_LLVM_N4vv",
                   std::nullopt);
    v.emplace_back("hypot", "_ZGVdN4vv_hypot", four, false, "_ZGV_LLVM_N4vv",
                   std::nullopt);
    if (!features.lookup("avx512f"))
      return v;
    // The AVX-512 variants (_ZGVe, 8 doubles), for the fused kernels, which
    // are compiled for AVX-512 (see withAvx512Kernels); functions compiled
    // for AVX2 never form 8-double vectors, so they never call these.
    auto eight = llvm::ElementCount::getFixed(8);
    static std::deque<std::string> names; // VecDesc keeps StringRefs
    auto addE = [&](const char *scalar, const std::string &vec, bool binary) {
      names.push_back(vec);
      v.emplace_back(scalar, names.back(), eight, false,
                     binary ? "_ZGV_LLVM_N8vv" : "_ZGV_LLVM_N8v", std::nullopt);
    };
    static const char *const basic[][2] = {{"sin", "llvm.sin.f64"},
                                           {"cos", "llvm.cos.f64"},
                                           {"tan", "llvm.tan.f64"},
                                           {"exp", "llvm.exp.f64"},
                                           {"log", "llvm.log.f64"}};
    for (auto &f : basic)
      for (const char *name : f)
        addE(name, std::string("_ZGVeN8v_") + f[0], false);
    for (auto &f : unary)
      for (int k = 0; k < 2; ++k)
        if (f[k])
          addE(f[k], std::string("_ZGVeN8v_") + f[0], false);
    for (const char *name : {"pow", "llvm.pow.f64"})
      addE(name, "_ZGVeN8vv_pow", true);
    addE("atan2", "_ZGVeN8vv_atan2", true);
    addE("hypot", "_ZGVeN8vv_hypot", true);
    return v;
  }();
  return fns;
}

/// The fused kernels (__rm_fused*) are compiled for AVX-512 where the host
/// has it (unless RUNMAT_AVX512=0): their loops then run 8 doubles at a time
/// with libmvec's _ZGVe functions. The rest of the module keeps AVX2 code
/// (hostFeatureString: AVX-512's mask-register compares slow scalar code).
static void withAvx512Kernels(llvm::Module &m) {
  static const bool on = [] {
    const char *env = std::getenv("RUNMAT_AVX512");
    return llvm::sys::getHostCPUFeatures().lookup("avx512f") &&
           !(env && std::string(env) == "0");
  }();
  if (!on)
    return;
  static const std::string features = runmat::hostFeatureString(true);
  for (llvm::Function &f : m)
    if (!f.isDeclaration() && f.getName().starts_with("__rm_fused")) {
      f.addFnAttr("target-features", features);
      f.addFnAttr("prefer-vector-width", "512");
      f.addFnAttr("min-legal-vector-width", "512");
    }
}

/// Lets the loop vectoriser vectorise loops that add floating-point values
/// in order (LLVM's -force-ordered-reductions; x86 leaves it off): the
/// fused reductions' kernels add each element into the sum as it is
/// computed, in the runtime's order, and the vectorised arithmetic then
/// overlaps that chain of adds. The order of the additions is kept, so the
/// results do not change.
static void enableOrderedReductions() {
  static std::once_flag once;
  std::call_once(once, [] {
    auto &opts = llvm::cl::getRegisteredOptions();
    auto it = opts.find("force-ordered-reductions");
    // As if given on the command line: the vectoriser asks whether it was.
    if (it != opts.end() && it->second->getNumOccurrences() == 0)
      (void)it->second->addOccurrence(0, "force-ordered-reductions", "true");
  });
}

llvm::Error runmat::optimizeLLVMModule(llvm::Module &m, unsigned optLevel,
                                       llvm::TargetMachine *tm) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  enableOrderedReductions();
  llvm::PipelineTuningOptions pto;
  pto.LoopVectorization = optLevel > 1;
  pto.SLPVectorization = optLevel > 1;
  llvm::PassBuilder pb(tm, pto);
  withAvx512Kernels(m);
  // glibc's libmvec: the vectoriser may call its SIMD sin/cos/exp/log/pow
  // (results within its documented error, a few ulp at most) in loops over
  // array elements. Registered before the default analyses, so it wins.
  llvm::TargetLibraryInfoImpl tlii(m.getTargetTriple(), llvm::VectorLibrary::LIBMVEC);
  tlii.addVectorizableFunctions(glibcVectorFunctions());
  fam.registerPass([&] { return llvm::TargetLibraryAnalysis(tlii); });
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::OptimizationLevel level = optLevel == 0   ? llvm::OptimizationLevel::O0
                                  : optLevel == 1 ? llvm::OptimizationLevel::O1
                                  : optLevel == 2 ? llvm::OptimizationLevel::O2
                                                  : llvm::OptimizationLevel::O3;
  llvm::ModulePassManager mpm = optLevel == 0
                                    ? pb.buildO0DefaultPipeline(level)
                                    : pb.buildPerModuleDefaultPipeline(level);
  mpm.run(m, mam);
  return llvm::Error::success();
}

const char *runmat::entryFunctionName(const ModuleOp module) {
  ModuleOp m = module;
  if (m.lookupSymbol("__runmat_main"))
    return "__runmat_main";
  return "__runmat_script";
}

void runmat::addExecutableMain(ModuleOp module) {
  OpBuilder b(module.getContext());
  b.setInsertionPointToEnd(module.getBody());
  Location loc = module.getLoc();
  auto ptr = LLVM::LLVMPointerType::get(module.getContext());
  auto i32 = b.getI32Type();
  auto voidTy = LLVM::LLVMVoidType::get(module.getContext());
  auto declare = [&](StringRef name, Type res, ArrayRef<Type> params) {
    if (auto f = module.lookupSymbol<LLVM::LLVMFuncOp>(name))
      return f;
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(module.getBody());
    return LLVM::LLVMFuncOp::create(b, loc, name,
                                    LLVM::LLVMFunctionType::get(res, params));
  };
  auto init = declare("rm_init", voidTy, {});
  auto run = declare("rm_run_main", i32, {ptr});
  auto main = LLVM::LLVMFuncOp::create(b, loc, "main",
                                       LLVM::LLVMFunctionType::get(i32, {}));
  Block *entry = main.addEntryBlock(b);
  b.setInsertionPointToStart(entry);
  LLVM::CallOp::create(b, loc, init, ValueRange{});
  auto entryFn = module.lookupSymbol<LLVM::LLVMFuncOp>(entryFunctionName(module));
  Value fp = LLVM::AddressOfOp::create(b, loc, entryFn);
  Value rc = LLVM::CallOp::create(b, loc, run, ValueRange{fp}).getResult();
  LLVM::ReturnOp::create(b, loc, rc);
}

bool runmat::writeObjectFile(llvm::Module &module, const std::string &path) {
  auto tm = hostTargetMachine(2);
  if (!tm)
    return false;
  std::error_code ec;
  llvm::raw_fd_ostream out(path, ec, llvm::sys::fs::OF_None);
  if (ec) {
    llvm::errs() << "error: cannot write '" << path << "': " << ec.message() << "\n";
    return false;
  }
  llvm::legacy::PassManager pm;
  if (tm->addPassesToEmitFile(pm, out, nullptr, llvm::CodeGenFileType::ObjectFile)) {
    llvm::errs() << "error: the target cannot emit object files\n";
    return false;
  }
  pm.run(module);
  out.flush();
  return true;
}
