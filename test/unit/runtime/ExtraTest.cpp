//===- ExtraTest.cpp - Unit tests for the builtins of Extra.cpp -----------===//
//
// Values checked against MATLAB's documented semantics (GNU Octave served as
// an oracle where it agrees with MATLAB).
//
//===----------------------------------------------------------------------===//
#include "RuntimeTestUtil.h"

#include "runmat/rt/Builtins.h"

#include <cmath>
#include <unistd.h>

using namespace rmtest;

namespace {

ValueRef str(const char *s) { return makeString(s); }

Args call(const char *name, Args args, int nargout = 1) {
  return callBuiltin(name, nargout, args);
}

ValueRef call1(const char *name, Args args) { return call(name, args)[0]; }

std::string errId(const char *name, Args args, int nargout = 1) {
  return errorId([&] { call(name, args, nargout); });
}

std::string text(const ValueRef &v) { return v->str(); }

ValueRef cellOf(std::initializer_list<ValueRef> xs) {
  ValueRef c = makeCell(Dims{1, (int64_t)xs.size()});
  size_t k = 0;
  for (const ValueRef &x : xs)
    c->cells[k++] = x;
  return c;
}

void expectNear(const ValueRef &v, std::initializer_list<double> want,
                double tol = 1e-12) {
  std::vector<double> w(want);
  ASSERT_EQ(v->re.size(), w.size());
  for (size_t k = 0; k < w.size(); ++k) {
    if (std::isnan(w[k]))
      EXPECT_TRUE(std::isnan(v->re[k])) << "element " << k;
    else if (std::isinf(w[k]))
      EXPECT_EQ(v->re[k], w[k]) << "element " << k;
    else
      EXPECT_NEAR(v->re[k], w[k], tol) << "element " << k;
  }
}

} // namespace

// ---- i, j, assert -----------------------------------------------------------

TEST(ExtraTest, ImaginaryUnit) {
  for (const char *n : {"i", "j"}) {
    ValueRef z = call1(n, {});
    EXPECT_EQ(z->cls, ClassId::Double);
    EXPECT_TRUE(z->complex);
    EXPECT_DIMS(z, 1, 1);
    EXPECT_DATA(z, 0);
    EXPECT_EQ(z->im, std::vector<double>{1});
  }
  EXPECT_EQ(errId("i", {num(1)}), "MATLAB:TooManyInputs");
}

TEST(ExtraTest, AssertPassesAndFails) {
  EXPECT_NO_THROW(call("assert", {makeBool(true)}, 0));
  EXPECT_NO_THROW(call("assert", {num(3)}, 0));
  EXPECT_EQ(errId("assert", {makeBool(false)}, 0), "MATLAB:assertion:failed");
  EXPECT_EQ(errorMessage([] { call("assert", {num(0)}, 0); }),
            "Assertion failed.");
  // Message as is, formatted message, identifier + formatted message.
  EXPECT_EQ(errorMessage([] { call("assert", {num(0), str("bad %d")}, 0); }),
            "bad %d");
  EXPECT_EQ(errorMessage([] {
              call("assert", {num(0), str("x is %d, not %s"), num(5),
                              str("ok")},
                   0);
            }),
            "x is 5, not ok");
  try {
    call("assert", {num(0), str("my:id"), str("v=%g"), num(2.5)}, 0);
    FAIL() << "no error";
  } catch (const MatlabError &e) {
    EXPECT_EQ(e.identifier, "my:id");
    EXPECT_EQ(e.message, "v=2.5");
    EXPECT_EQ(e.function, "assert");
  }
  EXPECT_EQ(errId("assert", {row({1, 1})}, 0),
            "MATLAB:assertion:LogicalScalar");
  EXPECT_EQ(errId("assert", {str("a")}, 0), "MATLAB:assertion:LogicalScalar");
  EXPECT_EQ(errId("assert", {num(NAN)}, 0), "MATLAB:nologicalnan");
}

// ---- arrays -------------------------------------------------------------------

