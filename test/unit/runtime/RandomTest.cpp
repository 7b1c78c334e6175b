//===- RandomTest.cpp - Unit tests for the random number generators -------===//
//
// MATLAB's twister stream (rand, randn, randi, randperm against published
// MATLAB output), the LCG's jump-ahead and element-k formulas against the
// sequential stream, rng settings save/restore, and the builtins' sizes,
// classes, ranges and errors.
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/Builtins.h"
#include "runmat/rt/Error.h"
#include "runmat/rt/Random.h"
#include "runmat/rt/Value.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <set>
#include <string>

using namespace runmat::rt;

namespace {

ValueRef num(double x) { return makeDouble(x); }
ValueRef str(const char *s) { return makeString(s); }
ValueRef row(std::initializer_list<double> v) {
  return makeRowVector(std::vector<double>(v));
}

ValueRef call1(const char *name, Args args) {
  Args r = callBuiltin(name, 1, args);
  return r.at(0);
}

void rngDo(Args args) { callBuiltin("rng", 0, args); }

std::string errorId(const std::function<void()> &f) {
  try {
    f();
  } catch (const MatlabError &e) {
    return e.identifier;
  }
  return "<none>";
}

const Value &field(const ValueRef &s, const char *name) {
  int64_t f = fieldIndex(*s, name);
  EXPECT_GE(f, 0) << name;
  return *s->cells[(size_t)f];
}

std::string fmt15(double x) {
  char b[64];
  std::snprintf(b, sizeof b, "%.15f", x);
  return b;
}

} // namespace

// Runs first in this file: no rng call before it, so the generator is the
// one the program starts with, which must be rng('default').
TEST(Random, StartsAsRngDefault) {
  ValueRef r = call1("rand", {});
  EXPECT_EQ(r->re[0], 0.8147236863931789);
  globalRng(); // and the state object is the shared one
}

TEST(Random, TwisterDefaultMatchesMatlab) {
  rngDo({str("default")});
  ValueRef r = call1("rand", {num(1), num(3)});
  ASSERT_EQ(r->dims, (Dims{1, 3}));
  // MATLAB: rng default; rand(1,3), to full precision.
  EXPECT_EQ(r->re[0], 0.81472368639317894);
  EXPECT_EQ(r->re[1], 0.90579193707561922);
  EXPECT_EQ(r->re[2], 0.12698681629350606);
  EXPECT_EQ(fmt15(r->re[0]), "0.814723686393179");
  EXPECT_EQ(fmt15(r->re[1]), "0.905791937075619");
  EXPECT_EQ(fmt15(r->re[2]), "0.126986816293506");
}

TEST(Random, TwisterSeed42MatchesMatlab) {
  rngDo({num(42), str("twister")});
  ValueRef r = call1("rand", {});
  EXPECT_EQ(r->re[0], 0.37454011884736249);
  EXPECT_EQ(fmt15(r->re[0]), "0.374540118847362");
  // Seed 0 means 5489, as in MATLAB.
  rngDo({num(5489), str("twister")});
  double a = call1("rand", {})->re[0];
  rngDo({num(0), str("twister")});
  EXPECT_EQ(call1("rand", {})->re[0], a);
}

TEST(Random, TwisterRandMatrixIsColumnMajorStream) {
  rngDo({str("default")});
  ValueRef r = call1("rand", {num(5)});
  // MATLAB's documented rng default; rand(5) (4 decimals).
  const double want[25] = {0.8147, 0.9058, 0.1270, 0.9134, 0.6324,
                           0.0975, 0.2785, 0.5469, 0.9575, 0.9649,
                           0.1576, 0.9706, 0.9572, 0.4854, 0.8003,
                           0.1419, 0.4218, 0.9157, 0.7922, 0.9595,
                           0.6557, 0.0357, 0.8491, 0.9340, 0.6787};
  for (int k = 0; k < 25; ++k)
    EXPECT_NEAR(r->re[(size_t)k], want[k], 5e-5) << k;
}

