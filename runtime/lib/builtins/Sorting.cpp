//===- Sorting.cpp - Searching, sorting and reordering builtins
//------------===//
//
// find (k, 'first'/'last', [r,c,v] outputs), sort (stable, NaN last when
// ascending and first when descending, complex by magnitude then angle,
// cell arrays of char vectors), and flip fliplr flipud.
//
//===----------------------------------------------------------------------===//
#include "ArraySupport.h"
#include "runmat/rt/Index.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace runmat::rt {

using namespace support;

// ---- find
// --------------------------------------------------------------------------

Args bi_find(int nargout, const Args &args) {
  const Value &x = *args[0];
  if (!isArithmetic(x))
    undefinedForType("find", x);
  int64_t n = x.numel();
  int64_t limit = n;
  bool last = false;
  if (args.size() > 1) {
    const Value &k = *args[1];
    if (!isArithmetic(k) || k.numel() != 1 || hasImag(k) || !(k.re[0] >= 1) ||
        (k.re[0] != std::floor(k.re[0]) && !std::isinf(k.re[0])))
      throwError("MATLAB:find:secondArgNotPositiveInteger",
                 "Second argument must be a positive scalar integer.");
    limit = k.re[0] >= (double)n ? n : (int64_t)k.re[0];
  }
  if (args.size() > 2) {
    const Value &d = *args[2];
    if (textIs(d, "first"))
      last = false;
    else if (textIs(d, "last"))
      last = true;
    else
      throwError("MATLAB:find:invalidDirection",
                 "Invalid search direction. Direction must be 'first' or "
                 "'last'.");
  }
  bool cplx = hasImag(x);
  auto nonzero = [&](int64_t k) {
    return x.re[(size_t)k] != 0 || (cplx && x.im[(size_t)k] != 0);
  };
  std::vector<int64_t> hits;
  if (limit == n) { // size the result once: count, then collect
    int64_t count = 0;
    for (int64_t k = 0; k < n; ++k)
      count += nonzero(k);
    hits.reserve((size_t)count);
  }
  if (!last) {
    for (int64_t k = 0; k < n && (int64_t)hits.size() < limit; ++k)
      if (nonzero(k))
        hits.push_back(k);
  } else {
    for (int64_t k = n - 1; k >= 0 && (int64_t)hits.size() < limit; --k)
      if (nonzero(k))
        hits.push_back(k);
    std::reverse(hits.begin(), hits.end());
  }
  int64_t m = (int64_t)hits.size();
  Dims shape;
  if (x.dims.size() == 2 && x.dims[0] == 0 && x.dims[1] == 0)
    shape = Dims{0, 0};
  else if (x.dims.size() == 2 && x.dims[0] == 1)
    shape = Dims{1, m};
  else
    shape = Dims{m, 1};
  if (nargout <= 1) {
    ValueRef r = newArray(ClassId::Double, shape);
    for (int64_t i = 0; i < m; ++i)
      r->re[(size_t)i] = (double)(hits[(size_t)i] + 1);
    return {r};
  }
  int64_t rows = x.dims[0];
  ValueRef ri = newArray(ClassId::Double, shape);
  ValueRef ci = newArray(ClassId::Double, shape);
  for (int64_t i = 0; i < m; ++i) {
    int64_t k = hits[(size_t)i];
    ri->re[(size_t)i] = (double)(k % rows + 1);
    ci->re[(size_t)i] = (double)(k / rows + 1);
  }
  if (nargout == 2)
    return {ri, ci};
  ValueRef vals = newArray(x.cls, shape, cplx);
  for (int64_t i = 0; i < m; ++i) {
    size_t k = (size_t)hits[(size_t)i];
    vals->re[(size_t)i] = x.re[k];
    if (cplx)
      vals->im[(size_t)i] = x.im[k];
  }
  return {ri, ci, vals};
}

// ---- sort
// --------------------------------------------------------------------------

