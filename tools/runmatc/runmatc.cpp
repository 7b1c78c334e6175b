//===- runmatc.cpp - Ahead-of-time MATLAB compiler ------------------------===//
//
// runmatc FILE.m -o EXE: compiles through the RunMat pipeline to an object
// file and links it with the static runtime and OpenBLAS into an executable
// that needs no LLVM.
//
//===----------------------------------------------------------------------===//
#include "runmat/Pipeline/Pipeline.h"
#include "runmat/Pipeline/ToolSupport.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"

#include <iostream>

using namespace runmat;

static const char *kHelp =
    "OVERVIEW: runmatc - compile a MATLAB script to a native executable\n\n"
    "USAGE: runmatc FILE.m -o EXE [options]\n\n"
    "OPTIONS:\n"
    "  -o EXE        output executable (default: FILE without .m)\n"
    "  -O0 ... -O3   optimisation level (default -O2)\n"
    "  --emit=STAGE  print a stage instead: ast, mlir, mlir-lowered, llvm,\n                spirv (the GPU kernels)\n"
    "  --help        this text\n"
    "  --version     the RunMat version\n";

int main(int argc, char **argv) {
  DriverArgs args;
  if (!parseDriverArgs(argc, argv, "runmatc", /*allowOutput=*/true, args))
    return 2;
  if (args.help) {
    std::cout << kHelp;
    return 0;
  }
  if (args.version) {
    std::cout << "runmatc (RunMat) " << kRunMatVersion << "\n";
    return 0;
  }
  if (args.input.empty()) {
    std::cerr << "runmatc: error: no input file (see --help)\n";
    return 2;
  }
  std::string source;
  if (!readSourceFile(args.input, source))
    return 1;
  mlir::MLIRContext ctx;
  prepareContext(ctx);
  mlir::OwningOpRef<mlir::ModuleOp> module;
  int rc = compileToStage(ctx, args, args.input, source, module,
                          /*forExecutable=*/true);
  if (rc >= 0)
    return rc;

  std::string out = args.output;
  if (out.empty()) {
    out = args.input;
    if (out.size() > 2 && out.substr(out.size() - 2) == ".m")
      out = out.substr(0, out.size() - 2);
    else
      out += ".out";
  }
  llvm::LLVMContext llvmCtx;
  auto llvmModule = translateToLLVMIR(*module, llvmCtx, args.opts);
  if (!llvmModule)
    return 1;
  llvm::SmallString<128> obj;
  if (llvm::sys::fs::createTemporaryFile("runmatc", "o", obj)) {
    std::cerr << "runmatc: error: cannot create a temporary file\n";
    return 1;
  }
  if (!writeObjectFile(*llvmModule, obj.str().str()))
    return 1;

  auto cxx = llvm::sys::findProgramByName("c++");
  if (!cxx) {
    std::cerr << "runmatc: error: no C++ linker (c++) on PATH\n";
    return 1;
  }
  std::vector<std::string> argvLink = {
      *cxx, obj.str().str(), "-o", out, RUNMAT_RT_ARCHIVE,
      RUNMAT_OPENBLAS_ARCHIVE, RUNMAT_FFTW_ARCHIVE, "-static-libstdc++", "-static-libgcc",
      "-Wl,-Bstatic", "-lgfortran", "-lquadmath", "-Wl,-Bdynamic",
      "-lpthread", "-lmvec", "-lm", "-ldl"};
  std::vector<llvm::StringRef> refs(argvLink.begin(), argvLink.end());
  std::string err;
  int linkRc = llvm::sys::ExecuteAndWait(*cxx, refs, std::nullopt, {}, 0, 0, &err);
  llvm::sys::fs::remove(obj);
  if (linkRc != 0) {
    std::cerr << "runmatc: error: linking failed" << (err.empty() ? "" : ": ")
              << err << "\n";
    return 1;
  }
  return 0;
}
