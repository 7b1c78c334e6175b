//===- LinAlgTest.cpp - Unit tests for builtins/LinAlg.cpp ----------------===//
//
// Factorizations are checked by their defining identities and against
// MATLAB's (LAPACK's) values and sign conventions, with tolerances.
//
//===----------------------------------------------------------------------===//
#include "RuntimeTestUtil.h"

#include "runmat/rt/Builtins.h"
#include "runmat/rt/FunctionHandle.h"

#include <cmath>

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
    if (std::isinf(want[k]))
      EXPECT_EQ(v->re[k], want[k]) << "element " << k;
    else
      EXPECT_NEAR(v->re[k], want[k], tol * std::max(1.0, std::fabs(want[k])))
          << "element " << k;
  }
}

/// Max |a - b| over real matrices of equal size.
double maxDiff(const ValueRef &a, const ValueRef &b) {
  EXPECT_EQ(a->dims, b->dims);
  double d = 0;
  for (size_t k = 0; k < a->re.size() && k < b->re.size(); ++k)
    d = std::max(d, std::fabs(a->re[k] - b->re[k]));
  return d;
}

ValueRef mul(const ValueRef &a, const ValueRef &b) {
  return call1("mtimes", {a, b});
}
ValueRef tr(const ValueRef &a) { return call1("ctranspose", {a}); }
ValueRef eye(int64_t n) { return call1("eye", {num((double)n)}); }

} // namespace

TEST(LinAlg, Det) {
  EXPECT_NEAR(call1("det", {mat(2, 2, {4, 7, 2, 6})})->re[0], 10.0, 1e-14);
  EXPECT_NEAR(call1("det", {mat(2, 2, {1, 2, 3, 4})})->re[0], -2.0, 1e-15);
  EXPECT_NEAR(call1("det", {mat(3, 3, {2, 0, 0, 0, 3, 0, 0, 0, 4})})->re[0],
              24.0, 1e-14);
  EXPECT_DATA(call1("det", {makeEmpty()}), 1.0);
  EXPECT_DATA(call1("det", {mat(2, 2, {1, 2, 2, 4})}), 0.0);
  EXPECT_EQ(errorId([] { call1("det", {row({1, 2})}); }), "MATLAB:square");
  EXPECT_EQ(errorId([] { call1("det", {row({1}, ClassId::Int8)}); }),
            "MATLAB:invalidType");
  ValueRef z = mat(1, 1, {1});
  z->complex = true;
  z->im = {2};
  ValueRef dz = call1("det", {z});
  EXPECT_TRUE(dz->complex);
  EXPECT_EQ(dz->im[0], 2.0);
}

TEST(LinAlg, Inv) {
  expectNear(call1("inv", {mat(2, 2, {4, 7, 2, 6})}), {0.6, -0.2, -0.7, 0.4},
             1e-14);
  ValueRef A = mat(3, 3, {4, 3, 2, 2, 1, 3, 3, 2, 1});
  EXPECT_LT(maxDiff(mul(A, call1("inv", {A})), eye(3)), 1e-14);
  // Singular: a warning and Inf.
  ValueRef s = call1("inv", {mat(2, 2, {1, 2, 2, 4})});
  expectNear(s, {INFINITY, INFINITY, INFINITY, INFINITY});
  EXPECT_DIMS(call1("inv", {makeEmpty()}), 0, 0);
  EXPECT_EQ(call1("inv", {makeScalar(2, ClassId::Single)})->cls,
            ClassId::Single);
  EXPECT_EQ(errorId([] { call1("inv", {makeArray(ClassId::Double, Dims{2, 2, 2})}); }),
            "MATLAB:inputMustBe2D");
}

