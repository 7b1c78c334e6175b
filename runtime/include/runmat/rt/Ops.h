//===- runmat/rt/Ops.h - MATLAB operators in the runtime --------*- C++ -*-===//
//
// Elementwise and matrix operators with MATLAB's class rules and implicit
// expansion, the colon operator and concatenation. The operator numbering is
// that of rm_binop_kind / rm_unop_kind in abi.h.
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_RT_OPS_H
#define RUNMAT_RT_OPS_H

#include "runmat/rt/Value.h"
#include "runmat/rt/abi.h"

#include <vector>

namespace runmat::rt {

/// x OP y for a comparison rm_binop_kind (== ~= < <= > >=).
template <class T>
bool compareScalars(int op, T x, T y) {
  switch (op) {
  case RM_OP_EQ:
    return x == y;
  case RM_OP_NE:
    return x != y;
  case RM_OP_LT:
    return x < y;
  case RM_OP_LE:
    return x <= y;
  case RM_OP_GT:
    return x > y;
  default: // RM_OP_GE
    return x >= y;
  }
}

/// a OP b for an rm_binop_kind.
ValueRef binaryOp(int op, const Value &a, const Value &b);
/// OP a for an rm_unop_kind.
ValueRef unaryOp(int op, const Value &a);
/// The MATLAB spelling of an operator ("+", ".*", "'", ...).
const char *binaryOpName(int op);
const char *unaryOpName(int op);

/// The result dims of an elementwise operation on arrays of dims a and b:
/// each dimension equal or 1 (implicit expansion); errors otherwise.
Dims broadcastDims(const Dims &a, const Dims &b);

/// Matrix product a*b (scalar operands multiply elementwise).
ValueRef mtimes(const Value &a, const Value &b);
/// a' * b (conjugate) or a.' * b without forming the transpose: one GEMM
/// with the first operand transposed for real double data (otherwise the
/// transpose, then mtimes). With `same` (b is a), a' * a as one SYRK.
ValueRef mtimesTransposed(const Value &a, const Value &b, bool conjugate,
                          bool same);
/// a.' (conjugate = false) or a' (conjugate = true); 2-D only.
ValueRef transpose(const Value &a, bool conjugate);

/// a:step:b on doubles (MATLAB's colon algorithm): a 1xN double row.
ValueRef colonRange(double a, double step, double b);
/// a:b (step null) or a:step:b on values, keeping char/integer/single class.
ValueRef colonOp(const Value &a, const Value *step, const Value &b);

/// [ row0 ; row1 ; ... ], each row a horizontal list of operands. Empty
/// operands vanish; the result class follows MATLAB's concatenation rules.
ValueRef concat(const std::vector<std::vector<const Value *>> &rows);
/// cat(dim, ...) with dim 0-based (0 = vertical, 1 = horizontal).
ValueRef catAlong(int64_t dim, const std::vector<const Value *> &parts);

/// if/while truth: non-empty and every element nonzero; NaN is an error.
bool isTrue(const Value &v);

} // namespace runmat::rt

#endif // RUNMAT_RT_OPS_H
