//===- ToolSupport.cpp - Command lines and stages shared by the tools -----===//
#include "runmat/Conversion/RunMatToSPIRV/ElementwiseKernel.h"
#include "runmat/Pipeline/ToolSupport.h"
#include "runmat/Frontend/PathResolver.h"

#include "mlir/IR/Verifier.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>
#include <iostream>

using namespace runmat;

const char *const runmat::kRunMatVersion = "0.1.0";

bool runmat::parseDriverArgs(int argc, char **argv, const char *tool,
                             bool allowOutput, DriverArgs &out) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      out.help = true;
    } else if (a == "--version") {
      out.version = true;
    } else if (a == "--list-builtins") {
      out.listBuiltins = true;
    } else if (a.size() == 3 && a[0] == '-' && a[1] == 'O' && a[2] >= '0' &&
               a[2] <= '3') {
      out.opts.optLevel = a[2] - '0';
    } else if (a.rfind("--emit=", 0) == 0) {
      if (!parseEmitStage(a.substr(7), out.emit)) {
        std::cerr << tool << ": error: unknown stage '" << a.substr(7)
                  << "' (expected ast, mlir, mlir-lowered, llvm or spirv)\n";
        return false;
      }
    } else if (allowOutput && a == "-o") {
      if (i + 1 >= argc) {
        std::cerr << tool << ": error: -o needs a file name\n";
        return false;
      }
      out.output = argv[++i];
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      std::cerr << tool << ": error: unknown option '" << a << "' (see --help)\n";
      return false;
    } else if (out.input.empty()) {
      out.input = a;
    } else {
      std::cerr << tool << ": error: more than one input file\n";
      return false;
    }
  }
  return true;
}

int runmat::compileToStage(mlir::MLIRContext &ctx, const DriverArgs &args,
                           const std::string &path, const std::string &source,
                           mlir::OwningOpRef<mlir::ModuleOp> &module,
                           bool forExecutable) {
  auto file = parseSource(path, source);
  if (!file)
    return 1;
  if (args.emit == EmitStage::AST) {
    std::cout << ast::dump(*file);
    return 0;
  }
  std::string linkError;
  if (!linkPathFunctions(*file, path, linkError)) {
    std::cerr << linkError;
    return 1;
  }
  module = generateModule(ctx, *file, path, args.opts);
  if (!module || mlir::failed(mlir::verify(*module))) {
    std::cerr << "error: internal: the generated module does not verify\n";
    return 1;
  }
  if (args.emit == EmitStage::MLIR) {
    module->print(llvm::outs());
    llvm::outs() << "\n";
    return 0;
  }
  if (args.emit == EmitStage::SPIRV) {
    // The GPU kernels of the fused regions, as SPIR-V dialect text (the
    // binaries embedded in the module are these, serialized).
    if (mlir::failed(optimizeModule(*module, args.opts))) {
      std::cerr << "error: internal: lowering failed\n";
      return 1;
    }
    unsigned n = 0;
    module->walk([&](FusedElementwiseOp op) {
      std::string text;
      llvm::outs() << "// kernel " << n++ << " at " << op.getLoc() << "\n";
      if (mlir::succeeded(buildElementwiseSPIRV(op, &text)))
        llvm::outs() << text << "\n";
      else
        llvm::outs() << "// (none: the region runs on the CPU)\n\n";
    });
    return 0;
  }
  if (mlir::failed(optimizeModule(*module, args.opts)) ||
      mlir::failed(lowerToLLVMDialect(*module))) {
    std::cerr << "error: internal: lowering failed\n";
    return 1;
  }
  if (forExecutable)
    addExecutableMain(*module);
  if (args.emit == EmitStage::MLIRLowered) {
    module->print(llvm::outs());
    llvm::outs() << "\n";
    return 0;
  }
  if (args.emit == EmitStage::LLVM) {
    llvm::LLVMContext llvmCtx;
    auto m = translateToLLVMIR(*module, llvmCtx, args.opts);
    if (!m)
      return 1;
    m->print(llvm::outs(), nullptr);
    return 0;
  }
  return -1;
}
