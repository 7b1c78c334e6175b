//===- NumericTest.cpp - Unit tests for builtins/Numeric.cpp --------------===//
//
// Values are MATLAB's answers (cross-checked with GNU Octave where the two
// agree); floating results are compared with a tolerance.
//
//===----------------------------------------------------------------------===//
#include "RuntimeTestUtil.h"

#include "runmat/rt/Builtins.h"
#include "runmat/rt/FunctionHandle.h"

#include <cfloat>
#include <cmath>
#include <cstring>

using namespace rmtest;

namespace {

Args call(const char *name, Args args, int nargout = 1) {
  return callBuiltin(name, nargout, args);
}
ValueRef call1(const char *name, Args args) { return call(name, args)[0]; }
ValueRef str(const char *s) { return makeString(s); }

void expectNear(const ValueRef &v, std::vector<double> want,
                double tol = 1e-12) {
  ASSERT_EQ(v->re.size(), want.size());
  for (size_t k = 0; k < want.size(); ++k) {
    if (std::isnan(want[k]))
      EXPECT_TRUE(std::isnan(v->re[k])) << "element " << k;
    else if (std::isinf(want[k]))
      EXPECT_EQ(v->re[k], want[k]) << "element " << k;
    else
      EXPECT_NEAR(v->re[k], want[k], tol * std::max(1.0, std::fabs(want[k])))
          << "element " << k;
  }
}

} // namespace

TEST(Numeric, IntegerAndFloatLimits) {
  ValueRef a = call1("intmax", {});
  EXPECT_EQ(a->cls, ClassId::Int32);
  EXPECT_DATA(a, 2147483647.0);
  ValueRef b = call1("intmin", {str("int8")});
  EXPECT_EQ(b->cls, ClassId::Int8);
  EXPECT_DATA(b, -128.0);
  EXPECT_DATA(call1("intmax", {str("uint16")}), 65535.0);
  EXPECT_EQ(call1("intmax", {str("like"), scalarOfClass(1, ClassId::UInt8)})->re[0],
            255.0);
  ValueRef r = call1("realmax", {str("single")});
  EXPECT_EQ(r->cls, ClassId::Single);
  EXPECT_EQ(r->re[0], (double)FLT_MAX);
  EXPECT_DATA(call1("flintmax", {}), 9007199254740992.0);
  EXPECT_DATA(call1("flintmax", {str("single")}), 16777216.0);
  EXPECT_DATA(call1("realmin", {}), DBL_MIN);
  EXPECT_NE(errorId([] { call1("intmax", {str("double")}); }), "<none>");
  EXPECT_NE(errorId([] { call1("realmax", {str("int8")}); }), "<none>");
}

TEST(Numeric, ComplexConstruction) {
  ValueRef z = call1("complex", {num(1), num(2)});
  EXPECT_TRUE(z->complex);
  EXPECT_DATA(z, 1.0);
  EXPECT_EQ(z->im, std::vector<double>{2.0});
  // A zero imaginary part stays complex.
  ValueRef w = call1("complex", {row({1, 2}), num(0)});
  EXPECT_TRUE(w->complex);
  EXPECT_DIMS(w, 1, 2);
  EXPECT_EQ(w->im, (std::vector<double>{0, 0}));
  ValueRef i8 = call1("complex", {scalarOfClass(3, ClassId::Int8),
                                  scalarOfClass(4, ClassId::Int8)});
  EXPECT_EQ(i8->cls, ClassId::Int8);
  EXPECT_TRUE(call1("complex", {num(5)})->complex);
  EXPECT_NE(errorId([] { call1("complex", {str("a"), num(1)}); }), "<none>");
}

TEST(Numeric, Nthroot) {
  EXPECT_DATA(call1("nthroot", {num(-27), num(3)}), -3.0);
  EXPECT_DATA(call1("nthroot", {num(64), num(3)}), 4.0);
  EXPECT_DATA(call1("nthroot", {row({16, 81}), num(4)}), 2.0, 3.0);
  EXPECT_EQ(errorId([] { call1("nthroot", {num(-8), num(2)}); }),
            "MATLAB:nthroot:NegXNotOddIntN");
  EXPECT_EQ(call1("nthroot", {makeScalar(8, ClassId::Single), num(3)})->cls,
            ClassId::Single);
}

