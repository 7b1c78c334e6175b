//===- runmat/rt/Int64.h - Exact int64 and uint64 values --------*- C++ -*-===//
//
// Values hold their elements as doubles, which are exact integers only up to
// 2^53. An int64 or uint64 array with an element beyond that is "wide": it
// carries the exact values in Value::ix (uint64 as its bit pattern) and the
// nearest doubles in `re`, so code that only tests elements for zero, NaN or
// sign, or converts them to double or a narrower class, stays correct.
//
// Everything that computes int64/uint64 results does so here, exactly
// (128-bit integers, or 64-bit-mantissa long doubles for fractional
// operands), with MATLAB's saturation and round-half-away rules:
// conversions, arithmetic and comparisons, and the builtins listed in
// wideBuiltin. Pure data movement (indexing, concatenation, reshape, ...)
// runs the ordinary code on a "bits" copy whose doubles hold the exact
// int64 bit patterns. Any other builtin given a wide value raises
// RunMat:int64Range instead of answering from rounded doubles.
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_RT_INT64_H
#define RUNMAT_RT_INT64_H

#include "runmat/rt/Builtins.h"
#include "runmat/rt/Value.h"

#include <string>

namespace runmat::rt {

using wide_t = __int128;

/// 2^53: doubles hold every integer up to this magnitude exactly.
inline constexpr double kExactIntegerLimit = 9007199254740992.0;

inline bool is64Class(ClassId c) {
  return c == ClassId::Int64 || c == ClassId::UInt64;
}
/// True when v carries exact values beyond 2^53 (see above).
inline bool isWide(const Value &v) { return !v.ix.empty(); }
bool anyWide(const Args &args);

/// Element k of an integer, logical or char array, exactly.
wide_t exactAt(const Value &v, int64_t k);
/// Element k of any real numeric, logical or char array as a long double:
/// exact for every int64, uint64 and double value.
long double exactLong(const Value &v, int64_t k);
/// Stores x, saturated to v's class (int64 or uint64), into element k.
void setExact(Value &v, int64_t k, wide_t x);
/// Drops v.ix when no element needs it any more.
void settleWide(Value &v);
/// The text of an exact integer ("-9223372036854775808").
std::string wideText(wide_t x);
/// Element k's decimal text, exactly (integer classes).
std::string exactIntText(const Value &v, int64_t k);

/// v (a numeric, logical or char array) converted to int64 or uint64:
/// round half away, NaN to 0, saturating, exact at the class's limits.
ValueRef convertTo64(const Value &v, ClassId c);

/// A copy of an int64/uint64 value whose doubles hold the exact values'
/// bit patterns, for code that only moves elements; fromBits undoes it.
ValueRef toBits(const Value &v);
void fromBits(Value &v);

/// f(v) for code that only moves v's elements: when v is wide, f runs on
/// its bits and a result of v's class gets its exact values back.
template <class F>
ValueRef movingElements(const Value &v, F f) {
  if (!isWide(v))
    return f(v);
  ValueRef bits = toBits(v);
  ValueRef r = f(*bits);
  if (r && r->cls == v.cls) {
    makeUnique(r);
    fromBits(*r);
  }
  return r;
}

/// Elementwise arithmetic (an rm_binop_kind: + - .* ./ .\ .^) with an
/// int64 or uint64 result class rc, and comparisons with an int64/uint64
/// operand, exactly.
ValueRef arith64(int op, ClassId rc, const Value &a, const Value &b);
ValueRef compare64(int op, const Value &a, const Value &b);
/// -a for int64/uint64.
ValueRef negate64(const Value &a);

/// Builtins given a wide argument: true with the results in `out` when the
/// builtin takes wide values (exact implementations, or data movement on
/// bits); raises RunMat:int64Range for the rest. False when no argument is
/// wide (the ordinary builtin runs).
bool wideBuiltin(const BuiltinInfo &b, int nargout, const Args &args,
                 Args &out);

} // namespace runmat::rt

#endif // RUNMAT_RT_INT64_H