TEST(ExtraTest, Blkdiag) {
  ValueRef r = call1("blkdiag", {row({1, 2}), num(3), col({4, 5})});
  EXPECT_DIMS(r, 4, 4);
  EXPECT_EQ(r->re, data(mat(4, 4, {1, 2, 0, 0, 0, 0, 3, 0, 0, 0, 0, 4, 0, 0,
                                   0, 5})));
  ValueRef e = call1("blkdiag", {});
  EXPECT_DIMS(e, 0, 0);
  ValueRef s = call1("blkdiag", {scalarOfClass(2, ClassId::Single), num(1)});
  EXPECT_EQ(s->cls, ClassId::Single);
  EXPECT_EQ(errId("blkdiag", {makeCell(Dims{1, 1})}),
            "MATLAB:UndefinedFunction");
}

TEST(ExtraTest, CummaxCummin) {
  ValueRef a = mat(3, 2, {3, 1, 2, 5, 4, 4});
  EXPECT_EQ(call1("cummax", {a})->re, data(mat(3, 2, {3, 1, 3, 5, 4, 5})));
  EXPECT_EQ(call1("cummin", {mat(2, 3, {3, 1, 2, 2, 5, 0}), num(2)})->re,
            data(mat(2, 3, {3, 1, 1, 2, 2, 0})));
  // NaN skipped by default; a leading NaN stays NaN.
  expectNear(call1("cummax", {row({NAN, 1, 3, NAN, 2})}),
             {NAN, 1, 3, 3, 3});
  expectNear(call1("cummin", {row({2, NAN, 1}), str("includenan")}),
             {2, NAN, NAN});
  EXPECT_DATA(call1("cummax", {row({1, 3, 2, 0}), str("reverse")}), 3, 3, 2,
              0);
  ValueRef i8 = call1("cummax", {row({1, 5, 2}, ClassId::Int8)});
  EXPECT_EQ(i8->cls, ClassId::Int8);
  EXPECT_DATA(i8, 1, 5, 5);
  EXPECT_EQ(errId("cummax", {str("abc")}), "MATLAB:UndefinedFunction");
  EXPECT_EQ(errId("cummax", {row({1, 2}), num(0)}),
            "MATLAB:getdimarg:dimensionMustBePositiveInteger");
}

TEST(ExtraTest, Repelem) {
  ValueRef r = call1("repelem", {row({1, 2}), num(2)});
  EXPECT_DIMS(r, 1, 4);
  EXPECT_DATA(r, 1, 1, 2, 2);
  ValueRef c = call1("repelem", {col({1, 2}), row({2, 3})});
  EXPECT_DIMS(c, 5, 1);
  EXPECT_DATA(c, 1, 1, 2, 2, 2);
  ValueRef s = call1("repelem", {num(5), num(3)});
  EXPECT_DIMS(s, 1, 3);
  ValueRef m = call1("repelem", {mat(2, 2, {1, 2, 3, 4}), num(2), row({1, 2})});
  EXPECT_DIMS(m, 4, 3);
  EXPECT_EQ(m->re, data(mat(4, 3, {1, 2, 2, 1, 2, 2, 3, 4, 4, 3, 4, 4})));
  ValueRef cc = call1("repelem", {cellOf({num(7), str("a")}), num(2)});
  EXPECT_EQ(cc->cls, ClassId::Cell);
  EXPECT_DIMS(cc, 1, 4);
  EXPECT_EQ(text(cc->cells[3]), "a");
  ValueRef z = call1("repelem", {row({1, 2}), row({0, 1})});
  EXPECT_DATA(z, 2);
  EXPECT_EQ(errId("repelem", {mat(2, 2, {1, 2, 3, 4}), num(2)}),
            "MATLAB:repelem:invalidInputForm");
  EXPECT_EQ(errId("repelem", {row({1, 2}), row({1, 2, 3})}),
            "MATLAB:repelem:mismatchedReplications");
  EXPECT_EQ(errId("repelem", {row({1, 2}), num(-1)}),
            "MATLAB:repelem:invalidReplications");
}

