//===- Value.cpp - MATLAB values in the runtime ---------------------------===//
//
// Reference counting, construction, copy-on-write, dimension helpers and class
// conversions of runmat::rt::Value (see runmat/rt/Value.h).
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/Value.h"
#include "runmat/rt/abi.h"

#include "runmat/rt/Error.h"
#include "runmat/rt/Int64.h"

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <limits>
#include <new>
#include <unistd.h>

namespace runmat::rt {

// ---- classes ---------------------------------------------------------------

const char *className(ClassId c) {
  switch (c) {
  case ClassId::Double:
    return "double";
  case ClassId::Single:
    return "single";
  case ClassId::Int8:
    return "int8";
  case ClassId::UInt8:
    return "uint8";
  case ClassId::Int16:
    return "int16";
  case ClassId::UInt16:
    return "uint16";
  case ClassId::Int32:
    return "int32";
  case ClassId::UInt32:
    return "uint32";
  case ClassId::Int64:
    return "int64";
  case ClassId::UInt64:
    return "uint64";
  case ClassId::Logical:
    return "logical";
  case ClassId::Char:
    return "char";
  case ClassId::Cell:
    return "cell";
  case ClassId::Struct:
    return "struct";
  case ClassId::FunctionHandle:
    return "function_handle";
  }
  return "unknown";
}

bool isNumericClass(ClassId c) { return c <= ClassId::UInt64; }

bool isIntegerClass(ClassId c) {
  return c >= ClassId::Int8 && c <= ClassId::UInt64;
}

bool isFloatClass(ClassId c) {
  return c == ClassId::Double || c == ClassId::Single;
}

// --- ValueRef ----------------------------------------------------------------

ValueRef ValueRef::borrow(Value *v) {
  if (v)
    ++v->refcount;
  return adopt(v);
}

ValueRef::ValueRef(const ValueRef &o) : p(o.p) {
  if (p)
    ++p->refcount;
}

ValueRef &ValueRef::operator=(const ValueRef &o) {
  if (o.p)
    ++o.p->refcount;
  Value *old = p;
  p = o.p;
  if (old && --old->refcount == 0)
    delete old;
  return *this;
}

ValueRef &ValueRef::operator=(ValueRef &&o) noexcept {
  if (this != &o) {
    Value *old = p;
    p = o.p;
    o.p = nullptr;
    if (old && --old->refcount == 0)
      delete old;
  }
  return *this;
}

ValueRef::~ValueRef() {
  if (p && --p->refcount == 0)
    delete p;
}

// --- Value -------------------------------------------------------------------

Value::~Value() { delete fh; }

const char *classNameOf(const Value &v) {
  return v.exception ? "MException" : className(v.cls);
}

// The header layout compiled code reads (abi.h, RM_LAYOUT_*). The data
// pointers inside the std::vector members are checked by the unit tests.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
static_assert(offsetof(Value, refcount) == RM_LAYOUT_REFCOUNT &&
                  sizeof(Value::refcount) == 8,
              "abi.h RM_LAYOUT_REFCOUNT");
static_assert(offsetof(Value, cls) == RM_LAYOUT_KIND &&
                  offsetof(Value, complex) == RM_LAYOUT_KIND + 1 &&
                  (int)ClassId::Double == 0,
              "abi.h RM_LAYOUT_KIND");
static_assert(offsetof(Value, dims) == RM_LAYOUT_DIMS, "abi.h RM_LAYOUT_DIMS");
static_assert(offsetof(Value, re) == RM_LAYOUT_DATA_BEGIN &&
                  RM_LAYOUT_DATA_END == RM_LAYOUT_DATA_BEGIN + sizeof(double *),
              "abi.h RM_LAYOUT_DATA_*");
#pragma GCC diagnostic pop

int64_t Value::numel() const {
  int64_t n = 1;
  for (int64_t d : dims)
    n *= d;
  return n;
}

int64_t Value::cols() const {
  int64_t n = 1;
  for (size_t k = 1; k < dims.size(); ++k)
    n *= dims[k];
  return n;
}

bool Value::isVector() const {
  return dims.size() == 2 && (dims[0] == 1 || dims[1] == 1);
}

namespace {

void appendUtf8(std::string &out, uint32_t cp) {
  if (cp < 0x80) {
    out += (char)cp;
  } else if (cp < 0x800) {
    out += (char)(0xC0 | (cp >> 6));
    out += (char)(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += (char)(0xE0 | (cp >> 12));
    out += (char)(0x80 | ((cp >> 6) & 0x3F));
    out += (char)(0x80 | (cp & 0x3F));
  } else {
    out += (char)(0xF0 | (cp >> 18));
    out += (char)(0x80 | ((cp >> 12) & 0x3F));
    out += (char)(0x80 | ((cp >> 6) & 0x3F));
    out += (char)(0x80 | (cp & 0x3F));
  }
}

uint32_t codeUnit(double x) {
  if (!(x >= 0))
    return 0;
  if (x > 0xFFFF)
    return 0xFFFF;
  return (uint32_t)x;
}

} // namespace

std::string Value::str() const {
  std::string out;
  int64_t n = (int64_t)re.size();
  if (n == 0)
    return out;
  int64_t r = dims[0] > 0 ? dims[0] : 1;
  int64_t c = n / r;
  out.reserve((size_t)n);
  // Row-major walk: row 0 left to right, then row 1, ...
  std::vector<uint32_t> units;
  units.reserve((size_t)n);
  for (int64_t i = 0; i < r; ++i)
    for (int64_t j = 0; j < c; ++j)
      units.push_back(codeUnit(re[(size_t)(j * r + i)]));
  for (size_t k = 0; k < units.size(); ++k) {
    uint32_t u = units[k];
    if (u >= 0xD800 && u <= 0xDBFF && k + 1 < units.size() &&
        units[k + 1] >= 0xDC00 && units[k + 1] <= 0xDFFF) {
      uint32_t cp = 0x10000 + ((u - 0xD800) << 10) + (units[k + 1] - 0xDC00);
      appendUtf8(out, cp);
      ++k;
    } else if (u >= 0xD800 && u <= 0xDFFF) {
      appendUtf8(out, 0xFFFD);
    } else {
      appendUtf8(out, u);
    }
  }
  return out;
}

// - dims ----------------------------------------------------------------------

void normalizeDims(Dims &d) {
  if (d.empty()) {
    d = {0, 0};
    return;
  }
  if (d.size() == 1)
    d.push_back(1);
  for (int64_t &x : d)
    if (x < 0)
      x = 0;
  while (d.size() > 2 && d.back() == 1)
    d.pop_back();
}

int64_t numelOf(const Dims &d) {
  if (d.empty())
    return 0;
  int64_t n = 1;
  bool overflow = false;
  for (int64_t x : d) {
    if (x <= 0)
      return 0;
    if (!overflow && __builtin_mul_overflow(n, x, &n))
      overflow = true;
  }
  if (overflow)
    throwError("MATLAB:pmaxsize",
               "Requested array exceeds the maximum possible size.");
  return n;
}

std::string dimsString(const Dims &d) {
  std::string s;
  if (d.empty())
    return "0\xC3\x97"
           "0";
  for (size_t k = 0; k < d.size(); ++k) {
    if (k)
      s += "\xC3\x97"; // U+00D7 MULTIPLICATION SIGN
    s += std::to_string(d[k]);
  }
  if (d.size() == 1)
    s += "\xC3\x97"
         "1";
  return s;
}

namespace {

/// Bytes of physical memory (0 when unknown).
double physicalBytes() {
  static const double bytes = [] {
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    return pages > 0 && size > 0 ? (double)pages * (double)size : 0.0;
  }();
  return bytes;
}

std::string gigabytes(double b) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1fGB", b / (1024.0 * 1024.0 * 1024.0));
  return buf;
}

} // namespace

void checkArraySize(const Dims &d, bool complex) {
  int64_t n = numelOf(d); // errors on overflow
  // std::vector cannot hold more than this many doubles.
  if (n > (int64_t)1 << 56)
    throwError("MATLAB:pmaxsize",
               "Requested array exceeds the maximum possible size.");
  double bytes = (double)n * 8.0 * (complex ? 2 : 1);
  double phys = physicalBytes();
  if (phys > 0 && bytes > phys) {
    std::string shape;
    for (size_t k = 0; k < d.size(); ++k)
      shape += (k ? "x" : "") + std::to_string(d[k]);
    throwError("MATLAB:array:SizeLimitExceeded",
               "Requested %s (%s) array exceeds maximum array size preference "
               "(%s).",
               shape.c_str(), gigabytes(bytes).c_str(),
               gigabytes(phys).c_str());
  }
}

// --- construction ------------------------------------------------------------

namespace {

/// A new Value with normalised dims and storage for its elements.
Value *newValue(ClassId c, Dims dims) {
  normalizeDims(dims);
  checkArraySize(dims);
  int64_t n = numelOf(dims);
  Value *v = new Value;
  try {
    v->cls = c;
    v->dims = std::move(dims);
    if (c == ClassId::Cell || c == ClassId::Struct) {
      if (c == ClassId::Cell && n > 0) {
        ValueRef empty = makeEmpty();
        v->cells.assign((size_t)n, empty);
      }
    } else if (c != ClassId::FunctionHandle) {
      // No MADV_HUGEPAGE here: on these VMs khugepaged then collapses the
      // pages of a live array in the background, and the first pass over
      // it after creation ran 5-10x slower (measured on a 205 MB array).
      v->re.assign((size_t)n, 0.0);
    }
  } catch (std::bad_alloc &) {
    delete v;
    throwError("MATLAB:nomem", "Out of memory.");
  }
  return v;
}

} // namespace

ValueRef makeArray(ClassId c, const Dims &dims) {
  return ValueRef::adopt(newValue(c, dims));
}

ValueRef makeDouble(double x) {
  Value *v = new Value;
  v->dims[0] = 1;
  v->dims[1] = 1;
  v->re.assign(1, x);
  return ValueRef::adopt(v);
}

ValueRef makeScalar(double x, ClassId c) {
  if (c == ClassId::Int64 || c == ClassId::UInt64)
    return convertTo64(*makeDouble(x), c); // exact at the class's limits
  double y = castElement(x, c);
  ValueRef r = makeDouble(y);
  r->cls = c;
  return r;
}

ValueRef makeBool(bool b) {
  ValueRef r = makeDouble(b ? 1.0 : 0.0);
  r->cls = ClassId::Logical;
  return r;
}

ValueRef makeString(const std::string &utf8) {
  std::vector<double> units;
  units.reserve(utf8.size());
  const unsigned char *s = (const unsigned char *)utf8.data();
  size_t n = utf8.size();
  for (size_t i = 0; i < n;) {
    unsigned char c = s[i];
    uint32_t cp = c;
    size_t len = 1;
    if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
      cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF && i + 2 < n &&
               (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
      cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
      len = 3;
      if (cp < 0x800) // overlong: keep the byte as Latin-1
        cp = c, len = 1;
    } else if (c >= 0xF0 && c <= 0xF4 && i + 3 < n &&
               (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80 &&
               (s[i + 3] & 0xC0) == 0x80) {
      cp = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) |
           ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
      len = 4;
      if (cp < 0x10000 || cp > 0x10FFFF)
        cp = c, len = 1;
    }
    i += len;
    if (cp >= 0x10000) { // MATLAB chars are UTF-16 code units
      cp -= 0x10000;
      units.push_back(0xD800 + (cp >> 10));
      units.push_back(0xDC00 + (cp & 0x3FF));
    } else {
      units.push_back(cp);
    }
  }
  Value *v = new Value;
  v->cls = ClassId::Char;
  if (!units.empty()) {
    v->dims[0] = 1;
    v->dims[1] = (int64_t)units.size();
  }
  v->re = std::move(units);
  return ValueRef::adopt(v);
}

ValueRef makeEmpty() { return ValueRef::adopt(new Value); }

ValueRef makeMatrix(int64_t rows, int64_t cols,
                    const std::vector<double> &colMajor) {
  ValueRef r = makeArray(ClassId::Double, {rows, cols});
  size_t n = r->re.size();
  for (size_t k = 0; k < n && k < colMajor.size(); ++k)
    r->re[k] = colMajor[k];
  return r;
}

ValueRef makeRowVector(const std::vector<double> &v, ClassId c) {
  Value *r = new Value;
  r->cls = c;
  r->dims[0] = 1;
  r->dims[1] = (int64_t)v.size();
  r->re = v;
  for (double &x : r->re)
    x = castElement(x, c);
  return ValueRef::adopt(r);
}

ValueRef makeColumnVector(const std::vector<double> &v, ClassId c) {
  ValueRef r = makeRowVector(v, c);
  r->dims[0] = (int64_t)v.size();
  r->dims[1] = 1;
  return r;
}

ValueRef makeCell(const Dims &dims) { return makeArray(ClassId::Cell, dims); }

ValueRef makeStruct(const Dims &dims, const std::vector<std::string> &fields) {
  ValueRef r = makeArray(ClassId::Struct, dims);
  r->fields = fields;
  size_t n = (size_t)r->numel() * fields.size();
  if (n) {
    ValueRef empty = makeEmpty();
    r->cells.assign(n, empty);
  }
  return r;
}

int64_t fieldIndex(const Value &v, const std::string &name) {
  for (size_t k = 0; k < v.fields.size(); ++k)
    if (v.fields[k] == name)
      return (int64_t)k;
  return -1;
}

ValueRef copyValue(const Value &v) {
  Value *c = new Value;
  try {
    c->cls = v.cls;
    c->complex = v.complex;
    c->dims = v.dims;
    c->re = v.re;
    c->im = v.im;
    c->ix = v.ix;
    c->cells = v.cells;
    c->fields = v.fields;
    c->exception = v.exception;
    if (v.fh)
      c->fh = new FunctionHandleData(*v.fh);
  } catch (std::bad_alloc &) {
    delete c;
    throwError("MATLAB:nomem", "Out of memory.");
  }
  return ValueRef::adopt(c);
}

void makeUnique(ValueRef &r) {
  if (!r)
    r = makeEmpty();
  else if (r->refcount > 1)
    r = copyValue(*r);
}

void narrowComplex(Value &v) {
  if (!v.complex)
    return;
  for (double x : v.im)
    if (x != 0)
      return;
  v.complex = false;
  v.im.clear();
  v.im.shrink_to_fit();
}

// - conversions ---------------------------------------------------------------

namespace {

inline double saturate(double x, double lo, double hi) {
  if (std::isnan(x))
    return 0.0;
  double r = std::round(x); // half away from zero
  return r < lo ? lo : (r > hi ? hi : r);
}

// The largest doubles that fit int64/uint64 (2^63 and 2^64 themselves do not).
constexpr double kInt64Max = 9223372036854774784.0;
constexpr double kUInt64Max = 18446744073709549568.0;

} // namespace

/// castElement computes in doubles, which hold integers exactly only up to
/// 2^53: a larger int64/uint64 result is refused rather than rounded
/// silently. Exact int64/uint64 results come from Int64.cpp instead.
double exactInt64(double v) {
  if (std::fabs(v) > kExactIntegerLimit)
    throwError("RunMat:int64Range",
               "This operation does not support int64 or uint64 values "
               "beyond 2^53 (9007199254740992) yet.");
  return v;
}

double castElement(double x, ClassId c) {
  switch (c) {
  case ClassId::Double:
    return x;
  case ClassId::Single:
    return (double)(float)x;
  case ClassId::Int8:
    return saturate(x, -128.0, 127.0);
  case ClassId::UInt8:
    return saturate(x, 0.0, 255.0);
  case ClassId::Int16:
    return saturate(x, -32768.0, 32767.0);
  case ClassId::UInt16:
    return saturate(x, 0.0, 65535.0);
  case ClassId::Int32:
    return saturate(x, -2147483648.0, 2147483647.0);
  case ClassId::UInt32:
    return saturate(x, 0.0, 4294967295.0);
  case ClassId::Int64:
    return exactInt64(saturate(x, -9223372036854775808.0, kInt64Max));
  case ClassId::UInt64:
    return exactInt64(saturate(x, 0.0, kUInt64Max));
  case ClassId::Logical:
    if (std::isnan(x))
      throwError("MATLAB:nologicalnan",
                 "NaN's cannot be converted to logicals.");
    return x != 0 ? 1.0 : 0.0;
  case ClassId::Char:
    // Character codes are UTF-16 code units: rounded, NaN -> 0, saturated.
    return saturate(x, 0.0, 65535.0);
  default:
    return x;
  }
}

ValueRef convertClass(const Value &v, ClassId c) {
  if (v.cls == c)
    return ValueRef::borrow(const_cast<Value *>(&v));
  if (c == ClassId::Int64 || c == ClassId::UInt64)
    return convertTo64(v, c); // exact at 2^63 and 2^64
  if (c == ClassId::Single && isWide(v)) {
    // Rounded once, from the exact values (not through the nearest double).
    ValueRef r = makeArray(ClassId::Single, v.dims);
    for (int64_t k = 0; k < v.numel(); ++k)
      r->re[(size_t)k] = (double)(float)(long double)exactAt(v, k);
    return r;
  }
  bool srcData = isNumericClass(v.cls) || v.cls == ClassId::Logical ||
                 v.cls == ClassId::Char;
  bool dstData =
      isNumericClass(c) || c == ClassId::Logical || c == ClassId::Char;
  if (!srcData || !dstData)
    throwError("MATLAB:invalidConversion",
               "Conversion to %s from %s is not possible.", className(c),
               className(v.cls));
  if (c == ClassId::Logical && v.complex) {
    for (double x : v.im)
      if (x != 0)
        throwError("MATLAB:invalidConversion",
                   "Conversion to logical from complex is not possible.");
  }
  Value *r = new Value;
  ValueRef out = ValueRef::adopt(r);
  r->cls = c;
  r->dims = v.dims;
  r->re = v.re;
  bool keepImag = v.complex && c != ClassId::Logical && c != ClassId::Char;
  if (keepImag) {
    r->complex = true;
    r->im = v.im;
  }
  switch (c) {
  case ClassId::Double:
    break;
  case ClassId::Logical:
    for (double &x : r->re) {
      if (std::isnan(x))
        throwError("MATLAB:nologicalnan",
                   "NaN's cannot be converted to logicals.");
      x = x != 0 ? 1.0 : 0.0;
    }
    break;
  default:
    for (double &x : r->re)
      x = castElement(x, c);
    for (double &x : r->im)
      x = castElement(x, c);
    break;
  }
  return out;
}

namespace {

std::string capitalized(const char *what) {
  std::string s = what ? what : "value";
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
    s[0] = (char)(s[0] - 'a' + 'A');
  return s;
}

} // namespace

double scalarOf(const Value &v, const char *what) {
  bool data = isNumericClass(v.cls) || v.cls == ClassId::Logical ||
              v.cls == ClassId::Char;
  if (!data || v.re.size() != 1)
    throwError("MATLAB:expectedScalar", "%s must be a real numeric scalar.",
               capitalized(what).c_str());
  if (v.complex && !v.im.empty() && v.im[0] != 0)
    throwError("MATLAB:expectedReal", "%s must be real.",
               capitalized(what).c_str());
  return v.re[0];
}

int64_t intScalarOf(const Value &v, const char *what) {
  double x = scalarOf(v, what);
  if (!(x >= 0) || x != std::floor(x) || x > 9007199254740992.0)
    throwError("MATLAB:expectedInteger",
               "%s must be a nonnegative integer scalar.",
               capitalized(what).c_str());
  return (int64_t)x;
}

} // namespace runmat::rt
