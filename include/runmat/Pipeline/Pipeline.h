//===- runmat/Pipeline/Pipeline.h - The compiler pipelines ------*- C++ -*-===//
//
// The stages every tool shares, as library functions:
//   parse -> sema -> mlirGen (runmat dialect) -> optimize (runmat passes)
//   -> lowerToLLVMDialect -> translate (LLVM IR, -O0..-O3) -> JIT or object.
// The tools (runmat-jit, runmatc) only parse flags and call these.
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_PIPELINE_PIPELINE_H
#define RUNMAT_PIPELINE_PIPELINE_H

#include "runmat/Frontend/AST.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "mlir/Support/LogicalResult.h"

#include <memory>
#include <set>
#include <string>

#include "llvm/Support/Error.h"

namespace llvm {
class LLVMContext;
class Module;
class TargetMachine;
} // namespace llvm

namespace runmat {

/// A stop point of the pipeline (`--emit=`).
enum class EmitStage { None, AST, MLIR, MLIRLowered, LLVM, SPIRV };
/// Parses "ast", "mlir", "mlir-lowered", "llvm", "spirv"; false when unknown.
bool parseEmitStage(const std::string &s, EmitStage &out);

struct PipelineOptions {
  unsigned optLevel = 2; // -O0 .. -O3
  bool repl = false;     // script variables live in the persistent workspace
  /// REPL: the names of the workspace's variables (read and extended).
  std::set<std::string> *workspace = nullptr;
};

/// Reads a file; prints an error and returns false when it cannot.
bool readSourceFile(const std::string &path, std::string &out);

/// Parses `source`; on a syntax error prints `FILE:LINE:COL: error: ...`
/// with the source line and a caret to stderr and returns null.
std::unique_ptr<ast::File> parseSource(const std::string &path,
                                       const std::string &source);

/// Sema + MLIR emission: the module in the runmat dialect.
mlir::OwningOpRef<mlir::ModuleOp> generateModule(mlir::MLIRContext &ctx,
                                                 ast::File &file,
                                                 const std::string &path,
                                                 const PipelineOptions &opts);

/// The dialect-level optimisations (runmat-lower-scalar-builtins,
/// canonicalize, cse).
mlir::LogicalResult optimizeModule(mlir::ModuleOp module,
                                   const PipelineOptions &opts);
/// Lowers everything to the LLVM dialect (convert-runmat-to-llvm).
mlir::LogicalResult lowerToLLVMDialect(mlir::ModuleOp module);

/// Translates to LLVM IR and runs LLVM's -O<level> pipeline for the host.
std::unique_ptr<llvm::Module> translateToLLVMIR(mlir::ModuleOp module,
                                                llvm::LLVMContext &llvmCtx,
                                                const PipelineOptions &opts);

/// Initialises LLVM's native target once.
void initNativeTarget();
/// A TargetMachine for this host's CPU and features.
std::unique_ptr<llvm::TargetMachine> hostTargetMachine(unsigned optLevel);

/// LLVM's default -O pipeline for `optLevel` on the module, with glibc's
/// libmvec as the vector math library (loops over array elements call its
/// SIMD sin, cos, exp, ...). Used by runmat-jit and runmatc alike.
llvm::Error optimizeLLVMModule(llvm::Module &m, unsigned optLevel,
                               llvm::TargetMachine *tm);

/// The "+f,-g,..." feature string hostTargetMachine uses: the host's
/// features, AVX-512 off unless RUNMAT_AVX512=1 (see the definition).
std::string hostFeatureString();
/// The host's features, with or without its AVX-512 ones.
std::string hostFeatureString(bool avx512);

/// A context with every dialect RunMat uses loaded.
void prepareContext(mlir::MLIRContext &ctx);

/// JIT-compiles a lowered module and runs its entry under the runtime's
/// error handler. Returns the program's exit status (0, or 1 after an
/// uncaught MATLAB error), or -1 when compilation failed.
int runJIT(mlir::ModuleOp module, const PipelineOptions &opts);

/// Adds `main` (rm_init + rm_run_main of the entry) to a lowered module.
void addExecutableMain(mlir::ModuleOp module);
/// Writes the optimised module as a host object file.
bool writeObjectFile(llvm::Module &module, const std::string &path);

/// The name of the entry function of generated modules.
const char *entryFunctionName(const mlir::ModuleOp module);

} // namespace runmat

#endif