TEST(ExtraTest, Shiftdim) {
  ValueRef a = makeArray(ClassId::Double, Dims{1, 1, 3});
  Args out = call("shiftdim", {a}, 2);
  EXPECT_DIMS(out[0], 3, 1);
  EXPECT_DATA(out[1], 2);
  ValueRef b = call1("shiftdim", {makeArray(ClassId::Double, Dims{2, 3, 4}),
                                  num(1)});
  EXPECT_DIMS(b, 3, 4, 2);
  ValueRef t = call1("shiftdim", {mat(2, 3, {1, 2, 3, 4, 5, 6}), num(1)});
  EXPECT_DIMS(t, 3, 2);
  EXPECT_EQ(t->re, data(mat(3, 2, {1, 4, 2, 5, 3, 6})));
  ValueRef c = call1("shiftdim", {row({1, 2, 3}), num(-1)});
  EXPECT_DIMS(c, 1, 1, 3);
  ValueRef s = call1("shiftdim", {num(4)});
  EXPECT_DIMS(s, 1, 1);
  EXPECT_EQ(errId("shiftdim", {num(1), num(1.5)}),
            "MATLAB:shiftdim:InvalidShift");
}

TEST(ExtraTest, Toeplitz) {
  ValueRef t = call1("toeplitz", {row({1, 2, 3})});
  EXPECT_EQ(t->re, data(mat(3, 3, {1, 2, 3, 2, 1, 2, 3, 2, 1})));
  ValueRef t2 = call1("toeplitz", {row({1, 2, 3}), row({1, 5, 6, 7})});
  EXPECT_DIMS(t2, 3, 4);
  EXPECT_EQ(t2->re,
            data(mat(3, 4, {1, 5, 6, 7, 2, 1, 5, 6, 3, 2, 1, 5})));
  // A diagonal conflict warns (MATLAB:toeplitz:DiagonalConflict); the
  // column wins.
  call("warning", {str("off"), str("all")}, 0);
  ValueRef t3 = call1("toeplitz", {row({1, 2}), row({9, 3})});
  call("warning", {str("on"), str("all")}, 0);
  EXPECT_EQ(t3->re, data(mat(2, 2, {1, 3, 2, 1})));
  call("lastwarn", {str("")}, 0);
  ValueRef t4 = call1("toeplitz", {row({1, 2}), row({9, 3})}); // warns
  EXPECT_EQ(t4->re, t3->re);
  Args lw = call("lastwarn", {}, 2);
  EXPECT_EQ(text(lw[1]), "MATLAB:toeplitz:DiagonalConflict");
  EXPECT_NE(text(lw[0]).find("Column wins diagonal conflict."),
            std::string::npos);
  // Complex: the column is conj of the row, the diagonal keeps c(1).
  ValueRef z = row({1, 2});
  z->complex = true;
  z->im = {0, 1};
  ValueRef h = call1("toeplitz", {z});
  EXPECT_EQ(h->re, (std::vector<double>{1, 2, 2, 1}));
  EXPECT_EQ(h->im, (std::vector<double>{0, -1, 1, 0}));
  EXPECT_EQ(errId("toeplitz", {makeCell(Dims{1, 1})}),
            "MATLAB:UndefinedFunction");
}

TEST(ExtraTest, Mat2cell) {
  std::vector<double> v;
  for (int k = 1; k <= 12; ++k)
    v.push_back(k);
  ValueRef a = makeMatrix(3, 4, v);
  ValueRef c = call1("mat2cell", {a, row({1, 2}), row({3, 1})});
  EXPECT_EQ(c->cls, ClassId::Cell);
  EXPECT_DIMS(c, 2, 2);
  EXPECT_DIMS(c->cells[1], 2, 3);
  EXPECT_DATA(c->cells[1], 2, 3, 5, 6, 8, 9);
  EXPECT_DIMS(c->cells[2], 1, 1);
  EXPECT_DATA(c->cells[2], 10);
  ValueRef rOnly = call1("mat2cell", {a, row({2, 1})});
  EXPECT_DIMS(rOnly, 2, 1);
  EXPECT_DIMS(rOnly->cells[0], 2, 4);
  EXPECT_EQ(errId("mat2cell", {a, row({1, 1}), row({4})}),
            "MATLAB:mat2cell:DimensionsMismatch");
}

