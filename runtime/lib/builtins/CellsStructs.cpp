//===- CellsStructs.cpp - Cell array and structure builtins ---------------===//
//
// struct isfield fieldnames numfields rmfield setfield getfield orderfields
// struct2cell cell2struct num2cell cell2mat deal, and the exception helpers
// MException rethrow throw (an exception is the struct rm_caught_error makes:
// fields identifier, message, stack).
//
// A struct array keeps element k's field f in cells[k * nfields + f].
//
//===----------------------------------------------------------------------===//
#include "ArraySupport.h"
#include "runmat/rt/Format.h"
#include "runmat/rt/Index.h"
#include "runmat/rt/Ops.h"
#include "runmat/rt/Subsref.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>

namespace runmat::rt {

using namespace support;

namespace {

bool isCharRowish(const Value &v) {
  return v.cls == ClassId::Char && (v.isRow() || v.isEmpty());
}

std::string textUtf8(const Value &v) {
  return unitsToUtf8(v.re.data(), v.re.size());
}

/// A valid MATLAB field name: a letter, then letters, digits, underscores.
bool validFieldName(const std::string &s) {
  if (s.empty() || s.size() > 63 || !std::isalpha((unsigned char)s[0]))
    return false;
  for (char c : s)
    if (!(std::isalnum((unsigned char)c) || c == '_'))
      return false;
  return true;
}

std::string fieldNameArg(const char *fn, const Value &v) {
  if (!isCharRowish(v))
    throwErrorIn(fn, "MATLAB:struct:FieldNameMustBeText",
                 "Field names must be character vectors.");
  std::string s = textUtf8(v);
  if (!validFieldName(s))
    throwErrorIn(fn, "MATLAB:Cell2Struct:InvalidFieldName",
                 "Invalid field name \"%s\".", s.c_str());
  return s;
}

ValueRef cellColumn(const std::vector<std::string> &names) {
  ValueRef c = makeCell(Dims{(int64_t)names.size(), 1});
  for (size_t k = 0; k < names.size(); ++k)
    c->cells[k] = makeCharMatrix({names[k]});
  // makeCharMatrix({""}) is 1x0; MATLAB shows field names as rows anyway.
  return c;
}

[[noreturn]] void notStruct(const char *fn, const Value &v) {
  throwErrorIn(fn, "MATLAB:fieldnames:InvalidInput",
               "Invalid input argument of type '%s'. Input must be a "
               "structure or a Java or COM object.",
               className(v.cls));
}

/// A struct with the same dims whose fields are `order` (indices into the
/// fields of s).
ValueRef selectFields(const Value &s, const std::vector<size_t> &order) {
  std::vector<std::string> names;
  for (size_t f : order)
    names.push_back(s.fields[f]);
  ValueRef r = makeStruct(s.dims, names);
  size_t nf = s.fields.size(), nn = names.size();
  int64_t n = s.numel();
  for (int64_t k = 0; k < n; ++k)
    for (size_t q = 0; q < nn; ++q)
      r->cells[(size_t)k * nn + q] = s.cells[(size_t)k * nf + order[q]];
  return r;
}

/// The names of a char row / char matrix / cellstr argument.
std::vector<std::string> namesArg(const char *fn, const Value &v) {
  std::vector<std::string> out;
  if (v.cls == ClassId::Char) {
    if (v.dims.size() > 2)
      throwErrorIn(fn, "MATLAB:fieldnames:InvalidInput",
                   "Field names must be a character array or a cell array of "
                   "character vectors.");
    int64_t r = v.rows(), c = v.cols();
    if (v.isEmpty() && r <= 1)
      return {std::string()};
    for (int64_t i = 0; i < r; ++i) {
      std::vector<double> units;
      for (int64_t j = 0; j < c; ++j)
        units.push_back(v.re[(size_t)(j * r + i)]);
      while (!units.empty() && (units.back() == ' ' || units.back() == 0))
        units.pop_back();
      out.push_back(unitsToUtf8(units.data(), units.size()));
    }
    return out;
  }
  if (v.cls == ClassId::Cell) {
    for (const ValueRef &c : v.cells) {
      if (!c || !isCharRowish(*c))
        throwErrorIn(fn, "MATLAB:fieldnames:InvalidInput",
                     "Field names must be a character array or a cell array "
                     "of character vectors.");
      out.push_back(textUtf8(*c));
    }
    return out;
  }
  throwErrorIn(fn, "MATLAB:fieldnames:InvalidInput",
               "Field names must be a character array or a cell array of "
               "character vectors.");
}

/// The subscript chain of getfield/setfield arguments args[from, to).
std::vector<Sub> fieldChain(const char *fn, const Args &args, size_t from,
                            size_t to) {
  std::vector<Sub> chain;
  for (size_t k = from; k < to; ++k) {
    const Value &a = *args[k];
    if (a.cls == ClassId::Cell) {
      Sub s{SubKind::Paren, {}, ""};
      for (const ValueRef &c : a.cells)
        s.args.push_back(c.get());
      chain.push_back(s);
    } else if (isCharRowish(a)) {
      chain.push_back(Sub{SubKind::Field, {}, textUtf8(a)});
    } else {
      throwErrorIn(fn, "MATLAB:getfield:InvalidFieldName",
                   "Field names must be character vectors and subscripts "
                   "must be cell arrays.");
    }
  }
  return chain;
}


const Value *structField(const Value &s, const char *name) {
  int64_t f = fieldIndex(s, name);
  if (f < 0 || s.numel() < 1 || (size_t)f >= s.cells.size())
    return nullptr;
  return s.cells[(size_t)f].get();
}

[[noreturn]] void throwException(const char *fn, const Value &me) {
  const Value *m = me.cls == ClassId::Struct ? structField(me, "message") : nullptr;
  const Value *id =
      me.cls == ClassId::Struct ? structField(me, "identifier") : nullptr;
  if (!m || !id || m->cls != ClassId::Char || id->cls != ClassId::Char ||
      me.numel() != 1)
    throwErrorIn(fn, "MATLAB:rethrow:InvalidInput",
                 "Input must be an MException object or a structure with "
                 "fields 'message' and 'identifier'.");
  // Function "error" makes the report read "Error: msg" (not "Error using").
  throw MatlabError(textUtf8(*id), textUtf8(*m), "error");
}

} // namespace

// ---- struct -----------------------------------------------------------------------

Args bi_struct(int, const Args &args) {
  if (args.empty())
    return {makeStruct(Dims{1, 1}, {})};
  if (args.size() == 1) {
    const Value &a = *args[0];
    if (a.cls == ClassId::Struct)
      return {args[0]};
    if (isArithmetic(a) && a.cls != ClassId::Char && a.isEmpty() &&
        a.dims.size() == 2 && a.dims[0] == 0 && a.dims[1] == 0)
      return {makeStruct(Dims{0, 0}, {})};
    if (a.cls != ClassId::Char)
      throwErrorIn("struct", "MATLAB:invalidConversion",
                   "Conversion to struct from %s is not possible.",
                   className(a.cls));
  }
  if (args.size() % 2 != 0)
    throwErrorIn("struct", "MATLAB:struct:FieldValuePairs",
                 "Field and value input arguments must come in pairs.");
  std::vector<std::string> names;
  Dims dims{1, 1};
  bool arrayDims = false;
  size_t dimsFrom = 0;
  for (size_t k = 0; k < args.size(); k += 2) {
    std::string name = fieldNameArg("struct", *args[k]);
    if (std::find(names.begin(), names.end(), name) != names.end())
      throwErrorIn("struct", "MATLAB:DuplicateFieldName",
                   "Duplicate field name \"%s\".", name.c_str());
    names.push_back(name);
    const Value &v = *args[k + 1];
    if (v.cls == ClassId::Cell && v.numel() != 1) {
      if (arrayDims && v.dims != dims)
        throwErrorIn("struct", "MATLAB:struct:ArrayDimensionMismatch",
                     "Array dimensions of input %d must match those of input "
                     "%d or be scalar.",
                     (int)k + 2, (int)dimsFrom + 2);
      dims = v.dims;
      arrayDims = true;
      dimsFrom = k;
    }
  }
  ValueRef s = makeStruct(dims, names);
  int64_t n = s->numel();
  size_t nf = names.size();
  for (size_t f = 0; f < nf; ++f) {
    const ValueRef &v = args[2 * f + 1];
    for (int64_t e = 0; e < n; ++e) {
      ValueRef x;
      if (v->cls == ClassId::Cell)
        x = v->cells[(size_t)(v->numel() == 1 ? 0 : e)];
      else
        x = v;
      s->cells[(size_t)e * nf + f] = x ? x : makeEmpty();
    }
  }
  return {s};
}

Args bi_isfield(int, const Args &args) {
  const Value &s = *args[0], &f = *args[1];
  bool isS = s.cls == ClassId::Struct;
  if (f.cls == ClassId::Cell) {
    ValueRef r = newArray(ClassId::Logical, f.dims);
    for (size_t k = 0; k < f.cells.size(); ++k) {
      const ValueRef &c = f.cells[k];
      r->re[k] = isS && c && isCharRowish(*c) &&
                 fieldIndex(s, textUtf8(*c)) >= 0;
    }
    return {r};
  }
  if (!isS || !isCharRowish(f))
    return {makeBool(false)};
  return {makeBool(fieldIndex(s, textUtf8(f)) >= 0)};
}

Args bi_fieldnames(int, const Args &args) {
  const Value &s = *args[0];
  if (s.cls != ClassId::Struct)
    notStruct("fieldnames", s);
  return {cellColumn(s.fields)};
}

Args bi_numfields(int, const Args &args) {
  const Value &s = *args[0];
  return {makeDouble(s.cls == ClassId::Struct ? (double)s.fields.size() : 0)};
}

Args bi_rmfield(int, const Args &args) {
  const Value &s = *args[0];
  if (s.cls != ClassId::Struct)
    throwErrorIn("rmfield", "MATLAB:rmfield:InvalidStructInput",
                 "First argument must be a struct.");
  std::vector<std::string> drop;
  const Value &f = *args[1];
  if (isCharRowish(f))
    drop.push_back(textUtf8(f));
  else if (f.cls == ClassId::Cell) {
    for (const ValueRef &c : f.cells) {
      if (!c || !isCharRowish(*c))
        throwErrorIn("rmfield", "MATLAB:rmfield:InvalidFieldInput",
                     "Field names must be a character vector or a cell array "
                     "of character vectors.");
      drop.push_back(textUtf8(*c));
    }
  } else {
    throwErrorIn("rmfield", "MATLAB:rmfield:InvalidFieldInput",
                 "Field names must be a character vector or a cell array of "
                 "character vectors.");
  }
  for (const std::string &d : drop)
    if (fieldIndex(s, d) < 0)
      throwErrorIn("rmfield", "MATLAB:rmfield:InvalidFieldname",
                   "A field named '%s' doesn't exist.", d.c_str());
  std::vector<size_t> keep;
  for (size_t k = 0; k < s.fields.size(); ++k)
    if (std::find(drop.begin(), drop.end(), s.fields[k]) == drop.end())
      keep.push_back(k);
  return {selectFields(s, keep)};
}

Args bi_getfield(int, const Args &args) {
  std::vector<Sub> chain = fieldChain("getfield", args, 1, args.size());
  return {subsref(*args[0], chain)};
}

Args bi_setfield(int, const Args &args) {
  std::vector<Sub> chain = fieldChain("setfield", args, 1, args.size() - 1);
  ValueRef s = args[0];
  const Value &first = *s;
  if (!chain.empty() && chain[0].kind == SubKind::Field && first.cls != ClassId::Struct &&
      !first.isEmpty())
    throwErrorIn("setfield", "MATLAB:setfield:InvalidInput",
                 "First argument must be a struct.");
  subsasgn(s, chain, *args.back());
  return {s};
}

Args bi_orderfields(int nargout, const Args &args) {
  const Value &s = *args[0];
  if (s.cls != ClassId::Struct)
    throwErrorIn("orderfields", "MATLAB:orderfields:InvalidInput",
                 "First argument must be a struct.");
  size_t nf = s.fields.size();
  std::vector<size_t> order(nf);
  std::iota(order.begin(), order.end(), 0);
  if (args.size() == 1) {
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return s.fields[a] < s.fields[b];
    });
  } else {
    const Value &o = *args[1];
    std::vector<std::string> want;
    if (o.cls == ClassId::Struct)
      want = o.fields;
    else if (o.cls == ClassId::Cell)
      want = namesArg("orderfields", o);
    else if (isArithmetic(o) && o.cls != ClassId::Char) {
      if ((size_t)o.numel() != nf)
        throwErrorIn("orderfields", "MATLAB:orderfields:InvalidPermutation",
                     "Invalid permutation vector.");
      std::vector<bool> seen(nf, false);
      for (size_t k = 0; k < nf; ++k) {
        double d = o.re[k];
        if (!(d >= 1 && d <= (double)nf) || std::floor(d) != d || seen[(size_t)d - 1])
          throwErrorIn("orderfields", "MATLAB:orderfields:InvalidPermutation",
                       "Invalid permutation vector.");
        seen[(size_t)d - 1] = true;
        order[k] = (size_t)d - 1;
      }
    } else {
      throwErrorIn("orderfields", "MATLAB:orderfields:InvalidInput",
                   "Second argument must be a struct, a cell array of field "
                   "names or a permutation vector.");
    }
    if (!want.empty() || o.cls == ClassId::Struct || o.cls == ClassId::Cell) {
      std::vector<std::string> sortedWant = want, have = s.fields;
      std::sort(sortedWant.begin(), sortedWant.end());
      std::sort(have.begin(), have.end());
      if (sortedWant != have)
        throwErrorIn("orderfields", "MATLAB:orderfields:FieldsMismatch",
                     "The field names of the two arguments must match.");
      for (size_t k = 0; k < nf; ++k)
        order[k] = (size_t)fieldIndex(s, want[k]);
    }
  }
  ValueRef r = selectFields(s, order);
  if (nargout < 2)
    return {r};
  ValueRef p = newArray(ClassId::Double, Dims{(int64_t)nf, 1});
  for (size_t k = 0; k < nf; ++k)
    p->re[k] = (double)order[k] + 1;
  return {r, p};
}

