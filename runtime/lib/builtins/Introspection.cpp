//===- Introspection.cpp - Size, class and predicate builtins
//--------------===//
//
// size numel length ndims isempty isscalar class, the class conversions
// (double single int8 ... logical char), the is* predicates and isequal.
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/Int64.h"
#include "ArraySupport.h"

#include <cmath>
#include <cstring>

namespace runmat::rt {

using namespace support;

namespace {

ValueRef boolValue(bool b) { return makeBool(b); }

ValueRef rowOfSizes(const std::vector<int64_t> &s) {
  ValueRef r = makeArray(ClassId::Double, Dims{1, (int64_t)s.size()});
  for (size_t i = 0; i < s.size(); ++i)
    r->re[i] = (double)s[i];
  return r;
}

} // namespace

// ---- size and shape
// -----------------------------------------------------------

Args bi_size(int nargout, const Args &args) {
  const Value &a = *args[0];
  const Dims &d = a.dims;
  if (args.size() == 2) {
    const Value &dv = *args[1];
    std::vector<int64_t> dims =
        dv.numel() == 1 ? std::vector<int64_t>{dimArg(dv)} : vecDimArg(dv);
    std::vector<int64_t> sizes;
    for (int64_t k : dims)
      sizes.push_back(dimSize(d, k));
    if (nargout <= 1)
      return {sizes.size() == 1 ? makeDouble((double)sizes[0])
                                : rowOfSizes(sizes)};
    if ((size_t)nargout > sizes.size())
      throwError("MATLAB:TooManyOutputs", "Too many output arguments.");
    Args out;
    for (int64_t s : sizes)
      out.push_back(makeDouble((double)s));
    return out;
  }
  if (nargout <= 1)
    return {rowOfSizes(std::vector<int64_t>(d.begin(), d.end()))};
  Args out;
  for (int k = 0; k < nargout; ++k) {
    if (k < nargout - 1) {
      out.push_back(makeDouble((double)dimSize(d, k)));
    } else {
      double rest = 1;
      for (size_t j = (size_t)k; j < d.size(); ++j)
        rest *= (double)d[j];
      out.push_back(makeDouble(rest));
    }
  }
  return out;
}

Args bi_numel(int, const Args &args) {
  return {makeDouble((double)args[0]->numel())};
}

Args bi_length(int, const Args &args) {
  int64_t m = 0;
  for (int64_t x : args[0]->dims) {
    if (x == 0)
      return {makeDouble(0)};
    m = std::max(m, x);
  }
  return {makeDouble((double)m)};
}

Args bi_ndims(int, const Args &args) {
  return {makeDouble((double)args[0]->dims.size())};
}

Args bi_isempty(int, const Args &args) {
  return {boolValue(args[0]->numel() == 0)};
}

Args bi_isscalar(int, const Args &args) {
  return {boolValue(args[0]->numel() == 1)};
}

Args bi_isrow(int, const Args &args) {
  const Value &a = *args[0];
  return {boolValue(a.dims.size() == 2 && a.dims[0] == 1)};
}

Args bi_iscolumn(int, const Args &args) {
  const Value &a = *args[0];
  return {boolValue(a.dims.size() == 2 && a.dims[1] == 1)};
}

Args bi_isvector(int, const Args &args) {
  const Value &a = *args[0];
  return {boolValue(a.dims.size() == 2 && (a.dims[0] == 1 || a.dims[1] == 1))};
}

Args bi_ismatrix(int, const Args &args) {
  return {boolValue(args[0]->dims.size() == 2)};
}

// ---- class predicates
// -----------------------------------------------------------

Args bi_class(int, const Args &args) {
  return {makeString(classNameOf(*args[0]))};
}

Args bi_isnumeric(int, const Args &args) {
  return {boolValue(isNumericClass(args[0]->cls))};
}

Args bi_ischar(int, const Args &args) {
  return {boolValue(args[0]->cls == ClassId::Char)};
}

Args bi_islogical(int, const Args &args) {
  return {boolValue(args[0]->cls == ClassId::Logical)};
}

Args bi_iscell(int, const Args &args) {
  return {boolValue(args[0]->cls == ClassId::Cell)};
}

Args bi_isstruct(int, const Args &args) {
  return {boolValue(args[0]->cls == ClassId::Struct && !args[0]->exception)};
}

Args bi_isfloat(int, const Args &args) {
  return {boolValue(isFloatClass(args[0]->cls))};
}

Args bi_isinteger(int, const Args &args) {
  return {boolValue(isIntegerClass(args[0]->cls))};
}

Args bi_isreal(int, const Args &args) {
  const Value &a = *args[0];
  bool real = a.cls != ClassId::Cell && a.cls != ClassId::Struct &&
              a.cls != ClassId::FunctionHandle && !a.complex;
  return {boolValue(real)};
}

Args bi_iscellstr(int, const Args &args) {
  const Value &a = *args[0];
  if (a.cls != ClassId::Cell)
    return {boolValue(false)};
  for (const ValueRef &c : a.cells)
    if (!c || c->cls != ClassId::Char || c->dims.size() != 2 ||
        (c->dims[0] != 1 && !c->isEmpty()))
      return {boolValue(false)};
  return {boolValue(true)};
}

Args bi_isa(int, const Args &args) {
  const Value &a = *args[0];
  const Value &n = *args[1];
  if (!isText(n))
    throwError("MATLAB:isa:invalidClassName",
               "Class name must be a character vector.");
  std::string name = textOf(n);
  bool r;
  if (name == "numeric")
    r = isNumericClass(a.cls);
  else if (name == "float")
    r = isFloatClass(a.cls);
  else if (name == "integer")
    r = isIntegerClass(a.cls);
  else
    r = name == classNameOf(a);
  return {boolValue(r)};
}

// ---- conversions
// ----------------------------------------------------------------

namespace {

[[noreturn]] void noConversion(ClassId to, const Value &v) {
  throwError("MATLAB:invalidConversion",
             "Conversion to %s from %s is not possible.", className(to),
             className(v.cls));
}

ValueRef convertNumeric(const ValueRef &in, ClassId to) {
  const Value &v = *in;
  if (!isArithmetic(v))
    noConversion(to, v);
  if (v.cls == to)
    return in;
  if (to == ClassId::Int64 || to == ClassId::UInt64 ||
      (to == ClassId::Single && isWide(v)))
    return convertClass(v, to); // exact (Int64.h)
  ValueRef r = newArray(to, v.dims, hasImag(v));
  r->re = v.re;
  castData(r->re, to);
  if (hasImag(v)) {
    r->im = v.im;
    castData(r->im, to);
    dropZeroImag(*r);
  }
  return r;
}

} // namespace

Args bi_double(int, const Args &args) {
  return {convertNumeric(args[0], ClassId::Double)};
}
Args bi_single(int, const Args &args) {
  return {convertNumeric(args[0], ClassId::Single)};
}
Args bi_int8(int, const Args &args) {
  return {convertNumeric(args[0], ClassId::Int8)};
}
Args bi_uint8(int, const Args &args) {
  return {convertNumeric(args[0], ClassId::UInt8)};
}
Args bi_int16(int, const Args &args) {
  return {convertNumeric(args[0], ClassId::Int16)};
}
Args bi_uint16(int, const Args &args) {
  return {convertNumeric(args[0], ClassId::UInt16)};
}
Args bi_int32(int, const Args &args) {
  return {convertNumeric(args[0], ClassId::Int32)};
}
Args bi_uint32(int, const Args &args) {
  return {convertNumeric(args[0], ClassId::UInt32)};
}
Args bi_int64(int, const Args &args) {
  return {convertNumeric(args[0], ClassId::Int64)};
}
Args bi_uint64(int, const Args &args) {
  return {convertNumeric(args[0], ClassId::UInt64)};
}

Args bi_logical(int, const Args &args) {
  const Value &v = *args[0];
  if (v.cls == ClassId::Logical)
    return {args[0]};
  if (!isNumericClass(v.cls))
    noConversion(ClassId::Logical, v);
  if (hasImag(v))
    throwError("MATLAB:nologicalcomplex",
               "Complex values cannot be converted to logicals.");
  ValueRef r = newArray(ClassId::Logical, v.dims);
  for (size_t k = 0; k < v.re.size(); ++k) {
    double x = v.re[k];
    if (std::isnan(x))
      throwError("MATLAB:nologicalnan",
                 "NaN's cannot be converted to logicals.");
    r->re[k] = x != 0 ? 1.0 : 0.0;
  }
  return {r};
}

namespace {

double toCharCode(double x) {
  if (std::isnan(x) || x <= 0)
    return 0;
  if (x >= 65535)
    return 65535;
  return std::round(x);
}

/// Appends the rows of one char() argument as code vectors.
void appendCharRows(const Value &v, std::vector<std::vector<double>> &rows) {
  if (v.cls == ClassId::Cell) {
    for (const ValueRef &c : v.cells) {
      if (!c || !(c->cls == ClassId::Char || isArithmetic(*c)) ||
          c->dims.size() > 2)
        throwError("MATLAB:char:CellsMustContainStrings",
                   "Cell elements must be character arrays.");
      appendCharRows(*c, rows);
    }
    return;
  }
  if (!isArithmetic(v))
    noConversion(ClassId::Char, v);
  if (v.dims.size() > 2)
    throwError("MATLAB:char:NDArray",
               "Inputs to char with several arguments must be 2-D.");
  int64_t m = v.dims[0], n = v.dims[1];
  if (m == 0) { // '' gives one blank row
    rows.emplace_back();
    return;
  }
  for (int64_t i = 0; i < m; ++i) {
    std::vector<double> row((size_t)n);
    for (int64_t j = 0; j < n; ++j)
      row[(size_t)j] = toCharCode(v.re[(size_t)(i + j * m)]);
    rows.push_back(std::move(row));
  }
}

} // namespace

Args bi_char(int, const Args &args) {
  if (args.size() == 1 && args[0]->cls != ClassId::Cell) {
    const Value &v = *args[0];
    if (v.cls == ClassId::Char)
      return {args[0]};
    if (!isArithmetic(v))
      noConversion(ClassId::Char, v);
    ValueRef r = newArray(ClassId::Char, v.dims);
    for (size_t k = 0; k < v.re.size(); ++k)
      r->re[k] = toCharCode(v.re[k]);
    return {r};
  }
  std::vector<std::vector<double>> rows;
  for (const ValueRef &a : args)
    appendCharRows(*a, rows);
  size_t width = 0;
  for (const auto &row : rows)
    width = std::max(width, row.size());
  int64_t m = (int64_t)rows.size();
  ValueRef r = newArray(ClassId::Char, Dims{m, (int64_t)width});
  for (int64_t i = 0; i < m; ++i)
    for (size_t j = 0; j < width; ++j)
      r->re[(size_t)i + j * (size_t)m] =
          j < rows[(size_t)i].size() ? rows[(size_t)i][j] : 32.0;
  return {r};
}

// ---- elementwise predicates
// ------------------------------------------------------

namespace {

template <class Pred>
ValueRef elementTest(const char *fn, const Value &v, Pred p) {
  if (!isArithmetic(v))
    undefinedForType(fn, v);
  ValueRef r = newArray(ClassId::Logical, v.dims);
  bool cplx = hasImag(v);
  for (size_t k = 0; k < v.re.size(); ++k)
    r->re[k] = p(v.re[k], cplx ? v.im[k] : 0.0) ? 1.0 : 0.0;
  return r;
}

} // namespace

Args bi_isnan(int, const Args &args) {
  return {elementTest("isnan", *args[0], [](double re, double im) {
    return std::isnan(re) || std::isnan(im);
  })};
}

Args bi_isinf(int, const Args &args) {
  return {elementTest("isinf", *args[0], [](double re, double im) {
    return std::isinf(re) || std::isinf(im);
  })};
}

Args bi_isfinite(int, const Args &args) {
  return {elementTest("isfinite", *args[0], [](double re, double im) {
    return std::isfinite(re) && std::isfinite(im);
  })};
}

// ---- isequal
// --------------------------------------------------------------------

namespace {

bool valuesEqual(const Value *a, const Value *b, bool nanEqual);

bool cellEqual(const ValueRef &a, const ValueRef &b, bool nanEqual) {
  static const ValueRef empty = makeEmpty();
  return valuesEqual(a ? a.get() : empty.get(), b ? b.get() : empty.get(),
                     nanEqual);
}

bool valuesEqual(const Value *a, const Value *b, bool nanEqual) {
  if (a->dims != b->dims)
    return false;
  if (isArithmetic(*a) && isArithmetic(*b)) {
    size_t n = a->re.size();
    bool ca = hasImag(*a), cb = hasImag(*b);
    if ((isWide(*a) || isWide(*b)) && !ca && !cb) {
      for (size_t k = 0; k < n; ++k)
        if (exactLong(*a, (int64_t)k) != exactLong(*b, (int64_t)k))
          return false;
      return true;
    }
    for (size_t k = 0; k < n; ++k) {
      double ar = a->re[k], br = b->re[k];
      double ai = ca ? a->im[k] : 0.0, bi = cb ? b->im[k] : 0.0;
      if (nanEqual) {
        bool sameR = ar == br || (std::isnan(ar) && std::isnan(br));
        bool sameI = ai == bi || (std::isnan(ai) && std::isnan(bi));
        if (!sameR || !sameI)
          return false;
      } else if (ar != br || ai != bi) {
        return false;
      }
    }
    return true;
  }
  if (a->cls != b->cls)
    return false;
  switch (a->cls) {
  case ClassId::Cell:
    for (size_t k = 0; k < a->cells.size() && k < b->cells.size(); ++k)
      if (!cellEqual(a->cells[k], b->cells[k], nanEqual))
        return false;
    return a->cells.size() == b->cells.size();
  case ClassId::Struct: {
    size_t nf = a->fields.size();
    if (nf != b->fields.size())
      return false;
    int64_t n = a->numel();
    for (size_t f = 0; f < nf; ++f) {
      size_t g = 0;
      while (g < nf && b->fields[g] != a->fields[f])
        ++g;
      if (g == nf)
        return false;
      for (int64_t k = 0; k < n; ++k) {
        size_t ia = (size_t)k * nf + f, ib = (size_t)k * nf + g;
        if (ia >= a->cells.size() || ib >= b->cells.size())
          return false;
        if (!cellEqual(a->cells[ia], b->cells[ib], nanEqual))
          return false;
      }
    }
    return true;
  }
  case ClassId::FunctionHandle:
    if (a->fh == b->fh)
      return true;
    return a->fh && b->fh && !a->fh->name.empty() && a->fh->name == b->fh->name;
  default:
    return false;
  }
}

Args isequalImpl(const Args &args, bool nanEqual) {
  for (size_t i = 1; i < args.size(); ++i)
    if (!valuesEqual(args[0].get(), args[i].get(), nanEqual))
      return {makeBool(false)};
  return {makeBool(true)};
}

} // namespace

Args bi_isequal(int, const Args &args) { return isequalImpl(args, false); }
Args bi_isequaln(int, const Args &args) { return isequalImpl(args, true); }

// ---- sub2ind / ind2sub
// ------------------------------------------------------------------

namespace {

Dims sizeVectorArg(const char *fn, const Value &v) {
  if (!isArithmetic(v) || hasImag(v) || v.numel() < 1 || !v.isVector())
    throwError("MATLAB:sub2ind:InvalidSize",
               "Size vector must be a row vector of positive integers.");
  Dims d;
  for (double x : v.re) {
    if (!(x >= 0) || x != std::floor(x) || x > 9.0e15)
      throwError("MATLAB:sub2ind:InvalidSize",
                 "Size vector must be a row vector of positive integers.");
    d.push_back((int64_t)x);
  }
  (void)fn;
  if (d.size() == 1)
    d.push_back(1);
  return d;
}

} // namespace

Args bi_sub2ind(int, const Args &args) {
  Dims sz = sizeVectorArg("sub2ind", *args[0]);
  size_t nsub = args.size() - 1;
  // Subscripts beyond the size vector's length fold into its last dim.
  Dims d = sz;
  if (nsub < d.size()) {
    int64_t rest = 1;
    for (size_t k = nsub - 1; k < d.size(); ++k)
      rest *= d[k];
    d.resize(nsub);
    d[nsub - 1] = rest;
  }
  const Value &first = *args[1];
  for (size_t k = 1; k <= nsub; ++k) {
    const Value &s = *args[k];
    if (!isArithmetic(s))
      undefinedForType("sub2ind", s);
    if (s.dims != first.dims)
      throwError("MATLAB:sub2ind:SubscriptVectorSize",
                 "The subscript vectors must all be of the same size.");
  }
  ValueRef r = newArray(ClassId::Double, first.dims);
  int64_t n = first.numel();
  for (int64_t t = 0; t < n; ++t) {
    double idx = 0, stride = 1;
    for (size_t k = 0; k < nsub; ++k) {
      double x = args[k + 1]->re[(size_t)t];
      int64_t dk = k < d.size() ? d[k] : 1;
      if (!(x >= 1) || x != std::floor(x))
        throwError("MATLAB:sub2ind:IndexOutOfRange", "Index out of range.");
      if (x > (double)dk)
        throwError("MATLAB:sub2ind:IndexOutOfRange", "Out of range subscript.");
      idx += (x - 1) * stride;
      stride *= (double)dk;
    }
    r->re[(size_t)t] = idx + 1;
  }
  return {r};
}

Args bi_ind2sub(int nargout, const Args &args) {
  Dims sz = sizeVectorArg("ind2sub", *args[0]);
  const Value &ind = *args[1];
  if (!isArithmetic(ind))
    undefinedForType("ind2sub", ind);
  size_t nout = (size_t)std::max(nargout, 1);
  // With fewer outputs than dims, the last output absorbs the rest.
  Dims d(nout, 1);
  for (size_t k = 0; k < sz.size(); ++k) {
    if (k < nout)
      d[k] = sz[k];
    else
      d[nout - 1] *= sz[k];
  }
  double total = 1;
  for (int64_t x : sz)
    total *= (double)x;
  Args out;
  for (size_t k = 0; k < nout; ++k)
    out.push_back(newArray(ClassId::Double, ind.dims));
  for (int64_t t = 0; t < ind.numel(); ++t) {
    double x = ind.re[(size_t)t];
    if (!(x >= 1) || x != std::floor(x) || x > total)
      throwError("MATLAB:ind2sub:IndexOutOfRange", "Index out of range.");
    int64_t rem = (int64_t)x - 1;
    for (size_t k = 0; k < nout; ++k) {
      int64_t dk = d[k] > 0 ? d[k] : 1;
      if (k + 1 == nout) {
        out[k]->re[(size_t)t] = (double)(rem + 1);
      } else {
        out[k]->re[(size_t)t] = (double)(rem % dk + 1);
        rem /= dk;
      }
    }
  }
  return out;
}

} // namespace runmat::rt