TEST(ExtraTest, FullIssparseCastIsstr) {
  ValueRef a = row({1, 2});
  EXPECT_EQ(call1("full", {a})->re, a->re);
  EXPECT_DATA(call1("issparse", {a}), 0);
  EXPECT_EQ(call1("issparse", {a})->cls, ClassId::Logical);
  ValueRef c = call1("cast", {row({1.6, -300}), str("int8")});
  EXPECT_EQ(c->cls, ClassId::Int8);
  EXPECT_DATA(c, 2, -128);
  ValueRef l = call1("cast", {row({0, 2}), str("logical")});
  EXPECT_EQ(l->cls, ClassId::Logical);
  ValueRef like = call1("cast", {num(3), str("like"),
                                 scalarOfClass(1, ClassId::UInt16)});
  EXPECT_EQ(like->cls, ClassId::UInt16);
  EXPECT_EQ(errId("cast", {num(1), str("foo")}), "MATLAB:cast:UnsupportedClass");
  EXPECT_DATA(call1("isstr", {str("ab")}), 1);
  EXPECT_DATA(call1("isstr", {num(1)}), 0);
  EXPECT_EQ(errId("full", {makeCell(Dims{1, 1})}), "MATLAB:UndefinedFunction");
}

// ---- numeric -------------------------------------------------------------------

TEST(ExtraTest, Nextpow2) {
  expectNear(call1("nextpow2", {row({0, 1, 2, 3, 1000, NAN, INFINITY, -5,
                                     0.3})}),
             {0, 0, 1, 2, 10, NAN, INFINITY, 3, -1});
  ValueRef i = call1("nextpow2", {row({5, 16}, ClassId::Int32)});
  EXPECT_EQ(i->cls, ClassId::Int32);
  EXPECT_DATA(i, 3, 4);
}

TEST(ExtraTest, Pow2) {
  EXPECT_DATA(call1("pow2", {row({0, 3, -1})}), 1, 8, 0.5);
  EXPECT_DATA(call1("pow2", {row({1, 2}), row({3, -1})}), 8, 1);
  EXPECT_DATA(call1("pow2", {num(3), row({1, 2})}), 6, 12);
  EXPECT_EQ(errId("pow2", {scalarOfClass(2, ClassId::Int8)}),
            "MATLAB:UndefinedFunction");
}

TEST(ExtraTest, Sinc) {
  ValueRef s = call1("sinc", {row({0, 0.5, 1, -1.5})});
  expectNear(s, {1, 2 / M_PI, 0, -2 / (3 * M_PI)}, 1e-15);
  EXPECT_EQ(call1("sinc", {scalarOfClass(0, ClassId::Single)})->cls,
            ClassId::Single);
}

TEST(ExtraTest, Gradient) {
  EXPECT_DATA(call1("gradient", {row({1, 4, 9, 16, 25})}), 3, 4, 6, 8, 9);
  EXPECT_DATA(call1("gradient", {row({1, 4, 9, 16, 25}), num(2)}), 1.5, 2, 3,
              4, 4.5);
  expectNear(call1("gradient", {col({1, 4, 9, 16}), row({0, 1, 3, 4})}),
             {3, 8.0 / 3, 4, 7});
  Args g = call("gradient", {mat(2, 3, {1, 2, 4, 3, 7, 12})}, 2);
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0]->re, data(mat(2, 3, {1, 1.5, 2, 4, 4.5, 5})));
  EXPECT_EQ(g[1]->re, data(mat(2, 3, {2, 5, 8, 2, 5, 8})));
  EXPECT_DATA(call1("gradient", {num(5)}), 0);
  EXPECT_EQ(errId("gradient", {row({1, 2, 3})}, 2), "MATLAB:TooManyOutputs");
  EXPECT_EQ(errId("gradient", {row({1, 2, 3}), row({1, 2})}),
            "MATLAB:gradient:InvalidGridSpacing");
}

// ---- statistics -------------------------------------------------------------------

