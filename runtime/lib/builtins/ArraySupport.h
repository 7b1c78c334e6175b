//===- ArraySupport.h - Shared helpers for the array builtins ---*- C++ -*-===//
//
// Internal to runtime/lib/builtins: argument checks, MATLAB error helpers,
// class rules, dimension splitting and implicit expansion used by the
// creation, introspection, math, reduction and sorting builtins.
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_RT_BUILTINS_ARRAYSUPPORT_H
#define RUNMAT_RT_BUILTINS_ARRAYSUPPORT_H

#include "runmat/rt/Builtins.h"
#include "runmat/rt/Error.h"
#include "runmat/rt/Value.h"

#include <string>

namespace runmat::rt::support {

// ---- errors ---------------------------------------------------------------
/// "Undefined function 'FN' for input arguments of type 'CLASS'."
[[noreturn]] void undefinedForType(const char *fn, const Value &v);
/// "Check for incorrect argument data type or missing argument in call to
/// function 'FN'." (MATLAB's message for e.g. sqrt of an integer).
[[noreturn]] void badArgType(const char *fn);
/// "Requested array exceeds the maximum possible size."
[[noreturn]] void sizeLimit();

// ---- sums --------------------------------------------------------------------
/// The sum of p[0..n) from 0 in order.
double chunkSum(const double *p, int64_t n);
/// The sum of a contiguous line in RunMat's order: chunks of RM_SUM_CHUNK
/// elements (abi.h) each summed in order (on the thread pool for long
/// lines), then the chunk sums added in order. sum and mean use it.
double chunkedSum(const double *p, int64_t n);
/// chunkedSum on the calling thread only.
double chunkedSumSerial(const double *p, int64_t n);
/// chunkedSum of each of `cols` contiguous columns of `len` elements, into
/// out[0..cols), the columns shared out over the thread pool.
void columnSums(const double *p, int64_t len, int64_t cols, double *out);

// ---- text arguments ---------------------------------------------------------
/// True for a char row vector (or an empty char array).
bool isText(const Value &v);
/// The characters of a char array as a byte string (code points > 255 become
/// '?'); callers use it for option names only.
std::string textOf(const Value &v);
/// True when v is text equal to `s`, ignoring case.
bool textIs(const Value &v, const char *s);
/// Names laid out in columns as wide as the longest name plus two, as many
/// as fit in 80 characters, each line ending in a newline (who, dir).
std::string nameColumns(const std::vector<std::string> &names);

// ---- sizes -----------------------------------------------------------------
/// Product of dims, erroring on overflow or on arrays no machine can hold.
int64_t checkedNumel(const Dims &d);
/// A zero-filled array after a size check; `complex` adds a zero `im`.
ValueRef newArray(ClassId c, const Dims &d, bool complex = false);
/// Clears `complex` (and `im`) when every imaginary part is zero, as MATLAB
/// does for the results of computations.
void dropZeroImag(Value &v);
inline bool hasImag(const Value &v) { return v.complex && !v.im.empty(); }
inline double imagAt(const Value &v, int64_t k) {
  return hasImag(v) ? v.im[(size_t)k] : 0.0;
}
/// 0-based index of the first dimension whose size is not 1 (0 if none).
int64_t firstNonSingleton(const Dims &d);
/// Size of dimension `dim` (0-based), 1 beyond ndims.
inline int64_t dimSize(const Dims &d, int64_t dim) {
  return dim < (int64_t)d.size() ? d[(size_t)dim] : 1;
}
/// A dimension argument (positive integer scalar), returned 0-based.
int64_t dimArg(const Value &v);
/// A vector of dimension arguments (vecdim), 0-based, duplicates rejected.
std::vector<int64_t> vecDimArg(const Value &v);

/// The array seen as before x len x after around dimension `dim`.
struct DimSplit {
  int64_t before = 1, len = 1, after = 1;
};
DimSplit splitAt(const Dims &d, int64_t dim);

// ---- classes ----------------------------------------------------------------
/// True for double, single, integer, logical and char values.
inline bool isArithmetic(const Value &v) {
  return isNumericClass(v.cls) || v.cls == ClassId::Logical ||
         v.cls == ClassId::Char;
}
/// The class of an elementwise result of numeric arguments a and b
/// (integer > single > double; logical and char count as double). Errors on
/// mixed integer classes and on non-numeric arguments.
ClassId binaryClass(const char *fn, const Value &a, const Value &b);
/// Rounds every element to class c (saturating integers, float for single,
/// 0/1 for logical).
void castData(std::vector<double> &data, ClassId c);
/// The same for one value.
double castValue(double x, ClassId c);

// ---- implicit expansion
// ------------------------------------------------------
/// The result dims of an elementwise operation on a and b (each dim equal or
/// 1); errors "Arrays have incompatible sizes for this operation.".
Dims expandedDims(const Dims &a, const Dims &b);

/// Calls f(ia, ib, k) for every element k of the expanded result, with ia/ib
/// the linear indices into a and b. No allocation beyond two small counters.
template <class F>
void forEachBroadcast(const Dims &out, const Dims &a, const Dims &b, F f) {
  int64_t n = numelOf(out);
  if (n == 0)
    return;
  int64_t na = numelOf(a), nb = numelOf(b);
  if (na == n && nb == n && a == b) {
    for (int64_t k = 0; k < n; ++k)
      f(k, k, k);
    return;
  }
  if (na == 1 && nb == n) {
    for (int64_t k = 0; k < n; ++k)
      f(0, k, k);
    return;
  }
  if (nb == 1 && na == n) {
    for (int64_t k = 0; k < n; ++k)
      f(k, 0, k);
    return;
  }
  size_t nd = out.size();
  std::vector<int64_t> sa(nd, 0), sb(nd, 0), cnt(nd, 0);
  int64_t strideA = 1, strideB = 1;
  for (size_t d = 0; d < nd; ++d) {
    int64_t da = d < a.size() ? a[d] : 1, db = d < b.size() ? b[d] : 1;
    sa[d] = da == 1 ? 0 : strideA;
    sb[d] = db == 1 ? 0 : strideB;
    strideA *= da;
    strideB *= db;
  }
  int64_t ia = 0, ib = 0, rows = out[0];
  for (int64_t k = 0; k < n;) {
    int64_t ra = ia, rb = ib;
    for (int64_t i = 0; i < rows; ++i, ++k, ra += sa[0], rb += sb[0])
      f(ra, rb, k);
    // Advance the counters of dims 1.. (odometer).
    for (size_t d = 1; d < nd; ++d) {
      ia += sa[d];
      ib += sb[d];
      if (++cnt[d] < out[d])
        break;
      ia -= sa[d] * out[d];
      ib -= sb[d] * out[d];
      cnt[d] = 0;
    }
  }
}

} // namespace runmat::rt::support

#endif // RUNMAT_RT_BUILTINS_ARRAYSUPPORT_H