TEST(Numeric, CatHorzcatVertcat) {
  ValueRef c = call1("cat", {num(3), row({1, 2}), row({3, 4})});
  EXPECT_DIMS(c, 1, 2, 2);
  EXPECT_DATA(c, 1, 2, 3, 4);
  ValueRef v = call1("cat", {num(1), mat(2, 2, {1, 2, 3, 4}), row({5, 6})});
  EXPECT_DIMS(v, 3, 2);
  EXPECT_DATA(v, 1, 3, 5, 2, 4, 6);
  ValueRef h = call1("horzcat", {row({1, 2}), num(3), row({4, 5})});
  EXPECT_DATA(h, 1, 2, 3, 4, 5);
  ValueRef s = call1("horzcat", {str("abc"), str("de")});
  EXPECT_EQ(s->cls, ClassId::Char);
  EXPECT_EQ(s->str(), "abcde");
  EXPECT_DIMS(call1("vertcat", {row({1, 2}), row({3, 4}), row({5, 6})}), 3, 2);
  EXPECT_DIMS(call1("horzcat", {}), 0, 0);
  EXPECT_NE(errorId([] { call1("vertcat", {row({1, 2}), row({1, 2, 3})}); }),
            "<none>");
}

TEST(Numeric, ColonFunction) {
  EXPECT_DATA(call1("colon", {num(1), num(4)}), 1, 2, 3, 4);
  EXPECT_DATA(call1("colon", {num(5), num(-2), num(1)}), 5, 3, 1);
  EXPECT_DIMS(call1("colon", {num(1), num(0)}), 1, 0);
  EXPECT_EQ(call1("colon", {scalarOfClass(1, ClassId::Int8),
                            scalarOfClass(3, ClassId::Int8)})
                ->cls,
            ClassId::Int8);
}

TEST(Numeric, Rot90) {
  ValueRef A = mat(2, 3, {1, 2, 3, 4, 5, 6});
  ValueRef r1 = call1("rot90", {A});
  EXPECT_DIMS(r1, 3, 2);
  EXPECT_DATA(r1, 3, 2, 1, 6, 5, 4); // [3 6; 2 5; 1 4]
  EXPECT_DATA(call1("rot90", {A, num(2)}), 6, 3, 5, 2, 4, 1);
  EXPECT_DATA(call1("rot90", {A, num(-1)}), 4, 5, 6, 1, 2, 3); // [4 1;5 2;6 3]
  EXPECT_DATA(call1("rot90", {A, num(4)}), 1, 4, 2, 5, 3, 6);
  ValueRef nd = makeArray(ClassId::Double, Dims{2, 3, 2});
  EXPECT_DIMS(call1("rot90", {nd}), 3, 2, 2);
  ValueRef c = makeCell(Dims{1, 2});
  c->cells[0] = num(7);
  ValueRef rc = call1("rot90", {c});
  EXPECT_DIMS(rc, 2, 1);
  EXPECT_EQ(rc->cells[1]->re[0], 7.0);
  EXPECT_NE(errorId([&] { call1("rot90", {A, num(1.5)}); }), "<none>");
}

TEST(Numeric, Logspace) {
  expectNear(call1("logspace", {num(0), num(2), num(3)}), {1, 10, 100});
  ValueRef p = call1("logspace", {num(0), num(M_PI), num(3)});
  expectNear(p, {1, std::sqrt(M_PI), M_PI});
  EXPECT_DIMS(call1("logspace", {num(1), num(2)}), 1, 50);
}

TEST(Numeric, TraceCrossDot) {
  EXPECT_DATA(call1("trace", {mat(3, 3, {8, 1, 6, 3, 5, 7, 4, 9, 2})}), 15.0);
  EXPECT_EQ(errorId([] { call1("trace", {row({1, 2})}); }), "MATLAB:square");
  EXPECT_DATA(call1("cross", {row({1, 2, 3}), row({4, 5, 6})}), -3, 6, -3);
  ValueRef cm = call1("cross", {mat(3, 2, {1, 4, 2, 5, 3, 6}),
                                mat(3, 2, {7, 1, 8, 2, 9, 3})});
  EXPECT_DATA(cm, -6, 12, -6, 3, -6, 3);
  EXPECT_EQ(errorId([] { call1("cross", {row({1, 2, 3}), row({3, 4})}); }),
            "MATLAB:cross:InputSizeMismatch");
  EXPECT_EQ(errorId([] { call1("cross", {row({1, 2}), row({3, 4})}); }),
            "MATLAB:cross:InvalidDimAorBForCrossProd");
  EXPECT_DATA(call1("dot", {row({1, 2, 3}), row({4, 5, 6})}), 32.0);
  EXPECT_DATA(call1("dot", {row({1, 2, 3}), col({4, 5, 6})}), 32.0);
  EXPECT_DATA(call1("dot", {mat(2, 2, {1, 2, 3, 4}), mat(2, 2, {5, 6, 7, 8})}),
              26, 44);
  // dot conjugates its first argument: dot([1+2i 3],[4 5i]) = 4+7i.
  ValueRef a = row({1, 3});
  a->complex = true;
  a->im = {2, 0};
  ValueRef b = row({4, 0});
  b->complex = true;
  b->im = {0, 5};
  ValueRef d = call1("dot", {a, b});
  EXPECT_DATA(d, 4.0);
  EXPECT_EQ(d->im, std::vector<double>{7.0});
  EXPECT_DATA(call1("dot", {makeEmpty(), makeEmpty()}), 0.0);
}