TEST(ExtraTest, Cov) {
  expectNear(call1("cov", {row({1, 2, 3, 4})}), {5.0 / 3});
  expectNear(call1("cov", {row({1, 2, 3, 4}), num(1)}), {1.25});
  ValueRef m = call1("cov", {mat(3, 2, {1, 2, 3, 5, 4, 4})});
  EXPECT_DIMS(m, 2, 2);
  expectNear(m, {7.0 / 3, 11.0 / 6, 11.0 / 6, 7.0 / 3});
  expectNear(call1("cov", {mat(3, 2, {1, 2, 3, 5, 4, 4}), num(1)}),
             {14.0 / 9, 11.0 / 9, 11.0 / 9, 14.0 / 9});
  // Two variables: the 2x2 covariance matrix.
  ValueRef xy = call1("cov", {row({1, 2, 3, 4}), row({2, 4, 6, 9})});
  EXPECT_DIMS(xy, 2, 2);
  expectNear(xy, {5.0 / 3, 23.0 / 6, 23.0 / 6, 107.0 / 12});
  EXPECT_DATA(call1("cov", {num(7)}), 0);
  expectNear(call1("cov", {makeEmpty()}), {NAN});
  expectNear(call1("cov", {col({1, NAN, 3}), str("omitrows")}), {2});
  EXPECT_EQ(errId("cov", {row({1, 2}), row({1, 2, 3})}),
            "MATLAB:cov:XYlengthMismatch");
}

TEST(ExtraTest, Corrcoef) {
  ValueRef r = call1("corrcoef", {row({1, 2, 3, 4}), row({2, 4, 6, 9})});
  EXPECT_DIMS(r, 2, 2);
  EXPECT_EQ(r->re[0], 1.0);
  EXPECT_EQ(r->re[3], 1.0);
  EXPECT_NEAR(r->re[1], 0.994377, 1e-6);
  EXPECT_EQ(r->re[1], r->re[2]);
  ValueRef m = call1("corrcoef", {mat(3, 2, {1, 2, 3, 5, 4, 4})});
  EXPECT_NEAR(m->re[1], 11.0 / 14, 1e-12);
  ValueRef neg = call1("corrcoef", {row({1, 2, 3}), row({3, 2, 1})});
  EXPECT_DOUBLE_EQ(neg->re[1], -1.0);
  ValueRef c = call1("corrcoef", {mat(3, 2, {1, 5, 2, 5, 3, 5})});
  EXPECT_TRUE(std::isnan(c->re[1]));
  EXPECT_TRUE(std::isnan(c->re[3]));
}

TEST(ExtraTest, Prctile) {
  EXPECT_DATA(call1("prctile", {row({1, 2, 3, 4, 5}),
                                row({0, 25, 50, 75, 100})}),
              1, 1.75, 3, 4.25, 5);
  expectNear(call1("prctile", {row({1, 2, 3, 4}), num(30)}), {1.7});
  // A vector gives the shape of p; a matrix works along columns.
  EXPECT_DIMS(call1("prctile", {col({1, 2, 3, 4}), row({10, 50})}), 1, 2);
  EXPECT_DIMS(call1("prctile", {row({1, 2, 3, 4}), col({10, 50})}), 2, 1);
  ValueRef m = call1("prctile", {mat(4, 2, {1, 2, 3, 4, 5, 6, 7, 8}), num(50)});
  EXPECT_DIMS(m, 1, 2);
  EXPECT_DATA(m, 4, 5);
  ValueRef d2 = call1("prctile", {mat(2, 3, {1, 2, 3, 4, 5, 6}), num(50),
                                  num(2)});
  EXPECT_DIMS(d2, 2, 1);
  EXPECT_DATA(d2, 2, 5);
  EXPECT_DATA(call1("prctile", {row({1, 2, NAN, 4, 10}), row({10, 90})}), 1,
              10);
  EXPECT_EQ(errId("prctile", {row({1, 2}), num(101)}),
            "stats:prctile:BadPercents");
}

