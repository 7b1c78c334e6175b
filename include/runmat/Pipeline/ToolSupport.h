//===- runmat/Pipeline/ToolSupport.h - Shared driver helpers ----*- C++ -*-===//
#ifndef RUNMAT_PIPELINE_TOOLSUPPORT_H
#define RUNMAT_PIPELINE_TOOLSUPPORT_H

#include "runmat/Pipeline/Pipeline.h"

#include <string>
#include <vector>

namespace runmat {

/// The command line both compilers accept.
struct DriverArgs {
  std::string input;             // FILE.m ("" for none)
  std::string output;            // -o FILE (runmatc)
  EmitStage emit = EmitStage::None;
  PipelineOptions opts;
  bool help = false, version = false;
  bool listBuiltins = false;     // --list-builtins (runmat-jit)
};

/// Parses argv; prints a message and returns false on a bad option.
bool parseDriverArgs(int argc, char **argv, const char *tool, bool allowOutput,
                     DriverArgs &out);

/// Front end to the requested stage. Returns 0 after printing a stage, 1 on
/// a compile error, and -1 when the caller should go on (module lowered to
/// the LLVM dialect, ready to run or to write).
int compileToStage(mlir::MLIRContext &ctx, const DriverArgs &args,
                   const std::string &path, const std::string &source,
                   mlir::OwningOpRef<mlir::ModuleOp> &module,
                   bool forExecutable);

extern const char *const kRunMatVersion;

} // namespace runmat

#endif
