//===- ValueTest.cpp - Unit tests of the runtime value model --------------===//
#include "RuntimeTestUtil.h"

#include <cmath>

using namespace rmtest;

TEST(Value, DimsStringUsesMultiplicationSign) {
  EXPECT_EQ(dimsString({2, 3}), "2\xC3\x97"
                                "3");
  EXPECT_EQ(dimsString({0, 0}), "0\xC3\x97"
                                "0");
  EXPECT_EQ(dimsString({3, 4, 2}), "3\xC3\x97"
                                   "4\xC3\x97"
                                   "2");
}

TEST(Value, NormalizeDimsTrimsTrailingSingletons) {
  // Rule 5: trailing singleton dims are implicit.
  Dims d{2, 3, 1, 1};
  normalizeDims(d);
  EXPECT_EQ(d, (Dims{2, 3}));
  Dims e{4};
  normalizeDims(e);
  EXPECT_EQ(e, (Dims{4, 1}));
  Dims f{1, 1, 2};
  normalizeDims(f);
  EXPECT_EQ(f, (Dims{1, 1, 2}));
  ValueRef z = makeArray(ClassId::Double, {2, 3, 1});
  EXPECT_EQ(z->ndims(), 2);
  EXPECT_EQ(z->numel(), 6);
}

TEST(Value, CastElementRoundsAndSaturates) {
  // Rules 36 and 39.
  EXPECT_EQ(castElement(2.5, ClassId::Int32), 3);
  EXPECT_EQ(castElement(-2.5, ClassId::Int32), -3);
  EXPECT_EQ(castElement(3.49, ClassId::UInt8), 3);
  EXPECT_EQ(castElement(NAN, ClassId::Int32), 0);
  EXPECT_EQ(castElement(-INFINITY, ClassId::UInt8), 0);
  EXPECT_EQ(castElement(INFINITY, ClassId::Int8), 127);
  EXPECT_EQ(castElement(3e9, ClassId::Int32), 2147483647);
  EXPECT_EQ(castElement(-5, ClassId::UInt8), 0);
  EXPECT_EQ(castElement(0.1, ClassId::Single), (double)0.1f);
  EXPECT_EQ(castElement(7, ClassId::Logical), 1);
  EXPECT_EQ(errorId([] { castElement(NAN, ClassId::Logical); }),
            "MATLAB:nologicalnan");
}

TEST(Value, StringsRoundTripUtf8) {
  ValueRef s = makeString("abc");
  EXPECT_EQ(s->cls, ClassId::Char);
  EXPECT_DIMS(s, 1, 3);
  EXPECT_DATA(s, 97, 98, 99);
  EXPECT_EQ(s->str(), "abc");
  ValueRef e = makeString("");
  EXPECT_DIMS(e, 0, 0);
  EXPECT_EQ(e->cls, ClassId::Char);
  ValueRef u = makeString("h\xC3\xA9llo"); // héllo: 5 characters
  EXPECT_EQ(u->numel(), 5);
  EXPECT_EQ(u->re[1], 0xE9);
  EXPECT_EQ(u->str(), "h\xC3\xA9llo");
  ValueRef g = makeString("\xF0\x9F\x98\x80"); // one emoji: two UTF-16 units
  EXPECT_EQ(g->numel(), 2);
  EXPECT_EQ(g->str(), "\xF0\x9F\x98\x80");
}

TEST(Value, StrOfCharMatrixIsRowMajor) {
  ValueRef m = makeArray(ClassId::Char, {2, 2});
  m->re = {'a', 'c', 'b', 'd'}; // column-major ['ab';'cd']
  EXPECT_EQ(m->str(), "abcd");
}

TEST(Value, CopyOnWrite) {
  // Rule 55: b = a; b(1) = 99 leaves a unchanged.
  ValueRef a = row({1, 2, 3});
  ValueRef b = a;
  EXPECT_EQ(a->refcount, 2);
  makeUnique(b);
  EXPECT_NE(a.get(), b.get());
  b->re[0] = 99;
  EXPECT_DATA(a, 1, 2, 3);
  EXPECT_DATA(b, 99, 2, 3);
  Value *p = b.get();
  makeUnique(b); // already unique: no copy
  EXPECT_EQ(p, b.get());
  ValueRef n;
  makeUnique(n);
  ASSERT_TRUE(n);
  EXPECT_DIMS(n, 0, 0);
}

TEST(Value, RefCountsBalance) {
  ValueRef a = num(4);
  {
    ValueRef b = ValueRef::borrow(a.get());
    ValueRef c = b;
    EXPECT_EQ(a->refcount, 3);
    c = std::move(b);
    EXPECT_EQ(a->refcount, 2);
  }
  EXPECT_EQ(a->refcount, 1);
}