TEST(ExtraTest, NanReductions) {
  EXPECT_DATA(call1("nanmean", {row({1, NAN, 3})}), 2);
  EXPECT_DATA(call1("nansum", {mat(2, 2, {1, NAN, 3, 4})}), 4, 4);
  EXPECT_DATA(call1("nansum", {mat(2, 2, {1, NAN, 3, 4}), num(2)}), 1, 7);
  Args mx = call("nanmax", {row({1, NAN, 7, 2})}, 2);
  EXPECT_DATA(mx[0], 7);
  EXPECT_DATA(mx[1], 3);
  EXPECT_DATA(call1("nanmin", {row({NAN, 4, 2})}), 2);
  EXPECT_DATA(call1("nanmin", {row({NAN, 4}), row({1, NAN})}), 1, 4);
  expectNear(call1("nanmean", {row({NAN, NAN})}), {NAN});
}

// ---- text -----------------------------------------------------------------------

TEST(ExtraTest, Strvcat) {
  ValueRef s = call1("strvcat", {str("abc"), str(""), str("de")});
  EXPECT_EQ(s->cls, ClassId::Char);
  EXPECT_DIMS(s, 2, 3);
  EXPECT_EQ(s->re, (std::vector<double>{'a', 'd', 'b', 'e', 'c', ' '}));
  ValueRef c = call1("strvcat", {cellOf({str("x"), str(""), str("yz")}),
                                 row({65, 66})});
  EXPECT_DIMS(c, 3, 2);
  EXPECT_EQ(c->re, (std::vector<double>{'x', 'y', 'A', ' ', 'z', 'B'}));
  EXPECT_DIMS(call1("strvcat", {str("")}), 0, 0);
}

TEST(ExtraTest, Findstr) {
  EXPECT_DATA(call1("findstr", {str("abababa"), str("aba")}), 1, 3, 5);
  EXPECT_DATA(call1("findstr", {str("aba"), str("abababa")}), 1, 3, 5);
  EXPECT_TRUE(call1("findstr", {str("abc"), str("z")})->isEmpty());
  EXPECT_TRUE(call1("findstr", {str("abc"), str("")})->isEmpty());
  EXPECT_EQ(errId("findstr", {num(1), str("a")}),
            "MATLAB:findstr:InvalidInput");
}

TEST(ExtraTest, Strmatch) {
  ValueRef list = cellOf({str("apple"), str("ap"), str("bap")});
  ValueRef r = call1("strmatch", {str("ap"), list});
  EXPECT_DIMS(r, 2, 1);
  EXPECT_DATA(r, 1, 2);
  EXPECT_DATA(call1("strmatch", {str("ap"), list, str("exact")}), 2);
  ValueRef cm = call1("strvcat", {str("a"), str("ab"), str("ba")});
  EXPECT_DATA(call1("strmatch", {str("a"), cm, str("exact")}), 1);
  EXPECT_DATA(call1("strmatch", {str("a "), cm, str("exact")}), 1);
  EXPECT_TRUE(call1("strmatch", {str("z"), list})->isEmpty());
  EXPECT_EQ(errId("strmatch", {str("a"), list, str("exakt")}),
            "MATLAB:strmatch:InvalidFlag");
}

