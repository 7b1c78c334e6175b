//===- Ops.cpp - MATLAB operators -----------------------------------------===//
//
// Elementwise arithmetic, comparisons and logic with implicit expansion and
// MATLAB's class rules; matrix product, division and power through OpenBLAS
// and LAPACK; unary operators and transposes; the colon operator.
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/Ops.h"
#include "runmat/rt/Int64.h"
#include "runmat/rt/Error.h"
#include "runmat/rt/Io.h"
#include "runmat/rt/abi.h"

#include <cblas.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <complex>
#include <cstdio>
#include <limits>

extern "C" {
// LAPACK (Fortran symbols from libopenblas; LAPACKE is not installed). The
// trailing size_t arguments are the hidden lengths of character arguments.
void dgetrf_(const int *m, const int *n, double *a, const int *lda, int *ipiv,
             int *info);
void dgetrs_(const char *trans, const int *n, const int *nrhs, const double *a,
             const int *lda, const int *ipiv, double *b, const int *ldb,
             int *info, size_t transLen);
void dgecon_(const char *norm, const int *n, const double *a, const int *lda,
             const double *anorm, double *rcond, double *work, int *iwork,
             int *info, size_t normLen);
void dtrcon_(const char *norm, const char *uplo, const char *diag,
             const int *n, const double *a, const int *lda, double *rcond,
             double *work, int *iwork, int *info, size_t, size_t, size_t);
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda,
             int *info, size_t uploLen);
void dpotrs_(const char *uplo, const int *n, const int *nrhs, const double *a,
             const int *lda, double *b, const int *ldb, int *info,
             size_t uploLen);
void dpocon_(const char *uplo, const int *n, const double *a, const int *lda,
             const double *anorm, double *rcond, double *work, int *iwork,
             int *info, size_t uploLen);
void dgeqp3_(const int *m, const int *n, double *a, const int *lda, int *jpvt,
             double *tau, double *work, const int *lwork, int *info);
void dormqr_(const char *side, const char *trans, const int *m, const int *n,
             const int *k, const double *a, const int *lda, const double *tau,
             double *c, const int *ldc, double *work, const int *lwork,
             int *info, size_t sideLen, size_t transLen);
void dtrtrs_(const char *uplo, const char *trans, const char *diag,
             const int *n, const int *nrhs, const double *a, const int *lda,
             double *b, const int *ldb, int *info, size_t uploLen,
             size_t transLen, size_t diagLen);
}

