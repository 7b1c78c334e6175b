//===- runmat/rt/FunctionHandle.h - Calling function handles ----*- C++ -*-===//
//
// A function handle holds either a builtin's name, or compiled code with the
// generic entry signature rm_code (abi.h) and its captured values. Runtime
// code (cellfun, feval, ...) calls handles through callFunctionHandle, which
// turns an error raised inside compiled code back into a MatlabError.
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_RT_FUNCTIONHANDLE_H
#define RUNMAT_RT_FUNCTIONHANDLE_H

#include "runmat/rt/Builtins.h"

namespace runmat::rt {

/// Calls handle `fh` with `args`, asking for `nargout` outputs (0 for a
/// statement call). Returns the outputs produced (possibly fewer).
Args callFunctionHandle(const Value &fh, int nargout, const Args &args);
/// A handle to a function by name: one of the program's own functions when
/// registered (registerFunction), else a builtin (no compiled code).
ValueRef makeNamedHandle(const std::string &name);
/// Makes the program's function behind `handle` (a named handle with
/// compiled code) findable by name, ahead of builtins.
void registerFunction(const Value &handle);

} // namespace runmat::rt

#endif