TEST(Numeric, FactorialAndNchoosek) {
  EXPECT_DATA(call1("factorial", {row({0, 1, 5, 10})}), 1, 1, 120, 3628800);
  EXPECT_DATA(call1("factorial", {num(171)}), INFINITY);
  EXPECT_EQ(errorId([] { call1("factorial", {num(-1)}); }),
            "MATLAB:factorial:NNegativeInt");
  EXPECT_DATA(call1("factorial", {scalarOfClass(6, ClassId::Int8)}), 127.0);
  EXPECT_DATA(call1("nchoosek", {num(5), num(2)}), 10.0);
  EXPECT_DATA(call1("nchoosek", {num(30), num(15)}), 155117520.0);
  ValueRef c = call1("nchoosek", {row({1, 2, 3, 4}), num(2)});
  EXPECT_DIMS(c, 6, 2);
  EXPECT_DATA(c, 1, 1, 1, 2, 2, 3, 2, 3, 4, 3, 4, 4);
  EXPECT_DIMS(call1("nchoosek", {row({1, 2, 3}), num(0)}), 1, 0);
  EXPECT_EQ(errorId([] { call1("nchoosek", {num(3), num(5)}); }),
            "MATLAB:nchoosek:KOutOfRange");
  EXPECT_EQ(errorId([] { call1("nchoosek", {row({1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                                                 11, 12, 13, 14, 15, 16, 17, 18,
                                                 19, 20, 21, 22, 23, 24, 25, 26,
                                                 27, 28, 29, 30, 31, 32, 33, 34,
                                                 35, 36, 37, 38, 39, 40, 41, 42,
                                                 43, 44, 45, 46, 47, 48, 49,
                                                 50}),
                                            num(25)});
            }),
            "MATLAB:array:SizeLimitExceeded");
}

TEST(Numeric, PrimesAndIsprime) {
  EXPECT_DATA(call1("primes", {num(20)}), 2, 3, 5, 7, 11, 13, 17, 19);
  EXPECT_DIMS(call1("primes", {num(1)}), 1, 0);
  ValueRef ip = call1("isprime", {row({0, 1, 2, 3, 4, 97, 100, 7919})});
  EXPECT_EQ(ip->cls, ClassId::Logical);
  EXPECT_DATA(ip, 0, 0, 1, 1, 0, 1, 0, 1);
  EXPECT_DATA(call1("isprime", {num(9007199254740881.0)}), 1.0); // 2^53-111
  EXPECT_DATA(call1("isprime", {num(1e300)}), 0.0);
  EXPECT_EQ(errorId([] { call1("isprime", {num(-3)}); }),
            "MATLAB:isprime:InputNotPosInt");
  EXPECT_EQ(errorId([] { call1("primes", {num(1e300)}); }),
            "MATLAB:array:SizeLimitExceeded");
}

TEST(Numeric, GcdLcm) {
  EXPECT_DATA(call1("gcd", {row({12, 18}), row({8, 27})}), 4, 9);
  Args g = call("gcd", {num(12), num(18)}, 3);
  ASSERT_EQ(g.size(), 3u);
  EXPECT_DATA(g[0], 6.0);
  EXPECT_DATA(g[1], -1.0);
  EXPECT_DATA(g[2], 1.0);
  Args h = call("gcd", {num(-12), num(18)}, 3);
  EXPECT_DATA(h[0], 6.0);
  EXPECT_DATA(h[1], 1.0);
  EXPECT_DATA(h[2], 1.0);
  EXPECT_DATA(call1("lcm", {row({4, 6}), row({6, 15})}), 12, 30);
  EXPECT_DATA(call1("lcm", {num(0), num(5)}), 0.0);
  EXPECT_EQ(call1("gcd", {scalarOfClass(12, ClassId::Int16),
                          scalarOfClass(8, ClassId::Int16)})
                ->cls,
            ClassId::Int16);
  EXPECT_EQ(errorId([] { call1("gcd", {num(1.5), num(2)}); }),
            "MATLAB:gcd:NonIntInputs");
  EXPECT_EQ(errorId([] { call1("gcd", {num(INFINITY), num(2)}); }),
            "MATLAB:gcd:NonIntInputs");
}

TEST(Numeric, Conv) {
  EXPECT_DATA(call1("conv", {row({1, 2, 3}), row({1, 1})}), 1, 3, 5, 3);
  ValueRef c = call1("conv", {col({1, 2, 3}), row({1, 1})});
  EXPECT_DIMS(c, 4, 1);
  EXPECT_DATA(call1("conv", {row({1, 2, 3}), row({0, 1, 0.5}), str("same")}), 1,
              2.5, 4);
  EXPECT_DATA(call1("conv", {row({-1, 2, 3, -2, 0, 1, 2}), row({2, 4, -1, 1}),
                             str("same")}),
              15, 5, -9, 7, 6, 7, -1);
  EXPECT_DATA(call1("conv", {row({1, 2, 3, 4}), row({1, 1}), str("valid")}), 3,
              5, 7);
  EXPECT_DIMS(call1("conv", {row({1, 2}), row({1, 2, 3, 4}), str("valid")}), 1,
              0);
  EXPECT_EQ(errorId([] { call1("conv", {mat(2, 2, {1, 2, 3, 4}), num(1)}); }),
            "MATLAB:conv:AorBNotVector");
}