namespace {

/// Sorts the cell array of char vectors `v` (a vector) by character codes.
Args sortCellText(int nargout, const Value &v, bool descend) {
  size_t n = v.cells.size();
  std::vector<const Value *> items(n);
  for (size_t k = 0; k < n; ++k) {
    const Value *c = v.cells[k].get();
    if (!c || c->cls != ClassId::Char || (c->dims[0] > 1))
      throwError("MATLAB:sort:InputType",
                 "Only cell arrays of character vectors may be sorted.");
    items[k] = c;
  }
  std::vector<int64_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  auto less = [&](int64_t a, int64_t b) {
    return std::lexicographical_compare(
        items[(size_t)a]->re.begin(), items[(size_t)a]->re.end(),
        items[(size_t)b]->re.begin(), items[(size_t)b]->re.end());
  };
  if (descend)
    std::stable_sort(order.begin(), order.end(),
                     [&](int64_t a, int64_t b) { return less(b, a); });
  else
    std::stable_sort(order.begin(), order.end(), less);
  ValueRef r = makeCell(v.dims);
  r->cells.resize(n);
  for (size_t k = 0; k < n; ++k)
    r->cells[k] = v.cells[(size_t)order[k]];
  if (nargout < 2)
    return {r};
  ValueRef ix = newArray(ClassId::Double, v.dims);
  for (size_t k = 0; k < n; ++k)
    ix->re[k] = (double)(order[k] + 1);
  return {r, ix};
}

} // namespace

Args bi_sort(int nargout, const Args &args) {
  const Value &v = *args[0];
  bool descend = false;
  bool haveDim = false;
  int64_t dim = 0;
  for (size_t i = 1; i < args.size(); ++i) {
    const Value &a = *args[i];
    if (a.cls == ClassId::Char) {
      if (textIs(a, "ascend"))
        descend = false;
      else if (textIs(a, "descend"))
        descend = true;
      else
        throwError("MATLAB:sort:sortDirection",
                   "Sorting direction must be 'ascend' or 'descend'.");
    } else if (i == 1) {
      dim = dimArg(a);
      haveDim = true;
    } else {
      throwError("MATLAB:sort:sortDirection",
                 "Sorting direction must be 'ascend' or 'descend'.");
    }
  }
  if (v.cls == ClassId::Cell) {
    if (!v.isVector() && !v.isEmpty())
      throwError("MATLAB:sort:cellstrRowOrColumn",
                 "Input must be a vector of character vectors.");
    return sortCellText(nargout, v, descend);
  }
  if (!isArithmetic(v))
    undefinedForType("sort", v);
  if (!haveDim)
    dim = firstNonSingleton(v.dims);
  bool cplx = hasImag(v);
  ValueRef r = newArray(v.cls, v.dims, cplx);
  ValueRef ix = nargout > 1 ? newArray(ClassId::Double, v.dims) : ValueRef();
  DimSplit s = splitAt(v.dims, dim);
  std::vector<int64_t> order((size_t)s.len);
  std::vector<double> key((size_t)s.len), ang;
  if (cplx)
    ang.resize((size_t)s.len);
  for (int64_t j = 0; j < s.after; ++j)
    for (int64_t i = 0; i < s.before; ++i) {
      int64_t base = j * s.len * s.before + i;
      // Keys: the value (real) or magnitude and angle (complex); NaN apart.
      int64_t nn = 0;
      for (int64_t k = 0; k < s.len; ++k) {
        size_t p = (size_t)(base + k * s.before);
        double xr = v.re[p];
        if (cplx) {
          double xi = v.im[p];
          key[(size_t)k] =
              std::isnan(xr) || std::isnan(xi) ? NAN : std::hypot(xr, xi);
          ang[(size_t)k] = std::atan2(xi, xr);
        } else {
          key[(size_t)k] = xr;
        }
        if (!std::isnan(key[(size_t)k]))
          order[(size_t)nn++] = k;
      }
      // NaNs keep their relative order, after (ascend) or before (descend).
      int64_t nanAt = nn;
      for (int64_t k = 0; k < s.len; ++k)
        if (std::isnan(key[(size_t)k]))
          order[(size_t)nanAt++] = k;
      auto first = order.begin(), mid = order.begin() + nn;
      if (!cplx) {
        if (descend)
          std::stable_sort(first, mid, [&](int64_t a, int64_t b) {
            return key[(size_t)a] > key[(size_t)b];
          });
        else
          std::stable_sort(first, mid, [&](int64_t a, int64_t b) {
            return key[(size_t)a] < key[(size_t)b];
          });
      } else {
        auto less = [&](int64_t a, int64_t b) {
          if (key[(size_t)a] != key[(size_t)b])
            return key[(size_t)a] < key[(size_t)b];
          return ang[(size_t)a] < ang[(size_t)b];
        };
        if (descend)
          std::stable_sort(first, mid,
                           [&](int64_t a, int64_t b) { return less(b, a); });
        else
          std::stable_sort(first, mid, less);
      }
      if (descend)
        std::rotate(order.begin(), mid, order.end()); // NaNs first
      for (int64_t k = 0; k < s.len; ++k) {
        size_t dst = (size_t)(base + k * s.before);
        size_t src = (size_t)(base + order[(size_t)k] * s.before);
        r->re[dst] = v.re[src];
        if (cplx)
          r->im[dst] = v.im[src];
        if (ix)
          ix->re[dst] = (double)(order[(size_t)k] + 1);
      }
    }
  if (nargout > 1)
    return {r, ix};
  return {r};
}