// ---- conversions -------------------------------------------------------------------

Args bi_struct2cell(int, const Args &args) {
  const Value &s = *args[0];
  if (s.cls != ClassId::Struct)
    throwErrorIn("struct2cell", "MATLAB:struct2cell:InvalidInput",
                 "Input must be a structure.");
  Dims d;
  d.push_back((int64_t)s.fields.size());
  for (int64_t x : s.dims)
    d.push_back(x);
  normalizeDims(d);
  ValueRef c = makeCell(d);
  for (size_t k = 0; k < c->cells.size() && k < s.cells.size(); ++k)
    c->cells[k] = s.cells[k] ? s.cells[k] : makeEmpty();
  return {c};
}

Args bi_cell2struct(int, const Args &args) {
  const Value &c = *args[0];
  if (c.cls != ClassId::Cell)
    throwErrorIn("cell2struct", "MATLAB:cell2struct:ArgumentMustBeCell",
                 "First argument must be a cell array.");
  std::vector<std::string> names = namesArg("cell2struct", *args[1]);
  for (const std::string &n : names)
    if (!validFieldName(n))
      throwErrorIn("cell2struct", "MATLAB:Cell2Struct:InvalidFieldName",
                   "Invalid field name \"%s\".", n.c_str());
  for (size_t a = 0; a < names.size(); ++a)
    for (size_t b = a + 1; b < names.size(); ++b)
      if (names[a] == names[b])
        throwErrorIn("cell2struct", "MATLAB:DuplicateFieldName",
                     "Duplicate field name \"%s\".", names[a].c_str());
  int64_t dim = 0;
  if (args.size() > 2)
    dim = dimArg(*args[2]);
  int64_t len = dimSize(c.dims, dim);
  if (len != (int64_t)names.size())
    throwErrorIn("cell2struct", "MATLAB:cell2struct:InvalidNumberOfFields",
                 "Number of field names must match number of fields in new "
                 "structure.");
  DimSplit sp = splitAt(c.dims, dim);
  // Remaining dims: those of c without `dim`.
  Dims rd;
  for (size_t k = 0; k < std::max<size_t>(c.dims.size(), (size_t)dim + 1); ++k)
    if ((int64_t)k != dim)
      rd.push_back(dimSize(c.dims, (int64_t)k));
  if (rd.size() == 1)
    rd.push_back(1);
  normalizeDims(rd);
  size_t nf = names.size();
  ValueRef s = makeStruct(rd, names);
  int64_t ne = sp.before * sp.after;
  for (int64_t a = 0; a < sp.after; ++a)
    for (int64_t b = 0; b < sp.before; ++b) {
      int64_t e = a * sp.before + b;
      for (size_t f = 0; f < nf; ++f) {
        int64_t src = b + sp.before * ((int64_t)f + sp.len * a);
        const ValueRef &x = c.cells[(size_t)src];
        s->cells[(size_t)e * nf + f] = x ? x : makeEmpty();
      }
    }
  (void)ne;
  return {s};
}