namespace runmat::rt {

using cplx = std::complex<double>;

const char *binaryOpName(int op) {
  static const char *const names[] = {
      "+", "-",  ".*", "./", ".\\", ".^", "*",  "/", "\\",
      "^", "==", "~=", "<",  "<=",  ">",  ">=", "&", "|"};
  return op >= 0 && op < (int)(sizeof names / sizeof *names) ? names[op] : "?";
}

const char *unaryOpName(int op) {
  static const char *const names[] = {"-", "+", "~", "'", ".'"};
  return op >= 0 && op < (int)(sizeof names / sizeof *names) ? names[op] : "?";
}

namespace {

inline bool isDataClass(ClassId c) {
  return isNumericClass(c) || c == ClassId::Logical || c == ClassId::Char;
}

[[noreturn]] void unsupportedOperand(const char *op, const Value &v) {
  throwError("MATLAB:UndefinedFunction",
             "Operator '%s' is not supported for operands of type '%s'.", op,
             className(v.cls));
}

void requireData(const char *op, const Value &a, const Value &b) {
  if (!isDataClass(a.cls))
    unsupportedOperand(op, a);
  if (!isDataClass(b.cls))
    unsupportedOperand(op, b);
}

/// Class of an arithmetic result: integer > single > double (logical and
/// char count as double); different integer classes are an error.
ClassId arithClass(const char *op, const Value &a, const Value &b) {
  requireData(op, a, b);
  bool ia = isIntegerClass(a.cls), ib = isIntegerClass(b.cls);
  if (ia && ib && a.cls != b.cls)
    throwError("MATLAB:mixedIntegerClasses",
               "Integers can only be combined with integers of the same "
               "class, or scalar doubles.");
  if (ia)
    return a.cls;
  if (ib)
    return b.cls;
  if (a.cls == ClassId::Single || b.cls == ClassId::Single)
    return ClassId::Single;
  return ClassId::Double;
}

/// Rounds every element to class c (saturating integers, float for single).
void castInPlace(std::vector<double> &d, ClassId c) {
  if (c == ClassId::Double)
    return;
  if (c == ClassId::Single) {
    for (double &x : d)
      x = (double)(float)x;
    return;
  }
  if (isIntegerClass(c) || c == ClassId::Char) {
    // int64/uint64: castElement itself saturates and refuses values it
    // cannot hold exactly.
    if (c == ClassId::Int64 || c == ClassId::UInt64) {
      for (double &x : d)
        x = castElement(x, c);
      return;
    }
    double lo = castElement(-INFINITY, c), hi = castElement(INFINITY, c);
    for (double &x : d) {
      if (std::isnan(x)) {
        x = 0;
        continue;
      }
      double r = std::round(x);
      x = r < lo ? lo : (r > hi ? hi : r);
    }
    return;
  }
  for (double &x : d)
    x = castElement(x, c);
}

/// A new zero-filled result array.
ValueRef newResult(ClassId c, const Dims &d, bool complex = false) {
  ValueRef r = makeArray(c, d);
  if (complex) {
    r->complex = true;
    r->im.assign(r->re.size(), 0.0);
  }
  return r;
}

inline bool hasImag(const Value &v) { return v.complex && !v.im.empty(); }
inline cplx cAt(const Value &v, int64_t k) {
  return cplx(v.re[(size_t)k], hasImag(v) ? v.im[(size_t)k] : 0.0);
}

// - implicit expansion --------------------------------------------------------

/// Calls f(ia, ib, k) for every element k of the expanded result.
template <class F>
void forEachPair(const Dims &out, const Value &a, const Value &b, F f) {
  int64_t n = numelOf(out);
  if (n == 0)
    return;
  int64_t na = (int64_t)a.numel(), nb = (int64_t)b.numel();
  if (na == n && nb == n) {
    for (int64_t k = 0; k < n; ++k)
      f(k, k, k);
    return;
  }
  if (na == 1) {
    for (int64_t k = 0; k < n; ++k)
      f(0, k, k);
    return;
  }
  if (nb == 1) {
    for (int64_t k = 0; k < n; ++k)
      f(k, 0, k);
    return;
  }
  size_t nd = out.size();
  std::vector<int64_t> sa(nd), sb(nd), cnt(nd, 0);
  int64_t strideA = 1, strideB = 1;
  for (size_t d = 0; d < nd; ++d) {
    int64_t da = d < a.dims.size() ? a.dims[d] : 1;
    int64_t db = d < b.dims.size() ? b.dims[d] : 1;
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

/// o[k] = f(a, b) over the expansion of two real arrays. Tight loops for
/// the same-shape and scalar cases; a strided odometer otherwise.
template <class F>
void ewiseReal(const Dims &out, const Value &a, const Value &b, double *o,
               F f) {
  int64_t n = numelOf(out);
  if (n == 0)
    return;
  const double *pa = a.re.data(), *pb = b.re.data();
  int64_t na = (int64_t)a.re.size(), nb = (int64_t)b.re.size();
  if (na == n && nb == n) {
    for (int64_t k = 0; k < n; ++k)
      o[k] = f(pa[k], pb[k]);
    return;
  }
  if (na == 1) {
    double x = pa[0];
    for (int64_t k = 0; k < n; ++k)
      o[k] = f(x, pb[k]);
    return;
  }
  if (nb == 1) {
    double y = pb[0];
    for (int64_t k = 0; k < n; ++k)
      o[k] = f(pa[k], y);
    return;
  }
  size_t nd = out.size();
  std::vector<int64_t> sa(nd), sb(nd), cnt(nd, 0);
  int64_t strideA = 1, strideB = 1;
  for (size_t d = 0; d < nd; ++d) {
    int64_t da = d < a.dims.size() ? a.dims[d] : 1;
    int64_t db = d < b.dims.size() ? b.dims[d] : 1;
    sa[d] = da == 1 ? 0 : strideA;
    sb[d] = db == 1 ? 0 : strideB;
    strideA *= da;
    strideB *= db;
  }
  int64_t rows = out[0], ia = 0, ib = 0;
  for (int64_t k = 0; k < n; k += rows) {
    const double *ra = pa + ia, *rb = pb + ib;
    double *ro = o + k;
    if (sa[0] && sb[0]) {
      for (int64_t i = 0; i < rows; ++i)
        ro[i] = f(ra[i], rb[i]);
    } else if (sb[0]) {
      double x = ra[0];
      for (int64_t i = 0; i < rows; ++i)
        ro[i] = f(x, rb[i]);
    } else if (sa[0]) {
      double y = rb[0];
      for (int64_t i = 0; i < rows; ++i)
        ro[i] = f(ra[i], y);
    } else {
      double v = f(ra[0], rb[0]);
      for (int64_t i = 0; i < rows; ++i)
        ro[i] = v;
    }
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

template <class F>
ValueRef realOp(ClassId rc, const Value &a, const Value &b, F f) {
  Dims out = broadcastDims(a.dims, b.dims);
  ValueRef r = newResult(rc, out);
  bool ra = rc == ClassId::Single && a.cls == ClassId::Double;
  bool rb = rc == ClassId::Single && b.cls == ClassId::Double;
  if (ra || rb) {
    // single op double: the double operand is converted to single first
    // (then the operation is rounded to single by the caller).
    ewiseReal(r->dims, a, b, r->re.data(), [&](double x, double y) {
      return f(ra ? (double)(float)x : x, rb ? (double)(float)y : y);
    });
    return r;
  }
  ewiseReal(r->dims, a, b, r->re.data(), f);
  return r;
}

template <class F>
ValueRef complexOp(ClassId rc, const Value &a, const Value &b, F f) {
  Dims out = broadcastDims(a.dims, b.dims);
  ValueRef r = newResult(rc, out, true);
  double *re = r->re.data(), *im = r->im.data();
  forEachPair(r->dims, a, b, [&](int64_t ia, int64_t ib, int64_t k) {
    cplx z = f(cAt(a, ia), cAt(b, ib));
    re[k] = z.real();
    im[k] = z.imag();
  });
  return r;
}

/// z^n for an integer n by repeated squaring (exact for small integers, as
/// MATLAB's results are).
cplx cpowInt(cplx z, double n) {
  bool neg = n < 0;
  double e = std::fabs(n);
  cplx r(1.0, 0.0), base = z;
  while (e >= 1) {
    double half = std::floor(e / 2);
    if (e - 2 * half == 1)
      r *= base;
    e = half;
    if (e >= 1)
      base *= base;
  }
  return neg ? cplx(1.0, 0.0) / r : r;
}

cplx cpow(cplx x, cplx y) {
  if (y.imag() == 0) {
    double p = y.real();
    if (p == std::floor(p) && std::fabs(p) <= 1024)
      return cpowInt(x, p);
    if (x.imag() == 0 && x.real() >= 0)
      return cplx(std::pow(x.real(), p), 0.0);
  }
  if (x == cplx(0.0, 0.0)) {
    if (y.real() > 0)
      return cplx(0.0, 0.0);
    if (y.real() < 0 || (y.real() == 0 && y.imag() != 0))
      return cplx(INFINITY, 0.0);
    return cplx(1.0, 0.0);
  }
  return std::pow(x, y);
}

bool anyNegative(const Value &v) {
  for (double x : v.re)
    if (x < 0)
      return true;
  return false;
}

bool anyNonInteger(const Value &v) {
  for (double x : v.re)
    if (std::isfinite(x) && x != std::floor(x))
      return true;
  return false;
}

void checkNoNaN(const Value &v) {
  for (double x : v.re)
    if (std::isnan(x))
      throwError("MATLAB:nologicalnan",
                 "NaN's cannot be converted to logicals.");
  if (hasImag(v))
    for (double x : v.im)
      if (std::isnan(x))
        throwError("MATLAB:nologicalnan",
                   "NaN's cannot be converted to logicals.");
}

/// Elementwise arithmetic (+ - .* ./ .\ .^).
ValueRef arith(int op, const Value &a, const Value &b) {
  const char *name = binaryOpName(op);
  ClassId rc = arithClass(name, a, b);
  bool cx = hasImag(a) || hasImag(b);
  if ((rc == ClassId::Int64 || rc == ClassId::UInt64) && !cx)
    return arith64(op, rc, a, b); // exact beyond 2^53
  if (!cx && op == RM_OP_POWER && anyNegative(a) && anyNonInteger(b))
    cx = true; // negative base, fractional exponent: complex result
  ValueRef r;
  if (!cx) {
    switch (op) {
    case RM_OP_PLUS:
      r = realOp(rc, a, b, [](double x, double y) { return x + y; });
      break;
    case RM_OP_MINUS:
      r = realOp(rc, a, b, [](double x, double y) { return x - y; });
      break;
    case RM_OP_TIMES:
      r = realOp(rc, a, b, [](double x, double y) { return x * y; });
      break;
    case RM_OP_RDIVIDE:
      r = realOp(rc, a, b, [](double x, double y) { return x / y; });
      break;
    case RM_OP_LDIVIDE:
      r = realOp(rc, a, b, [](double x, double y) { return y / x; });
      break;
    default: // RM_OP_POWER
      r = realOp(rc, a, b, [](double x, double y) {
        if (y == 2)
          return x * x;
        return std::pow(x, y);
      });
      break;
    }
  } else {
    switch (op) {
    case RM_OP_PLUS:
      r = complexOp(rc, a, b, [](cplx x, cplx y) { return x + y; });
      break;
    case RM_OP_MINUS:
      r = complexOp(rc, a, b, [](cplx x, cplx y) { return x - y; });
      break;
    case RM_OP_TIMES:
      r = complexOp(rc, a, b, [](cplx x, cplx y) {
        if (x.imag() == 0)
          return cplx(x.real() * y.real(), x.real() * y.imag());
        if (y.imag() == 0)
          return cplx(x.real() * y.real(), x.imag() * y.real());
        return x * y;
      });
      break;
    case RM_OP_RDIVIDE:
      r = complexOp(rc, a, b, [](cplx x, cplx y) {
        if (y.imag() == 0)
          return cplx(x.real() / y.real(), x.imag() / y.real());
        return x / y;
      });
      break;
    case RM_OP_LDIVIDE:
      r = complexOp(rc, a, b, [](cplx x, cplx y) {
        if (x.imag() == 0)
          return cplx(y.real() / x.real(), y.imag() / x.real());
        return y / x;
      });
      break;
    default: // RM_OP_POWER
      r = complexOp(rc, a, b, [](cplx x, cplx y) {
        if (x.imag() == 0 && y.imag() == 0 &&
            (x.real() >= 0 || y.real() == std::floor(y.real()) ||
             !std::isfinite(y.real())))
          return cplx(std::pow(x.real(), y.real()), 0.0);
        return cpow(x, y);
      });
      break;
    }
    castInPlace(r->im, rc);
  }
  castInPlace(r->re, rc);
  if (r->complex)
    narrowComplex(*r);
  return r;
}

/// Comparisons (== ~= < <= > >=): logical results; < and friends compare
/// real parts of complex values.
ValueRef compare(int op, const Value &a, const Value &b) {
  requireData(binaryOpName(op), a, b);
  if ((is64Class(a.cls) || is64Class(b.cls)) && !hasImag(a) && !hasImag(b))
    return compare64(op, a, b); // exact beyond 2^53
  if (hasImag(a) || hasImag(b)) {
    Dims out = broadcastDims(a.dims, b.dims);
    ValueRef r = newResult(ClassId::Logical, out);
    double *o = r->re.data();
    forEachPair(r->dims, a, b, [&](int64_t ia, int64_t ib, int64_t k) {
      cplx x = cAt(a, ia), y = cAt(b, ib);
      // == and ~= compare both parts; the orderings compare real parts.
      bool v = op == RM_OP_EQ   ? x == y
               : op == RM_OP_NE ? x != y
                                : compareScalars(op, x.real(), y.real());
      o[k] = v ? 1.0 : 0.0;
    });
    return r;
  }
  ClassId L = ClassId::Logical;
  switch (op) {
  case RM_OP_EQ:
    return realOp(L, a, b,
                  [](double x, double y) { return x == y ? 1.0 : 0.0; });
  case RM_OP_NE:
    return realOp(L, a, b,
                  [](double x, double y) { return x != y ? 1.0 : 0.0; });
  case RM_OP_LT:
    return realOp(L, a, b,
                  [](double x, double y) { return x < y ? 1.0 : 0.0; });
  case RM_OP_LE:
    return realOp(L, a, b,
                  [](double x, double y) { return x <= y ? 1.0 : 0.0; });
  case RM_OP_GT:
    return realOp(L, a, b,
                  [](double x, double y) { return x > y ? 1.0 : 0.0; });
  default:
    return realOp(L, a, b,
                  [](double x, double y) { return x >= y ? 1.0 : 0.0; });
  }
}

/// Elementwise & and |.
ValueRef logic(int op, const Value &a, const Value &b) {
  requireData(binaryOpName(op), a, b);
  checkNoNaN(a);
  checkNoNaN(b);
  if (hasImag(a) || hasImag(b)) {
    Dims out = broadcastDims(a.dims, b.dims);
    ValueRef r = newResult(ClassId::Logical, out);
    double *o = r->re.data();
    forEachPair(r->dims, a, b, [&](int64_t ia, int64_t ib, int64_t k) {
      bool x = cAt(a, ia) != cplx(0, 0), y = cAt(b, ib) != cplx(0, 0);
      o[k] = (op == RM_OP_AND ? (x && y) : (x || y)) ? 1.0 : 0.0;
    });
    return r;
  }
  if (op == RM_OP_AND)
    return realOp(ClassId::Logical, a, b, [](double x, double y) {
      return (x != 0 && y != 0) ? 1.0 : 0.0;
    });
  return realOp(ClassId::Logical, a, b, [](double x, double y) {
    return (x != 0 || y != 0) ? 1.0 : 0.0;
  });
}

// - matrix operations ---------------------------------------------------------

[[noreturn]] void sizeLimit() {
  throwError("MATLAB:pmaxsize",
             "Requested array exceeds the maximum possible size.");
}

void require2D(const Value &a, const Value &b, const char *what) {
  if (a.dims.size() > 2 || b.dims.size() > 2)
    throwError("MATLAB:mtimes:ndArray",
               "Arguments must be 2-D, or at least one argument must be "
               "scalar. Use %s for elementwise operations.",
               what);
}

/// C = A*B for real column-major matrices (C zero-filled m x n).
void gemmReal(int64_t m, int64_t n, int64_t k, const double *A, const double *B,
              double *C) {
  if (m == 0 || n == 0 || k == 0)
    return;
  if (m > INT_MAX || n > INT_MAX || k > INT_MAX) {
    // Beyond BLAS's 32-bit sizes: a plain loop (column-major, k inner).
    for (int64_t j = 0; j < n; ++j)
      for (int64_t p = 0; p < k; ++p) {
        double bv = B[p + j * k];
        for (int64_t i = 0; i < m; ++i)
          C[i + j * m] += A[i + p * m] * bv;
      }
    return;
  }
  int M = (int)m, N = (int)n, K = (int)k;
  if (M == 1 && N == 1) {
    C[0] = cblas_ddot(K, A, 1, B, 1);
  } else if (N == 1) {
    cblas_dgemv(CblasColMajor, CblasNoTrans, M, K, 1.0, A, M, B, 1, 0.0, C, 1);
  } else if (M == 1) {
    cblas_dgemv(CblasColMajor, CblasTrans, K, N, 1.0, B, K, A, 1, 0.0, C, 1);
  } else {
    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, M, N, K, 1.0, A, M,
                B, K, 0.0, C, M);
  }
}

std::vector<double> interleave(const Value &v) {
  std::vector<double> z(v.re.size() * 2);
  for (size_t k = 0; k < v.re.size(); ++k) {
    z[2 * k] = v.re[k];
    z[2 * k + 1] = hasImag(v) ? v.im[k] : 0.0;
  }
  return z;
}

[[noreturn]] void integerMatrixOp(const char *what) {
  throwError("MATLAB:mtimes:integerNotSupported",
             "%s is not fully supported for integer classes. At least one "
             "argument must be scalar.",
             what);
}

/// The 1-norm (largest column sum) of an n x n matrix.
double norm1(const double *A, int64_t n) {
  double best = 0;
  for (int64_t j = 0; j < n; ++j) {
    double s = 0;
    for (int64_t i = 0; i < n; ++i)
      s += std::fabs(A[i + j * n]);
    if (s > best || std::isnan(s))
      best = s;
  }
  return best;
}

/// X = A \ B for real A (m x n) and B (m x nrhs), with MATLAB's warnings.
std::vector<double> solveReal(int64_t m, int64_t n, std::vector<double> A,
                              const std::vector<double> &Bin, int64_t nrhs) {
  if (m > INT_MAX || n > INT_MAX || nrhs > INT_MAX)
    sizeLimit();
  int M = (int)m, N = (int)n, R = (int)nrhs, info = 0;
  auto warnRcond = [](double rcond) {
    if (rcond < std::numeric_limits<double>::epsilon()) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%e", rcond);
      writeWarning("Matrix is close to singular or badly scaled. Results "
                   "may be inaccurate. RCOND = " +
                   std::string(buf) + ".");
    }
  };
  if (m == n) {
    // MATLAB picks the solver by the matrix's structure: a triangular
    // solve for triangular A, Cholesky for symmetric A with a positive
    // diagonal (LU when that fails), LU otherwise.
    bool upper = true, lower = true, symmetric = true, posDiag = true;
    for (int64_t j = 0; j < n; ++j) {
      posDiag &= A[(size_t)(j * n + j)] > 0;
      for (int64_t i = 0; i < n; ++i) {
        double v = A[(size_t)(j * n + i)];
        if (i > j && v != 0)
          upper = false;
        if (i < j && v != 0)
          lower = false;
        if (i < j && v != A[(size_t)(i * n + j)])
          symmetric = false;
      }
    }
    if (upper || lower) {
      std::vector<double> B = Bin;
      const char *uplo = upper ? "U" : "L";
      bool singular = false;
      for (int64_t j = 0; j < n; ++j)
        singular |= A[(size_t)(j * n + j)] == 0;
      if (singular) {
        writeWarning("Matrix is singular to working precision.");
        // Back substitution as is: divisions by zero give Inf/NaN as in
        // MATLAB (dtrtrs would refuse).
        for (int r = 0; r < R; ++r) {
          double *x = B.data() + (size_t)r * N;
          if (upper)
            for (int64_t i = n - 1; i >= 0; --i) {
              double t = x[i];
              for (int64_t k = i + 1; k < n; ++k)
                t -= A[(size_t)(k * n + i)] * x[k];
              x[i] = t / A[(size_t)(i * n + i)];
            }
          else
            for (int64_t i = 0; i < n; ++i) {
              double t = x[i];
              for (int64_t k = 0; k < i; ++k)
                t -= A[(size_t)(k * n + i)] * x[k];
              x[i] = t / A[(size_t)(i * n + i)];
            }
        }
        return B;
      }
      double rcond = 0;
      std::vector<double> work((size_t)3 * N);
      std::vector<int> iwork((size_t)N);
      int one = std::max(1, M);
      dtrcon_("1", uplo, "N", &N, A.data(), &one, &rcond, work.data(),
              iwork.data(), &info, 1, 1, 1);
      warnRcond(rcond);
      dtrtrs_(uplo, "N", "N", &N, &R, A.data(), &one, B.data(), &one, &info,
              1, 1, 1);
      return B;
    }
    if (symmetric && posDiag) {
      std::vector<double> C = A, B = Bin;
      double anorm = norm1(A.data(), n);
      int one = std::max(1, M);
      dpotrf_("U", &N, C.data(), &one, &info, 1);
      if (info == 0) {
        double rcond = 0;
        std::vector<double> work((size_t)3 * N);
        std::vector<int> iwork((size_t)N);
        int cinfo = 0;
        dpocon_("U", &N, C.data(), &one, &anorm, &rcond, work.data(),
                iwork.data(), &cinfo, 1);
        warnRcond(rcond);
        dpotrs_("U", &N, &R, C.data(), &one, B.data(), &one, &info, 1);
        return B;
      }
    }
    std::vector<double> B = Bin;
    std::vector<int> ipiv((size_t)std::max(1, N));
    double anorm = norm1(A.data(), n);
    dgetrf_(&M, &N, A.data(), &M, ipiv.data(), &info);
    if (info > 0) {
      writeWarning("Matrix is singular to working precision.");
    } else {
      double rcond = 0;
      std::vector<double> work((size_t)4 * N);
      std::vector<int> iwork((size_t)N);
      int cinfo = 0;
      dgecon_("1", &N, A.data(), &M, &anorm, &rcond, work.data(), iwork.data(),
              &cinfo, 1);
      warnRcond(rcond);
    }
    int one = std::max(1, M);
    dgetrs_("N", &N, &R, A.data(), &one, ipiv.data(), B.data(), &one, &info, 1);
    return B;
  }
  // Not square: MATLAB's basic solution through QR with column pivoting,
  // A*P = Q*R. The rank r counts |R(k,k)| > max(m,n)*eps*|R(1,1)|; then
  // R(1:r,1:r) y = (Q'*B)(1:r,:) and x(P(1:r),:) = y, the other rows of x
  // zero (at most r nonzeros per column, unlike the minimum-norm pinv(A)*B).
  int lda = std::max(1, M), k = std::min(M, N);
  std::vector<int> jpvt((size_t)std::max(1, N), 0);
  std::vector<double> tau((size_t)std::max(1, k));
  int lwork = -1;
  double wq = 0;
  dgeqp3_(&M, &N, A.data(), &lda, jpvt.data(), tau.data(), &wq, &lwork, &info);
  lwork = std::max(1, (int)wq);
  std::vector<double> work((size_t)lwork);
  dgeqp3_(&M, &N, A.data(), &lda, jpvt.data(), tau.data(), work.data(), &lwork,
          &info);
  double tol = std::max(M, N) * std::numeric_limits<double>::epsilon() *
               std::fabs(A[0]);
  int rank = 0;
  while (rank < k && std::fabs(A[(size_t)rank * lda + rank]) > tol)
    ++rank;
  if (rank < k) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "Rank deficient, rank = %d, tol = %e.", rank,
                  tol);
    writeWarning(buf);
  }
  std::vector<double> B = Bin; // M x R, overwritten by Q' * B
  int ldb = std::max(1, M);
  lwork = -1;
  dormqr_("L", "T", &M, &R, &k, A.data(), &lda, tau.data(), B.data(), &ldb, &wq,
          &lwork, &info, 1, 1);
  lwork = std::max(1, (int)wq);
  work.assign((size_t)lwork, 0.0);
  dormqr_("L", "T", &M, &R, &k, A.data(), &lda, tau.data(), B.data(), &ldb,
          work.data(), &lwork, &info, 1, 1);
  if (rank > 0)
    dtrtrs_("U", "N", "N", &rank, &R, A.data(), &lda, B.data(), &ldb, &info, 1,
            1, 1);
  std::vector<double> X((size_t)N * R, 0.0);
  for (int j = 0; j < R; ++j)
    for (int i = 0; i < rank; ++i)
      X[(size_t)j * N + (jpvt[(size_t)i] - 1)] = B[(size_t)j * ldb + i];
  return X;
}

ValueRef mldivide(const Value &a, const Value &b) {
  requireData("\\", a, b);
  if (a.numel() == 1)
    return arith(RM_OP_LDIVIDE, a, b);
  require2D(a, b, "LDIVIDE (.\\)");
  ClassId rc = arithClass("\\", a, b);
  if (isIntegerClass(rc))
    integerMatrixOp("MLDIVIDE (\\)");
  if (hasImag(a) || hasImag(b))
    throwError("RunMat:notImplemented",
               "Complex matrix division is not supported.");
  int64_t m = a.dims[0], n = a.dims[1], nrhs = b.dims[1];
  if (b.dims[0] != m)
    throwError("MATLAB:dimagree", "Matrix dimensions must agree.");
  ValueRef r = newResult(rc, {n, nrhs});
  if (m == 0 || n == 0 || nrhs == 0)
    return r;
  r->re = solveReal(m, n, a.re, b.re, nrhs);
  castInPlace(r->re, rc);
  return r;
}

ValueRef mrdivide(const Value &a, const Value &b) {
  requireData("/", a, b);
  if (b.numel() == 1)
    return arith(RM_OP_RDIVIDE, a, b);
  require2D(a, b, "RDIVIDE (./)");
  // a / b = (b.' \ a.').'
  if (a.dims[1] != b.dims[1])
    throwError("MATLAB:dimagree", "Matrix dimensions must agree.");
  ValueRef at = transpose(a, false), bt = transpose(b, false);
  ValueRef x = mldivide(*bt, *at);
  return transpose(*x, false);
}

ValueRef identity(int64_t n, ClassId c) {
  ValueRef r = newResult(c, {n, n});
  for (int64_t i = 0; i < n; ++i)
    r->re[(size_t)(i * n + i)] = 1.0;
  return r;
}

ValueRef mpower(const Value &a, const Value &b) {
  requireData("^", a, b);
  if (a.numel() == 1 && b.numel() == 1)
    return arith(RM_OP_POWER, a, b);
  bool square = a.dims.size() == 2 && a.dims[0] == a.dims[1];
  if (!square || b.numel() != 1) {
    if (a.numel() == 1 && b.dims.size() == 2 && b.dims[0] == b.dims[1])
      throwError("RunMat:notImplemented",
                 "A scalar raised to a matrix power is not supported.");
    throwError("MATLAB:mpower:notScalarAndSquareMatrix",
               "Incorrect dimensions for raising a matrix to a power. Check "
               "that the matrix is square and the power is a scalar. To "
               "operate on each element of the matrix individually, use "
               "POWER (.^) for elementwise power.");
  }
  ClassId rc = arithClass("^", a, b);
  if (hasImag(b) || std::floor(b.re[0]) != b.re[0] || !std::isfinite(b.re[0]))
    throwError("RunMat:notImplemented",
               "Non-integer powers of matrices are not supported.");
  double p = b.re[0];
  int64_t n = a.dims[0];
  ValueRef base = ValueRef::borrow(const_cast<Value *>(&a));
  if (p < 0) {
    if (hasImag(a))
      throwError("RunMat:notImplemented",
                 "Complex matrix inversion is not supported.");
    ValueRef eye = identity(n, ClassId::Double);
    ValueRef ad = convertClass(a, ClassId::Double);
    base = mldivide(*ad, *eye);
    p = -p;
  }
  ValueRef result;
  while (p >= 1) {
    double half = std::floor(p / 2);
    if (p - 2 * half == 1)
      result = result ? mtimes(*result, *base) : base;
    p = half;
    if (p >= 1)
      base = mtimes(*base, *base);
  }
  if (!result)
    return identity(n, rc);
  if (result->cls != rc)
    result = convertClass(*result, rc);
  return result;
}

} // namespace

Dims broadcastDims(const Dims &a, const Dims &b) {
  if (a == b)
    return a;
  size_t nd = std::max(a.size(), b.size());
  Dims out(nd);
  for (size_t k = 0; k < nd; ++k) {
    int64_t da = k < a.size() ? a[k] : 1, db = k < b.size() ? b[k] : 1;
    if (da == db || db == 1)
      out[k] = da;
    else if (da == 1)
      out[k] = db;
    else
      throwError("MATLAB:sizeDimensionsMustMatch",
                 "Arrays have incompatible sizes for this operation.");
  }
  normalizeDims(out);
  return out;
}

ValueRef mtimesTransposed(const Value &a, const Value &b, bool conjugate,
                          bool same) {
  bool fast = a.cls == ClassId::Double && b.cls == ClassId::Double &&
              !hasImag(a) && !hasImag(b) && !a.csList && !b.csList &&
              a.dims.size() == 2 && b.dims.size() == 2 && a.numel() > 1 &&
              b.numel() > 1 && a.dims[0] == b.dims[0] &&
              a.dims[0] <= INT_MAX && a.dims[1] <= INT_MAX &&
              b.dims[1] <= INT_MAX;
  if (!fast) {
    ValueRef at = transpose(a, conjugate);
    return mtimes(*at, b);
  }
  int64_t k = a.dims[0], m = a.dims[1], n = b.dims[1];
  ValueRef r = newResult(ClassId::Double, {m, n});
  if (m == 0 || n == 0)
    return r;
  if (k == 0)
    return r; // zeros
  double *C = r->re.data();
  if (same) {
    // C = A' * A: the upper triangle by SYRK, mirrored (C is symmetric).
    cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, (int)m, (int)k, 1.0,
                a.re.data(), (int)k, 0.0, C, (int)m);
    for (int64_t j = 0; j < m; ++j)
      for (int64_t i = j + 1; i < m; ++i)
        C[i + j * m] = C[j + i * m];
  } else {
    cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, (int)m, (int)n,
                (int)k, 1.0, a.re.data(), (int)k, b.re.data(), (int)k, 0.0, C,
                (int)m);
  }
  return r;
}

