//===- Index.cpp - Indexing, indexed assignment and deletion --------------===//
//
// MATLAB's () indexing on every class: subscripts (positive integers,
// logical masks, ':'), linear and N-D forms, result shapes, growth on
// assignment with scalar expansion, deletion with [] and the value of `end`.
// Assignment validates everything before it mutates, so a failed assignment
// leaves the array as it was.
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/Index.h"
#include "runmat/rt/Int64.h"
#include "runmat/rt/Error.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace runmat::rt {

namespace {

Value *makeColonSingleton() {
  Value *v = new Value;
  v->cls = ClassId::Char;
  v->dims = {1, 1};
  v->re.assign(1, ':');
  // Never freed: unbalanced releases of rm_colon_all cannot reach zero.
  v->refcount = std::numeric_limits<int64_t>::max() / 2;
  return v;
}

inline bool isDataClass(ClassId c) {
  return isNumericClass(c) || c == ClassId::Logical || c == ClassId::Char;
}

/// Elements of one position of a subscript list.
struct Sub {
  Sub() = default;
  Sub(const Sub &) = delete; // idx may point into this object
  Sub &operator=(const Sub &) = delete;

  bool colon = false;
  bool mask = false;  // came from a logical mask
  int64_t count = 0;  // number of selected positions
  int64_t maxIdx = 0; // 1 + largest selected 0-based index (0 if none)
  const int64_t *idx = nullptr; // 0-based indices (count), null for colon
  int64_t one = 0;              // storage for a single index
  std::vector<int64_t> list;    // storage for several
  Dims shape;                   // shape of the subscript (linear indexing)

