//===- ArraySupport.cpp - Shared helpers for the array builtins -----------===//
//
// Argument checks, error helpers, class rules and size checks shared by the
// builtins in this folder.
//
//===----------------------------------------------------------------------===//
#include "ArraySupport.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unistd.h>

namespace runmat::rt::support {

void undefinedForType(const char *fn, const Value &v) {
  throwError("MATLAB:UndefinedFunction",
             "Undefined function '%s' for input arguments of type '%s'.", fn,
             className(v.cls));
}

void badArgType(const char *fn) {
  throwError("MATLAB:UndefinedFunction",
             "Check for incorrect argument data type or missing argument in "
             "call to function '%s'.",
             fn);
}

void sizeLimit() {
  throwError("MATLAB:array:SizeLimitExceeded",
             "Requested array exceeds the maximum possible size.");
}

bool isText(const Value &v) {
  return v.cls == ClassId::Char && (v.isRow() || v.isEmpty());
}

std::string textOf(const Value &v) {
  std::string s;
  s.reserve(v.re.size());
  for (double c : v.re)
    s.push_back(c >= 0 && c < 256 ? (char)(unsigned char)c : '?');
  return s;
}

bool textIs(const Value &v, const char *s) {
  if (!isText(v))
    return false;
  size_t n = v.re.size();
  for (size_t i = 0; i < n; ++i, ++s) {
    double c = v.re[i];
    if (!*s || c < 0 || c > 127 ||
        std::tolower((int)c) != std::tolower((unsigned char)*s))
      return false;
  }
  return *s == 0;
}

std::string nameColumns(const std::vector<std::string> &names) {
  size_t w = 0;
  for (const std::string &n : names)
    w = std::max(w, n.size() + 2);
  size_t perLine = std::max<size_t>(1, 80 / std::max<size_t>(w, 1));
  std::string text;
  for (size_t k = 0; k < names.size(); ++k) {
    text += names[k] + std::string(w - names[k].size(), ' ');
    if ((k + 1) % perLine == 0 || k + 1 == names.size())
      text += "\n";
  }
  return text;
}

/// Elements an array may have: what fits in physical memory (as MATLAB's
/// array size limit does), at least 2^31.
static int64_t maxElements() {
  static const int64_t limit = [] {
    long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
    int64_t bytes = pages > 0 && page > 0 ? (int64_t)pages * page : 0;
    int64_t n = bytes / (int64_t)sizeof(double);
    return n < ((int64_t)1 << 31) ? ((int64_t)1 << 31) : n;
  }();
  return limit;
}

int64_t checkedNumel(const Dims &d) {
  // The product of the nonzero dims must fit too: other code multiplies all
  // dims (Value::numel) without looking for a zero first.
  int64_t n = 1;
  bool zero = false;
  for (int64_t x : d) {
    if (x < 0)
      sizeLimit();
    if (x == 0)
      zero = true;
    else if (__builtin_mul_overflow(n, x, &n))
      sizeLimit();
  }
  if (zero)
    return 0;
  if (n > maxElements())
    sizeLimit();
  return n;
}

ValueRef newArray(ClassId c, const Dims &d, bool complex) {
  int64_t n = checkedNumel(d);
  Dims dd = d;
  normalizeDims(dd);
  ValueRef r = makeArray(c, dd);
  if (complex) {
    r->complex = true;
    r->im.assign((size_t)n, 0.0);
  }
  return r;
}

void dropZeroImag(Value &v) {
  if (!v.complex)
    return;
  for (double x : v.im)
    if (x != 0 || std::isnan(x))
      return;
  v.complex = false;
  v.im.clear();
  v.im.shrink_to_fit();
}

int64_t firstNonSingleton(const Dims &d) {
  for (size_t i = 0; i < d.size(); ++i)
    if (d[i] != 1)
      return (int64_t)i;
  return 0;
}

[[noreturn]] static void badDim() {
  throwError("MATLAB:getdimarg:dimensionMustBePositiveInteger",
             "Dimension argument must be a positive integer scalar within "
             "indexing range.");
}

int64_t dimArg(const Value &v) {
  if (!(isNumericClass(v.cls) || v.cls == ClassId::Logical) || v.numel() != 1 ||
      hasImag(v))
    badDim();
  double x = v.re[0];
  if (!(x >= 1) || x != std::floor(x) || x > 9.0e15)
    badDim();
  return (int64_t)x - 1;
}

std::vector<int64_t> vecDimArg(const Value &v) {
  if (!(isNumericClass(v.cls) || v.cls == ClassId::Logical) || v.isEmpty() ||
      !v.isVector() || hasImag(v))
    throwError("MATLAB:getdimarg:invalidDim",
               "Dimension argument must be a positive integer scalar or a "
               "vector of unique positive integers.");
  std::vector<int64_t> dims;
  for (double x : v.re) {
    if (!(x >= 1) || x != std::floor(x) || x > 9.0e15)
      badDim();
    int64_t d = (int64_t)x - 1;
    for (int64_t e : dims)
      if (e == d)
        throwError("MATLAB:getdimarg:vecDimsMustBeUniquePositiveIntegers",
                   "Dimension argument must be a positive integer scalar or "
                   "a vector of unique positive integers.");
    dims.push_back(d);
  }
  return dims;
}

DimSplit splitAt(const Dims &d, int64_t dim) {
  DimSplit s;
  for (int64_t i = 0; i < (int64_t)d.size(); ++i) {
    if (i < dim)
      s.before *= d[(size_t)i];
    else if (i == dim)
      s.len = d[(size_t)i];
    else
      s.after *= d[(size_t)i];
  }
  return s;
}

ClassId binaryClass(const char *fn, const Value &a, const Value &b) {
  if (!isArithmetic(a))
    undefinedForType(fn, a);
  if (!isArithmetic(b))
    undefinedForType(fn, b);
  bool ia = isIntegerClass(a.cls), ib = isIntegerClass(b.cls);
  if (ia && ib) {
    if (a.cls != b.cls)
      throwError("MATLAB:mixedIntegerClasses",
                 "Integers can only be combined with integers of the same "
                 "class, or scalar doubles.");
    return a.cls;
  }
  if (ia)
    return a.cls;
  if (ib)
    return b.cls;
  if (a.cls == ClassId::Single || b.cls == ClassId::Single)
    return ClassId::Single;
  return ClassId::Double;
}

double castValue(double x, ClassId c) {
  if (c == ClassId::Logical)
    return x != 0 ? 1.0 : 0.0;
  return castElement(x, c);
}

void castData(std::vector<double> &data, ClassId c) {
  if (c == ClassId::Double || !(isNumericClass(c) || c == ClassId::Logical))
    return;
  for (double &x : data)
    x = castValue(x, c);
}

Dims expandedDims(const Dims &a, const Dims &b) {
  size_t nd = a.size() > b.size() ? a.size() : b.size();
  Dims out(nd);
  for (size_t d = 0; d < nd; ++d) {
    int64_t da = d < a.size() ? a[d] : 1, db = d < b.size() ? b[d] : 1;
    if (da == db || db == 1)
      out[d] = da;
    else if (da == 1)
      out[d] = db;
    else
      throwError("MATLAB:sizeDimensionsMustMatch",
                 "Arrays have incompatible sizes for this operation.");
  }
  return out;
}

} // namespace runmat::rt::support
