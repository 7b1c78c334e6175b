//===- FormatTest.cpp - Unit tests for sprintf, num2str and mat2str -------===//
//
// Expected strings come from shared/SEMANTICS.md (rules 49, 59-61) and the
// conformance corpus (strings_sprintf, strings_fprintf_cycling,
// strings_num2str), with MATLAB's behaviour where it differs from Octave
// (%d of a non-integer and %s of a fraction use %e).
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/Format.h"
#include "runmat/rt/Builtins.h"
#include "runmat/rt/Display.h"
#include "runmat/rt/Error.h"
#include "runmat/rt/Value.h"

#include <gtest/gtest.h>

#include <cmath>
#include <initializer_list>
#include <string>
#include <vector>

using namespace runmat::rt;

namespace {

ValueRef num(double x) { return makeDouble(x); }
ValueRef str(const char *s) { return makeString(s); }

ValueRef row(std::initializer_list<double> v, ClassId c = ClassId::Double) {
  ValueRef r = makeArray(c, Dims{1, (int64_t)v.size()});
  r->re.assign(v.begin(), v.end());
  return r;
}

ValueRef mat(int64_t rows, int64_t cols, std::initializer_list<double> rm) {
  std::vector<double> v(rm);
  ValueRef r = makeArray(ClassId::Double, Dims{rows, cols});
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      r->re[(size_t)(i + j * rows)] = v[(size_t)(i * cols + j)];
  return r;
}

/// sprintf(fmt, args...) as a std::string (fmt as written in MATLAB source).
std::string sp(const char *fmt, std::initializer_list<ValueRef> args = {}) {
  std::vector<ValueRef> keep(args);
  std::vector<const Value *> ptrs;
  for (const ValueRef &a : keep)
    ptrs.push_back(a.get());
  return formatPrintf(fmt, ptrs);
}

std::string joined(const std::vector<std::string> &rows) {
  std::string s;
  for (size_t k = 0; k < rows.size(); ++k)
    s += (k ? "\n" : "") + rows[k];
  return s;
}

std::string text(const ValueRef &v) { return v->str(); }

// ---- sprintf: rules and conformance -----------------------------------------

TEST(FormatPrintf, RecyclesAndStopsRule59) {
  EXPECT_EQ(sp("%d-%d\\n", {row({1, 2, 3, 4, 5})}), "1-2\n3-4\n5-");
  EXPECT_EQ(sp("%d %d\\n", {mat(2, 2, {1, 2, 3, 4})}), "1 3\n2 4\n");
  EXPECT_EQ(sp("%d\\n", {row({1, 2, 3})}), "1\n2\n3\n");
  EXPECT_EQ(sp("(%d,%d) ", {row({1, 2, 3, 4})}), "(1,2) (3,4) ");
  EXPECT_EQ(sp("%d:%d\\n", {mat(2, 3, {1, 2, 3, 4, 5, 6})}), "1:4\n2:5\n3:6\n");
  EXPECT_EQ(sp("x=%g y=%g\\n", {mat(2, 2, {0.5, 1.5, 2, 3})}),
            "x=0.5 y=2\nx=1.5 y=3\n");
}

TEST(FormatPrintf, MixedTextAndNumbers) {
  EXPECT_EQ(sp("%s-%s\\n", {str("ab"), str("cd")}), "ab-cd\n");
  EXPECT_EQ(sp("%d %s\\n", {num(5), str("five")}), "5 five\n");
  EXPECT_EQ(sp("%s: %d\\n", {str("a"), num(1)}), "a: 1\n");
  EXPECT_EQ(sp("%s=%d;", {str("x"), num(3)}), "x=3;");
  EXPECT_EQ(sp("%d", {str("ab")}), "9798"); // numeric conversion: per char
  EXPECT_EQ(sp("%c%c%c", {num(72), num(105), num(33)}), "Hi!");
}

TEST(FormatPrintf, ConversionMismatchRule60) {
  EXPECT_EQ(sp("%s", {num(65)}), "A");
  EXPECT_EQ(sp("%g", {num(1e-5)}), "1e-05");
  EXPECT_EQ(sp("%g", {num(123456789)}), "1.23457e+08");
  // MATLAB (not Octave) switches to %e for non-integers under %d and %s.
  EXPECT_EQ(sp("%d", {num(1.5)}), "1.500000e+00");
  EXPECT_EQ(sp("%d", {num(M_PI)}), "3.141593e+00");
  EXPECT_EQ(sp("%s", {num(3.5)}), "3.500000e+00");
  EXPECT_EQ(sp("%d", {num(1e20)}), "100000000000000000000");
  ValueRef big = num(9223372036854775807.0);
  big->cls = ClassId::Int64;
  EXPECT_EQ(sp("%d", {big}), "9223372036854775807");
  big->cls = ClassId::UInt64;
  big->re[0] = 18446744073709551615.0;
  EXPECT_EQ(sp("%d", {big}), "18446744073709551615");
}

TEST(FormatPrintf, ExactDigitsRule49) {
  EXPECT_EQ(sp("%.17g", {num(0.1 + 0.2)}), "0.30000000000000004");
  EXPECT_EQ(sp("%.10f", {num(1.0 / 3)}), "0.3333333333");
}

TEST(FormatPrintf, FlagsWidthPrecisionConformance) {
  EXPECT_EQ(sp("%d", {num(42)}), "42");
  EXPECT_EQ(sp("%5d", {num(42)}), "   42");
  EXPECT_EQ(sp("%-5d", {num(42)}), "42   ");
  EXPECT_EQ(sp("%05d", {num(42)}), "00042");
  EXPECT_EQ(sp("%+d", {num(42)}), "+42");
  EXPECT_EQ(sp("%i", {num(-17)}), "-17");
  EXPECT_EQ(sp("%5.2f", {num(M_PI)}), " 3.14");
  EXPECT_EQ(sp("%.3f", {num(-2.0 / 3)}), "-0.667");
  EXPECT_EQ(sp("%8.3f", {num(1234.5678)}), "1234.568");
  EXPECT_EQ(sp("%g", {num(0.0001)}), "0.0001");
  EXPECT_EQ(sp("%g", {num(123456)}), "123456");
  EXPECT_EQ(sp("%g", {num(1234567)}), "1.23457e+06");
  EXPECT_EQ(sp("%.3g", {num(M_PI)}), "3.14");
  EXPECT_EQ(sp("%e", {num(12345.678)}), "1.234568e+04");
  EXPECT_EQ(sp("%.2e", {num(0.000123)}), "1.23e-04");
  EXPECT_EQ(sp("%E", {num(1.5)}), "1.500000E+00");
  EXPECT_EQ(sp("%10s", {str("right")}), "     right");
  EXPECT_EQ(sp("%-10s", {str("left")}), "left      ");
  EXPECT_EQ(sp("%x", {num(255)}), "ff");
  EXPECT_EQ(sp("%X", {num(48879)}), "BEEF");
  EXPECT_EQ(sp("%o", {num(8)}), "10");
  EXPECT_EQ(sp("%5.1f|", {row({1.24, 2.56, 3.71})}), "  1.2|  2.6|  3.7|");
  EXPECT_EQ(sp("%*d|%.*f", {num(5), num(7), num(2), num(M_PI)}), "    7|3.14");
  EXPECT_EQ(sp("%.2s", {str("abc")}), "ab");
}

TEST(FormatPrintf, EscapesOnlyInFormat) {
  EXPECT_EQ(sp("100%%"), "100%");
  EXPECT_EQ(sp("a\\tb"), "a\tb");
  EXPECT_EQ(sp("back\\\\slash"), "back\\slash");
  EXPECT_EQ(sp("%s", {str("a\\nb")}), "a\\nb");
  EXPECT_EQ(sp("line1\\nline2").size(), 11u);
  EXPECT_EQ(sp("\\x41\\101\\a\\r"), "AA\a\r");
  EXPECT_EQ(expandEscapes("x\\ny"), "x\ny");
}

TEST(FormatPrintf, NonFiniteHonorsWidth) {
  EXPECT_EQ(sp("%d %f %g", {num(INFINITY), num(NAN), num(-INFINITY)}),
            "Inf NaN -Inf");
  EXPECT_EQ(sp("[%6d][%-6.2f][%5x]", {num(INFINITY), num(NAN), num(-INFINITY)}),
            "[   Inf][NaN   ][ -Inf]");
}

TEST(FormatPrintf, EmptyAndMissingData) {
  EXPECT_EQ(sp("no conversions\\n"), "no conversions\n");
  EXPECT_EQ(sp("hello", {num(1), num(2)}), "hello"); // printed once
  EXPECT_EQ(sp("a%db", {makeEmpty()}), "ab");
  // sprintf(literalText): a conversion and all text after it are dropped.
  EXPECT_EQ(sp("%d and %d"), "");
  EXPECT_EQ(sp("val: %d and %s end\\n"), "val: ");
  EXPECT_EQ(sp("a %d b", {makeEmpty()}), "a  b");
  EXPECT_EQ(sp("%d", {makeEmpty(), num(4), makeEmpty()}), "4");
  EXPECT_EQ(sp("%d %d", {num(1)}), "1 ");
}

TEST(FormatPrintf, MalformedFormatsDoNotCrash) {
  EXPECT_EQ(sp("%"), "");
  EXPECT_EQ(sp("abc%", {num(1)}), "abc");
  EXPECT_EQ(sp("%-", {num(1)}), "");
  EXPECT_EQ(sp("%5.", {num(1)}), "");
  EXPECT_EQ(sp("%5.f", {num(3.14159)}), "    3");
  EXPECT_EQ(sp("%y", {num(1)}), "");
  EXPECT_EQ(sp("value = %z rest", {num(1)}), "value = ");
  EXPECT_EQ(sp("\\"), "\\");
  EXPECT_EQ(sp("%99999999999999999999d", {num(1)}).size(), 1u << 20);
  EXPECT_EQ(sp("%.99999999f", {num(1)}).size(), 2u + 4096u);
  EXPECT_EQ(sp("%*d", {num(-3), num(1)}), "1  ");
}

TEST(FormatPrintf, RejectsCellArguments) {
  ValueRef c = makeCell({1, 1});
  c->cells[0] = num(1);
  try {
    sp("%d", {c});
    FAIL() << "no error";
  } catch (const MatlabError &e) {
    EXPECT_EQ(e.message, "Function is not defined for 'cell' inputs.");
  }
}

// ---- num2str / int2str / mat2str --------------------------------------------

TEST(Num2Str, ScalarsRule61) {
  EXPECT_EQ(joined(num2str(*num(M_PI))), "3.1416");
  EXPECT_EQ(joined(num2str(*num(1e10))), "10000000000");
  EXPECT_EQ(joined(num2str(*num(42))), "42");
  EXPECT_EQ(joined(num2str(*num(-7))), "-7");
  EXPECT_EQ(joined(num2str(*num(0.5))), "0.5");
  EXPECT_EQ(joined(num2str(*num(-0.25))), "-0.25");
  ValueRef i8 = num(-5);
  i8->cls = ClassId::Int8;
  EXPECT_EQ(joined(num2str(*i8)), "-5");
  EXPECT_EQ(joined(num2str(*num(NAN))), "NaN");
  EXPECT_EQ(joined(num2str(*num(-INFINITY))), "-Inf");
  EXPECT_EQ(joined(num2str(*num(123.456))), "123.456");
}

TEST(Num2Str, MatricesAndPrecisionAndFormat) {
  EXPECT_EQ(joined(num2str(*row({1, 2, 3}))), "1  2  3");
  EXPECT_EQ(joined(num2str(*mat(2, 2, {1, 20, 300, 4}))), "  1   20\n300    4");
  EXPECT_EQ(joined(num2str(*row({1.5, -2.25, 3}))),
            "1.5       -2.25           3");
  EXPECT_EQ(joined(num2str(*num(M_PI), 8)), "3.1415927");
  EXPECT_EQ(joined(num2str(*num(M_PI), "%.2f")), "3.14");
  EXPECT_EQ(joined(num2str(*row({1, 2, 3}), "%d")), "123");
  EXPECT_EQ(joined(num2str(*str("text"))), "text");
  EXPECT_TRUE(num2str(*makeEmpty()).empty());
}

TEST(Num2Str, Int2Str) {
  EXPECT_EQ(joined(int2str(*num(2.5))), "3");
  EXPECT_EQ(joined(int2str(*num(-2.5))), "-3");
  EXPECT_EQ(joined(int2str(*num(7.49))), "7");
  EXPECT_EQ(joined(int2str(*row({1, -10, NAN}))), "1  -10  NaN");
}

TEST(Mat2Str, Rule61AndConformance) {
  EXPECT_EQ(mat2str(*mat(2, 2, {1, 2, 3, 4})), "[1 2;3 4]");
  EXPECT_EQ(mat2str(*row({1, -2, 3})), "[1 -2 3]");
  EXPECT_EQ(mat2str(*mat(3, 1, {1, 2, 3})), "[1;2;3]");
  EXPECT_EQ(mat2str(*num(5)), "5");
  EXPECT_EQ(mat2str(*row({0.5, 1.25})), "[0.5 1.25]");
  EXPECT_EQ(mat2str(*row({1, 0, 1}, ClassId::Logical)), "[true false true]");
}

TEST(Mat2Str, PrecisionClassCharComplexEmpty) {
  EXPECT_EQ(mat2str(*num(M_PI)), "3.14159265358979");
  EXPECT_EQ(mat2str(*row({M_PI, INFINITY, -INFINITY, NAN}), 4),
            "[3.142 Inf -Inf NaN]");
  EXPECT_EQ(mat2str(*row({1, 2}, ClassId::Int8), 0, true), "int8([1 2])");
  EXPECT_EQ(mat2str(*str("it's")), "'it''s'");
  ValueRef z = row({1, -2});
  z->complex = true;
  z->im = {2, -3};
  EXPECT_EQ(mat2str(*z), "[1+2i -2-3i]");
  EXPECT_EQ(mat2str(*makeEmpty()), "[]");
  EXPECT_EQ(mat2str(*makeArray(ClassId::Double, {0, 3})), "zeros(0,3)");
  EXPECT_THROW(mat2str(*makeArray(ClassId::Double, {2, 2, 2})), MatlabError);
}

// ---- the text builtins ------------------------------------------------------

TEST(TextBuiltins, SprintfResultIsCharRow) {
  Args out = bi_sprintf(1, {str("%d,"), row({1, 2, 3})});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0]->cls, ClassId::Char);
  EXPECT_EQ(out[0]->dims, (Dims{1, 6}));
  EXPECT_EQ(text(out[0]), "1,2,3,");
  Args empty = bi_sprintf(1, {str("")});
  EXPECT_EQ(empty[0]->dims, (Dims{1, 0}));
}

