//===- OpsTest.cpp - Unit tests of operators, colon and concatenation -----===//
#include "RuntimeTestUtil.h"

#include "runmat/rt/Ops.h"
#include "runmat/rt/abi.h"

#include <cmath>

using namespace rmtest;

namespace {
ValueRef op(int o, const ValueRef &a, const ValueRef &b) {
  return binaryOp(o, *a, *b);
}
ValueRef i8(double x) { return makeScalar(x, ClassId::Int8); }
ValueRef i32(double x) { return makeScalar(x, ClassId::Int32); }
} // namespace

TEST(Ops, ImplicitExpansion) {
  // Rule 4: [1;2] + [10 20 30]
  ValueRef r = op(RM_OP_PLUS, col({1, 2}), row({10, 20, 30}));
  EXPECT_DIMS(r, 2, 3);
  EXPECT_DATA(r, 11, 12, 21, 22, 31, 32);
  ValueRef s = op(RM_OP_TIMES, mat(2, 2, {1, 2, 3, 4}), num(2));
  EXPECT_DATA(s, 2, 6, 4, 8);
  // N-D against a row: 2x1x2 .* 1x3 -> 2x3x2
  ValueRef a = makeArray(ClassId::Double, {2, 1, 2});
  a->re = {1, 2, 3, 4};
  ValueRef t = op(RM_OP_TIMES, a, row({1, 10, 100}));
  EXPECT_DIMS(t, 2, 3, 2);
  EXPECT_DATA(t, 1, 2, 10, 20, 100, 200, 3, 4, 30, 40, 300, 400);
}

TEST(Ops, IncompatibleSizesError) {
  EXPECT_EQ(errorId([] {
              op(RM_OP_PLUS, row({1, 2}), row({1, 2, 3}));
            }),
            "MATLAB:sizeDimensionsMustMatch");
  EXPECT_EQ(errorMessage([] {
              op(RM_OP_EQ, row({1, 2}), row({1, 2, 3}));
            }),
            "Arrays have incompatible sizes for this operation.");
}

TEST(Ops, EmptyOperandsExpand) {
  // Rule 27: size([] | 1) is 0x0; zeros(0,3) + 1 stays 0x3.
  ValueRef r = op(RM_OP_OR, makeEmpty(), num(1));
  EXPECT_DIMS(r, 0, 0);
  EXPECT_EQ(r->cls, ClassId::Logical);
  ValueRef z = op(RM_OP_PLUS, makeArray(ClassId::Double, {0, 3}), num(1));
  EXPECT_DIMS(z, 0, 3);
}

TEST(Ops, IntegerArithmeticSaturates) {
  // Rule 35.
  EXPECT_DATA(op(RM_OP_PLUS, i8(127), i8(1)), 127);
  EXPECT_DATA(op(RM_OP_MINUS, makeScalar(3, ClassId::UInt8),
                 makeScalar(5, ClassId::UInt8)),
              0);
  EXPECT_DATA(op(RM_OP_MTIMES, i8(-128), num(-1)), 127);
  EXPECT_DATA(unaryOp(RM_OP_NEG, *i8(-128)), 127);
}

TEST(Ops, IntegerDivisionRounds) {
  // Rules 36 and 40.
  EXPECT_DATA(op(RM_OP_RDIVIDE, i32(5), i32(2)), 3);
  EXPECT_DATA(op(RM_OP_MRDIVIDE, i32(7), i32(2)), 4);
  EXPECT_DATA(op(RM_OP_RDIVIDE, i32(-7), i32(2)), -4);
  EXPECT_DATA(op(RM_OP_RDIVIDE, i8(5), i8(0)), 127);
  EXPECT_DATA(op(RM_OP_RDIVIDE, i8(-5), i8(0)), -128);
  EXPECT_DATA(op(RM_OP_RDIVIDE, i8(0), i8(0)), 0);
  EXPECT_DATA(op(RM_OP_MRDIVIDE, num(7), i32(2)), 4);
}

