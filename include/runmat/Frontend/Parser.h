//===- runmat/Frontend/Parser.h - MATLAB parser -----------------*- C++ -*-===//
//
// Recursive-descent parser for MATLAB scripts and function files. It stops
// at the first syntax error, which it reports as a Diagnostic. Nesting is
// capped (kMaxNesting) so that no input can exhaust the stack. Plain C++17.
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_FRONTEND_PARSER_H
#define RUNMAT_FRONTEND_PARSER_H

#include "runmat/Frontend/AST.h"
#include "runmat/Frontend/Diagnostics.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace runmat {

/// Deepest nesting of expressions/statements the parser accepts.
constexpr unsigned kMaxNesting = 500;
/// Largest AST height the parser builds (long operator chains such as
/// `1+1+...+1` count one level per operator).
constexpr unsigned kMaxTreeHeight = 5000;

/// Parses a whole .m file (a script, or a function file when the first
/// statement is `function`). Returns null and appends to `diags` on error.
std::unique_ptr<ast::File> parseFile(const std::string &path,
                                     const std::string &source,
                                     std::vector<Diagnostic> &diags);

/// Parses a script fragment (REPL input): statements only, no function
/// definitions. Returns std::nullopt and appends to `diags` on error.
std::optional<ast::Block> parseStatements(const std::string &source,
                                          std::vector<Diagnostic> &diags);

} // namespace runmat

#endif // RUNMAT_FRONTEND_PARSER_H