TEST(Value, ConvertClass) {
  ValueRef d = row({100, 200, -3.5});
  ValueRef i8 = convertClass(*d, ClassId::Int8);
  EXPECT_EQ(i8->cls, ClassId::Int8);
  EXPECT_DATA(i8, 100, 127, -4);
  ValueRef same = convertClass(*d, ClassId::Double);
  EXPECT_EQ(same.get(), d.get()); // shared, not copied
  ValueRef l = convertClass(*row({0, 2, -1}), ClassId::Logical);
  EXPECT_DATA(l, 0, 1, 1);
  ValueRef c = makeCell({1, 1});
  EXPECT_EQ(errorMessage([&] { convertClass(*c, ClassId::Double); }),
            "Conversion to double from cell is not possible.");
  EXPECT_EQ(errorId([&] {
              convertClass(*row({1, NAN}), ClassId::Logical);
            }),
            "MATLAB:nologicalnan");
}

TEST(Value, ScalarConversions) {
  EXPECT_EQ(scalarOf(*num(2.5)), 2.5);
  EXPECT_EQ(scalarOf(*makeBool(true)), 1);
  EXPECT_EQ(scalarOf(*makeString("A")), 65);
  EXPECT_EQ(errorId([] { scalarOf(*row({1, 2})); }), "MATLAB:expectedScalar");
  EXPECT_EQ(intScalarOf(*num(3)), 3);
  EXPECT_EQ(errorId([] { intScalarOf(*num(1.5)); }), "MATLAB:expectedInteger");
  EXPECT_EQ(errorId([] { intScalarOf(*num(-1)); }), "MATLAB:expectedInteger");
}

TEST(Value, HugeSizesErrorInsteadOfAllocating) {
  EXPECT_EQ(errorMessage([] {
              numelOf({INT64_MAX / 2, 4});
            }),
            "Requested array exceeds the maximum possible size.");
  EXPECT_NE(errorId([] {
              makeArray(ClassId::Double, {1000000, 1000000});
            }),
            "<none>");
  EXPECT_EQ(numelOf({3, 0, 5}), 0);
  // Negative sizes count as 0 (zeros(-1) is empty).
  ValueRef z = makeArray(ClassId::Double, {-2, 3});
  EXPECT_DIMS(z, 0, 3);
}

TEST(Value, CellsAndStructsStartEmpty) {
  ValueRef c = makeCell({2, 2});
  ASSERT_EQ(c->cells.size(), 4u);
  for (const ValueRef &e : c->cells) {
    ASSERT_TRUE(e);
    EXPECT_EQ(e->numel(), 0);
  }
  ValueRef s = makeStruct({1, 2}, {"a", "b"});
  EXPECT_EQ(s->cells.size(), 4u);
  EXPECT_EQ(fieldIndex(*s, "b"), 1);
  EXPECT_EQ(fieldIndex(*s, "zz"), -1);
}

TEST(Value, ClassNamesAndPredicates) {
  EXPECT_STREQ(className(ClassId::Double), "double");
  EXPECT_STREQ(className(ClassId::UInt16), "uint16");
  EXPECT_STREQ(className(ClassId::FunctionHandle), "function_handle");
  EXPECT_TRUE(isNumericClass(ClassId::Single));
  EXPECT_FALSE(isNumericClass(ClassId::Logical));
  EXPECT_FALSE(isNumericClass(ClassId::Char));
  EXPECT_TRUE(isIntegerClass(ClassId::UInt64));
  EXPECT_FALSE(isIntegerClass(ClassId::Double));
  EXPECT_TRUE(isFloatClass(ClassId::Single));
  ValueRef v = row({1, 2, 3});
  EXPECT_TRUE(v->isVector());
  EXPECT_TRUE(v->isRow());
  EXPECT_FALSE(makeArray(ClassId::Double, {2, 2})->isVector());
  EXPECT_EQ(makeArray(ClassId::Double, {2, 3, 4})->cols(), 12);
}

TEST(Value, FunctionHandleCopiesAreDeep) {
  ValueRef f = makeArray(ClassId::FunctionHandle, {1, 1});
  f->fh = new FunctionHandleData;
  f->fh->name = "sin";
  ValueRef g = copyValue(*f);
  ASSERT_NE(g->fh, nullptr);
  EXPECT_NE(g->fh, f->fh);
  EXPECT_EQ(g->fh->name, "sin");
}

TEST(Error, FormatsMessages) {
  try {
    throwError("a:b", "value %d of %s", 3, "x");
    FAIL();
  } catch (const MatlabError &e) {
    EXPECT_EQ(e.identifier, "a:b");
    EXPECT_EQ(e.message, "value 3 of x");
    EXPECT_EQ(e.function, "");
  }
  try {
    throwErrorIn("zeros", "", "%s", std::string(1000, 'y').c_str());
    FAIL();
  } catch (const MatlabError &e) {
    EXPECT_EQ(e.function, "zeros");
    EXPECT_EQ(e.message.size(), 1000u);
  }
}