Args bi_num2cell(int, const Args &args) {
  const ValueRef &in = args[0];
  const Value &a = *in;
  if (args.size() == 1) {
    ValueRef c = makeCell(a.dims);
    int64_t n = a.numel();
    for (int64_t k = 0; k < n; ++k) {
      ValueRef e;
      if (a.cls == ClassId::Cell) {
        e = makeCell(Dims{1, 1});
        e->cells[0] = a.cells[(size_t)k];
      } else if (a.cls == ClassId::Struct) {
        size_t nf = a.fields.size();
        e = makeStruct(Dims{1, 1}, a.fields);
        for (size_t f = 0; f < nf; ++f)
          e->cells[f] = a.cells[(size_t)k * nf + f];
      } else if (a.cls == ClassId::FunctionHandle) {
        e = in;
      } else {
        e = makeArray(a.cls, Dims{1, 1});
        e->re[0] = a.re[(size_t)k];
        if (a.complex && !a.im.empty()) {
          e->complex = true;
          e->im.assign(1, a.im[(size_t)k]);
        }
      }
      c->cells[(size_t)k] = e;
    }
    return {c};
  }
  // num2cell(A, dims): the listed dims are kept whole in each cell.
  const Value &dv = *args[1];
  std::vector<int64_t> dims = dv.numel() == 1 ? std::vector<int64_t>{dimArg(dv)}
                                              : vecDimArg(dv);
  size_t nd = a.dims.size();
  for (int64_t d : dims)
    nd = std::max(nd, (size_t)d + 1);
  Dims outDims(nd);
  std::vector<bool> whole(nd, false);
  for (int64_t d : dims)
    whole[(size_t)d] = true;
  for (size_t k = 0; k < nd; ++k)
    outDims[k] = whole[k] ? 1 : dimSize(a.dims, (int64_t)k);
  Dims od = outDims;
  normalizeDims(od);
  ValueRef c = makeCell(od);
  int64_t n = numelOf(outDims);
  std::vector<int64_t> sub(nd, 0);
  std::vector<ValueRef> idx(nd);
  for (int64_t k = 0; k < n; ++k) {
    std::vector<const Value *> ip;
    for (size_t q = 0; q < nd; ++q) {
      if (whole[q]) {
        ip.push_back(colonValue());
      } else {
        idx[q] = makeDouble((double)sub[q] + 1);
        ip.push_back(idx[q].get());
      }
    }
    c->cells[(size_t)k] = indexValue(a, ip);
    for (size_t q = 0; q < nd; ++q) {
      if (++sub[q] < outDims[q])
        break;
      sub[q] = 0;
    }
  }
  return {c};
}

