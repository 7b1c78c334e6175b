//===- Numeric.cpp - Numeric builtins: constants, polynomials, signal, sets ===//
//
// intmax intmin realmax realmin flintmax complex nthroot cat horzcat vertcat
// colon rot90 logspace trace cross dot factorial nchoosek primes isprime gcd
// lcm, conv deconv filter polyfit polyval roots interp1 trapz cumtrapz, mode
// histc histcounts accumarray and the set functions union intersect setdiff
// setxor, with MATLAB's argument rules, result classes and messages.
//
//===----------------------------------------------------------------------===//
#include "ArraySupport.h"
#include "runmat/rt/FunctionHandle.h"
#include "runmat/rt/Io.h"
#include "runmat/rt/Ops.h"

#include <algorithm>
#include <cfloat>
#include <climits>
#include <cmath>
#include <complex>
#include <cstdio>
#include <limits>
#include <numeric>

extern "C" {
// LAPACK (Fortran symbols from libopenblas). Trailing size_t arguments are
// the hidden lengths of character arguments.
void dgels_(const char *trans, const int *m, const int *n, const int *nrhs,
            double *a, const int *lda, double *b, const int *ldb, double *work,
            const int *lwork, int *info, size_t transLen);
void dtrcon_(const char *norm, const char *uplo, const char *diag, const int *n,
             const double *a, const int *lda, double *rcond, double *work,
             int *iwork, int *info, size_t, size_t, size_t);
}

namespace runmat::rt {

using namespace support;

namespace {

using cplx = std::complex<double>;

// ---- small helpers ----------------------------------------------------------

void needArith(const char *fn, const Value &v) {
  if (!isArithmetic(v))
    undefinedForType(fn, v);
}

/// single when any argument is single, else double (integer arguments are
/// rejected with MATLAB's superiorfloat message when `rejectInt`).
ClassId floatClass(const char *fn, std::initializer_list<const Value *> vs,
                   bool rejectInt = true) {
  ClassId c = ClassId::Double;
  for (const Value *v : vs) {
    if (!v)
      continue;
    needArith(fn, *v);
    if (rejectInt && isIntegerClass(v->cls))
      throwError("MATLAB:datatypes:superiorfloat",
                 "Inputs must be floats, namely single or double.");
    if (v->cls == ClassId::Single)
      c = ClassId::Single;
  }
  return c;
}

/// A value of class c with dims d from data (cast to c); `im` non-empty makes
/// it complex (dropped when all zero unless keepComplex).
ValueRef build(ClassId c, const Dims &d, std::vector<double> re,
               std::vector<double> im = {}, bool keepComplex = false) {
  Dims dd = d;
  normalizeDims(dd);
  checkedNumel(dd);
  ValueRef r = makeArray(c, Dims{0, 0});
  r->dims = dd;
  r->re = std::move(re);
  castData(r->re, c);
  if (!im.empty()) {
    r->complex = true;
    r->im = std::move(im);
    castData(r->im, c);
    if (!keepComplex)
      dropZeroImag(*r);
  }
  return r;
}

std::vector<cplx> cdata(const Value &v) {
  std::vector<cplx> out(v.re.size());
  for (size_t k = 0; k < v.re.size(); ++k)
    out[k] = cplx(v.re[k], imagAt(v, (int64_t)k));
  return out;
}

ValueRef buildC(ClassId c, const Dims &d, const std::vector<cplx> &z,
                bool complex) {
  std::vector<double> re(z.size()), im;
  for (size_t k = 0; k < z.size(); ++k)
    re[k] = z[k].real();
  if (complex) {
    im.resize(z.size());
    for (size_t k = 0; k < z.size(); ++k)
      im[k] = z[k].imag();
  }
  return build(c, d, std::move(re), std::move(im));
}

bool isVec(const Value &v) { return v.dims.size() == 2 && (v.dims[0] == 1 || v.dims[1] == 1); }
bool is0x0(const Value &v) {
  return v.dims.size() == 2 && v.dims[0] == 0 && v.dims[1] == 0;
}

bool allFinite(const Value &v) {
  for (double x : v.re)
    if (!std::isfinite(x))
      return false;
  if (hasImag(v))
    for (double x : v.im)
      if (!std::isfinite(x))
        return false;
  return true;
}

double realScalar(const char *fn, const Value &v, const char *what) {
  if (!isArithmetic(v) || v.numel() != 1 || hasImag(v))
    throwError("MATLAB:expectedScalar", "%s must be a real scalar.", what);
  (void)fn;
  return v.re[0];
}

/// A nonnegative integer scalar (counts, degrees).
int64_t countArg(const Value &v, const char *msgId, const char *msg) {
  if (!isArithmetic(v) || v.numel() != 1 || hasImag(v))
    throwError(msgId, "%s", msg);
  double x = v.re[0];
  if (!(x >= 0) || x != std::floor(x) || x > 9.0e15)
    throwError(msgId, "%s", msg);
  return (int64_t)x;
}

/// Elements of v (numeric/char/logical, cell, struct) picked by src into an
/// array of dims od (used by rot90 and nchoosek).
ValueRef gather(const Value &v, const Dims &od,
                const std::vector<int64_t> &src) {
  Dims d = od;
  normalizeDims(d);
  checkedNumel(d);
  ValueRef r;
  if (v.cls == ClassId::Cell) {
    r = makeCell(d);
    for (size_t k = 0; k < src.size(); ++k)
      r->cells[k] = v.cells[(size_t)src[k]];
  } else if (v.cls == ClassId::Struct) {
    r = makeStruct(d, v.fields);
    size_t nf = v.fields.size();
    for (size_t k = 0; k < src.size(); ++k)
      for (size_t f = 0; f < nf; ++f)
        r->cells[k * nf + f] = v.cells[(size_t)src[k] * nf + f];
  } else if (v.cls == ClassId::FunctionHandle) {
    if (src.size() != 1)
      throwError("MATLAB:UndefinedFunction",
                 "Nonscalar arrays of function handles are not allowed; use "
                 "cell arrays instead.");
    r = copyValue(v);
  } else {
    r = newArray(v.cls, d, hasImag(v));
    for (size_t k = 0; k < src.size(); ++k) {
      r->re[k] = v.re[(size_t)src[k]];
      if (hasImag(v))
        r->im[k] = v.im[(size_t)src[k]];
    }
  }
  return r;
}

// ---- class names --------------------------------------------------------------

bool classByName(const std::string &s, ClassId &out) {
  static const struct {
    const char *name;
    ClassId cls;
  } names[] = {{"double", ClassId::Double},  {"single", ClassId::Single},
               {"int8", ClassId::Int8},      {"uint8", ClassId::UInt8},
               {"int16", ClassId::Int16},    {"uint16", ClassId::UInt16},
               {"int32", ClassId::Int32},    {"uint32", ClassId::UInt32},
               {"int64", ClassId::Int64},    {"uint64", ClassId::UInt64},
               {"logical", ClassId::Logical}, {"char", ClassId::Char}};
  for (const auto &n : names)
    if (s == n.name) {
      out = n.cls;
      return true;
    }
  return false;
}

/// The class argument of intmax/realmax/...: none, a class name, or
/// 'like', p.
ClassId classArgument(const char *fn, const Args &args, ClassId def) {
  if (args.empty())
    return def;
  const Value &a = *args[0];
  if (!isText(a))
    throwError("MATLAB:intmax:invalidClassName",
               "Class name must be specified as a character vector.");
  if (textIs(a, "like")) {
    if (args.size() != 2)
      throwError("MATLAB:minrhs", "Not enough input arguments.");
    return args[1]->cls;
  }
  if (args.size() > 1)
    throwError("MATLAB:TooManyInputs", "Too many input arguments.");
  ClassId c;
  if (!classByName(textOf(a), c))
    throwError("MATLAB:class:InvalidClassName", "Invalid class name '%s'.",
               textOf(a).c_str());
  (void)fn;
  return c;
}

double intLimit(ClassId c, bool max) {
  switch (c) {
  case ClassId::Int8:
    return max ? 127.0 : -128.0;
  case ClassId::UInt8:
    return max ? 255.0 : 0.0;
  case ClassId::Int16:
    return max ? 32767.0 : -32768.0;
  case ClassId::UInt16:
    return max ? 65535.0 : 0.0;
  case ClassId::Int32:
    return max ? 2147483647.0 : -2147483648.0;
  case ClassId::UInt32:
    return max ? 4294967295.0 : 0.0;
  case ClassId::Int64:
    return max ? 9223372036854775807.0 : -9223372036854775808.0;
  case ClassId::UInt64:
    return max ? 18446744073709551615.0 : 0.0;
  default:
    return 0;
  }
}

Args intLimitBuiltin(const char *fn, const Args &args, bool max) {
  ClassId c = classArgument(fn, args, ClassId::Int32);
  if (!isIntegerClass(c))
    throwError("MATLAB:intmax:invalidClassName",
               "Invalid class name. Class must be one of 'int8', 'uint8', "
               "'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64'.");
  return {makeScalar(intLimit(c, max), c)};
}

Args floatLimitBuiltin(const char *fn, const Args &args, double dv, double sv) {
  ClassId c = classArgument(fn, args, ClassId::Double);
  if (c != ClassId::Double && c != ClassId::Single)
    throwError("MATLAB:realmax:invalidClassName",
               "Invalid class name. Class must be 'double' or 'single'.");
  return {makeScalar(c == ClassId::Single ? sv : dv, c)};
}

} // namespace

// ---- constants ----------------------------------------------------------------

Args bi_intmax(int, const Args &args) { return intLimitBuiltin("intmax", args, true); }
Args bi_intmin(int, const Args &args) { return intLimitBuiltin("intmin", args, false); }
Args bi_realmax(int, const Args &args) {
  return floatLimitBuiltin("realmax", args, DBL_MAX, (double)FLT_MAX);
}
Args bi_realmin(int, const Args &args) {
  return floatLimitBuiltin("realmin", args, DBL_MIN, (double)FLT_MIN);
}
Args bi_flintmax(int, const Args &args) {
  return floatLimitBuiltin("flintmax", args, 9007199254740992.0, 16777216.0);
}

// ---- complex, nthroot -----------------------------------------------------------

Args bi_complex(int, const Args &args) {
  const Value &a = *args[0];
  if (!isNumericClass(a.cls))
    throwError("MATLAB:complex:invalidRealPartInput",
               "Input A must be numeric and full.");
  if (args.size() == 1) {
    ValueRef r = copyValue(a);
    if (!r->complex) {
      r->complex = true;
      r->im.assign(r->re.size(), 0.0);
    }
    return {r};
  }
  const Value &b = *args[1];
  if (!isNumericClass(b.cls))
    throwError("MATLAB:complex:invalidImagPartInput",
               "Input B must be numeric and full.");
  if (hasImag(a) || hasImag(b))
    throwError("MATLAB:complex:invalidComplexInput",
               "Inputs A and B must be real.");
  ClassId c = binaryClass("complex", a, b);
  Dims d = expandedDims(a.dims, b.dims);
  int64_t n = checkedNumel(d);
  std::vector<double> re((size_t)n), im((size_t)n);
  forEachBroadcast(d, a.dims, b.dims, [&](int64_t ia, int64_t ib, int64_t k) {
    re[(size_t)k] = a.re[(size_t)ia];
    im[(size_t)k] = b.re[(size_t)ib];
  });
  return {build(c, d, std::move(re), std::move(im), true)};
}

Args bi_nthroot(int, const Args &args) {
  const Value &x = *args[0], &n = *args[1];
  ClassId c = floatClass("nthroot", {&x, &n});
  if (hasImag(x) || hasImag(n))
    throwError("MATLAB:nthroot:ComplexInput",
               "Both X and N are required to be real.");
  Dims d = expandedDims(x.dims, n.dims);
  int64_t cnt = checkedNumel(d);
  std::vector<double> y((size_t)cnt);
  forEachBroadcast(d, x.dims, n.dims, [&](int64_t ix, int64_t in, int64_t k) {
    double xv = x.re[(size_t)ix], nv = n.re[(size_t)in];
    bool odd = nv == std::floor(nv) && std::fmod(std::fabs(nv), 2.0) == 1.0;
    if (xv < 0 && !odd)
      throwError("MATLAB:nthroot:NegXNotOddIntN",
                 "If X is negative, N must be an odd integer.");
    double r = std::pow(std::fabs(xv), 1.0 / nv);
    if (xv < 0)
      r = -r;
    // One Newton step corrects the rounding of pow (64^(1/3) is not 4).
    if (r != 0 && std::isfinite(r) && std::isfinite(xv) && std::isfinite(nv)) {
      double rn1 = std::pow(r, nv - 1);
      double corr = (rn1 * r - xv) / (nv * rn1);
      if (std::isfinite(corr))
        r -= corr;
    }
    y[(size_t)k] = r;
  });
  return {build(c, d, std::move(y))};
}

// ---- concatenation, colon, rot90, logspace --------------------------------------

Args bi_cat(int, const Args &args) {
  int64_t dim = dimArg(*args[0]);
  std::vector<const Value *> parts;
  for (size_t i = 1; i < args.size(); ++i)
    parts.push_back(args[i].get());
  if (parts.empty())
    return {makeEmpty()};
  return {catAlong(dim, parts)};
}

Args bi_horzcat(int, const Args &args) {
  if (args.empty())
    return {makeEmpty()};
  std::vector<std::vector<const Value *>> rows(1);
  for (auto &a : args)
    rows[0].push_back(a.get());
  return {concat(rows)};
}

Args bi_vertcat(int, const Args &args) {
  if (args.empty())
    return {makeEmpty()};
  std::vector<std::vector<const Value *>> rows;
  for (auto &a : args)
    rows.push_back({a.get()});
  return {concat(rows)};
}

Args bi_colon(int, const Args &args) {
  if (args.size() == 2)
    return {colonOp(*args[0], nullptr, *args[1])};
  return {colonOp(*args[0], args[1].get(), *args[2])};
}

Args bi_rot90(int, const Args &args) {
  const Value &a = *args[0];
  int64_t k = 1;
  if (args.size() > 1) {
    const Value &kv = *args[1];
    if (!isArithmetic(kv) || kv.numel() != 1 || hasImag(kv) ||
        kv.re[0] != std::floor(kv.re[0]) || !std::isfinite(kv.re[0]))
      throwError("MATLAB:rot90:kNonInteger", "K must be an integer scalar.");
    k = (int64_t)std::fmod(kv.re[0], 4.0);
  }
  k = ((k % 4) + 4) % 4;
  int64_t m = a.dims[0], n = a.dims.size() > 1 ? a.dims[1] : 1;
  int64_t pages = m * n == 0 ? 0 : a.numel() / (m * n);
  Dims od = a.dims;
  if (k == 1 || k == 3)
    std::swap(od[0], od[1]);
  std::vector<int64_t> src;
  src.reserve((size_t)a.numel());
  int64_t om = od[0], on = od[1];
  for (int64_t p = 0; p < pages; ++p) {
    int64_t base = p * m * n;
    for (int64_t j = 0; j < on; ++j)
      for (int64_t i = 0; i < om; ++i) {
        int64_t si, sj;
        switch (k) {
        case 0:
          si = i, sj = j;
          break;
        case 1:
          si = j, sj = n - 1 - i;
          break;
        case 2:
          si = m - 1 - i, sj = n - 1 - j;
          break;
        default:
          si = m - 1 - j, sj = i;
          break;
        }
        src.push_back(base + si + sj * m);
      }
  }
  return {gather(a, od, src)};
}

Args bi_logspace(int, const Args &args) {
  const Value &a = *args[0], &b = *args[1];
  needArith("logspace", a);
  needArith("logspace", b);
  Args la{args[0], args[1], args.size() > 2 ? args[2] : makeDouble(50)};
  if (b.numel() == 1 && !hasImag(b) &&
      (b.re[0] == M_PI || b.re[0] == (double)(float)M_PI))
    la[1] = makeScalar(std::log10(b.re[0]), b.cls == ClassId::Single
                                                 ? ClassId::Single
                                                 : ClassId::Double);
  ValueRef t = bi_linspace(1, la)[0];
  ValueRef r = copyValue(*t);
  if (hasImag(*r)) {
    for (size_t k = 0; k < r->re.size(); ++k) {
      cplx z = std::pow(cplx(10.0, 0.0), cplx(r->re[k], r->im[k]));
      r->re[k] = z.real();
      r->im[k] = z.imag();
    }
    castData(r->im, r->cls);
  } else {
    for (double &x : r->re)
      x = std::pow(10.0, x);
  }
  castData(r->re, r->cls);
  return {r};
}

// ---- trace, cross, dot ------------------------------------------------------------

Args bi_trace(int nargout, const Args &args) {
  const Value &a = *args[0];
  needArith("trace", a);
  if (a.dims.size() != 2 || a.dims[0] != a.dims[1])
    throwError("MATLAB:square", "Matrix must be square.");
  int64_t n = a.dims[0];
  ValueRef d = newArray(a.cls, Dims{n, 1}, hasImag(a));
  for (int64_t i = 0; i < n; ++i) {
    d->re[(size_t)i] = a.re[(size_t)(i + i * n)];
    if (hasImag(a))
      d->im[(size_t)i] = a.im[(size_t)(i + i * n)];
  }
  return bi_sum(nargout, Args{d});
}

Args bi_cross(int, const Args &args) {
  const Value &a = *args[0], &b = *args[1];
  ClassId c = binaryClass("cross", a, b);
  bool vecs = isVec(a) && isVec(b) && a.numel() == 3 && b.numel() == 3 &&
              args.size() == 2;
  Dims d = a.dims;
  int64_t dim;
  if (vecs) {
    d = a.dims;
    dim = a.dims[0] == 3 ? 0 : 1;
  } else {
    if (a.dims != b.dims)
      throwError("MATLAB:cross:InputSizeMismatch",
                 "A and B must be of the same size.");
    if (args.size() > 2) {
      dim = dimArg(*args[2]);
    } else {
      dim = -1;
      for (size_t k = 0; k < d.size(); ++k)
        if (d[k] == 3) {
          dim = (int64_t)k;
          break;
        }
    }
    if (dim < 0 || dimSize(d, dim) != 3)
      throwError("MATLAB:cross:InvalidDimAorBForCrossProd",
                 "A and B must be of length 3 in the dimension in which the "
                 "cross product is taken.");
  }
  std::vector<cplx> za = cdata(a), zb = cdata(b), zc(za.size());
  DimSplit s = vecs ? DimSplit{1, 3, 1} : splitAt(d, dim);
  for (int64_t o = 0; o < s.after; ++o)
    for (int64_t i = 0; i < s.before; ++i) {
      size_t p0 = (size_t)(i + o * s.before * 3), st = (size_t)s.before;
      cplx a1 = za[p0], a2 = za[p0 + st], a3 = za[p0 + 2 * st];
      cplx b1 = zb[p0], b2 = zb[p0 + st], b3 = zb[p0 + 2 * st];
      zc[p0] = a2 * b3 - a3 * b2;
      zc[p0 + st] = a3 * b1 - a1 * b3;
      zc[p0 + 2 * st] = a1 * b2 - a2 * b1;
    }
  return {buildC(c, d, zc, hasImag(a) || hasImag(b))};
}

Args bi_dot(int, const Args &args) {
  const Value &a = *args[0], &b = *args[1];
  needArith("dot", a);
  needArith("dot", b);
  ClassId c = (a.cls == ClassId::Single || b.cls == ClassId::Single)
                  ? ClassId::Single
                  : ClassId::Double;
  bool cx = hasImag(a) || hasImag(b);
  std::vector<cplx> za = cdata(a), zb = cdata(b);
  if (args.size() == 2 && isVec(a) && isVec(b)) {
    if (a.numel() != b.numel())
      throwError("MATLAB:dot:InputSizeMismatch",
                 "A and B must be same size.");
    cplx s = 0;
    for (size_t k = 0; k < za.size(); ++k)
      s += std::conj(za[k]) * zb[k];
    return {buildC(c, Dims{1, 1}, {s}, cx)};
  }
  if (a.dims != b.dims)
    throwError("MATLAB:dot:InputSizeMismatch", "A and B must be same size.");
  if (is0x0(a) && args.size() == 2)
    return {buildC(c, Dims{1, 1}, {cplx(0.0)}, false)};
  int64_t dim = args.size() > 2 ? dimArg(*args[2]) : firstNonSingleton(a.dims);
  DimSplit s = splitAt(a.dims, dim);
  Dims od = a.dims;
  if (dim < (int64_t)od.size())
    od[(size_t)dim] = 1;
  std::vector<cplx> out((size_t)(s.before * s.after));
  for (int64_t o = 0; o < s.after; ++o)
    for (int64_t i = 0; i < s.before; ++i) {
      cplx acc = 0;
      for (int64_t l = 0; l < s.len; ++l) {
        size_t p = (size_t)(i + (l + o * s.len) * s.before);
        acc += std::conj(za[p]) * zb[p];
      }
      out[(size_t)(i + o * s.before)] = acc;
    }
  return {buildC(c, od, out, cx)};
}

// ---- integer functions --------------------------------------------------------------

namespace {

bool isIntegral(double x) { return std::isfinite(x) && x == std::floor(x); }

std::vector<double> factorialTable() {
  std::vector<double> t(171);
  t[0] = 1;
  for (int k = 1; k <= 170; ++k)
    t[(size_t)k] = t[(size_t)k - 1] * k;
  return t;
}

uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m) {
  return (uint64_t)((unsigned __int128)a * b % m);
}

uint64_t powmod(uint64_t a, uint64_t e, uint64_t m) {
  uint64_t r = 1;
  a %= m;
  while (e) {
    if (e & 1)
      r = mulmod(r, a, m);
    a = mulmod(a, a, m);
    e >>= 1;
  }
  return r;
}

bool isPrimeU64(uint64_t n) {
  if (n < 2)
    return false;
  static const uint64_t small[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};
  for (uint64_t p : small) {
    if (n % p == 0)
      return n == p;
  }
  uint64_t d = n - 1;
  int s = 0;
  while ((d & 1) == 0) {
    d >>= 1;
    ++s;
  }
  for (uint64_t a : small) {
    uint64_t x = powmod(a, d, n);
    if (x == 1 || x == n - 1)
      continue;
    bool comp = true;
    for (int r = 1; r < s; ++r) {
      x = mulmod(x, x, n);
      if (x == n - 1) {
        comp = false;
        break;
      }
    }
    if (comp)
      return false;
  }
  return true;
}

} // namespace