TEST(Numeric, Deconv) {
  Args qr = call("deconv", {row({1, 4, 6, 4, 1}), row({1, 2, 1})}, 2);
  EXPECT_DATA(qr[0], 1, 2, 1);
  EXPECT_DATA(qr[1], 0, 0, 0, 0, 0);
  Args q2 = call("deconv", {row({1, 5, 6}), row({1, 2})}, 2);
  EXPECT_DATA(q2[0], 1, 3);
  Args q3 = call("deconv", {col({1, 2, 3}), row({1, 1})}, 2);
  EXPECT_DIMS(q3[0], 2, 1);
  EXPECT_DATA(q3[0], 1, 1);
  EXPECT_DATA(q3[1], 0, 0, 2);
  Args q4 = call("deconv", {row({1, 2}), row({1, 2, 3})}, 2);
  EXPECT_DATA(q4[0], 0.0);
  EXPECT_DATA(q4[1], 1, 2);
  EXPECT_EQ(errorId([] { call1("deconv", {row({1, 2}), row({0, 1})}); }),
            "MATLAB:deconv:ZeroCoef1");
}

TEST(Numeric, FilterFirIir) {
  expectNear(call1("filter", {num(1), row({1, -0.5}), row({1, 0, 0, 0, 0})}),
             {1, 0.5, 0.25, 0.125, 0.0625});
  expectNear(call1("filter", {num(2), row({2, -1}), row({1, 1, 1})}),
             {1, 1.5, 1.75});
  expectNear(call1("filter", {row({1, 1, 1}), num(1), row({1, 2, 3, 4})}),
             {1, 3, 6, 9});
  Args yz = call("filter", {row({1, 2, 3}), row({1, 0.5}), row({1, 2, 3, 4, 5})},
                 2);
  expectNear(yz[0], {1, 3.5, 8.25, 11.875, 16.0625});
  EXPECT_DIMS(yz[1], 2, 1);
  expectNear(yz[1], {13.96875, 15});
  EXPECT_EQ(errorId([] { call1("filter", {num(1), num(0), row({1, 2})}); }),
            "MATLAB:filter:firstCoeffZero");
}

TEST(Numeric, FilterInitialConditionsAndDims) {
  Args yz = call("filter", {row({1, 1, 1}), row({1, -0.2}), row({1, 2, 3}),
                            row({0.5, 0.25})},
                 2);
  expectNear(yz[0], {1.5, 3.55, 6.71});
  expectNear(yz[1], {6.342, 3});
  Args m = call("filter", {row({1, 1}), num(1), mat(3, 2, {1, 2, 3, 4, 5, 6})},
                2);
  EXPECT_DIMS(m[0], 3, 2);
  EXPECT_DATA(m[0], 1, 4, 8, 2, 6, 10);
  EXPECT_DIMS(m[1], 1, 2);
  EXPECT_DATA(m[1], 5, 6);
  ValueRef d2 = call1("filter", {row({1, 1}), num(1), mat(2, 2, {1, 2, 3, 4}),
                                 makeEmpty(), num(2)});
  EXPECT_DATA(d2, 1, 3, 3, 7);
  EXPECT_EQ(errorId([] {
              call1("filter", {row({1, 1, 1}), num(1), row({1, 2}), row({1})});
            }),
            "MATLAB:filter:invalidInitialConditions");
}