Args bi_cell2mat(int, const Args &args) {
  const Value &c = *args[0];
  if (c.cls != ClassId::Cell)
    throwErrorIn("cell2mat", "MATLAB:cell2mat:InvalidInput",
                 "Input must be a cell array.");
  if (c.isEmpty())
    return {makeEmpty()};
  const Value *first = c.cells[0].get();
  for (const ValueRef &e : c.cells) {
    if (!e || e->cls == ClassId::Cell || e->cls == ClassId::FunctionHandle)
      throwErrorIn("cell2mat", "MATLAB:cell2mat:UnsupportedCellContent",
                   "CELL2MAT does not support cell arrays containing cell "
                   "arrays or objects.");
    if (e->cls != first->cls)
      throwErrorIn("cell2mat", "MATLAB:cell2mat:MixedDataTypes",
                   "All contents of the input cell array must be of the same "
                   "data type.");
  }
  if (c.numel() == 1)
    return {c.cells[0]};
  if (c.dims.size() == 2) {
    int64_t r = c.dims[0], q = c.dims[1];
    auto at = [&](int64_t i, int64_t j) { return c.cells[(size_t)(j * r + i)].get(); };
    if (q > r) {
      // Rows first, then stack them.
      std::vector<ValueRef> rows;
      std::vector<const Value *> rp;
      for (int64_t i = 0; i < r; ++i) {
        std::vector<const Value *> parts;
        for (int64_t j = 0; j < q; ++j)
          parts.push_back(at(i, j));
        rows.push_back(catAlong(1, parts));
        rp.push_back(rows.back().get());
      }
      return {catAlong(0, rp)};
    }
    std::vector<ValueRef> cols;
    std::vector<const Value *> cp;
    for (int64_t j = 0; j < q; ++j) {
      std::vector<const Value *> parts;
      for (int64_t i = 0; i < r; ++i)
        parts.push_back(at(i, j));
      cols.push_back(catAlong(0, parts));
      cp.push_back(cols.back().get());
    }
    return {catAlong(1, cp)};
  }
  // N-D: concatenate along dim 0, then 1, ... over the remaining grid.
  std::vector<ValueRef> cur(c.cells.begin(), c.cells.end());
  Dims grid = c.dims;
  for (size_t d = 0; d < grid.size(); ++d) {
    int64_t len = grid[d];
    int64_t rest = (int64_t)cur.size() / (len ? len : 1);
    std::vector<ValueRef> next;
    for (int64_t k = 0; k < rest; ++k) {
      std::vector<const Value *> parts;
      for (int64_t i = 0; i < len; ++i)
        parts.push_back(cur[(size_t)(k * len + i)].get());
      next.push_back(catAlong((int64_t)d, parts));
    }
    cur.swap(next);
  }
  return {cur.empty() ? makeEmpty() : cur[0]};
}

