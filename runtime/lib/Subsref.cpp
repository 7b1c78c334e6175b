//===- Subsref.cpp - Chained indexing: (), {} and . -----------------------===//
//
// MATLAB's subsref/subsasgn over a chain of levels such as s.a(2).b{3}:
// reading yields a comma-separated list; assignment walks the chain, creating
// what is missing (an undefined root, a missing field, an element beyond the
// end) and writes back level by level with copy-on-write.
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/Subsref.h"

#include "runmat/rt/Error.h"
#include "runmat/rt/FunctionHandle.h"
#include "runmat/rt/Index.h"

namespace runmat::rt {

namespace {

const char *kListError =
    "Intermediate brace '{}' indexing produced a comma-separated list with %d "
    "values, but it must produce a single value when followed by subsequent "
    "indexing operations.";
const char *kDotListError =
    "Intermediate dot '.' indexing produced a comma-separated list with %d "
    "values, but it must produce a single value when followed by subsequent "
    "indexing operations.";

/// The elements of base(args) as a list (cells: the contents).
std::vector<ValueRef> braceContents(const Value &base,
                                    const std::vector<const Value *> &args) {
  if (base.cls != ClassId::Cell) {
    if (base.cls == ClassId::Struct || base.isNumeric() || base.isChar() ||
        base.isLogical())
      throwError("MATLAB:cellRefFromNonCell",
                 "Brace indexing is not supported for variables of this type.");
    throwError("MATLAB:cellRefFromNonCell",
               "Brace indexing is not supported for variables of this type.");
  }
  ValueRef sub = indexValue(base, args);
  return std::vector<ValueRef>(sub->cells.begin(), sub->cells.end());
}

std::vector<ValueRef> fieldValues(const Value &base, const std::string &name) {
  if (base.cls != ClassId::Struct)
    throwError("MATLAB:structRefFromNonStruct",
               "Dot indexing is not supported for variables of this type.");
  int64_t f = fieldIndex(base, name);
  if (f < 0)
    throwError("MATLAB:nonExistentField",
               "Unrecognized field name \"%s\".", name.c_str());
  size_t nf = base.fields.size();
  std::vector<ValueRef> out;
  for (int64_t k = 0; k < base.numel(); ++k)
    out.push_back(base.cells[(size_t)k * nf + (size_t)f]);
  return out;
}

/// Adds field `name` (with [] values) when the struct lacks it.
size_t ensureField(ValueRef &s, const std::string &name) {
  int64_t f = fieldIndex(*s, name);
  if (f >= 0)
    return (size_t)f;
  makeUnique(s);
  size_t nf = s->fields.size(), n = (size_t)s->numel();
  std::vector<ValueRef> cells;
  cells.reserve(n * (nf + 1));
  ValueRef empty = makeEmpty();
  for (size_t k = 0; k < n; ++k) {
    for (size_t j = 0; j < nf; ++j)
      cells.push_back(s->cells[k * nf + j]);
    cells.push_back(empty);
  }
  s->cells = std::move(cells);
  s->fields.push_back(name);
  return nf;
}

/// Makes `s` a struct when it is undefined or [] (MATLAB: s.a = 1 on an
/// undefined or empty double s).
void ensureStruct(ValueRef &s) {
  if (!s || (s->cls == ClassId::Double && s->isEmpty())) {
    s = makeStruct(Dims{1, 1}, {});
    return;
  }
  if (s->cls != ClassId::Struct)
    throwError("MATLAB:structAssToNonStruct",
               "Unable to perform assignment because dot indexing is not "
               "supported for variables of this type.");
}

/// Gives a struct `dst` every field of `src` (for s(k) = t with new fields).
void unifyFields(ValueRef &dst, const Value &src) {
  for (const std::string &f : src.fields)
    ensureField(dst, f);
}

/// The current value at one level, or null when it does not exist yet.
ValueRef childOf(const ValueRef &slot, const Sub &s) {
  if (!slot)
    return ValueRef();
  try {
    switch (s.kind) {
    case SubKind::Paren:
      return indexValue(*slot, s.args);
    case SubKind::Brace: {
      if (slot->cls != ClassId::Cell)
        return ValueRef();
      auto list = braceContents(*slot, s.args);
      if (list.size() != 1)
        throwError("MATLAB:index:expected_one_output_from_expression", kListError,
                   (int)list.size());
      return list[0];
    }
    case SubKind::Field: {
      if (slot->cls != ClassId::Struct || fieldIndex(*slot, s.field) < 0)
        return ValueRef();
      auto list = fieldValues(*slot, s.field);
      if (list.size() != 1)
        throwError("MATLAB:index:expected_one_output_from_expression",
                   kDotListError, (int)list.size());
      return list[0];
    }
    }
  } catch (const MatlabError &e) {
    // Reading beyond the end while assigning creates the element.
    if (e.identifier == "MATLAB:index:outOfBounds" ||
        e.identifier == "MATLAB:badsubscript")
      return ValueRef();
    throw;
  }
  return ValueRef();
}

/// slot<s> = rhs for one level.
void assignLevel(ValueRef &slot, const Sub &s, const Value &rhs) {
  {
    switch (s.kind) {
    case SubKind::Paren:
      if (slot && slot->cls == ClassId::Struct && rhs.cls == ClassId::Struct) {
        // r(k).f = v: both sides get the union of the fields (new fields are
        // [] elsewhere), matched by name.
        unifyFields(slot, rhs);
        ValueRef r = ValueRef::borrow(const_cast<Value *>(&rhs));
        unifyFields(r, *slot);
        indexAssign(slot, s.args, *r);
        return;
      }
      indexAssign(slot, s.args, rhs);
      return;
    case SubKind::Brace: {
      if (!slot || (slot->cls == ClassId::Double && slot->isEmpty()))
        slot = makeCell(Dims{0, 0});
      if (slot->cls != ClassId::Cell)
        throwError("MATLAB:cellAssToNonCell",
                   "Unable to perform assignment because brace indexing is "
                   "not supported for variables of this type.");
      ValueRef box = makeCell(Dims{1, 1});
      box->cells[0] = ValueRef::borrow(const_cast<Value *>(&rhs));
      indexAssign(slot, s.args, *box);
      return;
    }
    case SubKind::Field: {
      ensureStruct(slot);
      size_t f = ensureField(slot, s.field);
      if (slot->numel() != 1)
        throwError("MATLAB:index:expected_one_output_from_expression",
                   "Scalar structure required for this assignment.");
      makeUnique(slot);
      slot->cells[f] = ValueRef::borrow(const_cast<Value *>(&rhs));
      return;
    }
    }
  }
}

} // namespace

std::vector<ValueRef> subsrefList(const Value &base, const std::vector<Sub> &chain) {
  std::vector<ValueRef> cur{ValueRef::borrow(const_cast<Value *>(&base))};
  for (size_t l = 0; l < chain.size(); ++l) {
    if (cur.size() != 1)
      throwError("MATLAB:index:expected_one_output_from_expression",
                 chain[l - 1].kind == SubKind::Field ? kDotListError : kListError,
                 (int)cur.size());
    const Value &v = *cur[0];
    const Sub &s = chain[l];
    switch (s.kind) {
    case SubKind::Paren:
      if (v.cls == ClassId::FunctionHandle) { // ops{k}(6, 3): a call
        Args in;
        for (const Value *a : s.args)
          in.push_back(ValueRef::borrow(const_cast<Value *>(a)));
        Args res = callFunctionHandle(v, 1, in);
        if (res.empty() || !res[0])
          throwError("MATLAB:TooManyOutputs", "Too many output arguments.");
        cur = {res[0]};
        break;
      }
      cur = {indexValue(v, s.args)};
      break;
    case SubKind::Brace:
      cur = braceContents(v, s.args);
      break;
    case SubKind::Field:
      cur = fieldValues(v, s.field);
      break;
    }
  }
  return cur;
}

ValueRef subsref(const Value &base, const std::vector<Sub> &chain) {
  auto list = subsrefList(base, chain);
  if (list.empty())
    throwError("MATLAB:index:expected_one_output_from_expression",
               "Insufficient number of outputs from right hand side of equal "
               "sign to satisfy assignment.");
  return list[0];
}

void subsasgn(ValueRef &slot, const std::vector<Sub> &chain, const Value &rhs,
              bool remove) {
  if (chain.empty()) {
    slot = ValueRef::borrow(const_cast<Value *>(&rhs));
    return;
  }
  // Holding rhs makes any container that is rhs itself (c{2} = c) shared,
  // so it is copied rather than made to contain itself.
  ValueRef keep = ValueRef::borrow(const_cast<Value *>(&rhs));
  // Walk down, keeping each level's container, then write back upwards.
  std::vector<ValueRef> path(chain.size() + 1);
  path[0] = std::move(slot); // our reference only: keeps in-place updates
  for (size_t l = 0; l + 1 < chain.size(); ++l) {
    ValueRef child = childOf(path[l], chain[l]);
    // A missing intermediate level starts empty; the next level makes it a
    // struct or cell as needed.
    path[l + 1] = child;
  }
  // Assign at the deepest level, then put each level back into its parent.
  ValueRef cur = std::move(path[chain.size() - 1]);
  if (cur)
    makeUnique(cur);
  if (remove) {
    if (chain.back().kind != SubKind::Paren)
      throwError("MATLAB:subsdeldimmismatch",
                 "Deletion requires parentheses indexing.");
    if (!cur)
      cur = makeEmpty();
    indexDelete(cur, chain.back().args);
  } else {
    assignLevel(cur, chain.back(), rhs);
  }
  for (size_t l = chain.size() - 1; l-- > 0;) {
    ValueRef parent = std::move(path[l]);
    if (parent)
      makeUnique(parent);
    assignLevel(parent, chain[l], *cur);
    cur = parent;
  }
  slot = cur;
}

} // namespace runmat::rt