Args bi_factorial(int, const Args &args) {
  const Value &n = *args[0];
  needArith("factorial", n);
  if (hasImag(n))
    throwError("MATLAB:factorial:NNegativeInt",
               "N must be an array of real non-negative integers.");
  static const std::vector<double> table = factorialTable();
  std::vector<double> out(n.re.size());
  for (size_t k = 0; k < n.re.size(); ++k) {
    double x = n.re[k];
    if (std::isnan(x)) {
      out[k] = x;
      continue;
    }
    if (x < 0 || x != std::floor(x))
      throwError("MATLAB:factorial:NNegativeInt",
                 "N must be an array of real non-negative integers.");
    out[k] = x > 170 ? INFINITY : table[(size_t)x];
  }
  ClassId c = n.cls == ClassId::Logical || n.cls == ClassId::Char
                  ? ClassId::Double
                  : n.cls;
  return {build(c, n.dims, std::move(out))};
}

Args bi_nchoosek(int, const Args &args) {
  const Value &v = *args[0], &kv = *args[1];
  if (!isArithmetic(kv) || kv.numel() != 1 || hasImag(kv) ||
      !(kv.re[0] >= 0) || !isIntegral(kv.re[0]))
    throwError("MATLAB:nchoosek:InvalidArg2",
               "K must be a non-negative integer.");
  double k = kv.re[0];
  if (v.numel() == 1 && v.cls != ClassId::Cell && v.cls != ClassId::Struct) {
    needArith("nchoosek", v);
    double n = v.re[0];
    if (hasImag(v) || !(n >= 0) || !isIntegral(n))
      throwError("MATLAB:nchoosek:InvalidArg1",
                 "N must be a non-negative integer.");
    if (k > n)
      throwError("MATLAB:nchoosek:KOutOfRange",
                 "K must be an integer between 0 and N.");
    double kk = std::min(k, n - k);
    double c = 1;
    if (kk > 0) {
      // round(prod(((n-kk+1):n) ./ (1:kk))), as MATLAB computes it.
      for (double i = 1; i <= kk; ++i) {
        c *= (n - kk + i) / i;
        if (std::isinf(c))
          break;
      }
      c = std::round(c);
    }
    if (c > 9007199254740992.0)
      writeWarning("Result may not be exact. Coefficient is greater than "
                   "9.007199e+15 and is only accurate to 15 digits");
    ClassId rc = isIntegerClass(v.cls) ? v.cls
                 : isIntegerClass(kv.cls) ? kv.cls
                 : (v.cls == ClassId::Single || kv.cls == ClassId::Single)
                     ? ClassId::Single
                     : ClassId::Double;
    return {makeScalar(c, rc)};
  }
  // All combinations of the elements of v, k at a time (lexicographic rows).
  int64_t n = v.numel();
  if (k > (double)n) {
    Dims d{0, (int64_t)k};
    return {gather(v, d, {})};
  }
  int64_t K = (int64_t)k;
  double rowsD = 1;
  for (int64_t i = 1; i <= std::min(K, n - K); ++i)
    rowsD = rowsD * (double)(n - std::min(K, n - K) + i) / (double)i;
  rowsD = std::round(rowsD);
  if (rowsD * (double)std::max<int64_t>(K, 1) > 9.0e15)
    sizeLimit();
  int64_t rows = (int64_t)rowsD;
  Dims od{rows, K};
  checkedNumel(od);
  std::vector<int64_t> src((size_t)(rows * K));
  std::vector<int64_t> idx((size_t)K);
  std::iota(idx.begin(), idx.end(), 0);
  for (int64_t r = 0; r < rows; ++r) {
    for (int64_t j = 0; j < K; ++j)
      src[(size_t)(r + j * rows)] = idx[(size_t)j];
    // next combination
    int64_t j = K - 1;
    while (j >= 0 && idx[(size_t)j] == n - K + j)
      --j;
    if (j < 0)
      break;
    ++idx[(size_t)j];
    for (int64_t t = j + 1; t < K; ++t)
      idx[(size_t)t] = idx[(size_t)t - 1] + 1;
  }
  return {gather(v, od, src)};
}

Args bi_primes(int, const Args &args) {
  const Value &nv = *args[0];
  needArith("primes", nv);
  if (nv.numel() != 1 || hasImag(nv))
    throwError("MATLAB:primes:InputNotScalar", "N must be a real scalar.");
  double n = nv.re[0];
  ClassId c = nv.cls == ClassId::Logical || nv.cls == ClassId::Char
                  ? ClassId::Double
                  : nv.cls;
  if (std::isnan(n))
    throwError("MATLAB:primes:InputNotScalar", "N must be a real scalar.");
  if (n < 2)
    return {build(c, Dims{1, 0}, {})};
  if (n > 4294967296.0)
    sizeLimit();
  int64_t N = (int64_t)std::floor(n);
  checkedNumel(Dims{1, N / 16 + 1});
  std::vector<bool> comp((size_t)N + 1, false);
  std::vector<double> out;
  for (int64_t i = 2; i <= N; ++i) {
    if (comp[(size_t)i])
      continue;
    out.push_back((double)i);
    if (i <= N / i)
      for (int64_t j = i * i; j <= N; j += i)
        comp[(size_t)j] = true;
  }
  Dims d{1, (int64_t)out.size()};
  return {build(c, d, std::move(out))};
}