TEST(LinAlg, LuThreeOutputs) {
  ValueRef A = mat(3, 3, {4, 3, 2, 2, 1, 3, 3, 2, 1});
  Args f = call("lu", {A}, 3);
  expectNear(f[0], {1, 0.5, 0.75, 0, 1, 0.5, 0, 0, 1});
  expectNear(f[1], {4, 0, 0, 3, -0.5, 0, 2, 2, -1.5});
  EXPECT_DATA(f[2], 1, 0, 0, 0, 1, 0, 0, 0, 1);
  EXPECT_LT(maxDiff(mul(f[2], A), mul(f[0], f[1])), 1e-14);
  // Rectangular, with a row exchange.
  Args g = call("lu", {mat(2, 3, {1, 2, 3, 4, 5, 6})}, 3);
  expectNear(g[0], {1, 0.25, 0, 1});
  expectNear(g[1], {4, 0, 5, 0.75, 6, 1.5});
  EXPECT_DATA(g[2], 0, 1, 1, 0);
  Args v = call("lu", {A, str("vector")}, 3);
  EXPECT_DIMS(v[2], 1, 3);
  EXPECT_DATA(v[2], 1, 2, 3);
}

TEST(LinAlg, LuTwoOutputsAndPacked) {
  ValueRef A = mat(2, 2, {1, 2, 3, 4});
  Args f = call("lu", {A}, 2);
  // L is the row-permuted lower factor: L*U == A.
  expectNear(f[0], {1.0 / 3, 1, 1, 0});
  EXPECT_LT(maxDiff(mul(f[0], f[1]), A), 1e-15);
  ValueRef Y = call1("lu", {A});
  expectNear(Y, {3, 1.0 / 3, 4, 2.0 / 3});
}

TEST(LinAlg, QrFullEconomyAndPivoted) {
  ValueRef A = mat(3, 2, {1, 2, 3, 4, 5, 6});
  Args f = call("qr", {A}, 2);
  EXPECT_DIMS(f[0], 3, 3);
  EXPECT_DIMS(f[1], 3, 2);
  expectNear(f[1], {-5.916079783099616, 0, 0, -7.437357441610946,
                    0.828078671210825, 0},
             1e-12);
  EXPECT_LT(maxDiff(mul(f[0], f[1]), A), 1e-14);
  EXPECT_LT(maxDiff(mul(tr(f[0]), f[0]), eye(3)), 1e-14);
  Args e = call("qr", {A, num(0)}, 2);
  EXPECT_DIMS(e[0], 3, 2);
  EXPECT_DIMS(e[1], 2, 2);
  Args ec = call("qr", {A, str("econ")}, 2);
  EXPECT_DIMS(ec[0], 3, 2);
  Args p = call("qr", {A}, 3);
  EXPECT_DATA(p[2], 0, 1, 1, 0);
  EXPECT_LT(maxDiff(mul(A, p[2]), mul(p[0], p[1])), 1e-14);
  Args pv = call("qr", {A, num(0)}, 3);
  EXPECT_DATA(pv[2], 2, 1);
  ValueRef R = call1("qr", {A});
  EXPECT_DIMS(R, 3, 2);
  EXPECT_EQ(R->re[1], 0.0); // strictly upper triangular part only
}

TEST(LinAlg, Chol) {
  ValueRef A = mat(2, 2, {4, 2, 2, 3});
  expectNear(call1("chol", {A}), {2, 0, 1, std::sqrt(2.0)}, 1e-15);
  expectNear(call1("chol", {A, str("lower")}), {2, 1, 0, std::sqrt(2.0)},
             1e-15);
  EXPECT_EQ(errorId([] { call1("chol", {mat(2, 2, {1, 2, 2, 1})}); }),
            "MATLAB:posdef");
  Args rp = call("chol", {mat(2, 2, {1, 2, 2, 1})}, 2);
  EXPECT_DIMS(rp[0], 1, 1);
  EXPECT_DATA(rp[0], 1.0);
  EXPECT_DATA(rp[1], 2.0);
  Args ok = call("chol", {A}, 2);
  EXPECT_DATA(ok[1], 0.0);
  EXPECT_EQ(errorId([] { call1("chol", {row({1, 2})}); }), "MATLAB:square");
}