TEST(Ops, IntegerWithDoubleKeepsIntegerClass) {
  // Rule 38.
  ValueRef a = op(RM_OP_PLUS, makeScalar(5, ClassId::Int16), num(2.7));
  EXPECT_EQ(a->cls, ClassId::Int16);
  EXPECT_DATA(a, 8);
  EXPECT_DATA(op(RM_OP_TIMES, makeScalar(200, ClassId::UInt8), num(1.5)), 255);
  EXPECT_DATA(op(RM_OP_TIMES, i32(5), num(0.5)), 3);
  ValueRef v = op(RM_OP_MTIMES, row({1, 2, 3}, ClassId::Int32), num(2.6));
  EXPECT_EQ(v->cls, ClassId::Int32);
  EXPECT_DATA(v, 3, 5, 8);
}

TEST(Ops, MixedIntegerClassesError) {
  // Rule 41; comparisons across integer classes are fine.
  EXPECT_EQ(
      errorId([] { op(RM_OP_PLUS, i8(1), makeScalar(1, ClassId::Int16)); }),
      "MATLAB:mixedIntegerClasses");
  ValueRef c = op(RM_OP_EQ, i8(1), makeScalar(1, ClassId::Int16));
  EXPECT_EQ(c->cls, ClassId::Logical);
  EXPECT_DATA(c, 1);
}

TEST(Ops, ClassPrecedence) {
  // Rules 42 and 43.
  EXPECT_EQ(op(RM_OP_PLUS, makeScalar(1, ClassId::Single), num(1))->cls,
            ClassId::Single);
  EXPECT_EQ(op(RM_OP_TIMES, makeScalar(1, ClassId::Single), i8(2))->cls,
            ClassId::Int8);
  ValueRef t = op(RM_OP_PLUS, makeBool(true), makeBool(true));
  EXPECT_EQ(t->cls, ClassId::Double);
  EXPECT_DATA(t, 2);
  ValueRef c = op(RM_OP_PLUS, makeString("a"), num(1));
  EXPECT_EQ(c->cls, ClassId::Double);
  EXPECT_DATA(c, 98);
  ValueRef s = op(RM_OP_PLUS, makeScalar(0.1, ClassId::Single), num(0.2));
  EXPECT_EQ(s->re[0], (double)(float)((double)0.1f + 0.2));
}

TEST(Ops, ComparisonsAndNaN) {
  // Rule 30: NaN == NaN is false.
  ValueRef r = op(RM_OP_EQ, row({NAN, 1, 2}), row({NAN, 1, 3}));
  EXPECT_EQ(r->cls, ClassId::Logical);
  EXPECT_DATA(r, 0, 1, 0);
  EXPECT_DATA(op(RM_OP_NE, num(NAN), num(NAN)), 1);
  EXPECT_DATA(op(RM_OP_LT, row({1, 5}), num(3)), 1, 0);
  EXPECT_DATA(op(RM_OP_GE, makeString("abc"), makeString("b")), 0, 1, 1);
  // Rule 49.
  EXPECT_DATA(op(RM_OP_EQ, op(RM_OP_PLUS, num(0.1), num(0.2)), num(0.3)), 0);
}

TEST(Ops, ElementwiseLogic) {
  // Rule 26.
  ValueRef r = op(RM_OP_AND, row({1, 0, 1}), row({1, 1, 0}));
  EXPECT_EQ(r->cls, ClassId::Logical);
  EXPECT_DATA(r, 1, 0, 0);
  EXPECT_DATA(op(RM_OP_OR, row({1, 0, 0}), num(0)), 1, 0, 0);
  EXPECT_EQ(errorId([] { op(RM_OP_AND, num(NAN), num(1)); }),
            "MATLAB:nologicalnan");
  ValueRef n = unaryOp(RM_OP_NOT, *row({1, 0, 2}));
  EXPECT_EQ(n->cls, ClassId::Logical);
  EXPECT_DATA(n, 0, 1, 0);
  EXPECT_NE(errorId([] { unaryOp(RM_OP_NOT, *makeCell({1, 1})); }), "<none>");
}