// ---- flip
// ----------------------------------------------------------------------------

namespace {

ValueRef flipAlong(const Value &v, int64_t dim) {
  if (v.cls == ClassId::FunctionHandle)
    return copyValue(v);
  ValueRef r = copyValue(v);
  DimSplit s = splitAt(v.dims, dim);
  if (s.len <= 1)
    return r;
  bool cellLike = v.cls == ClassId::Cell || v.cls == ClassId::Struct;
  size_t spe = v.cls == ClassId::Struct ? v.fields.size() : 1;
  bool cplx = hasImag(v);
  for (int64_t j = 0; j < s.after; ++j)
    for (int64_t k = 0; k < s.len; ++k)
      for (int64_t i = 0; i < s.before; ++i) {
        size_t dst = (size_t)((j * s.len + k) * s.before + i);
        size_t src = (size_t)((j * s.len + (s.len - 1 - k)) * s.before + i);
        if (cellLike) {
          for (size_t f = 0; f < spe; ++f)
            r->cells[dst * spe + f] = v.cells[src * spe + f];
        } else {
          r->re[dst] = v.re[src];
          if (cplx)
            r->im[dst] = v.im[src];
        }
      }
  return r;
}

} // namespace

Args bi_flip(int, const Args &args) {
  const Value &v = *args[0];
  int64_t dim = args.size() > 1 ? dimArg(*args[1]) : firstNonSingleton(v.dims);
  return {flipAlong(v, dim)};
}

Args bi_fliplr(int, const Args &args) { return {flipAlong(*args[0], 1)}; }
Args bi_flipud(int, const Args &args) { return {flipAlong(*args[0], 0)}; }

// ---- circshift
// --------------------------------------------------------------------------

