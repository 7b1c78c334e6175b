//===- JIT.cpp - Running a lowered module with ORC ------------------------===//
//
// Kept apart from Pipeline.cpp: it calls into the runtime (rm_init,
// rm_run_main), which only runmat-jit links.
//
//===----------------------------------------------------------------------===//
#include "runmat/Pipeline/Pipeline.h"
#include "runmat/rt/abi.h"

#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/DynamicLibrary.h"
#include "llvm/Target/TargetMachine.h"

using namespace mlir;
using namespace runmat;

int runmat::runJIT(ModuleOp module, const PipelineOptions &opts) {
  initNativeTarget();
  auto tm = hostTargetMachine(opts.optLevel);
  unsigned level = opts.optLevel;
  llvm::TargetMachine *tmp = tm.get();
  auto transformer = [level, tmp](llvm::Module *m) {
    return optimizeLLVMModule(*m, level, tmp);
  };
  ExecutionEngineOptions eo;
  eo.transformer = transformer;
  // Vectorised loops call libmvec's SIMD functions: load it (glibc's) into
  // the process so the JIT resolves them like any other symbol.
  llvm::sys::DynamicLibrary::LoadLibraryPermanently("libmvec.so.1");
  eo.jitCodeGenOptLevel = opts.optLevel == 0 ? llvm::CodeGenOptLevel::None
                                             : llvm::CodeGenOptLevel::Default;
  // Code generation uses the same target machine (CPU, features, level)
  // as the optimiser and as runmatc.
  auto engine = ExecutionEngine::create(module, eo,
                                        hostTargetMachine(opts.optLevel));
  if (!engine) {
    llvm::errs() << "error: JIT compilation failed: " << engine.takeError() << "\n";
    return -1;
  }
  auto fn = (*engine)->lookup(entryFunctionName(module));
  if (!fn) {
    llvm::errs() << "error: no entry point: " << fn.takeError() << "\n";
    return -1;
  }
  rm_init();
  return rm_run_main(reinterpret_cast<void (*)(void)>(*fn));
}

