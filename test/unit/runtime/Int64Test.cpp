//===- Int64Test.cpp - Unit tests for Int64.cpp ----------------------------===//
//
// int64/uint64 values beyond 2^53: the exact side vector, the bits used for
// data movement, exact arithmetic with saturation, and the builtin guard.
//
//===----------------------------------------------------------------------===//
#include "RuntimeTestUtil.h"

#include "runmat/rt/Builtins.h"
#include "runmat/rt/Index.h"
#include "runmat/rt/Int64.h"
#include "runmat/rt/Ops.h"
#include "runmat/rt/abi.h"

using namespace rmtest;

namespace {

constexpr int64_t kMax = INT64_MAX;

ValueRef int64Max() { return callBuiltin("intmax", 1, {makeString("int64")})[0]; }

} // namespace

TEST(Int64, LimitsAreExactAndWide) {
  ValueRef a = int64Max();
  ASSERT_EQ(a->cls, ClassId::Int64);
  ASSERT_TRUE(isWide(*a));
  EXPECT_EQ(a->ix[0], kMax);
  EXPECT_EQ(a->re[0], 9223372036854775808.0); // the nearest double
  ValueRef u = callBuiltin("intmax", 1, {makeString("uint64")})[0];
  EXPECT_EQ((uint64_t)u->ix[0], UINT64_MAX);
  EXPECT_EQ(wideText(exactAt(*u, 0)), "18446744073709551615");
  // Small values stay plain doubles.
  ValueRef s = makeScalar(5, ClassId::Int64);
  EXPECT_FALSE(isWide(*s));
}

TEST(Int64, SettlesBackWhenSmall) {
  ValueRef a = int64Max();
  ValueRef d = binaryOp(RM_OP_MINUS, *a, *a);
  EXPECT_FALSE(isWide(*d));
  EXPECT_EQ(d->re[0], 0.0);
  ValueRef one = makeScalar(1, ClassId::Int64);
  ValueRef m = binaryOp(RM_OP_MINUS, *a, *one);
  ASSERT_TRUE(isWide(*m));
  EXPECT_EQ(m->ix[0], kMax - 1);
}

TEST(Int64, ArithmeticSaturatesAndRoundsHalfAway) {
  ValueRef a = int64Max();
  ValueRef two = makeDouble(2);
  EXPECT_EQ(binaryOp(RM_OP_TIMES, *a, *two)->ix[0], kMax);
  EXPECT_EQ(binaryOp(RM_OP_RDIVIDE, *a, *two)->ix[0], (kMax >> 1) + 1); // .5 up
  ValueRef neg = unaryOp(RM_OP_NEG, *callBuiltin("intmin", 1, {makeString("int64")})[0]);
  EXPECT_EQ(neg->ix[0], kMax);
  ValueRef big = makeScalar(9007199254740992.0, ClassId::Int64); // 2^53
  ValueRef r = binaryOp(RM_OP_PLUS, *big, *makeDouble(1));
  ASSERT_TRUE(isWide(*r));
  EXPECT_EQ(r->ix[0], 9007199254740993LL);
  // Comparisons are exact where the nearest doubles are equal.
  ValueRef m1 = binaryOp(RM_OP_MINUS, *a, *makeDouble(1));
  EXPECT_EQ(binaryOp(RM_OP_LT, *m1, *a)->re[0], 1.0);
  EXPECT_EQ(binaryOp(RM_OP_EQ, *m1, *a)->re[0], 0.0);
}

TEST(Int64, BitsRoundTripThroughIndexing) {
  ValueRef a = int64Max();
  ValueRef m1 = binaryOp(RM_OP_MINUS, *a, *makeDouble(1));
  ValueRef v = concat({{a.get(), m1.get(), makeDouble(3).get()}});
  ASSERT_TRUE(isWide(*v));
  ValueRef bits = toBits(*v);
  EXPECT_FALSE(isWide(*bits));
  fromBits(*bits);
  EXPECT_EQ(bits->ix, v->ix);
  ValueRef i = makeDouble(2);
  ValueRef e = indexValue(*v, {i.get()});
  EXPECT_EQ(e->ix[0], kMax - 1);
  ValueRef slot = v;
  indexAssign(slot, {makeDouble(3).get()}, *a);
  EXPECT_EQ(slot->ix[2], kMax);
  EXPECT_EQ(v->re[2], 3.0); // copy on write: v itself is unchanged
}

TEST(Int64, UnsupportedBuiltinsRefuseWideValues) {
  ValueRef a = int64Max();
  EXPECT_EQ(errorId([&] { callBuiltin("cumsum", 1, {a}); }), "RunMat:int64Range");
  EXPECT_EQ(errorId([&] { callBuiltin("sort", 1, {a}); }), "RunMat:int64Range");
  // Builtins that only look at sizes or classes run as usual.
  EXPECT_EQ(callBuiltin("numel", 1, {a})[0]->re[0], 1.0);
  ValueRef s = callBuiltin("sum", 1, {a})[0];
  EXPECT_EQ(s->ix[0], kMax);
}
