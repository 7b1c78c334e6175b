//===- DisplayTest.cpp - Unit tests for auto-display and disp -------------===//
//
// Each expected string is a golden example of shared/DISPLAY.md (G-numbers)
// or a row of shared/SEMANTICS.md section 2, byte for byte (U+00D7 in
// sizes, loose-format blank lines included).
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/Display.h"
#include "runmat/rt/Value.h"

#include <gtest/gtest.h>

#include <cmath>
#include <initializer_list>
#include <string>
#include <vector>

using namespace runmat::rt;

namespace {

/// A rows x cols array of class c from row-major literals.
ValueRef mat(int64_t rows, int64_t cols, std::initializer_list<double> rm,
             ClassId c = ClassId::Double) {
  std::vector<double> v(rm);
  ValueRef r = makeArray(c, Dims{rows, cols});
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      r->re[(size_t)(i + j * rows)] = v[(size_t)(i * cols + j)];
  return r;
}

ValueRef row(std::initializer_list<double> v, ClassId c = ClassId::Double) {
  return mat(1, (int64_t)v.size(), v, c);
}

ValueRef scalar(double x, ClassId c = ClassId::Double) {
  ValueRef r = makeDouble(x);
  r->cls = c;
  return r;
}

ValueRef withImag(ValueRef v, std::initializer_list<double> rowMajorIm) {
  std::vector<double> im(rowMajorIm);
  int64_t rows = v->dims[0], cols = v->dims[1];
  v->complex = true;
  v->im.assign(im.size(), 0.0);
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      v->im[(size_t)(i + j * rows)] = im[(size_t)(i * cols + j)];
  return v;
}

ValueRef charMatrix(std::initializer_list<const char *> rows) {
  std::vector<std::string> r(rows.begin(), rows.end());
  ValueRef v =
      makeArray(ClassId::Char, Dims{(int64_t)r.size(), (int64_t)r[0].size()});
  for (size_t i = 0; i < r.size(); ++i)
    for (size_t j = 0; j < r[i].size(); ++j)
      v->re[j * r.size() + i] = (unsigned char)r[i][j];
  return v;
}

std::string show(const char *name, const ValueRef &v) {
  return displayToString(name, *v);
}

const std::string X = "\xC3\x97"; // U+00D7

class DisplayTest : public ::testing::Test {
protected:
  void SetUp() override { resetFormat(); }
  void TearDown() override { resetFormat(); }
};

// ---- doubles, format short --------------------------------------------------

TEST_F(DisplayTest, IntegerScalarG1) {
  EXPECT_EQ(show("a", makeDouble(7)), "\na =\n\n     7\n\n");
}

TEST_F(DisplayTest, FractionScalarG3) {
  EXPECT_EQ(show("x", makeDouble(4.0 / 3)), "\nx =\n\n    1.3333\n\n");
  EXPECT_EQ(show("x", makeDouble(M_PI)), "\nx =\n\n    3.1416\n\n");
}

TEST_F(DisplayTest, IntegerMatrixG13G19) {
  EXPECT_EQ(show("a", mat(3, 3, {1, 2, 3, 4, 5, 6, 7, 8, 10})),
            "\na =\n\n     1     2     3\n     4     5     6\n"
            "     7     8    10\n\n");
  EXPECT_EQ(show("p", mat(3, 3, {1, 4, 9, 16, 25, 36, 49, 64, 100})),
            "\np =\n\n     1     4     9\n    16    25    36\n"
            "    49    64   100\n\n");
}

TEST_F(DisplayTest, NegativeIntegersG22) {
  EXPECT_EQ(show("X", mat(3, 3, {6, 0, -3, 2, 0, -1, 8, 0, -4})),
            "\nX =\n\n     6     0    -3\n     2     0    -1\n"
            "     8     0    -4\n\n");
}

TEST_F(DisplayTest, WideIntegersG20) {
  EXPECT_EQ(show("ans", mat(3, 3, {1, 8, 27, 64, 125, 216, 343, 512, 1000})),
            "\nans =\n\n           1           8          27\n"
            "          64         125         216\n"
            "         343         512        1000\n\n");
}

TEST_F(DisplayTest, FractionMatrixG15) {
  ValueRef a = mat(3, 3, {1, 2, 3, 4, 5, 6, 7, 8, 10});
  for (double &x : a->re)
    x = std::sin(x);
  EXPECT_EQ(show("ans", a), "\nans =\n\n"
                            "    0.8415    0.9093    0.1411\n"
                            "   -0.7568   -0.9589   -0.2794\n"
                            "    0.6570    0.9894   -0.5440\n\n");
}

TEST_F(DisplayTest, ExactZerosAndTinyNegativeG17) {
  ValueRef p = mat(3, 3,
                   {1.0000000000000002, 0, -1e-17, 0, 1.0000000000000002, 0, 0,
                    0, 0.999999999999998});
  EXPECT_EQ(show("p", p), "\np =\n\n"
                          "    1.0000         0   -0.0000\n"
                          "         0    1.0000         0\n"
                          "         0         0    1.0000\n\n");
}

TEST_F(DisplayTest, ExponentScalarsG27G28G73) {
  EXPECT_EQ(show("A", makeDouble(12.3456789)), "\nA =\n\n   12.3457\n\n");
  EXPECT_EQ(show("B", makeDouble(1234.56789)), "\nB =\n\n   1.2346e+03\n\n");
  EXPECT_EQ(show("ans", makeDouble(1e9)), "\nans =\n\n   1.0000e+09\n\n");
  EXPECT_EQ(show("d", makeDouble(2.220446049250313e-16)),
            "\nd =\n\n   2.2204e-16\n\n");
  EXPECT_EQ(show("d", makeDouble(-52)), "\nd =\n\n   -52\n\n");
}

TEST_F(DisplayTest, ScaleFactorG28G29) {
  EXPECT_EQ(show("ans", row({1e9, 2e10})),
            "\nans =\n\n   1.0e+10 *\n\n    0.1000    2.0000\n\n");
  EXPECT_EQ(
      show("A", mat(3, 3, {1.08, -1, 0, 2184.02, -2185.02, 1, 0, -1, 1.81})),
      "\nA =\n\n   1.0e+03 *\n\n"
      "    0.0011   -0.0010         0\n"
      "    2.1840   -2.1850    0.0010\n"
      "         0   -0.0010    0.0018\n\n");
  // SEMANTICS.md section 2: B = [1 1000.5].
  EXPECT_EQ(show("B", row({1, 1000.5})),
            "\nB =\n\n   1.0e+03 *\n\n    0.0010    1.0005\n\n");
}

TEST_F(DisplayTest, SmallElementCollapsesG25) {
  EXPECT_EQ(show("x", row({4.0 / 3, 1.2345e-6})),
            "\nx =\n\n    1.3333    0.0000\n\n");
}

TEST_F(DisplayTest, NaNMatrixG58) {
  EXPECT_EQ(show("X", mat(2, 3, {NAN, NAN, NAN, NAN, NAN, NAN})),
            "\nX =\n\n   NaN   NaN   NaN\n   NaN   NaN   NaN\n\n");
  EXPECT_EQ(show("X", row({NAN, NAN, NAN}, ClassId::Single)),
            "\nX =\n\n  1" + X +
                "3 single row vector\n\n"
                "   NaN   NaN   NaN\n\n");
}

// ---- other formats ----------------------------------------------------------

TEST_F(DisplayTest, FormatLongG2G4G65) {
  setFormat(NumericFormat::Long);
  EXPECT_EQ(show("ans", makeDouble(std::sqrt(2.0))),
            "\nans =\n\n   1.414213562373095\n\n");
  EXPECT_EQ(show("x", makeDouble(4.0 / 3)),
            "\nx =\n\n   1.333333333333333\n\n");
  EXPECT_EQ(show("ans", makeDouble(M_PI)),
            "\nans =\n\n   3.141592653589793\n\n");
  EXPECT_EQ(show("a", makeDouble(7)), "\na =\n\n     7\n\n");
}

TEST_F(DisplayTest, FormatLongMatrixG18G26) {
  setFormat(NumericFormat::Long);
  ValueRef p = mat(3, 3,
                   {1.0000000000000002, 0, -1e-17, 0, 1.0000000000000002, 0, 0,
                    0, 0.999999999999998});
  EXPECT_EQ(show("p", p),
            "\np =\n\n"
            "   1.000000000000000                   0  -0.000000000000000\n"
            "                   0   1.000000000000000                   0\n"
            "                   0                   0   0.999999999999998\n\n");
  EXPECT_EQ(show("x", row({4.0 / 3, 1.2345e-6})),
            "\nx =\n\n   1.333333333333333   0.000001234500000\n\n");
}

TEST_F(DisplayTest, LongScaleFactorEarlierThanShortG72) {
  ValueRef v = row({151, 19.999761399036565});
  setFormat(NumericFormat::Long);
  EXPECT_EQ(show("ans", v), "\nans =\n\n   1.0e+02 *\n\n"
                            "   1.510000000000000   0.199997613990366\n\n");
  setFormat(NumericFormat::Short);
  EXPECT_EQ(show("ans", v), "\nans =\n\n  151.0000   19.9998\n\n");
}

TEST_F(DisplayTest, ShortEG26G68) {
  setFormat(NumericFormat::ShortE);
  EXPECT_EQ(show("x", row({4.0 / 3, 1.2345e-6})),
            "\nx =\n\n   1.3333e+00   1.2345e-06\n\n");
  EXPECT_EQ(show("m", mat(2, 2, {9638573934, 37467, 236, 574638295})),
            "\nm =\n\n   9.6386e+09   3.7467e+04\n"
            "   2.3600e+02   5.7464e+08\n\n");
}

TEST_F(DisplayTest, CompactG69) {
  ASSERT_TRUE(setFormatByName("compact"));
  EXPECT_EQ(show("theta", makeDouble(M_PI / 2)), "theta =\n    1.5708\n");
  EXPECT_EQ(show("t", makeBool(true)), "t =\n  logical\n   1\n");
  ASSERT_TRUE(setFormatByName("loose"));
  EXPECT_EQ(show("theta", makeDouble(M_PI / 2)), "\ntheta =\n\n    1.5708\n\n");
}

TEST_F(DisplayTest, FormatNamesAndReset) {
  EXPECT_TRUE(setFormatByName("LONG"));
  EXPECT_EQ(currentFormat(), NumericFormat::Long);
  EXPECT_TRUE(setFormatByName("compact"));
  EXPECT_EQ(currentFormat(), NumericFormat::Long); // spacing only
  EXPECT_TRUE(setFormatByName("shortG"));
  EXPECT_EQ(currentFormat(), NumericFormat::ShortG);
  EXPECT_TRUE(isCompact());
  resetFormat(); // `format` with no argument
  EXPECT_EQ(currentFormat(), NumericFormat::Short);
  EXPECT_FALSE(isCompact());
  EXPECT_FALSE(setFormatByName("bogus"));
}

// ---- wide arrays ------------------------------------------------------------

TEST_F(DisplayTest, ColumnsThroughWrapping) {
  std::vector<double> v(10, 0.5);
  ValueRef r = makeRowVector(v);
  EXPECT_EQ(show("r", r),
            "\nr =\n\n  Columns 1 through 8\n\n"
            "    0.5000    0.5000    0.5000    0.5000    0.5000    0.5000"
            "    0.5000    0.5000\n\n"
            "  Columns 9 through 10\n\n    0.5000    0.5000\n\n");
  std::vector<double> w(14, 1.0);
  EXPECT_EQ(dispToString(*makeRowVector(w)),
            "  Columns 1 through 13\n\n"
            "     1     1     1     1     1     1     1     1     1     1"
            "     1     1     1\n\n"
            "  Column 14\n\n     1\n\n");
}

// ---- empties ----------------------------------------------------------------

TEST_F(DisplayTest, EmptyArraysG30G31G33G35) {
  EXPECT_EQ(show("A", makeEmpty()), "\nA =\n\n     []\n\n");
  EXPECT_EQ(show("B", makeArray(ClassId::Double, {0, 5})),
            "\nB =\n\n  0" + X + "5 empty double matrix\n\n");
  EXPECT_EQ(show("C", makeArray(ClassId::Double, {3, 0, 5})),
            "\nC =\n\n  3" + X + "0" + X + "5 empty double array\n\n");
  EXPECT_EQ(show("ind", makeArray(ClassId::Double, {1, 0})),
            "\nind =\n\n  1" + X + "0 empty double row vector\n\n");
  EXPECT_EQ(show("A", makeArray(ClassId::UInt8, {0, 0})),
            "\nA =\n\n  0" + X + "0 empty uint8 matrix\n\n");
  EXPECT_EQ(show("D", makeArray(ClassId::Int8, {5, 0})),
            "\nD =\n\n  5" + X + "0 empty int8 matrix\n\n");
  EXPECT_EQ(show("C", makeCell({0, 0})),
            "\nC =\n\n  0" + X + "0 empty cell array\n\n");
  EXPECT_EQ(dispToString(*makeEmpty()), "");
}

// ---- integer classes, logical, single ---------------------------------------

TEST_F(DisplayTest, IntegerClassesG34G54G56) {
  EXPECT_EQ(show("v", scalar(2147483647, ClassId::Int32)),
            "\nv =\n\n  int32\n\n   2147483647\n\n");
  EXPECT_EQ(show("v", scalar(127, ClassId::Int8)),
            "\nv =\n\n  int8\n\n   127\n\n");
  EXPECT_EQ(show("A", mat(3, 3, {0, 0, 0, 0, 0, 0, 0, 0, 5}, ClassId::UInt8)),
            "\nA =\n\n  3" + X +
                "3 uint8 matrix\n\n"
                "   0   0   0\n   0   0   0\n   0   0   5\n\n");
  EXPECT_EQ(show("c", row({-3, 0, 3}, ClassId::Int8)),
            "\nc =\n\n  1" + X +
                "3 int8 row vector\n\n"
                "   -3    0    3\n\n");
  EXPECT_EQ(show("i8", row({1, -2, 3}, ClassId::Int8)),
            "\ni8 =\n\n  1" + X +
                "3 int8 row vector\n\n"
                "    1   -2    3\n\n");
}

TEST_F(DisplayTest, ComplexIntegerG55) {
  ValueRef z = withImag(mat(4, 1, {1, 2, 3, 4}, ClassId::UInt8), {2, 2, 7, 7});
  EXPECT_EQ(show("z", z), "\nz =\n\n  4" + X +
                              "1 uint8 column vector\n\n"
                              "   1 +   2i\n   2 +   2i\n   3 +   7i\n"
                              "   4 +   7i\n\n");
}

TEST_F(DisplayTest, LogicalG50G51G53) {
  EXPECT_EQ(show("ans", makeBool(false)), "\nans =\n\n  logical\n\n   0\n\n");
  EXPECT_EQ(show("A", mat(3, 3, {1, 1, 1, 1, 1, 1, 1, 1, 1}, ClassId::Logical)),
            "\nA =\n\n  3" + X +
                "3 logical array\n\n"
                "   1   1   1\n   1   1   1\n   1   1   1\n\n");
  EXPECT_EQ(show("ans", row({1, 1, 1, 0}, ClassId::Logical)),
            "\nans =\n\n  1" + X + "4 logical array\n\n   1   1   1   0\n\n");
}

TEST_F(DisplayTest, SingleG57G73) {
  EXPECT_EQ(
      show("C", mat(3, 3, {1, 4, 0, 4, 25, -10, 0, -10, 1}, ClassId::Single)),
      "\nC =\n\n  3" + X +
          "3 single matrix\n\n"
          "     1     4     0\n     4    25   -10\n     0   -10     1\n\n");
  EXPECT_EQ(show("d", scalar((double)1.1920929e-07f, ClassId::Single)),
            "\nd =\n\n  single\n\n   1.1921e-07\n\n");
}

// ---- complex ----------------------------------------------------------------

TEST_F(DisplayTest, ComplexG59G60) {
  EXPECT_EQ(show("z", withImag(makeDouble(3), {4})),
            "\nz =\n\n   3.0000 + 4.0000i\n\n");
  EXPECT_EQ(show("z", withImag(makeDouble(12), {0})),
            "\nz =\n\n  12.0000 + 0.0000i\n\n");
  ValueRef x =
      withImag(mat(3, 2, {0.0729, 0.0417, -0.2187, 0.3125, 0.2917, 0.0104}),
               {0.0312, -0.0312, -0.0521, 0.0729, 0.0625, -0.0938});
  EXPECT_EQ(show("X", x), "\nX =\n\n"
                          "   0.0729 + 0.0312i   0.0417 - 0.0312i\n"
                          "  -0.2187 - 0.0521i   0.3125 + 0.0729i\n"
                          "   0.2917 + 0.0625i   0.0104 - 0.0938i\n\n");
}

// ---- char -------------------------------------------------------------------

TEST_F(DisplayTest, CharG42G41G6) {
  EXPECT_EQ(show("C", makeString("Hello, world")),
            "\nC =\n\n    'Hello, world'\n\n");
  ValueRef a = charMatrix({"abc ", "defg", "hi  "});
  EXPECT_EQ(show("A", a), "\nA =\n\n  3" + X +
                              "4 char array\n\n"
                              "    'abc '\n    'defg'\n    'hi  '\n\n");
  EXPECT_EQ(dispToString(*makeString("Hello World.")), "Hello World.\n");
  EXPECT_EQ(dispToString(*a), "abc \ndefg\nhi  \n");
  EXPECT_EQ(show("e", makeString("")),
            "\ne =\n\n  0" + X + "0 empty char array\n\n");
}

// ---- cells ------------------------------------------------------------------

TEST_F(DisplayTest, CellG37) {
  ValueRef c = makeCell({2, 3});
  c->cells[0] = makeDouble(1);
  c->cells[1] = makeString("text");
  c->cells[2] = makeDouble(2);
  c->cells[3] = makeArray(ClassId::Double, {5, 10, 2});
  c->cells[4] = makeDouble(3);
  c->cells[5] = makeCell({3, 1});
  EXPECT_EQ(show("C", c), "\nC =\n\n  2" + X +
                              "3 cell array\n\n"
                              "    {[   1]}    {[          2]}    {[     3]}\n"
                              "    {'text'}    {5" +
                              X + "10" + X + "2 double}    {3" + X +
                              "1 cell}\n\n");
}

TEST_F(DisplayTest, CellOfEmptiesG38) {
  ValueRef c = makeCell({3, 4});
  for (ValueRef &e : c->cells)
    e = makeEmpty();
  std::string rowText = "    {0" + X + "0 double}    {0" + X +
                        "0 double}    {0" + X + "0 double}    {0" + X +
                        "0 double}\n";
  EXPECT_EQ(show("C3", c), "\nC3 =\n\n  3" + X + "4 cell array\n\n" + rowText +
                               rowText + rowText + "\n");
}

TEST_F(DisplayTest, CellAlignmentG39G40G41) {
  ValueRef c = makeCell({2, 3});
  const char *words[] = {"one", "two", "three"};
  for (int j = 0; j < 3; ++j) {
    c->cells[(size_t)(2 * j)] = makeString(words[j]);
    c->cells[(size_t)(2 * j + 1)] = makeDouble(j + 1);
  }
  EXPECT_EQ(show("C", c), "\nC =\n\n  2" + X +
                              "3 cell array\n\n"
                              "    {'one'}    {'two'}    {'three'}\n"
                              "    {[  1]}    {[  2]}    {[    3]}\n\n");
  ValueRef n = makeCell({1, 3});
  for (int j = 0; j < 3; ++j)
    n->cells[(size_t)j] = makeDouble(j + 1);
  EXPECT_EQ(show("numericCells", n), "\nnumericCells =\n\n  1" + X +
                                         "3 cell array\n\n"
                                         "    {[1]}    {[2]}    {[3]}\n\n");
  ValueRef s = makeCell({3, 1});
  s->cells[0] = makeString("abc");
  s->cells[1] = makeString("defg");
  s->cells[2] = makeString("hi");
  EXPECT_EQ(show("C", s), "\nC =\n\n  3" + X +
                              "1 cell array\n\n"
                              "    {'abc' }\n    {'defg'}\n    {'hi'  }\n\n");
}

// ---- structs ----------------------------------------------------------------

TEST_F(DisplayTest, StructG45G46) {
  ValueRef s = makeStruct({1, 1}, {"a", "b"});
  s->cells[0] = makeDouble(1);
  ValueRef b = makeCell({1, 3});
  b->cells[0] = makeString("A");
  b->cells[1] = makeString("B");
  b->cells[2] = makeString("C");
  s->cells[1] = b;
  EXPECT_EQ(show("s", s), "\ns = \n\n  struct with fields:\n\n"
                          "    a: 1\n    b: {'A'  'B'  'C'}\n\n");
  ValueRef p = makeStruct({1, 1}, {"name", "billing", "test"});
  p->cells[0] = makeString("John Doe");
  p->cells[1] = makeDouble(127);
  p->cells[2] = mat(3, 3, {79, 75, 73, 180, 178, 177.5, 220, 210, 205});
  EXPECT_EQ(show("patient", p), "\npatient = \n\n  struct with fields:\n\n"
                                "       name: 'John Doe'\n    billing: 127\n"
                                "       test: [3" +
                                    X + "3 double]\n\n");
}

TEST_F(DisplayTest, StructArrayG47AndNoFields) {
  ValueRef p = makeStruct({1, 2}, {"name", "billing", "test"});
  EXPECT_EQ(show("patient", p), "\npatient = \n\n  1" + X +
                                    "2 struct array with fields:\n\n"
                                    "    name\n    billing\n    test\n\n");
  EXPECT_EQ(show("s", makeStruct({1, 1}, {})),
            "\ns = \n\n  struct with no fields.\n\n");
}

TEST_F(DisplayTest, StructFieldKinds) {
  ValueRef s = makeStruct({1, 1}, {"v", "e", "n", "f"});
  s->cells[0] = row({5, 3});
  s->cells[1] = makeEmpty();
  s->cells[2] = makeStruct({1, 1}, {"x"});
  s->cells[3] = makeDouble(1.5);
  EXPECT_EQ(show("s", s), "\ns = \n\n  struct with fields:\n\n"
                          "    v: [5 3]\n    e: []\n    n: [1" +
                              X + "1 struct]\n    f: 1.5000\n\n");
}

// ---- function handles -------------------------------------------------------

TEST_F(DisplayTest, FunctionHandleG61) {
  ValueRef f = makeArray(ClassId::FunctionHandle, {1, 1});
  f->fh = new FunctionHandleData;
  f->fh->name = "ones";
  f->fh->text = "ones";
  EXPECT_EQ(show("fh", f),
            "\nfh =\n\n  function_handle with value:\n\n    @ones\n\n");
  f->fh->name = "";
  f->fh->text = "@(x)x.^2+7";
  EXPECT_EQ(show("fh", f),
            "\nfh =\n\n  function_handle with value:\n\n    @(x)x.^2+7\n\n");
}

// ---- N-D --------------------------------------------------------------------

TEST_F(DisplayTest, NDPagesG52) {
  ValueRef t = makeArray(ClassId::Logical, {3, 2, 2});
  for (double &x : t->re)
    x = 1;
  std::string page = "   1   1\n   1   1\n   1   1\n";
  EXPECT_EQ(show("ans", t), "\nans =\n\n  3" + X + "2" + X +
                                "2 logical array\n\nans(:,:,1) =\n\n" + page +
                                "\n\nans(:,:,2) =\n\n" + page + "\n");
  ValueRef d = makeArray(ClassId::Double, {2, 2, 2});
  for (size_t k = 0; k < 8; ++k)
    d->re[k] = (double)k + 1;
  EXPECT_EQ(show("A", d), "\nA(:,:,1) =\n\n     1     3\n     2     4\n\n"
                          "\nA(:,:,2) =\n\n     5     7\n     6     8\n\n");
}

// ---- disp -------------------------------------------------------------------

TEST_F(DisplayTest, DispNumbersG5G62G63G64) {
  EXPECT_EQ(dispToString(*row({15, 150})), "    15   150\n\n");
  EXPECT_EQ(dispToString(*mat(2, 2, {1, 2, 0, 1})),
            "     1     2\n     0     1\n\n");
  EXPECT_EQ(dispToString(*makeDouble(M_PI / 2)), "    1.5708\n\n");
  EXPECT_EQ(dispToString(*makeDouble(1)), "     1\n\n");
  EXPECT_EQ(dispToString(*makeDouble(0.8)), "    0.8000\n\n");
  EXPECT_EQ(dispToString(*makeDouble(M_PI)), "    3.1416\n\n");
  setCompact(true);
  EXPECT_EQ(dispToString(*makeDouble(M_PI)), "    3.1416\n");
}

TEST_F(DisplayTest, DispRandColumnsG7) {
  ValueRef x =
      mat(5, 3,
          {0.8147, 0.0975, 0.1576, 0.9058, 0.2785, 0.9706, 0.1270, 0.5469,
           0.9572, 0.9134, 0.9575, 0.4854, 0.6324, 0.9649, 0.8003});
  EXPECT_EQ(dispToString(*x), "    0.8147    0.0975    0.1576\n"
                              "    0.9058    0.2785    0.9706\n"
                              "    0.1270    0.5469    0.9572\n"
                              "    0.9134    0.9575    0.4854\n"
                              "    0.6324    0.9649    0.8003\n\n");
}

} // namespace