ValueRef mtimes(const Value &a, const Value &b) {
  requireData("*", a, b);
  if (a.numel() == 1 || b.numel() == 1)
    return arith(RM_OP_TIMES, a, b);
  require2D(a, b, "TIMES (.*)");
  ClassId rc = arithClass("*", a, b);
  if (isIntegerClass(rc))
    integerMatrixOp("MTIMES (*)");
  int64_t m = a.dims[0], k = a.dims[1], k2 = b.dims[0], n = b.dims[1];
  if (k != k2)
    throwError("MATLAB:innerdim",
               "Incorrect dimensions for matrix multiplication. Check that "
               "the number of columns in the first matrix matches the number "
               "of rows in the second matrix. To operate on each element of "
               "the matrix individually, use TIMES (.*) for elementwise "
               "multiplication.");
  bool cx = hasImag(a) || hasImag(b);
  ValueRef r = newResult(rc, {m, n}, cx);
  if (m == 0 || n == 0 || k == 0)
    return r;
  if (!cx) {
    gemmReal(m, n, k, a.re.data(), b.re.data(), r->re.data());
  } else {
    if (m > INT_MAX || n > INT_MAX || k > INT_MAX)
      sizeLimit();
    std::vector<double> A = interleave(a), B = interleave(b);
    std::vector<double> C((size_t)(m * n) * 2, 0.0);
    double one[2] = {1.0, 0.0}, zero[2] = {0.0, 0.0};
    cblas_zgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, (int)m, (int)n,
                (int)k, one, A.data(), (int)m, B.data(), (int)k, zero, C.data(),
                (int)m);
    for (size_t q = 0; q < r->re.size(); ++q) {
      r->re[q] = C[2 * q];
      r->im[q] = C[2 * q + 1];
    }
    castInPlace(r->im, rc);
    narrowComplex(*r);
  }
  castInPlace(r->re, rc);
  return r;
}

