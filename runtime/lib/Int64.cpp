//===- Int64.cpp - Exact int64 and uint64 values --------------------------===//
//
// See runmat/rt/Int64.h: the exact side of int64/uint64 values beyond 2^53,
// and the builtins that take them.
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/Int64.h"
#include "runmat/rt/Error.h"
#include "runmat/rt/Ops.h"
#include "runmat/rt/abi.h"

#include "builtins/ArraySupport.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace runmat::rt {

namespace {

constexpr wide_t kInt64Min = -(wide_t)9223372036854775807LL - 1;
constexpr wide_t kInt64Max = (wide_t)9223372036854775807LL;
constexpr wide_t kUInt64Max = (wide_t)18446744073709551615ULL;

wide_t lowOf(ClassId c) { return c == ClassId::Int64 ? kInt64Min : 0; }
wide_t highOf(ClassId c) { return c == ClassId::Int64 ? kInt64Max : kUInt64Max; }

inline bool beyondDouble(wide_t x) {
  constexpr wide_t limit = (wide_t)kExactIntegerLimit;
  return x > limit || x < -limit;
}

/// The int64 bit pattern of a value in int64's or uint64's range.
inline int64_t bitsOf(wide_t x) { return (int64_t)(uint64_t)x; }

constexpr wide_t kHuge = (wide_t)1 << 100; // saturates every class

/// A long double rounded half away and brought into wide_t range (NaN is
/// 0): beyond 2^100 only the sign matters for every class.
wide_t fromLong(long double x) {
  if (std::isnan(x))
    return 0;
  if (x >= 1e30L)
    return kHuge;
  if (x <= -1e30L)
    return -kHuge;
  return (wide_t)std::roundl(x);
}

} // namespace

bool anyWide(const Args &args) {
  for (const ValueRef &a : args)
    if (a && isWide(*a))
      return true;
  return false;
}

wide_t exactAt(const Value &v, int64_t k) {
  if (isWide(v))
    return v.cls == ClassId::UInt64 ? (wide_t)(uint64_t)v.ix[(size_t)k]
                                    : (wide_t)v.ix[(size_t)k];
  return (wide_t)v.re[(size_t)k]; // an integer up to 2^53
}

long double exactLong(const Value &v, int64_t k) {
  return isFloatClass(v.cls) ? (long double)v.re[(size_t)k]
                             : (long double)exactAt(v, k);
}

void setExact(Value &v, int64_t k, wide_t x) {
  x = std::clamp(x, lowOf(v.cls), highOf(v.cls));
  v.re[(size_t)k] = (double)x;
  if (beyondDouble(x) && v.ix.empty()) {
    v.ix.resize(v.re.size());
    for (size_t i = 0; i < v.re.size(); ++i)
      v.ix[i] = (int64_t)v.re[i]; // all exact so far
  }
  if (!v.ix.empty())
    v.ix[(size_t)k] = bitsOf(x);
}

void settleWide(Value &v) {
  if (v.ix.empty())
    return;
  for (size_t i = 0; i < v.ix.size(); ++i)
    if (std::fabs(v.re[i]) > kExactIntegerLimit)
      return;
  v.ix.clear();
  v.ix.shrink_to_fit();
}

std::string wideText(wide_t x) {
  if (x == 0)
    return "0";
  bool neg = x < 0;
  unsigned __int128 u = neg ? (unsigned __int128)(-(x + 1)) + 1 : (unsigned __int128)x;
  std::string s;
  while (u) {
    s.push_back((char)('0' + (int)(u % 10)));
    u /= 10;
  }
  if (neg)
    s.push_back('-');
  std::reverse(s.begin(), s.end());
  return s;
}

std::string exactIntText(const Value &v, int64_t k) {
  return wideText(exactAt(v, k));
}