TEST(Numeric, PolyfitPolyval) {
  ValueRef x = row({0, 1, 2, 3, 4}), y = row({1, 0, 3, 10, 21});
  expectNear(call1("polyfit", {x, y, num(2)}), {2, -3, 1}, 1e-12);
  Args ps = call("polyfit", {row({0, 1, 2, 3, 4, 5}), row({1, 3, 2, 5, 4, 6}),
                             num(1)},
                 3);
  expectNear(ps[0], {1.6570196998570317, 3.5}, 1e-9); // centred and scaled
  Args p2 = call("polyfit", {row({0, 1, 2, 3, 4, 5}), row({1, 3, 2, 5, 4, 6}),
                             num(1)},
                 2);
  expectNear(p2[0], {0.885714285714286, 1.285714285714286}, 1e-12);
  const Value &S = *p2[1];
  ASSERT_EQ(S.cls, ClassId::Struct);
  EXPECT_EQ(S.cells[(size_t)fieldIndex(S, "df")]->re[0], 4.0);
  EXPECT_NEAR(S.cells[(size_t)fieldIndex(S, "normr")]->re[0], 1.942016624910449,
              1e-12);
  expectNear(ps[2], {2.5, 1.8708286933869707});
  EXPECT_DATA(call1("polyval", {row({3, 2, 1}), row({1, 2, 3})}), 6, 17, 34);
  EXPECT_DIMS(call1("polyval", {row({1, 2}), mat(2, 2, {1, 2, 3, 4})}), 2, 2);
  EXPECT_DATA(call1("polyval", {makeEmpty(), row({1, 2})}), 0, 0);
  Args yd = call("polyval", {p2[0], row({1, 2}), p2[1]}, 2);
  expectNear(yd[0], {2.17142857142857, 3.05714285714286}, 1e-12);
  expectNear(yd[1], {1.10509026, 1.05521059}, 1e-7);
  EXPECT_EQ(errorId([&] { call1("polyfit", {x, row({1, 2}), num(1)}); }),
            "MATLAB:polyfit:XYSizeMismatch");
}

TEST(Numeric, Roots) {
  expectNear(call1("roots", {row({1, -3, 2})}), {2, 1});
  expectNear(call1("roots", {row({0, 0, 1, -6, 11, -6})}), {3, 2, 1}, 1e-12);
  ValueRef z = call1("roots", {row({1, 0, 1})});
  ASSERT_TRUE(z->complex);
  EXPECT_NEAR(std::fabs(z->im[0]), 1.0, 1e-15);
  EXPECT_NEAR(z->im[0], -z->im[1], 1e-15);
  expectNear(call1("roots", {row({1, 2, 0, 0})}), {0, 0, -2});
  EXPECT_DIMS(call1("roots", {num(5)}), 0, 1);
  EXPECT_EQ(errorId([] { call1("roots", {row({1, NAN})}); }),
            "MATLAB:roots:NonFiniteInput");
}

TEST(Numeric, Interp1Linear) {
  EXPECT_DATA(call1("interp1", {row({1, 2, 3}), row({10, 20, 40}),
                                row({1.5, 2.25, 3})}),
              15, 25, 40);
  ValueRef out = call1("interp1", {row({1, 2, 3}), row({10, 20, 40}),
                                   row({0, 4})});
  EXPECT_TRUE(std::isnan(out->re[0]) && std::isnan(out->re[1]));
  EXPECT_DATA(call1("interp1", {row({1, 2, 3}), row({4, 5, 6}), row({0, 4}),
                                str("linear"), str("extrap")}),
              3, 7);
  EXPECT_DATA(call1("interp1", {row({1, 2, 3}), row({4, 5, 6}), row({0, 4}),
                                str("linear"), num(-1)}),
              -1, -1);
  EXPECT_DATA(call1("interp1", {row({4, 5, 6}), num(1.5)}), 4.5);
  EXPECT_DIMS(call1("interp1", {row({1, 2, 3}), row({4, 5, 6}), col({1.5, 2.5})}),
              2, 1);
  EXPECT_DATA(call1("interp1", {row({3, 1, 2}), row({30, 10, 20}), num(2.5)}),
              25.0);
  ValueRef m = call1("interp1", {row({1, 2, 3}), mat(3, 2, {10, 20, 30, 40, 50, 60}),
                                 col({1.5, 2.5})});
  EXPECT_DIMS(m, 2, 2);
  EXPECT_DATA(m, 20, 40, 30, 50);
  EXPECT_EQ(errorId([] {
              call1("interp1", {row({1, 1, 2}), row({1, 2, 3}), num(1.5)});
            }),
            "MATLAB:griddedInterpolant:NonUniqueCompVecsPtsErrId");
}

TEST(Numeric, Interp1Methods) {
  ValueRef x = row({1, 2, 3}), v = row({4, 5, 7});
  ValueRef n = call1("interp1", {x, v, row({1.5, 2.5, 1, 3, 0}), str("nearest")});
  expectNear(n, {5, 7, 4, 7, NAN});
  expectNear(call1("interp1", {x, v, row({1.5, 2.5, 1, 3, 0, 4}),
                               str("previous")}),
             {4, 5, 4, 7, NAN, NAN});
  expectNear(call1("interp1", {x, v, row({1.5, 2.5, 1, 3, 0, 4}), str("next")}),
             {5, 7, 4, 7, NAN, NAN});
  ValueRef xs = row({0, 1, 2, 3, 4, 5}), ys = row({0, 1, 4, 2, 3, 8});
  ValueRef q = row({0.5, 1.7, 3.3, 4.9, -1, 6});
  expectNear(call1("interp1", {xs, ys, q, str("pchip")}),
             {0.3125, 3.4465, 2.111, 7.308, 2, 14.333333333333334}, 1e-12);
  expectNear(call1("interp1", {xs, ys, q, str("spline")}),
             {-0.466666666666667, 3.572266666666666, 1.768933333333333,
              7.373200000000002, 12.466666666666667, 15.133333333333333},
             1e-12);
  expectNear(call1("interp1", {row({0, 1, 3}), row({1, 0, 2}), row({0.5, 2, 4}),
                               str("spline")}),
             {1.0 / 3, 1.0 / 3, 5});
}

