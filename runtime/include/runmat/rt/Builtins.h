//===- runmat/rt/Builtins.h - The builtin function table --------*- C++ -*-===//
//
// Every builtin is one row of Builtins.def (name, implementation, arity,
// summary). The runtime dispatches on it, the compiler reads the same list
// to resolve names, and docs/builtins.md is generated from it.
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_RT_BUILTINS_H
#define RUNMAT_RT_BUILTINS_H

#include "runmat/rt/Value.h"

#include <string>
#include <vector>

namespace runmat::rt {

using Args = std::vector<ValueRef>;
/// A builtin: args are the inputs; it returns its outputs (at least
/// max(nargout,1) of them when it has outputs, fewer is an error for the
/// caller). nargout is what the call site asked for (0 in a statement).
using BuiltinFn = Args (*)(int nargout, const Args &args);

struct BuiltinInfo {
  const char *name;
  BuiltinFn fn;
  int minIn, maxIn;   // -1 = unbounded
  int maxOut;         // -1 = unbounded
  const char *summary;
};

/// Looks a builtin up by name; null when unknown.
const BuiltinInfo *findBuiltin(const char *name);
/// The whole table, in Builtins.def order.
const std::vector<BuiltinInfo> &allBuiltins();
/// Calls a builtin by name with arity checks (MATLAB-style errors).
Args callBuiltin(const char *name, int nargout, const Args &args);
/// The text of docs/builtins.md: one table row per builtin (name, arity,
/// summary), in Builtins.def order.
std::string builtinsMarkdown();
/// Names starting with "__": helpers the compiler calls (for example
/// __narginchk), not part of the documented library.
inline bool isInternalBuiltin(const char *name) {
  return name[0] == '_' && name[1] == '_';
}

// The implementations, declared from Builtins.def.
#define RM_BUILTIN(NAME, FN, MININ, MAXIN, MAXOUT, SUMMARY)                    \
  Args FN(int nargout, const Args &args);
#include "runmat/rt/Builtins.def"
#undef RM_BUILTIN

} // namespace runmat::rt

#endif // RUNMAT_RT_BUILTINS_H
