//===- IndexTest.cpp - Unit tests of indexing, assignment and deletion ----===//
#include "RuntimeTestUtil.h"

#include "runmat/rt/Index.h"
#include "runmat/rt/Ops.h"

#include <cmath>

using namespace rmtest;

namespace {

using Subs = std::vector<ValueRef>;

std::vector<const Value *> ptrs(const Subs &s) {
  std::vector<const Value *> p;
  for (const ValueRef &v : s)
    p.push_back(v.get());
  return p;
}

ValueRef colon() { return ValueRef::borrow(colonValue()); }

ValueRef at(const ValueRef &base, Subs s) { return indexValue(*base, ptrs(s)); }

void assign(ValueRef &slot, Subs s, const ValueRef &rhs) {
  indexAssign(slot, ptrs(s), *rhs);
}

void del(ValueRef &slot, Subs s) { indexDelete(slot, ptrs(s)); }

ValueRef mask(std::initializer_list<double> xs) {
  return row(xs, ClassId::Logical);
}

ValueRef magic3() { return mat(3, 3, {8, 1, 6, 3, 5, 7, 4, 9, 2}); }

} // namespace

TEST(Index, LinearIndexWalksColumns) {
  // Rule 1.
  ValueRef A = mat(2, 3, {1, 2, 3, 4, 5, 6});
  ValueRef all = at(A, {colon()});
  EXPECT_DIMS(all, 6, 1);
  EXPECT_DATA(all, 1, 4, 2, 5, 3, 6);
  EXPECT_DATA(at(A, {num(2)}), 4);
  EXPECT_DATA(at(A, {num(2), num(3)}), 6);
  EXPECT_DATA(at(A, {makeString(":"), num(2)}), 2, 5);
}

TEST(Index, EndValues) {
  // Rule 2.
  ValueRef v = colonRange(10, 10, 50);
  EXPECT_EQ(endValue(*v, 0, 1), 5);
  ValueRef A = mat(2, 3, {1, 2, 3, 4, 5, 6});
  EXPECT_EQ(endValue(*A, 0, 1), 6);
  EXPECT_EQ(endValue(*A, 0, 2), 2);
  EXPECT_EQ(endValue(*A, 1, 2), 3);
  ValueRef T = makeArray(ClassId::Double, {2, 3, 4});
  EXPECT_EQ(endValue(*T, 1, 2), 12); // the last subscript spans dims 2..
  EXPECT_EQ(endValue(*T, 2, 4), 4);
  EXPECT_EQ(endValue(*T, 3, 4), 1);
}

TEST(Index, OutOfRangeReadErrors) {
  // Rule 11.
  ValueRef q = row({1, 2, 3});
  EXPECT_EQ(errorMessage([&] { at(q, {num(5)}); }),
            "Index exceeds the number of array elements. Index must not "
            "exceed 3.");
  EXPECT_EQ(errorId([&] { at(q, {row({1, 5})}); }), "MATLAB:index:outOfBounds");
  ValueRef A = mat(2, 3, {1, 2, 3, 4, 5, 6});
  EXPECT_EQ(
      errorMessage([&] {
        at(A, {num(1), num(4)});
      }),
      "Index in position 2 exceeds array bounds. Index must not exceed 3.");
  EXPECT_EQ(errorId([&] {
              at(q, {mask({1, 0, 0, 1})});
            }),
            "MATLAB:index:outOfBounds");
}

TEST(Index, BadSubscriptsError) {
  // Rule 12.
  ValueRef q = row({1, 2, 3});
  EXPECT_EQ(errorMessage([&] { at(q, {num(0)}); }),
            "Array indices must be positive integers or logical values.");
  EXPECT_EQ(errorId([&] { at(q, {num(1.5)}); }), "MATLAB:badsubscript");
  EXPECT_EQ(errorId([&] { at(q, {num(-1)}); }), "MATLAB:badsubscript");
  EXPECT_EQ(errorId([&] { at(q, {num(NAN)}); }), "MATLAB:badsubscript");
  EXPECT_EQ(errorMessage([&] {
              at(q, {num(1), num(0)});
            }),
            "Index in position 2 is invalid. Array indices must be positive "
            "integers or logical values.");
  EXPECT_EQ(errorMessage([&] {
              at(q, {makeCell({1, 1})});
            }),
            "Unable to use a value of type cell as an index.");
}