TEST(Numeric, TrapzCumtrapz) {
  EXPECT_DATA(call1("trapz", {row({1, 2, 3})}), 4.0);
  EXPECT_DATA(call1("trapz", {row({0, 1, 2}), row({0, 1, 4})}), 3.0);
  EXPECT_DATA(call1("trapz", {row({0, 0.5, 1, 1.5, 2}),
                              row({0, 0.25, 1, 2.25, 4})}),
              2.75);
  EXPECT_DATA(call1("trapz", {mat(2, 2, {1, 2, 3, 4})}), 2, 3);
  EXPECT_DATA(call1("trapz", {mat(2, 2, {1, 2, 3, 4}), num(2)}), 1.5, 3.5);
  EXPECT_DATA(call1("trapz", {row({0, 1, 3}), mat(3, 2, {1, 2, 3, 4, 5, 6})}),
              10, 13);
  EXPECT_DATA(call1("trapz", {num(0.5), row({1, 2, 3})}), 2.0);
  EXPECT_DATA(call1("cumtrapz", {row({1, 2, 3})}), 0, 1.5, 4);
  EXPECT_DATA(call1("cumtrapz", {row({0, 1, 3}), row({1, 2, 3})}), 0, 1.5, 6.5);
  EXPECT_DATA(call1("cumtrapz", {mat(2, 2, {1, 2, 3, 4})}), 0, 2, 0, 3);
  EXPECT_EQ(errorId([] { call1("trapz", {row({1, 2}), row({1, 2, 3})}); }),
            "MATLAB:trapz:LengthXMismatchY");
}

TEST(Numeric, Mode) {
  EXPECT_DATA(call1("mode", {row({2, 4, 4, 4, 5, 5, 7, 9})}), 4.0);
  EXPECT_DATA(call1("mode", {row({1, 2, 2, 3, 3})}), 2.0); // ties: smallest
  EXPECT_DATA(call1("mode", {mat(3, 2, {1, 2, 1, 3, 2, 3})}), 1, 3);
  EXPECT_DATA(call1("mode", {mat(3, 2, {1, 2, 1, 3, 2, 3}), num(2)}), 1, 1, 2);
  Args mf = call("mode", {row({NAN, NAN, 1})}, 2);
  EXPECT_DATA(mf[0], 1.0);
  EXPECT_DATA(mf[1], 1.0);
  EXPECT_TRUE(std::isnan(call1("mode", {makeEmpty()})->re[0]));
  EXPECT_DIMS(call1("mode", {makeArray(ClassId::Double, Dims{0, 3})}), 1, 3);
  ValueRef i8 = call1("mode", {row({3, 3, 1}, ClassId::Int8)});
  EXPECT_EQ(i8->cls, ClassId::Int8);
  EXPECT_DATA(i8, 3.0);
  Args c = call("mode", {row({1, 2, 2, 3, 3})}, 3);
  EXPECT_DATA(c[2]->cells[0], 2, 3);
}

TEST(Numeric, Histc) {
  EXPECT_DATA(call1("histc", {row({1, 2, 2, 3, 5, 5, 5}), row({1, 2, 3, 4, 5})}),
              1, 2, 1, 0, 3);
  Args nb = call("histc", {row({0.5, 1, 1.5, 2, 6}), row({1, 2, 3})}, 2);
  EXPECT_DATA(nb[0], 2, 1, 0);
  EXPECT_DATA(nb[1], 0, 1, 1, 2, 0);
  ValueRef m = call1("histc", {mat(2, 2, {1, 2, 2, 3}), row({1, 2, 3})});
  EXPECT_DIMS(m, 3, 2);
  EXPECT_DATA(m, 1, 1, 0, 0, 1, 1);
  EXPECT_DIMS(call1("histc", {col({1, 2, 2}), row({1, 2})}), 2, 1);
  EXPECT_NE(errorId([] { call1("histc", {row({1, 2}), row({3, 1})}); }),
            "<none>");
}