ValueRef binaryOp(int op, const Value &a, const Value &b) {
  switch (op) {
  case RM_OP_PLUS:
  case RM_OP_MINUS:
  case RM_OP_TIMES:
  case RM_OP_RDIVIDE:
  case RM_OP_LDIVIDE:
  case RM_OP_POWER:
    return arith(op, a, b);
  case RM_OP_MTIMES:
    return mtimes(a, b);
  case RM_OP_MRDIVIDE:
    return mrdivide(a, b);
  case RM_OP_MLDIVIDE:
    return mldivide(a, b);
  case RM_OP_MPOWER:
    return mpower(a, b);
  case RM_OP_EQ:
  case RM_OP_NE:
  case RM_OP_LT:
  case RM_OP_LE:
  case RM_OP_GT:
  case RM_OP_GE:
    return compare(op, a, b);
  case RM_OP_AND:
  case RM_OP_OR:
    return logic(op, a, b);
  default:
    throwError("RunMat:badOperator", "Unknown binary operator %d.", op);
  }
}

// - unary operators -----------------------------------------------------------

ValueRef transpose(const Value &a, bool conjugate) {
  if (a.dims.size() > 2)
    throwError("MATLAB:transpose:NDArray",
               "Transpose on ND array is not defined. Use PERMUTE instead.");
  if (a.cls == ClassId::FunctionHandle)
    return ValueRef::borrow(const_cast<Value *>(&a));
  if (isWide(a)) // moves the exact values
    return movingElements(a, [&](const Value &b) { return transpose(b, conjugate); });
  int64_t m = a.dims[0], n = a.dims[1];
  Value *r = new Value;
  ValueRef out = ValueRef::adopt(r);
  r->cls = a.cls;
  r->complex = a.complex;
  r->dims = {n, m};
  r->fields = a.fields;
  if (a.cls == ClassId::Cell || a.cls == ClassId::Struct) {
    size_t w = a.cls == ClassId::Struct ? a.fields.size() : 1;
    r->cells.resize(a.cells.size());
    for (int64_t j = 0; j < n; ++j)
      for (int64_t i = 0; i < m; ++i)
        for (size_t f = 0; f < w; ++f)
          r->cells[(size_t)(i * n + j) * w + f] =
              a.cells[(size_t)(j * m + i) * w + f];
    return out;
  }
  auto tr = [&](const std::vector<double> &src, std::vector<double> &dst) {
    if (m == 1 || n == 1) {
      dst = src;
      return;
    }
    dst.resize(src.size());
    const int64_t B = 32; // cache blocking
    for (int64_t jj = 0; jj < n; jj += B)
      for (int64_t ii = 0; ii < m; ii += B) {
        int64_t je = std::min(n, jj + B), ie = std::min(m, ii + B);
        for (int64_t j = jj; j < je; ++j)
          for (int64_t i = ii; i < ie; ++i)
            dst[(size_t)(i * n + j)] = src[(size_t)(j * m + i)];
      }
  };
  tr(a.re, r->re);
  if (hasImag(a)) {
    tr(a.im, r->im);
    if (conjugate)
      for (double &x : r->im)
        x = -x;
  } else if (a.complex) {
    r->im.assign(r->re.size(), 0.0);
  }
  return out;
}