TEST(Index, LogicalMasks) {
  // Rules 13 and 14.
  ValueRef w = row({5, -1, 3, -2});
  ValueRef pos = binaryOp(14 /* > */, *w, *num(0));
  ValueRef r = at(w, {pos});
  EXPECT_DIMS(r, 1, 2);
  EXPECT_DATA(r, 5, 3);
  ValueRef Q = mat(2, 2, {1, 2, 3, 4});
  ValueRef m = binaryOp(14, *Q, *num(1));
  ValueRef q = at(Q, {m});
  EXPECT_DIMS(q, 3, 1);
  EXPECT_DATA(q, 3, 2, 4);
  ValueRef neg = binaryOp(12 /* < */, *w, *num(0));
  assign(w, {neg}, num(0));
  EXPECT_DATA(w, 5, 0, 3, 0);
}

TEST(Index, ResultShapeRules) {
  // Rules 15 and 16.
  ValueRef r = row({1, 2, 3});
  EXPECT_DIMS(at(r, {col({1, 2})}), 1, 2);
  ValueRef c = col({1, 2, 3});
  EXPECT_DIMS(at(c, {row({1, 2})}), 2, 1);
  ValueRef C = mat(2, 2, {1, 2, 3, 4});
  EXPECT_DIMS(at(C, {row({1, 2, 3})}), 1, 3);
  EXPECT_DIMS(at(C, {col({1, 2, 3})}), 3, 1);
  EXPECT_DIMS(at(C, {mat(2, 2, {1, 1, 1, 1})}), 2, 2);
  ValueRef A = row({10, 20, 30, 40});
  EXPECT_DIMS(at(A, {mask({1, 0, 1, 0})}), 1, 2);
  ValueRef x = colonRange(1, 1, 10);
  ValueRef xc = transpose(*x, false);
  EXPECT_DIMS(at(xc, {colonRange(1, 1, 6)}), 6, 1);
  ValueRef s = num(5);
  EXPECT_DIMS(at(s, {row({1, 1, 1})}), 1, 3);
  EXPECT_DIMS(at(s, {col({1, 1})}), 2, 1);
  EXPECT_DIMS(at(A, {binaryOp(14, *A, *num(100))}), 1, 0);
}

TEST(Index, GrowthZeroFills) {
  // Rule 6.
  ValueRef x; // undefined variable grows from []
  assign(x, {num(3)}, num(7));
  EXPECT_DIMS(x, 1, 3);
  EXPECT_DATA(x, 0, 0, 7);
  ValueRef M = num(1);
  assign(M, {num(2), num(3)}, num(5));
  EXPECT_DIMS(M, 2, 3);
  EXPECT_DATA(M, 1, 0, 0, 0, 0, 5);
  ValueRef z = makeEmpty();
  assign(z, {num(2), num(3)}, num(1));
  EXPECT_DATA(z, 0, 0, 0, 0, 0, 1);
  ValueRef A = mat(2, 2, {1, 0, 0, 1});
  assign(A, {num(3), num(4)}, num(7));
  EXPECT_DIMS(A, 3, 4);
  EXPECT_DATA(A, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 7);
}

TEST(Index, GrowthAddsDimensions) {
  // Rule 7.
  ValueRef A = num(1);
  assign(A, {colon(), colon(), num(2)}, num(2));
  EXPECT_DIMS(A, 1, 1, 2);
  EXPECT_DATA(A, 1, 2);
}

TEST(Index, EndPlusOneAppends) {
  // Rule 8.
  ValueRef z = colonRange(1, 1, 3);
  assign(z, {colonRange(4, 1, 5)}, row({7, 8}));
  EXPECT_DATA(z, 1, 2, 3, 7, 8);
  ValueRef k;
  for (int i = 1; i <= 4; ++i)
    assign(k, {num(k ? (double)k->numel() + 1 : 1)}, num(i * i));
  EXPECT_DIMS(k, 1, 4);
  EXPECT_DATA(k, 1, 4, 9, 16);
}

