//===- PathResolver.h - Functions from other .m files on the path -*- C++ -*-===//
//
// MATLAB finds a function that is not local to the calling file in FNAME.m
// on the search path. linkPathFunctions brings such functions into the
// program being compiled, before semantic analysis, so that they are
// specialised and compiled like local functions.
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_FRONTEND_PATHRESOLVER_H
#define RUNMAT_FRONTEND_PATHRESOLVER_H

#include "runmat/Frontend/AST.h"

#include <string>
#include <vector>

namespace runmat {

/// The folders searched, in order: the main file's folder, the current
/// folder, then the folders named by `addpath('DIR', ...)` calls with
/// constant text in the program (relative to the current folder, else to
/// the main file's folder).
std::vector<std::string> searchPath(const ast::File &file,
                                    const std::string &mainPath);

/// Appends to `file` the function files on the search path that its code
/// names (transitively): each file's main function under its own name, and
/// its local functions under "FILE>LOCAL" (the names used inside that file
/// are rewritten to match). Script files, and names the program defines
/// itself, are left alone. Returns false with `error` set ("FILE:LINE:COL:
/// error: ..." text) when such a file cannot be read or parsed.
bool linkPathFunctions(ast::File &file, const std::string &mainPath,
                       std::string &error);

/// Whether the program may look a function up by its name at run time
/// (it calls feval or str2func): the compiler then registers its functions
/// with the runtime, so that text names them like MATLAB's path lookup.
bool looksUpFunctionsByName(const ast::File &file);

} // namespace runmat

#endif // RUNMAT_FRONTEND_PATHRESOLVER_H
