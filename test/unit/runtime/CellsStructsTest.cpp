//===- CellsStructsTest.cpp - Unit tests for cell and struct builtins -----===//
//
// Calls the builtins of CellsStructs.def through callBuiltin and checks
// values, sizes, field order and error identifiers (MATLAB's answers).
//
//===----------------------------------------------------------------------===//
#include "RuntimeTestUtil.h"
#include "runmat/rt/Builtins.h"

#include <string>

using namespace rmtest;

namespace {

ValueRef str(const char *s) { return makeString(s); }

Args call(const char *name, Args args, int nargout = 1) {
  return callBuiltin(name, nargout, args);
}

ValueRef call1(const char *name, Args args) { return call(name, args)[0]; }

ValueRef cellOfValues(Dims d, std::initializer_list<ValueRef> items) {
  ValueRef c = makeCell(d);
  size_t k = 0;
  for (const ValueRef &v : items)
    c->cells[k++] = v;
  return c;
}

ValueRef cellOf(std::initializer_list<const char *> items) {
  ValueRef c = makeCell(Dims{1, (int64_t)items.size()});
  size_t k = 0;
  for (const char *s : items)
    c->cells[k++] = makeString(s);
  return c;
}

/// Element e's field `name` of struct s.
ValueRef field(const ValueRef &s, int64_t e, const char *name) {
  int64_t f = fieldIndex(*s, name);
  EXPECT_GE(f, 0) << name;
  return s->cells[(size_t)(e * (int64_t)s->fields.size() + f)];
}

using Names = std::vector<std::string>;

} // namespace

TEST(CellsStructsTest, StructScalar) {
  ValueRef s = call1("struct", {str("a"), num(1), str("b"), str("text")});
  ASSERT_EQ(s->cls, ClassId::Struct);
  EXPECT_DIMS(s, 1, 1);
  EXPECT_EQ(s->fields, (Names{"a", "b"}));
  EXPECT_DATA(field(s, 0, "a"), 1);
  EXPECT_EQ(field(s, 0, "b")->str(), "text");
  ValueRef e = call1("struct", {});
  EXPECT_DIMS(e, 1, 1);
  EXPECT_TRUE(e->fields.empty());
  ValueRef z = call1("struct", {makeEmpty()});
  EXPECT_DIMS(z, 0, 0);
}

TEST(CellsStructsTest, StructArraysFromCells) {
  ValueRef t = call1("struct", {str("v"), cellOfValues({1, 3}, {num(10), num(20), num(30)})});
  EXPECT_DIMS(t, 1, 3);
  EXPECT_DATA(field(t, 2, "v"), 30);
  // A scalar cell gives its content; a non-cell value is shared.
  ValueRef u = call1("struct", {str("c"), cellOfValues({1, 1}, {cellOf({"p", "q"})}),
                                str("k"), num(7)});
  EXPECT_DIMS(u, 1, 1);
  EXPECT_EQ(field(u, 0, "c")->cls, ClassId::Cell);
  EXPECT_EQ(field(u, 0, "c")->numel(), 2);
  ValueRef w = call1("struct", {str("a"), cellOfValues({2, 1}, {num(1), num(2)}),
                                str("b"), num(5)});
  EXPECT_DIMS(w, 2, 1);
  EXPECT_DATA(field(w, 1, "b"), 5);
  ValueRef empty = call1("struct", {str("a"), makeCell({0, 0})});
  EXPECT_DIMS(empty, 0, 0);
  EXPECT_EQ(empty->fields, (Names{"a"}));
}

TEST(CellsStructsTest, StructErrors) {
  EXPECT_EQ(errorId([&] { call("struct", {str("a")}); }),
            "MATLAB:struct:FieldValuePairs");
  EXPECT_EQ(errorId([&] { call("struct", {str("1a"), num(1)}); }),
            "MATLAB:Cell2Struct:InvalidFieldName");
  EXPECT_EQ(errorId([&] { call("struct", {str("a"), num(1), str("a"), num(2)}); }),
            "MATLAB:DuplicateFieldName");
  EXPECT_EQ(errorId([&] {
              call("struct", {str("a"), makeCell({1, 2}), str("b"), makeCell({1, 3})});
            }),
            "MATLAB:struct:ArrayDimensionMismatch");
  EXPECT_EQ(errorId([&] { call("struct", {num(5)}); }), "MATLAB:invalidConversion");
}