ValueRef unaryOp(int op, const Value &a) {
  switch (op) {
  case RM_OP_CTRANSPOSE:
    return transpose(a, true);
  case RM_OP_TRANSPOSE:
    return transpose(a, false);
  case RM_OP_NEG:
  case RM_OP_UPLUS: {
    if (!isDataClass(a.cls))
      unsupportedOperand(unaryOpName(op), a);
    bool toDouble = a.cls == ClassId::Logical || a.cls == ClassId::Char;
    if (op == RM_OP_UPLUS) {
      if (!toDouble)
        return ValueRef::borrow(const_cast<Value *>(&a));
      return convertClass(a, ClassId::Double);
    }
    if (is64Class(a.cls) && !hasImag(a))
      return negate64(a);
    ValueRef r = copyValue(a);
    if (toDouble)
      r->cls = ClassId::Double;
    for (double &x : r->re)
      x = -x;
    for (double &x : r->im)
      x = -x;
    if (isIntegerClass(r->cls)) {
      castInPlace(r->re, r->cls);
      castInPlace(r->im, r->cls);
    }
    return r;
  }
  case RM_OP_NOT: {
    if (!isDataClass(a.cls))
      unsupportedOperand("~", a);
    checkNoNaN(a);
    ValueRef r = newResult(ClassId::Logical, a.dims);
    size_t n = a.re.size();
    if (hasImag(a)) {
      for (size_t k = 0; k < n; ++k)
        r->re[k] = (a.re[k] == 0 && a.im[k] == 0) ? 1.0 : 0.0;
    } else {
      const double *src = a.re.data();
      double *dst = r->re.data();
      for (size_t k = 0; k < n; ++k)
        dst[k] = src[k] == 0 ? 1.0 : 0.0;
    }
    return r;
  }
  default:
    throwError("RunMat:badOperator", "Unknown unary operator %d.", op);
  }
}

