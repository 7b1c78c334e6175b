//===- Creation.cpp - Array creation builtins
//-------------------------------===//
//
// zeros ones eye true false pi Inf NaN eps linspace repmat reshape magic cell:
// MATLAB's size arguments (n | m,n,... | [m n ...]), trailing class names and
// 'like', negative sizes clamped to 0, and size-limit checks.
//
//===----------------------------------------------------------------------===//
#include "ArraySupport.h"

#include <cmath>
#include <cstring>

namespace runmat::rt {

using namespace support;

namespace {

/// Which trailing class names a creation function accepts.
enum class ClassSet { Numeric, Float, Logical };

bool classFromName(const Value &v, ClassId &out) {
  static const struct {
    const char *name;
    ClassId cls;
  } names[] = {{"double", ClassId::Double},  {"single", ClassId::Single},
               {"int8", ClassId::Int8},      {"uint8", ClassId::UInt8},
               {"int16", ClassId::Int16},    {"uint16", ClassId::UInt16},
               {"int32", ClassId::Int32},    {"uint32", ClassId::UInt32},
               {"int64", ClassId::Int64},    {"uint64", ClassId::UInt64},
               {"logical", ClassId::Logical}};
  if (!isText(v))
    return false;
  std::string s = textOf(v);
  for (const auto &n : names)
    if (s == n.name) {
      out = n.cls;
      return true;
    }
  return false;
}

bool classAllowed(ClassId c, ClassSet set) {
  switch (set) {
  case ClassSet::Numeric:
    return isNumericClass(c);
  case ClassSet::Float:
    return isFloatClass(c);
  case ClassSet::Logical:
    return c == ClassId::Logical;
  }
  return false;
}

/// One size value: integer-valued (negative clamps to 0), finite.
int64_t sizeValue(double x) {
  if (std::isnan(x))
    throwError("MATLAB:NonIntegerInput", "Size inputs must be integers.");
  if (std::isinf(x)) {
    if (x < 0)
      return 0;
    sizeLimit();
  }
  if (x != std::floor(x))
    throwError("MATLAB:NonIntegerInput", "Size inputs must be integers.");
  if (x <= 0)
    return 0;
  if (x > 9.0e15)
    sizeLimit();
  return (int64_t)x;
}

bool isSizeLike(const Value &v) {
  return (isNumericClass(v.cls) || v.cls == ClassId::Logical) && !hasImag(v);
}

/// Dims from size arguments args[0..n): none -> 1x1, n -> nxn, m,n,... or
/// [m n ...].
Dims sizesFrom(const Args &args, size_t n) {
  if (n == 0)
    return Dims{1, 1};
  if (n == 1) {
    const Value &v = *args[0];
    if (!isSizeLike(v))
      throwError("MATLAB:invalidSizeInput", "Size inputs must be numeric.");
    if (v.numel() == 1) {
      int64_t s = sizeValue(v.re[0]);
      return Dims{s, s};
    }
    if (v.isEmpty())
      return Dims{0, 0};
    if (!v.isRow())
      throwError("MATLAB:getdimarg:invalidDimsInput",
                 "Size vector must be a row vector with real elements.");
    Dims d;
    for (double x : v.re)
      d.push_back(sizeValue(x));
    if (d.size() == 1)
      d.push_back(d[0]);
    return d;
  }
  Dims d;
  for (size_t i = 0; i < n; ++i) {
    const Value &v = *args[i];
    if (!isSizeLike(v))
      throwError("MATLAB:invalidSizeInput", "Size inputs must be numeric.");
    if (v.numel() != 1)
      throwError("MATLAB:NonScalarInput", "Size inputs must be scalar.");
    d.push_back(sizeValue(v.re[0]));
  }
  return d;
}

struct CreateSpec {
  Dims dims;
  ClassId cls;
  bool complexLike = false;
};

/// Parses `sizes..., [classname | 'like', p]`.
CreateSpec parseCreate(const char *fn, const Args &args, ClassId def,
                       ClassSet allowed) {
  CreateSpec spec;
  spec.cls = def;
  size_t n = args.size();
  if (n >= 2 && textIs(*args[n - 2], "like")) {
    const Value &p = *args[n - 1];
    if (!classAllowed(p.cls, allowed) &&
        !(allowed == ClassSet::Numeric && p.cls == ClassId::Logical))
      throwError("MATLAB:invalidLikeInput",
                 "Invalid data type for 'like' input to %s.", fn);
    spec.cls = p.cls;
    spec.complexLike = hasImag(p);
    n -= 2;
  } else if (n >= 1 && args[n - 1]->cls == ClassId::Char) {
    ClassId c;
    if (!classFromName(*args[n - 1], c) || !classAllowed(c, allowed)) {
      std::string name = textOf(*args[n - 1]);
      throwError("MATLAB:unsupportedClassName",
                 "Class name '%s' is not supported by %s.", name.c_str(), fn);
    }
    spec.cls = c;
    --n;
  }
  for (size_t i = 0; i < n; ++i)
    if (args[i]->cls == ClassId::Char)
      throwError("MATLAB:invalidSizeInput", "Size inputs must be numeric.");
  spec.dims = sizesFrom(args, n);
  return spec;
}

ValueRef filled(const CreateSpec &spec, double x) {
  ValueRef r = newArray(spec.cls, spec.dims, spec.complexLike);
  if (x != 0) {
    double v = castValue(x, spec.cls);
    std::fill(r->re.begin(), r->re.end(), v);
  }
  return r;
}

} // namespace

Args bi_zeros(int, const Args &args) {
  return {filled(parseCreate("zeros", args, ClassId::Double, ClassSet::Numeric),
                 0.0)};
}

Args bi_ones(int, const Args &args) {
  return {filled(parseCreate("ones", args, ClassId::Double, ClassSet::Numeric),
                 1.0)};
}

Args bi_true(int, const Args &args) {
  return {filled(parseCreate("true", args, ClassId::Logical, ClassSet::Logical),
                 1.0)};
}

Args bi_false(int, const Args &args) {
  return {filled(
      parseCreate("false", args, ClassId::Logical, ClassSet::Logical), 0.0)};
}

Args bi_pi(int, const Args &args) {
  return {
      filled(parseCreate("pi", args, ClassId::Double, ClassSet::Float), M_PI)};
}

Args bi_inf(int, const Args &args) {
  return {filled(parseCreate("Inf", args, ClassId::Double, ClassSet::Float),
                 INFINITY)};
}

Args bi_nan(int, const Args &args) {
  return {
      filled(parseCreate("NaN", args, ClassId::Double, ClassSet::Float), NAN)};
}

Args bi_eye(int, const Args &args) {
  CreateSpec spec =
      parseCreate("eye", args, ClassId::Double, ClassSet::Numeric);
  if (spec.dims.size() > 2)
    throwError("MATLAB:eye:NDArray", "N-dimensional arrays are not supported.");
  ValueRef r = newArray(spec.cls, spec.dims, spec.complexLike);
  int64_t m = spec.dims[0], n = spec.dims[1];
  for (int64_t i = 0; i < m && i < n; ++i)
    r->re[(size_t)(i + i * m)] = 1.0;
  return {r};
}

/// Spacing of floating-point numbers at x (eps(x)).
static double epsAt(double x, bool single) {
  x = std::fabs(x);
  if (!std::isfinite(x))
    return NAN;
  int mant = single ? 24 : 53;
  double tiny = single ? std::ldexp(1.0, -149) : std::ldexp(1.0, -1074);
  double minNormal = single ? std::ldexp(1.0, -126) : std::ldexp(1.0, -1022);
  if (x < minNormal)
    return tiny;
  int e;
  std::frexp(x, &e); // x = f * 2^e, f in [0.5, 1)
  return std::ldexp(1.0, e - mant);
}

Args bi_eps(int, const Args &args) {
  if (args.empty())
    return {makeDouble(std::ldexp(1.0, -52))};
  const Value &v = *args[0];
  if (v.cls == ClassId::Char) {
    ClassId c;
    if (!classFromName(v, c) || !isFloatClass(c)) {
      std::string name = textOf(v);
      throwError("MATLAB:eps:invalidClassName",
                 "Class name '%s' is not supported by eps.", name.c_str());
    }
    ValueRef r = newArray(c, Dims{1, 1});
    r->re[0] =
        c == ClassId::Single ? std::ldexp(1.0, -23) : std::ldexp(1.0, -52);
    return {r};
  }
  if (!(isFloatClass(v.cls) || v.cls == ClassId::Logical))
    undefinedForType("eps", v);
  bool single = v.cls == ClassId::Single;
  ValueRef r = newArray(single ? ClassId::Single : ClassId::Double, v.dims);
  for (size_t k = 0; k < v.re.size(); ++k) {
    double x = v.re[k];
    if (hasImag(v))
      x = std::hypot(x, v.im[k]);
    r->re[k] = epsAt(x, single);
  }
  return {r};
}

// ---- linspace -------------------------------------------------------------

/// MATLAB's linspace formula in precision T (endpoints exact, n=1 gives b).
template <class T>
static void linspaceInto(T d1, T d2, int64_t n, double *out) {
  T n1 = (T)(n - 1);
  T c = (d2 - d1) * (n1 - 1);
  for (int64_t k = 0; k < n; ++k) {
    T kk = (T)k, y;
    if (std::isinf(c)) {
      if (std::isinf(d2 - d1))
        y = d1 + (d2 / n1) * kk - (d1 / n1) * kk;
      else
        y = d1 + kk * ((d2 - d1) / n1);
    } else {
      y = d1 + kk * (d2 - d1) / n1;
    }
    out[k] = (double)y;
  }
  if (n > 0) {
    if (d1 == d2) {
      for (int64_t k = 0; k < n; ++k)
        out[k] = (double)d1;
    } else {
      out[0] = (double)d1;
      out[n - 1] = (double)d2;
    }
  }
}

Args bi_linspace(int, const Args &args) {
  const Value &a = *args[0], &b = *args[1];
  if (!isArithmetic(a))
    undefinedForType("linspace", a);
  if (!isArithmetic(b))
    undefinedForType("linspace", b);
  if (a.numel() != 1 || b.numel() != 1)
    throwError("MATLAB:linspace:scalarInputs", "Inputs must be scalars.");
  int64_t n = 100;
  if (args.size() > 2) {
    const Value &nv = *args[2];
    if (!isArithmetic(nv) || nv.numel() != 1 || hasImag(nv))
      throwError("MATLAB:linspace:scalarInputs", "Inputs must be scalars.");
    double x = std::floor(nv.re[0]);
    if (std::isnan(x))
      throwError("MATLAB:linspace:nanN", "Number of points must not be NaN.");
    if (x < 1)
      n = 0;
    else if (x > 9.0e15)
      sizeLimit();
    else
      n = (int64_t)x;
  }
  bool single = a.cls == ClassId::Single || b.cls == ClassId::Single;
  bool cplx = hasImag(a) || hasImag(b);
  ClassId cls = single ? ClassId::Single : ClassId::Double;
  ValueRef r = newArray(cls, Dims{1, n}, cplx);
  if (single) {
    linspaceInto<float>((float)a.re[0], (float)b.re[0], n, r->re.data());
    if (cplx)
      linspaceInto<float>((float)imagAt(a, 0), (float)imagAt(b, 0), n,
                          r->im.data());
  } else {
    linspaceInto<double>(a.re[0], b.re[0], n, r->re.data());
    if (cplx)
      linspaceInto<double>(imagAt(a, 0), imagAt(b, 0), n, r->im.data());
  }
  if (cplx)
    dropZeroImag(*r);
  return {r};
}

// ---- repmat / reshape -----------------------------------------------------

namespace {

/// Slots per element of v's storage: cells for cell/struct arrays.
size_t slotsPerElement(const Value &v) {
  if (v.cls == ClassId::Struct)
    return v.fields.size();
  return 1;
}

int64_t repValue(double x) {
  if (std::isnan(x) || x != std::floor(x))
    throwError("MATLAB:repmat:invalidReplications",
               "Replication factors must be a row vector of integers or "
               "integer scalars.");
  if (x <= 0)
    return 0;
  if (x > 9.0e15)
    sizeLimit();
  return (int64_t)x;
}

} // namespace

Args bi_repmat(int, const Args &args) {
  const Value &a = *args[0];
  if (a.cls == ClassId::FunctionHandle)
    undefinedForType("repmat", a);
  Dims reps;
  if (args.size() == 2) {
    const Value &r = *args[1];
    if (!isSizeLike(r) || r.isEmpty() || !r.isVector())
      throwError("MATLAB:repmat:invalidReplications",
                 "Replication factors must be a row vector of integers or "
                 "integer scalars.");
    for (double x : r.re)
      reps.push_back(repValue(x));
    if (reps.size() == 1)
      reps.push_back(reps[0]);
  } else {
    for (size_t i = 1; i < args.size(); ++i) {
      const Value &r = *args[i];
      if (!isSizeLike(r) || r.numel() != 1)
        throwError("MATLAB:repmat:invalidReplications",
                   "Replication factors must be a row vector of integers or "
                   "integer scalars.");
      reps.push_back(repValue(r.re[0]));
    }
  }
  size_t nd = std::max(reps.size(), a.dims.size());
  Dims src(nd, 1), out(nd, 1);
  for (size_t d = 0; d < nd; ++d) {
    src[d] = d < a.dims.size() ? a.dims[d] : 1;
    int64_t rep = d < reps.size() ? reps[d] : 1;
    if (__builtin_mul_overflow(src[d], rep, &out[d]))
      sizeLimit();
  }
  int64_t n = checkedNumel(out);
  bool isCellLike = a.cls == ClassId::Cell || a.cls == ClassId::Struct;
  ValueRef r = newArray(a.cls, out, hasImag(a));
  if (a.cls == ClassId::Struct)
    r->fields = a.fields;
  size_t spe = slotsPerElement(a);
  if (isCellLike)
    r->cells.assign((size_t)n * spe, ValueRef());
  if (n == 0) {
    normalizeDims(r->dims);
    return {r};
  }
  // Walk the output one source column (length src[0]) at a time.
  int64_t rows = src[0], outRows = out[0];
  int64_t cols = n / outRows;
  std::vector<int64_t> cnt(nd, 0);
  std::vector<int64_t> srcStride(nd, 1);
  for (size_t d = 1; d < nd; ++d)
    srcStride[d] = srcStride[d - 1] * src[d - 1];
  int64_t dst = 0;
  for (int64_t c = 0; c < cols; ++c) {
    int64_t srcBase = 0;
    for (size_t d = 1; d < nd; ++d)
      srcBase += (cnt[d] % src[d]) * srcStride[d];
    for (int64_t k = 0; k < outRows; k += rows) {
      for (int64_t i = 0; i < rows; ++i, ++dst) {
        int64_t s = srcBase + i;
        if (isCellLike) {
          for (size_t f = 0; f < spe; ++f)
            r->cells[(size_t)dst * spe + f] = a.cells[(size_t)s * spe + f];
        } else {
          r->re[(size_t)dst] = a.re[(size_t)s];
          if (hasImag(a))
            r->im[(size_t)dst] = a.im[(size_t)s];
        }
      }
    }
    for (size_t d = 1; d < nd; ++d) {
      if (++cnt[d] < out[d])
        break;
      cnt[d] = 0;
    }
  }
  return {r};
}

Args bi_reshape(int, const Args &args) {
  const Value &a = *args[0];
  auto notInt = [] {
    throwError("MATLAB:getReshapeDims:notRealInt",
               "Size arguments must be real integers.");
  };
  auto dimValue = [&](double x) -> int64_t {
    if (std::isnan(x) || x != std::floor(x))
      notInt();
    if (x < 0)
      throwError("MATLAB:getReshapeDims:notNonnegInt",
                 "Size argument cannot be negative.");
    if (x > 9.0e15)
      sizeLimit();
    return (int64_t)x;
  };
  Dims d;
  int unknown = -1;
  if (args.size() == 2) {
    const Value &s = *args[1];
    if (!isSizeLike(s))
      notInt();
    if (s.numel() < 2 || !s.isVector())
      throwError("MATLAB:getReshapeDims:sizeVector",
                 "Size vector must have at least two elements.");
    for (double x : s.re)
      d.push_back(dimValue(x));
  } else {
    for (size_t i = 1; i < args.size(); ++i) {
      const Value &s = *args[i];
      if (s.isEmpty() && (isSizeLike(s) || s.cls == ClassId::Char)) {
        if (unknown >= 0)
          throwError("MATLAB:getReshapeDims:unknownDim",
                     "Size can only have one unknown dimension.");
        unknown = (int)d.size();
        d.push_back(1);
        continue;
      }
      if (!isSizeLike(s))
        notInt();
      if (s.numel() != 1)
        throwError("MATLAB:getReshapeDims:notScalar",
                   "Size arguments must be integer scalars.");
      d.push_back(dimValue(s.re[0]));
    }
  }
  int64_t n = a.numel();
  if (unknown >= 0) {
    int64_t known = 1;
    bool overflow = false;
    for (size_t i = 0; i < d.size(); ++i)
      if ((int)i != unknown && __builtin_mul_overflow(known, d[i], &known))
        overflow = true;
    if (overflow || known == 0 || n % known != 0)
      throwError("MATLAB:getReshapeDims:notDivisible",
                 "Product of known dimensions, %lld, not divisible into total "
                 "number of elements, %lld.",
                 (long long)known, (long long)n);
    d[(size_t)unknown] = n / known;
  }
  int64_t m = 1;
  bool overflow = false;
  for (int64_t x : d)
    if (__builtin_mul_overflow(m, x, &m))
      overflow = true;
  if (overflow || m != n)
    throwError("MATLAB:getReshapeDims:notSameNumel",
               "Number of elements must not change. Use [] as one of the size "
               "inputs to automatically calculate the appropriate size for "
               "that dimension.");
  ValueRef r = copyValue(a);
  normalizeDims(d);
  r->dims = d;
  return {r};
}

// ---- magic / cell
// -------------------------------------------------------------

static void magicInto(int64_t n, std::vector<double> &m) {
  // m is n*n, column-major; M(i,j) = m[i + j*n] with 0-based i, j.
  auto at = [&](int64_t i, int64_t j) -> double & {
    return m[(size_t)(i + j * n)];
  };
  if (n % 2 == 1) {
    for (int64_t j = 1; j <= n; ++j)
      for (int64_t i = 1; i <= n; ++i) {
        int64_t a = ((i + j - (n + 3) / 2) % n + n) % n;
        int64_t b = ((i + 2 * j - 2) % n + n) % n;
        at(i - 1, j - 1) = (double)(n * a + b + 1);
      }
    return;
  }
  if (n % 4 == 0) {
    for (int64_t j = 1; j <= n; ++j)
      for (int64_t i = 1; i <= n; ++i) {
        double v = (double)((i - 1) * n + j); // reshape(1:n*n,n,n)'
        bool k = ((i % 4) / 2) == ((j % 4) / 2);
        at(i - 1, j - 1) = k ? (double)(n * n + 1) - v : v;
      }
    return;
  }
  int64_t p = n / 2;
  std::vector<double> q((size_t)(p * p));
  magicInto(p, q);
  double p2 = (double)(p * p);
  for (int64_t j = 0; j < p; ++j)
    for (int64_t i = 0; i < p; ++i) {
      double v = q[(size_t)(i + j * p)];
      at(i, j) = v;
      at(i, j + p) = v + 2 * p2;
      at(i + p, j) = v + 3 * p2;
      at(i + p, j + p) = v + p2;
    }
  if (n == 2)
    return;
  int64_t k = (n - 2) / 4;
  auto swapCols = [&](int64_t j) { // 1-based column j: swap halves' rows
    for (int64_t i = 0; i < p; ++i)
      std::swap(at(i, j - 1), at(i + p, j - 1));
  };
  for (int64_t j = 1; j <= k; ++j)
    swapCols(j);
  for (int64_t j = n - k + 2; j <= n; ++j)
    swapCols(j);
  // M([i; i+p], [1 i]) = M([i+p; i], [1 i]) with i = k+1.
  int64_t i = k; // 0-based row k+1
  for (int64_t j : {(int64_t)1, k + 1}) {
    std::swap(at(i, j - 1), at(i + p, j - 1));
  }
}

Args bi_magic(int, const Args &args) {
  const Value &v = *args[0];
  if (!isSizeLike(v) || v.numel() != 1)
    throwError("MATLAB:magic:invalidInput", "Input must be a scalar.");
  double x = std::floor(v.re[0]);
  if (std::isnan(x))
    x = 0;
  int64_t n = x < 1 ? 0 : (x > 9.0e15 ? (int64_t)9.0e15 : (int64_t)x);
  ValueRef r = newArray(ClassId::Double, Dims{n, n});
  if (n > 0)
    magicInto(n, r->re);
  return {r};
}

Args bi_cell(int, const Args &args) {
  for (const ValueRef &a : args)
    if (a->cls == ClassId::Char)
      throwError("MATLAB:invalidSizeInput", "Size inputs must be numeric.");
  Dims d = sizesFrom(args, args.size());
  checkedNumel(d);
  normalizeDims(d);
  return {makeCell(d)};
}

// ---- permute / squeeze
// ------------------------------------------------------------------

namespace {

/// A copy of v with its dimensions rearranged: output dim d is input dim
/// perm[d] (any class; struct elements move with all their fields).
ValueRef permuted(const Value &v, const std::vector<int64_t> &perm) {
  size_t nd = perm.size();
  Dims out(nd);
  std::vector<int64_t> inStride(nd, 1), srcStride(nd);
  for (size_t d = 1; d < nd; ++d)
    inStride[d] = inStride[d - 1] * dimSize(v.dims, (int64_t)d - 1);
  for (size_t d = 0; d < nd; ++d) {
    out[d] = dimSize(v.dims, perm[d]);
    srcStride[d] = inStride[(size_t)perm[d]];
  }
  bool cellLike = v.cls == ClassId::Cell || v.cls == ClassId::Struct;
  size_t spe = v.cls == ClassId::Struct ? v.fields.size() : 1;
  bool cplx = hasImag(v);
  ValueRef r = copyValue(v); // class, fields, handle data
  Dims nd2 = out;
  normalizeDims(nd2);
  r->dims = nd2;
  int64_t n = v.numel();
  std::vector<int64_t> cnt(nd, 0);
  int64_t src = 0;
  for (int64_t k = 0; k < n; ++k) {
    if (cellLike) {
      for (size_t f = 0; f < spe; ++f)
        r->cells[(size_t)k * spe + f] = v.cells[(size_t)src * spe + f];
    } else if (v.cls != ClassId::FunctionHandle) {
      r->re[(size_t)k] = v.re[(size_t)src];
      if (cplx)
        r->im[(size_t)k] = v.im[(size_t)src];
    }
    for (size_t d = 0; d < nd; ++d) {
      src += srcStride[d];
      if (++cnt[d] < out[d])
        break;
      src -= srcStride[d] * out[d];
      cnt[d] = 0;
    }
  }
  return r;
}

} // namespace

Args bi_permute(int, const Args &args) {
  const Value &v = *args[0];
  const Value &p = *args[1];
  if (!isSizeLike(p) || !p.isVector() || p.isEmpty())
    throwError("MATLAB:permute:badIndex",
               "ORDER contains an invalid permutation index.");
  size_t nd = p.re.size();
  if (nd < v.dims.size())
    throwError("MATLAB:permute:tooFewIndices",
               "ORDER must have at least N elements for an N-D array.");
  std::vector<int64_t> perm;
  std::vector<bool> seen(nd, false);
  for (double x : p.re) {
    if (!(x >= 1) || x > (double)nd || x != std::floor(x) ||
        seen[(size_t)x - 1])
      throwError("MATLAB:permute:badIndex",
                 "ORDER contains an invalid permutation index.");
    seen[(size_t)x - 1] = true;
    perm.push_back((int64_t)x - 1);
  }
  return {permuted(v, perm)};
}

Args bi_squeeze(int, const Args &args) {
  const Value &v = *args[0];
  if (v.dims.size() <= 2)
    return {args[0]};
  Dims d;
  for (int64_t x : v.dims)
    if (x != 1)
      d.push_back(x);
  while (d.size() < 2)
    d.push_back(1);
  ValueRef r = copyValue(v);
  r->dims = d;
  return {r};
}

// ---- diag, triu, tril, kron
// ----------------------------------------------------------------

static int64_t diagOffset(const Args &args, size_t i) {
  if (args.size() <= i)
    return 0;
  const Value &k = *args[i];
  if (!isSizeLike(k) || k.numel() != 1 || k.re[0] != std::floor(k.re[0]) ||
      std::fabs(k.re[0]) > 9.0e15)
    throwError("MATLAB:diag:kthDiagInputNotInteger",
               "K-th diagonal input must be an integer scalar.");
  return (int64_t)k.re[0];
}

Args bi_diag(int, const Args &args) {
  const Value &v = *args[0];
  if (!isArithmetic(v))
    undefinedForType("diag", v);
  if (v.dims.size() > 2)
    throwError("MATLAB:diag:firstInputMustBe2D", "First input must be 2-D.");
  int64_t k = diagOffset(args, 1);
  bool cplx = hasImag(v);
  int64_t m = v.dims[0], n = v.dims[1];
  if (m == 1 || n == 1) {
    // Vector: build a matrix with v on diagonal k.
    int64_t len = v.numel(), ak = k < 0 ? -k : k;
    int64_t size;
    if (__builtin_add_overflow(len, ak, &size))
      sizeLimit();
    ValueRef r = newArray(v.cls, Dims{size, size}, cplx);
    for (int64_t t = 0; t < len; ++t) {
      int64_t i = k >= 0 ? t : t - k, j = k >= 0 ? t + k : t;
      r->re[(size_t)(i + j * size)] = v.re[(size_t)t];
      if (cplx)
        r->im[(size_t)(i + j * size)] = v.im[(size_t)t];
    }
    return {r};
  }
  // Matrix: extract diagonal k as a column.
  int64_t i0 = k >= 0 ? 0 : -k, j0 = k >= 0 ? k : 0;
  int64_t len = std::max<int64_t>(0, std::min(m - i0, n - j0));
  ValueRef r = newArray(v.cls, Dims{len, 1}, cplx);
  for (int64_t t = 0; t < len; ++t) {
    size_t src = (size_t)((i0 + t) + (j0 + t) * m);
    r->re[(size_t)t] = v.re[src];
    if (cplx)
      r->im[(size_t)t] = v.im[src];
  }
  if (m == 0 && n == 0)
    r->dims = Dims{0, 0};
  if (cplx)
    dropZeroImag(*r);
  return {r};
}

static ValueRef triangle(const char *fn, const Args &args, bool upper) {
  const Value &v = *args[0];
  if (!isArithmetic(v))
    undefinedForType(fn, v);
  if (v.dims.size() > 2)
    throwError("MATLAB:triu:firstInputMustBe2D", "First input must be 2-D.");
  int64_t k = diagOffset(args, 1);
  ValueRef r = copyValue(v);
  int64_t m = v.dims[0], n = v.dims[1];
  for (int64_t j = 0; j < n; ++j)
    for (int64_t i = 0; i < m; ++i) {
      bool keep = upper ? j - i >= k : j - i <= k;
      if (!keep) {
        r->re[(size_t)(i + j * m)] = 0;
        if (hasImag(v))
          r->im[(size_t)(i + j * m)] = 0;
      }
    }
  if (hasImag(v))
    dropZeroImag(*r);
  return r;
}

Args bi_triu(int, const Args &args) { return {triangle("triu", args, true)}; }
Args bi_tril(int, const Args &args) { return {triangle("tril", args, false)}; }

Args bi_kron(int, const Args &args) {
  const Value &a = *args[0], &b = *args[1];
  ClassId cls = binaryClass("kron", a, b);
  if (a.dims.size() > 2 || b.dims.size() > 2)
    throwError("MATLAB:kron:NDArray", "Inputs must be 2-D.");
  int64_t ma = a.dims[0], na = a.dims[1], mb = b.dims[0], nb = b.dims[1];
  int64_t m, n;
  if (__builtin_mul_overflow(ma, mb, &m) || __builtin_mul_overflow(na, nb, &n))
    sizeLimit();
  bool cplx = hasImag(a) || hasImag(b);
  ValueRef r = newArray(cls, Dims{m, n}, cplx);
  for (int64_t ja = 0; ja < na; ++ja)
    for (int64_t jb = 0; jb < nb; ++jb)
      for (int64_t ia = 0; ia < ma; ++ia)
        for (int64_t ib = 0; ib < mb; ++ib) {
          size_t pa = (size_t)(ia + ja * ma), pb = (size_t)(ib + jb * mb);
          size_t o = (size_t)((ia * mb + ib) + (ja * nb + jb) * m);
          double ar = a.re[pa], ai = imagAt(a, (int64_t)pa);
          double br = b.re[pb], bi = imagAt(b, (int64_t)pb);
          r->re[o] = ar * br - ai * bi;
          if (cplx)
            r->im[o] = ar * bi + ai * br;
        }
  if (cls != ClassId::Double) {
    castData(r->re, cls);
    if (cplx)
      castData(r->im, cls);
  }
  if (cplx)
    dropZeroImag(*r);
  return {r};
}

// ---- meshgrid / ndgrid
// -----------------------------------------------------------------

namespace {

/// Grid output: x's elements laid along dimension `along` of an array of
/// dims `d`.
ValueRef gridAlong(const Value &x, const Dims &d, size_t along) {
  ValueRef r = newArray(x.cls, d, hasImag(x));
  int64_t n = r->numel();
  int64_t before = 1;
  for (size_t k = 0; k < along; ++k)
    before *= d[k];
  int64_t len = d[along];
  for (int64_t t = 0; t < n; ++t) {
    int64_t i = (t / before) % len;
    r->re[(size_t)t] = x.re[(size_t)i];
    if (hasImag(x))
      r->im[(size_t)t] = x.im[(size_t)i];
  }
  return r;
}

void requireGridVector(const char *fn, const Value &v) {
  if (!isArithmetic(v))
    undefinedForType(fn, v);
  if (!v.isVector() && !v.isEmpty())
    throwError("MATLAB:meshgrid:NotVectorInput",
               "Input arguments must be vectors.");
}

} // namespace

Args bi_meshgrid(int nargout, const Args &args) {
  for (const ValueRef &a : args)
    requireGridVector("meshgrid", *a);
  const Value &x = *args[0];
  const Value &y = args.size() > 1 ? *args[1] : x;
  bool three = args.size() > 2 || nargout > 2;
  const Value &z = args.size() > 2 ? *args[2] : x;
  Dims d = three ? Dims{y.numel(), x.numel(), z.numel()}
                 : Dims{y.numel(), x.numel()};
  checkedNumel(d);
  Args out;
  out.push_back(gridAlong(x, d, 1));
  if (nargout > 1)
    out.push_back(gridAlong(y, d, 0));
  if (nargout > 2)
    out.push_back(gridAlong(z, d, 2));
  for (ValueRef &o : out)
    normalizeDims(o->dims);
  return out;
}

Args bi_ndgrid(int nargout, const Args &args) {
  for (const ValueRef &a : args)
    requireGridVector("ndgrid", *a);
  size_t n = std::max<size_t>(
      args.size() == 1 ? (size_t)std::max(nargout, 1) : args.size(), 1);
  Dims d(std::max<size_t>(n, 2), 1);
  for (size_t k = 0; k < n; ++k)
    d[k] = args[args.size() == 1 ? 0 : k]->numel();
  if (n == 1)
    d[1] = 1;
  checkedNumel(d);
  Args out;
  for (size_t k = 0; k < n && (int)k < std::max(nargout, 1); ++k) {
    ValueRef g = gridAlong(*args[args.size() == 1 ? 0 : k], d, k);
    normalizeDims(g->dims);
    out.push_back(g);
  }
  return out;
}

} // namespace runmat::rt