TEST(ExtraTest, Sscanf) {
  ValueRef a = call1("sscanf", {str("3 4 5"), str("%d")});
  EXPECT_DIMS(a, 3, 1);
  EXPECT_DATA(a, 3, 4, 5);
  EXPECT_DATA(call1("sscanf", {str("1.5,2.5,3"), str("%f,")}), 1.5, 2.5, 3);
  EXPECT_DATA(call1("sscanf", {str("x=3.5e2 y=-inf"), str("x=%f y=%f")}), 350,
              -INFINITY);
  ValueRef w = call1("sscanf", {str("hello world"), str("%s")});
  EXPECT_EQ(w->cls, ClassId::Char);
  EXPECT_EQ(text(w), "helloworld");
  Args mixed = call("sscanf", {str("10 abc"), str("%d %s")}, 2);
  EXPECT_DATA(mixed[0], 10, 97, 98, 99);
  EXPECT_DATA(mixed[1], 2);
  EXPECT_DATA(call1("sscanf", {str("3.5"), str("%d")}), 3);
  EXPECT_DATA(call1("sscanf", {str("12abc"), str("%2d%s")}), 12, 97, 98, 99);
  EXPECT_DATA(call1("sscanf", {str("0x1F 017"), str("%i %i")}), 31, 15);
  EXPECT_DATA(call1("sscanf", {str("ff"), str("%x")}), 255);
  EXPECT_DATA(call1("sscanf", {str("1 2 3 4 5"), str("%d"), num(3)}), 1, 2,
              3);
  ValueRef sz = call1("sscanf", {str("1 2 3 4 5"), str("%d"),
                                 row({2, INFINITY})});
  EXPECT_DIMS(sz, 2, 3);
  EXPECT_DATA(sz, 1, 2, 3, 4, 5, 0);
  EXPECT_DATA(call1("sscanf", {str("1 2 skip 3"), str("%d %d %*s %d")}), 1, 2,
              3);
  EXPECT_DIMS(call1("sscanf", {str("abc"), str("%d")}), 0, 0);
  EXPECT_DIMS(call1("sscanf", {str(""), str("%d")}), 0, 0);
  EXPECT_EQ(errId("sscanf", {str("1"), str("%q")}),
            "MATLAB:sscanf:InvalidFormat");
  EXPECT_EQ(errId("sscanf", {str("1"), num(1)}), "MATLAB:sscanf:invalidFormat");
}

TEST(ExtraTest, Lasterr) {
  Args out = call("lasterr", {}, 2);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0]->cls, ClassId::Char);
  EXPECT_EQ(out[1]->cls, ClassId::Char);
}

// ---- time and environment ---------------------------------------------------------

TEST(ExtraTest, TimeFunctions) {
  ValueRef c = call1("clock", {});
  EXPECT_DIMS(c, 1, 6);
  EXPECT_GE(c->re[0], 2024);
  EXPECT_GE(c->re[1], 1);
  EXPECT_LE(c->re[1], 12);
  EXPECT_LT(c->re[5], 61);
  ValueRef n = call1("now", {});
  EXPECT_GT(n->re[0], 739252); // 2024-01-01
  // now and clock agree on the day number (datenum of the date vector).
  EXPECT_GE(call1("cputime", {})->re[0], 0);
}

TEST(ExtraTest, Environment) {
  EXPECT_EQ(text(call1("version", {})), "0.1.0 (RunMat)");
  Args comp = call("computer", {}, 3);
  EXPECT_EQ(text(comp[0]), "GLNXA64");
  EXPECT_DATA(comp[1], 281474976710655.0);
  EXPECT_EQ(text(comp[2]), "L");
  EXPECT_EQ(text(call1("computer", {str("arch")})), "glnxa64");
  EXPECT_DATA(call1("ispc", {}), 0);
  EXPECT_DATA(call1("isunix", {}), 1);
  EXPECT_DATA(call1("ismac", {}), 0);
  EXPECT_EQ(call1("isunix", {})->cls, ClassId::Logical);
  EXPECT_EQ(text(call1("filesep", {})), "/");
  EXPECT_EQ(text(call1("pathsep", {})), ":");
  char buf[4096];
  ASSERT_NE(getcwd(buf, sizeof buf), nullptr);
  EXPECT_EQ(text(call1("pwd", {})), std::string(buf));
}

TEST(ExtraTest, Fullfile) {
  EXPECT_EQ(text(call1("fullfile", {str("a"), str("b"), str("c.m")})),
            "a/b/c.m");
  EXPECT_EQ(text(call1("fullfile", {str("a/"), str("/b"), str("c.m")})),
            "a/b/c.m");
  EXPECT_EQ(text(call1("fullfile", {str("a//b"), str("c")})), "a/b/c");
  EXPECT_EQ(text(call1("fullfile", {str(""), str("b")})), "b");
  EXPECT_EQ(text(call1("fullfile", {str("/"), str("x")})), "/x");
  ValueRef c = call1("fullfile", {str("d"), cellOf({str("x"), str("y")})});
  EXPECT_EQ(c->cls, ClassId::Cell);
  EXPECT_EQ(text(c->cells[1]), "d/y");
  EXPECT_EQ(errId("fullfile", {num(1)}), "MATLAB:fullfile:InvalidInput");
}

