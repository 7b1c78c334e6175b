//===- runmat/MLIRGen/MLIRGen.h - AST to the runmat dialect -----*- C++ -*-===//
#ifndef RUNMAT_MLIRGEN_MLIRGEN_H
#define RUNMAT_MLIRGEN_MLIRGEN_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <string>

namespace runmat {
namespace ast {
struct File;
}
namespace sema {
class Program;
}

/// Emits the module for an analysed file: one func.func per specialization,
/// the entry named `__runmat_script` (or `__runmat_main`). In REPL mode the
/// script's variables live in the runtime's persistent workspace.
mlir::OwningOpRef<mlir::ModuleOp> mlirGen(mlir::MLIRContext &context,
                                          sema::Program &program,
                                          const std::string &path);
} // namespace runmat

#endif