Args bi_isprime(int, const Args &args) {
  const Value &x = *args[0];
  needArith("isprime", x);
  if (hasImag(x))
    throwError("MATLAB:isprime:InputNotPosInt",
               "All entries must be real, non-negative integers.");
  std::vector<double> out(x.re.size());
  for (size_t k = 0; k < x.re.size(); ++k) {
    double v = x.re[k];
    if (!(v >= 0) || !isIntegral(v))
      throwError("MATLAB:isprime:InputNotPosInt",
                 "All entries must be real, non-negative integers.");
    // Every double >= 2^53 is even.
    out[k] = v < 9007199254740992.0 && isPrimeU64((uint64_t)v) ? 1.0 : 0.0;
  }
  return {build(ClassId::Logical, x.dims, std::move(out))};
}

namespace {

void needIntegers(const char *id, const char *msg, const Value &v) {
  if (hasImag(v))
    throwError(id, "%s", msg);
  for (double x : v.re)
    if (!isIntegral(x))
      throwError(id, "%s", msg);
}

} // namespace

Args bi_gcd(int nargout, const Args &args) {
  const Value &a = *args[0], &b = *args[1];
  ClassId c = binaryClass("gcd", a, b);
  const char *id = "MATLAB:gcd:NonIntInputs", *msg = "Inputs must be real integers.";
  needIntegers(id, msg, a);
  needIntegers(id, msg, b);
  Dims d = expandedDims(a.dims, b.dims);
  int64_t n = checkedNumel(d);
  std::vector<double> g((size_t)n), u, v;
  bool bez = nargout > 1;
  if (bez) {
    u.resize((size_t)n);
    v.resize((size_t)n);
  }
  forEachBroadcast(d, a.dims, b.dims, [&](int64_t ia, int64_t ib, int64_t k) {
    double x = a.re[(size_t)ia], y = b.re[(size_t)ib];
    if (!bez) {
      double p = std::fabs(x), q = std::fabs(y);
      while (q != 0) {
        double t = std::fmod(p, q);
        p = q;
        q = t;
      }
      g[(size_t)k] = p;
      return;
    }
    double u1 = 1, u2 = 0, u3 = std::fabs(x), v1 = 0, v2 = 1, v3 = std::fabs(y);
    while (v3 != 0) {
      double q = std::floor(u3 / v3);
      double t1 = u1 - v1 * q, t2 = u2 - v2 * q, t3 = u3 - v3 * q;
      u1 = v1, u2 = v2, u3 = v3;
      v1 = t1, v2 = t2, v3 = t3;
    }
    auto sgn = [](double z) { return z > 0 ? 1.0 : z < 0 ? -1.0 : 0.0; };
    u[(size_t)k] = u1 * sgn(x);
    v[(size_t)k] = u2 * sgn(y);
    g[(size_t)k] = u3;
  });
  Args out{build(c, d, std::move(g))};
  if (bez) {
    out.push_back(build(c, d, std::move(u)));
    out.push_back(build(c, d, std::move(v)));
  }
  return out;
}

Args bi_lcm(int, const Args &args) {
  const Value &a = *args[0], &b = *args[1];
  ClassId c = binaryClass("lcm", a, b);
  const char *id = "MATLAB:lcm:InputNotPosInt",
             *msg = "Input arguments must contain positive integers.";
  needIntegers(id, msg, a);
  needIntegers(id, msg, b);
  for (double x : a.re)
    if (x < 0)
      throwError(id, "%s", msg);
  for (double x : b.re)
    if (x < 0)
      throwError(id, "%s", msg);
  Dims d = expandedDims(a.dims, b.dims);
  int64_t n = checkedNumel(d);
  std::vector<double> l((size_t)n);
  forEachBroadcast(d, a.dims, b.dims, [&](int64_t ia, int64_t ib, int64_t k) {
    double x = a.re[(size_t)ia], y = b.re[(size_t)ib];
    if (x == 0 || y == 0) {
      l[(size_t)k] = 0;
      return;
    }
    double p = x, q = y;
    while (q != 0) {
      double t = std::fmod(p, q);
      p = q;
      q = t;
    }
    l[(size_t)k] = x * (y / p);
  });
  return {build(c, d, std::move(l))};
}

// ---- convolution and filtering ----------------------------------------------------

namespace {

enum class Shape { Full, Same, Valid };

Shape shapeArg(const Args &args, size_t i) {
  if (args.size() <= i)
    return Shape::Full;
  const Value &s = *args[i];
  if (textIs(s, "full"))
    return Shape::Full;
  if (textIs(s, "same"))
    return Shape::Same;
  if (textIs(s, "valid"))
    return Shape::Valid;
  throwError("MATLAB:conv:unknownShapeParameter",
             "Shape parameter must be 'full', 'same', or 'valid'.");
}

/// Full convolution of u and v.
std::vector<cplx> convFull(const std::vector<cplx> &u,
                           const std::vector<cplx> &v) {
  if (u.empty() || v.empty())
    return {};
  std::vector<cplx> c(u.size() + v.size() - 1, 0.0);
  for (size_t i = 0; i < u.size(); ++i)
    for (size_t j = 0; j < v.size(); ++j)
      c[i + j] += u[i] * v[j];
  return c;
}

std::vector<double> convFullReal(const std::vector<double> &u,
                                 const std::vector<double> &v) {
  if (u.empty() || v.empty())
    return {};
  std::vector<double> c(u.size() + v.size() - 1, 0.0);
  for (size_t i = 0; i < u.size(); ++i)
    for (size_t j = 0; j < v.size(); ++j)
      c[i + j] += u[i] * v[j];
  return c;
}

ValueRef convValues(const Value &u, const Value &v, Shape shape) {
  needArith("conv", u);
  needArith("conv", v);
  if ((!isVec(u) && !is0x0(u)) || (!isVec(v) && !is0x0(v)))
    throwError("MATLAB:conv:AorBNotVector", "A and B must be vectors.");
  ClassId c = binaryClass("conv", u, v);
  bool cx = hasImag(u) || hasImag(v);
  int64_t la = u.numel(), lb = v.numel();
  std::vector<cplx> full;
  std::vector<double> fullRe;
  if (cx)
    full = convFull(cdata(u), cdata(v));
  else
    fullRe = convFullReal(u.re, v.re);
  int64_t off = 0, len = 0;
  bool row;
  switch (shape) {
  case Shape::Full:
    len = (la == 0 || lb == 0) ? 0 : la + lb - 1;
    row = la > lb ? u.dims[0] == 1 : v.dims[0] == 1;
    break;
  case Shape::Same:
    len = la;
    off = lb / 2;
    row = u.dims[0] == 1;
    break;
  case Shape::Valid:
    len = std::max<int64_t>(la - lb + 1, 0);
    if (lb == 0)
      len = 0;
    off = lb - 1;
    row = u.dims[0] == 1;
    break;
  }
  std::vector<double> re((size_t)len), im;
  if (cx)
    im.resize((size_t)len);
  int64_t fl = cx ? (int64_t)full.size() : (int64_t)fullRe.size();
  for (int64_t k = 0; k < len; ++k) {
    int64_t p = k + off;
    if (p < 0 || p >= fl)
      continue;
    if (cx) {
      re[(size_t)k] = full[(size_t)p].real();
      im[(size_t)k] = full[(size_t)p].imag();
    } else {
      re[(size_t)k] = fullRe[(size_t)p];
    }
  }
  Dims d = row ? Dims{1, len} : Dims{len, 1};
  return build(c, d, std::move(re), std::move(im));
}

/// Direct form II transposed: y = filter(b, a, x) along one strided line,
/// with state z (n-1 entries) updated in place; a[0] is 1.
template <class T>
void df2t(const std::vector<T> &b, const std::vector<T> &a, const T *x, T *y,
          int64_t len, int64_t stride, T *z) {
  size_t n = b.size();
  for (int64_t t = 0; t < len; ++t) {
    T xv = x[t * stride];
    T yv = b[0] * xv + (n > 1 ? z[0] : T(0));
    for (size_t i = 0; i + 2 < n; ++i)
      z[i] = b[i + 1] * xv + z[i + 1] - a[i + 1] * yv;
    if (n > 1)
      z[n - 2] = b[n - 1] * xv - a[n - 1] * yv;
    y[t * stride] = yv;
  }
}

} // namespace

Args bi_conv(int, const Args &args) {
  return {convValues(*args[0], *args[1], shapeArg(args, 2))};
}

Args bi_filter(int nargout, const Args &args) {
  const Value &bv = *args[0], &av = *args[1], &x = *args[2];
  const Value *zi = args.size() > 3 && !args[3]->isEmpty() ? args[3].get()
                                                            : nullptr;
  if (args.size() > 3)
    needArith("filter", *args[3]);
  ClassId c = floatClass("filter", {&bv, &av, &x, zi});
  if (bv.isEmpty() || av.isEmpty() || !isVec(bv) || !isVec(av))
    throwError("MATLAB:filter:invalidInputs",
               "Filter coefficients must be nonempty vectors.");
  if (av.re[0] == 0 && imagAt(av, 0) == 0)
    throwError("MATLAB:filter:firstCoeffZero",
               "First denominator filter coefficient must be non-zero.");
  int64_t dim = args.size() > 4 ? dimArg(*args[4]) : firstNonSingleton(x.dims);
  size_t n = (size_t)std::max(bv.numel(), av.numel());
  DimSplit s = splitAt(x.dims, dim);
  int64_t slices = s.before * s.after;
  if (zi && zi->numel() != (int64_t)(n - 1) * slices)
    throwError("MATLAB:filter:invalidInitialConditions",
               "Initial conditions must be a vector of length "
               "max(length(a),length(b))-1, or an array with the leading "
               "dimension of size max(length(a),length(b))-1 and with "
               "remaining dimensions matching those of x.");
  bool cx = hasImag(bv) || hasImag(av) || hasImag(x) || (zi && hasImag(*zi));
  Dims zd{(int64_t)n - 1};
  for (size_t k = 0; k < x.dims.size(); ++k)
    if ((int64_t)k != dim)
      zd.push_back(x.dims[k]);
  if (zd.size() < 2)
    zd.push_back(1);
  int64_t cnt = x.numel();
  std::vector<double> yre((size_t)cnt), yim, zre((size_t)((n - 1) * slices)),
      zim;
  if (cx) {
    std::vector<cplx> b(n, 0.0), a(n, 0.0);
    cplx a0(av.re[0], imagAt(av, 0));
    for (int64_t k = 0; k < bv.numel(); ++k)
      b[(size_t)k] = cplx(bv.re[(size_t)k], imagAt(bv, k)) / a0;
    for (int64_t k = 0; k < av.numel(); ++k)
      a[(size_t)k] = cplx(av.re[(size_t)k], imagAt(av, k)) / a0;
    std::vector<cplx> xs = cdata(x), ys((size_t)cnt), z(n);
    for (int64_t o = 0; o < s.after; ++o)
      for (int64_t i = 0; i < s.before; ++i) {
        int64_t sl = i + o * s.before;
        for (size_t q = 0; q + 1 < n; ++q)
          z[q] = zi ? cplx(zi->re[(size_t)sl * (n - 1) + q],
                           imagAt(*zi, sl * (int64_t)(n - 1) + (int64_t)q))
                    : cplx(0.0);
        size_t base = (size_t)(i + o * s.before * s.len);
        df2t<cplx>(b, a, xs.data() + base, ys.data() + base, s.len, s.before,
                   z.data());
        for (size_t q = 0; q + 1 < n; ++q)
          zre[(size_t)sl * (n - 1) + q] = z[q].real();
        if (zim.empty())
          zim.assign(zre.size(), 0.0);
        for (size_t q = 0; q + 1 < n; ++q)
          zim[(size_t)sl * (n - 1) + q] = z[q].imag();
      }
    yim.resize((size_t)cnt);
    for (size_t k = 0; k < ys.size(); ++k) {
      yre[k] = ys[k].real();
      yim[k] = ys[k].imag();
    }
  } else {
    std::vector<double> b(n, 0.0), a(n, 0.0);
    double a0 = av.re[0];
    for (int64_t k = 0; k < bv.numel(); ++k)
      b[(size_t)k] = bv.re[(size_t)k] / a0;
    for (int64_t k = 0; k < av.numel(); ++k)
      a[(size_t)k] = av.re[(size_t)k] / a0;
    std::vector<double> z(n);
    for (int64_t o = 0; o < s.after; ++o)
      for (int64_t i = 0; i < s.before; ++i) {
        int64_t sl = i + o * s.before;
        for (size_t q = 0; q + 1 < n; ++q)
          z[q] = zi ? zi->re[(size_t)sl * (n - 1) + q] : 0.0;
        size_t base = (size_t)(i + o * s.before * s.len);
        df2t<double>(b, a, x.re.data() + base, yre.data() + base, s.len,
                     s.before, z.data());
        for (size_t q = 0; q + 1 < n; ++q)
          zre[(size_t)sl * (n - 1) + q] = z[q];
      }
  }
  Args out{build(c, x.dims, std::move(yre), std::move(yim))};
  if (nargout > 1) {
    if (zim.size() != zre.size())
      zim.clear();
    out.push_back(build(c, zd, std::move(zre), std::move(zim)));
  }
  return out;
}