TEST(Random, TwisterRandnIsMatlabZiggurat) {
  // MATLAB R20xx: rng default; randn(50,1) (15 significant digits).
  static const double ref[50] = {
      0.537667139546100,   1.83388501459509,    -2.25884686100365,
      0.862173320368121,   0.318765239858981,   -1.30768829630527,
      -0.433592022305684,  0.342624466538650,   3.57839693972576,
      2.76943702988488,    -1.34988694015652,   3.03492346633185,
      0.725404224946106,   -0.0630548731896562, 0.714742903826096,
      -0.204966058299775,  -0.124144348216312,  1.48969760778547,
      1.40903448980048,    1.41719241342961,    0.671497133608081,
      -1.20748692268504,   0.717238651328839,   1.63023528916473,
      0.488893770311789,   1.03469300991786,    0.726885133383238,
      -0.303440924786016,  0.293871467096658,   -0.787282803758638,
      0.888395631757642,   -1.14707010696915,   -1.06887045816803,
      -0.809498694424876,  -2.94428416199490,   1.43838029281510,
      0.325190539456198,   -0.754928319169703,  1.37029854009523,
      -1.71151641885370,   -0.102242446085491,  -0.241447041607358,
      0.319206739165502,   0.312858596637428,   -0.864879917324457,
      -0.0300512961962686, -0.164879019209038,  0.627707287528727,
      1.09326566903948,    1.10927329761440};
  rngDo({str("default")});
  ValueRef r = call1("randn", {num(50), num(1)});
  ASSERT_EQ(r->dims, (Dims{50, 1}));
  for (int k = 0; k < 50; ++k)
    EXPECT_NEAR(r->re[(size_t)k], ref[k],
                1e-14 * std::max(1.0, std::fabs(ref[k])))
        << k;
  // The published first value exactly as MATLAB prints it with %.15f.
  EXPECT_EQ(fmt15(r->re[0]), "0.537667139546100");
  // rand and randn share one stream: the 51st normal continues it.
  rngDo({str("default")});
  call1("randn", {num(50), num(1)});
  double next = call1("randn", {})->re[0];
  rngDo({str("default")});
  ValueRef all = call1("randn", {num(51), num(1)});
  EXPECT_EQ(all->re[50], next);
}

TEST(Random, RandiTwisterMatchesMatlab) {
  rngDo({str("default")});
  ValueRef r = call1("randi", {num(10), num(5)});
  // MATLAB's documented rng default; randi(10,5), column by column.
  const double want[25] = {9, 10, 2,  10, 7,  1, 3, 6,  10, 10, 2,  10, 10,
                           5, 9,  2,  5,  10, 8, 10, 7, 1,  9,  10, 7};
  ASSERT_EQ(r->dims, (Dims{5, 5}));
  for (int k = 0; k < 25; ++k)
    EXPECT_EQ(r->re[(size_t)k], want[k]) << k;
}

TEST(Random, RandpermTwisterMatchesMatlab) {
  rngDo({str("default")});
  ValueRef p = call1("randperm", {num(8)});
  EXPECT_EQ(p->re, (std::vector<double>{6, 3, 7, 8, 5, 1, 2, 4}));
  rngDo({str("default")});
  p = call1("randperm", {num(6)});
  EXPECT_EQ(p->re, (std::vector<double>{6, 3, 5, 1, 2, 4}));
  EXPECT_EQ(p->dims, (Dims{1, 6}));
}

TEST(Random, LcgJumpEqualsStepping) {
  for (uint64_t seed : {0ull, 1ull, 42ull, 0xDEADBEEFull}) {
    uint64_t s0 = lcgSeedState(seed), s = s0;
    for (uint64_t k = 0; k <= 5000; ++k) {
      ASSERT_EQ(lcgJump(s0, k), s) << k;
      s = lcgStep(s);
    }
  }
  // Composition: jump(jump(s, a), b) == jump(s, a + b), large counts.
  uint64_t s0 = lcgSeedState(7);
  for (uint64_t a : {1ull, 12345ull, 1ull << 40, 0xFFFFFFFFFFFFull})
    for (uint64_t b : {3ull, 999999ull, 1ull << 33})
      EXPECT_EQ(lcgJump(lcgJump(s0, a), b), lcgJump(s0, a + b));
  // Full period 2^64: a jump by 2^63 twice returns to the start.
  EXPECT_EQ(lcgJump(lcgJump(s0, 1ull << 63), 1ull << 63), s0);
  EXPECT_NE(lcgJump(s0, 1ull << 63), s0);
  static_assert(lcgJump(0, 1) == 1, "constexpr jump");
  static_assert(lcgJump(0, 2) == 6364136223846793005ULL + 1, "two steps");
}