TEST(Index, LinearGrowthOrientation) {
  // Rule 9.
  ValueRef v = row({1, 2});
  assign(v, {num(4)}, num(1));
  EXPECT_DIMS(v, 1, 4);
  ValueRef c = col({1, 2});
  assign(c, {num(4)}, num(1));
  EXPECT_DIMS(c, 4, 1);
  ValueRef s = num(5);
  assign(s, {num(3)}, num(1));
  EXPECT_DIMS(s, 1, 3);
  ValueRef A = mat(2, 2, {1, 0, 0, 1});
  EXPECT_EQ(errorMessage([&] { assign(A, {num(5)}, num(1)); }),
            "Attempt to grow array along ambiguous dimension.");
  EXPECT_DATA(A, 1, 0, 0, 1); // unchanged after the failed assignment
}

TEST(Index, CharGrowthPadsWithZero) {
  // Rule 10.
  ValueRef s = makeString("abc");
  assign(s, {num(5)}, makeString("e"));
  EXPECT_EQ(s->cls, ClassId::Char);
  EXPECT_DATA(s, 97, 98, 99, 0, 101);
}

TEST(Index, Deletion) {
  // Rule 17.
  ValueRef A = magic3();
  del(A, {colon(), num(2)});
  EXPECT_DIMS(A, 3, 2);
  EXPECT_DATA(A, 8, 3, 4, 6, 7, 2);
  ValueRef v = colonRange(1, 1, 5);
  del(v, {row({1, 3})});
  EXPECT_DATA(v, 2, 4, 5);
  ValueRef M = magic3();
  del(M, {num(2)});
  EXPECT_DIMS(M, 1, 8);
  ValueRef c = col({1, 2, 3, 4, 5});
  del(c, {row({2, 4})});
  EXPECT_DIMS(c, 3, 1);
  EXPECT_DATA(c, 1, 3, 5);
  ValueRef R = mat(3, 4, {1, 4, 7, 10, 2, 5, 8, 11, 3, 6, 9, 12});
  del(R, {num(2), colon()});
  EXPECT_DIMS(R, 2, 4);
  EXPECT_DATA(R, 1, 3, 4, 6, 7, 9, 10, 12);
  ValueRef B = makeArray(ClassId::Double, {4, 4});
  del(B, {colon(), mask({1, 0, 0, 1})});
  EXPECT_DIMS(B, 4, 2);
  ValueRef s = makeString("abcdef");
  del(s, {row({1, 3})});
  EXPECT_EQ(s->str(), "bdef");
  ValueRef E = magic3();
  EXPECT_EQ(errorMessage([&] {
              del(E, {num(1), num(2)});
            }),
            "A null assignment can have only one non-colon index.");
  ValueRef all = magic3();
  del(all, {colon()});
  EXPECT_DIMS(all, 0, 0);
}

TEST(Index, ScalarExpansionWithGrowth) {
  // Rule 18.
  ValueRef B = makeArray(ClassId::Double, {2, 3});
  assign(B, {colon(), num(2)}, num(7));
  assign(B, {num(3), colon()}, num(1));
  EXPECT_DIMS(B, 3, 3);
  EXPECT_DATA(B, 0, 0, 1, 7, 7, 1, 0, 0, 1);
}

TEST(Index, ColonAssignKeepsShape) {
  // Rule 19.
  ValueRef M = makeArray(ClassId::Double, {2, 2});
  assign(M, {colon()}, colonRange(1, 1, 4));
  EXPECT_DIMS(M, 2, 2);
  EXPECT_DATA(M, 1, 2, 3, 4);
}