TEST(LinAlg, EigSymmetric) {
  ValueRef A = mat(2, 2, {2, 1, 1, 2});
  ValueRef e = call1("eig", {A});
  EXPECT_DIMS(e, 2, 1);
  expectNear(e, {1, 3}, 1e-15);
  Args vd = call("eig", {A}, 2);
  double h = std::sqrt(0.5);
  expectNear(vd[0], {-h, h, h, h}, 1e-15);
  expectNear(vd[1], {1, 0, 0, 3}, 1e-15);
  Args vv = call("eig", {A, str("vector")}, 2);
  EXPECT_DIMS(vv[1], 2, 1);
  EXPECT_EQ(errorId([] { call1("eig", {mat(2, 2, {1, NAN, 0, 1})}); }),
            "MATLAB:eig:matrixWithNaNInf");
}

TEST(LinAlg, EigGeneralRealAndComplex) {
  ValueRef A = mat(2, 2, {1, 2, 3, 4});
  expectNear(call1("eig", {A}), {-0.372281323269014, 5.372281323269014},
             1e-13);
  Args vd = call("eig", {A}, 2);
  expectNear(vd[0], {-0.824564840132449, 0.565767464968992, -0.415973557919284,
                     -0.909376709132124},
             1e-12);
  EXPECT_LT(maxDiff(mul(A, vd[0]), mul(vd[0], vd[1])), 1e-13);
  // A rotation has eigenvalues +-i and complex eigenvectors.
  ValueRef R = mat(2, 2, {0, 1, -1, 0});
  ValueRef e = call1("eig", {R});
  ASSERT_TRUE(e->complex);
  EXPECT_NEAR(e->im[0], 1.0, 1e-15);
  EXPECT_NEAR(e->im[1], -1.0, 1e-15);
  Args rv = call("eig", {R}, 2);
  ASSERT_TRUE(rv[0]->complex);
  EXPECT_NEAR(rv[0]->re[0], std::sqrt(0.5), 1e-15);
  EXPECT_NEAR(rv[0]->im[1], std::sqrt(0.5), 1e-15);
  EXPECT_EQ(call1("eig", {mat(2, 2, {2, 1, 1, 2})})->complex, false);
}

TEST(LinAlg, EigGeneralized) {
  expectNear(call1("eig", {mat(2, 2, {1, 2, 3, 4}), mat(2, 2, {2, 0, 0, 1})}),
             {-0.212214450449026, 4.712214450449024}, 1e-12);
  // Symmetric-definite pencil: ascending, by Cholesky.
  expectNear(call1("eig", {mat(2, 2, {2, 1, 1, 2}), mat(2, 2, {2, 0, 0, 1})}),
             {0.633974596215561, 2.366025403784439}, 1e-12);
  EXPECT_NE(errorId([] {
              call1("eig", {mat(2, 2, {1, 2, 3, 4}), eye(3)});
            }),
            "<none>");
}

TEST(LinAlg, Svd) {
  ValueRef A = mat(3, 2, {1, 2, 3, 4, 5, 6});
  ValueRef s = call1("svd", {A});
  EXPECT_DIMS(s, 2, 1);
  expectNear(s, {9.525518091565107, 0.514300580658644}, 1e-13);
  Args usv = call("svd", {A}, 3);
  EXPECT_DIMS(usv[0], 3, 3);
  EXPECT_DIMS(usv[1], 3, 2);
  EXPECT_DIMS(usv[2], 2, 2);
  EXPECT_LT(maxDiff(mul(mul(usv[0], usv[1]), tr(usv[2])), A), 1e-13);
  Args econ = call("svd", {A, str("econ")}, 3);
  EXPECT_DIMS(econ[0], 3, 2);
  EXPECT_DIMS(econ[1], 2, 2);
  Args z = call("svd", {mat(2, 3, {1, 2, 3, 4, 5, 6}), num(0)}, 3);
  EXPECT_DIMS(z[0], 2, 2);
  EXPECT_DIMS(z[1], 2, 3); // svd(A,0) only economizes when m > n
  EXPECT_DIMS(call1("svd", {makeEmpty()}), 0, 1);
  Args e = call("svd", {makeArray(ClassId::Double, Dims{0, 3})}, 3);
  EXPECT_DIMS(e[2], 3, 3);
  EXPECT_EQ(errorId([] { call1("svd", {mat(1, 2, {1, INFINITY})}); }),
            "MATLAB:svd:matrixWithNaNInf");
}