TEST(Random, LcgFormulas) {
  // SplitMix64's first output for 0 is 0xE220A8397B1DCDAF.
  EXPECT_EQ(splitMix64(0), 0xE220A8397B1DCDAFull);
  rngDo({num(0)});
  EXPECT_EQ(globalRng().type, RngType::Lcg);
  EXPECT_EQ(globalRng().lcg, 0xE220A8397B1DCDAFull);
  double u = call1("rand", {})->re[0];
  uint64_t s1 = 0xE220A8397B1DCDAFull * 6364136223846793005ull + 1;
  EXPECT_EQ(u, (double)(s1 >> 11) / 9007199254740992.0);
  EXPECT_EQ(globalRng().lcg, s1); // advanced before the output is taken
}

TEST(Random, LcgElementKUniformEqualsStream) {
  rngDo({num(7)});
  uint64_t s0 = globalRng().lcg;
  ValueRef r = call1("rand", {num(40), num(50)});
  for (uint64_t k = 0; k < 2000; ++k)
    ASSERT_EQ(r->re[(size_t)k], lcgUniformAt(s0, k)) << k;
  EXPECT_EQ(globalRng().lcg, lcgJump(s0, 2000));
  // A later call continues where the first stopped.
  double next = call1("rand", {})->re[0];
  EXPECT_EQ(next, lcgUniformAt(s0, 2000));
  for (double x : r->re) {
    EXPECT_GE(x, 0.0);
    EXPECT_LT(x, 1.0);
  }
}

TEST(Random, LcgElementKNormalEqualsStream) {
  rngDo({num(11), str("lcg")});
  uint64_t s0 = globalRng().lcg;
  ValueRef z = call1("randn", {num(1), num(1001)}); // odd count
  for (uint64_t k = 0; k < 1001; ++k)
    ASSERT_EQ(z->re[(size_t)k], lcgNormalAt(s0, k)) << k;
  // An odd count consumes the whole last pair: 1002 uniforms.
  EXPECT_EQ(globalRng().lcg, lcgJump(s0, 1002));
  double u = call1("rand", {})->re[0];
  EXPECT_EQ(u, lcgUniformAt(s0, 1002));
  // The documented Box-Muller pair for element 0 and 1.
  double u0 = lcgUniformAt(s0, 0), u1 = lcgUniformAt(s0, 1);
  double r = std::sqrt(-2.0 * std::log(1.0 - u0));
  EXPECT_EQ(z->re[0], r * std::cos(6.283185307179586 * u1));
  EXPECT_EQ(z->re[1], r * std::sin(6.283185307179586 * u1));
  // Far elements straight from the start state.
  rngDo({num(11), str("lcg")});
  ValueRef big = call1("randn", {num(100000), num(1)});
  for (uint64_t k : {99999ull, 77777ull, 50000ull, 4321ull})
    EXPECT_EQ(big->re[(size_t)k], lcgNormalAt(s0, k));
}

TEST(Random, ReserveLcgAdvancesLikeTheBuiltins) {
  rngDo({num(3)});
  uint64_t s0 = rngReserveLcg(7, false);
  EXPECT_EQ(globalRng().lcg, lcgJump(s0, 7));
  uint64_t s1 = rngReserveLcg(7, true); // 7 normals use 8 uniforms
  EXPECT_EQ(s1, lcgJump(s0, 7));
  EXPECT_EQ(globalRng().lcg, lcgJump(s0, 15));
  rngDo({str("default")});
  EXPECT_EQ(errorId([] { rngReserveLcg(3, false); }), "RunMat:rng:notLcg");
}

TEST(Random, RngSettingsStruct) {
  rngDo({str("default")});
  ValueRef s = call1("rng", {});
  ASSERT_TRUE(s->isStruct());
  EXPECT_EQ(field(s, "Type").str(), "twister");
  EXPECT_EQ(field(s, "Seed").re[0], 0);
  const Value &st = field(s, "State");
  EXPECT_EQ(st.cls, ClassId::UInt32);
  EXPECT_EQ(st.dims, (Dims{625, 1}));
  EXPECT_EQ(st.re[0], 5489);
  EXPECT_EQ(st.re[624], 624);

  rngDo({num(99)});
  s = call1("rng", {});
  EXPECT_EQ(field(s, "Type").str(), "lcg");
  EXPECT_EQ(field(s, "Seed").re[0], 99);
  const Value &ls = field(s, "State");
  EXPECT_EQ(ls.dims, (Dims{2, 1}));
  uint64_t st64 = ((uint64_t)ls.re[0] << 32) | (uint64_t)ls.re[1];
  EXPECT_EQ(st64, lcgSeedState(99));

  // t = rng(...) returns the settings before the change.
  ValueRef t = call1("rng", {num(5), str("twister")});
  EXPECT_EQ(field(t, "Type").str(), "lcg");
  EXPECT_EQ(field(t, "Seed").re[0], 99);
  EXPECT_EQ(field(call1("rng", {}), "Type").str(), "twister");
  EXPECT_EQ(field(call1("rng", {}), "Seed").re[0], 5);
}