ValueRef convertTo64(const Value &v, ClassId c) {
  if (v.cls == c)
    return ValueRef::borrow(const_cast<Value *>(&v));
  bool data = isNumericClass(v.cls) || v.cls == ClassId::Logical ||
              v.cls == ClassId::Char;
  if (!data)
    throwError("MATLAB:invalidConversion",
               "Conversion to %s from %s is not possible.", className(c),
               className(v.cls));
  ValueRef r = makeArray(c, v.dims);
  bool fromFloat = isFloatClass(v.cls);
  int64_t n = v.numel();
  for (int64_t k = 0; k < n; ++k)
    setExact(*r, k, fromFloat ? fromLong(v.re[(size_t)k]) : exactAt(v, k));
  if (v.complex) {
    r->complex = true;
    r->im.assign(r->re.size(), 0.0);
    for (int64_t k = 0; k < n; ++k) {
      wide_t y = std::clamp(fromFloat ? fromLong(v.im[(size_t)k]) : 0, lowOf(c), highOf(c));
      if (beyondDouble(y))
        throwError("RunMat:int64Range",
                   "Complex int64 and uint64 values beyond 2^53 "
                   "(9007199254740992) are not supported.");
      r->im[(size_t)k] = (double)y;
    }
    narrowComplex(*r);
  }
  return r;
}

ValueRef toBits(const Value &v) {
  ValueRef r = makeArray(v.cls, v.dims);
  int64_t n = v.numel();
  for (int64_t k = 0; k < n; ++k) {
    int64_t bits = bitsOf(exactAt(v, k));
    std::memcpy(&r->re[(size_t)k], &bits, sizeof bits);
  }
  return r;
}

void fromBits(Value &v) {
  size_t n = v.re.size();
  v.ix.assign(n, 0);
  for (size_t k = 0; k < n; ++k) {
    std::memcpy(&v.ix[k], &v.re[k], sizeof(int64_t));
    v.re[k] = v.cls == ClassId::UInt64 ? (double)(uint64_t)v.ix[k]
                                       : (double)v.ix[k];
  }
  settleWide(v);
}

// ---- arithmetic and comparisons -----------------------------------------------

namespace {

using support::expandedDims;
using support::forEachBroadcast;

/// One operand element: exact when it is an integer (integer, logical and
/// char classes, integral finite floats), else its long double value.
struct Num {
  bool exact;
  wide_t i;
  long double f;
};

Num numAt(const Value &v, int64_t k) {
  if (!isFloatClass(v.cls)) {
    wide_t i = exactAt(v, k);
    return {true, i, (long double)i};
  }
  double x = v.re[(size_t)k];
  if (std::isfinite(x) && x == std::trunc(x)) {
    // Beyond 2^70 only the sign matters for every operation below.
    double c = std::clamp(x, -1.1805916207174113e21, 1.1805916207174113e21);
    return {true, (wide_t)c, (long double)x};
  }
  return {false, 0, (long double)x};
}

wide_t satMul(wide_t a, wide_t b) {
  wide_t r;
  if (__builtin_mul_overflow(a, b, &r) || r > kHuge || r < -kHuge)
    return ((a < 0) != (b < 0)) ? -kHuge : kHuge;
  return r;
}

/// a / b rounded half away from zero; x/0 saturates by sign, 0/0 is 0.
wide_t divRound(wide_t a, wide_t b) {
  if (b == 0)
    return a > 0 ? kHuge : (a < 0 ? -kHuge : 0);
  wide_t q = a / b, r = a % b;
  wide_t ar = r < 0 ? -r : r, ab = b < 0 ? -b : b;
  if (2 * ar >= ab)
    q += ((a < 0) != (b < 0)) ? -1 : 1;
  return q;
}

wide_t powExact(wide_t base, wide_t e) {
  wide_t r = 1;
  while (e > 0) {
    if (e & 1)
      r = satMul(r, base);
    e >>= 1;
    if (e)
      base = satMul(base, base);
  }
  return r;
}

wide_t arithElement(int op, const Num &x, const Num &y) {
  if (x.exact && y.exact) {
    switch (op) {
    case RM_OP_PLUS:
      return x.i + y.i;
    case RM_OP_MINUS:
      return x.i - y.i;
    case RM_OP_TIMES:
      return satMul(x.i, y.i);
    case RM_OP_RDIVIDE:
      return divRound(x.i, y.i);
    case RM_OP_LDIVIDE:
      return divRound(y.i, x.i);
    default: // power
      if (y.i >= 0)
        return powExact(x.i, y.i);
      break;
    }
  }
  switch (op) {
  case RM_OP_PLUS:
    return fromLong(x.f + y.f);
  case RM_OP_MINUS:
    return fromLong(x.f - y.f);
  case RM_OP_TIMES:
    return fromLong(x.f * y.f);
  case RM_OP_RDIVIDE:
    return fromLong(x.f / y.f);
  case RM_OP_LDIVIDE:
    return fromLong(y.f / x.f);
  default:
    return fromLong(std::pow(x.f, y.f));
  }
}

} // namespace