TEST(LinAlg, RankNullOrth) {
  ValueRef M4 = mat(4, 4, {16, 2, 3, 13, 5, 11, 10, 8, 9, 7, 6, 12, 4, 14, 15, 1});
  EXPECT_DATA(call1("rank", {M4}), 3.0);
  EXPECT_DATA(call1("rank", {mat(2, 2, {1, 2, 2, 4})}), 1.0);
  EXPECT_DATA(call1("rank", {makeEmpty()}), 0.0);
  EXPECT_DATA(call1("rank", {eye(3)}), 3.0);
  EXPECT_DATA(call1("rank", {mat(2, 2, {1, 0, 0, 1e-3}), num(0.01)}), 1.0);
  ValueRef N = call1("null", {mat(2, 2, {1, 1, 1, 1})});
  EXPECT_DIMS(N, 2, 1);
  expectNear(N, {-std::sqrt(0.5), std::sqrt(0.5)}, 1e-15);
  EXPECT_DIMS(call1("null", {eye(2)}), 2, 0);
  ValueRef Q = call1("orth", {mat(2, 2, {1, 1, 1, 1})});
  EXPECT_DIMS(Q, 2, 1);
  EXPECT_NEAR(std::fabs(Q->re[0]), std::sqrt(0.5), 1e-15);
}

TEST(LinAlg, Pinv) {
  expectNear(call1("pinv", {mat(3, 2, {1, 2, 3, 4, 5, 6})}),
             {-1.333333333333334, 1.083333333333334, -0.333333333333333,
              0.333333333333333, 0.666666666666667, -0.416666666666667},
             1e-12);
  expectNear(call1("pinv", {mat(2, 2, {1, 2, 2, 4})}), {0.04, 0.08, 0.08, 0.16},
             1e-14);
  EXPECT_DIMS(call1("pinv", {makeArray(ClassId::Double, Dims{0, 3})}), 3, 0);
}

TEST(LinAlg, Expm) {
  ValueRef I = call1("expm", {makeArray(ClassId::Double, Dims{2, 2})});
  EXPECT_DATA(I, 1, 0, 0, 1);
  expectNear(call1("expm", {mat(2, 2, {0, 1, -1, 0})}),
             {std::cos(1.0), -std::sin(1.0), std::sin(1.0), std::cos(1.0)},
             1e-14);
  expectNear(call1("expm", {mat(2, 2, {1, 2, 3, 4})}),
             {51.96895619870499, 112.1048468505048, 74.73656456700321,
              164.0738030492099},
             1e-13);
  expectNear(call1("expm", {mat(2, 2, {1, 0, 0, 2})}),
             {std::exp(1.0), 0, 0, std::exp(2.0)});
  // A large norm needs scaling and squaring: expm([10 10; 0 10]).
  expectNear(call1("expm", {mat(2, 2, {10, 10, 0, 10})}),
             {std::exp(10.0), 0, 10 * std::exp(10.0), std::exp(10.0)}, 1e-13);
  ValueRef n = call1("expm", {mat(2, 2, {1, NAN, 0, 1})});
  EXPECT_TRUE(std::isnan(n->re[0]));
}

