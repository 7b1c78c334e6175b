//===- Extra.cpp - Assorted MATLAB builtins -------------------------------===//
//
// i j assert, array utilities (blkdiag cummax cummin repelem shiftdim
// mat2cell toeplitz full issparse cast), numeric helpers (nextpow2 pow2 sinc
// gradient), statistics (cov corrcoef prctile nanmean nansum nanmax nanmin),
// legacy text functions (isstr strvcat findstr strmatch sscanf), lasterr, and
// environment queries (clock cputime now version computer ispc isunix ismac
// filesep pathsep fullfile fileparts pwd). Table rows: Extra.def.
//
//===----------------------------------------------------------------------===//
#include "ArraySupport.h"
#include "runmat/rt/Format.h"
#include "runmat/rt/Ops.h"
#include "runmat/rt/abi_ext.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cmath>
#include <complex>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

namespace runmat::rt {

using namespace support;
using cplx = std::complex<double>;

namespace {

// ---- shared helpers ---------------------------------------------------------

/// Slots of `cells` per element (struct arrays keep one per field).
size_t slotsOf(const Value &v) {
  return v.cls == ClassId::Struct ? v.fields.size() : 1;
}

/// A new array of a's class (and complexity, and struct fields) of dims d.
ValueRef newLike(const char *fn, const Value &a, const Dims &d) {
  if (a.cls == ClassId::FunctionHandle)
    undefinedForType(fn, a);
  ValueRef r = newArray(a.cls, d, hasImag(a));
  if (a.cls == ClassId::Struct) {
    r->fields = a.fields;
    r->cells.assign((size_t)r->numel() * a.fields.size(), ValueRef());
  }
  return r;
}

/// Copies element si of s into element di of d (same class).
void copyElem(const Value &s, int64_t si, Value &d, int64_t di) {
  if (s.cls == ClassId::Cell) {
    d.cells[(size_t)di] = s.cells[(size_t)si];
  } else if (s.cls == ClassId::Struct) {
    size_t nf = s.fields.size();
    for (size_t f = 0; f < nf; ++f)
      d.cells[(size_t)di * nf + f] = s.cells[(size_t)si * nf + f];
  } else {
    d.re[(size_t)di] = s.re[(size_t)si];
    if (d.complex)
      d.im[(size_t)di] = imagAt(s, si);
  }
}

/// A char row vector holding the code units `u`.
ValueRef charRow(const std::vector<double> &u) {
  ValueRef r = makeArray(ClassId::Char, Dims{1, (int64_t)u.size()});
  r->re = u;
  return r;
}

/// Text of a char row vector (or empty char) as UTF-8; errors otherwise.
std::string textArg(const char *fn, const Value &v, const char *what) {
  if (!isText(v))
    throwErrorIn(fn, "MATLAB:invalidType",
                 "%s must be a character vector.", what);
  return unitsToUtf8(v.re.data(), v.re.size());
}

/// True for a real numeric or logical value.
bool isRealNumeric(const Value &v) {
  return (isNumericClass(v.cls) || v.cls == ClassId::Logical) && !hasImag(v);
}

/// Class of a floating-point result (double or single); integers, cells and
/// the rest are an error.
ClassId floatOnly(const char *fn, const Value &v) {
  if (!isArithmetic(v))
    undefinedForType(fn, v);
  if (isIntegerClass(v.cls))
    badArgType(fn);
  return v.cls == ClassId::Single ? ClassId::Single : ClassId::Double;
}

void finishClass(Value &r) {
  if (r.cls != ClassId::Double) {
    castData(r.re, r.cls);
    if (r.complex)
      castData(r.im, r.cls);
  }
  dropZeroImag(r);
}

/// A nonnegative integer-valued count (replication factor, block size).
int64_t countOf(double x, const char *id, const char *msg) {
  if (!(x >= 0) || x != std::floor(x) || x > 9.0e15)
    throwError(id, "%s", msg);
  return (int64_t)x;
}

ValueRef reshaped(const Value &v, Dims d) {
  normalizeDims(d);
  ValueRef r = copyValue(v);
  r->dims = d;
  return r;
}

} // namespace

// ---- i, j -------------------------------------------------------------------

static ValueRef imaginaryUnit() {
  ValueRef r = makeDouble(0.0);
  r->complex = true;
  r->im.assign(1, 1.0);
  return r;
}

Args bi_i(int, const Args &) { return {imaginaryUnit()}; }
Args bi_j(int, const Args &) { return {imaginaryUnit()}; }

// ---- assert -------------------------------------------------------------------

namespace {


std::string messageArg(const Value &v) {
  if (v.cls != ClassId::Char)
    throwErrorIn("assert", "MATLAB:assertion:invalidInput",
                 "The message must be a character vector.");
  return unitsToUtf8(v.re.data(), v.re.size());
}

} // namespace

Args bi_assert(int, const Args &args) {
  const Value &c = *args[0];
  if (!(isNumericClass(c.cls) || c.cls == ClassId::Logical) ||
      c.numel() != 1 || hasImag(c))
    throwErrorIn("assert", "MATLAB:assertion:LogicalScalar",
                 "The condition input argument must be a scalar logical.");
  if (std::isnan(c.re[0]))
    throwErrorIn("assert", "MATLAB:nologicalnan",
                 "NaN's cannot be converted to logicals.");
  if (c.re[0] != 0)
    return {};
  if (args.size() == 1)
    throw MatlabError("MATLAB:assertion:failed", "Assertion failed.",
                      "assert");
  std::string first = messageArg(*args[1]);
  std::string id, msg;
  if (args.size() == 2) {
    msg = first; // one message argument: the text as is, as error(msg)
  } else {
    size_t data = 2;
    std::string fmt = first;
    if (isMessageIdentifier(first)) {
      id = first;
      fmt = messageArg(*args[2]);
      data = 3;
    }
    std::vector<const Value *> vals;
    for (size_t k = data; k < args.size(); ++k)
      vals.push_back(args[k].get());
    msg = formatPrintf(fmt, vals);
  }
  if (msg.empty())
    msg = "Assertion failed.";
  throw MatlabError(id, msg, "assert");
}

// ---- blkdiag ------------------------------------------------------------------

Args bi_blkdiag(int, const Args &args) {
  ClassId cls = ClassId::Double;
  bool cplxOut = false, anyInt = false, anySingle = false;
  int64_t rows = 0, cols = 0;
  for (const ValueRef &a : args) {
    if (!isNumericClass(a->cls) && a->cls != ClassId::Logical)
      undefinedForType("blkdiag", *a);
    if (a->dims.size() > 2)
      throwError("MATLAB:blkdiag:inputMustBe2D", "Inputs must be 2-D.");
    if (isIntegerClass(a->cls)) {
      if (anyInt && a->cls != cls)
        throwError("MATLAB:mixedIntegerClasses",
                   "Integers can only be combined with integers of the same "
                   "class, or scalar doubles.");
      anyInt = true;
      cls = a->cls;
    }
    anySingle |= a->cls == ClassId::Single;
    cplxOut |= hasImag(*a);
    rows += a->dims[0];
    cols += a->dims[1];
  }
  if (!anyInt && anySingle)
    cls = ClassId::Single;
  ValueRef r = newArray(cls, Dims{rows, cols}, cplxOut);
  int64_t r0 = 0, c0 = 0;
  for (const ValueRef &a : args) {
    int64_t m = a->dims[0], n = a->dims[1];
    for (int64_t jj = 0; jj < n; ++jj)
      for (int64_t ii = 0; ii < m; ++ii) {
        int64_t src = ii + jj * m, dst = (r0 + ii) + (c0 + jj) * rows;
        r->re[(size_t)dst] = a->re[(size_t)src];
        if (cplxOut)
          r->im[(size_t)dst] = imagAt(*a, src);
      }
    r0 += m;
    c0 += n;
  }
  finishClass(*r);
  return {r};
}

// ---- cummax, cummin -------------------------------------------------------------

namespace {

bool beatsCum(double xr, double xi, double br, double bi, bool cplxData,
              bool isMax) {
  if (!cplxData)
    return isMax ? xr > br : xr < br;
  double ax = std::hypot(xr, xi), ab = std::hypot(br, bi);
  if (ax != ab)
    return isMax ? ax > ab : ax < ab;
  double px = std::atan2(xi, xr), pb = std::atan2(bi, br);
  return isMax ? px > pb : px < pb;
}

Args cumExtremum(const char *fn, const Args &args, bool isMax) {
  const Value &v = *args[0];
  if (!isNumericClass(v.cls) && v.cls != ClassId::Logical)
    undefinedForType(fn, v);
  int64_t dim = firstNonSingleton(v.dims);
  bool reverse = false, omitNan = true;
  for (size_t i = 1; i < args.size(); ++i) {
    const Value &a = *args[i];
    if (a.cls == ClassId::Char) {
      if (textIs(a, "reverse"))
        reverse = true;
      else if (textIs(a, "forward"))
        reverse = false;
      else if (textIs(a, "omitnan") || textIs(a, "omitmissing"))
        omitNan = true;
      else if (textIs(a, "includenan") || textIs(a, "includemissing"))
        omitNan = false;
      else
        throwError("MATLAB:cummax:unknownOption",
                   "Invalid option '%s'. Options must be 'forward', "
                   "'reverse', 'omitnan' or 'includenan'.",
                   textOf(a).c_str());
    } else if (i == 1) {
      dim = dimArg(a);
    } else {
      throwError("MATLAB:cummax:unknownOption",
                 "Invalid option. Options must be character vectors.");
    }
  }
  bool cp = hasImag(v);
  ValueRef r = newArray(v.cls, v.dims, cp);
  DimSplit s = splitAt(v.dims, dim);
  for (int64_t j = 0; j < s.after; ++j)
    for (int64_t i = 0; i < s.before; ++i) {
      bool have = false, nanSeen = false;
      double br = 0, bi = 0;
      for (int64_t kk = 0; kk < s.len; ++kk) {
        int64_t k = reverse ? s.len - 1 - kk : kk;
        int64_t at = (j * s.len + k) * s.before + i;
        double xr = v.re[(size_t)at], xi = imagAt(v, at);
        bool isNan = std::isnan(xr) || std::isnan(xi);
        if (isNan && !omitNan)
          nanSeen = true;
        if (!isNan && !nanSeen &&
            (!have || beatsCum(xr, xi, br, bi, cp, isMax))) {
          br = xr;
          bi = xi;
          have = true;
        }
        if (nanSeen || !have) {
          r->re[(size_t)at] = NAN;
          if (cp)
            r->im[(size_t)at] = 0;
        } else {
          r->re[(size_t)at] = br;
          if (cp)
            r->im[(size_t)at] = bi;
        }
      }
    }
  if (cp)
    dropZeroImag(*r);
  return {r};
}

} // namespace

Args bi_cummax(int, const Args &args) {
  return cumExtremum("cummax", args, true);
}
Args bi_cummin(int, const Args &args) {
  return cumExtremum("cummin", args, false);
}

// ---- repelem --------------------------------------------------------------------

namespace {

const char *kRepId = "MATLAB:repelem:invalidReplications";
const char *kRepMsg = "Replication factors must be nonnegative integer "
                      "scalars or vectors.";

/// The source index of every output position along one dimension of length
/// `len` replicated by `r` (a scalar or a vector of length `len`).
std::vector<int64_t> repMap(const Value &r, int64_t len) {
  if (!isRealNumeric(r) || !(r.isVector() || r.numel() == 1))
    throwError(kRepId, "%s", kRepMsg);
  std::vector<int64_t> counts;
  if (r.numel() == 1) {
    counts.assign((size_t)len, countOf(r.re[0], kRepId, kRepMsg));
  } else {
    if (r.numel() != len)
      throwError("MATLAB:repelem:mismatchedReplications",
                 "Replication vector must have the same length as the "
                 "corresponding dimension of the input.");
    for (double x : r.re)
      counts.push_back(countOf(x, kRepId, kRepMsg));
  }
  int64_t total = 0;
  for (int64_t c : counts)
    if (__builtin_add_overflow(total, c, &total))
      sizeLimit();
  checkedNumel(Dims{total});
  std::vector<int64_t> map;
  map.reserve((size_t)total);
  for (size_t k = 0; k < counts.size(); ++k)
    for (int64_t c = 0; c < counts[k]; ++c)
      map.push_back((int64_t)k);
  return map;
}

} // namespace

Args bi_repelem(int, const Args &args) {
  const Value &a = *args[0];
  if (a.cls == ClassId::FunctionHandle)
    undefinedForType("repelem", a);
  if (args.size() == 2) {
    if (!a.isVector())
      throwError("MATLAB:repelem:invalidInputForm",
                 "The input must be a vector when only one replication "
                 "factor is given.");
    std::vector<int64_t> map = repMap(*args[1], a.numel());
    bool column = a.dims[1] == 1 && a.dims[0] != 1;
    int64_t n = (int64_t)map.size();
    ValueRef r = newLike("repelem", a, column ? Dims{n, 1} : Dims{1, n});
    for (int64_t k = 0; k < n; ++k)
      copyElem(a, map[(size_t)k], *r, k);
    return {r};
  }
  size_t nd = std::max(a.dims.size(), args.size() - 1);
  std::vector<std::vector<int64_t>> maps(nd);
  Dims out(nd), src(nd);
  for (size_t d = 0; d < nd; ++d) {
    src[d] = dimSize(a.dims, (int64_t)d);
    if (d + 1 < args.size()) {
      maps[d] = repMap(*args[d + 1], src[d]);
    } else {
      for (int64_t k = 0; k < src[d]; ++k)
        maps[d].push_back(k);
    }
    out[d] = (int64_t)maps[d].size();
  }
  ValueRef r = newLike("repelem", a, out);
  int64_t n = checkedNumel(out);
  std::vector<int64_t> cnt(nd, 0), stride(nd, 1);
  for (size_t d = 1; d < nd; ++d)
    stride[d] = stride[d - 1] * src[d - 1];
  for (int64_t k = 0; k < n; ++k) {
    int64_t si = 0;
    for (size_t d = 0; d < nd; ++d)
      si += maps[d][(size_t)cnt[d]] * stride[d];
    copyElem(a, si, *r, k);
    for (size_t d = 0; d < nd; ++d) {
      if (++cnt[d] < out[d])
        break;
      cnt[d] = 0;
    }
  }
  return {r};
}

// ---- shiftdim -------------------------------------------------------------------

Args bi_shiftdim(int nargout, const Args &args) {
  const Value &a = *args[0];
  const Dims &d = a.dims;
  int64_t nd = (int64_t)d.size();
  if (args.size() == 1) {
    int64_t n = 0;
    while (n < nd && d[(size_t)n] == 1)
      ++n;
    if (n == nd)
      n = 0; // all singleton (a scalar): nothing to shift
    ValueRef b = n == 0 ? ValueRef::borrow(const_cast<Value *>(&a))
                        : reshaped(a, Dims(d.begin() + n, d.end()));
    if (nargout > 1)
      return {b, makeDouble((double)n)};
    return {b};
  }
  const Value &nv = *args[1];
  if (!isRealNumeric(nv) || nv.numel() != 1 ||
      nv.re[0] != std::floor(nv.re[0]) || std::fabs(nv.re[0]) > 1e9)
    throwError("MATLAB:shiftdim:InvalidShift",
               "N must be a scalar integer.");
  int64_t n = (int64_t)nv.re[0];
  ValueRef b;
  if (n > 0) {
    int64_t s = n % nd;
    if (s == 0) {
      b = ValueRef::borrow(const_cast<Value *>(&a));
    } else {
      std::vector<double> perm;
      for (int64_t k = s; k < nd; ++k)
        perm.push_back((double)k + 1);
      for (int64_t k = 0; k < s; ++k)
        perm.push_back((double)k + 1);
      b = bi_permute(1, {ValueRef::borrow(const_cast<Value *>(&a)),
                         makeRowVector(perm)})[0];
    }
  } else if (n < 0) {
    if (n < -4096)
      sizeLimit();
    Dims nd2((size_t)(-n), 1);
    nd2.insert(nd2.end(), d.begin(), d.end());
    b = reshaped(a, nd2);
  } else {
    b = ValueRef::borrow(const_cast<Value *>(&a));
  }
  if (nargout > 1)
    return {b, makeDouble((double)n)};
  return {b};
}

// ---- nextpow2, pow2, sinc -----------------------------------------------------------

Args bi_nextpow2(int, const Args &args) {
  const Value &v = *args[0];
  if (!isArithmetic(v))
    undefinedForType("nextpow2", v);
  ClassId cls = isNumericClass(v.cls) ? v.cls : ClassId::Double;
  ValueRef r = newArray(cls, v.dims);
  for (size_t k = 0; k < v.re.size(); ++k) {
    double a = hasImag(v) ? std::hypot(v.re[k], v.im[k]) : std::fabs(v.re[k]);
    double p;
    if (a == 0) {
      p = 0;
    } else if (!std::isfinite(a)) {
      p = a; // Inf stays Inf, NaN stays NaN
    } else {
      int e;
      double f = std::frexp(a, &e);
      p = f == 0.5 ? e - 1 : e;
    }
    r->re[k] = p;
  }
  finishClass(*r);
  return {r};
}

Args bi_pow2(int, const Args &args) {
  if (args.size() == 1) {
    const Value &v = *args[0];
    ClassId cls = floatOnly("pow2", v);
    bool cp = hasImag(v);
    ValueRef r = newArray(cls, v.dims, cp);
    for (size_t k = 0; k < v.re.size(); ++k) {
      if (!cp) {
        r->re[k] = std::exp2(v.re[k]);
      } else {
        cplx z = std::exp(cplx(v.re[k], v.im[k]) * std::log(2.0));
        r->re[k] = z.real();
        r->im[k] = z.imag();
      }
    }
    finishClass(*r);
    return {r};
  }
  const Value &f = *args[0], &e = *args[1];
  ClassId cf = floatOnly("pow2", f), ce = floatOnly("pow2", e);
  if (hasImag(e))
    throwError("MATLAB:pow2:complexExponent",
               "Exponent must be real.");
  ClassId cls = cf == ClassId::Single || ce == ClassId::Single
                    ? ClassId::Single
                    : ClassId::Double;
  Dims out = expandedDims(f.dims, e.dims);
  bool cp = hasImag(f);
  ValueRef r = newArray(cls, out, cp);
  forEachBroadcast(out, f.dims, e.dims, [&](int64_t ia, int64_t ib, int64_t k) {
    double x = e.re[(size_t)ib];
    auto scale = [&](double m) {
      if (x == std::floor(x) && std::fabs(x) < 1e6)
        return std::ldexp(m, (int)x);
      return m * std::exp2(x);
    };
    r->re[(size_t)k] = scale(f.re[(size_t)ia]);
    if (cp)
      r->im[(size_t)k] = scale(f.im[(size_t)ia]);
  });
  finishClass(*r);
  return {r};
}

Args bi_sinc(int, const Args &args) {
  const Value &v = *args[0];
  ClassId cls = floatOnly("sinc", v);
  bool cp = hasImag(v);
  ValueRef r = newArray(cls, v.dims, cp);
  for (size_t k = 0; k < v.re.size(); ++k) {
    if (!cp) {
      double x = v.re[k];
      if (x == 0) {
        r->re[k] = 1;
      } else {
        double t = M_PI * x;
        r->re[k] = std::sin(t) / t;
      }
    } else {
      cplx x(v.re[k], v.im[k]);
      if (x == cplx(0, 0)) {
        r->re[k] = 1;
      } else {
        cplx t = M_PI * x;
        cplx y = std::sin(t) / t;
        r->re[k] = y.real();
        r->im[k] = y.imag();
      }
    }
  }
  finishClass(*r);
  return {r};
}

// ---- toeplitz -------------------------------------------------------------------

Args bi_toeplitz(int, const Args &args) {
  for (const ValueRef &a : args)
    if (!isArithmetic(*a))
      undefinedForType("toeplitz", *a);
  // MATLAB's algorithm: x = [r(p:-1:2); c(:)], T = x(ij) with
  // ij = (0:m-1)' + (p:-1:1).
  ValueRef c = reshaped(*args[0], Dims{args[0]->numel(), 1});
  ValueRef r;
  if (args.size() == 1) {
    // Symmetric (Hermitian) case: the row is c, the column conj(c) with the
    // diagonal element kept.
    r = copyValue(*c);
    if (hasImag(*c)) {
      for (size_t k = 1; k < c->im.size(); ++k)
        c->im[k] = -c->im[k];
    }
  } else {
    r = reshaped(*args[1], Dims{args[1]->numel(), 1});
    if (r->numel() > 0 && c->numel() > 0 &&
        (r->re[0] != c->re[0] || imagAt(*r, 0) != imagAt(*c, 0)))
      callBuiltin("warning", 0,
                  {makeString("MATLAB:toeplitz:DiagonalConflict"),
                   makeString("First element of input column does not match "
                              "first element of input row. \\n         "
                              "Column wins diagonal conflict.")});
  }
  int64_t m = c->numel(), p = r->numel();
  // r(p:-1:2)
  ValueRef rr = newLike("toeplitz", *r, Dims{std::max<int64_t>(p - 1, 0), 1});
  for (int64_t k = 0; k + 1 < p; ++k)
    copyElem(*r, p - 1 - k, *rr, k);
  ValueRef x = concat({{rr.get()}, {c.get()}});
  ValueRef t = newLike("toeplitz", *x, Dims{m, p});
  // x has (p-1) reversed row elements then the column: T(i,j) = x(i - j + p)
  // (1-based), i.e. x[i - j + p - 1] 0-based.
  for (int64_t jj = 0; jj < p; ++jj)
    for (int64_t ii = 0; ii < m; ++ii)
      copyElem(*x, ii - jj + p - 1, *t, ii + jj * m);
  return {t};
}

// ---- cov, corrcoef ----------------------------------------------------------------

namespace {

/// Observations x variables data gathered for cov/corrcoef.
struct Obs {
  int64_t n = 0, k = 0; // rows (observations), columns (variables)
  std::vector<double> re, im;
  bool cp = false;
  ClassId cls = ClassId::Double;
};

void checkCovInput(const char *fn, const Value &v) {
  if (!isArithmetic(v))
    undefinedForType(fn, v);
  if (isIntegerClass(v.cls))
    badArgType(fn);
  if (v.dims.size() > 2)
    throwError("MATLAB:cov:InputDim", "Inputs must be 2-D.");
}

/// One value: a vector is one variable (its elements the observations), a
/// matrix has one variable per column. Two values: each one variable.
Obs gatherObs(const char *fn, const Value &x, const Value *y) {
  checkCovInput(fn, x);
  Obs o;
  o.cp = hasImag(x);
  o.cls = x.cls == ClassId::Single ? ClassId::Single : ClassId::Double;
  if (y) {
    checkCovInput(fn, *y);
    if (x.numel() != y->numel())
      throwError("MATLAB:cov:XYlengthMismatch",
                 "The number of elements in A and B must be equal.");
    o.cp |= hasImag(*y);
    if (y->cls == ClassId::Single)
      o.cls = ClassId::Single;
    o.n = x.numel();
    o.k = 2;
    o.re = x.re;
    o.re.insert(o.re.end(), y->re.begin(), y->re.end());
    if (o.cp) {
      for (int64_t q = 0; q < o.n; ++q)
        o.im.push_back(imagAt(x, q));
      for (int64_t q = 0; q < o.n; ++q)
        o.im.push_back(imagAt(*y, q));
    }
    return o;
  }
  if (x.isVector() || (x.dims[0] == 0 && x.dims[1] == 0)) {
    // A vector is one variable; [] is one variable without observations.
    o.n = x.numel();
    o.k = 1;
  } else {
    o.n = x.dims[0];
    o.k = x.dims[1];
  }
  o.re = x.re;
  if (o.cp)
    o.im = x.im;
  return o;
}

/// Drops observations (rows) with a NaN in any variable.
void omitRows(Obs &o) {
  std::vector<double> re, im;
  std::vector<int64_t> keep;
  for (int64_t q = 0; q < o.n; ++q) {
    bool bad = false;
    for (int64_t v = 0; v < o.k && !bad; ++v) {
      size_t at = (size_t)(q + v * o.n);
      bad = std::isnan(o.re[at]) || (o.cp && std::isnan(o.im[at]));
    }
    if (!bad)
      keep.push_back(q);
  }
  int64_t n2 = (int64_t)keep.size();
  for (int64_t v = 0; v < o.k; ++v)
    for (int64_t q : keep) {
      re.push_back(o.re[(size_t)(q + v * o.n)]);
      if (o.cp)
        im.push_back(o.im[(size_t)(q + v * o.n)]);
    }
  o.n = n2;
  o.re.swap(re);
  o.im.swap(im);
}

/// The k x k covariance matrix (complex: conj(xc)' * xc) / denominator.
ValueRef covariance(const Obs &o, double w) {
  int64_t n = o.n, k = o.k;
  ValueRef c = newArray(ClassId::Double, Dims{k, k}, o.cp);
  if (n == 0) {
    std::fill(c->re.begin(), c->re.end(), NAN);
    if (o.cp)
      std::fill(c->im.begin(), c->im.end(), 0.0);
    dropZeroImag(*c);
    return c;
  }
  std::vector<double> xr(o.re), xi(o.im);
  for (int64_t v = 0; v < k; ++v) {
    double sr = 0, si = 0;
    for (int64_t q = 0; q < n; ++q) {
      sr += xr[(size_t)(q + v * n)];
      if (o.cp)
        si += xi[(size_t)(q + v * n)];
    }
    double mr = sr / (double)n, mi = si / (double)n;
    for (int64_t q = 0; q < n; ++q) {
      xr[(size_t)(q + v * n)] -= mr;
      if (o.cp)
        xi[(size_t)(q + v * n)] -= mi;
    }
  }
  double denom = n == 1 ? 1.0 : (w == 1 ? (double)n : (double)(n - 1));
  for (int64_t a = 0; a < k; ++a)
    for (int64_t b = a; b < k; ++b) {
      double sr = 0, si = 0;
      for (int64_t q = 0; q < n; ++q) {
        double ar = xr[(size_t)(q + a * n)], br = xr[(size_t)(q + b * n)];
        if (o.cp) {
          double ai = xi[(size_t)(q + a * n)], bi = xi[(size_t)(q + b * n)];
          // conj(a) * b
          sr += ar * br + ai * bi;
          si += ar * bi - ai * br;
        } else {
          sr += ar * br;
        }
      }
      sr /= denom;
      si /= denom;
      c->re[(size_t)(a + b * k)] = sr;
      c->re[(size_t)(b + a * k)] = sr;
      if (o.cp) {
        c->im[(size_t)(a + b * k)] = a == b ? 0.0 : si;
        c->im[(size_t)(b + a * k)] = a == b ? 0.0 : -si;
      }
    }
  dropZeroImag(*c);
  return c;
}

bool isNormFlag(const Value &v) {
  return isRealNumeric(v) && v.numel() == 1 && (v.re[0] == 0 || v.re[0] == 1);
}

} // namespace

Args bi_cov(int, const Args &args) {
  size_t nNum = args.size();
  bool omit = false;
  while (nNum > 1 && args[nNum - 1]->cls == ClassId::Char) {
    const Value &s = *args[nNum - 1];
    if (textIs(s, "omitrows"))
      omit = true;
    else if (textIs(s, "includenan") || textIs(s, "includemissing"))
      omit = false;
    else
      throwError("MATLAB:cov:unknownFlag",
                 "Invalid option '%s'. The NaN flag must be 'includenan' or "
                 "'omitrows'.",
                 textOf(s).c_str());
    --nNum;
  }
  const Value *y = nullptr;
  double w = 0;
  if (nNum > 3)
    throwError("MATLAB:TooManyInputs", "Too many input arguments.");
  if (nNum == 3) {
    y = args[1].get();
    if (!isNormFlag(*args[2]))
      throwError("MATLAB:cov:invalidWgts", "W must be 0 or 1.");
    w = args[2]->re[0];
  } else if (nNum == 2) {
    if (isNormFlag(*args[1]))
      w = args[1]->re[0];
    else
      y = args[1].get();
  }
  Obs o = gatherObs("cov", *args[0], y);
  if (omit)
    omitRows(o);
  ValueRef c = covariance(o, w);
  c->cls = o.cls;
  finishClass(*c);
  return {c};
}

Args bi_corrcoef(int, const Args &args) {
  if (args.size() > 2)
    throwError("MATLAB:corrcoef:unsupportedOption",
               "Only corrcoef(A) and corrcoef(A, B) are supported.");
  const Value *y = args.size() == 2 ? args[1].get() : nullptr;
  if (y && y->cls == ClassId::Char)
    throwError("MATLAB:corrcoef:unsupportedOption",
               "Name-value options of corrcoef are not supported.");
  Obs o = gatherObs("corrcoef", *args[0], y);
  ValueRef c = covariance(o, 0);
  int64_t k = o.k;
  bool cp = c->complex;
  std::vector<double> d((size_t)k);
  for (int64_t a = 0; a < k; ++a)
    d[(size_t)a] = std::sqrt(c->re[(size_t)(a + a * k)]);
  // Upper triangle (a <= b), then mirrored: the result is exactly
  // symmetric (Hermitian).
  for (int64_t b = 0; b < k; ++b)
    for (int64_t a = 0; a <= b; ++a) {
      size_t at = (size_t)(a + b * k), mirror = (size_t)(b + a * k);
      double re = c->re[at] / d[(size_t)a] / d[(size_t)b];
      double im = cp ? c->im[at] / d[(size_t)a] / d[(size_t)b] : 0.0;
      double mag = cp ? std::hypot(re, im) : std::fabs(re);
      if (mag > 1) {
        re /= mag;
        im /= mag;
      }
      if (a == b) {
        re = std::isnan(re) ? NAN : (re > 0 ? 1.0 : (re < 0 ? -1.0 : 0.0));
        im = 0;
      }
      c->re[at] = re;
      c->re[mirror] = re;
      if (cp) {
        c->im[at] = im;
        c->im[mirror] = -im;
      }
    }
  c->cls = o.cls;
  finishClass(*c);
  return {c};
}

// ---- gradient ---------------------------------------------------------------------

Args bi_gradient(int nargout, const Args &args) {
  const Value &f = *args[0];
  ClassId cls = floatOnly("gradient", f);
  bool cp = hasImag(f);
  bool vec = f.isVector();
  // The dimensions in output order: for a vector its length, otherwise
  // columns (x) first, then rows (y), then dims 3...
  std::vector<int64_t> order;
  int64_t nd = f.ndims();
  if (vec) {
    order.push_back(f.dims[0] == 1 ? 1 : 0);
  } else {
    order.push_back(1);
    order.push_back(0);
    for (int64_t d = 2; d < nd; ++d)
      order.push_back(d);
  }
  size_t nOut = order.size();
  size_t nSp = args.size() - 1;
  if (nSp > 1 && nSp != nOut)
    throwError("MATLAB:gradient:InvalidInputs",
               "The number of spacing values must be 1 or the number of "
               "dimensions of F.");
  if (nargout > (int)nOut)
    throwError("MATLAB:TooManyOutputs", "Too many output arguments.");
  int64_t want = std::max(nargout, 1);
  Args outs;
  for (int64_t q = 0; q < want; ++q) {
    int64_t dim = order[(size_t)q];
    int64_t len = vec ? f.numel() : dimSize(f.dims, dim);
    // Coordinates along the dimension.
    std::vector<double> h((size_t)len);
    const Value *sp = nSp == 0 ? nullptr : args[nSp == 1 ? 1 : 1 + q].get();
    if (sp && (!isRealNumeric(*sp) || sp->cls == ClassId::Logical))
      throwError("MATLAB:gradient:InvalidGridSpacing",
                 "Spacing values must be real numeric scalars or vectors.");
    if (!sp) {
      for (int64_t k = 0; k < len; ++k)
        h[(size_t)k] = (double)(k + 1);
    } else if (sp->numel() == 1) {
      for (int64_t k = 0; k < len; ++k)
        h[(size_t)k] = sp->re[0] * (double)(k + 1);
    } else if (sp->isVector() && sp->numel() == len) {
      h = sp->re;
    } else {
      throwError("MATLAB:gradient:InvalidGridSpacing",
                 "Spacing values must be a scalar or a vector whose length "
                 "matches the corresponding dimension of F.");
    }
    ValueRef g = newArray(cls, f.dims, cp);
    DimSplit s = vec ? DimSplit{1, len, 1} : splitAt(f.dims, dim);
    auto at = [&](int64_t i, int64_t k, int64_t j) {
      return (size_t)((j * s.len + k) * s.before + i);
    };
    for (int64_t j = 0; j < s.after; ++j)
      for (int64_t i = 0; i < s.before; ++i) {
        int64_t n = s.len;
        auto put = [&](int64_t k, int64_t hiK, int64_t loK) {
          double dh = h[(size_t)hiK] - h[(size_t)loK];
          g->re[at(i, k, j)] =
              (f.re[at(i, hiK, j)] - f.re[at(i, loK, j)]) / dh;
          if (cp)
            g->im[at(i, k, j)] =
                (f.im[at(i, hiK, j)] - f.im[at(i, loK, j)]) / dh;
        };
        if (n > 1) {
          put(0, 1, 0);
          put(n - 1, n - 1, n - 2);
        }
        for (int64_t k = 1; k + 1 < n; ++k)
          put(k, k + 1, k - 1);
      }
    finishClass(*g);
    outs.push_back(g);
  }
  return outs;
}

// ---- cast, isstr, full, issparse ---------------------------------------------------

Args bi_cast(int, const Args &args) {
  std::string name;
  bool makeCplx = false;
  if (args.size() == 3) {
    if (!textIs(*args[1], "like"))
      throwError("MATLAB:cast:InvalidOption",
                 "Invalid option. The second argument must be 'like' when "
                 "three arguments are given.");
    const Value &p = *args[2];
    if (!isArithmetic(p))
      throwError("MATLAB:cast:UnsupportedPrototype",
                 "The prototype must be numeric, logical or char.");
    name = className(p.cls);
    makeCplx = hasImag(p);
  } else {
    if (!isText(*args[1]))
      throwError("MATLAB:cast:InvalidClassName",
                 "The class name must be a character vector.");
    name = textOf(*args[1]);
  }
  static const char *const ok[] = {"double", "single", "int8",   "uint8",
                                    "int16",  "uint16", "int32",  "uint32",
                                    "int64",  "uint64", "logical", "char"};
  bool known = false;
  for (const char *k : ok)
    known |= name == k;
  if (!known)
    throwError("MATLAB:cast:UnsupportedClass",
               "Unsupported data type '%s'.", name.c_str());
  ValueRef r = callBuiltin(name.c_str(), 1, {args[0]})[0];
  if (makeCplx && !r->complex && isNumericClass(r->cls)) {
    r = copyValue(*r);
    r->complex = true;
    r->im.assign(r->re.size(), 0.0);
  }
  return {r};
}

Args bi_isstr(int, const Args &args) {
  return {makeBool(args[0]->cls == ClassId::Char)};
}

Args bi_full(int, const Args &args) {
  if (!isArithmetic(*args[0]))
    undefinedForType("full", *args[0]);
  return {args[0]};
}

Args bi_issparse(int, const Args &) { return {makeBool(false)}; }

// ---- strvcat, findstr, strmatch -------------------------------------------------

namespace {

/// The rows (code units) of a char/numeric matrix.
void appendRows(const Value &v, std::vector<std::vector<double>> &rows,
                bool skipEmpty) {
  if (v.dims.size() > 2)
    throwError("MATLAB:strvcat:InputDim", "Inputs must be 2-D.");
  int64_t m = v.dims[0], n = v.dims[1];
  if (v.isEmpty()) {
    if (!skipEmpty)
      rows.emplace_back();
    return;
  }
  for (int64_t i = 0; i < m; ++i) {
    std::vector<double> row((size_t)n);
    for (int64_t j = 0; j < n; ++j) {
      double x = v.re[(size_t)(i + j * m)];
      if (v.cls != ClassId::Char)
        x = castElement(x, ClassId::Char);
      row[(size_t)j] = x;
    }
    rows.push_back(std::move(row));
  }
}

ValueRef padRows(const std::vector<std::vector<double>> &rows) {
  if (rows.empty())
    return makeArray(ClassId::Char, Dims{0, 0});
  size_t w = 0;
  for (const auto &r : rows)
    w = std::max(w, r.size());
  int64_t m = (int64_t)rows.size();
  ValueRef out = makeArray(ClassId::Char, Dims{m, (int64_t)w});
  for (int64_t i = 0; i < m; ++i)
    for (size_t j = 0; j < w; ++j)
      out->re[(size_t)i + j * (size_t)m] =
          j < rows[(size_t)i].size() ? rows[(size_t)i][j] : 32.0;
  return out;
}

bool isCharData(const Value &v) {
  return v.cls == ClassId::Char || isNumericClass(v.cls) ||
         v.cls == ClassId::Logical;
}

} // namespace

Args bi_strvcat(int, const Args &args) {
  std::vector<std::vector<double>> rows;
  for (const ValueRef &a : args) {
    if (a->cls == ClassId::Cell) {
      for (const ValueRef &e : a->cells) {
        if (!isCharData(*e) || hasImag(*e))
          throwError("MATLAB:strvcat:InvalidInput",
                     "Inputs must be character arrays, numeric arrays or "
                     "cell arrays of character vectors.");
        appendRows(*e, rows, true);
      }
    } else if (isCharData(*a) && !hasImag(*a)) {
      appendRows(*a, rows, true);
    } else {
      throwError("MATLAB:strvcat:InvalidInput",
                 "Inputs must be character arrays, numeric arrays or cell "
                 "arrays of character vectors.");
    }
  }
  return {padRows(rows)};
}

Args bi_findstr(int, const Args &args) {
  const Value &a = *args[0], &b = *args[1];
  for (const Value *v : {&a, &b})
    if (v->cls != ClassId::Char || !(v->isVector() || v->isEmpty()))
      throwError("MATLAB:findstr:InvalidInput",
                 "Inputs must be character vectors.");
  const Value *hay = &a, *pat = &b;
  if (b.numel() > a.numel())
    std::swap(hay, pat);
  int64_t n = hay->numel(), m = pat->numel();
  std::vector<double> hits;
  if (m > 0)
    for (int64_t k = 0; k + m <= n; ++k)
      if (std::equal(pat->re.begin(), pat->re.end(), hay->re.begin() + k))
        hits.push_back((double)(k + 1));
  if (hits.empty())
    return {makeEmpty()};
  return {makeRowVector(hits)};
}

Args bi_strmatch(int, const Args &args) {
  const Value &s = *args[0], &list = *args[1];
  bool exact = false;
  if (args.size() == 3) {
    if (!textIs(*args[2], "exact"))
      throwError("MATLAB:strmatch:InvalidFlag",
                 "The third argument must be 'exact'.");
    exact = true;
  }
  if (s.cls != ClassId::Char || !(s.isRow() || s.isEmpty()))
    throwError("MATLAB:strmatch:InvalidInput",
               "The first argument must be a character vector.");
  std::vector<std::vector<double>> rows;
  if (list.cls == ClassId::Cell) {
    for (const ValueRef &e : list.cells) {
      if (e->cls != ClassId::Char || !(e->isRow() || e->isEmpty()))
        throwError("MATLAB:strmatch:InvalidInput",
                   "The second argument must be a character array or a cell "
                   "array of character vectors.");
      appendRows(*e, rows, false);
    }
  } else if (list.cls == ClassId::Char) {
    appendRows(list, rows, false);
  } else {
    throwError("MATLAB:strmatch:InvalidInput",
               "The second argument must be a character array or a cell "
               "array of character vectors.");
  }
  // As MATLAB: the list is a padded char matrix; a row matches when it
  // begins with the string ('exact': and the rest is blanks or NULs).
  size_t width = 0;
  for (const auto &r : rows)
    width = std::max(width, r.size());
  const std::vector<double> &str = s.re;
  std::vector<double> hits;
  if (str.size() > width && !rows.empty() && !str.empty())
    return {makeEmpty()};
  for (size_t i = 0; i < rows.size(); ++i) {
    std::vector<double> row = rows[i];
    row.resize(width, 32.0);
    bool ok = str.size() <= row.size() &&
              std::equal(str.begin(), str.end(), row.begin());
    if (ok && exact)
      for (size_t k = str.size(); k < row.size() && ok; ++k)
        ok = row[k] == 32.0 || row[k] == 0.0;
    if (ok)
      hits.push_back((double)(i + 1));
  }
  if (hits.empty())
    return {makeArray(ClassId::Double, Dims{0, 1})};
  return {makeColumnVector(hits)};
}

// ---- nanmean, nansum, nanmax, nanmin ----------------------------------------------

namespace {
Args withOmitNan(Args (*fn)(int, const Args &), const Args &args) {
  Args a(args);
  a.push_back(makeString("omitnan"));
  return fn(1, a);
}
} // namespace

Args bi_nanmean(int, const Args &args) { return withOmitNan(bi_mean, args); }
Args bi_nansum(int, const Args &args) { return withOmitNan(bi_sum, args); }
// max and min skip NaN by default.
Args bi_nanmax(int nargout, const Args &args) { return bi_max(nargout, args); }
Args bi_nanmin(int nargout, const Args &args) { return bi_min(nargout, args); }

// ---- prctile ----------------------------------------------------------------------

Args bi_prctile(int, const Args &args) {
  const Value &x = *args[0], &p = *args[1];
  ClassId cls = floatOnly("prctile", x);
  if (hasImag(x))
    throwError("stats:prctile:ComplexData",
               "X must be a real array.");
  if (!isRealNumeric(p) || !(p.isVector() || p.numel() == 1) || p.isEmpty())
    throwError("stats:prctile:BadPercents",
               "P must be a scalar or a vector of percent values between 0 "
               "and 100.");
  for (double q : p.re)
    if (!(q >= 0 && q <= 100))
      throwError("stats:prctile:BadPercents",
                 "P must be a scalar or a vector of percent values between 0 "
                 "and 100.");
  bool dimGiven = args.size() > 2;
  int64_t dim = dimGiven ? dimArg(*args[2]) : firstNonSingleton(x.dims);
  int64_t np = p.numel();
  Dims outDims = x.dims;
  if ((int64_t)outDims.size() <= dim)
    outDims.resize((size_t)dim + 1, 1);
  outDims[(size_t)dim] = np;
  ValueRef y = newArray(cls, outDims);
  DimSplit s = splitAt(x.dims, dim);
  std::vector<double> buf;
  for (int64_t j = 0; j < s.after; ++j)
    for (int64_t i = 0; i < s.before; ++i) {
      buf.clear();
      for (int64_t k = 0; k < s.len; ++k) {
        double v = x.re[(size_t)((j * s.len + k) * s.before + i)];
        if (!std::isnan(v))
          buf.push_back(v);
      }
      std::sort(buf.begin(), buf.end());
      double n = (double)buf.size();
      for (int64_t q = 0; q < np; ++q) {
        double val;
        if (buf.empty()) {
          val = NAN;
        } else {
          double r = p.re[(size_t)q] / 100.0 * n;
          double k = std::floor(r + 0.5);
          double kp1 = std::min(k + 1, n);
          r -= k;
          if (k < 1)
            k = 1;
          double lo = buf[(size_t)k - 1], hi = buf[(size_t)kp1 - 1];
          if (r == -0.5 || lo == hi)
            val = lo;
          else
            val = (0.5 + r) * hi + (0.5 - r) * lo;
        }
        y->re[(size_t)((j * np + q) * s.before + i)] = val;
      }
    }
  if (!dimGiven && x.isVector())
    y->dims = p.dims;
  finishClass(*y);
  return {y};
}

// ---- mat2cell ---------------------------------------------------------------------

Args bi_mat2cell(int, const Args &args) {
  const Value &a = *args[0];
  if (a.cls == ClassId::FunctionHandle)
    undefinedForType("mat2cell", a);
  size_t nd = std::max(a.dims.size(), args.size() - 1);
  std::vector<std::vector<int64_t>> parts(nd);
  Dims cellDims(nd);
  for (size_t d = 0; d < nd; ++d) {
    int64_t len = dimSize(a.dims, (int64_t)d);
    if (d + 1 < args.size()) {
      const Value &v = *args[d + 1];
      if (!isRealNumeric(v) || !(v.isVector() || v.isEmpty()))
        throwError("MATLAB:mat2cell:InvalidDimensionVector",
                   "Dimension vectors must be vectors of nonnegative "
                   "integers.");
      int64_t sum = 0;
      for (double x : v.re) {
        int64_t c = countOf(x, "MATLAB:mat2cell:InvalidDimensionVector",
                            "Dimension vectors must be vectors of "
                            "nonnegative integers.");
        parts[d].push_back(c);
        sum += c;
      }
      if (sum != len) {
        std::string sz = "[";
        for (size_t e = 0; e < a.dims.size(); ++e)
          sz += (e ? " " : "") + std::to_string(a.dims[e]);
        sz += "]";
        throwError("MATLAB:mat2cell:DimensionsMismatch",
                   "Input arguments, D1 through D%d, must sum to each "
                   "dimension of the input matrix size, %s.",
                   (int)(args.size() - 1), sz.c_str());
      }
    } else {
      parts[d].push_back(len);
    }
    cellDims[d] = (int64_t)parts[d].size();
  }
  ValueRef out = makeCell(Dims(cellDims));
  int64_t nc = out->numel();
  std::vector<int64_t> cnt(nd, 0), stride(nd, 1);
  for (size_t d = 1; d < nd; ++d)
    stride[d] = stride[d - 1] * dimSize(a.dims, (int64_t)d - 1);
  // Starting offset of every block along each dimension.
  std::vector<std::vector<int64_t>> start(nd);
  for (size_t d = 0; d < nd; ++d) {
    int64_t o = 0;
    for (int64_t c : parts[d]) {
      start[d].push_back(o);
      o += c;
    }
  }
  for (int64_t c = 0; c < nc; ++c) {
    Dims bd(nd);
    for (size_t d = 0; d < nd; ++d)
      bd[d] = parts[d][(size_t)cnt[d]];
    ValueRef blk = newLike("mat2cell", a, bd);
    int64_t bn = numelOf(bd);
    std::vector<int64_t> bc(nd, 0);
    for (int64_t k = 0; k < bn; ++k) {
      int64_t si = 0;
      for (size_t d = 0; d < nd; ++d)
        si += (start[d][(size_t)cnt[d]] + bc[d]) * stride[d];
      copyElem(a, si, *blk, k);
      for (size_t d = 0; d < nd; ++d) {
        if (++bc[d] < bd[d])
          break;
        bc[d] = 0;
      }
    }
    out->cells[(size_t)c] = blk;
    for (size_t d = 0; d < nd; ++d) {
      if (++cnt[d] < cellDims[d])
        break;
      cnt[d] = 0;
    }
  }
  return {out};
}

// ---- lasterr ----------------------------------------------------------------------

Args bi_lasterr(int nargout, const Args &) {
  Args out{ValueRef::adopt(reinterpret_cast<Value *>(rm_last_error_message()))};
  if (nargout > 1)
    out.push_back(
        ValueRef::adopt(reinterpret_cast<Value *>(rm_last_error_identifier())));
  return out;
}

// ---- sscanf -----------------------------------------------------------------------

namespace {

struct ScanDir {
  enum Kind { Space, Literal, Conv } kind = Literal;
  double lit = 0;
  char conv = 0;
  int64_t width = -1;
  bool skip = false;
};

bool isWs(double c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}

std::vector<ScanDir> parseScanFormat(const std::vector<double> &f) {
  std::vector<ScanDir> dirs;
  size_t i = 0, n = f.size();
  while (i < n) {
    double c = f[i];
    if (isWs(c)) {
      while (i < n && isWs(f[i]))
        ++i;
      ScanDir d;
      d.kind = ScanDir::Space;
      dirs.push_back(d);
      continue;
    }
    if (c != '%' || (i + 1 < n && f[i + 1] == '%')) {
      ScanDir d;
      d.lit = c;
      dirs.push_back(d);
      i += c == '%' ? 2 : 1;
      continue;
    }
    ++i; // past '%'
    ScanDir d;
    d.kind = ScanDir::Conv;
    if (i < n && f[i] == '*') {
      d.skip = true;
      ++i;
    }
    if (i < n && f[i] >= '0' && f[i] <= '9') {
      int64_t w = 0;
      while (i < n && f[i] >= '0' && f[i] <= '9' && w < 100000000)
        w = w * 10 + (int64_t)(f[i++] - '0');
      d.width = w > 0 ? w : -1;
    }
    while (i < n && (f[i] == 'l' || f[i] == 'h'))
      ++i;
    if (i >= n)
      throwError("MATLAB:sscanf:InvalidFormat",
                 "Invalid format: incomplete conversion at the end.");
    char k = f[i] < 128 ? (char)f[i] : '?';
    ++i;
    if (!std::strchr("diuoxfegscFEGX", k))
      throwError("MATLAB:sscanf:InvalidFormat",
                 "Unsupported conversion '%%%c' in the format.", k);
    d.conv = (char)std::tolower((unsigned char)k);
    dirs.push_back(d);
  }
  return dirs;
}

/// Reads an integer in `base` (8, 10, 16; 0 = %i auto) from in[pos..lim).
bool scanInt(const std::vector<double> &in, size_t &pos, size_t lim, int base,
             double &out) {
  size_t p = pos;
  bool neg = false;
  if (p < lim && (in[p] == '+' || in[p] == '-'))
    neg = in[p++] == '-';
  if (base == 0 || base == 16) {
    if (p + 1 < lim && in[p] == '0' && (in[p + 1] == 'x' || in[p + 1] == 'X') &&
        p + 2 < lim && std::isxdigit((int)in[p + 2]) && in[p + 2] < 128) {
      p += 2;
      base = 16;
    } else if (base == 0) {
      base = p < lim && in[p] == '0' ? 8 : 10;
    }
  }
  auto digit = [&](double c) -> int {
    if (c >= '0' && c <= '9')
      return (int)c - '0';
    if (c >= 'a' && c <= 'z')
      return (int)c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
      return (int)c - 'A' + 10;
    return 99;
  };
  double v = 0;
  size_t start = p;
  while (p < lim && digit(in[p]) < base)
    v = v * base + digit(in[p++]);
  if (p == start)
    return false;
  out = neg ? -v : v;
  pos = p;
  return true;
}

/// Reads a floating-point number (digits, '.', exponent, Inf, NaN).
bool scanFloat(const std::vector<double> &in, size_t &pos, size_t lim,
               double &out) {
  size_t p = pos;
  std::string s;
  if (p < lim && (in[p] == '+' || in[p] == '-'))
    s += (char)in[p++];
  auto matchWord = [&](const char *w) {
    size_t q = p;
    for (const char *c = w; *c; ++c, ++q)
      if (q >= lim || in[q] >= 128 ||
          std::tolower((int)in[q]) != (unsigned char)*c)
        return (size_t)0;
    return q;
  };
  if (size_t q = matchWord("inf")) {
    size_t q2 = matchWord("infinity");
    pos = q2 ? q2 : q;
    out = s == "-" ? -INFINITY : INFINITY;
    return true;
  }
  if (size_t q = matchWord("nan")) {
    pos = q;
    out = NAN;
    return true;
  }
  size_t digits = 0;
  while (p < lim && in[p] >= '0' && in[p] <= '9') {
    s += (char)in[p++];
    ++digits;
  }
  if (p < lim && in[p] == '.') {
    s += '.';
    ++p;
    while (p < lim && in[p] >= '0' && in[p] <= '9') {
      s += (char)in[p++];
      ++digits;
    }
  }
  if (digits == 0)
    return false;
  if (p < lim && (in[p] == 'e' || in[p] == 'E' || in[p] == 'd' ||
                  in[p] == 'D')) {
    size_t q = p + 1;
    std::string e = "e";
    if (q < lim && (in[q] == '+' || in[q] == '-'))
      e += (char)in[q++];
    size_t ed = 0;
    while (q < lim && in[q] >= '0' && in[q] <= '9') {
      e += (char)in[q++];
      ++ed;
    }
    if (ed > 0) {
      s += e;
      p = q;
    }
  }
  out = std::strtod(s.c_str(), nullptr);
  pos = p;
  return true;
}

} // namespace

Args bi_sscanf(int nargout, const Args &args) {
  const Value &sv = *args[0], &fv = *args[1];
  if (sv.cls != ClassId::Char && !sv.isEmpty())
    throwError("MATLAB:sscanf:invalidFirstInput",
               "First argument must be a text scalar or character vector.");
  if (fv.cls != ClassId::Char || !(fv.isRow() || fv.isEmpty()))
    throwError("MATLAB:sscanf:invalidFormat",
               "Format must be a character vector.");
  // Size argument: N, Inf, or [M N] (N may be Inf).
  double limit = INFINITY;
  int64_t outRows = -1;
  if (args.size() > 2) {
    const Value &z = *args[2];
    bool okSize = isRealNumeric(z) && (z.numel() == 1 || z.numel() == 2);
    if (okSize)
      for (size_t k = 0; k < z.re.size(); ++k) {
        double q = z.re[k];
        if (!(q >= 0) || (std::isinf(q) ? k == 0 && z.numel() == 2
                                        : q != std::floor(q)))
          okSize = false;
      }
    if (!okSize)
      throwError("MATLAB:sscanf:invalidSize",
                 "Size must be a nonnegative integer scalar, Inf, or a "
                 "two-element vector [M N] with N possibly Inf.");
    if (z.numel() == 1) {
      limit = z.re[0];
    } else {
      outRows = (int64_t)z.re[0];
      limit = z.re[0] * z.re[1];
    }
  }
  ValueRef fmtUnits = makeString(
      expandEscapes(unitsToUtf8(fv.re.data(), fv.re.size())));
  std::vector<ScanDir> dirs = parseScanFormat(fmtUnits->re);
  bool anyConv = false, onlyText = true;
  for (const ScanDir &d : dirs)
    if (d.kind == ScanDir::Conv) {
      anyConv = true;
      if (!d.skip && d.conv != 's' && d.conv != 'c')
        onlyText = false;
    }
  const std::vector<double> &in = sv.re;
  size_t n = in.size(), pos = 0;
  std::vector<double> vals;
  int64_t count = 0;
  bool stop = !anyConv || limit == 0;
  while (!stop) {
    size_t loopStart = pos;
    for (const ScanDir &d : dirs) {
      if (d.kind == ScanDir::Space) {
        while (pos < n && isWs(in[pos]))
          ++pos;
        continue;
      }
      if (d.kind == ScanDir::Literal) {
        if (pos < n && in[pos] == d.lit) {
          ++pos;
          continue;
        }
        stop = true;
        break;
      }
      if (d.conv != 'c')
        while (pos < n && isWs(in[pos]))
          ++pos;
      if (pos >= n) {
        stop = true;
        break;
      }
      size_t lim = d.width > 0 ? std::min(n, pos + (size_t)d.width) : n;
      std::vector<double> got;
      bool ok = true;
      switch (d.conv) {
      case 'd':
      case 'u': {
        double v;
        ok = scanInt(in, pos, lim, 10, v);
        got.push_back(v);
        break;
      }
      case 'i':
      case 'o':
      case 'x': {
        double v;
        ok = scanInt(in, pos, lim, d.conv == 'i' ? 0 : d.conv == 'o' ? 8 : 16,
                     v);
        got.push_back(v);
        break;
      }
      case 'f':
      case 'e':
      case 'g': {
        double v;
        ok = scanFloat(in, pos, lim, v);
        got.push_back(v);
        break;
      }
      case 's':
        while (pos < lim && !isWs(in[pos]))
          got.push_back(in[pos++]);
        break;
      case 'c': {
        size_t w = d.width > 0 ? (size_t)d.width : 1;
        for (size_t k = 0; k < w && pos < n; ++k)
          got.push_back(in[pos++]);
        break;
      }
      default:
        ok = false;
      }
      if (!ok) {
        stop = true;
        break;
      }
      if (d.skip)
        continue;
      ++count;
      for (double g : got) {
        if ((double)vals.size() >= limit)
          break;
        vals.push_back(g);
      }
      if ((double)vals.size() >= limit) {
        stop = true;
        break;
      }
    }
    if (pos >= n || pos == loopStart)
      stop = true;
  }
  ValueRef a;
  ClassId cls = onlyText && anyConv ? ClassId::Char : ClassId::Double;
  int64_t nv = (int64_t)vals.size();
  if (outRows >= 0) {
    int64_t cols = outRows == 0 ? 0 : (nv + outRows - 1) / outRows;
    a = newArray(cls, Dims{outRows, cols});
    std::copy(vals.begin(), vals.end(), a->re.begin());
  } else if (nv == 0) {
    a = makeArray(cls, Dims{0, 0});
  } else if (cls == ClassId::Char) {
    a = charRow(vals);
  } else {
    a = makeColumnVector(vals);
  }
  if (nargout > 1)
    return {a, makeDouble((double)count)};
  return {a};
}

// ---- time ---------------------------------------------------------------------------

Args bi_clock(int, const Args &) {
  struct timeval tv;
  gettimeofday(&tv, nullptr);
  time_t t = tv.tv_sec;
  struct tm lt;
  localtime_r(&t, &lt);
  return {makeRowVector({(double)lt.tm_year + 1900, (double)lt.tm_mon + 1,
                         (double)lt.tm_mday, (double)lt.tm_hour,
                         (double)lt.tm_min,
                         (double)lt.tm_sec + (double)tv.tv_usec / 1e6})};
}

Args bi_cputime(int, const Args &) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  double t = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
             (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
  return {makeDouble(t)};
}

Args bi_now(int, const Args &) {
  struct timeval tv;
  gettimeofday(&tv, nullptr);
  time_t t = tv.tv_sec;
  struct tm lt;
  localtime_r(&t, &lt);
  // datenum(1970,1,1) is 719529; shift by the local UTC offset.
  double secs = (double)tv.tv_sec + (double)lt.tm_gmtoff +
                (double)tv.tv_usec / 1e6;
  return {makeDouble(719529.0 + secs / 86400.0)};
}

// ---- environment -----------------------------------------------------------------

Args bi_version(int, const Args &) { return {makeString("0.1.0 (RunMat)")}; }

Args bi_computer(int nargout, const Args &args) {
  if (!args.empty()) {
    if (!textIs(*args[0], "arch"))
      throwError("MATLAB:computer:InvalidInput",
                 "The input must be 'arch'.");
    return {makeString("glnxa64")};
  }
  Args out{makeString("GLNXA64")};
  if (nargout > 1)
    out.push_back(makeDouble(281474976710655.0)); // 2^48 - 1
  if (nargout > 2)
    out.push_back(makeString("L"));
  return out;
}

Args bi_ispc(int, const Args &) { return {makeBool(false)}; }
Args bi_isunix(int, const Args &) { return {makeBool(true)}; }
Args bi_ismac(int, const Args &) { return {makeBool(false)}; }
Args bi_filesep(int, const Args &) { return {makeString("/")}; }
Args bi_pathsep(int, const Args &) { return {makeString(":")}; }

Args bi_pwd(int, const Args &) {
  std::vector<char> buf(4096);
  while (!getcwd(buf.data(), buf.size())) {
    if (errno != ERANGE || buf.size() > (1u << 20))
      throwError("MATLAB:pwd:failed", "Cannot determine the current folder.");
    buf.resize(buf.size() * 2);
  }
  return {makeString(buf.data())};
}

namespace {

std::string joinPath(const std::vector<std::string> &parts) {
  std::string f = parts.empty() ? std::string() : parts[0];
  for (size_t k = 1; k < parts.size(); ++k) {
    const std::string &p = parts[k];
    if (f.empty() || p.empty())
      f += p;
    else if (f.back() == '/' && p.front() == '/')
      f += p.substr(1);
    else if (f.back() == '/' || p.front() == '/')
      f += p;
    else
      f += "/" + p;
  }
  // Repeated separators collapse to one.
  std::string out;
  for (char c : f)
    if (!(c == '/' && !out.empty() && out.back() == '/'))
      out += c;
  return out;
}

} // namespace

Args bi_fullfile(int, const Args &args) {
  const Value *cellArg = nullptr;
  for (const ValueRef &a : args) {
    if (a->cls == ClassId::Cell) {
      if (cellArg && cellArg->numel() != a->numel())
        throwError("MATLAB:fullfile:CellSizeMismatch",
                   "All cell array inputs must have the same number of "
                   "elements.");
      if (!cellArg)
        cellArg = a.get();
      for (const ValueRef &e : a->cells)
        if (!isText(*e))
          throwError("MATLAB:fullfile:InvalidInput",
                     "All inputs must be character vectors or cell arrays "
                     "of character vectors.");
    } else if (!isText(*a)) {
      throwError("MATLAB:fullfile:InvalidInput",
                 "All inputs must be character vectors or cell arrays of "
                 "character vectors.");
    }
  }
  auto joinAt = [&](int64_t k) {
    std::vector<std::string> parts;
    for (const ValueRef &a : args) {
      const Value &v = a->cls == ClassId::Cell ? *a->cells[(size_t)k] : *a;
      parts.push_back(unitsToUtf8(v.re.data(), v.re.size()));
    }
    return joinPath(parts);
  };
  if (!cellArg)
    return {makeString(joinAt(0))};
  ValueRef out = makeCell(cellArg->dims);
  for (int64_t k = 0; k < cellArg->numel(); ++k)
    out->cells[(size_t)k] = makeString(joinAt(k));
  return {out};
}

Args bi_fileparts(int nargout, const Args &args) {
  const Value &f = *args[0];
  if (f.cls != ClassId::Char || !(f.isRow() || f.isEmpty()))
    throwError("MATLAB:fileparts:MustBeChar",
               "Input must be a row vector of characters.");
  const std::vector<double> &u = f.re;
  int64_t n = (int64_t)u.size();
  auto sub = [&](int64_t from, int64_t to) { // [from, to) as a 1xN char
    std::vector<double> s(u.begin() + from, u.begin() + to);
    return charRow(s);
  };
  ValueRef path = makeArray(ClassId::Char, Dims{0, 0});
  ValueRef name = makeArray(ClassId::Char, Dims{0, 0});
  ValueRef ext = makeArray(ClassId::Char, Dims{0, 0});
  if (n > 0) {
    int64_t slash = -1;
    for (int64_t k = n - 1; k >= 0; --k)
      if (u[(size_t)k] == '/') {
        slash = k;
        break;
      }
    if (slash >= 0) {
      path = slash == 0 ? makeString("/") : sub(0, slash);
    }
    int64_t dot = -1;
    for (int64_t k = n - 1; k > slash; --k)
      if (u[(size_t)k] == '.') {
        dot = k;
        break;
      }
    if (dot < 0) {
      name = sub(slash + 1, n);
    } else {
      name = sub(slash + 1, dot);
      ext = sub(dot, n);
    }
  }
  Args out{path};
  if (nargout > 1)
    out.push_back(name);
  if (nargout > 2)
    out.push_back(ext);
  return out;
}

} // namespace runmat::rt