TEST(Random, RngRestoresTwisterAndLcg) {
  for (int gen = 0; gen < 2; ++gen) {
    if (gen == 0)
      rngDo({num(1234), str("twister")});
    else
      rngDo({num(1234), str("lcg")});
    call1("rand", {num(1), num(700)}); // past a twister regeneration
    ValueRef s = call1("rng", {});
    ValueRef a = call1("rand", {num(1), num(5)});
    ValueRef an = call1("randn", {num(1), num(5)});
    ValueRef ai = call1("randi", {num(100), num(1), num(5)});
    rngDo({str("default")});
    call1("rand", {num(3)});
    rngDo({s});
    EXPECT_EQ(call1("rand", {num(1), num(5)})->re, a->re) << gen;
    EXPECT_EQ(call1("randn", {num(1), num(5)})->re, an->re) << gen;
    EXPECT_EQ(call1("randi", {num(100), num(1), num(5)})->re, ai->re) << gen;
  }
  // rng('default') after anything gives the default stream again.
  rngDo({num(77)});
  rngDo({str("default")});
  EXPECT_EQ(call1("rand", {})->re[0], 0.8147236863931789);
  // rng('twister') / rng('lcg') select a generator with seed 0.
  rngDo({str("twister")});
  EXPECT_EQ(call1("rand", {})->re[0], 0.8147236863931789);
  rngDo({str("lcg")});
  EXPECT_EQ(globalRng().lcg, lcgSeedState(0));
}

TEST(Random, RngShuffleAndErrors) {
  rngDo({str("shuffle")});
  double s1 = field(call1("rng", {}), "Seed").re[0];
  EXPECT_EQ(globalRng().type, RngType::Lcg);
  rngDo({str("shuffle"), str("twister")});
  double s2 = field(call1("rng", {}), "Seed").re[0];
  EXPECT_EQ(globalRng().type, RngType::Twister);
  EXPECT_NE(s1, s2);
  EXPECT_GE(s2, 0);
  EXPECT_LT(s2, 4294967296.0);

  EXPECT_EQ(errorId([] { rngDo({num(-1)}); }), "MATLAB:rng:badSeed");
  EXPECT_EQ(errorId([] { rngDo({num(1.5)}); }), "MATLAB:rng:badSeed");
  EXPECT_EQ(errorId([] { rngDo({num(4294967296.0)}); }), "MATLAB:rng:badSeed");
  EXPECT_EQ(errorId([] { rngDo({num(1), str("philox")}); }),
            "RunMat:rng:unsupportedGenerator");
  EXPECT_EQ(errorId([] { rngDo({str("bogus")}); }), "MATLAB:rng:badFirstOpt");
  // A bad seed leaves the settings unchanged.
  rngDo({str("default")});
  EXPECT_EQ(errorId([] { rngDo({num(-3)}); }), "MATLAB:rng:badSeed");
  EXPECT_EQ(call1("rand", {})->re[0], 0.8147236863931789);
  // The largest seed is accepted.
  rngDo({num(4294967295.0), str("twister")});
  EXPECT_EQ(globalRng().seed, 4294967295.0);
}