TEST(Numeric, Histcounts) {
  ValueRef x = row({2, 3, 5, 7, 11, 13, 17, 19, 23, 29});
  Args ne = call("histcounts", {x, num(4)}, 2);
  EXPECT_DATA(ne[0], 4, 2, 3, 1);
  EXPECT_DATA(ne[1], 0, 8, 16, 24, 32);
  // The example of MATLAB's histcounts page: 6 bins of width 4.9.
  Args n6 = call("histcounts", {x, num(6)}, 2);
  EXPECT_DATA(n6[0], 2, 2, 2, 2, 1, 1);
  expectNear(n6[1], {0, 4.9, 9.8, 14.7, 19.6, 24.5, 29.4}, 1e-14);
  EXPECT_DATA(call1("histcounts", {x, row({0, 5, 10, 15, 20, 25, 30})}), 2, 2, 2,
              2, 1, 1);
  // Integer data: bins centred on the integers.
  Args ie = call("histcounts", {row({1, 2, 2, 3})}, 2);
  EXPECT_DATA(ie[0], 1, 2, 1);
  EXPECT_DATA(ie[1], 0.5, 1.5, 2.5, 3.5);
  expectNear(call1("histcounts", {row({1, 2, 2, 3}), row({0, 2, 4}),
                                  str("Normalization"), str("probability")}),
             {0.25, 0.75});
  Args bins = call("histcounts", {row({1, 5, 9}), row({0, 5, 10})}, 3);
  EXPECT_DATA(bins[2], 1, 2, 2);
  EXPECT_NE(errorId([&] { call1("histcounts", {x, str("Bogus"), num(1)}); }),
            "<none>");
}

TEST(Numeric, Accumarray) {
  ValueRef subs = col({1, 3, 1, 2, 3, 3}), vals = col({10, 20, 30, 40, 50, 60});
  ValueRef a = call1("accumarray", {subs, vals});
  EXPECT_DIMS(a, 3, 1);
  EXPECT_DATA(a, 40, 40, 130);
  EXPECT_DATA(call1("accumarray", {subs, num(1)}), 2, 1, 3);
  ValueRef M = call1("accumarray", {mat(4, 2, {1, 1, 2, 2, 1, 1, 2, 1}),
                                    col({1, 2, 3, 4})});
  EXPECT_DIMS(M, 2, 2);
  EXPECT_DATA(M, 4, 4, 0, 2);
  EXPECT_DATA(call1("accumarray", {col({2, 2}), col({5, 6}), row({4, 1})}), 0,
              11, 0, 0);
  ValueRef mx = call1("accumarray", {subs, vals, makeEmpty(),
                                     makeNamedHandle("max")});
  EXPECT_DATA(mx, 30, 40, 60);
  ValueRef fill = call1("accumarray", {col({1, 3}), col({5, 6}), row({4, 1}),
                                       makeNamedHandle("sum"), num(-1)});
  EXPECT_DATA(fill, 5, -1, 6, -1);
  EXPECT_EQ(errorId([] { call1("accumarray", {col({0, 1}), col({1, 2})}); }),
            "MATLAB:accumarray:invalidSubs");
  EXPECT_EQ(errorId([] { call1("accumarray", {row({1e15, 1e15}), num(1)}); }),
            "MATLAB:array:SizeLimitExceeded");
}

TEST(Numeric, SetFunctionsValuesAndIndices) {
  EXPECT_DATA(call1("union", {row({3, 1}), row({2, 1})}), 1, 2, 3);
  EXPECT_DIMS(call1("union", {col({3, 1}), row({2, 1})}), 3, 1);
  Args u = call("union", {row({3, 1, 2, 1}), row({5, 1, 4})}, 3);
  EXPECT_DATA(u[0], 1, 2, 3, 4, 5);
  EXPECT_DATA(u[1], 2, 3, 1);
  EXPECT_DATA(u[2], 3, 1);
  Args in = call("intersect", {row({5, 1, 3, 3, 7}), row({3, 5, 9, 5})}, 3);
  EXPECT_DATA(in[0], 3, 5);
  EXPECT_DATA(in[1], 3, 1);
  EXPECT_DATA(in[2], 1, 2);
  Args sd = call("setdiff", {row({5, 1, 3, 3, 7}), row({3, 9})}, 2);
  EXPECT_DATA(sd[0], 1, 5, 7);
  EXPECT_DATA(sd[1], 2, 1, 5);
  EXPECT_DATA(call1("union", {row({3, 1, 2}), row({5, 1}), str("stable")}), 3, 1,
              2, 5);
  EXPECT_DATA(call1("intersect", {row({5, 1, 3, 7}), row({7, 3, 5}),
                                  str("stable")}),
              5, 3, 7);
  EXPECT_DATA(call1("setxor", {row({1, 2, 3}), row({3, 4})}), 1, 2, 4);
  ValueRef un = call1("union", {row({1, NAN}), row({NAN, 2})});
  ASSERT_EQ(un->re.size(), 4u); // every NaN is distinct
  EXPECT_TRUE(std::isnan(un->re[2]) && std::isnan(un->re[3]));
  EXPECT_DATA(call1("intersect", {row({1, NAN}), row({NAN, 1})}), 1.0);
  EXPECT_EQ(call1("union", {row({1, 2}, ClassId::Int8), row({3, 4})})->cls,
            ClassId::Int8);
}