TEST(Index, SizeMismatchErrors) {
  ValueRef A = makeArray(ClassId::Double, {3, 4});
  EXPECT_EQ(errorMessage([&] {
              assign(A, {num(1), colon()}, row({1, 2}));
            }),
            "Unable to perform assignment because the size of the left side "
            "is 1-by-4 and the size of the right side is 1-by-2.");
  EXPECT_EQ(errorId([&] {
              assign(A, {num(1), colon()}, row({1, 2}));
            }),
            "MATLAB:subsassigndimmismatch");
  ValueRef v = row({1, 2, 3});
  EXPECT_EQ(errorId([&] {
              assign(v, {row({1, 2})}, row({1, 2, 3}));
            }),
            "MATLAB:subsassignnumelmismatch");
  // A column into a row selection is fine (singleton dims are ignored).
  assign(A, {num(1), colon()}, col({1, 2, 3, 4}));
  EXPECT_DATA(at(A, {num(1), colon()}), 1, 2, 3, 4);
}

TEST(Index, CopyOnWriteAssignment) {
  // Rule 55.
  ValueRef a = row({1, 2, 3});
  ValueRef b = a;
  assign(b, {num(1)}, num(99));
  EXPECT_DATA(a, 1, 2, 3);
  EXPECT_DATA(b, 99, 2, 3);
  ValueRef x = row({1, 2, 3});
  Value *before = x.get();
  assign(x, {num(2)}, num(5));
  EXPECT_EQ(x.get(), before); // unshared: in place
}

TEST(Index, SelfAssignmentAndSwaps) {
  ValueRef C = mat(2, 3, {1, 3, 5, 2, 4, 6});
  ValueRef rhs = at(C, {colon(), row({3, 1})});
  assign(C, {colon(), row({1, 3})}, rhs);
  EXPECT_DATA(C, 5, 6, 3, 4, 1, 2);
  ValueRef x = row({1, 2, 3});
  indexAssign(x, ptrs({row({3, 2, 1})}), *x); // x([3 2 1]) = x
  EXPECT_DATA(x, 3, 2, 1);
}

TEST(Index, AssignmentClassRules) {
  ValueRef s = makeString("abc");
  assign(s, {num(2)}, num(66));
  EXPECT_EQ(s->cls, ClassId::Char);
  EXPECT_EQ(s->str(), "aBc");
  ValueRef e = makeEmpty();
  assign(e, {num(2)}, makeString("a"));
  EXPECT_EQ(e->cls, ClassId::Char);
  EXPECT_DATA(e, 0, 97);
  ValueRef l = row({1, 0}, ClassId::Logical);
  assign(l, {num(2)}, num(2));
  EXPECT_EQ(l->cls, ClassId::Logical);
  EXPECT_DATA(l, 1, 1);
  ValueRef i = row({1, 2}, ClassId::Int8);
  assign(i, {num(1)}, num(300));
  EXPECT_DATA(i, 127, 2);
  ValueRef d = row({1, 2});
  assign(d, {num(1)}, makeScalar(5, ClassId::Int8));
  EXPECT_EQ(d->cls, ClassId::Double);
  ValueRef z = makeDouble(0);
  z->complex = true;
  z->im = {1};
  assign(d, {num(2)}, z);
  ASSERT_TRUE(d->complex);
  EXPECT_EQ(d->im, (std::vector<double>{0, 1}));
  ValueRef lg = row({1, 0}, ClassId::Logical);
  EXPECT_EQ(errorId([&] { assign(lg, {num(1)}, num(NAN)); }),
            "MATLAB:nologicalnan");
  EXPECT_DATA(lg, 1, 0);
}

TEST(Index, FailedAssignmentLeavesArrayIntact) {
  ValueRef v = row({1, 2, 3});
  EXPECT_NE(errorId([&] { assign(v, {num(0)}, num(1)); }), "<none>");
  EXPECT_NE(errorId([&] {
              assign(v, {row({1, 2})}, row({4, 5, 6}));
            }),
            "<none>");
  EXPECT_NE(errorId([&] { assign(v, {num(1)}, makeCell({1, 1})); }), "<none>");
  EXPECT_DATA(v, 1, 2, 3);
  EXPECT_DIMS(v, 1, 3);
}