TEST(Random, RandiRangesAndClasses) {
  rngDo({num(5)});
  ValueRef r = call1("randi", {row({-3, 4}), num(1), num(4000)});
  EXPECT_EQ(r->dims, (Dims{1, 4000}));
  std::set<double> seen;
  for (double x : r->re) {
    EXPECT_EQ(x, std::floor(x));
    EXPECT_GE(x, -3);
    EXPECT_LE(x, 4);
    seen.insert(x);
  }
  EXPECT_EQ(seen.size(), 8u); // every value appears
  ValueRef one = call1("randi", {row({7, 7}), num(2), num(2)});
  EXPECT_EQ(one->re, (std::vector<double>{7, 7, 7, 7}));
  ValueRef i8 = call1("randi", {num(100), num(3), str("int8")});
  EXPECT_EQ(i8->cls, ClassId::Int8);
  EXPECT_EQ(i8->dims, (Dims{3, 3}));
  ValueRef sz = call1("randi", {num(6), row({2, 3, 4})});
  EXPECT_EQ(sz->dims, (Dims{2, 3, 4}));
  for (double x : sz->re) {
    EXPECT_GE(x, 1);
    EXPECT_LE(x, 6);
  }
  EXPECT_EQ(call1("randi", {num(3)})->dims, (Dims{1, 1}));
  EXPECT_EQ(call1("randi", {num(9), str("like"), makeScalar(1, ClassId::UInt16)})
                ->cls,
            ClassId::UInt16);
  EXPECT_EQ(errorId([] { call1("randi", {num(0)}); }),
            "MATLAB:randi:invalidLimits");
  EXPECT_EQ(errorId([] { call1("randi", {row({5, 2})}); }),
            "MATLAB:randi:invalidLimits");
  EXPECT_EQ(errorId([] { call1("randi", {num(2.5)}); }),
            "MATLAB:randi:invalidLimits");
  EXPECT_EQ(errorId([] { call1("randi", {num(300), num(2), str("int8")}); }),
            "MATLAB:randi:limitsOutOfRange");
}

TEST(Random, RandpermUniqueness) {
  for (int gen = 0; gen < 2; ++gen) {
    if (gen)
      rngDo({num(8)});
    else
      rngDo({str("default")});
    ValueRef p = call1("randperm", {num(100)});
    std::vector<double> v = p->re;
    std::sort(v.begin(), v.end());
    for (int k = 0; k < 100; ++k)
      EXPECT_EQ(v[(size_t)k], k + 1);
    ValueRef q = call1("randperm", {num(1000), num(10)});
    EXPECT_EQ(q->dims, (Dims{1, 10}));
    std::set<double> s(q->re.begin(), q->re.end());
    EXPECT_EQ(s.size(), 10u);
    for (double x : q->re) {
      EXPECT_GE(x, 1);
      EXPECT_LE(x, 1000);
    }
    // Huge n, few picks (sparse shuffle).
    ValueRef h = call1("randperm", {num(1e12), num(5)});
    std::set<double> hs(h->re.begin(), h->re.end());
    EXPECT_EQ(hs.size(), 5u);
    for (double x : h->re) {
      EXPECT_GE(x, 1);
      EXPECT_LE(x, 1e12);
      EXPECT_EQ(x, std::floor(x));
    }
    // randperm(n, n) is a permutation too.
    ValueRef f = call1("randperm", {num(50), num(50)});
    std::vector<double> fv = f->re;
    std::sort(fv.begin(), fv.end());
    for (int k = 0; k < 50; ++k)
      EXPECT_EQ(fv[(size_t)k], k + 1);
  }
  EXPECT_EQ(call1("randperm", {num(0)})->dims, (Dims{1, 0}));
  EXPECT_EQ(call1("randperm", {num(5), num(0)})->dims, (Dims{1, 0}));
  EXPECT_EQ(errorId([] { call1("randperm", {num(5), num(6)}); }),
            "MATLAB:randperm:inputKTooLarge");
  EXPECT_EQ(errorId([] { call1("randperm", {num(-1)}); }),
            "MATLAB:randperm:inputType");
  EXPECT_EQ(errorId([] { call1("randperm", {num(2.5)}); }),
            "MATLAB:randperm:inputType");
}