Args bi_circshift(int, const Args &args) {
  const Value &v = *args[0];
  const Value &kv = *args[1];
  if (!isArithmetic(kv) || hasImag(kv) || kv.isEmpty() || !kv.isVector())
    throwError("MATLAB:circshift:InvalidShiftType",
               "Invalid shift type: must be a real integer vector.");
  std::vector<int64_t> shift((size_t)std::max<int64_t>(v.ndims(), 1), 0);
  auto shiftOf = [](double x) {
    if (std::isnan(x) || x != std::floor(x) || std::fabs(x) > 9.0e15)
      throwError("MATLAB:circshift:InvalidShiftType",
                 "Invalid shift type: must be a real integer vector.");
    return (int64_t)x;
  };
  if (args.size() > 2) {
    if (kv.numel() != 1)
      throwError("MATLAB:circshift:InvalidShiftType",
                 "Shift must be a scalar when a dimension is given.");
    int64_t d = dimArg(*args[2]);
    if (d < (int64_t)shift.size())
      shift[(size_t)d] = shiftOf(kv.re[0]);
  } else if (kv.numel() == 1) {
    shift[(size_t)firstNonSingleton(v.dims)] = shiftOf(kv.re[0]);
  } else {
    for (size_t d = 0; d < kv.re.size() && d < shift.size(); ++d)
      shift[d] = shiftOf(kv.re[d]);
  }
  ValueRef r = copyValue(v);
  if (v.cls == ClassId::FunctionHandle || v.isEmpty())
    return {r};
  size_t nd = v.dims.size();
  bool cellLike = v.cls == ClassId::Cell || v.cls == ClassId::Struct;
  size_t spe = v.cls == ClassId::Struct ? v.fields.size() : 1;
  bool cplx = hasImag(v);
  std::vector<int64_t> s(nd), cnt(nd, 0), stride(nd, 1);
  for (size_t d = 0; d < nd; ++d) {
    int64_t len = v.dims[d];
    s[d] = ((shift[d] % len) + len) % len;
    if (d)
      stride[d] = stride[d - 1] * v.dims[d - 1];
  }
  int64_t n = v.numel();
  for (int64_t k = 0; k < n; ++k) {
    // Destination index of source element k (counters in cnt).
    int64_t dst = 0;
    for (size_t d = 0; d < nd; ++d) {
      int64_t c = cnt[d] + s[d];
      if (c >= v.dims[d])
        c -= v.dims[d];
      dst += c * stride[d];
    }
    if (cellLike) {
      for (size_t f = 0; f < spe; ++f)
        r->cells[(size_t)dst * spe + f] = v.cells[(size_t)k * spe + f];
    } else {
      r->re[(size_t)dst] = v.re[(size_t)k];
      if (cplx)
        r->im[(size_t)dst] = v.im[(size_t)k];
    }
    for (size_t d = 0; d < nd; ++d) {
      if (++cnt[d] < v.dims[d])
        break;
      cnt[d] = 0;
    }
  }
  return {r};
}

// ---- unique / ismember
// --------------------------------------------------------------

namespace {

bool isCellText(const Value &v) {
  if (v.cls != ClassId::Cell)
    return false;
  for (const ValueRef &c : v.cells)
    if (!c || c->cls != ClassId::Char || (c->dims[0] > 1 && !c->isEmpty()))
      return false;
  return true;
}

/// Total order for unique/ismember keys: by value (complex: magnitude, then
/// angle); NaN after everything.
struct KeyLess {
  const Value &v;
  bool operator()(int64_t a, int64_t b) const {
    double ar = v.re[(size_t)a], br = v.re[(size_t)b];
    if (!hasImag(v)) {
      if (std::isnan(ar) || std::isnan(br))
        return !std::isnan(ar) && std::isnan(br);
      return ar < br;
    }
    double ai = v.im[(size_t)a], bi = v.im[(size_t)b];
    double ma = std::hypot(ar, ai), mb = std::hypot(br, bi);
    if (std::isnan(ma) || std::isnan(mb))
      return !std::isnan(ma) && std::isnan(mb);
    if (ma != mb)
      return ma < mb;
    return std::atan2(ai, ar) < std::atan2(bi, br);
  }
};

bool textLess(const Value &a, const Value &b) {
  return std::lexicographical_compare(a.re.begin(), a.re.end(), b.re.begin(),
                                      b.re.end());
}

} // namespace