TEST(Numeric, SetFunctionsRowsAndText) {
  ValueRef r = call1("union", {mat(2, 2, {1, 2, 3, 4}), mat(2, 2, {3, 4, 0, 1}),
                               str("rows")});
  EXPECT_DIMS(r, 3, 2);
  EXPECT_DATA(r, 0, 1, 3, 1, 2, 4);
  EXPECT_DATA(call1("setdiff", {mat(3, 2, {1, 2, 3, 4, 1, 2}), row({3, 4}),
                                str("rows")}),
              1, 2);
  ValueRef a = makeCell(Dims{1, 2}), b = makeCell(Dims{1, 2});
  a->cells[0] = str("b");
  a->cells[1] = str("a");
  b->cells[0] = str("c");
  b->cells[1] = str("a");
  ValueRef c = call1("union", {a, b});
  ASSERT_EQ(c->cls, ClassId::Cell);
  EXPECT_DIMS(c, 1, 3);
  EXPECT_EQ(c->cells[0]->str(), "a");
  EXPECT_EQ(c->cells[2]->str(), "c");
  ValueRef d = call1("setdiff", {a, str("a")});
  EXPECT_DIMS(d, 1, 1);
  EXPECT_EQ(d->cells[0]->str(), "b");
  ValueRef t = call1("union", {str("abc"), str("bcd")});
  EXPECT_EQ(t->cls, ClassId::Char);
  EXPECT_EQ(t->str(), "abcd");
}

TEST(Numeric, NoCrashOnOddArguments) {
  // Every builtin of this file, called with odd argument combinations, either
  // returns or raises a MATLAB error.
  ValueRef cplxRow = row({1, 2});
  cplxRow->complex = true;
  cplxRow->im = {1, -1};
  ValueRef cell = makeCell(Dims{1, 2});
  cell->cells[0] = num(1);
  cell->cells[1] = str("a");
  ValueRef st = makeStruct(Dims{1, 1}, {"f"});
  std::vector<ValueRef> pool = {
      makeEmpty(),
      makeArray(ClassId::Double, Dims{0, 3}),
      num(2.5),
      num(-1),
      num(0),
      num(NAN),
      num(INFINITY),
      num(3e4),
      row({1, 2, 3}),
      col({1, 2, 3}),
      mat(2, 2, {4, 1, 2, 3}),
      mat(2, 3, {1, 2, 3, 4, 5, 6}),
      makeArray(ClassId::Double, Dims{2, 2, 2}),
      row({1, 2, 3}, ClassId::Int8),
      makeScalar(2, ClassId::Single),
      row({1, 0, 1}, ClassId::Logical),
      str("abc"),
      str("rows"),
      cplxRow,
      cell,
      st,
      makeNamedHandle("sum"),
  };
  const char *names[] = {
      "intmax",   "intmin",     "realmax",   "realmin",  "flintmax",
      "complex",  "nthroot",    "cat",       "horzcat",  "vertcat",
      "colon",    "rot90",      "logspace",  "trace",    "cross",
      "dot",      "factorial",  "nchoosek",  "primes",   "isprime",
      "gcd",      "lcm",        "conv",      "deconv",   "filter",
      "polyfit",  "polyval",    "roots",     "interp1",  "trapz",
      "cumtrapz", "mode",       "histc",     "histcounts", "accumarray",
      "union",    "intersect",  "setdiff",   "setxor"};
  size_t small = 9; // the first entries of the pool, for 3-argument calls
  int calls = 0;
  for (const char *name : names) {
    const BuiltinInfo *info = findBuiltin(name);
    ASSERT_NE(info, nullptr) << name;
    auto attempt = [&](const Args &args) {
      // accumarray('rows', ...) is a legitimate 114x111x119x115 array: too
      // slow for a unit test.
      if (!std::strcmp(name, "accumarray"))
        for (auto &a : args)
          if (a->cls == ClassId::Char)
            return;
      ++calls;
      for (int nout = 1; nout <= 3; nout += 2) {
        if (info->maxOut >= 0 && nout > std::max(info->maxOut, 1))
          continue;
        try {
          callBuiltin(name, nout, args);
        } catch (const MatlabError &) {
        }
      }
    };
    int lo = info->minIn, hi = info->maxIn < 0 ? 3 : std::min(info->maxIn, 3);
    for (int n = lo; n <= hi; ++n) {
      if (n == 0) {
        attempt({});
      } else if (n == 1) {
        for (auto &a : pool)
          attempt({a});
      } else if (n == 2) {
        for (auto &a : pool)
          for (auto &b : pool)
            attempt({a, b});
      } else {
        for (size_t i = 0; i < small; ++i)
          for (size_t j = 0; j < small; ++j)
            for (auto &c : pool)
              attempt({pool[i], pool[j], c});
      }
    }
  }
  EXPECT_GT(calls, 1000);
}