bool isTrue(const Value &v) {
  if (!isDataClass(v.cls))
    throwError("MATLAB:invalidConversion",
               "Conversion to logical from %s is not possible.",
               className(v.cls));
  if (v.re.empty())
    return false;
  bool all = true;
  bool cx = hasImag(v);
  for (size_t k = 0; k < v.re.size(); ++k) {
    double x = v.re[k];
    if (std::isnan(x) || (cx && std::isnan(v.im[k])))
      throwError("MATLAB:nologicalnan",
                 "NaN's cannot be converted to logicals.");
    if (x == 0 && (!cx || v.im[k] == 0))
      all = false;
  }
  return all;
}

// - colon ---------------------------------------------------------------------

ValueRef colonRange(double a, double d, double b) {
  if (std::isnan(a) || std::isnan(d) || std::isnan(b))
    return makeDouble(NAN);
  int64_t count = rm_range_count(a, d, b);
  if (count > ((int64_t)1 << 53) ||
      ((std::isinf(a) || std::isinf(b)) && count > 1))
    throwError("MATLAB:pmaxsize",
               "Maximum variable size allowed by the program is exceeded.");
  ValueRef r = makeArray(ClassId::Double, {1, count});
  if (count == 0)
    return r;
  double last = rm_range_last(a, d, b, count);
  double *o = r->re.data();
  // The first half counts up from a, the second half down from the (snapped)
  // last element, so both endpoints are exact; compiled loops use the same
  // rule (RangeElementLowering).
  for (int64_t k = 0; k < count; ++k)
    o[k] =
        2 * k < count ? a + (double)k * d : last - (double)(count - 1 - k) * d;
  return r;
}