Args bi_unique(int nargout, const Args &args) {
  const Value &v = *args[0];
  bool stable = false, last = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const Value &o = *args[i];
    if (textIs(o, "stable"))
      stable = true;
    else if (textIs(o, "sorted"))
      stable = false;
    else if (textIs(o, "last"))
      last = true;
    else if (textIs(o, "first"))
      last = false;
    else
      throwError("MATLAB:unique:unknownFlag", "Invalid option '%s'.",
                 o.cls == ClassId::Char ? textOf(o).c_str() : "");
  }
  bool text = v.cls == ClassId::Cell;
  if (text && !isCellText(v))
    throwError("MATLAB:unique:InputClass",
               "Cell array input must be a cell array of character vectors.");
  if (!text && !isArithmetic(v))
    undefinedForType("unique", v);
  int64_t n = v.numel();
  std::vector<int64_t> order((size_t)n);
  std::iota(order.begin(), order.end(), 0);
  auto less = [&](int64_t a, int64_t b) {
    if (text)
      return textLess(*v.cells[(size_t)a], *v.cells[(size_t)b]);
    return KeyLess{v}(a, b);
  };
  auto same = [&](int64_t a, int64_t b) {
    if (text)
      return v.cells[(size_t)a]->re == v.cells[(size_t)b]->re;
    if (std::isnan(v.re[(size_t)a]) || std::isnan(imagAt(v, a)))
      return false; // every NaN is distinct
    return v.re[(size_t)a] == v.re[(size_t)b] && imagAt(v, a) == imagAt(v, b);
  };
  std::stable_sort(order.begin(), order.end(), less);
  // Groups of equal keys in sorted order; rep = first (or last) occurrence.
  std::vector<int64_t> groupOf((size_t)n), reps;
  for (int64_t k = 0; k < n; ++k) {
    int64_t e = order[(size_t)k];
    if (k == 0 || !same(order[(size_t)k - 1], e)) {
      reps.push_back(e);
    } else if (last) {
      reps.back() = e;
    }
    groupOf[(size_t)e] = (int64_t)reps.size() - 1;
  }
  size_t m = reps.size();
  // Output order of the groups: sorted, or by first appearance.
  std::vector<int64_t> outGroup(m), rank(m);
  std::iota(outGroup.begin(), outGroup.end(), 0);
  if (stable) {
    std::vector<int64_t> firstAt(m, n);
    for (int64_t k = 0; k < n; ++k) {
      int64_t g = groupOf[(size_t)k];
      firstAt[(size_t)g] = std::min(firstAt[(size_t)g], k);
    }
    std::sort(outGroup.begin(), outGroup.end(), [&](int64_t a, int64_t b) {
      return firstAt[(size_t)a] < firstAt[(size_t)b];
    });
  }
  for (size_t k = 0; k < m; ++k)
    rank[(size_t)outGroup[k]] = (int64_t)k;
  bool rowOut = v.dims.size() == 2 && v.dims[0] == 1 && n > 0;
  Dims shape = rowOut ? Dims{1, (int64_t)m} : Dims{(int64_t)m, 1};
  if (v.dims.size() == 2 && v.dims[0] == 0 && v.dims[1] == 0)
    shape = Dims{0, 0};
  else if (n == 0)
    shape = rowOut || v.dims[0] == 1 ? Dims{1, 0} : Dims{0, 1};
  ValueRef c;
  if (text) {
    c = makeCell(shape);
    for (size_t k = 0; k < m; ++k)
      c->cells[k] = v.cells[(size_t)reps[(size_t)outGroup[k]]];
  } else {
    c = newArray(v.cls, shape, hasImag(v));
    for (size_t k = 0; k < m; ++k) {
      size_t src = (size_t)reps[(size_t)outGroup[k]];
      c->re[k] = v.re[src];
      if (hasImag(v))
        c->im[k] = v.im[src];
    }
  }
  if (nargout < 2)
    return {c};
  ValueRef ia = newArray(ClassId::Double, Dims{(int64_t)m, 1});
  for (size_t k = 0; k < m; ++k)
    ia->re[k] = (double)(reps[(size_t)outGroup[k]] + 1);
  if (nargout < 3)
    return {c, ia};
  ValueRef ic = newArray(ClassId::Double, Dims{n, 1});
  for (int64_t k = 0; k < n; ++k)
    ic->re[(size_t)k] = (double)(rank[(size_t)groupOf[(size_t)k]] + 1);
  return {c, ia, ic};
}