  int64_t at(int64_t i) const { return colon ? i : idx[i]; }
};

[[noreturn]] void badSubscript(int64_t pos, int64_t n) {
  if (n <= 1)
    throwError("MATLAB:badsubscript",
               "Array indices must be positive integers or logical values.");
  throwError("MATLAB:badsubscript",
             "Index in position %lld is invalid. Array indices must be "
             "positive integers or logical values.",
             (long long)pos + 1);
}

[[noreturn]] void outOfBounds(const Sub &s, int64_t pos, int64_t n,
                              int64_t extent) {
  if (s.mask) {
    if (n <= 1)
      throwError("MATLAB:index:outOfBounds",
                 "The logical indices contain a true value outside of the "
                 "array bounds.");
    throwError("MATLAB:index:outOfBounds",
               "The logical indices in position %lld contain a true value "
               "outside of the array bounds.",
               (long long)pos + 1);
  }
  if (n <= 1)
    throwError("MATLAB:index:outOfBounds",
               "Index exceeds the number of array elements. Index must not "
               "exceed %lld.",
               (long long)extent);
  throwError("MATLAB:index:outOfBounds",
             "Index in position %lld exceeds array bounds. Index must not "
             "exceed %lld.",
             (long long)pos + 1, (long long)extent);
}

/// Indices beyond this are clamped (they can only be out of range or too big
/// to allocate, both reported later).
constexpr double kHugeIndex = 4.0e18;

/// Resolves subscript value s in position pos of n; extent is the size it
/// indexes (used for ':').
void resolve(const Value &s, int64_t pos, int64_t n, int64_t extent, Sub &out) {
  if (isColonSubscript(s)) {
    out.colon = true;
    out.count = extent;
    out.maxIdx = extent;
    out.shape = {extent, 1};
    return;
  }
  if (s.cls == ClassId::Logical) {
    out.mask = true;
    const double *m = s.re.data();
    int64_t len = (int64_t)s.re.size(), cnt = 0, last = -1;
    for (int64_t i = 0; i < len; ++i)
      if (m[i] != 0) {
        ++cnt;
        last = i;
      }
    out.count = cnt;
    out.maxIdx = last + 1;
    if (cnt == 1) {
      out.one = last;
      out.idx = &out.one;
    } else {
      out.list.resize((size_t)cnt);
      int64_t j = 0;
      for (int64_t i = 0; i < len; ++i)
        if (m[i] != 0)
          out.list[(size_t)j++] = i;
      out.idx = out.list.data();
    }
    bool row = s.dims.size() == 2 && s.dims[0] == 1;
    out.shape = row ? Dims{1, cnt} : Dims{cnt, 1};
    return;
  }
  if (!isDataClass(s.cls))
    throwError("MATLAB:index:invalidType",
               "Unable to use a value of type %s as an index.",
               className(s.cls));
  if (s.complex)
    for (double x : s.im)
      if (x != 0)
        badSubscript(pos, n);
  int64_t cnt = (int64_t)s.re.size(), mx = 0;
  const double *v = s.re.data();
  int64_t *dst;
  if (cnt == 1) {
    dst = &out.one;
  } else {
    out.list.resize((size_t)cnt);
    dst = out.list.data();
  }
  for (int64_t i = 0; i < cnt; ++i) {
    double x = v[i];
    if (!(x >= 1) || x != std::floor(x) || std::isinf(x))
      badSubscript(pos, n);
    int64_t k = x > kHugeIndex ? (int64_t)kHugeIndex : (int64_t)x;
    dst[i] = k - 1;
    if (k > mx)
      mx = k;
  }
  out.idx = dst;
  out.count = cnt;
  out.maxIdx = mx;
  out.shape = s.dims;
}

/// Size of subscript position k of n over dims d (the last position spans
/// all remaining dims; positions beyond ndims are 1).
int64_t extentOf(const Dims &d, int64_t k, int64_t n) {
  if (n == 1) {
    int64_t p = 1;
    for (int64_t x : d)
      p *= x;
    return p;
  }
  if (k < n - 1)
    return k < (int64_t)d.size() ? d[(size_t)k] : 1;
  int64_t p = 1;
  for (size_t j = (size_t)k; j < d.size(); ++j)
    p *= d[j];
  return p;
}

/// Calls f(offset, seq) for every selected element: offset into an array
/// whose positions have the given extents, seq the running 0-based count.
template <class F>
void walk(const std::vector<int64_t> &ext, const std::vector<Sub> &subs, F f) {
  size_t n = subs.size();
  int64_t total = 1;
  for (const Sub &s : subs)
    total *= s.count;
  if (total == 0)
    return;
  if (n == 1) {
    const Sub &s = subs[0];
    if (s.colon)
      for (int64_t i = 0; i < total; ++i)
        f(i, i);
    else
      for (int64_t i = 0; i < total; ++i)
        f(s.idx[i], i);
    return;
  }
  std::vector<int64_t> stride(n), cnt(n, 0);
  int64_t st = 1;
  for (size_t k = 0; k < n; ++k) {
    stride[k] = st;
    st *= ext[k];
  }
  const Sub &s0 = subs[0];
  int64_t c0 = s0.count;
  for (int64_t seq = 0; seq < total;) {
    int64_t off = 0;
    for (size_t k = 1; k < n; ++k)
      off += stride[k] * subs[k].at(cnt[k]);
    if (s0.colon)
      for (int64_t i = 0; i < c0; ++i)
        f(off + i, seq++);
    else
      for (int64_t i = 0; i < c0; ++i)
        f(off + s0.idx[i], seq++);
    for (size_t k = 1; k < n; ++k) {
      if (++cnt[k] < subs[k].count)
        break;
      cnt[k] = 0;
    }
  }
}

/// Elements per array element in `cells` (1 for cells, nfields for structs).
size_t cellWidth(const Value &v) {
  return v.cls == ClassId::Struct ? v.fields.size() : 1;
}

/// A new empty-of-shape result like base (class, fields) with dims d.
ValueRef newLike(const Value &base, const Dims &d, bool complex) {
  ValueRef r;
  if (base.cls == ClassId::Struct) {
    r = makeStruct(d, base.fields);
  } else {
    r = makeArray(base.cls, d);
  }
  if (complex) {
    r->complex = true;
    r->im.assign(r->re.size(), 0.0);
  }
  return r;
}

std::string byString(const Dims &d) {
  std::string s;
  for (size_t k = 0; k < d.size(); ++k) {
    if (k)
      s += "-by-";
    s += std::to_string(d[k]);
  }
  return s;
}

/// Copies the elements of src into a new layout of dims nd (each dim >= the
/// old one), zero/[]-filling the rest. Returns a new value.
ValueRef relayout(const Value &src, const Dims &nd) {
  bool cx = src.complex && !src.im.empty();
  ValueRef r = newLike(src, nd, cx);
  int64_t oldN = src.numel();
  if (oldN == 0)
    return r;
  size_t nds = nd.size();
  Dims od(nds, 1);
  for (size_t k = 0; k < src.dims.size() && k < nds; ++k)
    od[k] = src.dims[k];
  std::vector<int64_t> nstride(nds);
  int64_t st = 1;
  for (size_t k = 0; k < nds; ++k) {
    nstride[k] = st;
    st *= nd[k];
  }
  size_t w = cellWidth(src);
  bool isCells = src.cls == ClassId::Cell || src.cls == ClassId::Struct;
  int64_t rows = od[0];
  std::vector<int64_t> cnt(nds, 0);
  for (int64_t o = 0; o < oldN; o += rows) {
    int64_t off = 0;
    for (size_t k = 1; k < nds; ++k)
      off += nstride[k] * cnt[k];
    if (isCells) {
      for (int64_t i = 0; i < rows; ++i)
        for (size_t f = 0; f < w; ++f)
          r->cells[(size_t)(off + i) * w + f] =
              src.cells[(size_t)(o + i) * w + f];
    } else {
      std::copy(src.re.begin() + o, src.re.begin() + o + rows,
                r->re.begin() + off);
      if (cx)
        std::copy(src.im.begin() + o, src.im.begin() + o + rows,
                  r->im.begin() + off);
    }
    for (size_t k = 1; k < nds; ++k) {
      if (++cnt[k] < od[k])
        break;
      cnt[k] = 0;
    }
  }
  return r;
}

/// True when an array of dims od occupies a prefix of the layout of nd, so
/// growing is a resize of the storage.
bool prefixLayout(const Dims &od, const Dims &nd) {
  int64_t so = 1, sn = 1;
  size_t n = std::max(od.size(), nd.size());
  for (size_t k = 0; k < n; ++k) {
    int64_t o = k < od.size() ? od[k] : 1, m = k < nd.size() ? nd[k] : 1;
    if (o > 1 && so != sn)
      return false;
    so *= o;
    sn *= m;
  }
  return true;
}

/// Grows *slot (unique or not) to dims nd; afterwards *slot is unique.
void growTo(ValueRef &slot, Dims nd) {
  normalizeDims(nd);
  checkArraySize(nd, slot->complex);
  Value &v = *slot;
  if (v.dims == nd) {
    makeUnique(slot);
    return;
  }
  if (prefixLayout(v.dims, nd)) {
    makeUnique(slot);
    Value &u = *slot;
    int64_t n = numelOf(nd);
    if (u.cls == ClassId::Cell || u.cls == ClassId::Struct) {
      size_t w = cellWidth(u);
      if (w) {
        ValueRef empty = makeEmpty();
        u.cells.resize((size_t)n * w, empty);
      }
    } else if (u.cls != ClassId::FunctionHandle) {
      u.re.resize((size_t)n, 0.0);
      if (u.complex)
        u.im.resize((size_t)n, 0.0);
    }
    u.dims = std::move(nd);
    return;
  }
  slot = relayout(v, nd);
}

[[noreturn]] void ambiguousGrowth() {
  throwError("MATLAB:indexing:ambiguousGrowth",
             "Attempt to grow array along ambiguous dimension.");
}

} // namespace