TEST(Ops, MatrixProduct) {
  ValueRef a = mat(2, 2, {1, 2, 3, 4}), b = mat(2, 2, {5, 6, 7, 8});
  EXPECT_DATA(op(RM_OP_MTIMES, a, b), 19, 43, 22, 50);
  ValueRef e = op(RM_OP_MTIMES, a, mat(2, 3, {1, 2, 3, 4, 5, 6}));
  EXPECT_DIMS(e, 2, 3);
  EXPECT_DATA(e, 9, 19, 12, 26, 15, 33);
  ValueRef v = row({1, 2, 3});
  EXPECT_DATA(op(RM_OP_MTIMES, v, transpose(*v, false)), 14);
  ValueRef o = op(RM_OP_MTIMES, transpose(*v, false), v);
  EXPECT_DIMS(o, 3, 3);
  EXPECT_DATA(o, 1, 2, 3, 2, 4, 6, 3, 6, 9);
  ValueRef mv = op(RM_OP_MTIMES, a, col({1, 1}));
  EXPECT_DATA(mv, 3, 7);
}

TEST(Ops, MatrixProductErrorsAndEmpty) {
  EXPECT_EQ(errorId([] {
              op(RM_OP_MTIMES, makeArray(ClassId::Double, {2, 3}),
                 makeArray(ClassId::Double, {2, 3}));
            }),
            "MATLAB:innerdim");
  // Rule 33: zeros(3,0)*zeros(0,4) is 3x4 zeros.
  ValueRef z = op(RM_OP_MTIMES, makeArray(ClassId::Double, {3, 0}),
                  makeArray(ClassId::Double, {0, 4}));
  EXPECT_DIMS(z, 3, 4);
  EXPECT_EQ(z->re, std::vector<double>(12, 0.0));
  EXPECT_NE(errorId([] {
              op(RM_OP_MTIMES, row({1, 2}, ClassId::Int8), mat(2, 1, {1, 2}));
            }),
            "<none>");
}

TEST(Ops, LinearSolves) {
  ValueRef M = mat(2, 2, {2, 1, 1, 3});
  ValueRef x = op(RM_OP_MLDIVIDE, M, col({5, 10}));
  EXPECT_DIMS(x, 2, 1);
  EXPECT_NEAR(x->re[0], 1, 1e-12);
  EXPECT_NEAR(x->re[1], 3, 1e-12);
  ValueRef y = op(RM_OP_MRDIVIDE, row({5, 10}), M);
  EXPECT_DIMS(y, 1, 2);
  EXPECT_NEAR(y->re[0], 1, 1e-12);
  EXPECT_NEAR(y->re[1], 3, 1e-12);
  // Least squares: fit y = c through (1,1),(2,2),(3,3) -> c = 1.
  ValueRef c = op(RM_OP_MLDIVIDE, col({1, 2, 3}), col({1, 2, 3}));
  EXPECT_DIMS(c, 1, 1);
  EXPECT_NEAR(c->re[0], 1, 1e-12);
  // Scalar divisors are elementwise.
  EXPECT_DATA(op(RM_OP_MRDIVIDE, mat(2, 2, {1, 2, 3, 4}), num(2)), 0.5, 1.5, 1,
              2);
  EXPECT_DATA(op(RM_OP_MLDIVIDE, num(2), row({4, 8})), 2, 4);
  EXPECT_EQ(errorId([] {
              op(RM_OP_MLDIVIDE, mat(2, 2, {1, 2, 3, 4}), col({1, 2, 3}));
            }),
            "MATLAB:dimagree");
}

TEST(Ops, MatrixPower) {
  ValueRef F = op(RM_OP_MPOWER, mat(2, 2, {1, 1, 1, 0}), num(10));
  EXPECT_DATA(F, 89, 55, 55, 34);
  ValueRef A = mat(2, 2, {1, 2, 3, 4});
  EXPECT_DATA(op(RM_OP_MPOWER, A, num(2)), 7, 15, 10, 22);
  EXPECT_DATA(op(RM_OP_MPOWER, A, num(0)), 1, 0, 0, 1);
  ValueRef inv = op(RM_OP_MPOWER, A, num(-1));
  ValueRef I = op(RM_OP_MTIMES, inv, A);
  EXPECT_NEAR(I->re[0], 1, 1e-12);
  EXPECT_NEAR(I->re[1], 0, 1e-12);
  EXPECT_NEAR(I->re[3], 1, 1e-12);
  EXPECT_EQ(errorId([] {
              op(RM_OP_MPOWER, row({1, 2}), num(2));
            }),
            "MATLAB:mpower:notScalarAndSquareMatrix");
  EXPECT_DATA(op(RM_OP_MPOWER, num(2), num(10)), 1024);
}