TEST(ExtraTest, Fileparts) {
  Args p = call("fileparts", {str("/home/u/file.tar.gz")}, 3);
  EXPECT_EQ(text(p[0]), "/home/u");
  EXPECT_EQ(text(p[1]), "file.tar");
  EXPECT_EQ(text(p[2]), ".gz");
  p = call("fileparts", {str("/file.m")}, 3);
  EXPECT_EQ(text(p[0]), "/");
  EXPECT_EQ(text(p[1]), "file");
  p = call("fileparts", {str("noext")}, 3);
  EXPECT_TRUE(p[0]->isEmpty());
  EXPECT_EQ(text(p[1]), "noext");
  EXPECT_TRUE(p[2]->isEmpty());
  p = call("fileparts", {str("dir.d/name")}, 3);
  EXPECT_EQ(text(p[0]), "dir.d");
  EXPECT_EQ(text(p[1]), "name");
  EXPECT_TRUE(p[2]->isEmpty());
  EXPECT_EQ(errId("fileparts", {num(1)}), "MATLAB:fileparts:MustBeChar");
}

// ---- robustness -------------------------------------------------------------------

TEST(ExtraTest, OddInputsGiveValuesOrMatlabErrors) {
  // Empty, N-D, cell, char and complex inputs: a value or a MatlabError,
  // never a crash or another exception.
  ValueRef nd = makeArray(ClassId::Double, Dims{2, 0, 3});
  ValueRef z = row({1, 2});
  z->complex = true;
  z->im = {1, -1};
  std::vector<ValueRef> inputs = {makeEmpty(),
                                  makeArray(ClassId::Double, Dims{1, 0}),
                                  makeArray(ClassId::Double, Dims{0, 3}),
                                  nd,
                                  makeCell(Dims{1, 2}),
                                  str("ab"),
                                  z,
                                  row({NAN, INFINITY, -INFINITY})};
  const char *unary[] = {"blkdiag",  "cummax",   "cummin",  "shiftdim",
                         "toeplitz", "full",     "issparse", "nextpow2",
                         "pow2",     "sinc",     "gradient", "cov",
                         "corrcoef", "nanmean",  "nansum",   "nanmax",
                         "nanmin",   "isstr",    "strvcat",  "fileparts",
                         "fullfile"};
  for (const char *fn : unary)
    for (const ValueRef &in : inputs) {
      try {
        call(fn, {in});
      } catch (const MatlabError &) {
      }
    }
  call("warning", {str("off"), str("all")}, 0); // toeplitz conflicts
  const char *binary[] = {"repelem", "toeplitz", "pow2",    "cov",
                          "corrcoef", "prctile", "mat2cell", "cast",
                          "findstr",  "strmatch", "sscanf",  "shiftdim",
                          "gradient", "cummax"};
  std::vector<ValueRef> seconds = {num(0), num(2), makeEmpty(), str("%d"),
                                   row({1, 1}), makeCell(Dims{1, 1})};
  for (const char *fn : binary)
    for (const ValueRef &a : inputs)
      for (const ValueRef &b : seconds) {
        try {
          call(fn, {a, b});
        } catch (const MatlabError &) {
        }
      }
  call("warning", {str("on"), str("all")}, 0);
  SUCCEED();
}

// ---- table ------------------------------------------------------------------------

TEST(ExtraTest, AllRegistered) {
  for (const char *n :
       {"i",        "j",        "assert",   "blkdiag",  "cummax",   "cummin",
        "repelem",  "shiftdim", "toeplitz", "mat2cell", "full",     "issparse",
        "cast",     "nextpow2", "pow2",     "sinc",     "gradient", "cov",
        "corrcoef", "prctile",  "nanmean",  "nansum",   "nanmax",   "nanmin",
        "isstr",    "strvcat",  "findstr",  "strmatch", "sscanf",   "lasterr",
        "clock",    "cputime",  "now",      "version",  "computer", "ispc",
        "isunix",   "ismac",    "filesep",  "pathsep",  "fullfile", "fileparts",
        "pwd"})
    EXPECT_NE(findBuiltin(n), nullptr) << n;
}