TEST(TextBuiltins, Num2StrAndMat2Str) {
  EXPECT_EQ(text(bi_num2str(1, {num(M_PI), num(8)})[0]), "3.1415927");
  EXPECT_EQ(text(bi_num2str(1, {num(M_PI), str("%.2f")})[0]), "3.14");
  EXPECT_EQ(text(bi_mat2str(1, {mat(2, 2, {1, 2, 3, 4})})[0]), "[1 2;3 4]");
  EXPECT_EQ(text(bi_mat2str(1, {num(M_PI), num(4)})[0]), "3.142");
}

TEST(TextBuiltins, ErrorIdentifierAndFormatting) {
  try {
    bi_error(0,
             {str("demo:fatal"), str("fatal condition %d reached"), num(42)});
    FAIL() << "no error";
  } catch (const MatlabError &e) {
    EXPECT_EQ(e.identifier, "demo:fatal");
    EXPECT_EQ(e.message, "fatal condition 42 reached");
    EXPECT_EQ(e.function, "");
  }
  try {
    bi_error(0, {str("a:b")}); // one argument: a message, no identifier
    FAIL() << "no error";
  } catch (const MatlabError &e) {
    EXPECT_EQ(e.identifier, "");
    EXPECT_EQ(e.message, "a:b");
  }
  try {
    bi_error(0, {str("50%\\n done")}); // one argument: no formatting
    FAIL() << "no error";
  } catch (const MatlabError &e) {
    EXPECT_EQ(e.message, "50%\\n done");
  }
  try {
    bi_error(0, {str("Value %d: too big"), num(7)});
    FAIL() << "no error";
  } catch (const MatlabError &e) {
    EXPECT_EQ(e.identifier, "");
    EXPECT_EQ(e.message, "Value 7: too big");
  }
  EXPECT_NO_THROW(bi_error(0, {str("")})); // empty message: no error
}

TEST(TextBuiltins, FormatCommand) {
  bi_format(0, {str("long")});
  EXPECT_EQ(currentFormat(), NumericFormat::Long);
  bi_format(0, {str("compact")});
  EXPECT_TRUE(isCompact());
  bi_format(0, {});
  EXPECT_EQ(currentFormat(), NumericFormat::Short);
  EXPECT_FALSE(isCompact());
  EXPECT_THROW(bi_format(0, {str("nonsense")}), MatlabError);
}

} // namespace
