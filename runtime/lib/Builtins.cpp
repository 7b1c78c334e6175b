//===- Builtins.cpp - The builtin table and dispatch
//------------------------===//
//
// Builds the table from Builtins.def, looks names up through a sorted index
// made once, and calls builtins with MATLAB's arity checks and messages.
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/Builtins.h"
#include "runmat/rt/Int64.h"
#include "runmat/rt/Error.h"

#include <algorithm>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>

namespace runmat::rt {

namespace {

const std::vector<BuiltinInfo> &table() {
  static const std::vector<BuiltinInfo> t = {
#define RM_BUILTIN(NAME, FN, MININ, MAXIN, MAXOUT, SUMMARY)                    \
  BuiltinInfo{NAME, &FN, MININ, MAXIN, MAXOUT, SUMMARY},
#include "runmat/rt/Builtins.def"
#undef RM_BUILTIN
  };
  return t;
}

/// Table entries sorted by name (strcmp order), for binary search.
const std::vector<const BuiltinInfo *> &sortedIndex() {
  static const std::vector<const BuiltinInfo *> idx = [] {
    std::vector<const BuiltinInfo *> v;
    v.reserve(table().size());
    for (const BuiltinInfo &b : table())
      v.push_back(&b);
    std::stable_sort(v.begin(), v.end(),
                     [](const BuiltinInfo *a, const BuiltinInfo *b) {
                       return std::strcmp(a->name, b->name) < 0;
                     });
    return v;
  }();
  return idx;
}

std::string arityText(int lo, int hi) {
  if (hi < 0)
    return std::to_string(lo) + "+";
  if (lo == hi)
    return std::to_string(lo);
  return std::to_string(lo) + "-" + std::to_string(hi);
}

} // namespace

const std::vector<BuiltinInfo> &allBuiltins() { return table(); }

const BuiltinInfo *findBuiltin(const char *name) {
  if (!name)
    return nullptr;
  const auto &idx = sortedIndex();
  auto it = std::lower_bound(idx.begin(), idx.end(), name,
                             [](const BuiltinInfo *b, const char *n) {
                               return std::strcmp(b->name, n) < 0;
                             });
  if (it == idx.end() || std::strcmp((*it)->name, name) != 0)
    return nullptr;
  return *it;
}

Args callBuiltin(const char *name, int nargout, const Args &args) {
  const BuiltinInfo *b = findBuiltin(name);
  if (!b)
    throwError("MATLAB:UndefinedFunction",
               "Unrecognized function or variable '%s'.", name ? name : "");
  int nargin = (int)args.size();
  if (b->maxIn >= 0 && nargin > b->maxIn)
    throwErrorIn(b->name, "MATLAB:TooManyInputs", "Too many input arguments.");
  if (nargin < b->minIn)
    throwErrorIn(b->name, "MATLAB:minrhs", "Not enough input arguments.");
  if (b->maxOut >= 0 && nargout > b->maxOut)
    throwErrorIn(b->name, "MATLAB:TooManyOutputs",
                 "Too many output arguments.");
  for (const ValueRef &a : args)
    if (!a)
      throwErrorIn(b->name, "MATLAB:minrhs", "Not enough input arguments.");
  try {
    Args wideOut;
    if (wideBuiltin(*b, nargout, args, wideOut))
      return wideOut;
    return b->fn(nargout, args);
  } catch (MatlabError &e) {
    // "Undefined function ... for input arguments of type" is reported by
    // MATLAB without "Error using NAME", and so are the compiler's internal
    // builtins (`__`: fused forms of operators), which report as the
    // operators they replace do.
    if (e.function.empty() && e.identifier != "MATLAB:UndefinedFunction" &&
        std::strncmp(b->name, "__", 2) != 0)
      e.function = b->name;
    throw;
  } catch (const std::bad_alloc &) {
    throwErrorIn(b->name, "MATLAB:nomem",
                 "Out of memory. The likely cause is an infinite recursion "
                 "within the program.");
  } catch (const std::length_error &) {
    throwErrorIn(b->name, "MATLAB:array:SizeLimitExceeded",
                 "Requested array exceeds the maximum possible size.");
  }
}

std::string builtinsMarkdown() {
  std::string s;
  s += "# Builtins\n\n";
  s += "Generated from `runtime/include/runmat/rt/Builtins.def` by "
       "`runmat::rt::builtinsMarkdown()`; do not edit by hand.\n\n";
  size_t count = 0;
  for (const BuiltinInfo &b : table())
    count += !isInternalBuiltin(b.name);
  s += std::to_string(count) +
       " builtins. Inputs and outputs give the accepted counts (`N+` = at "
       "least N). Names starting with `__` are the compiler's internal "
       "helpers and are not listed.\n\n";
  s += "| Name | Inputs | Outputs | Summary |\n";
  s += "|---|---|---|---|\n";
  for (const BuiltinInfo &b : table()) {
    if (isInternalBuiltin(b.name))
      continue;
    s += "| `";
    s += b.name;
    s += "` | ";
    s += arityText(b.minIn, b.maxIn);
    s += " | ";
    s += arityText(0, b.maxOut);
    s += " | ";
    for (const char *p = b.summary; *p; ++p) {
      if (*p == '|')
        s += "\\|";
      else
        s += *p;
    }
    s += " |\n";
  }
  return s;
}

} // namespace runmat::rt
