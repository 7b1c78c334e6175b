//===- runmat/rt/Subsref.h - Chained indexing -------------------*- C++ -*-===//
#ifndef RUNMAT_RT_SUBSREF_H
#define RUNMAT_RT_SUBSREF_H

#include "runmat/rt/Value.h"

#include <string>
#include <vector>

namespace runmat::rt {

/// One level of a subscript chain: A(args), A{args} or A.field.
enum class SubKind { Paren = 0, Brace = 1, Field = 2 };
struct Sub {
  SubKind kind;
  std::vector<const Value *> args; // Paren / Brace
  std::string field;               // Field
};

/// base<chain> as a comma-separated list (s.a of a struct array, c{:}).
std::vector<ValueRef> subsrefList(const Value &base, const std::vector<Sub> &chain);
/// The first value of base<chain> (an error when the list is empty).
ValueRef subsref(const Value &base, const std::vector<Sub> &chain);
/// slot<chain> = rhs, creating missing levels (slot may be null). With
/// `remove`, the last level must be (...) and its elements are deleted.
void subsasgn(ValueRef &slot, const std::vector<Sub> &chain, const Value &rhs,
              bool remove = false);

} // namespace runmat::rt

#endif