TEST(Ops, PowerOfNegativeBaseIsComplex) {
  // Rule 52: (-8)^(1/3) = 1.0000 + 1.7321i
  ValueRef r = op(RM_OP_MPOWER, num(-8), num(1.0 / 3));
  ASSERT_TRUE(r->complex);
  EXPECT_NEAR(r->re[0], 1.0, 1e-12);
  EXPECT_NEAR(r->im[0], std::sqrt(3.0), 1e-12);
  ValueRef p = op(RM_OP_POWER, row({-2, 4}), row({2, 0.5}));
  EXPECT_FALSE(p->complex); // all imaginary parts zero: real
  EXPECT_DATA(p, 4, 2);
  ValueRef q = op(RM_OP_POWER, row({-4, 4}), num(0.5));
  ASSERT_TRUE(q->complex);
  EXPECT_NEAR(q->re[0], 0, 1e-15);
  EXPECT_NEAR(q->im[0], 2, 1e-15);
  EXPECT_EQ(q->re[1], 2);
  EXPECT_EQ(q->im[1], 0);
}

TEST(Ops, ComplexArithmetic) {
  ValueRef z = makeDouble(1);
  z->complex = true;
  z->im = {2}; // 1+2i
  ValueRef w = makeDouble(3);
  w->complex = true;
  w->im = {-4}; // 3-4i
  ValueRef p = op(RM_OP_MTIMES, z, w);
  EXPECT_DATA(p, 11);
  EXPECT_EQ(p->im, (std::vector<double>{2}));
  ValueRef s = op(RM_OP_PLUS, z, num(1));
  EXPECT_DATA(s, 2);
  EXPECT_EQ(s->im, (std::vector<double>{2}));
  ValueRef i = makeDouble(0);
  i->complex = true;
  i->im = {1};
  ValueRef m1 = op(RM_OP_TIMES, i, i); // 1i*1i = -1, real after narrowing
  EXPECT_FALSE(m1->complex);
  EXPECT_DATA(m1, -1);
  ValueRef sq = op(RM_OP_MPOWER, z, num(2)); // (1+2i)^2 = -3+4i exactly
  EXPECT_DATA(sq, -3);
  EXPECT_EQ(sq->im, (std::vector<double>{4}));
}

TEST(Ops, TransposeConjugates) {
  // Rule 54.
  ValueRef z = row({1, 3});
  z->complex = true;
  z->im = {2, 0};
  ValueRef c = unaryOp(RM_OP_CTRANSPOSE, *z);
  EXPECT_DIMS(c, 2, 1);
  EXPECT_EQ(c->im, (std::vector<double>{-2, -0.0}));
  ValueRef t = unaryOp(RM_OP_TRANSPOSE, *z);
  EXPECT_EQ(t->im, (std::vector<double>{2, 0}));
  ValueRef A = mat(2, 3, {1, 2, 3, 4, 5, 6});
  ValueRef At = unaryOp(RM_OP_TRANSPOSE, *A);
  EXPECT_DIMS(At, 3, 2);
  EXPECT_DATA(At, 1, 2, 3, 4, 5, 6);
  ValueRef s = unaryOp(RM_OP_CTRANSPOSE, *makeString("abc"));
  EXPECT_EQ(s->cls, ClassId::Char);
  EXPECT_DIMS(s, 3, 1);
  EXPECT_EQ(errorMessage([] {
              unaryOp(RM_OP_TRANSPOSE, *makeArray(ClassId::Double, {2, 2, 2}));
            }),
            "Transpose on ND array is not defined. Use PERMUTE instead.");
}

TEST(Ops, LargeTransposeIsBlockedCorrectly) {
  int64_t m = 70, n = 45;
  ValueRef A = makeArray(ClassId::Double, {m, n});
  for (int64_t k = 0; k < m * n; ++k)
    A->re[(size_t)k] = (double)k;
  ValueRef T = transpose(*A, false);
  EXPECT_DIMS(T, n, m);
  bool ok = true;
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j)
      ok = ok && T->re[(size_t)(i * n + j)] == A->re[(size_t)(j * m + i)];
  EXPECT_TRUE(ok);
}