Args bi_ismember(int nargout, const Args &args) {
  const Value &a = *args[0], &s = *args[1];
  if (args.size() > 2)
    throwError("MATLAB:ismember:unknownFlag",
               "Only the two-input form of ismember is supported.");
  // Text: a char vector or cellstr against a cellstr (or char vector).
  if (a.cls == ClassId::Cell || s.cls == ClassId::Cell) {
    bool aText = isCellText(a) || isText(a), sText = isCellText(s) || isText(s);
    if (!aText || !sText)
      throwError("MATLAB:ISMEMBER:InputClass",
                 "Input A of class %s and input B of class %s must be cell "
                 "arrays of character vectors, unless one is a character "
                 "vector.",
                 className(a.cls), className(s.cls));
    std::vector<const Value *> set;
    if (s.cls == ClassId::Cell)
      for (const ValueRef &c : s.cells)
        set.push_back(c.get());
    else
      set.push_back(&s);
    std::vector<const Value *> items;
    Dims shape{1, 1};
    if (a.cls == ClassId::Cell) {
      for (const ValueRef &c : a.cells)
        items.push_back(c.get());
      shape = a.dims;
    } else {
      items.push_back(&a);
    }
    ValueRef tf = newArray(ClassId::Logical, shape);
    ValueRef loc = newArray(ClassId::Double, shape);
    for (size_t k = 0; k < items.size(); ++k)
      for (size_t j = 0; j < set.size(); ++j)
        if (items[k]->re == set[j]->re) {
          tf->re[k] = 1;
          loc->re[k] = (double)(j + 1);
          break;
        }
    if (nargout > 1)
      return {tf, loc};
    return {tf};
  }
  if (!isArithmetic(a))
    undefinedForType("ismember", a);
  if (!isArithmetic(s))
    undefinedForType("ismember", s);
  // Sort the set once (stable, so equal keys keep the lowest index first),
  // then binary-search every element of a.
  int64_t ns = s.numel();
  std::vector<int64_t> order((size_t)ns);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), KeyLess{s});
  bool cplx = hasImag(a) || hasImag(s);
  ValueRef tf = newArray(ClassId::Logical, a.dims);
  ValueRef loc = nargout > 1 ? newArray(ClassId::Double, a.dims) : ValueRef();
  for (int64_t k = 0; k < a.numel(); ++k) {
    double xr = a.re[(size_t)k], xi = imagAt(a, k);
    if (std::isnan(xr) || std::isnan(xi))
      continue;
    // Binary search on the sorted set by the same order.
    int64_t lo = 0, hi = ns;
    while (lo < hi) {
      int64_t mid = (lo + hi) / 2;
      int64_t e = order[(size_t)mid];
      double er = s.re[(size_t)e], ei = imagAt(s, e);
      bool eLess;
      if (std::isnan(er) || std::isnan(ei))
        eLess = false;
      else if (!cplx)
        eLess = er < xr;
      else {
        double me = std::hypot(er, ei), mx = std::hypot(xr, xi);
        eLess = me != mx ? me < mx : std::atan2(ei, er) < std::atan2(xi, xr);
      }
      if (eLess)
        lo = mid + 1;
      else
        hi = mid;
    }
    if (lo < ns) {
      int64_t e = order[(size_t)lo];
      if (s.re[(size_t)e] == xr && imagAt(s, e) == xi) {
        tf->re[(size_t)k] = 1;
        if (loc)
          loc->re[(size_t)k] = (double)(e + 1);
      }
    }
  }
  if (nargout > 1)
    return {tf, loc};
  return {tf};
}

// ---- sortrows / issorted
// --------------------------------------------------------------

