//===- runmat/rt/Index.h - Indexing and indexed assignment ------*- C++ -*-===//
//
// A(i), A(i,j,...), A(idx) = rhs with growth, A(idx) = [] (deletion) and the
// value of `end`, with MATLAB's subscript rules (positive integers, logical
// masks, ':'), result shapes and messages.
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_RT_INDEX_H
#define RUNMAT_RT_INDEX_H

#include "runmat/rt/Value.h"

#include <cstdint>
#include <vector>

namespace runmat::rt {

/// The magic ':' subscript (what rm_colon_all returns). It is a 1x1 char
/// ':' that is never freed; a char ':' subscript counts as colon too.
Value *colonValue();
/// True for colonValue() and for any 1x1 char ':'.
bool isColonSubscript(const Value &v);

/// base(idx...) with () indexing (cells give cells).
ValueRef indexValue(const Value &base, const std::vector<const Value *> &idx);
/// The value of `end` in subscript position k (0-based) of n subscripts.
int64_t endValue(const Value &base, int64_t k, int64_t n);
/// slot(idx...) = rhs, copy-on-write; a null slot grows from [].
void indexAssign(ValueRef &slot, const std::vector<const Value *> &idx,
                 const Value &rhs);
/// slot(idx...) = [] (deletion of elements, rows, columns, slices).
void indexDelete(ValueRef &slot, const std::vector<const Value *> &idx);

} // namespace runmat::rt

#endif // RUNMAT_RT_INDEX_H