Args bi_deconv(int nargout, const Args &args) {
  const Value &y = *args[0], &a = *args[1];
  needArith("deconv", y);
  needArith("deconv", a);
  if ((!isVec(y) && !is0x0(y)) || (!isVec(a) && !is0x0(a)))
    throwError("MATLAB:deconv:NotVector", "Inputs must be vectors.");
  if (a.isEmpty() || (a.re[0] == 0 && imagAt(a, 0) == 0))
    throwError("MATLAB:deconv:ZeroCoef1",
               "First coefficient of A must be non-zero.");
  ClassId c = floatClass("deconv", {&y, &a});
  int64_t ny = y.numel(), na = a.numel();
  if (na > ny) {
    Args out{makeScalar(0, c)};
    if (nargout > 1) {
      ValueRef r = copyValue(y);
      if (r->cls != c) {
        r->cls = c;
        castData(r->re, c);
      }
      out.push_back(r);
    }
    return out;
  }
  // q is the impulse response of y(z)/a(z) over ny-na+1 samples.
  int64_t nq = ny - na + 1;
  ValueRef imp = newArray(ClassId::Double, Dims{1, nq});
  imp->re[0] = 1;
  ValueRef q = bi_filter(1, Args{args[0], args[1], imp})[0];
  bool col = y.dims[0] != 1;
  if (col)
    q->dims = Dims{nq, 1};
  Args out{q};
  if (nargout > 1) {
    ValueRef ac = copyValue(a), qc = copyValue(*q);
    ValueRef prod = convValues(*ac, *qc, Shape::Full);
    std::vector<double> re((size_t)ny), im;
    bool cx = hasImag(y) || hasImag(*prod);
    if (cx)
      im.resize((size_t)ny);
    for (int64_t k = 0; k < ny; ++k) {
      re[(size_t)k] = y.re[(size_t)k] - prod->re[(size_t)k];
      if (cx)
        im[(size_t)k] = imagAt(y, k) - imagAt(*prod, k);
    }
    out.push_back(build(c, y.dims, std::move(re), std::move(im)));
  }
  return out;
}

// ---- polynomials ----------------------------------------------------------------

Args bi_polyval(int nargout, const Args &args) {
  const Value &p = *args[0], &x = *args[1];
  needArith("polyval", p);
  needArith("polyval", x);
  if (!isVec(p) && !is0x0(p))
    throwError("MATLAB:polyval:InvalidP", "Input argument P must be a vector.");
  const Value *S = args.size() > 2 && !args[2]->isEmpty() ? args[2].get()
                                                          : nullptr;
  const Value *mu = args.size() > 3 ? args[3].get() : nullptr;
  ClassId c = (p.cls == ClassId::Single || x.cls == ClassId::Single)
                  ? ClassId::Single
                  : ClassId::Double;
  std::vector<cplx> xs = cdata(x), ps = cdata(p);
  bool cx = hasImag(p) || hasImag(x);
  if (mu) {
    if (mu->numel() < 2 || !isArithmetic(*mu))
      throwError("MATLAB:polyval:InvalidMu",
                 "Centering and scaling values must be a 2-element vector.");
    cplx m0(mu->re[0], imagAt(*mu, 0)), m1(mu->re[1], imagAt(*mu, 1));
    for (cplx &z : xs)
      z = (z - m0) / m1;
    cx = cx || hasImag(*mu);
  }
  std::vector<cplx> y(xs.size(), 0.0);
  if (!ps.empty())
    for (size_t k = 0; k < xs.size(); ++k) {
      cplx acc = ps[0];
      for (size_t i = 1; i < ps.size(); ++i)
        acc = xs[k] * acc + ps[i];
      y[k] = acc;
    }
  Args out{buildC(c, x.dims, y, cx)};
  if (nargout > 1) {
    if (!S || S->cls != ClassId::Struct || S->numel() != 1)
      throwError("MATLAB:polyval:RequiresS",
                 "S input is required for computing error estimates.");
    int64_t fR = fieldIndex(*S, "R"), fdf = fieldIndex(*S, "df"),
            fn = fieldIndex(*S, "normr");
    if (fR < 0 || fdf < 0 || fn < 0)
      throwError("MATLAB:polyval:SMissingFields",
                 "S input must be a structure with fields R, df and normr.");
    const Value &R = *S->cells[(size_t)fR];
    double df = scalarOf(*S->cells[(size_t)fdf], "df");
    double normr = scalarOf(*S->cells[(size_t)fn], "normr");
    int64_t nc = p.numel(), m = x.numel();
    ValueRef A = newArray(ClassId::Double, Dims{m, nc});
    for (int64_t k = 0; k < m; ++k) {
      double v = 1;
      for (int64_t j = nc - 1; j >= 0; --j) {
        A->re[(size_t)(k + j * m)] = v;
        v *= xs[(size_t)k].real();
      }
    }
    ValueRef E = bi_mrdivide(1, Args{A, ValueRef::borrow(const_cast<Value *>(&R))})[0];
    std::vector<double> delta((size_t)m);
    if (df == 0)
      writeWarning("Zero degrees of freedom implies infinite error bounds.");
    int64_t ec = E->dims.size() > 1 ? E->dims[1] : 1;
    for (int64_t k = 0; k < m; ++k) {
      double s2 = 1;
      for (int64_t j = 0; j < ec; ++j) {
        double e = E->re[(size_t)(k + j * m)];
        s2 += e * e;
      }
      delta[(size_t)k] = df == 0 ? INFINITY : normr / std::sqrt(df) * std::sqrt(s2);
    }
    out.push_back(build(c, x.dims, std::move(delta)));
  }
  return out;
}

Args bi_polyfit(int nargout, const Args &args) {
  const Value &xv = *args[0], &yv = *args[1];
  ClassId c = floatClass("polyfit", {&xv, &yv});
  if (hasImag(xv) || hasImag(yv))
    throwError("MATLAB:polyfit:ComplexData",
               "Complex data is not supported by polyfit.");
  if (xv.numel() != yv.numel())
    throwError("MATLAB:polyfit:XYSizeMismatch",
               "The first two inputs must have the same number of elements.");
  int64_t n = countArg(*args[2], "MATLAB:polyfit:InvalidN",
                       "N must be a nonnegative integer scalar.");
  int64_t m = xv.numel(), nc = n + 1;
  if (m > INT_MAX || nc > INT_MAX)
    sizeLimit();
  checkedNumel(Dims{m, nc});
  std::vector<double> x = xv.re, y = yv.re;
  double mu0 = 0, mu1 = 1;
  if (nargout > 2) {
    double s = 0;
    for (double t : x)
      s += t;
    mu0 = m ? s / (double)m : NAN;
    double ss = 0;
    for (double t : x)
      ss += (t - mu0) * (t - mu0);
    mu1 = m > 1 ? std::sqrt(ss / (double)(m - 1)) : 0;
    for (double &t : x)
      t = (t - mu0) / mu1;
  }
  // Vandermonde matrix, highest power first.
  std::vector<double> V((size_t)(m * nc));
  for (int64_t k = 0; k < m; ++k) {
    double v = 1;
    for (int64_t j = nc - 1; j >= 0; --j) {
      V[(size_t)(k + j * m)] = v;
      v *= x[(size_t)k];
    }
  }
  std::vector<double> p((size_t)nc, 0.0);
  std::vector<double> R; // min(m,nc) x nc upper triangle of the QR factor
  int64_t rrows = std::min(m, nc);
  bool solved = false;
  bool finiteData = allFinite(xv) && allFinite(yv);
  if (m >= nc && m > 0) {
    int M = (int)m, N = (int)nc, one = 1, info = 0, lwork = -1;
    // Slack past the ends: optimized BLAS kernels may read a little beyond.
    std::vector<double> A, B;
    A.reserve(V.size() + 64);
    A = V;
    B.reserve(y.size() + 64);
    B = y;
    double wq = 0;
    dgels_("N", &M, &N, &one, A.data(), &M, B.data(), &M, &wq, &lwork, &info,
           1);
    lwork = std::max(1, (int)wq);
    std::vector<double> work;
    work.reserve((size_t)lwork + 64);
    work.resize((size_t)lwork);
    dgels_("N", &M, &N, &one, A.data(), &M, B.data(), &M, work.data(), &lwork,
           &info, 1);
    R.assign((size_t)(rrows * nc), 0.0);
    for (int64_t j = 0; j < nc; ++j)
      for (int64_t i = 0; i <= std::min(j, rrows - 1); ++i)
        R[(size_t)(i + j * rrows)] = A[(size_t)(i + j * m)];
    if (info == 0) {
      for (int64_t j = 0; j < nc; ++j)
        p[(size_t)j] = B[(size_t)j];
      solved = true;
    }
    // Conditioning of R (1-norm estimate), as MATLAB's condest(R).
    double rcond = 0;
    if (finiteData) {
      std::vector<double> w((size_t)(3 * N));
      std::vector<int> iw((size_t)N);
      int ci = 0;
      dtrcon_("1", "U", "N", &N, A.data(), &M, &rcond, w.data(), iw.data(), &ci,
              1, 1, 1);
    }
    double limit = c == ClassId::Single ? 1e5 : 1e10;
    if (finiteData && (rcond == 0 || 1.0 / rcond > limit)) {
      if (nargout > 2)
        writeWarning("Polynomial is badly conditioned. Add points with "
                     "distinct X values or reduce the degree of the "
                     "polynomial.");
      else
        writeWarning("Polynomial is badly conditioned. Add points with "
                     "distinct X values, reduce the degree of the polynomial, "
                     "or try centering and scaling as described in HELP "
                     "POLYFIT.");
    }
  } else {
    writeWarning("Polynomial is not unique; degree >= number of data points.");
  }
  if (!solved && m > 0) {
    ValueRef A = makeMatrix(m, nc, V), b = makeMatrix(m, 1, y);
    ValueRef sol = bi_mldivide(1, Args{A, b})[0];
    for (int64_t j = 0; j < nc && j < sol->numel(); ++j)
      p[(size_t)j] = sol->re[(size_t)j];
    if (R.empty()) {
      // R of an economy QR of V, for S.
      R.assign((size_t)(rrows * nc), 0.0);
    }
  }
  Args out{build(c, Dims{1, nc}, p)};
  if (nargout > 1) {
    double normr = 0, scale = 0;
    for (int64_t k = 0; k < m; ++k) {
      double f = 0;
      for (int64_t j = 0; j < nc; ++j)
        f += V[(size_t)(k + j * m)] * p[(size_t)j];
      double r = std::fabs(y[(size_t)k] - f);
      if (r > scale) {
        normr = scale == 0 ? 1 : normr * (scale / r) * (scale / r) + 1;
        scale = r;
      } else if (scale > 0) {
        normr += (r / scale) * (r / scale);
      } else if (std::isnan(r)) {
        scale = NAN;
      }
    }
    normr = std::isnan(scale) ? NAN : scale * std::sqrt(normr);
    ValueRef S = makeStruct(Dims{1, 1}, {"R", "df", "normr"});
    S->cells[0] = build(c, Dims{rrows, nc}, R);
    S->cells[1] = makeScalar((double)std::max<int64_t>(0, m - nc), c);
    S->cells[2] = makeScalar(normr, c);
    out.push_back(S);
  }
  if (nargout > 2)
    out.push_back(build(c, Dims{2, 1}, {mu0, mu1}));
  return out;
}

Args bi_roots(int, const Args &args) {
  const Value &cv = *args[0];
  ClassId cls = floatClass("roots", {&cv});
  if (!isVec(cv) && !cv.isEmpty())
    throwError("MATLAB:roots:NonVectorInput", "Input must be a vector.");
  if (!allFinite(cv))
    throwError("MATLAB:roots:NonFiniteInput",
               "Input to ROOTS must not contain NaN or Inf.");
  std::vector<cplx> c = cdata(cv);
  bool cx = hasImag(cv);
  int64_t n = (int64_t)c.size(), first = -1, last = -1;
  for (int64_t k = 0; k < n; ++k)
    if (c[(size_t)k] != 0.0) {
      if (first < 0)
        first = k;
      last = k;
    }
  if (first < 0)
    return {build(cls, Dims{0, 1}, {})};
  int64_t nzero = n - 1 - last;
  std::vector<cplx> cc(c.begin() + first, c.begin() + last + 1);
  // Drop leading coefficients so small that the others overflow.
  auto ratiosInf = [&]() {
    for (size_t k = 1; k < cc.size(); ++k) {
      cplx d = cc[k] / cc[0];
      if (std::isinf(d.real()) || std::isinf(d.imag()))
        return true;
    }
    return false;
  };
  while (cc.size() > 1 && ratiosInf())
    cc.erase(cc.begin());
  std::vector<double> re((size_t)nzero, 0.0), im((size_t)nzero, 0.0);
  bool anyImag = false;
  int64_t deg = (int64_t)cc.size() - 1;
  if (deg >= 1) {
    ValueRef A = newArray(ClassId::Double, Dims{deg, deg}, cx);
    for (int64_t j = 0; j < deg; ++j) {
      cplx d = -cc[(size_t)j + 1] / cc[0];
      A->re[(size_t)(j * deg)] = d.real();
      if (cx)
        A->im[(size_t)(j * deg)] = d.imag();
    }
    for (int64_t i = 1; i < deg; ++i)
      A->re[(size_t)(i + (i - 1) * deg)] = 1;
    ValueRef e = bi_eig(1, Args{A})[0];
    for (int64_t k = 0; k < e->numel(); ++k) {
      re.push_back(e->re[(size_t)k]);
      im.push_back(imagAt(*e, k));
      if (imagAt(*e, k) != 0)
        anyImag = true;
    }
    anyImag = anyImag || hasImag(*e);
  }
  int64_t total = (int64_t)re.size();
  if (!anyImag)
    im.clear();
  return {build(cls, Dims{total, 1}, std::move(re), std::move(im),
                anyImag && cx)};
}