ValueRef colonOp(const Value &a, const Value *step, const Value &b) {
  const Value *ops[3] = {&a, step, &b};
  ClassId intClass = ClassId::Double;
  bool anyInt = false, anySingle = false;
  for (const Value *v : ops) {
    if (!v)
      continue;
    if (!isDataClass(v->cls))
      throwError("MATLAB:UndefinedFunction",
                 "Undefined function 'colon' for input arguments of type "
                 "'%s'.",
                 className(v->cls));
    if (v->re.empty())
      return makeArray(ClassId::Double, {1, 0});
    if (isIntegerClass(v->cls)) {
      if (anyInt && v->cls != intClass)
        throwError("MATLAB:colon:mixedIntegerClasses",
                   "Colon operands must be all the same type, or mixed with "
                   "real double scalar values.");
      anyInt = true;
      intClass = v->cls;
    }
    if (v->cls == ClassId::Single)
      anySingle = true;
  }
  double x = a.re[0], y = b.re[0], d = step ? step->re[0] : 1.0;
  ValueRef r = colonRange(x, d, y);
  ClassId rc = ClassId::Double;
  if (anyInt)
    rc = intClass;
  else if (a.cls == ClassId::Char && b.cls == ClassId::Char &&
           (!step || step->cls == ClassId::Char ||
            step->cls == ClassId::Double))
    rc = ClassId::Char;
  else if (anySingle)
    rc = ClassId::Single;
  if (rc != ClassId::Double) {
    castInPlace(r->re, rc);
    r->cls = rc;
  }
  return r;
}

} // namespace runmat::rt