Value *colonValue() {
  static Value *c = makeColonSingleton();
  return c;
}

bool isColonSubscript(const Value &v) {
  return &v == colonValue() ||
         (v.cls == ClassId::Char && v.re.size() == 1 && v.re[0] == ':');
}

int64_t endValue(const Value &base, int64_t k, int64_t n) {
  if (n <= 0 || k < 0 || k >= n)
    return base.numel();
  return extentOf(base.dims, k, n);
}

// - indexing ------------------------------------------------------------------

namespace {
ValueRef indexValueData(const Value &base, const std::vector<const Value *> &idx);
void indexAssignData(ValueRef &slot, const std::vector<const Value *> &idx,
                     const Value &rhsIn);
void indexDeleteData(ValueRef &slot, const std::vector<const Value *> &idx);
} // namespace

// int64/uint64 values beyond 2^53 are indexed as bits (Int64.h): the
// element moves below never look at the values.

ValueRef indexValue(const Value &base, const std::vector<const Value *> &idx) {
  return movingElements(base, [&](const Value &b) { return indexValueData(b, idx); });
}

void indexAssign(ValueRef &slot, const std::vector<const Value *> &idx,
                 const Value &rhs) {
  const Value *base = slot.get();
  bool baseData = base && isDataClass(base->cls);
  bool baseEmpty = !base || (base->cls == ClassId::Double && base->re.empty() &&
                             !base->complex);
  // The class the result takes: the base's, or the rhs's on [] and (an
  // integer rhs) on double, single, logical and char bases.
  ClassId wc = ClassId::Double;
  if (baseData && is64Class(base->cls))
    wc = base->cls;
  else if (is64Class(rhs.cls) && (baseEmpty || (baseData && !isIntegerClass(base->cls))))
    wc = rhs.cls;
  bool bigRhs = false;
  if (is64Class(wc) && isFloatClass(rhs.cls))
    for (double x : rhs.re)
      bigRhs = bigRhs || !(std::fabs(x) <= kExactIntegerLimit);
  bool exact = is64Class(wc) && ((base && isWide(*base)) || isWide(rhs) || bigRhs ||
                                 (is64Class(rhs.cls) && rhs.cls != wc));
  if (!exact || rhs.complex || (base && base->complex) || !isDataClass(rhs.cls)) {
    indexAssignData(slot, idx, rhs);
    return;
  }
  ValueRef rhsBits = toBits(*convertTo64(rhs, wc));
  ValueRef target = baseEmpty ? slot : toBits(*convertTo64(*base, wc));
  indexAssignData(target, idx, *rhsBits);
  makeUnique(target);
  if (target->cls == wc)
    fromBits(*target);
  slot = target;
}