ValueRef arith64(int op, ClassId rc, const Value &a, const Value &b) {
  Dims out = expandedDims(a.dims, b.dims);
  ValueRef r = makeArray(rc, out);
  forEachBroadcast(out, a.dims, b.dims, [&](int64_t ia, int64_t ib, int64_t k) {
    setExact(*r, k, arithElement(op, numAt(a, ia), numAt(b, ib)));
  });
  return r;
}

ValueRef compare64(int op, const Value &a, const Value &b) {
  Dims out = expandedDims(a.dims, b.dims);
  ValueRef r = makeArray(ClassId::Logical, out);
  forEachBroadcast(out, a.dims, b.dims, [&](int64_t ia, int64_t ib, int64_t k) {
    r->re[(size_t)k] = compareScalars(op, exactLong(a, ia), exactLong(b, ib)) ? 1.0 : 0.0;
  });
  return r;
}

ValueRef negate64(const Value &a) {
  ValueRef r = makeArray(a.cls, a.dims);
  int64_t n = a.numel();
  for (int64_t k = 0; k < n; ++k)
    setExact(*r, k, -exactAt(a, k));
  return r;
}

// ---- builtins -------------------------------------------------------------------

namespace {

/// Builtins that take wide values as they are: their results are right from
/// the nearest doubles (they look at sizes and classes only, test elements
/// for zero, NaN or Inf, or convert to double or to classes the wide values
/// saturate), or they read the exact values themselves (conversions to
/// int64/uint64, display and text formatting, isequal, the bit functions).
const char *const kTakeWide[] = {
    "size",     "numel",     "length",    "ndims",    "isempty",
    "isscalar", "isvector",  "ismatrix",  "isrow",    "iscolumn",
    "isnumeric", "isinteger", "isfloat",  "isreal",   "islogical",
    "ischar",   "iscell",    "isstruct",  "isa",      "class",
    "any",      "all",       "nnz",       "isnan",    "isinf",
    "isfinite", "logical",   "double",    "single",   "char",
    "int8",     "uint8",     "int16",     "uint16",   "int32",
    "uint32",   "int64",     "uint64",    "disp",     "display",
    "num2str",  "int2str",   "mat2str",   "sprintf",  "fprintf",
    "isequal",  "isequaln",  "iscellstr", "isfield",  "error",
    "warning",  "assert",    "cell",      "struct",   "num2cell",
    "isspace",  "isdigit",   "isletter",  "sign",     "bitand",
    "bitor",    "bitxor",    "bitshift",
};

/// Builtins that only move elements: run on bits. The data arguments are
/// all of them, or all after the first (cat), or the first.
enum class Moves { None, First, AllButFirst, All };

Moves movesOf(const std::string &n) {
  if (n == "horzcat" || n == "vertcat")
    return Moves::All;
  if (n == "cat")
    return Moves::AllButFirst;
  static const char *const kFirst[] = {
      "reshape", "repmat", "permute", "ipermute", "squeeze", "fliplr",
      "flipud",  "flip",   "circshift", "rot90", "transpose", "ctranspose",
      "diag",    "tril",   "triu"};
  for (const char *f : kFirst)
    if (n == f)
      return Moves::First;
  return Moves::None;
}

[[noreturn]] void unsupportedWide(const char *fn) {
  throwErrorIn(fn, "RunMat:int64Range",
               "%s does not support int64 or uint64 values beyond 2^53 "
               "(9007199254740992) yet.",
               fn);
}

/// Runs a moving builtin on bits: every int64/uint64 data argument (and
/// every other numeric one, converted to the wide class first) as bits.
Args onBits(const BuiltinInfo &b, int nargout, const Args &args, Moves m) {
  ClassId wc = ClassId::Int64;
  for (const ValueRef &a : args)
    if (a && isWide(*a))
      wc = a->cls;
  Args in = args;
  for (size_t k = 0; k < in.size(); ++k) {
    bool data = m == Moves::All || (m == Moves::First && k == 0) ||
                (m == Moves::AllButFirst && k > 0);
    if (!data)
      continue;
    const Value &v = *in[k];
    if (v.cls == wc) {
      in[k] = toBits(v);
    } else if (isFloatClass(v.cls) || v.cls == ClassId::Logical ||
               v.cls == ClassId::Char) {
      in[k] = toBits(*convertTo64(v, wc));
    } else if (isIntegerClass(v.cls)) {
      throwErrorIn(b.name, "MATLAB:concatenation:integerInteraction",
                   "Concatenation of different integer classes is not "
                   "supported with int64 or uint64 values beyond 2^53.");
    }
  }
  Args out = b.fn(nargout, in);
  for (ValueRef &o : out)
    if (o && o->cls == wc) {
      makeUnique(o);
      fromBits(*o);
    }
  return out;
}

/// abs, exactly.
Args wideAbs(const Args &args) {
  const Value &v = *args[0];
  ValueRef r = makeArray(v.cls, v.dims);
  for (int64_t k = 0; k < v.numel(); ++k) {
    wide_t x = exactAt(v, k);
    setExact(*r, k, x < 0 ? -x : x);
  }
  return {r};
}

/// The dims of a reduction of `dims` along `dim` to `len` (1, or 0 for an
/// empty extreme).
Dims reducedDims(const Dims &dims, int64_t dim, int64_t len) {
  Dims od = dims;
  if (dim < (int64_t)od.size())
    od[(size_t)dim] = len;
  normalizeDims(od);
  return od;
}

/// The dimension a reduction works along: the argument at `at`, or the
/// first non-singleton one.
int64_t reductionDim(const Value &v, const Args &args, size_t at) {
  if (args.size() > at)
    return support::dimArg(*args[at]);
  return support::firstNonSingleton(v.dims);
}

/// sum(x), sum(x, dim), sum(x, 'all') of int64/uint64, exactly: the sum
/// saturates once, at the end, as in MATLAB's native integer sums.
Args wideSum(const Args &args) {
  const Value &v = *args[0];
  if (!is64Class(v.cls) || v.complex)
    unsupportedWide("sum");
  bool all = args.size() > 1 && support::isText(*args[1]) &&
             support::textIs(*args[1], "all");
  for (size_t k = all ? 2 : 1; k < args.size(); ++k)
    if (support::isText(*args[k]) &&
        !(support::textIs(*args[k], "native") ||
          support::textIs(*args[k], "default")))
      unsupportedWide("sum");
  if (all) {
    wide_t t = 0;
    for (int64_t k = 0; k < v.numel(); ++k)
      t += exactAt(v, k);
    ValueRef r = makeArray(v.cls, {1, 1});
    setExact(*r, 0, t);
    return {r};
  }
  bool hasDim = args.size() > 1 && !support::isText(*args[1]);
  int64_t dim = reductionDim(v, args, hasDim ? 1 : args.size());
  if (!hasDim && v.dims == Dims{0, 0}) {
    ValueRef r = makeArray(v.cls, {1, 1});
    return {r};
  }
  support::DimSplit sp = support::splitAt(v.dims, dim);
  ValueRef r = makeArray(v.cls, reducedDims(v.dims, dim, 1));
  for (int64_t a = 0; a < sp.after; ++a)
    for (int64_t b = 0; b < sp.before; ++b) {
      wide_t t = 0;
      for (int64_t i = 0; i < sp.len; ++i)
        t += exactAt(v, (a * sp.len + i) * sp.before + b);
      setExact(*r, a * sp.before + b, t);
    }
  return {r};
}

/// max/min: (x), (x, [], dim) with the index output, and (a, b).
Args wideExtreme(const char *fn, int nargout, const Args &args, bool isMax) {
  auto better = [&](long double x, long double y) { return isMax ? x > y : x < y; };
  if (args.size() == 2 || (args.size() > 2 && !args[1]->isEmpty())) {
    const Value &a = *args[0], &b = *args[1];
    if (args.size() > 2)
      unsupportedWide(fn);
    ClassId rc = is64Class(a.cls) ? a.cls : b.cls;
    if ((isIntegerClass(a.cls) && a.cls != rc) || (isIntegerClass(b.cls) && b.cls != rc) ||
        a.complex || b.complex)
      unsupportedWide(fn);
    Dims out = expandedDims(a.dims, b.dims);
    ValueRef r = makeArray(rc, out);
    forEachBroadcast(out, a.dims, b.dims, [&](int64_t ia, int64_t ib, int64_t k) {
      Num x = numAt(a, ia), y = numAt(b, ib);
      // NaN (a double operand) loses; the result converts to the class.
      const Num &w = std::isnan(x.f) ? y : std::isnan(y.f) ? x : better(y.f, x.f) ? y : x;
      setExact(*r, k, w.exact ? w.i : fromLong(w.f));
    });
    return {r};
  }
  const Value &v = *args[0];
  if (!is64Class(v.cls) || v.complex || args.size() > 3)
    unsupportedWide(fn);
  int64_t dim = reductionDim(v, args, 2);
  support::DimSplit sp = support::splitAt(v.dims, dim);
  Dims od = reducedDims(v.dims, dim, sp.len == 0 ? 0 : 1);
  ValueRef r = makeArray(v.cls, od), idx = makeArray(ClassId::Double, od);
  if (sp.len > 0)
    for (int64_t a = 0; a < sp.after; ++a)
      for (int64_t b = 0; b < sp.before; ++b) {
        int64_t best = 0;
        wide_t bv = exactAt(v, a * sp.len * sp.before + b);
        for (int64_t i = 1; i < sp.len; ++i) {
          wide_t x = exactAt(v, (a * sp.len + i) * sp.before + b);
          if (isMax ? x > bv : x < bv) {
            bv = x;
            best = i;
          }
        }
        setExact(*r, a * sp.before + b, bv);
        idx->re[(size_t)(a * sp.before + b)] = (double)(best + 1);
      }
  if (nargout > 1)
    return {r, idx};
  return {r};
}

/// mod, rem and idivide (fix, round, floor, ceil) of an int64/uint64 pair.
Args wideDivision(const char *fn, const Args &args) {
  const Value &a = *args[0], &b = *args[1];
  ClassId rc = is64Class(a.cls) ? a.cls : b.cls;
  if ((isIntegerClass(a.cls) && a.cls != rc) || (isIntegerClass(b.cls) && b.cls != rc) ||
      a.complex || b.complex)
    unsupportedWide(fn);
  std::string mode = "fix";
  if (args.size() > 2)
    mode = support::textOf(*args[2]);
  Dims out = expandedDims(a.dims, b.dims);
  ValueRef r = makeArray(rc, out);
  bool isMod = std::strcmp(fn, "mod") == 0, isRem = std::strcmp(fn, "rem") == 0;
  forEachBroadcast(out, a.dims, b.dims, [&](int64_t ia, int64_t ib, int64_t k) {
    Num x = numAt(a, ia), y = numAt(b, ib);
    // A fractional double operand converts to the class first.
    if (!x.exact)
      x.i = fromLong(x.f);
    if (!y.exact)
      y.i = fromLong(y.f);
    wide_t res;
    if (isMod || isRem) {
      if (y.i == 0) {
        res = x.i; // mod(x, 0) = x, rem(x, 0) = x for integers
      } else {
        res = x.i % y.i;
        if (isMod && res != 0 && ((res < 0) != (y.i < 0)))
          res += y.i;
      }
    } else if (y.i == 0) {
      res = x.i > 0 ? kHuge : (x.i < 0 ? -kHuge : 0);
    } else {
      wide_t q = x.i / y.i, rm = x.i % y.i;
      bool neg = (x.i < 0) != (y.i < 0);
      if (rm != 0) {
        if (mode == "round")
          q = divRound(x.i, y.i);
        else if (mode == "floor" && neg)
          q -= 1;
        else if (mode == "ceil" && !neg)
          q += 1;
      }
      res = q;
    }
    setExact(*r, k, res);
  });
  return {r};
}

} // namespace

bool wideBuiltin(const BuiltinInfo &b, int nargout, const Args &args,
                 Args &out) {
  std::string n = b.name;
  bool wide = anyWide(args);
  // Sums of int64/uint64 can leave 2^53 without a wide input.
  bool any64 = false;
  for (const ValueRef &a : args)
    any64 = any64 || (a && is64Class(a->cls));
  if (!wide && !(any64 && (n == "sum" || n == "idivide" || n == "mod" || n == "rem")))
    return false;
  for (const char *f : kTakeWide)
    if (n == f)
      return false;
  if (Moves m = movesOf(n); m != Moves::None) {
    out = onBits(b, nargout, args, m);
    return true;
  }
  if (n == "abs")
    out = wideAbs(args);
  else if (n == "sum")
    out = wideSum(args);
  else if (n == "max" || n == "min")
    out = wideExtreme(b.name, nargout, args, n == "max");
  else if (n == "mod" || n == "rem" || n == "idivide")
    out = wideDivision(b.name, args);
  else
    unsupportedWide(b.name);
  return true;
}

} // namespace runmat::rt