// - scalar ranges shared with compiled loops (abi.h) --------------------------

extern "C" int64_t rm_range_count(double a, double d, double b) {
  if (std::isnan(a) || std::isnan(d) || std::isnan(b))
    return 0;
  if (d == 0 || (a < b && d < 0) || (a > b && d > 0))
    return 0;
  if (a == b)
    return 1;
  double q = (b - a) / d; // > 0 here
  if (!(q < 4.0e18))
    return (int64_t)1 << 62; // unbounded: callers stop earlier or fail
  double tol = 2.0 * std::numeric_limits<double>::epsilon() *
               std::max(std::fabs(a), std::fabs(b));
  double sig = d > 0 ? 1.0 : -1.0;
  int64_t n = (int64_t)std::floor(q + 0.5); // intervals, MATLAB's rounding
  if (n > 0 && sig * (a + (double)n * d - b) > tol)
    --n; // the rounded endpoint overshoots b by more than the tolerance
  return n + 1;
}

extern "C" double rm_range_last(double a, double d, double b, int64_t count) {
  if (count <= 1)
    return a;
  double last = a + (double)(count - 1) * d;
  double tol = 2.0 * std::numeric_limits<double>::epsilon() *
               std::max(std::fabs(a), std::fabs(b));
  if (std::fabs(b - last) <= tol)
    last = b; // snap the endpoint
  return last;
}