TEST(CellsStructsTest, IsfieldFieldnames) {
  ValueRef s = call1("struct", {str("name"), str("Ada"), str("age"), num(36)});
  EXPECT_DATA(call1("isfield", {s, str("age")}), 1);
  EXPECT_DATA(call1("isfield", {s, str("height")}), 0);
  ValueRef r = call1("isfield", {s, cellOf({"name", "x", "age"})});
  EXPECT_EQ(r->cls, ClassId::Logical);
  EXPECT_DATA(r, 1, 0, 1);
  EXPECT_DATA(call1("isfield", {num(5), str("a")}), 0);
  ValueRef f = call1("fieldnames", {s});
  EXPECT_DIMS(f, 2, 1);
  EXPECT_EQ(f->cells[0]->str(), "name");
  EXPECT_EQ(f->cells[1]->str(), "age");
  EXPECT_DIMS(call1("fieldnames", {call1("struct", {})}), 0, 1);
  EXPECT_EQ(errorId([&] { call("fieldnames", {num(1)}); }),
            "MATLAB:fieldnames:InvalidInput");
  EXPECT_DATA(call1("numfields", {s}), 2);
}

TEST(CellsStructsTest, Rmfield) {
  ValueRef s = call1("struct", {str("a"), num(1), str("b"), num(2), str("c"), num(3)});
  ValueRef r = call1("rmfield", {s, str("b")});
  EXPECT_EQ(r->fields, (Names{"a", "c"}));
  EXPECT_DATA(field(r, 0, "c"), 3);
  ValueRef r2 = call1("rmfield", {s, cellOf({"a", "c"})});
  EXPECT_EQ(r2->fields, (Names{"b"}));
  EXPECT_EQ(errorId([&] { call("rmfield", {s, str("zz")}); }),
            "MATLAB:rmfield:InvalidFieldname");
  // The input is unchanged (value semantics).
  EXPECT_EQ(s->fields.size(), 3u);
}

TEST(CellsStructsTest, GetSetfield) {
  ValueRef t = call1("struct", {str("a"), num(1), str("b"), str("text")});
  EXPECT_DATA(call1("getfield", {t, str("a")}), 1);
  ValueRef t2 = call1("setfield", {t, str("a"), num(5)});
  EXPECT_DATA(field(t2, 0, "a"), 5);
  EXPECT_DATA(field(t, 0, "a"), 1);
  ValueRef t3 = call1("setfield", {t, str("n"), str("m"), num(9)});
  EXPECT_DATA(call1("getfield", {t3, str("n"), str("m")}), 9);
  ValueRef arr = call1("struct", {str("v"), cellOfValues({1, 2}, {num(4), num(6)})});
  EXPECT_DATA(call1("getfield", {arr, cellOfValues({1, 1}, {num(2)}), str("v")}), 6);
}

TEST(CellsStructsTest, Orderfields) {
  ValueRef s = call1("struct", {str("b"), num(1), str("a"), num(2), str("c"), num(3)});
  Args r = call("orderfields", {s}, 2);
  EXPECT_EQ(r[0]->fields, (Names{"a", "b", "c"}));
  EXPECT_DATA(field(r[0], 0, "a"), 2);
  EXPECT_DIMS(r[1], 3, 1);
  EXPECT_DATA(r[1], 2, 1, 3);
}

TEST(CellsStructsTest, Struct2cellCell2struct) {
  ValueRef s = call1("struct", {str("a"), num(1), str("b"), str("x")});
  ValueRef c = call1("struct2cell", {s});
  EXPECT_DIMS(c, 2, 1);
  EXPECT_DATA(c->cells[0], 1);
  ValueRef arr = call1("struct", {str("a"), cellOfValues({1, 3}, {num(1), num(2), num(3)}),
                                  str("b"), num(5)});
  EXPECT_DIMS(call1("struct2cell", {arr}), 2, 1, 3);
  // cell2struct({1 2; 3 4}, {'a','b'}, 1): 2x1, element 2 has a=2, b=4.
  ValueRef grid = cellOfValues({2, 2}, {num(1), num(3), num(2), num(4)});
  ValueRef s1 = call1("cell2struct", {grid, cellOf({"a", "b"}), num(1)});
  EXPECT_DIMS(s1, 2, 1);
  EXPECT_DATA(field(s1, 1, "a"), 2);
  EXPECT_DATA(field(s1, 1, "b"), 4);
  ValueRef s2 = call1("cell2struct", {grid, cellOf({"a", "b"}), num(2)});
  EXPECT_DIMS(s2, 2, 1);
  EXPECT_DATA(field(s2, 1, "a"), 3);
  EXPECT_DATA(field(s2, 1, "b"), 4);
  EXPECT_EQ(errorId([&] { call("cell2struct", {grid, cellOf({"a"}), num(1)}); }),
            "MATLAB:cell2struct:InvalidNumberOfFields");
}