TEST(LinAlg, Cond) {
  ValueRef A = mat(2, 2, {1, 2, 3, 4});
  EXPECT_NEAR(call1("cond", {A})->re[0], 14.93303437365927, 1e-12);
  EXPECT_NEAR(call1("cond", {A, num(1)})->re[0], 21.0, 1e-12);
  EXPECT_NEAR(call1("cond", {A, num(INFINITY)})->re[0], 21.0, 1e-12);
  EXPECT_NEAR(call1("cond", {A, str("fro")})->re[0], 15.0, 1e-12);
  EXPECT_DATA(call1("cond", {mat(2, 2, {1, 1, 1, 1})}), INFINITY);
  EXPECT_DATA(call1("cond", {makeEmpty()}), 0.0);
  EXPECT_EQ(errorId([] { call1("cond", {row({1, 2}), num(1)}); }),
            "MATLAB:cond:normMismatchSize");
}

TEST(LinAlg, ComplexAndSingleInputs) {
  // A Hermitian matrix: real eigenvalues.
  ValueRef H = mat(2, 2, {2, 0, 0, 2});
  H->complex = true;
  H->im = {0, 1, -1, 0}; // [2 -i; i 2]
  ValueRef e = call1("eig", {H});
  EXPECT_FALSE(e->complex);
  expectNear(e, {1, 3}, 1e-14);
  ValueRef Hi = call1("inv", {H});
  ASSERT_TRUE(Hi->complex);
  EXPECT_NEAR(Hi->re[0], 2.0 / 3, 1e-15);
  EXPECT_NEAR(Hi->im[2], 1.0 / 3, 1e-15);
  ValueRef s = call1("svd", {H});
  expectNear(s, {3, 1}, 1e-14);
  Args qr = call("qr", {H}, 2);
  EXPECT_TRUE(qr[0]->complex);
  ValueRef S = mat(2, 2, {2, 1, 1, 2});
  S->cls = ClassId::Single;
  EXPECT_EQ(call1("eig", {S})->cls, ClassId::Single);
  EXPECT_EQ(call1("det", {S})->cls, ClassId::Single);
  EXPECT_EQ(call("svd", {S}, 3)[0]->cls, ClassId::Single);
}

TEST(LinAlg, NoCrashOnOddArguments) {
  ValueRef cplxM = mat(2, 2, {1, 2, 3, 4});
  cplxM->complex = true;
  cplxM->im = {1, 0, 0, -1};
  ValueRef cell = makeCell(Dims{1, 1});
  std::vector<ValueRef> pool = {
      makeEmpty(),
      makeArray(ClassId::Double, Dims{0, 3}),
      num(2.5),
      num(0),
      num(NAN),
      num(INFINITY),
      row({1, 2, 3}),
      col({1, 2, 3}),
      mat(2, 2, {4, 1, 2, 3}),
      mat(2, 2, {1, 2, 2, 4}),
      mat(2, 2, {NAN, 1, 1, INFINITY}),
      mat(2, 3, {1, 2, 3, 4, 5, 6}),
      makeArray(ClassId::Double, Dims{2, 2, 2}),
      row({1, 2}, ClassId::Int8),
      makeScalar(2, ClassId::Single),
      row({1, 0}, ClassId::Logical),
      str("econ"),
      str("vector"),
      cplxM,
      cell,
      makeNamedHandle("sum"),
  };
  const char *names[] = {"det",  "inv",  "lu",   "qr",   "chol",
                         "eig",  "svd",  "rank", "null", "orth",
                         "pinv", "expm", "cond"};
  int calls = 0;
  for (const char *name : names) {
    const BuiltinInfo *info = findBuiltin(name);
    ASSERT_NE(info, nullptr) << name;
    auto attempt = [&](const Args &args) {
      for (int nout = 1; nout <= std::max(info->maxOut, 1); ++nout) {
        ++calls;
        try {
          callBuiltin(name, nout, args);
        } catch (const MatlabError &) {
        }
      }
    };
    for (auto &a : pool)
      attempt({a});
    if (info->maxIn >= 2)
      for (auto &a : pool)
        for (auto &b : pool)
          attempt({a, b});
  }
  EXPECT_GT(calls, 1000);
}