TEST(Ops, UnaryOperators) {
  ValueRef n = unaryOp(RM_OP_NEG, *makeBool(true));
  EXPECT_EQ(n->cls, ClassId::Double);
  EXPECT_DATA(n, -1);
  ValueRef p = unaryOp(RM_OP_UPLUS, *makeString("a"));
  EXPECT_EQ(p->cls, ClassId::Double);
  EXPECT_DATA(p, 97);
  EXPECT_EQ(errorMessage([] {
              unaryOp(RM_OP_NEG, *makeCell({1, 1}));
            }),
            "Operator '-' is not supported for operands of type 'cell'.");
  EXPECT_EQ(errorMessage([] {
              op(RM_OP_PLUS, makeCell({1, 1}), num(1));
            }),
            "Operator '+' is not supported for operands of type 'cell'.");
}

TEST(Colon, CountsAndExactEndpoints) {
  // Rule 46.
  ValueRef r = colonRange(0, 0.1, 0.3);
  EXPECT_EQ(r->numel(), 4);
  EXPECT_EQ(r->re.back(), 0.3);
  ValueRef s = colonRange(0, 0.1, 1);
  EXPECT_EQ(s->numel(), 11);
  EXPECT_EQ(s->re.back(), 1.0);
  EXPECT_EQ(s->re[0], 0.0);
  ValueRef t = colonRange(1, 0.3, 2);
  EXPECT_EQ(t->numel(), 4);
  EXPECT_NEAR(t->re[3], 1.9, 1e-15);
  EXPECT_DATA(colonRange(10, -3, 1), 10, 7, 4, 1);
  EXPECT_DATA(colonRange(0, -0.5, -2), 0, -0.5, -1, -1.5, -2);
  EXPECT_DATA(colonRange(0, 0.25, 1), 0, 0.25, 0.5, 0.75, 1);
}

TEST(Colon, EmptyAndFractionalRanges) {
  // Rule 47.
  EXPECT_DIMS(colonRange(1, 1, 0), 1, 0);
  EXPECT_DIMS(colonRange(5, 1, 1), 1, 0);
  EXPECT_DIMS(colonRange(1, -1, 2), 1, 0);
  EXPECT_DIMS(colonRange(1, 0, 2), 1, 0);
  EXPECT_DATA(colonRange(1, 1, 3.7), 1, 2, 3);
  EXPECT_DATA(colonRange(2, 1, 4), 2, 3, 4);
  EXPECT_EQ(colonRange(1, 1, NAN)->numel(), 1);
  EXPECT_NE(errorId([] { colonRange(1, 1, INFINITY); }), "<none>");
  EXPECT_NE(errorId([] { colonRange(1, 1, 1e300); }), "<none>");
}

TEST(Colon, KeepsCharAndIntegerClasses) {
  // Rule 48.
  ValueRef c = colonOp(*makeString("a"), nullptr, *makeString("e"));
  EXPECT_EQ(c->cls, ClassId::Char);
  EXPECT_EQ(c->str(), "abcde");
  ValueRef i = colonOp(*i8(1), nullptr, *i8(3));
  EXPECT_EQ(i->cls, ClassId::Int8);
  EXPECT_DATA(i, 1, 2, 3);
  ValueRef step = num(2);
  ValueRef d = colonOp(*num(1), step.get(), *makeScalar(6, ClassId::UInt8));
  EXPECT_EQ(d->cls, ClassId::UInt8);
  EXPECT_DATA(d, 1, 3, 5);
  EXPECT_DIMS(colonOp(*makeEmpty(), nullptr, *num(3)), 1, 0);
}

TEST(Colon, AbiHelpersMatchMaterializedRanges) {
  const double cases[][3] = {{0, 0.1, 1},  {1, 0.3, 2},   {0, 0.1, 0.3},
                             {10, -3, 1},  {1, 1, 3.7},   {-1, 0.2, 1},
                             {0, 1e-3, 1}, {5, -0.7, -3}, {1, 1, 0}};
  for (const auto &c : cases) {
    ValueRef r = colonRange(c[0], c[1], c[2]);
    int64_t n = rm_range_count(c[0], c[1], c[2]);
    ASSERT_EQ(n, r->numel());
    if (n == 0)
      continue;
    double last = rm_range_last(c[0], c[1], c[2], n);
    EXPECT_EQ(last, r->re.back());
    for (int64_t k = 0; k < n; ++k) {
      double e = 2 * k < n ? c[0] + (double)k * c[1]
                           : last - (double)(n - 1 - k) * c[1];
      EXPECT_EQ(e, r->re[(size_t)k]);
    }
  }
  EXPECT_EQ(rm_range_count(1, 1, NAN), 0);
}