// ---- deal -------------------------------------------------------------------------

Args bi_deal(int nargout, const Args &args) {
  int nout = std::max(nargout, 1);
  if (args.size() == 1)
    return Args((size_t)nout, args[0]);
  if ((int)args.size() != nout)
    throwErrorIn("deal", "MATLAB:deal:narginchk",
                 "The number of outputs should match the number of inputs.");
  return args;
}

/// `[s.f] = deal(x, ...)`, `[s(idx).f] = deal(...)` and `[s.f] = c{:}`,
/// which the compiler rewrites to
/// `s = __deal_fields(s, 'f', {idx...}, mode, values...)`: field f of each
/// selected element (all when the subscript cell is empty) gets the next
/// value. mode 1 (deal): one value for all, or one per element; mode 0 (a
/// comma-separated list): at least one value per element. The field is
/// added when missing; an empty non-struct s becomes a 1x1 struct.
Args bi_dealFields(int, const Args &args) {
  ValueRef s = args[0];
  std::string name = textUtf8(*args[1]);
  const Value &subs = *args[2];
  bool dealMode = scalarOf(*args[3], "mode") != 0;
  if (s->cls != ClassId::Struct) {
    if (!s->isEmpty())
      throwError("MATLAB:heterogeneousStrucAssignment",
                 "Field assignment to a non-structure array object.");
    s = makeStruct({1, 1}, {});
  }
  int64_t n = s->numel();
  std::vector<int64_t> targets;
  if (subs.cells.empty()) {
    for (int64_t k = 0; k < n; ++k)
      targets.push_back(k);
  } else {
    // The elements s(idx...) selects: index an array of element numbers.
    ValueRef ids = makeArray(ClassId::Double, s->dims);
    for (int64_t k = 0; k < n; ++k)
      ids->re[(size_t)k] = (double)(k + 1);
    std::vector<const Value *> idx;
    for (const ValueRef &c : subs.cells)
      idx.push_back(c.get());
    ValueRef picked = indexValue(*ids, idx);
    for (double v : picked->re)
      targets.push_back((int64_t)v - 1);
  }
  size_t m = targets.size(), nin = args.size() - 4;
  if (dealMode && nin != 1 && nin != m)
    throwErrorIn("deal", "MATLAB:deal:narginchk",
                 "The number of outputs should match the number of inputs.");
  if (!dealMode && nin < m)
    throwError("MATLAB:needMoreRhsOutputs",
               "Insufficient number of outputs from right hand side of equal "
               "sign to satisfy assignment.");
  makeUnique(s);
  Value &out = *s;
  int64_t f = fieldIndex(out, name);
  size_t nf = out.fields.size();
  if (f < 0) {
    std::vector<ValueRef> cells;
    cells.reserve((size_t)n * (nf + 1));
    for (int64_t k = 0; k < n; ++k) {
      for (size_t j = 0; j < nf; ++j)
        cells.push_back(out.cells[(size_t)k * nf + j]);
      cells.push_back(makeEmpty());
    }
    out.cells.swap(cells);
    out.fields.push_back(name);
    f = (int64_t)nf;
    ++nf;
  }
  for (size_t k = 0; k < m; ++k)
    out.cells[(size_t)targets[k] * nf + (size_t)f] =
        args[4 + (dealMode && nin == 1 ? 0 : k)];
  return {s};
}