TEST(CellsStructsTest, Num2cell) {
  ValueRef c = call1("num2cell", {row({1, 2, 3})});
  EXPECT_EQ(c->cls, ClassId::Cell);
  EXPECT_DIMS(c, 1, 3);
  EXPECT_DATA(c->cells[2], 3);
  ValueRef i8 = call1("num2cell", {row({1, 2}, ClassId::Int8)});
  EXPECT_EQ(i8->cells[0]->cls, ClassId::Int8);
  ValueRef cols = call1("num2cell", {mat(2, 2, {1, 2, 3, 4}), num(1)});
  EXPECT_DIMS(cols, 1, 2);
  EXPECT_DIMS(cols->cells[1], 2, 1);
  EXPECT_DATA(cols->cells[1], 2, 4);
  EXPECT_DIMS(call1("num2cell", {makeEmpty()}), 0, 0);
}

TEST(CellsStructsTest, Cell2mat) {
  ValueRef m = call1("cell2mat", {cellOfValues({2, 2}, {num(1), num(3), num(2), num(4)})});
  EXPECT_DIMS(m, 2, 2);
  EXPECT_DATA(m, 1, 3, 2, 4);
  ValueRef r = call1("cell2mat", {cellOfValues({1, 2}, {row({1, 2}), row({3})})});
  EXPECT_DATA(r, 1, 2, 3);
  ValueRef s = call1("cell2mat", {cellOfValues({1, 2}, {str("ab"), str("c")})});
  EXPECT_EQ(s->cls, ClassId::Char);
  EXPECT_EQ(s->str(), "abc");
  EXPECT_DIMS(call1("cell2mat", {makeCell({0, 0})}), 0, 0);
  EXPECT_EQ(errorId([&] {
              call("cell2mat", {cellOfValues({1, 2}, {num(1), makeCell({1, 1})})});
            }),
            "MATLAB:cell2mat:UnsupportedCellContent");
  EXPECT_EQ(errorId([&] {
              call("cell2mat", {cellOfValues({1, 2}, {num(1), str("a")})});
            }),
            "MATLAB:cell2mat:MixedDataTypes");
}

TEST(CellsStructsTest, Deal) {
  Args r = call("deal", {num(7), num(8)}, 2);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_DATA(r[0], 7);
  EXPECT_DATA(r[1], 8);
  r = call("deal", {num(0)}, 3);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_DATA(r[2], 0);
  EXPECT_EQ(errorId([&] { call("deal", {num(1), num(2)}, 3); }),
            "MATLAB:deal:narginchk");
}

TEST(CellsStructsTest, MExceptionAndRethrow) {
  ValueRef me = call1("MException", {str("my:id"), str("bad %d"), num(3)});
  ASSERT_EQ(me->cls, ClassId::Struct);
  EXPECT_EQ(me->fields, (Names{"identifier", "message", "stack"}));
  EXPECT_EQ(field(me, 0, "identifier")->str(), "my:id");
  EXPECT_EQ(field(me, 0, "message")->str(), "bad 3");
  EXPECT_EQ(field(me, 0, "stack")->cls, ClassId::Struct);
  EXPECT_EQ(errorId([&] { call("rethrow", {me}, 0); }), "my:id");
  EXPECT_EQ(errorMessage([&] { call("throw", {me}, 0); }), "bad 3");
  EXPECT_EQ(errorId([&] { call("MException", {str("noColon"), str("x")}); }),
            "MATLAB:MException:invalidID");
  EXPECT_EQ(errorId([&] { call("rethrow", {num(1)}, 0); }),
            "MATLAB:rethrow:InvalidInput");
}
