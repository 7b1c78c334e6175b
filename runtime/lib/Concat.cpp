//===- Concat.cpp - Concatenation [a b; c d] ------------------------------===//
//
// Horizontal and vertical (and general N-D) concatenation with MATLAB's
// rules: empty operands vanish from the size checks, the result class is
// char > integer (leftmost) > single > double, logical only when all are
// logical; any cell makes a cell (other operands become cell elements).
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/Error.h"
#include "runmat/rt/Ops.h"
#include "runmat/rt/Int64.h"

#include <algorithm>

namespace runmat::rt {

namespace {

inline bool isDataClass(ClassId c) {
  return isNumericClass(c) || c == ClassId::Logical || c == ClassId::Char;
}

[[noreturn]] void dimensionMismatch() {
  throwError("MATLAB:catenate:dimensionMismatch",
             "Dimensions of arrays being concatenated are not consistent.");
}

inline int64_t dimAt(const Dims &d, size_t k) {
  return k < d.size() ? d[k] : 1;
}

/// The result dims of concatenating `used` along dim (they must agree
/// elsewhere).
Dims catDims(const std::vector<const Value *> &used, size_t dim) {
  size_t nd = dim + 1;
  for (const Value *v : used)
    nd = std::max(nd, v->dims.size());
  Dims out(nd);
  for (size_t k = 0; k < nd; ++k)
    out[k] = dimAt(used[0]->dims, k);
  int64_t sum = 0;
  for (const Value *v : used) {
    for (size_t k = 0; k < nd; ++k)
      if (k != dim && dimAt(v->dims, k) != out[k])
        dimensionMismatch();
    sum += dimAt(v->dims, dim);
  }
  out[dim] = sum;
  return out;
}

/// Elements of part p copied per outer step (dims up to and including dim).
int64_t blockOf(const Value &v, size_t dim) {
  int64_t b = 1;
  for (size_t k = 0; k <= dim; ++k)
    b *= dimAt(v.dims, k);
  return b;
}

int64_t outerOf(const Dims &out, size_t dim) {
  int64_t o = 1;
  for (size_t k = dim + 1; k < out.size(); ++k)
    o *= out[k];
  return o;
}

/// The operands that take part in the size checks: the non-empty ones, or,
/// when all are empty, the ones that are not 0x0.
std::vector<const Value *> usedParts(const std::vector<const Value *> &parts) {
  std::vector<const Value *> used;
  for (const Value *v : parts)
    if (v->numel() > 0)
      used.push_back(v);
  if (used.empty())
    for (const Value *v : parts)
      if (!(v->dims.size() == 2 && v->dims[0] == 0 && v->dims[1] == 0))
        used.push_back(v);
  return used;
}

ValueRef catCells(size_t dim, const std::vector<const Value *> &parts) {
  // Non-cell operands become 1x1 cells; empty non-cells vanish.
  std::vector<ValueRef> hold;
  std::vector<const Value *> cellParts;
  for (const Value *v : parts) {
    if (v->cls == ClassId::Cell) {
      cellParts.push_back(v);
    } else if (v->numel() > 0 || v->cls == ClassId::FunctionHandle) {
      ValueRef c = makeCell({1, 1});
      c->cells[0] = ValueRef::borrow(const_cast<Value *>(v));
      hold.push_back(c);
      cellParts.push_back(c.get());
    }
  }
  std::vector<const Value *> used = usedParts(cellParts);
  if (used.empty())
    return makeCell({0, 0});
  Dims out = catDims(used, dim);
  ValueRef r = makeCell(out);
  int64_t outer = outerOf(out, dim);
  size_t dst = 0;
  for (int64_t o = 0; o < outer; ++o)
    for (const Value *v : used) {
      int64_t b = blockOf(*v, dim);
      for (int64_t i = 0; i < b; ++i)
        r->cells[dst++] = v->cells[(size_t)(o * b + i)];
    }
  return r;
}

ValueRef catStructs(size_t dim, const std::vector<const Value *> &parts) {
  std::vector<const Value *> structs;
  for (const Value *v : parts) {
    if (v->cls == ClassId::Struct) {
      structs.push_back(v);
    } else if (v->numel() > 0 || v->cls == ClassId::FunctionHandle) {
      throwError("MATLAB:invalidConversion",
                 "Conversion to struct from %s is not possible.",
                 className(v->cls));
    }
  }
  std::vector<const Value *> used = usedParts(structs);
  if (used.empty())
    return makeStruct({0, 0}, structs[0]->fields);
  const std::vector<std::string> &fields = used[0]->fields;
  size_t w = fields.size();
  std::vector<std::vector<size_t>> maps;
  for (const Value *v : used) {
    if (v->fields.size() != w)
      throwError("MATLAB:catenate:structFieldBad",
                 "Names of fields in structure arrays being concatenated do "
                 "not match.");
    std::vector<size_t> m;
    for (const std::string &f : fields) {
      int64_t j = fieldIndex(*v, f);
      if (j < 0)
        throwError("MATLAB:catenate:structFieldBad",
                   "Names of fields in structure arrays being concatenated "
                   "do not match.");
      m.push_back((size_t)j);
    }
    maps.push_back(std::move(m));
  }
  Dims out = catDims(used, dim);
  ValueRef r = makeStruct(out, fields);
  int64_t outer = outerOf(out, dim);
  size_t dst = 0;
  for (int64_t o = 0; o < outer; ++o)
    for (size_t p = 0; p < used.size(); ++p) {
      const Value *v = used[p];
      int64_t b = blockOf(*v, dim);
      for (int64_t i = 0; i < b; ++i, ++dst)
        for (size_t f = 0; f < w; ++f)
          r->cells[dst * w + f] =
              v->cells[(size_t)(o * b + i) * w + maps[p][f]];
    }
  return r;
}

ValueRef catData(size_t dim, const std::vector<const Value *> &parts) {
  bool anyChar = false, anySingle = false, allLogical = true, cx = false;
  ClassId firstInt = ClassId::Double;
  bool anyInt = false;
  for (const Value *v : parts) {
    ClassId c = v->cls;
    if (c == ClassId::Char)
      anyChar = true;
    else if (c == ClassId::Single)
      anySingle = true;
    else if (isIntegerClass(c) && !anyInt) {
      anyInt = true;
      firstInt = c;
    }
    if (c != ClassId::Logical)
      allLogical = false;
    if (v->complex && !v->im.empty() && v->numel() > 0)
      cx = true;
  }
  ClassId rc = anyChar      ? ClassId::Char
               : anyInt     ? firstInt
               : anySingle  ? ClassId::Single
               : allLogical ? ClassId::Logical
                            : ClassId::Double;
  if (rc == ClassId::Char || rc == ClassId::Logical)
    cx = false;
  std::vector<const Value *> used = usedParts(parts);
  if (used.empty())
    return makeArray(rc, {0, 0});
  Dims out = catDims(used, dim);
  std::vector<ValueRef> conv;
  conv.reserve(used.size());
  bool wide = false;
  for (const Value *v : used) {
    conv.push_back(convertClass(*v, rc));
    wide = wide || isWide(*conv.back());
  }
  if (wide) // int64/uint64 beyond 2^53: the exact values move as bits
    for (ValueRef &v : conv)
      v = toBits(*v);
  ValueRef r = makeArray(rc, out);
  if (cx) {
    r->complex = true;
    r->im.assign(r->re.size(), 0.0);
  }
  int64_t outer = outerOf(r->dims, dim);
  if (outer == 0 || r->re.empty())
    return r;
  double *dre = r->re.data();
  double *dim_ = cx ? r->im.data() : nullptr;
  size_t dst = 0;
  for (int64_t o = 0; o < outer; ++o)
    for (const ValueRef &v : conv) {
      int64_t b = blockOf(*v, dim);
      size_t src = (size_t)(o * b);
      std::copy(v->re.begin() + src, v->re.begin() + src + b, dre + dst);
      if (dim_ && v->complex && !v->im.empty())
        std::copy(v->im.begin() + src, v->im.begin() + src + b, dim_ + dst);
      dst += (size_t)b;
    }
  if (wide)
    fromBits(*r);
  return r;
}

} // namespace

ValueRef catAlong(int64_t dim, const std::vector<const Value *> &parts) {
  if (dim < 0)
    throwError("MATLAB:catenate:invalidDimension",
               "Dimension argument must be a positive integer scalar.");
  if (parts.empty())
    return makeEmpty();
  if (parts.size() == 1)
    return ValueRef::borrow(const_cast<Value *>(parts[0]));
  bool anyCell = false, anyStruct = false, anyFh = false;
  for (const Value *v : parts) {
    anyCell = anyCell || v->cls == ClassId::Cell;
    anyStruct = anyStruct || v->cls == ClassId::Struct;
    anyFh = anyFh || v->cls == ClassId::FunctionHandle;
  }
  size_t d = (size_t)dim;
  if (anyCell)
    return catCells(d, parts);
  if (anyStruct)
    return catStructs(d, parts);
  if (anyFh) {
    const Value *only = nullptr;
    int count = 0;
    for (const Value *v : parts)
      if (v->cls == ClassId::FunctionHandle || v->numel() > 0) {
        only = v;
        ++count;
      }
    if (count == 1 && only->cls == ClassId::FunctionHandle)
      return ValueRef::borrow(const_cast<Value *>(only));
    throwError("MATLAB:fhNonScalar",
               "Nonscalar arrays of function handles are not allowed; use "
               "cell arrays instead.");
  }
  return catData(d, parts);
}

ValueRef concat(const std::vector<std::vector<const Value *>> &rows) {
  if (rows.empty())
    return makeEmpty();
  std::vector<ValueRef> rowVals;
  rowVals.reserve(rows.size());
  for (const auto &row : rows)
    rowVals.push_back(catAlong(1, row));
  if (rowVals.size() == 1)
    return rowVals[0];
  std::vector<const Value *> ptrs;
  ptrs.reserve(rowVals.size());
  for (const ValueRef &v : rowVals)
    ptrs.push_back(v.get());
  return catAlong(0, ptrs);
}

} // namespace runmat::rt