// ---- exceptions -------------------------------------------------------------------

Args bi_MException(int, const Args &args) {
  const Value &idv = *args[0];
  if (!isCharRowish(idv))
    throwErrorIn("MException", "MATLAB:MException:invalidID",
                 "The identifier must be a character vector.");
  std::string id = textUtf8(idv);
  if (!id.empty() && !isMessageIdentifier(id))
    throwErrorIn("MException", "MATLAB:MException:invalidID",
                 "The identifier '%s' is not valid. Identifiers must contain "
                 "at least one colon and consist of letters, digits, "
                 "underscores and hyphens.",
                 id.c_str());
  const Value &fmt = *args[1];
  if (fmt.cls != ClassId::Char)
    throwErrorIn("MException", "MATLAB:MException:invalidMessage",
                 "The message must be a character vector.");
  std::vector<const Value *> data;
  for (size_t k = 2; k < args.size(); ++k)
    data.push_back(args[k].get());
  std::string msg = formatPrintf(textUtf8(fmt), data);
  ValueRef e = makeStruct(Dims{1, 1}, {"identifier", "message", "stack"});
  e->cells[0] = makeString(id);
  e->cells[1] = makeString(msg);
  e->cells[2] = makeStruct(Dims{0, 1}, {"file", "name", "line"});
  e->exception = true;
  return {e};
}

Args bi_rethrow(int, const Args &args) { throwException("rethrow", *args[0]); }

Args bi_throw(int, const Args &args) { throwException("throw", *args[0]); }

} // namespace runmat::rt