Args bi_sortrows(int nargout, const Args &args) {
  const Value &v = *args[0];
  if (!isArithmetic(v))
    undefinedForType("sortrows", v);
  if (v.dims.size() > 2)
    throwError("MATLAB:sortrows:inputDimensionMismatch",
               "Input must be a 2-D matrix.");
  int64_t m = v.dims[0], n = v.dims[1];
  std::vector<int64_t> cols; // signed, 1-based
  bool descend = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const Value &a = *args[i];
    if (textIs(a, "ascend"))
      descend = false;
    else if (textIs(a, "descend"))
      descend = true;
    else if (isNumericClass(a.cls) && !hasImag(a) && i == 1) {
      for (double c : a.re) {
        if (c == 0 || c != std::floor(c) || std::fabs(c) > (double)n)
          throwError("MATLAB:sortrows:COLmismatchX",
                     "Column sorting vector must contain integers with "
                     "absolute value between 1 and the number of columns in "
                     "the first argument.");
        cols.push_back((int64_t)c);
      }
    } else {
      throwError("MATLAB:sortrows:sortDirection",
                 "Sorting direction must be 'ascend' or 'descend'.");
    }
  }
  if (cols.empty())
    for (int64_t j = 1; j <= n; ++j)
      cols.push_back(j);
  if (descend)
    for (int64_t &c : cols)
      c = -c;
  std::vector<int64_t> order((size_t)m);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
    for (int64_t c : cols) {
      int64_t j = (c > 0 ? c : -c) - 1;
      double x = v.re[(size_t)(a + j * m)], y = v.re[(size_t)(b + j * m)];
      if (x == y || (std::isnan(x) && std::isnan(y)))
        continue;
      // NaN sorts as the largest value.
      bool less = std::isnan(y) || (!std::isnan(x) && x < y);
      return c > 0 ? less : !less;
    }
    return false;
  });
  ValueRef r = newArray(v.cls, v.dims, hasImag(v));
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      size_t dst = (size_t)(i + j * m),
             src = (size_t)(order[(size_t)i] + j * m);
      r->re[dst] = v.re[src];
      if (hasImag(v))
        r->im[dst] = v.im[src];
    }
  if (nargout < 2)
    return {r};
  ValueRef ix = newArray(ClassId::Double, Dims{m, 1});
  for (int64_t i = 0; i < m; ++i)
    ix->re[(size_t)i] = (double)(order[(size_t)i] + 1);
  return {r, ix};
}

Args bi_issorted(int, const Args &args) {
  const Value &v = *args[0];
  if (!isArithmetic(v))
    undefinedForType("issorted", v);
  if (!v.isVector() && !v.isEmpty())
    throwError("MATLAB:issorted:MustBeVector", "Input must be a vector.");
  // Ascending with NaN last, as sort orders them.
  for (size_t k = 1; k < v.re.size(); ++k) {
    double a = v.re[k - 1], b = v.re[k];
    if (std::isnan(a) ? !std::isnan(b) : b < a)
      return {makeBool(false)};
  }
  return {makeBool(true)};
}

// nonzeros(A): the nonzero elements of A as a column, in column order.
Args bi_nonzeros(int, const Args &args) {
  const Value &a = *args[0];
  if (!isArithmetic(a))
    throwErrorIn("nonzeros", "MATLAB:nonzeros:invalidInput",
                 "Input must be numeric, logical or char.");
  ValueRef idx = bi_find(1, {args[0]})[0];
  ValueRef col = makeColumnVector(idx->re);
  ValueRef r = indexValue(a, {col.get()});
  ValueRef shaped = callBuiltin("reshape", 1, {r, makeDouble((double)r->numel()), makeDouble(1)})[0];
  return {shaped};
}

// flipdim(A, dim): flip(A, dim) (its older name).
Args bi_flipdim(int nargout, const Args &args) { return bi_flip(nargout, args); }

} // namespace runmat::rt