// ---- interpolation ----------------------------------------------------------------

extern "C" void dgtsv_(const int *n, const int *nrhs, double *dl, double *d,
                       double *du, double *b, const int *ldb, int *info);

namespace {

enum class Interp { Linear, Nearest, Previous, Next, Pchip, Spline };

/// pchip slopes of one column (MATLAB's pchip.m).
void pchipSlopes(const std::vector<double> &x, const double *y,
                 std::vector<double> &d) {
  size_t n = x.size();
  d.assign(n, 0.0);
  std::vector<double> h(n - 1), del(n - 1);
  for (size_t k = 0; k + 1 < n; ++k) {
    h[k] = x[k + 1] - x[k];
    del[k] = (y[k + 1] - y[k]) / h[k];
  }
  if (n == 2) {
    d[0] = d[1] = del[0];
    return;
  }
  auto sgn = [](double v) { return v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0; };
  for (size_t k = 1; k + 1 < n; ++k) {
    if (sgn(del[k - 1]) * sgn(del[k]) > 0) {
      double w1 = 2 * h[k] + h[k - 1], w2 = h[k] + 2 * h[k - 1];
      d[k] = (w1 + w2) / (w1 / del[k - 1] + w2 / del[k]);
    }
  }
  auto endSlope = [&](double h1, double h2, double d1, double d2) {
    double s = ((2 * h1 + h2) * d1 - h1 * d2) / (h1 + h2);
    if (sgn(s) != sgn(d1))
      s = 0;
    else if (sgn(d1) != sgn(d2) && std::fabs(s) > std::fabs(3 * d1))
      s = 3 * d1;
    return s;
  };
  d[0] = endSlope(h[0], h[1], del[0], del[1]);
  d[n - 1] = endSlope(h[n - 2], h[n - 3], del[n - 2], del[n - 3]);
}

/// Not-a-knot spline slopes of one column (MATLAB's spline.m).
void splineSlopes(const std::vector<double> &x, const double *y,
                  std::vector<double> &s) {
  size_t n = x.size();
  s.assign(n, 0.0);
  std::vector<double> dx(n - 1), dd(n - 1);
  for (size_t k = 0; k + 1 < n; ++k) {
    dx[k] = x[k + 1] - x[k];
    dd[k] = (y[k + 1] - y[k]) / dx[k];
  }
  if (n == 2) {
    s[0] = s[1] = dd[0];
    return;
  }
  if (n == 3) {
    // The parabola through the three points.
    double c2 = (dd[1] - dd[0]) / (x[2] - x[0]);
    for (size_t k = 0; k < 3; ++k)
      s[k] = dd[0] + c2 * ((x[k] - x[0]) + (x[k] - x[1]));
    return;
  }
  // s * C = b with C tridiagonal; solve C' s' = b'.
  double x31 = x[2] - x[0], xn = x[n - 1] - x[n - 3];
  std::vector<double> b(n);
  for (size_t k = 1; k + 1 < n; ++k)
    b[k] = 3 * (dx[k] * dd[k - 1] + dx[k - 1] * dd[k]);
  b[0] = ((dx[0] + 2 * x31) * dx[1] * dd[0] + dx[0] * dx[0] * dd[1]) / x31;
  b[n - 1] = (dx[n - 2] * dx[n - 2] * dd[n - 3] +
              (2 * xn + dx[n - 2]) * dx[n - 3] * dd[n - 2]) /
             xn;
  // C: sub C(j+1,j) = [x31, dx(0..n-3)], diag [dx1, 2(dx(k)+dx(k-1)), dx(n-3)],
  // super C(j-1,j) = [dx(1..n-2), xn].
  std::vector<double> sub(n - 1), diag(n), sup(n - 1);
  sub[0] = x31;
  for (size_t j = 1; j + 1 < n; ++j)
    sub[j] = dx[j - 1];
  diag[0] = dx[1];
  for (size_t k = 1; k + 1 < n; ++k)
    diag[k] = 2 * (dx[k] + dx[k - 1]);
  diag[n - 1] = dx[n - 3];
  for (size_t j = 1; j + 1 < n; ++j)
    sup[j - 1] = dx[j];
  sup[n - 2] = xn;
  // Transposed system: sub and super swap.
  std::vector<double> dl = sup, du = sub;
  int N = (int)n, one = 1, info = 0;
  s = b;
  dgtsv_(&N, &one, dl.data(), diag.data(), du.data(), s.data(), &N, &info);
  if (info != 0)
    std::fill(s.begin(), s.end(), NAN);
}

} // namespace

Args bi_interp1(int, const Args &args) {
  // Split the arguments: numeric data first, then method and extrapolation.
  size_t nd = 0;
  while (nd < args.size() && nd < 3 && !(args[nd]->cls == ClassId::Char))
    ++nd;
  if (nd < 2)
    throwError("MATLAB:interp1:nargin", "Not enough input arguments.");
  const Value *xp = nullptr, *vp, *xqp;
  if (nd == 2) {
    vp = args[0].get();
    xqp = args[1].get();
  } else {
    xp = args[0].get();
    vp = args[1].get();
    xqp = args[2].get();
  }
  size_t i = nd;
  Interp method = Interp::Linear;
  if (i < args.size() && args[i]->cls == ClassId::Char) {
    const Value &m = *args[i];
    if (textIs(m, "linear"))
      method = Interp::Linear;
    else if (textIs(m, "nearest"))
      method = Interp::Nearest;
    else if (textIs(m, "previous"))
      method = Interp::Previous;
    else if (textIs(m, "next"))
      method = Interp::Next;
    else if (textIs(m, "pchip") || textIs(m, "cubic"))
      method = Interp::Pchip;
    else if (textIs(m, "spline"))
      method = Interp::Spline;
    else if (textIs(m, "extrap"))
      --i; // interp1(x, v, xq, 'extrap')? treat as extrapolation flag below
    else
      throwError("MATLAB:interp1:InvalidMethod", "Invalid interpolation method.");
    ++i;
  } else if (i < args.size() && args[i]->isEmpty()) {
    ++i; // [] method: the default
  }
  bool extrap = method == Interp::Pchip || method == Interp::Spline;
  double fill = NAN;
  if (i < args.size()) {
    const Value &e = *args[i];
    if (textIs(e, "extrap")) {
      extrap = true;
    } else if (isArithmetic(e) && e.numel() == 1 && !hasImag(e)) {
      extrap = false;
      fill = e.re[0];
    } else {
      throwError("MATLAB:interp1:InvalidExtrap",
                 "Invalid extrapolation value. Extrapolation must be 'extrap' "
                 "or a real scalar.");
    }
    ++i;
  }
  if (i < args.size())
    throwError("MATLAB:TooManyInputs", "Too many input arguments.");
  const Value &v = *vp, &xq = *xqp;
  ClassId c = floatClass("interp1", {xp, &v, &xq}, false);
  if (xp && hasImag(*xp))
    throwError("MATLAB:interp1:ComplexX", "The sample points X must be real.");
  if (hasImag(xq))
    throwError("MATLAB:interp1:ComplexXq",
               "The query points Xq must be real.");
  bool vvec = isVec(v);
  int64_t n = vvec ? v.numel() : v.dims[0];
  int64_t ncols = n ? v.numel() / n : 0;
  if (vvec)
    ncols = 1;
  if (xp && xp->numel() != n)
    throwError("MATLAB:interp1:YInvalidNumRows",
               "The length of X must match the number of rows of V.");
  if (n < 2)
    throwError("MATLAB:interp1:NotEnoughPts",
               "Interpolation requires at least two sample points for each "
               "grid dimension.");
  std::vector<double> x((size_t)n);
  for (int64_t k = 0; k < n; ++k)
    x[(size_t)k] = xp ? xp->re[(size_t)k] : (double)(k + 1);
  for (double t : x)
    if (std::isnan(t))
      throwError("MATLAB:interp1:NaNinX",
                 "NaN is not an appropriate value for X.");
  std::vector<int64_t> perm((size_t)n);
  std::iota(perm.begin(), perm.end(), 0);
  std::stable_sort(perm.begin(), perm.end(), [&](int64_t a, int64_t b) {
    return x[(size_t)a] < x[(size_t)b];
  });
  std::vector<double> xs((size_t)n);
  for (int64_t k = 0; k < n; ++k)
    xs[(size_t)k] = x[(size_t)perm[(size_t)k]];
  for (int64_t k = 0; k + 1 < n; ++k)
    if (!(xs[(size_t)k] < xs[(size_t)k + 1]))
      throwError("MATLAB:griddedInterpolant:NonUniqueCompVecsPtsErrId",
                 "The grid vectors must contain unique points.");
  // Output dims.
  int64_t nq = xq.numel();
  Dims od;
  if (ncols == 1 && vvec) {
    od = xq.dims;
  } else {
    if (isVec(xq))
      od = Dims{nq};
    else
      od = xq.dims;
    for (size_t k = 1; k < v.dims.size(); ++k)
      od.push_back(v.dims[k]);
    if (od.size() < 2)
      od.push_back(1);
  }
  bool cx = hasImag(v);
  std::vector<double> ore((size_t)(nq * ncols)), oim;
  if (cx)
    oim.resize(ore.size());
  std::vector<double> col((size_t)n), slopes;
  for (int part = 0; part < (cx ? 2 : 1); ++part) {
    std::vector<double> &out = part ? oim : ore;
    for (int64_t j = 0; j < ncols; ++j) {
      for (int64_t k = 0; k < n; ++k) {
        size_t src = (size_t)(perm[(size_t)k] + j * n);
        col[(size_t)k] = part ? v.im[src] : v.re[src];
      }
      if (method == Interp::Pchip)
        pchipSlopes(xs, col.data(), slopes);
      else if (method == Interp::Spline)
        splineSlopes(xs, col.data(), slopes);
      for (int64_t q = 0; q < nq; ++q) {
        double t = xq.re[(size_t)q], r;
        double *dst = &out[(size_t)(q + j * nq)];
        if (std::isnan(t)) {
          *dst = NAN;
          continue;
        }
        bool outside = t < xs[0] || t > xs[(size_t)n - 1];
        if (outside && !extrap) {
          *dst = part ? 0.0 : fill;
          continue;
        }
        int64_t k = (int64_t)(std::upper_bound(xs.begin(), xs.end(), t) -
                              xs.begin()) -
                    1;
        int64_t kk = std::min<int64_t>(std::max<int64_t>(k, 0), n - 2);
        double x0 = xs[(size_t)kk], x1 = xs[(size_t)kk + 1];
        double y0 = col[(size_t)kk], y1 = col[(size_t)kk + 1];
        switch (method) {
        case Interp::Linear: {
          double h = x1 - x0;
          r = y0 + (t - x0) / h * (y1 - y0);
          if (t == x1)
            r = y1;
          break;
        }
        case Interp::Nearest:
          if (t <= xs[0])
            r = col[0];
          else if (t >= xs[(size_t)n - 1])
            r = col[(size_t)n - 1];
          else
            r = (t - x0 < x1 - t) ? y0 : y1;
          break;
        case Interp::Previous:
          if (t < xs[0])
            r = extrap ? col[0] : fill;
          else
            r = col[(size_t)std::min<int64_t>(k, n - 1)];
          break;
        case Interp::Next: {
          if (t > xs[(size_t)n - 1]) {
            r = col[(size_t)n - 1];
          } else {
            int64_t j2 = (int64_t)(std::lower_bound(xs.begin(), xs.end(), t) -
                                   xs.begin());
            r = col[(size_t)j2];
          }
          break;
        }
        default: {
          double h = x1 - x0, del = (y1 - y0) / h;
          double d0 = slopes[(size_t)kk], d1 = slopes[(size_t)kk + 1];
          double c2 = (3 * del - 2 * d0 - d1) / h;
          double c3 = (d0 - 2 * del + d1) / (h * h);
          double s = t - x0;
          r = y0 + s * (d0 + s * (c2 + s * c3));
          break;
        }
        }
        *dst = r;
      }
    }
  }
  return {build(c, od, std::move(ore), std::move(oim))};
}

// ---- numerical integration ----------------------------------------------------------