TEST(Concat, EmptyOperandsVanish) {
  // Rule 34.
  ValueRef e = makeEmpty(), a = num(1), b = num(2);
  ValueRef r = concat({{e.get(), a.get(), b.get()}});
  EXPECT_DIMS(r, 1, 2);
  EXPECT_DATA(r, 1, 2);
  ValueRef z = makeArray(ClassId::Double, {1, 0});
  ValueRef v = row({1, 2});
  ValueRef s = concat({{z.get()}, {v.get()}});
  EXPECT_DIMS(s, 1, 2);
  ValueRef ee = concat({{e.get(), e.get()}});
  EXPECT_DIMS(ee, 0, 0);
  ValueRef zz = concat({{z.get(), z.get()}});
  EXPECT_DIMS(zz, 1, 0);
}

TEST(Concat, ClassRules) {
  // Rule 43 and the integer rule of arith_integer_classes.
  ValueRef a = makeString("a"), n = num(66);
  ValueRef c = concat({{a.get(), n.get()}});
  EXPECT_EQ(c->cls, ClassId::Char);
  EXPECT_EQ(c->str(), "aB");
  ValueRef i = i8(1), d = num(2.7);
  ValueRef r = concat({{i.get(), d.get()}});
  EXPECT_EQ(r->cls, ClassId::Int8);
  EXPECT_DATA(r, 1, 3);
  ValueRef t = makeBool(true), f = makeBool(false);
  EXPECT_EQ(concat({{t.get(), f.get()}})->cls, ClassId::Logical);
  EXPECT_EQ(concat({{t.get(), n.get()}})->cls, ClassId::Double);
  ValueRef es = makeString(""), x = num(65);
  EXPECT_EQ(concat({{es.get(), x.get()}})->str(), "A");
}

TEST(Concat, MatricesAndMismatch) {
  ValueRef M = mat(2, 2, {1, 2, 3, 4}), c = col({5, 6}), r = row({7, 8, 9});
  ValueRef N = concat({{M.get(), c.get()}, {r.get()}});
  EXPECT_DIMS(N, 3, 3);
  EXPECT_DATA(N, 1, 3, 7, 2, 4, 8, 5, 6, 9);
  ValueRef one = row({1, 2}), three = num(3);
  EXPECT_EQ(errorId([&] {
              concat({{one.get()}, {three.get()}});
            }),
            "MATLAB:catenate:dimensionMismatch");
  ValueRef ab = makeString("ab"), cd = makeString("cd"),
           efgh = makeString("efgh");
  ValueRef t = concat({{ab.get(), cd.get()}, {efgh.get()}});
  EXPECT_DIMS(t, 2, 4);
  EXPECT_EQ(t->str(), "abcdefgh");
}

TEST(Concat, CellsAndNd) {
  ValueRef c = makeCell({1, 1});
  c->cells[0] = num(1);
  ValueRef two = num(2);
  ValueRef r = concat({{c.get(), two.get()}});
  EXPECT_EQ(r->cls, ClassId::Cell);
  EXPECT_DIMS(r, 1, 2);
  EXPECT_DATA(r->cells[1], 2);
  ValueRef a = mat(1, 2, {1, 2}), b = mat(1, 2, {3, 4});
  ValueRef p = catAlong(2, {a.get(), b.get()});
  EXPECT_DIMS(p, 1, 2, 2);
  EXPECT_DATA(p, 1, 2, 3, 4);
}

TEST(Truth, IfWhileRule) {
  // Rule 24.
  EXPECT_FALSE(isTrue(*row({1, 1, 0})));
  EXPECT_TRUE(isTrue(*row({1, 2, 3})));
  EXPECT_FALSE(isTrue(*makeEmpty()));
  EXPECT_TRUE(isTrue(*makeString("a")));
  EXPECT_EQ(errorId([] { isTrue(*num(NAN)); }), "MATLAB:nologicalnan");
}
