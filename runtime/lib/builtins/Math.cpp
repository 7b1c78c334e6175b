//===- Math.cpp - Elementwise math builtins
//----------------------------------===//
//
// abs sign, the roundings (floor ceil round fix), the floating-point functions
// (sqrt exp log sin cos tan and relatives, complex where the real domain
// ends), real imag conj angle, and the two-argument mod rem atan2 hypot
// idivide with implicit expansion. Integer classes keep their class where
// MATLAB does; logical and char give double.
//
//===----------------------------------------------------------------------===//
#include "ArraySupport.h"
#include "runmat/rt/Int64.h"
#include "runmat/rt/Ops.h"
#include "runmat/rt/abi.h"

#include <cmath>
#include <complex>
#include <limits>

namespace runmat::rt {

using namespace support;
using cplx = std::complex<double>;

namespace {

/// Class of a unary result that keeps integer classes (abs, floor, sign...).
ClassId keepClass(const char *fn, const Value &v) {
  if (!isArithmetic(v))
    undefinedForType(fn, v);
  if (isNumericClass(v.cls))
    return v.cls;
  return ClassId::Double;
}

/// Class of a floating-point function's result; integers are an error.
ClassId floatClass(const char *fn, const Value &v) {
  if (!isArithmetic(v))
    undefinedForType(fn, v);
  if (isIntegerClass(v.cls))
    badArgType(fn);
  return v.cls == ClassId::Single ? ClassId::Single : ClassId::Double;
}

void finish(Value &r) {
  if (r.cls != ClassId::Double) {
    castData(r.re, r.cls);
    if (r.complex)
      castData(r.im, r.cls);
  }
  dropZeroImag(r);
}

/// Applies a real function elementwise. When the input is complex or some
/// element lies outside the real domain (sqrt(-4)), the result is complex
/// and those elements go through the complex function.
template <class RealFn, class CplxFn, class Domain>
ValueRef floatUnary(const char *fn, const Value &v, RealFn rf, CplxFn cf,
                    Domain inRealDomain) {
  ClassId cls = floatClass(fn, v);
  size_t n = v.re.size();
  bool useComplex = hasImag(v);
  if (!useComplex)
    for (size_t k = 0; k < n; ++k)
      if (!inRealDomain(v.re[k])) {
        useComplex = true;
        break;
      }
  ValueRef r = newArray(cls, v.dims, useComplex);
  if (!useComplex) {
    double *out = r->re.data();
    const double *in = v.re.data();
    for (size_t k = 0; k < n; ++k)
      out[k] = rf(in[k]);
  } else {
    // Real elements inside the domain keep the real function's result (the
    // complex formulas differ from it in the last bits).
    bool inCplx = hasImag(v);
    for (size_t k = 0; k < n; ++k) {
      double x = v.re[k];
      if (!inCplx && inRealDomain(x)) {
        r->re[k] = rf(x);
        continue;
      }
      cplx z = cf(cplx(x, imagAt(v, (int64_t)k)));
      r->re[k] = z.real();
      r->im[k] = z.imag();
    }
  }
  finish(*r);
  return r;
}

bool anyReal(double) { return true; }

/// Applies f to real and imaginary parts separately, keeping the class.
template <class F> ValueRef partwise(const char *fn, const Value &v, F f) {
  ClassId cls = keepClass(fn, v);
  if (isIntegerClass(cls))
    return copyValue(v);
  ValueRef r = newArray(cls, v.dims, hasImag(v));
  for (size_t k = 0; k < v.re.size(); ++k)
    r->re[k] = f(v.re[k]);
  if (hasImag(v))
    for (size_t k = 0; k < v.im.size(); ++k)
      r->im[k] = f(v.im[k]);
  finish(*r);
  return r;
}

} // namespace

// ---- abs, sign, parts
// --------------------------------------------------------------

Args bi_abs(int, const Args &args) {
  const Value &v = *args[0];
  ClassId cls = keepClass("abs", v);
  ValueRef r = newArray(cls, v.dims);
  if (hasImag(v)) {
    for (size_t k = 0; k < v.re.size(); ++k)
      r->re[k] = std::hypot(v.re[k], v.im[k]);
  } else {
    for (size_t k = 0; k < v.re.size(); ++k)
      r->re[k] = std::fabs(v.re[k]);
  }
  finish(*r);
  return {r};
}

Args bi_sign(int, const Args &args) {
  const Value &v = *args[0];
  ClassId cls = keepClass("sign", v);
  ValueRef r = newArray(cls, v.dims, hasImag(v));
  for (size_t k = 0; k < v.re.size(); ++k) {
    double x = v.re[k];
    if (hasImag(v)) {
      double m = std::hypot(x, v.im[k]);
      r->re[k] = m == 0 ? 0 : x / m;
      r->im[k] = m == 0 ? 0 : v.im[k] / m;
    } else {
      r->re[k] = std::isnan(x) ? x : (x > 0) - (x < 0);
    }
  }
  finish(*r);
  return {r};
}

Args bi_real(int, const Args &args) {
  const Value &v = *args[0];
  ClassId cls = keepClass("real", v);
  ValueRef r = newArray(cls, v.dims);
  r->re = v.re;
  return {r};
}

Args bi_imag(int, const Args &args) {
  const Value &v = *args[0];
  ClassId cls = keepClass("imag", v);
  ValueRef r = newArray(cls, v.dims);
  if (hasImag(v))
    r->re = v.im;
  return {r};
}

Args bi_conj(int, const Args &args) {
  const Value &v = *args[0];
  ClassId cls = keepClass("conj", v);
  ValueRef r = newArray(cls, v.dims, hasImag(v));
  r->re = v.re;
  if (hasImag(v))
    for (size_t k = 0; k < v.im.size(); ++k)
      r->im[k] = -v.im[k];
  return {r};
}

Args bi_angle(int, const Args &args) {
  const Value &v = *args[0];
  ClassId cls = floatClass("angle", v);
  ValueRef r = newArray(cls, v.dims);
  for (size_t k = 0; k < v.re.size(); ++k)
    r->re[k] = std::atan2(imagAt(v, (int64_t)k), v.re[k]);
  finish(*r);
  return {r};
}

// ---- rounding
// ------------------------------------------------------------------------

Args bi_floor(int, const Args &args) {
  return {partwise("floor", *args[0], [](double x) { return std::floor(x); })};
}
Args bi_ceil(int, const Args &args) {
  return {partwise("ceil", *args[0], [](double x) { return std::ceil(x); })};
}
Args bi_round(int, const Args &args) {
  // std::round rounds halfway cases away from zero, as MATLAB does.
  return {partwise("round", *args[0], [](double x) { return std::round(x); })};
}
Args bi_fix(int, const Args &args) {
  return {partwise("fix", *args[0], [](double x) { return std::trunc(x); })};
}

// ---- floating-point functions
// -----------------------------------------------------------

Args bi_sqrt(int, const Args &args) {
  return {floatUnary(
      "sqrt", *args[0], [](double x) { return std::sqrt(x); },
      [](cplx z) { return std::sqrt(z); }, [](double x) { return !(x < 0); })};
}

Args bi_exp(int, const Args &args) {
  return {floatUnary(
      "exp", *args[0], [](double x) { return std::exp(x); },
      [](cplx z) { return std::exp(z); }, anyReal)};
}

Args bi_log(int, const Args &args) {
  return {floatUnary(
      "log", *args[0], [](double x) { return std::log(x); },
      [](cplx z) { return std::log(z); }, [](double x) { return !(x < 0); })};
}

Args bi_log2(int nargout, const Args &args) {
  if (nargout >= 2) {
    // [f, e] = log2(x): x = f .* 2.^e with 0.5 <= |f| < 1.
    const Value &v = *args[0];
    ClassId cls = floatClass("log2", v);
    ValueRef f = newArray(cls, v.dims), e = newArray(cls, v.dims);
    for (size_t k = 0; k < v.re.size(); ++k) {
      int ex = 0;
      double x = v.re[k];
      f->re[k] = std::isfinite(x) ? std::frexp(x, &ex) : x;
      e->re[k] = ex;
    }
    return {f, e};
  }
  return {floatUnary(
      "log2", *args[0], [](double x) { return std::log2(x); },
      [](cplx z) { return cplx(std::log2(std::abs(z)), std::arg(z) / M_LN2); },
      [](double x) { return !(x < 0); })};
}

Args bi_log10(int, const Args &args) {
  return {floatUnary(
      "log10", *args[0], [](double x) { return std::log10(x); },
      [](cplx z) {
        return cplx(std::log10(std::abs(z)), std::arg(z) / M_LN10);
      },
      [](double x) { return !(x < 0); })};
}

Args bi_log1p(int, const Args &args) {
  return {floatUnary(
      "log1p", *args[0], [](double x) { return std::log1p(x); },
      [](cplx z) { return std::log(1.0 + z); },
      [](double x) { return !(x < -1); })};
}

Args bi_expm1(int, const Args &args) {
  return {floatUnary(
      "expm1", *args[0], [](double x) { return std::expm1(x); },
      [](cplx z) { return std::exp(z) - 1.0; }, anyReal)};
}

// gamma, gammaln, erf, erfc take real input only (MATLAB: "Input must be
// real."); gamma is Inf at 0 and the negative integers, as in MATLAB.
namespace {
[[noreturn]] cplx realOnly(const char *fn) {
  throwErrorIn(fn, "MATLAB:realInputRequired", "Input must be real.");
}
} // namespace

Args bi_gamma(int, const Args &args) {
  return {floatUnary(
      "gamma", *args[0],
      [](double x) {
        if (x <= 0 && x == std::floor(x))
          return HUGE_VAL;
        return std::tgamma(x);
      },
      [](cplx) -> cplx { realOnly("gamma"); }, anyReal)};
}

Args bi_gammaln(int, const Args &args) {
  const Value &v = *args[0];
  for (double x : v.re)
    if (x < 0)
      throwErrorIn("gammaln", "MATLAB:gammaln:negativeInput",
                   "Input must be nonnegative.");
  return {floatUnary(
      "gammaln", v, [](double x) { return std::lgamma(x); },
      [](cplx) -> cplx { realOnly("gammaln"); }, anyReal)};
}

Args bi_erf(int, const Args &args) {
  return {floatUnary(
      "erf", *args[0], [](double x) { return std::erf(x); },
      [](cplx) -> cplx { realOnly("erf"); }, anyReal)};
}

Args bi_erfc(int, const Args &args) {
  return {floatUnary(
      "erfc", *args[0], [](double x) { return std::erfc(x); },
      [](cplx) -> cplx { realOnly("erfc"); }, anyReal)};
}

Args bi_sin(int, const Args &args) {
  return {floatUnary(
      "sin", *args[0], [](double x) { return std::sin(x); },
      [](cplx z) { return std::sin(z); }, anyReal)};
}

Args bi_cos(int, const Args &args) {
  return {floatUnary(
      "cos", *args[0], [](double x) { return std::cos(x); },
      [](cplx z) { return std::cos(z); }, anyReal)};
}

Args bi_tan(int, const Args &args) {
  return {floatUnary(
      "tan", *args[0], [](double x) { return std::tan(x); },
      [](cplx z) { return std::tan(z); }, anyReal)};
}

Args bi_asin(int, const Args &args) {
  return {floatUnary(
      "asin", *args[0], [](double x) { return std::asin(x); },
      [](cplx z) { return std::asin(z); },
      [](double x) { return !(std::fabs(x) > 1); })};
}

Args bi_acos(int, const Args &args) {
  return {floatUnary(
      "acos", *args[0], [](double x) { return std::acos(x); },
      [](cplx z) { return std::acos(z); },
      [](double x) { return !(std::fabs(x) > 1); })};
}

Args bi_atan(int, const Args &args) {
  return {floatUnary(
      "atan", *args[0], [](double x) { return std::atan(x); },
      [](cplx z) { return std::atan(z); }, anyReal)};
}

Args bi_sinh(int, const Args &args) {
  return {floatUnary(
      "sinh", *args[0], [](double x) { return std::sinh(x); },
      [](cplx z) { return std::sinh(z); }, anyReal)};
}

Args bi_cosh(int, const Args &args) {
  return {floatUnary(
      "cosh", *args[0], [](double x) { return std::cosh(x); },
      [](cplx z) { return std::cosh(z); }, anyReal)};
}

Args bi_tanh(int, const Args &args) {
  return {floatUnary(
      "tanh", *args[0], [](double x) { return std::tanh(x); },
      [](cplx z) { return std::tanh(z); }, anyReal)};
}

// ---- inverse hyperbolic and reciprocal trigonometric functions ------------------
// The reciprocal forms are 1/f(x) (and f^-1(1/x)) as MATLAB defines them;
// arguments outside a real function's domain give complex results.

namespace {
inline bool atLeastOne(double x) { return !(std::fabs(x) < 1); }
} // namespace

#define RM_FLOAT_UNARY(FN, NAME, REAL, COMPLEX, DOMAIN)                         \
  Args FN(int, const Args &args) {                                             \
    return {floatUnary(                                                        \
        NAME, *args[0], [](double x) { return REAL; },                         \
        [](cplx z) { return COMPLEX; }, DOMAIN)};                              \
  }
RM_FLOAT_UNARY(bi_asinh, "asinh", std::asinh(x), std::asinh(z), anyReal)
RM_FLOAT_UNARY(bi_acosh, "acosh", std::acosh(x), std::acosh(z),
               [](double x) { return !(x < 1); })
RM_FLOAT_UNARY(bi_atanh, "atanh", std::atanh(x), std::atanh(z),
               [](double x) { return !(std::fabs(x) > 1); })
RM_FLOAT_UNARY(bi_cot, "cot", 1 / std::tan(x), 1.0 / std::tan(z), anyReal)
RM_FLOAT_UNARY(bi_sec, "sec", 1 / std::cos(x), 1.0 / std::cos(z), anyReal)
RM_FLOAT_UNARY(bi_csc, "csc", 1 / std::sin(x), 1.0 / std::sin(z), anyReal)
RM_FLOAT_UNARY(bi_coth, "coth", 1 / std::tanh(x), 1.0 / std::tanh(z), anyReal)
RM_FLOAT_UNARY(bi_sech, "sech", 1 / std::cosh(x), 1.0 / std::cosh(z), anyReal)
RM_FLOAT_UNARY(bi_csch, "csch", 1 / std::sinh(x), 1.0 / std::sinh(z), anyReal)
RM_FLOAT_UNARY(bi_acot, "acot", std::atan(1 / x), std::atan(1.0 / z), anyReal)
RM_FLOAT_UNARY(bi_asec, "asec", std::acos(1 / x), std::acos(1.0 / z), atLeastOne)
RM_FLOAT_UNARY(bi_acsc, "acsc", std::asin(1 / x), std::asin(1.0 / z), atLeastOne)
RM_FLOAT_UNARY(bi_acoth, "acoth", std::atanh(1 / x), std::atanh(1.0 / z), atLeastOne)
RM_FLOAT_UNARY(bi_asech, "asech", std::acosh(1 / x), std::acosh(1.0 / z),
               [](double x) { return !(x < 0 || x > 1); })
RM_FLOAT_UNARY(bi_acsch, "acsch", std::asinh(1 / x), std::asinh(1.0 / z), anyReal)
#undef RM_FLOAT_UNARY

// ---- two-argument functions
// -------------------------------------------------------------

namespace {

/// Elementwise f(a, b) on real arguments with implicit expansion; the result
/// class follows binaryClass (integers computed in double, then saturated).
template <class F>
ValueRef realBinary(const char *fn, const Value &a, const Value &b, ClassId cls,
                    F f) {
  if (hasImag(a) || hasImag(b))
    throwError("MATLAB:complexNotSupported",
               "Complex inputs are not supported by %s.", fn);
  Dims out = expandedDims(a.dims, b.dims);
  ValueRef r = newArray(cls, out);
  double *o = r->re.data();
  const double *pa = a.re.data(), *pb = b.re.data();
  forEachBroadcast(out, a.dims, b.dims, [&](int64_t ia, int64_t ib, int64_t k) {
    o[k] = f(pa[ia], pb[ib]);
  });
  if (cls != ClassId::Double)
    castData(r->re, cls);
  return r;
}

/// Nearest integer with halfway cases away from zero.
inline double nint(double x) { return std::round(x); }

double modValue(double x, double y) {
  if (y == 0)
    return x;
  double r;
  double q = x / y;
  if (nint(y) != y && std::fabs((q - nint(q)) / nint(q)) <
                          std::numeric_limits<double>::epsilon()) {
    r = 0;
  } else {
    volatile double tmp = y * std::floor(q);
    r = x - tmp;
  }
  if (x != y)
    r = std::copysign(r, y);
  return r;
}

double remValue(double x, double y) {
  if (y == 0)
    return NAN;
  double r;
  double q = x / y;
  if (nint(y) != y && std::fabs((q - nint(q)) / nint(q)) <
                          std::numeric_limits<double>::epsilon()) {
    r = 0;
  } else {
    volatile double tmp = y * std::trunc(q);
    r = x - tmp;
  }
  if (x != y)
    r = std::copysign(r, x);
  return r;
}

} // namespace

Args bi_mod(int, const Args &args) {
  const Value &a = *args[0], &b = *args[1];
  ClassId cls = binaryClass("mod", a, b);
  return {realBinary("mod", a, b, cls, modValue)};
}

Args bi_rem(int, const Args &args) {
  const Value &a = *args[0], &b = *args[1];
  ClassId cls = binaryClass("rem", a, b);
  return {realBinary("rem", a, b, cls, remValue)};
}

Args bi_atan2(int, const Args &args) {
  const Value &a = *args[0], &b = *args[1];
  ClassId cls = binaryClass("atan2", a, b);
  if (isIntegerClass(cls))
    badArgType("atan2");
  return {realBinary("atan2", a, b, cls,
                     [](double y, double x) { return std::atan2(y, x); })};
}

Args bi_hypot(int, const Args &args) {
  const Value &a = *args[0], &b = *args[1];
  ClassId cls = binaryClass("hypot", a, b);
  if (isIntegerClass(cls))
    badArgType("hypot");
  return {realBinary("hypot", a, b, cls,
                     [](double x, double y) { return std::hypot(x, y); })};
}

Args bi_idivide(int, const Args &args) {
  const Value &a = *args[0], &b = *args[1];
  if (!isIntegerClass(a.cls) && !isIntegerClass(b.cls))
    throwError("MATLAB:idivide:mustBeInteger",
               "At least one input argument must belong to an integer class.");
  ClassId cls = binaryClass("idivide", a, b);
  int mode = 0; // fix
  if (args.size() > 2) {
    const Value &o = *args[2];
    if (textIs(o, "fix"))
      mode = 0;
    else if (textIs(o, "round"))
      mode = 1;
    else if (textIs(o, "floor"))
      mode = 2;
    else if (textIs(o, "ceil"))
      mode = 3;
    else
      throwError("MATLAB:idivide:invalidRoundingOption",
                 "Rounding option must be 'fix', 'round', 'floor' or 'ceil'.");
  }
  return {realBinary("idivide", a, b, cls, [mode](double x, double y) {
    double q = x / y;
    switch (mode) {
    case 0:
      return std::trunc(q);
    case 1:
      return std::round(q);
    case 2:
      return std::floor(q);
    default:
      return std::ceil(q);
    }
  })};
}

// ---- bitand, bitor, bitxor, bitshift ------------------------------------------
// On integer classes the operations act on the class's bits (two's
// complement for signed classes); doubles must hold non-negative integers
// below 2^53. int64/uint64 values are taken exactly (Int64.h).

namespace {

int classWidth(ClassId c) {
  switch (c) {
  case ClassId::Int8:
  case ClassId::UInt8:
    return 8;
  case ClassId::Int16:
  case ClassId::UInt16:
    return 16;
  case ClassId::Int32:
  case ClassId::UInt32:
    return 32;
  case ClassId::Int64:
  case ClassId::UInt64:
    return 64;
  default:
    return 53;
  }
}

bool isSignedClass(ClassId c) {
  return c == ClassId::Int8 || c == ClassId::Int16 || c == ClassId::Int32 ||
         c == ClassId::Int64;
}

uint64_t widthMask(int w) { return w >= 64 ? ~0ULL : (1ULL << w) - 1; }

/// Element k of v as a bit pattern of class cls.
uint64_t bitPattern(const char *fn, const Value &v, int64_t k, ClassId cls) {
  wide_t x;
  if (isIntegerClass(v.cls) || v.cls == ClassId::Logical || v.cls == ClassId::Char) {
    x = exactAt(v, k);
  } else {
    double d = v.re[(size_t)k];
    if (!isIntegerClass(cls) &&
        !(d >= 0 && d == std::floor(d) && d < 9007199254740992.0))
      throwErrorIn(fn, "MATLAB:bitfun:doubleInputs",
                   "Double inputs must have integer values in the range of "
                   "ASSUMEDTYPE.");
    x = (wide_t)castElement(d, isIntegerClass(cls) && !is64Class(cls) ? cls
                                                                      : ClassId::Double);
  }
  return (uint64_t)x & widthMask(classWidth(cls));
}

/// The value of a bit pattern of class cls.
wide_t patternValue(uint64_t p, ClassId cls) {
  int w = classWidth(cls);
  p &= widthMask(w);
  if (isSignedClass(cls) && w < 64 && (p >> (w - 1)) & 1)
    return (wide_t)p - ((wide_t)1 << w);
  if (cls == ClassId::Int64)
    return (wide_t)(int64_t)p;
  return (wide_t)p;
}

void storePattern(Value &r, int64_t k, uint64_t p) {
  wide_t x = patternValue(p, r.cls);
  if (is64Class(r.cls))
    setExact(r, k, x);
  else
    r.re[(size_t)k] = (double)x;
}

template <class F>
Args bitBinary(const char *fn, const Args &args, F f) {
  const Value &a = *args[0], &b = *args[1];
  if (hasImag(a) || hasImag(b))
    throwErrorIn(fn, "MATLAB:bitfun:complexInputs", "Inputs must be real.");
  ClassId cls = binaryClass(fn, a, b);
  if (cls == ClassId::Single)
    throwErrorIn(fn, "MATLAB:bitfun:unsupportedClass",
                 "Single inputs are not supported.");
  Dims out = expandedDims(a.dims, b.dims);
  ValueRef r = newArray(cls, out);
  forEachBroadcast(out, a.dims, b.dims, [&](int64_t ia, int64_t ib, int64_t k) {
    storePattern(*r, k, f(bitPattern(fn, a, ia, cls), bitPattern(fn, b, ib, cls)));
  });
  return {r};
}

} // namespace

Args bi_bitand(int, const Args &args) {
  return bitBinary("bitand", args, [](uint64_t x, uint64_t y) { return x & y; });
}
Args bi_bitor(int, const Args &args) {
  return bitBinary("bitor", args, [](uint64_t x, uint64_t y) { return x | y; });
}
Args bi_bitxor(int, const Args &args) {
  return bitBinary("bitxor", args, [](uint64_t x, uint64_t y) { return x ^ y; });
}

namespace {
/// The bit positions of bitget/bitset (1 = least significant), checked
/// against the class's width.
int64_t bitPosition(const char *fn, double b, ClassId cls) {
  if (!(b >= 1) || b != std::floor(b) || b > classWidth(cls))
    throwErrorIn(fn, "MATLAB:bitfun:BitOutOfRange",
                 "Bit position must be an integer between 1 and %d.", classWidth(cls));
  return (int64_t)b;
}
} // namespace

Args bi_bitget(int, const Args &args) {
  const Value &a = *args[0], &n = *args[1];
  ClassId cls = isIntegerClass(a.cls) ? a.cls : ClassId::Double;
  Dims out = expandedDims(a.dims, n.dims);
  ValueRef r = newArray(cls, out);
  forEachBroadcast(out, a.dims, n.dims, [&](int64_t ia, int64_t in, int64_t k) {
    int64_t b = bitPosition("bitget", n.re[(size_t)in], cls);
    r->re[(size_t)k] = (double)((bitPattern("bitget", a, ia, cls) >> (b - 1)) & 1);
  });
  return {r};
}

Args bi_bitset(int, const Args &args) {
  const Value &a = *args[0], &n = *args[1];
  ClassId cls = isIntegerClass(a.cls) ? a.cls : ClassId::Double;
  const Value *v = args.size() > 2 ? args[2].get() : nullptr;
  Dims out = expandedDims(a.dims, n.dims);
  ValueRef r = newArray(cls, out);
  forEachBroadcast(out, a.dims, n.dims, [&](int64_t ia, int64_t in, int64_t k) {
    int64_t b = bitPosition("bitset", n.re[(size_t)in], cls);
    bool on = !v || v->re[v->numel() == 1 ? 0 : (size_t)k] != 0;
    uint64_t p = bitPattern("bitset", a, ia, cls), m = 1ULL << (b - 1);
    storePattern(*r, k, on ? (p | m) : (p & ~m));
  });
  return {r};
}

Args bi_bitshift(int, const Args &args) {
  const Value &a = *args[0], &n = *args[1];
  if (hasImag(a) || hasImag(n))
    throwErrorIn("bitshift", "MATLAB:bitfun:complexInputs", "Inputs must be real.");
  ClassId cls = isIntegerClass(a.cls) ? a.cls : ClassId::Double;
  if (a.cls == ClassId::Single)
    throwErrorIn("bitshift", "MATLAB:bitfun:unsupportedClass",
                 "Single inputs are not supported.");
  Dims out = expandedDims(a.dims, n.dims);
  ValueRef r = newArray(cls, out);
  int w = classWidth(cls);
  forEachBroadcast(out, a.dims, n.dims, [&](int64_t ia, int64_t in, int64_t k) {
    double s = n.re[(size_t)in];
    if (s != std::floor(s) || std::isnan(s))
      throwErrorIn("bitshift", "MATLAB:bitshift:ShiftMustBeInteger",
                   "Shift amount must be an integer.");
    uint64_t p = bitPattern("bitshift", a, ia, cls);
    if (s >= w || s <= -64) {
      // Everything shifted out (a negative signed value keeps its sign).
      bool neg = s < 0 && isSignedClass(cls) && patternValue(p, cls) < 0;
      storePattern(*r, k, neg ? ~0ULL : 0);
    } else if (s >= 0) {
      storePattern(*r, k, (p << (int)s) & widthMask(w));
    } else {
      wide_t v = patternValue(p, cls); // arithmetic right shift
      storePattern(*r, k, (uint64_t)(v >> (int)-s));
    }
  });
  return {r};
}

// ---- operators as functions (plus(a,b), @times, ...)
// ------------------------------

#define RM_BINARY_OPERATOR(FN, OP)                                             \
  Args FN(int, const Args &args) { return {binaryOp(OP, *args[0], *args[1])}; }
RM_BINARY_OPERATOR(bi_plus, RM_OP_PLUS)
RM_BINARY_OPERATOR(bi_minus, RM_OP_MINUS)
RM_BINARY_OPERATOR(bi_times, RM_OP_TIMES)
RM_BINARY_OPERATOR(bi_rdivide, RM_OP_RDIVIDE)
RM_BINARY_OPERATOR(bi_ldivide, RM_OP_LDIVIDE)
RM_BINARY_OPERATOR(bi_power, RM_OP_POWER)
RM_BINARY_OPERATOR(bi_mtimes, RM_OP_MTIMES)
RM_BINARY_OPERATOR(bi_mrdivide, RM_OP_MRDIVIDE)
RM_BINARY_OPERATOR(bi_mldivide, RM_OP_MLDIVIDE)
RM_BINARY_OPERATOR(bi_mpower, RM_OP_MPOWER)
RM_BINARY_OPERATOR(bi_eq, RM_OP_EQ)
RM_BINARY_OPERATOR(bi_ne, RM_OP_NE)
RM_BINARY_OPERATOR(bi_lt, RM_OP_LT)
RM_BINARY_OPERATOR(bi_le, RM_OP_LE)
RM_BINARY_OPERATOR(bi_gt, RM_OP_GT)
RM_BINARY_OPERATOR(bi_ge, RM_OP_GE)
RM_BINARY_OPERATOR(bi_and, RM_OP_AND)
RM_BINARY_OPERATOR(bi_or, RM_OP_OR)
#undef RM_BINARY_OPERATOR

Args bi_uminus(int, const Args &args) { return {unaryOp(RM_OP_NEG, *args[0])}; }
Args bi_uplus(int, const Args &args) {
  return {unaryOp(RM_OP_UPLUS, *args[0])};
}
Args bi_not(int, const Args &args) { return {unaryOp(RM_OP_NOT, *args[0])}; }
Args bi_transpose(int, const Args &args) {
  return {unaryOp(RM_OP_TRANSPOSE, *args[0])};
}
Args bi_ctranspose(int, const Args &args) {
  return {unaryOp(RM_OP_CTRANSPOSE, *args[0])};
}

Args bi_xor(int, const Args &args) {
  const Value &a = *args[0], &b = *args[1];
  for (const Value *v : {&a, &b}) {
    if (!isArithmetic(*v))
      undefinedForType("xor", *v);
    for (double x : v->re)
      if (std::isnan(x))
        throwError("MATLAB:nologicalnan",
                   "NaN's cannot be converted to logicals.");
  }
  Dims out = expandedDims(a.dims, b.dims);
  ValueRef r = newArray(ClassId::Logical, out);
  double *o = r->re.data();
  forEachBroadcast(out, a.dims, b.dims, [&](int64_t ia, int64_t ib, int64_t k) {
    bool x = a.re[(size_t)ia] != 0 || imagAt(a, ia) != 0;
    bool y = b.re[(size_t)ib] != 0 || imagAt(b, ib) != 0;
    o[k] = x != y ? 1.0 : 0.0;
  });
  return {r};
}

} // namespace runmat::rt