TEST(Random, SizesAndClasses) {
  rngDo({str("default")});
  EXPECT_EQ(call1("rand", {})->dims, (Dims{1, 1}));
  EXPECT_EQ(call1("rand", {num(3)})->dims, (Dims{3, 3}));
  EXPECT_EQ(call1("rand", {num(2), num(3), num(4)})->dims, (Dims{2, 3, 4}));
  EXPECT_EQ(call1("randn", {row({2, 3})})->dims, (Dims{2, 3}));
  EXPECT_EQ(call1("randn", {row({2, 3, 1})})->dims, (Dims{2, 3}));
  EXPECT_EQ(call1("rand", {num(0), num(3)})->dims, (Dims{0, 3}));
  EXPECT_EQ(call1("rand", {num(-2)})->dims, (Dims{0, 0}));
  ValueRef s = call1("rand", {num(2), str("single")});
  EXPECT_EQ(s->cls, ClassId::Single);
  for (double x : s->re)
    EXPECT_EQ(x, (double)(float)x);
  EXPECT_EQ(call1("randn", {num(2), num(2), str("double")})->cls,
            ClassId::Double);
  ValueRef like = call1("rand", {num(1), num(4), str("like"),
                                 makeScalar(1, ClassId::Single)});
  EXPECT_EQ(like->cls, ClassId::Single);
  EXPECT_EQ(like->dims, (Dims{1, 4}));
  // 'like' a complex value: complex output.
  ValueRef c = makeDouble(1);
  c->complex = true;
  c->im = {2};
  ValueRef zc = call1("randn", {num(3), str("like"), c});
  EXPECT_TRUE(zc->complex);
  EXPECT_EQ(zc->im.size(), 9u);
  ValueRef uc = call1("rand", {num(2), str("like"), c});
  EXPECT_TRUE(uc->complex);
  for (double x : uc->im) {
    EXPECT_GT(x, 0);
    EXPECT_LT(x, 1);
  }
  EXPECT_EQ(errorId([] { call1("rand", {num(2), str("int8")}); }),
            "MATLAB:unsupportedClassName");
  EXPECT_EQ(errorId([] { call1("randn", {num(2), str("like"),
                                         makeScalar(1, ClassId::Int8)}); }),
            "MATLAB:invalidLikeInput");
  EXPECT_EQ(errorId([] { call1("rand", {num(1.5)}); }),
            "MATLAB:NonIntegerInput");
  EXPECT_EQ(errorId([] { call1("rand", {str("seed"), num(1)}); }),
            "RunMat:rand:legacySyntax");
  EXPECT_EQ(errorId([] { call1("rand", {num(2), num(3), str("x")}); }),
            "MATLAB:unsupportedClassName");
}

TEST(Random, DistributionsLookRight) {
  for (int gen = 0; gen < 2; ++gen) {
    if (gen)
      rngDo({num(2024)});
    else
      rngDo({num(2024), str("twister")});
    const int n = 200000;
    ValueRef u = call1("rand", {num(1), num(n)});
    ValueRef z = call1("randn", {num(1), num(n)});
    double su = 0, sz = 0, sz2 = 0, lo = 1, hi = 0;
    for (int k = 0; k < n; ++k) {
      double x = u->re[(size_t)k];
      su += x;
      lo = std::min(lo, x);
      hi = std::max(hi, x);
      sz += z->re[(size_t)k];
      sz2 += z->re[(size_t)k] * z->re[(size_t)k];
    }
    EXPECT_NEAR(su / n, 0.5, 0.005) << gen;
    EXPECT_GE(lo, 0.0);
    EXPECT_LT(hi, 1.0);
    EXPECT_NEAR(sz / n, 0.0, 0.01) << gen;
    EXPECT_NEAR(sz2 / n, 1.0, 0.02) << gen;
  }
}

TEST(Random, SingleUniformsStayBelowOne) {
  // Put the LCG just before the state 2^64 - 1, whose uniform
  // 1 - 2^-53 rounds to 1.0f in single: rand(..., 'single') must stay < 1.
  uint64_t inv = kLcgMultiplier; // inverse of the multiplier mod 2^64
  for (int i = 0; i < 6; ++i)
    inv *= 2 - kLcgMultiplier * inv;
  ASSERT_EQ(inv * kLcgMultiplier, 1u);
  rngDo({num(0)});
  globalRng().lcg = (~0ull - kLcgIncrement) * inv;
  ASSERT_EQ(lcgStep(globalRng().lcg), ~0ull);
  uint64_t before = globalRng().lcg;
  ValueRef s = call1("rand", {str("single")});
  EXPECT_LT(s->re[0], 1.0);
  EXPECT_EQ(s->re[0], (double)std::nextafter(1.0f, 0.0f));
  globalRng().lcg = before;
  EXPECT_EQ(call1("rand", {})->re[0], 1.0 - std::ldexp(1.0, -53));
  // Twister singles over many draws.
  rngDo({num(3), str("twister")});
  ValueRef t = call1("rand", {num(1), num(100000), str("single")});
  for (double x : t->re) {
    EXPECT_GT(x, 0.0);
    EXPECT_LT(x, 1.0);
  }
}