namespace {

Args trapzImpl(const char *fn, const Args &args, bool cumulative) {
  const Value *xp = nullptr, *yp;
  int64_t dim = -1;
  if (args.size() == 1) {
    yp = args[0].get();
  } else if (args.size() == 2 && args[1]->numel() == 1) {
    yp = args[0].get();
    dim = dimArg(*args[1]);
  } else {
    xp = args[0].get();
    yp = args[1].get();
    if (args.size() > 2)
      dim = dimArg(*args[2]);
  }
  const Value &y = *yp;
  ClassId c = floatClass(fn, {xp, &y}, false);
  if (xp && hasImag(*xp))
    throwError("MATLAB:trapz:complexX", "X must be real.");
  if (dim < 0)
    dim = firstNonSingleton(y.dims);
  DimSplit s = splitAt(y.dims, dim);
  int64_t m = s.len;
  bool scalarX = xp && xp->numel() == 1;
  bool fullX = xp && !scalarX && xp->dims == y.dims && !isVec(*xp);
  if (xp && !scalarX && !fullX && xp->numel() != m)
    throwError("MATLAB:trapz:LengthXMismatchY",
               "length(X) must equal the length of Y along the dimension of "
               "integration.");
  Dims od = y.dims;
  if (!cumulative && dim < (int64_t)od.size())
    od[(size_t)dim] = m == 0 && is0x0(y) ? 1 : 1;
  if (!cumulative && is0x0(y))
    od = Dims{1, 0};
  bool cx = hasImag(y);
  int64_t outLen = cumulative ? m : 1;
  std::vector<double> ore((size_t)(s.before * outLen * s.after)), oim;
  if (cx)
    oim.resize(ore.size());
  if (!cumulative && is0x0(y))
    ore.clear(), oim.clear();
  for (int part = 0; part < (cx ? 2 : 1); ++part) {
    const std::vector<double> &src = part ? y.im : y.re;
    std::vector<double> &out = part ? oim : ore;
    for (int64_t o = 0; o < s.after && !out.empty(); ++o)
      for (int64_t i = 0; i < s.before; ++i) {
        double acc = 0;
        size_t ob = (size_t)(i + o * s.before * outLen);
        if (cumulative && m > 0)
          out[ob] = 0;
        for (int64_t l = 0; l + 1 < m; ++l) {
          size_t p0 = (size_t)(i + (l + o * m) * s.before),
                 p1 = p0 + (size_t)s.before;
          double dx = 1;
          if (scalarX)
            dx = xp->re[0];
          else if (fullX)
            dx = xp->re[p1] - xp->re[p0];
          else if (xp)
            dx = xp->re[(size_t)l + 1] - xp->re[(size_t)l];
          acc += dx * (src[p0] + src[p1]);
          if (cumulative)
            out[ob + (size_t)((l + 1) * s.before)] = acc / 2;
        }
        if (!cumulative)
          out[(size_t)(i + o * s.before)] = acc / 2;
      }
  }
  return {build(c, od, std::move(ore), std::move(oim))};
}

} // namespace

Args bi_trapz(int, const Args &args) { return trapzImpl("trapz", args, false); }
Args bi_cumtrapz(int, const Args &args) {
  return trapzImpl("cumtrapz", args, true);
}

// ---- mode, histc, histcounts ------------------------------------------------------

namespace {

/// Total order for real/complex values: NaN last; complex by abs then angle.
struct ValueLess {
  bool complex;
  bool operator()(const cplx &a, const cplx &b) const {
    if (!complex) {
      double x = a.real(), y = b.real();
      if (std::isnan(x))
        return false;
      if (std::isnan(y))
        return true;
      return x < y;
    }
    double ax = std::abs(a), bx = std::abs(b);
    if (std::isnan(ax))
      return false;
    if (std::isnan(bx))
      return true;
    if (ax != bx)
      return ax < bx;
    return std::arg(a) < std::arg(b);
  }
};

bool isNanC(const cplx &z) { return std::isnan(z.real()) || std::isnan(z.imag()); }

} // namespace

Args bi_mode(int nargout, const Args &args) {
  const Value &x = *args[0];
  needArith("mode", x);
  int64_t dim;
  Dims dims = x.dims;
  if (args.size() > 1) {
    dim = dimArg(*args[1]);
  } else {
    dim = firstNonSingleton(x.dims);
    if (is0x0(x))
      dims = Dims{0, 1};
  }
  DimSplit s = splitAt(dims, dim);
  Dims od = dims;
  if (dim < (int64_t)od.size())
    od[(size_t)dim] = 1;
  int64_t nout = s.before * s.after;
  bool cx = hasImag(x);
  std::vector<double> mre((size_t)nout), mim, f((size_t)nout);
  if (cx)
    mim.resize((size_t)nout);
  ValueRef C = nargout > 2 ? makeCell(od) : ValueRef();
  ValueLess less{cx};
  std::vector<cplx> buf;
  for (int64_t o = 0; o < s.after; ++o)
    for (int64_t i = 0; i < s.before; ++i) {
      buf.clear();
      for (int64_t l = 0; l < s.len; ++l) {
        size_t p = (size_t)(i + (l + o * s.len) * s.before);
        cplx z(x.re[p], imagAt(x, (int64_t)p));
        if (!isNanC(z))
          buf.push_back(z);
      }
      std::sort(buf.begin(), buf.end(), less);
      size_t outk = (size_t)(i + o * s.before);
      int64_t best = 0;
      std::vector<cplx> modes;
      for (size_t a = 0; a < buf.size();) {
        size_t b = a;
        while (b < buf.size() && buf[b] == buf[a])
          ++b;
        int64_t cnt = (int64_t)(b - a);
        if (cnt > best) {
          best = cnt;
          modes.assign(1, buf[a]);
        } else if (cnt == best) {
          modes.push_back(buf[a]);
        }
        a = b;
      }
      if (modes.empty()) {
        mre[outk] = NAN;
        if (cx)
          mim[outk] = 0;
      } else {
        mre[outk] = modes[0].real();
        if (cx)
          mim[outk] = modes[0].imag();
      }
      f[outk] = (double)best;
      if (C) {
        std::vector<double> r, im;
        for (auto &z : modes) {
          r.push_back(z.real());
          im.push_back(z.imag());
        }
        if (!cx)
          im.clear();
        if (modes.empty() && s.len == 0)
          r = {}, im = {};
        else if (modes.empty())
          r = {NAN}, im = cx ? std::vector<double>{0} : std::vector<double>{};
        int64_t cnt = (int64_t)r.size();
        C->cells[outk] = build(x.cls, Dims{cnt, 1}, std::move(r), std::move(im));
      }
    }
  ClassId mc = x.cls;
  if (mc != ClassId::Double && mc != ClassId::Single) {
    // NaN (an empty slice) is only representable in floating classes.
    bool anyNan = false;
    for (double t : mre)
      anyNan = anyNan || std::isnan(t);
    if (anyNan && (isIntegerClass(mc) || mc == ClassId::Logical))
      for (double &t : mre)
        if (std::isnan(t))
          t = 0;
  }
  Args out{build(mc, od, std::move(mre), std::move(mim))};
  if (nargout > 1)
    out.push_back(build(ClassId::Double, od, std::move(f)));
  if (nargout > 2)
    out.push_back(C);
  return out;
}

Args bi_histc(int nargout, const Args &args) {
  const Value &x = *args[0], &e = *args[1];
  needArith("histc", x);
  needArith("histc", e);
  if (hasImag(x) || hasImag(e))
    throwError("MATLAB:histc:InvalidInput", "Inputs must be real.");
  if (!isVec(e) && !e.isEmpty())
    throwError("MATLAB:histc:InvalidInput", "Edges must be a vector.");
  int64_t ne = e.numel();
  for (int64_t k = 0; k + 1 < ne; ++k)
    if (!(e.re[(size_t)k] <= e.re[(size_t)k + 1]))
      throwError("MATLAB:histc:InvalidInput",
                 "Edge vector must be monotonically non-decreasing.");
  int64_t dim;
  Dims od;
  if (args.size() > 2) {
    dim = dimArg(*args[2]);
  } else {
    dim = firstNonSingleton(x.dims);
  }
  DimSplit s = splitAt(x.dims, dim);
  od = x.dims;
  while ((int64_t)od.size() <= dim)
    od.push_back(1);
  od[(size_t)dim] = ne;
  if (args.size() <= 2 && isVec(x) && x.dims[0] != 1 && x.dims[1] != 1)
    od = Dims{ne, 1};
  std::vector<double> cnt((size_t)(s.before * ne * s.after), 0.0),
      bin(x.re.size(), 0.0);
  const double *eb = e.re.data(), *ee = eb + ne;
  for (int64_t o = 0; o < s.after; ++o)
    for (int64_t i = 0; i < s.before; ++i)
      for (int64_t l = 0; l < s.len; ++l) {
        size_t p = (size_t)(i + (l + o * s.len) * s.before);
        double v = x.re[p];
        if (ne == 0 || std::isnan(v))
          continue;
        int64_t k;
        if (v == e.re[(size_t)ne - 1])
          k = ne - 1;
        else {
          k = (int64_t)(std::upper_bound(eb, ee, v) - eb) - 1;
          if (k < 0 || k >= ne - 1)
            continue;
        }
        cnt[(size_t)(i + (k + o * ne) * s.before)] += 1;
        bin[p] = (double)(k + 1);
      }
  Args out{build(ClassId::Double, od, std::move(cnt))};
  if (nargout > 1)
    out.push_back(build(ClassId::Double, x.dims, std::move(bin)));
  return out;
}

namespace {

double epsOf(double x) {
  x = std::fabs(x);
  if (!std::isfinite(x))
    return NAN;
  if (x < DBL_MIN)
    return std::ldexp(1.0, -1074);
  int e;
  std::frexp(x, &e);
  return std::ldexp(1.0, e - 53);
}

/// MATLAB's binpicker: "nice" bin edges covering [xmin, xmax].
std::vector<double> binPicker(double xmin, double xmax, int64_t nbins,
                              double rawBinWidth) {
  double xscale = std::max(std::fabs(xmin), std::fabs(xmax));
  double xrange = xmax - xmin;
  rawBinWidth = std::max(rawBinWidth, epsOf(xscale));
  double leftEdge, rightEdge, binWidth;
  int64_t nb;
  if (xrange > std::max(std::sqrt(epsOf(xscale)), DBL_MIN)) {
    double powOfTen = std::pow(10.0, std::floor(std::log10(rawBinWidth)));
    double relSize = rawBinWidth / powOfTen;
    if (nbins <= 0) {
      if (relSize < 1.5)
        binWidth = 1 * powOfTen;
      else if (relSize < 2.5)
        binWidth = 2 * powOfTen;
      else if (relSize < 4)
        binWidth = 3 * powOfTen;
      else if (relSize < 7.5)
        binWidth = 5 * powOfTen;
      else
        binWidth = 10 * powOfTen;
      leftEdge = std::max(std::min(binWidth * std::floor(xmin / binWidth), xmin),
                          -DBL_MAX);
      double nbA = std::max(1.0, std::ceil((xmax - leftEdge) / binWidth));
      if (nbA > 65536.0 * 16)
        sizeLimit();
      nb = (int64_t)nbA;
      rightEdge = std::min(std::max(leftEdge + (double)nb * binWidth, xmax),
                           DBL_MAX);
    } else {
      binWidth = powOfTen * std::floor(relSize);
      leftEdge = std::max(std::min(binWidth * std::floor(xmin / binWidth), xmin),
                          -DBL_MAX);
      if (nbins > 1) {
        double ll = (xmax - leftEdge) / (double)nbins;
        double ul = (xmax - leftEdge) / (double)(nbins - 1);
        double p10 = std::pow(10.0, std::floor(std::log10(ul - ll)));
        binWidth = p10 * std::ceil(ll / p10);
      }
      nb = nbins;
      rightEdge = std::min(std::max(leftEdge + (double)nb * binWidth, xmax),
                           DBL_MAX);
    }
  } else {
    if (nbins <= 0)
      nbins = 1;
    double binRange = std::max(1.0, std::ceil((double)nbins * epsOf(xscale)));
    leftEdge = std::floor(2 * (xmin - binRange / 4)) / 2;
    rightEdge = std::ceil(2 * (xmax + binRange / 4)) / 2;
    binWidth = (rightEdge - leftEdge) / (double)nbins;
    nb = nbins;
  }
  std::vector<double> edges((size_t)nb + 1);
  if (!std::isfinite(binWidth)) {
    for (int64_t k = 0; k <= nb; ++k)
      edges[(size_t)k] =
          leftEdge + (rightEdge - leftEdge) * (double)k / (double)nb;
  } else {
    edges[0] = leftEdge;
    for (int64_t k = 1; k < nb; ++k)
      edges[(size_t)k] = leftEdge + (double)k * binWidth;
    edges[(size_t)nb] = rightEdge;
  }
  return edges;
}

std::vector<double> integerRule(double minx, double maxx) {
  double xscale = std::max(std::fabs(minx), std::fabs(maxx));
  double xrange = maxx - minx;
  const double maxbins = 65536;
  double bw;
  if (xrange > maxbins)
    bw = std::pow(10.0, std::ceil(std::log10(xrange / maxbins)));
  else if (epsOf(xscale) > 1)
    bw = std::pow(2.0, std::ceil(std::log2(epsOf(xscale))));
  else
    bw = 1;
  minx = bw * std::round(minx / bw);
  maxx = bw * std::round(maxx / bw);
  ValueRef r = colonRange(std::floor(minx) - 0.5 * bw, bw,
                          std::ceil(maxx) + 0.5 * bw);
  return r->re;
}

} // namespace