TEST(Index, CellsIndexWithParenthesesAsCells) {
  ValueRef c = makeCell({1, 2});
  c->cells[0] = num(1);
  c->cells[1] = makeString("two");
  ValueRef p = at(c, {num(2)});
  EXPECT_EQ(p->cls, ClassId::Cell);
  EXPECT_DIMS(p, 1, 1);
  EXPECT_EQ(p->cells[0]->str(), "two");
  ValueRef five = makeCell({1, 1});
  five->cells[0] = num(5);
  assign(c, {num(4)}, five);
  EXPECT_DIMS(c, 1, 4);
  EXPECT_EQ(c->cells[2]->numel(), 0); // gap is []
  EXPECT_DATA(c->cells[3], 5);
  EXPECT_EQ(errorMessage([&] { assign(c, {num(1)}, num(3)); }),
            "Conversion to cell from double is not possible.");
  del(c, {num(1)});
  EXPECT_DIMS(c, 1, 3);
  ValueRef g; // undefined grows into a cell
  assign(g, {num(2)}, five);
  EXPECT_EQ(g->cls, ClassId::Cell);
  EXPECT_DIMS(g, 1, 2);
}

TEST(Index, ColonOverEmptyTakesRhsExtent) {
  ValueRef z = makeEmpty();
  assign(z, {colon(), num(1)}, col({1, 2, 3}));
  EXPECT_DIMS(z, 3, 1);
  EXPECT_DATA(z, 1, 2, 3);
  ValueRef w = makeEmpty();
  assign(w, {colon(), num(3)}, col({1, 2}));
  EXPECT_DIMS(w, 2, 3);
  EXPECT_DATA(w, 0, 0, 0, 0, 1, 2);
  ValueRef B = mat(2, 2, {1, 2, 3, 4});
  assign(B, {colon(), num(3)}, col({5, 6}));
  EXPECT_DATA(B, 1, 3, 2, 4, 5, 6);
}

TEST(Index, LogicalMaskAssignment) {
  ValueRef E = mat(3, 3, {1, 0, 0, 0, 1, 0, 0, 0, 1});
  ValueRef m = convertClass(*E, ClassId::Logical);
  assign(E, {m}, row({4, 5, 6}));
  EXPECT_DATA(E, 4, 0, 0, 0, 5, 0, 0, 0, 6);
  ValueRef v = row({1, 0, 3, 0, 5, 0});
  ValueRef zeros = binaryOp(10 /* == */, *v, *num(0));
  assign(v, {zeros}, row({10, 20, 30}));
  EXPECT_DATA(v, 1, 10, 3, 20, 5, 30);
}

TEST(Index, StructArrays) {
  ValueRef s = makeStruct({1, 1}, {"a"});
  s->cells[0] = num(1);
  ValueRef t = makeStruct({1, 1}, {"a"});
  t->cells[0] = num(2);
  assign(s, {num(2)}, t);
  EXPECT_DIMS(s, 1, 2);
  EXPECT_DATA(s->cells[1], 2);
  ValueRef second = at(s, {num(2)});
  EXPECT_EQ(second->cls, ClassId::Struct);
  EXPECT_DATA(second->cells[0], 2);
  ValueRef u = makeStruct({1, 1}, {"b"});
  EXPECT_EQ(errorId([&] { assign(s, {num(1)}, u); }),
            "MATLAB:heterogeneousStrucAssignment");
}

TEST(Index, NdIndexing) {
  ValueRef T = makeArray(ClassId::Double, {2, 2, 2});
  for (int k = 0; k < 8; ++k)
    T->re[(size_t)k] = k + 1;
  EXPECT_DATA(at(T, {num(2), num(1), num(2)}), 6);
  ValueRef page = at(T, {colon(), colon(), num(2)});
  EXPECT_DIMS(page, 2, 2);
  EXPECT_DATA(page, 5, 6, 7, 8);
  EXPECT_DATA(at(T, {num(1), num(4)}), 7); // last subscript spans dims 2..
  ValueRef tube = at(T, {num(1), num(1), colon()});
  EXPECT_DIMS(tube, 1, 1, 2);
  EXPECT_DATA(tube, 1, 5);
}
