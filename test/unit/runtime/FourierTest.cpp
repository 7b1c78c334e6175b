//===- FourierTest.cpp - Unit tests for builtins/Fourier.cpp ---------------===//
//
// fft/ifft against a direct O(n^2) DFT, along each dimension of an N-D
// array, at lengths that are not powers of two.
//
//===----------------------------------------------------------------------===//
#include "RuntimeTestUtil.h"

#include "runmat/rt/Builtins.h"

#include <cmath>
#include <complex>

using namespace rmtest;

namespace {

ValueRef testArray(const Dims &d) {
  ValueRef v = makeArray(ClassId::Double, d);
  for (size_t k = 0; k < v->re.size(); ++k)
    v->re[k] = std::fmod(7919.0 * (double)k + 13, 101) / 101 - 0.5;
  return v;
}

} // namespace

TEST(Fourier, MatchesDirectDftAlongEachDimension) {
  Dims d{5, 6, 7};
  ValueRef x = testArray(d);
  for (int64_t dim = 0; dim < 3; ++dim) {
    ValueRef X = callBuiltin("fft", 1, {x, makeEmpty(), makeDouble((double)dim + 1)})[0];
    ASSERT_TRUE(X->complex);
    ASSERT_EQ(X->dims, d);
    int64_t before = 1, len = d[(size_t)dim], after = 1;
    for (int64_t i = 0; i < dim; ++i)
      before *= d[(size_t)i];
    for (int64_t i = dim + 1; i < 3; ++i)
      after *= d[(size_t)i];
    for (int64_t a = 0; a < after; ++a)
      for (int64_t b = 0; b < before; ++b)
        for (int64_t k = 0; k < len; ++k) {
          std::complex<double> acc = 0;
          for (int64_t j = 0; j < len; ++j)
            acc += x->re[(size_t)((a * len + j) * before + b)] *
                   std::polar(1.0, -2 * M_PI * (double)(j * k) / (double)len);
          size_t at = (size_t)((a * len + k) * before + b);
          EXPECT_NEAR(X->re[at], acc.real(), 1e-12);
          EXPECT_NEAR(X->im[at], acc.imag(), 1e-12);
        }
    ValueRef y = callBuiltin("ifft", 1, {X, makeEmpty(), makeDouble((double)dim + 1)})[0];
    EXPECT_FALSE(y->complex); // the transform of real data is conjugate symmetric
    for (size_t k = 0; k < y->re.size(); ++k)
      EXPECT_NEAR(y->re[k], x->re[k], 1e-14);
  }
}

TEST(Fourier, PadsAndTruncates) {
  ValueRef x = testArray({1, 6});
  ValueRef p = callBuiltin("fft", 1, {x, makeDouble(9)})[0];
  EXPECT_EQ(p->dims, (Dims{1, 9}));
  ValueRef t = callBuiltin("fft", 1, {x, makeDouble(4)})[0];
  EXPECT_EQ(t->dims, (Dims{1, 4}));
  double s = 0;
  for (int k = 0; k < 4; ++k)
    s += x->re[(size_t)k];
  EXPECT_NEAR(t->re[0], s, 1e-14);
  EXPECT_EQ(errorId([&] { callBuiltin("fft", 1, {x, makeDouble(1.5)}); }),
            "MATLAB:fft:lengthNotNonNegInt");
}