Args bi_histcounts(int nargout, const Args &args) {
  const Value &x = *args[0];
  needArith("histcounts", x);
  if (hasImag(x))
    throwError("MATLAB:histcounts:complexX", "X must be real.");
  std::vector<double> edges;
  bool haveEdges = false;
  int64_t nbins = 0;
  double binWidth = 0;
  bool haveLimits = false;
  double lim0 = 0, lim1 = 0;
  std::string norm = "count", method = "auto";
  size_t i = 1;
  if (i < args.size() && args[i]->cls != ClassId::Char) {
    const Value &a = *args[i];
    needArith("histcounts", a);
    if (a.numel() == 1) {
      nbins = countArg(a, "MATLAB:histcounts:InvalidNumBins",
                       "Number of bins must be a positive integer.");
      if (nbins < 1)
        throwError("MATLAB:histcounts:InvalidNumBins",
                   "Number of bins must be a positive integer.");
    } else {
      edges = a.re;
      haveEdges = true;
    }
    ++i;
  }
  for (; i < args.size(); i += 2) {
    if (!isText(*args[i]) || i + 1 >= args.size())
      throwError("MATLAB:histcounts:ArgNameValueMismatch",
                 "Incorrect number of arguments. Name-value pairs must come "
                 "in pairs.");
    const Value &name = *args[i], &val = *args[i + 1];
    if (textIs(name, "BinEdges")) {
      needArith("histcounts", val);
      edges = val.re;
      haveEdges = true;
    } else if (textIs(name, "NumBins")) {
      nbins = countArg(val, "MATLAB:histcounts:InvalidNumBins",
                       "Number of bins must be a positive integer.");
      if (nbins < 1)
        throwError("MATLAB:histcounts:InvalidNumBins",
                   "Number of bins must be a positive integer.");
    } else if (textIs(name, "BinWidth")) {
      binWidth = realScalar("histcounts", val, "BinWidth");
      if (!(binWidth > 0) || !std::isfinite(binWidth))
        throwError("MATLAB:histcounts:InvalidBinWidth",
                   "Bin width must be a finite positive scalar.");
    } else if (textIs(name, "BinLimits")) {
      if (!isArithmetic(val) || val.numel() != 2 || !(val.re[0] <= val.re[1]))
        throwError("MATLAB:histcounts:InvalidBinLimits",
                   "Bin limits must be a two-element vector of increasing "
                   "values.");
      haveLimits = true;
      lim0 = val.re[0];
      lim1 = val.re[1];
    } else if (textIs(name, "Normalization")) {
      if (!isText(val))
        throwError("MATLAB:histcounts:InvalidNormalization",
                   "Invalid Normalization value.");
      norm = textOf(val);
      for (char &ch : norm)
        ch = (char)std::tolower((unsigned char)ch);
      if (norm != "count" && norm != "probability" && norm != "countdensity" &&
          norm != "pdf" && norm != "cumcount" && norm != "cdf")
        throwError("MATLAB:histcounts:InvalidNormalization",
                   "Invalid Normalization value.");
    } else if (textIs(name, "BinMethod")) {
      if (!isText(val))
        throwError("MATLAB:histcounts:InvalidBinMethod", "Invalid BinMethod.");
      method = textOf(val);
      for (char &ch : method)
        ch = (char)std::tolower((unsigned char)ch);
      if (method != "auto" && method != "scott" && method != "integers" &&
          method != "sturges" && method != "sqrt")
        throwError("MATLAB:histcounts:InvalidBinMethod",
                   "Unsupported BinMethod '%s'.", method.c_str());
    } else {
      throwError("MATLAB:histcounts:UnknownParameter",
                 "Unknown parameter name '%s'.", textOf(name).c_str());
    }
  }
  if (haveEdges) {
    for (size_t k = 0; k + 1 < edges.size(); ++k)
      if (!(edges[k] <= edges[k + 1]))
        throwError("MATLAB:histcounts:InvalidBinEdges",
                   "Bin edges must be a vector of monotonically nondecreasing "
                   "values.");
    if (edges.size() < 2)
      throwError("MATLAB:histcounts:InvalidBinEdges",
                 "Bin edges must be a vector with at least two elements.");
  } else {
    // Data range (finite values, within the limits if any).
    std::vector<double> xs;
    for (double v : x.re)
      if (std::isfinite(v) && (!haveLimits || (v >= lim0 && v <= lim1)))
        xs.push_back(v);
    double minx = 0, maxx = 0;
    bool any = !xs.empty();
    if (any) {
      minx = *std::min_element(xs.begin(), xs.end());
      maxx = *std::max_element(xs.begin(), xs.end());
    }
    if (haveLimits) {
      minx = lim0;
      maxx = lim1;
      any = true;
    }
    if (!any) {
      edges = nbins > 0 ? std::vector<double>() : std::vector<double>{0, 1};
      if (nbins > 0)
        for (int64_t k = 0; k <= nbins; ++k)
          edges.push_back((double)k / (double)nbins);
    } else if (haveLimits && (nbins > 0 || binWidth > 0 || true)) {
      int64_t nb = nbins;
      if (binWidth > 0) {
        double nbd = std::max(1.0, std::ceil((maxx - minx) / binWidth));
        if (nbd > 1e7)
          sizeLimit();
        nb = (int64_t)nbd;
        for (int64_t k = 0; k < nb; ++k)
          edges.push_back(minx + (double)k * binWidth);
        edges.push_back(maxx);
      } else {
        if (nb <= 0) {
          // Automatic width over the limits.
          double sd = 0, mean = 0;
          for (double v : xs)
            mean += v;
          mean = xs.empty() ? 0 : mean / (double)xs.size();
          for (double v : xs)
            sd += (v - mean) * (v - mean);
          sd = xs.size() > 1 ? std::sqrt(sd / (double)(xs.size() - 1)) : 0;
          double bw = xs.empty() ? 0
                                 : 3.5 * sd / std::cbrt((double)xs.size());
          nb = bw > 0 ? (int64_t)std::max(1.0, std::ceil((maxx - minx) / bw))
                      : 1;
          nb = std::min<int64_t>(nb, 65536);
        }
        for (int64_t k = 0; k <= nb; ++k)
          edges.push_back(k == nb ? maxx
                                  : minx + (maxx - minx) * (double)k /
                                               (double)nb);
      }
    } else if (nbins > 0) {
      edges = binPicker(minx, maxx, nbins, (maxx - minx) / (double)nbins);
    } else if (binWidth > 0) {
      double left = binWidth * std::floor(minx / binWidth);
      double nbd = std::max(1.0, std::ceil((maxx - left) / binWidth));
      if (nbd > 1e7)
        sizeLimit();
      int64_t nb = (int64_t)nbd;
      for (int64_t k = 0; k <= nb; ++k)
        edges.push_back(left + (double)k * binWidth);
    } else {
      bool integers = isIntegerClass(x.cls) || x.cls == ClassId::Logical;
      if (!integers) {
        integers = true;
        for (double v : x.re)
          if (std::isfinite(v) && v != std::round(v))
            integers = false;
      }
      auto scott = [&]() {
        double mean = 0, sd = 0;
        for (double v : xs)
          mean += v;
        mean /= (double)xs.size();
        for (double v : xs)
          sd += (v - mean) * (v - mean);
        sd = xs.size() > 1 ? std::sqrt(sd / (double)(xs.size() - 1)) : 0;
        double bw = 3.5 * sd / std::cbrt((double)xs.size());
        return binPicker(minx, maxx, 0, bw);
      };
      auto countRule = [&](double nb) {
        double bw = (maxx - minx) / nb;
        if (std::isfinite(bw))
          return binPicker(minx, maxx, 0, bw);
        return binPicker(minx, maxx, (int64_t)nb, bw);
      };
      if (method == "integers" ||
          (method == "auto" && integers && maxx - minx <= 50 &&
           maxx <= 9007199254740992.0 / 2 && minx >= -9007199254740992.0 / 2))
        edges = integerRule(minx, maxx);
      else if (method == "sturges")
        edges = countRule(std::max(std::ceil(std::log2((double)xs.size()) + 1), 1.0));
      else if (method == "sqrt")
        edges = countRule(std::max(std::ceil(std::sqrt((double)xs.size())), 1.0));
      else
        edges = scott();
    }
  }
  int64_t nb = (int64_t)edges.size() - 1;
  std::vector<double> n((size_t)nb, 0.0), bin(x.re.size(), 0.0);
  double total = 0;
  for (size_t k = 0; k < x.re.size(); ++k) {
    double v = x.re[k];
    if (std::isnan(v) || nb <= 0 || v < edges[0] || v > edges[(size_t)nb])
      continue;
    int64_t b;
    if (v == edges[(size_t)nb])
      b = nb - 1;
    else
      b = (int64_t)(std::upper_bound(edges.begin(), edges.end(), v) -
                    edges.begin()) -
          1;
    if (b < 0 || b >= nb)
      continue;
    n[(size_t)b] += 1;
    bin[k] = (double)(b + 1);
    total += 1;
  }
  double N = (double)x.numel();
  if (norm == "probability") {
    for (double &c : n)
      c /= N;
  } else if (norm == "countdensity" || norm == "pdf") {
    for (int64_t k = 0; k < nb; ++k)
      n[(size_t)k] /= (edges[(size_t)k + 1] - edges[(size_t)k]) *
                      (norm == "pdf" ? N : 1.0);
  } else if (norm == "cumcount" || norm == "cdf") {
    double acc = 0;
    for (double &c : n) {
      acc += c;
      c = norm == "cdf" ? acc / N : acc;
    }
  }
  (void)total;
  Args out{build(ClassId::Double, Dims{1, nb}, std::move(n))};
  if (nargout > 1)
    out.push_back(build(x.cls == ClassId::Single ? ClassId::Single
                                                 : ClassId::Double,
                        Dims{1, nb + 1}, edges));
  if (nargout > 2)
    out.push_back(build(ClassId::Double, x.dims, std::move(bin)));
  return out;
}

// ---- accumarray -------------------------------------------------------------------

Args bi_accumarray(int, const Args &args) {
  const Value &subs = *args[0], &vals = *args[1];
  const char *badSubs = "First input SUBS must contain positive integer "
                        "subscripts.";
  // Subscripts: m x nd matrix, or a cell array of nd vectors.
  int64_t m, nd;
  std::vector<double> sub; // m x nd, column-major
  if (subs.cls == ClassId::Cell) {
    nd = subs.numel();
    if (nd == 0)
      throwError("MATLAB:accumarray:invalidSubs", "%s", badSubs);
    m = subs.cells[0]->numel();
    sub.resize((size_t)(m * nd));
    for (int64_t j = 0; j < nd; ++j) {
      const Value &c = *subs.cells[(size_t)j];
      if (!isArithmetic(c) || c.numel() != m)
        throwError("MATLAB:accumarray:invalidSubs",
                   "Subscript vectors in the cell array SUBS must have the "
                   "same number of elements.");
      for (int64_t k = 0; k < m; ++k)
        sub[(size_t)(k + j * m)] = c.re[(size_t)k];
    }
  } else {
    needArith("accumarray", subs);
    if (subs.dims.size() > 2)
      throwError("MATLAB:accumarray:invalidSubs", "%s", badSubs);
    m = subs.dims[0];
    nd = subs.dims[1];
    if (subs.isEmpty()) {
      m = 0;
      nd = std::max<int64_t>(nd, 1);
    }
    sub = subs.re;
    if (hasImag(subs))
      throwError("MATLAB:accumarray:invalidSubs", "%s", badSubs);
  }
  for (double s : sub)
    if (!(s >= 1) || s != std::floor(s) || s > 9.0e15)
      throwError("MATLAB:accumarray:invalidSubs", "%s", badSubs);
  if (vals.numel() != m && vals.numel() != 1)
    throwError("MATLAB:accumarray:valSizeMismatch",
               "Second input VAL must be a vector with one element for each "
               "row in SUBS, or a scalar.");
  // Output size.
  Dims od((size_t)std::max<int64_t>(nd, 2), 0);
  for (int64_t j = 0; j < nd; ++j) {
    double mx = 0;
    for (int64_t k = 0; k < m; ++k)
      mx = std::max(mx, sub[(size_t)(k + j * m)]);
    od[(size_t)j] = (int64_t)mx;
  }
  if (nd == 1)
    od[1] = 1;
  if (args.size() > 2 && !args[2]->isEmpty()) {
    const Value &sz = *args[2];
    needArith("accumarray", sz);
    Dims want;
    for (double t : sz.re) {
      if (!(t >= 0) || t != std::floor(t) || t > 9.0e15)
        throwError("MATLAB:accumarray:invalidSz",
                   "Third input SZ must be a vector of positive integers.");
      want.push_back((int64_t)t);
    }
    bool ok = nd == 1 ? (want.size() == 2 && want[1] == 1 && want[0] >= od[0])
                      : (int64_t)want.size() >= nd;
    for (int64_t j = 0; ok && j < nd && nd > 1; ++j)
      ok = want[(size_t)j] >= od[(size_t)j];
    if (!ok)
      throwError("MATLAB:accumarray:invalidSz",
                 "Third input SZ must be a full size vector with one element "
                 "for each column of SUBS, or [N 1] when SUBS is a column.");
    od = want;
  }
  int64_t total = checkedNumel(od);
  // Linear index of each row of subs.
  std::vector<int64_t> lin((size_t)m);
  for (int64_t k = 0; k < m; ++k) {
    int64_t li = 0, stride = 1;
    for (int64_t j = 0; j < nd; ++j) {
      li += ((int64_t)sub[(size_t)(k + j * m)] - 1) * stride;
      stride *= dimSize(od, j);
    }
    lin[(size_t)k] = li;
  }
  const Value *fun = args.size() > 3 && !args[3]->isEmpty() ? args[3].get()
                                                            : nullptr;
  if (fun && fun->cls != ClassId::FunctionHandle)
    throwError("MATLAB:accumarray:invalidFun",
               "Fourth input FUN must be a function handle.");
  const Value *fillv = args.size() > 4 && !args[4]->isEmpty() ? args[4].get()
                                                              : nullptr;
  if (args.size() > 5 && isTrue(*args[5]))
    throwError("MATLAB:accumarray:sparse", "Sparse output is not supported.");
  double fill = 0;
  if (fillv) {
    if (!isArithmetic(*fillv) || fillv->numel() != 1)
      throwError("MATLAB:accumarray:invalidFillval",
                 "Fifth input FILLVAL must be a scalar.");
    fill = fillv->re[0];
  }
  needArith("accumarray", vals);
  bool cx = hasImag(vals);
  auto valAt = [&](int64_t k) -> cplx {
    size_t p = vals.numel() == 1 ? 0 : (size_t)k;
    return cplx(vals.re[p], imagAt(vals, (int64_t)p));
  };
  if (!fun) {
    ClassId c = (isIntegerClass(vals.cls) || vals.cls == ClassId::Single)
                    ? vals.cls
                    : ClassId::Double;
    std::vector<double> re((size_t)total, 0.0), im;
    std::vector<char> hit((size_t)total, 0);
    if (cx)
      im.assign((size_t)total, 0.0);
    for (int64_t k = 0; k < m; ++k) {
      cplx v = valAt(k);
      size_t p = (size_t)lin[(size_t)k];
      re[p] += v.real();
      if (cx)
        im[p] += v.imag();
      hit[p] = 1;
    }
    if (fill != 0)
      for (size_t p = 0; p < re.size(); ++p)
        if (!hit[p])
          re[p] = fill;
    return {build(c, od, std::move(re), std::move(im))};
  }
  // Group the values by output position, in order of appearance.
  std::vector<int64_t> order((size_t)m);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
    return lin[(size_t)a] < lin[(size_t)b];
  });
  ValueRef out;
  std::vector<char> hit((size_t)total, 0);
  for (size_t a = 0; a < order.size();) {
    size_t b = a;
    int64_t pos = lin[(size_t)order[a]];
    while (b < order.size() && lin[(size_t)order[b]] == pos)
      ++b;
    int64_t cnt = (int64_t)(b - a);
    ValueRef g = newArray(vals.cls, Dims{cnt, 1}, cx);
    for (int64_t t = 0; t < cnt; ++t) {
      cplx v = valAt(order[a + (size_t)t]);
      g->re[(size_t)t] = v.real();
      if (cx)
        g->im[(size_t)t] = v.imag();
    }
    Args r = callFunctionHandle(*fun, 1, Args{g});
    if (r.empty() || !r[0])
      throwError("MATLAB:accumarray:noOutput",
                 "The function FUN must return a value.");
    const Value &rv = *r[0];
    if (!out) {
      if (rv.cls == ClassId::Cell) {
        out = makeCell(od);
      } else if (isArithmetic(rv)) {
        out = newArray(rv.cls, od, false);
        if (fill != 0)
          for (double &t : out->re)
            t = castValue(fill, rv.cls);
      } else {
        throwError("MATLAB:accumarray:badFunOutput",
                   "The function FUN must return a numeric, logical, char or "
                   "cell scalar.");
      }
    }
    if (rv.numel() != 1)
      throwError("MATLAB:accumarray:nonscalarFunOutput",
                 "The function FUN must return a scalar.");
    if (out->cls == ClassId::Cell) {
      if (rv.cls != ClassId::Cell)
        throwError("MATLAB:accumarray:badFunOutput",
                   "The function FUN must return values of one class.");
      out->cells[(size_t)pos] = rv.cells[0];
    } else {
      if (!isArithmetic(rv))
        throwError("MATLAB:accumarray:badFunOutput",
                   "The function FUN must return values of one class.");
      out->re[(size_t)pos] = castValue(rv.re[0], out->cls);
      if (hasImag(rv)) {
        if (!out->complex) {
          out->complex = true;
          out->im.assign(out->re.size(), 0.0);
        }
        out->im[(size_t)pos] = castValue(rv.im[0], out->cls);
      }
    }
    hit[(size_t)pos] = 1;
    a = b;
  }
  if (!out) {
    ClassId c = (isIntegerClass(vals.cls) || vals.cls == ClassId::Single)
                    ? vals.cls
                    : ClassId::Double;
    out = newArray(c, od);
    for (double &t : out->re)
      t = castValue(fill, c);
  }
  return {out};
}