void indexDelete(ValueRef &slot, const std::vector<const Value *> &idx) {
  if (!slot || !isWide(*slot)) {
    indexDeleteData(slot, idx);
    return;
  }
  ValueRef bits = toBits(*slot);
  indexDeleteData(bits, idx);
  fromBits(*bits);
  slot = bits;
}

namespace {

ValueRef indexValueData(const Value &base, const std::vector<const Value *> &idx) {
  size_t n = idx.size();
  if (n == 0)
    return ValueRef::borrow(const_cast<Value *>(&base));
  if (base.cls == ClassId::FunctionHandle)
    throwError("RunMat:fhIndex",
               "Indexing into a function handle with () is not supported "
               "here; call the function instead.");
  bool data = isDataClass(base.cls);
  bool cx = base.complex && !base.im.empty();

  // Fast path: data array with real double scalar subscripts.
  if (data) {
    bool scalars = true;
    for (const Value *s : idx)
      if (!isRealDoubleScalar(*s)) {
        scalars = false;
        break;
      }
    if (scalars) {
      int64_t off = 0, stride = 1;
      for (size_t k = 0; k < n; ++k) {
        double x = idx[k]->re[0];
        int64_t ext = extentOf(base.dims, (int64_t)k, (int64_t)n);
        if (!(x >= 1) || x != std::floor(x) || std::isinf(x))
          badSubscript((int64_t)k, (int64_t)n);
        if (x > (double)ext) {
          Sub s;
          outOfBounds(s, (int64_t)k, (int64_t)n, ext);
        }
        off += ((int64_t)x - 1) * stride;
        stride *= ext;
      }
      Value *r = new Value;
      ValueRef out = ValueRef::adopt(r);
      r->cls = base.cls;
      r->dims = {1, 1};
      r->re.assign(1, base.re[(size_t)off]);
      if (cx) {
        r->complex = true;
        r->im.assign(1, base.im[(size_t)off]);
      }
      return out;
    }
  }

  std::vector<Sub> subs(n);
  std::vector<int64_t> ext(n);
  for (size_t k = 0; k < n; ++k) {
    ext[k] = extentOf(base.dims, (int64_t)k, (int64_t)n);
    resolve(*idx[k], (int64_t)k, (int64_t)n, ext[k], subs[k]);
    if (subs[k].maxIdx > ext[k])
      outOfBounds(subs[k], (int64_t)k, (int64_t)n, ext[k]);
  }

  Dims rd;
  if (n == 1) {
    const Sub &s = subs[0];
    int64_t c = s.count;
    bool baseVec = base.dims.size() == 2 &&
                   (base.dims[0] == 1 || base.dims[1] == 1) &&
                   !(base.dims[0] == 1 && base.dims[1] == 1);
    const Dims &sh = s.shape;
    bool idxVec = sh.size() == 2 &&
                  (sh[0] == 1 || sh[1] == 1 || (sh[0] == 0 && sh[1] == 0));
    if (s.colon)
      rd = {c, 1};
    else if (baseVec && idxVec)
      rd = base.dims[0] == 1 ? Dims{1, c} : Dims{c, 1};
    else
      rd = sh;
  } else {
    rd.resize(n);
    for (size_t k = 0; k < n; ++k)
      rd[k] = subs[k].count;
  }

  ValueRef r = newLike(base, rd, cx);
  Value &R = *r;
  if (data) {
    const double *src = base.re.data();
    double *dst = R.re.data();
    walk(ext, subs, [&](int64_t off, int64_t seq) { dst[seq] = src[off]; });
    if (cx) {
      const double *isrc = base.im.data();
      double *idst = R.im.data();
      walk(ext, subs, [&](int64_t off, int64_t seq) { idst[seq] = isrc[off]; });
    }
  } else {
    size_t w = cellWidth(base);
    if (w)
      walk(ext, subs, [&](int64_t off, int64_t seq) {
        for (size_t f = 0; f < w; ++f)
          R.cells[(size_t)seq * w + f] = base.cells[(size_t)off * w + f];
      });
  }
  return r;
}

// - assignment ----------------------------------------------------------------

void indexAssignData(ValueRef &slot, const std::vector<const Value *> &idx,
                     const Value &rhsIn) {
  // Keep rhs alive and unaliased: assigning a value into itself copies.
  ValueRef rhsHold = ValueRef::borrow(const_cast<Value *>(&rhsIn));
  const Value &rhs = *rhsHold;
  if (!slot)
    slot = makeEmpty();
  size_t n = idx.size();
  if (n == 0) {
    slot = rhsHold;
    return;
  }
  const Value &B0 = *slot;

  // ---- classes
  bool baseEmptyDouble =
      B0.cls == ClassId::Double && B0.re.empty() && !B0.complex;
  ClassId tc = baseEmptyDouble ? rhs.cls : B0.cls;
  if (rhs.cls == ClassId::FunctionHandle || tc == ClassId::FunctionHandle) {
    // Only a scalar handle can be stored: x(1) = @f on [] or a handle.
    bool ok = rhs.cls == ClassId::FunctionHandle &&
              (baseEmptyDouble || B0.cls == ClassId::FunctionHandle);
    if (ok)
      for (const Value *s : idx) {
        bool one = isColonSubscript(*s) ||
                   (isDataClass(s->cls) && s->re.size() == 1 && s->re[0] == 1);
        if (!one)
          ok = false;
      }
    if (!ok) {
      if (rhs.cls == ClassId::FunctionHandle)
        throwError("MATLAB:fhNonScalar",
                   "Nonscalar arrays of function handles are not allowed; "
                   "use cell arrays instead.");
      throwError("MATLAB:invalidConversion",
                 "Conversion to function_handle from %s is not possible.",
                 className(rhs.cls));
    }
    slot = rhsHold;
    return;
  }
  bool tData = isDataClass(tc);
  if (tData != isDataClass(rhs.cls) || (!tData && tc != rhs.cls))
    throwError("MATLAB:invalidConversion",
               "Conversion to %s from %s is not possible.", className(tc),
               className(rhs.cls));

  // Converted rhs data (data classes) or field mapping (structs).
  ValueRef conv;
  const double *sre = nullptr, *sim = nullptr;
  std::vector<size_t> fieldMap;
  bool makeComplex = false;
  if (tData) {
    conv = convertClass(rhs, tc);
    sre = conv->re.data();
    if (conv->complex && !conv->im.empty()) {
      sim = conv->im.data();
      makeComplex = !B0.complex;
    }
  } else if (tc == ClassId::Struct) {
    bool adopt = baseEmptyDouble || (B0.numel() == 0 && B0.fields.empty());
    const std::vector<std::string> &bf = adopt ? rhs.fields : B0.fields;
    if (bf.size() != rhs.fields.size())
      throwError("MATLAB:heterogeneousStrucAssignment",
                 "Subscripted assignment between dissimilar structures.");
    for (const std::string &f : bf) {
      int64_t j = fieldIndex(rhs, f);
      if (j < 0)
        throwError("MATLAB:heterogeneousStrucAssignment",
                   "Subscripted assignment between dissimilar structures.");
      fieldMap.push_back((size_t)j);
    }
  }
  int64_t rhsN = rhs.numel();

  // ---- subscripts and the new shape
  std::vector<Sub> subs(n);
  std::vector<int64_t> ext(n);
  Dims newDims;
  if (n == 1) {
    ext[0] = B0.numel();
    resolve(*idx[0], 0, 1, ext[0], subs[0]);
    const Sub &s = subs[0];
    if (rhsN != 1 && rhsN != s.count)
      throwError("MATLAB:subsassignnumelmismatch",
                 "Unable to perform assignment because the left and right "
                 "sides have a different number of elements.");
    if (s.count == 0)
      return;
    newDims = B0.dims;
    if (s.maxIdx > ext[0]) {
      int64_t m = s.maxIdx;
      const Dims &d = B0.dims;
      bool twoD = d.size() == 2;
      if (ext[0] == 0)
        newDims = (twoD && d[1] == 1 && d[0] == 0) ? Dims{m, 1} : Dims{1, m};
      else if (twoD && d[0] == 1)
        newDims = {1, m};
      else if (twoD && d[1] == 1)
        newDims = {m, 1};
      else
        ambiguousGrowth();
      ext[0] = m;
    }
  } else {
    std::vector<bool> unknown(n, false);
    for (size_t k = 0; k < n; ++k) {
      ext[k] = extentOf(B0.dims, (int64_t)k, (int64_t)n);
      resolve(*idx[k], (int64_t)k, (int64_t)n, ext[k], subs[k]);
      if (subs[k].colon && ext[k] == 0)
        unknown[k] = true;
    }
    // ':' over an empty dimension takes its extent from the rhs.
    bool anyUnknown = false;
    for (bool u : unknown)
      anyUnknown = anyUnknown || u;
    if (anyUnknown) {
      std::vector<int64_t> rnz;
      for (int64_t d : rhs.dims)
        if (d != 1)
          rnz.push_back(d);
      size_t ri = 0;
      for (size_t k = 0; k < n; ++k) {
        if (unknown[k]) {
          int64_t c = ri < rnz.size() ? rnz[ri++] : 1;
          subs[k].count = c;
          subs[k].maxIdx = c;
        } else if (subs[k].count != 1 && ri < rnz.size()) {
          ++ri;
        }
      }
    }
    // The rhs must be a scalar or match the selection up to singletons.
    int64_t total = 1;
    for (const Sub &s : subs)
      total *= s.count;
    if (rhsN != 1 && !(total == 0 && rhsN == 0)) {
      std::vector<int64_t> lz, rz;
      for (const Sub &s : subs)
        if (s.count != 1)
          lz.push_back(s.count);
      for (int64_t d : rhs.dims)
        if (d != 1)
          rz.push_back(d);
      if (lz != rz) {
        Dims ld;
        for (const Sub &s : subs)
          ld.push_back(s.count);
        throwError("MATLAB:subsassigndimmismatch",
                   "Unable to perform assignment because the size of the "
                   "left side is %s and the size of the right side is %s.",
                   byString(ld).c_str(), byString(rhs.dims).c_str());
      }
    }
    if (total == 0)
      return;
    // Growth.
    bool grow = false;
    std::vector<int64_t> nExt(ext);
    for (size_t k = 0; k < n; ++k)
      if (subs[k].maxIdx > ext[k]) {
        nExt[k] = subs[k].maxIdx;
        grow = true;
      }
    newDims = B0.dims;
    if (grow) {
      if ((int64_t)n >= (int64_t)B0.dims.size()) {
        newDims.assign(nExt.begin(), nExt.end());
      } else {
        if (nExt[n - 1] != ext[n - 1])
          ambiguousGrowth();
        for (size_t k = 0; k + 1 < n; ++k)
          newDims[k] = nExt[k];
      }
      ext = nExt;
    }
  }

  // ---- mutate: class, growth, then scatter
  normalizeDims(newDims);
  bool fieldless = tc == ClassId::Struct && B0.cls == ClassId::Struct &&
                   B0.numel() == 0 && B0.fields.empty();
  if ((baseEmptyDouble && tc != ClassId::Double) || fieldless) {
    ValueRef fresh = tc == ClassId::Struct ? makeStruct(B0.dims, rhs.fields)
                                           : makeArray(tc, B0.dims);
    slot = fresh;
  }
  growTo(slot, newDims);
  Value &B = *slot;
  if (makeComplex && isNumericClass(B.cls)) {
    B.complex = true;
    B.im.assign(B.re.size(), 0.0);
  }
  bool bcast = rhsN == 1;
  if (tData) {
    double *dre = B.re.data();
    bool cx = B.complex && B.im.size() == B.re.size();
    double *dim = cx ? B.im.data() : nullptr;
    if (bcast) {
      double v = sre[0], vi = sim ? sim[0] : 0.0;
      walk(ext, subs, [&](int64_t off, int64_t) { dre[off] = v; });
      if (dim)
        walk(ext, subs, [&](int64_t off, int64_t) { dim[off] = vi; });
    } else {
      walk(ext, subs, [&](int64_t off, int64_t seq) { dre[off] = sre[seq]; });
      if (dim) {
        if (sim)
          walk(ext, subs,
               [&](int64_t off, int64_t seq) { dim[off] = sim[seq]; });
        else
          walk(ext, subs, [&](int64_t off, int64_t) { dim[off] = 0.0; });
      }
    }
  } else if (tc == ClassId::Cell) {
    walk(ext, subs, [&](int64_t off, int64_t seq) {
      B.cells[(size_t)off] = rhs.cells[bcast ? 0 : (size_t)seq];
    });
  } else { // Struct
    size_t w = B.fields.size(), rw = rhs.fields.size();
    walk(ext, subs, [&](int64_t off, int64_t seq) {
      size_t src = (bcast ? 0 : (size_t)seq) * rw;
      for (size_t f = 0; f < w; ++f)
        B.cells[(size_t)off * w + f] = rhs.cells[src + fieldMap[f]];
    });
  }
}

// - deletion ------------------------------------------------------------------

void indexDeleteData(ValueRef &slot, const std::vector<const Value *> &idx) {
  if (!slot)
    slot = makeEmpty();
  const Value &B0 = *slot;
  size_t n = idx.size();
  if (B0.cls == ClassId::FunctionHandle)
    throwError("MATLAB:fhNonScalar",
               "Deleting elements of a function handle is not allowed.");
  size_t w = isDataClass(B0.cls) ? 1 : cellWidth(B0);
  bool cells = !isDataClass(B0.cls);
  bool cx = B0.complex && !B0.im.empty();

  if (n == 0 || (n == 1 && isColonSubscript(*idx[0]))) {
    ValueRef r = newLike(B0, {0, 0}, B0.complex);
    slot = r;
    return;
  }

  // The position whose elements go, and the kept ones along it.
  std::vector<int64_t> ext(n);
  size_t p = 0;
  std::vector<char> keep;
  Dims nd;
  if (n == 1) {
    ext[0] = B0.numel();
    Sub s;
    resolve(*idx[0], 0, 1, ext[0], s);
    if (s.maxIdx > ext[0])
      outOfBounds(s, 0, 1, ext[0]);
    if (s.count == 0)
      return;
    keep.assign((size_t)ext[0], 1);
    for (int64_t i = 0; i < s.count; ++i)
      keep[(size_t)s.idx[i]] = 0;
    int64_t kept = 0;
    for (char c : keep)
      kept += c;
    const Dims &d = B0.dims;
    bool column = d.size() == 2 && d[1] == 1 && d[0] != 1;
    nd = column ? Dims{kept, 1} : Dims{1, kept};
  } else {
    std::vector<Sub> subs(n);
    int64_t nonFull = 0;
    for (size_t k = 0; k < n; ++k) {
      ext[k] = extentOf(B0.dims, (int64_t)k, (int64_t)n);
      resolve(*idx[k], (int64_t)k, (int64_t)n, ext[k], subs[k]);
      if (subs[k].maxIdx > ext[k])
        outOfBounds(subs[k], (int64_t)k, (int64_t)n, ext[k]);
    }
    std::vector<std::vector<char>> marks(n);
    for (size_t k = 0; k < n; ++k) {
      const Sub &s = subs[k];
      bool full = s.colon;
      if (!full) {
        marks[k].assign((size_t)ext[k], 1);
        int64_t removed = 0;
        for (int64_t i = 0; i < s.count; ++i)
          if (marks[k][(size_t)s.idx[i]]) {
            marks[k][(size_t)s.idx[i]] = 0;
            ++removed;
          }
        full = removed == ext[k];
      }
      if (!full) {
        if (nonFull++ == 0)
          p = k;
      }
    }
    if (nonFull > 1)
      throwError("MATLAB:nullAssignmentNonColon",
                 "A null assignment can have only one non-colon index.");
    if (nonFull == 0) {
      p = 0; // everything selected: no rows remain
      keep.assign((size_t)ext[0], 0);
    } else {
      keep = marks[p];
    }
    int64_t kept = 0;
    for (char c : keep)
      kept += c;
    if (nonFull == 1 && kept == ext[p])
      return;
    if (p + 1 < n && n < B0.dims.size()) {
      nd = B0.dims;
      nd[p] = kept;
    } else {
      nd.assign(ext.begin(), ext.end());
      nd[p] = kept;
    }
  }

  // Compact: blocks of `inner` elements below position p, `outer` above it.
  int64_t inner = 1, outer = 1;
  for (size_t k = 0; k < p; ++k)
    inner *= ext[k];
  for (size_t k = p + 1; k < n; ++k)
    outer *= ext[k];
  int64_t len = ext[p];
  ValueRef r = newLike(B0, nd, cx);
  Value &R = *r;
  int64_t dst = 0;
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t j = 0; j < len; ++j) {
      if (!keep[(size_t)j])
        continue;
      int64_t src = (o * len + j) * inner;
      if (cells) {
        for (int64_t i = 0; i < inner * (int64_t)w; ++i)
          R.cells[(size_t)(dst * (int64_t)w + i)] =
              B0.cells[(size_t)(src * (int64_t)w + i)];
      } else {
        std::copy(B0.re.begin() + src, B0.re.begin() + src + inner,
                  R.re.begin() + dst);
        if (cx)
          std::copy(B0.im.begin() + src, B0.im.begin() + src + inner,
                    R.im.begin() + dst);
      }
      dst += inner;
    }
  slot = r;
}

} // namespace

} // namespace runmat::rt
