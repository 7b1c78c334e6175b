//===- runmat/Frontend/Diagnostics.h - Front-end diagnostics ---*- C++ -*-===//
//
// A syntax error with its source location, and the compiler-style text
// used to report it:
//
//   FILE:LINE:COL: error: MESSAGE
//   <the source line>
//   <spaces>^
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_FRONTEND_DIAGNOSTICS_H
#define RUNMAT_FRONTEND_DIAGNOSTICS_H

#include "runmat/Frontend/AST.h"

#include <string>

namespace runmat {

struct Diagnostic {
  ast::Location loc;
  std::string message;
};

/// Formats `diag` as three lines, each ending in '\n': the location and
/// message, the source line (tabs kept, '\r' dropped), and a caret under
/// column `loc.col` (the caret line copies the tabs of the source line so
/// that it stays aligned).
std::string formatDiagnostic(const std::string &path, const std::string &source,
                             const Diagnostic &diag);

} // namespace runmat

#endif // RUNMAT_FRONTEND_DIAGNOSTICS_H