// ---- set functions ------------------------------------------------------------------

namespace {

enum class SetOp { Union, Intersect, Setdiff, Setxor };

struct SetArg {
  const Value *v;
  bool cell = false; // cellstr elements
  bool rows = false;
  bool single = false; // a char row taken as one string (with cellstr)
  int64_t n = 0, ncols = 1;
};

bool isCellStr(const Value &v) {
  if (v.cls != ClassId::Cell)
    return false;
  for (auto &c : v.cells)
    if (!c || (c->cls != ClassId::Char) || !(c->isRow() || c->isEmpty()))
      return false;
  return true;
}

Args setFunction(SetOp op, const char *fn, int nargout, const Args &args) {
  const Value &A = *args[0], &B = *args[1];
  bool stable = false, rows = false;
  for (size_t i = 2; i < args.size(); ++i) {
    const Value &o = *args[i];
    if (textIs(o, "stable"))
      stable = true;
    else if (textIs(o, "sorted"))
      stable = false;
    else if (textIs(o, "rows"))
      rows = true;
    else if (textIs(o, "legacy"))
      throwError("MATLAB:setfunctions:legacy", "The 'legacy' flag is not supported.");
    else
      throwError("MATLAB:setfunctions:UnknownFlag", "Invalid option.");
  }
  bool cellMode = A.cls == ClassId::Cell || B.cls == ClassId::Cell;
  SetArg sa{&A}, sb{&B};
  for (SetArg *s : {&sa, &sb}) {
    const Value &v = *s->v;
    if (cellMode) {
      if (v.cls == ClassId::Cell) {
        if (!isCellStr(v))
          throwError("MATLAB:setfunctions:InvalidCellInput",
                     "Cell array input must be a cell array of character "
                     "vectors.");
        s->cell = true;
        s->n = v.numel();
      } else if (v.cls == ClassId::Char && (v.isRow() || v.isEmpty())) {
        s->single = true;
        s->n = 1;
      } else {
        throwError("MATLAB:setfunctions:InvalidInputCombination",
                   "Input A of class %s and input B of class %s must be "
                   "combined with a cell array of character vectors.",
                   className(A.cls), className(B.cls));
      }
    } else {
      if (!isArithmetic(v))
        undefinedForType(fn, v);
      if (rows) {
        if (v.dims.size() > 2)
          throwError("MATLAB:setfunctions:NotAMatrix",
                     "Inputs must be 2-D matrices with 'rows'.");
        s->rows = true;
        s->n = v.dims[0];
        s->ncols = v.dims[1];
      } else {
        s->n = v.numel();
      }
    }
  }
  if (rows && !cellMode && sa.ncols != sb.ncols && !is0x0(A) && !is0x0(B))
    throwError("MATLAB:setfunctions:AandBColnumAgree",
               "A and B must have the same number of columns.");
  bool cx = !cellMode && (hasImag(A) || hasImag(B));
  ValueLess vless{cx};
  auto elemText = [&](const SetArg &s, int64_t k) -> const std::vector<double> & {
    return s.single ? s.v->re : s.v->cells[(size_t)k]->re;
  };
  auto elemVal = [&](const SetArg &s, int64_t k, int64_t col) {
    size_t p = s.rows ? (size_t)(k + col * s.n) : (size_t)k;
    return cplx(s.v->re[p], imagAt(*s.v, (int64_t)p));
  };
  int64_t ncols = !rows ? 1 : is0x0(A) ? sb.ncols : sa.ncols;
  // -1: less, 0: equal, 1: greater; NaN never equal (ordering by position).
  auto cmp = [&](const SetArg &x, int64_t i, const SetArg &y, int64_t j) {
    if (cellMode) {
      const auto &a = elemText(x, i), &b = elemText(y, j);
      if (std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end()))
        return -1;
      if (std::lexicographical_compare(b.begin(), b.end(), a.begin(), a.end()))
        return 1;
      return 0;
    }
    for (int64_t c = 0; c < ncols; ++c) {
      cplx a = elemVal(x, i, c), b = elemVal(y, j, c);
      if (vless(a, b))
        return -1;
      if (vless(b, a))
        return 1;
      if (isNanC(a) || isNanC(b))
        return 2; // NaN: equal in order, never the same element
    }
    return 0;
  };
  struct Ref {
    int src; // 0 = A, 1 = B
    int64_t idx;
  };
  std::vector<Ref> all;
  all.reserve((size_t)(sa.n + sb.n));
  for (int64_t k = 0; k < sa.n; ++k)
    all.push_back({0, k});
  for (int64_t k = 0; k < sb.n; ++k)
    all.push_back({1, k});
  auto argOf = [&](const Ref &r) -> const SetArg & { return r.src ? sb : sa; };
  std::stable_sort(all.begin(), all.end(), [&](const Ref &a, const Ref &b) {
    return cmp(argOf(a), a.idx, argOf(b), b.idx) == -1;
  });
  // Groups of equal elements.
  struct Group {
    int64_t firstA = -1, firstB = -1;
    size_t pos; // position of the first element in [A(:); B(:)] order
  };
  std::vector<Group> groups;
  for (size_t k = 0; k < all.size(); ++k) {
    const Ref &r = all[k];
    bool same = k > 0 && cmp(argOf(all[k - 1]), all[k - 1].idx, argOf(r),
                             r.idx) == 0;
    if (!same)
      groups.push_back(Group{});
    Group &g = groups.back();
    if (r.src == 0) {
      if (g.firstA < 0 || r.idx < g.firstA)
        g.firstA = r.idx;
    } else if (g.firstB < 0 || r.idx < g.firstB) {
      g.firstB = r.idx;
    }
  }
  for (Group &g : groups)
    g.pos = g.firstA >= 0 ? (size_t)g.firstA : (size_t)(sa.n + g.firstB);
  std::vector<Group> sel;
  for (const Group &g : groups) {
    bool inA = g.firstA >= 0, inB = g.firstB >= 0;
    bool keep = op == SetOp::Union       ? true
                : op == SetOp::Intersect ? inA && inB
                : op == SetOp::Setdiff   ? inA && !inB
                                         : inA != inB;
    if (keep)
      sel.push_back(g);
  }
  if (stable) {
    if (op == SetOp::Setxor || op == SetOp::Union)
      std::stable_sort(sel.begin(), sel.end(), [](const Group &a, const Group &b) {
        return a.pos < b.pos;
      });
    else
      std::stable_sort(sel.begin(), sel.end(), [](const Group &a, const Group &b) {
        return a.firstA < b.firstA;
      });
  }
  int64_t nc = (int64_t)sel.size();
  // Output orientation.
  bool rowA = A.dims.size() == 2 && A.dims[0] == 1,
       rowB = B.dims.size() == 2 && B.dims[0] == 1;
  bool row;
  if (op == SetOp::Setdiff)
    row = rowA || (is0x0(A) && rowB);
  else
    row = (rowA || is0x0(A)) && (rowB || is0x0(B)) && !(is0x0(A) && is0x0(B));
  if (cellMode) {
    rowA = sa.single || rowA;
    rowB = sb.single || rowB;
    row = op == SetOp::Setdiff ? rowA : (rowA || is0x0(A)) && (rowB || is0x0(B));
  }
  Dims od = row ? Dims{1, nc} : Dims{nc, 1};
  if (!rows && !cellMode && nc == 0 && is0x0(A) && (is0x0(B) || op == SetOp::Setdiff || op == SetOp::Intersect))
    od = Dims{0, 0};
  ValueRef C;
  auto refOf = [&](const Group &g) -> Ref {
    return g.firstA >= 0 ? Ref{0, g.firstA} : Ref{1, g.firstB};
  };
  if (cellMode) {
    C = makeCell(od);
    for (int64_t k = 0; k < nc; ++k) {
      Ref r = refOf(sel[(size_t)k]);
      const SetArg &s = argOf(r);
      C->cells[(size_t)k] = s.single ? ValueRef::borrow(const_cast<Value *>(s.v))
                                     : s.v->cells[(size_t)r.idx];
    }
  } else {
    ClassId c;
    if (A.cls == B.cls)
      c = A.cls;
    else if ((A.cls == ClassId::Char || A.cls == ClassId::Logical) &&
             (B.cls == ClassId::Char || B.cls == ClassId::Logical))
      c = ClassId::Double;
    else
      c = binaryClass(fn, A, B);
    if (is0x0(A) && B.cls != ClassId::Double && op != SetOp::Setdiff)
      c = B.cls;
    if (is0x0(B) && A.cls != ClassId::Double)
      c = A.cls;
    if (rows)
      od = Dims{nc, ncols};
    std::vector<double> re((size_t)(nc * ncols)), im;
    if (cx)
      im.resize(re.size());
    for (int64_t k = 0; k < nc; ++k) {
      Ref r = refOf(sel[(size_t)k]);
      const SetArg &s = argOf(r);
      for (int64_t col = 0; col < ncols; ++col) {
        cplx z = elemVal(s, r.idx, col);
        re[(size_t)(k + col * nc)] = z.real();
        if (cx)
          im[(size_t)(k + col * nc)] = z.imag();
      }
    }
    C = build(c, od, std::move(re), std::move(im));
  }
  Args out{C};
  if (nargout > 1) {
    std::vector<double> ia, ib;
    for (const Group &g : sel) {
      if (op == SetOp::Intersect) {
        ia.push_back((double)g.firstA + 1);
        ib.push_back((double)g.firstB + 1);
      } else if (g.firstA >= 0) {
        ia.push_back((double)g.firstA + 1);
      } else {
        ib.push_back((double)g.firstB + 1);
      }
    }
    int64_t na = (int64_t)ia.size(), nb = (int64_t)ib.size();
    out.push_back(build(ClassId::Double, Dims{na, 1}, std::move(ia)));
    if (nargout > 2 && op != SetOp::Setdiff)
      out.push_back(build(ClassId::Double, Dims{nb, 1}, std::move(ib)));
  }
  return out;
}

} // namespace

Args bi_union(int nargout, const Args &args) {
  return setFunction(SetOp::Union, "union", nargout, args);
}
Args bi_intersect(int nargout, const Args &args) {
  return setFunction(SetOp::Intersect, "intersect", nargout, args);
}
Args bi_setdiff(int nargout, const Args &args) {
  return setFunction(SetOp::Setdiff, "setdiff", nargout, args);
}
Args bi_setxor(int nargout, const Args &args) {
  return setFunction(SetOp::Setxor, "setxor", nargout, args);
}

} // namespace runmat::rt
