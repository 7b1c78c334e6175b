//===- StringsTest.cpp - Unit tests for the text builtins -----------------===//
//
// Calls the builtins of Strings.def through callBuiltin and checks values,
// classes, sizes and error identifiers (expected values are MATLAB's).
//
//===----------------------------------------------------------------------===//
#include "RuntimeTestUtil.h"
#include "runmat/rt/Builtins.h"

#include <cmath>
#include <string>

using namespace rmtest;

namespace {

ValueRef str(const char *s) { return makeString(s); }

Args call(const char *name, Args args, int nargout = 1) {
  return callBuiltin(name, nargout, args);
}

ValueRef call1(const char *name, Args args) { return call(name, args)[0]; }

ValueRef cellOf(std::initializer_list<const char *> items, bool column = false) {
  int64_t n = (int64_t)items.size();
  ValueRef c = makeCell(column ? Dims{n, 1} : Dims{1, n});
  size_t k = 0;
  for (const char *s : items)
    c->cells[k++] = makeString(s);
  return c;
}

std::string text(const ValueRef &v) {
  EXPECT_EQ(v->cls, ClassId::Char);
  return v->str();
}

} // namespace

TEST(StringsTest, StrcmpFamily) {
  EXPECT_DATA(call1("strcmp", {str("abc"), str("abc")}), 1);
  EXPECT_DATA(call1("strcmp", {str("abc"), str("ABC")}), 0);
  EXPECT_DATA(call1("strcmp", {str("abc"), str("abcd")}), 0);
  EXPECT_DATA(call1("strcmp", {num(5), str("5")}), 0);
  EXPECT_DATA(call1("strcmpi", {str("abc"), str("ABC")}), 1);
  EXPECT_DATA(call1("strncmp", {str("abcdef"), str("abcxyz"), num(3)}), 1);
  EXPECT_DATA(call1("strncmp", {str("abcdef"), str("abcxyz"), num(4)}), 0);
  EXPECT_DATA(call1("strncmpi", {str("ABCdef"), str("abcXYZ"), num(3)}), 1);
  EXPECT_EQ(call1("strcmp", {str("a"), str("a")})->cls, ClassId::Logical);
  // '' and 1x0 char are both empty text.
  EXPECT_DATA(call1("strcmp", {str(""), makeArray(ClassId::Char, {1, 0})}), 1);
}

TEST(StringsTest, StrcmpCells) {
  ValueRef c = cellOf({"apple", "Banana", "apple", "cherry"});
  ValueRef r = call1("strcmp", {c, str("apple")});
  EXPECT_EQ(r->cls, ClassId::Logical);
  EXPECT_DIMS(r, 1, 4);
  EXPECT_DATA(r, 1, 0, 1, 0);
  EXPECT_DATA(call1("strcmpi", {c, str("BANANA")}), 0, 1, 0, 0);
  EXPECT_DATA(call1("strcmp", {c, cellOf({"apple", "banana", "x", "cherry"})}),
              1, 0, 0, 1);
  EXPECT_DATA(call1("strcmp", {cellOf({"a"}), c}), 0, 0, 0, 0);
  EXPECT_EQ(errorId([&] { call("strcmp", {c, cellOf({"a", "b"})}); }),
            "MATLAB:strcmp:InputsSizeMismatch");
  // A non-text element compares false.
  ValueRef mixed = makeCell({1, 2});
  mixed->cells[0] = num(1);
  mixed->cells[1] = str("x");
  EXPECT_DATA(call1("strcmp", {mixed, str("x")}), 0, 1);
}

TEST(StringsTest, UpperLower) {
  EXPECT_EQ(text(call1("upper", {str("Hello, World 1")})), "HELLO, WORLD 1");
  EXPECT_EQ(text(call1("lower", {str("MiXeD CaSe")})), "mixed case");
  ValueRef c = call1("upper", {cellOf({"ab", "c"})});
  EXPECT_EQ(c->cls, ClassId::Cell);
  EXPECT_EQ(text(c->cells[1]), "C");
  EXPECT_DATA(call1("upper", {num(5)}), 5);
  EXPECT_EQ(errorId([&] { call("upper", {makeStruct({1, 1}, {})}); }),
            "MATLAB:upper:wrongInputType");
}

TEST(StringsTest, StrtrimDeblankBlanks) {
  ValueRef t = call1("strtrim", {str("   padded text   ")});
  EXPECT_EQ(text(t), "padded text");
  EXPECT_DIMS(t, 1, 11);
  EXPECT_EQ(text(call1("strtrim", {str("\t tab and newline \n")})),
            "tab and newline");
  EXPECT_EQ(text(call1("deblank", {str("  x  ")})), "  x");
  EXPECT_DIMS(call1("strtrim", {str("   ")}), 0, 0);
  ValueRef c = call1("strtrim", {cellOf({" a ", "b  "})});
  EXPECT_EQ(text(c->cells[0]), "a");
  EXPECT_EQ(text(c->cells[1]), "b");
  ValueRef b = call1("blanks", {num(3)});
  EXPECT_DIMS(b, 1, 3);
  EXPECT_DATA(b, 32, 32, 32);
  EXPECT_EQ(errorId([&] { call("blanks", {num(-1)}); }),
            "MATLAB:blanks:NonNegativeInteger");
  EXPECT_EQ(errorId([&] { call("strtrim", {num(1)}); }),
            "MATLAB:strtrim:InputClass");
}

TEST(StringsTest, Strrep) {
  EXPECT_EQ(text(call1("strrep", {str("hello world"), str("o"), str("0")})),
            "hell0 w0rld");
  EXPECT_EQ(text(call1("strrep", {str("aaa"), str("a"), str("bb")})), "bbbbbb");
  ValueRef e = call1("strrep", {str("abcabc"), str("abcabc"), str("")});
  EXPECT_DIMS(e, 1, 0);
  // Overlapping matches are all replaced (MATLAB's documented example).
  EXPECT_EQ(text(call1("strrep", {str("abc 2 def 22 ghi 222 jkl 2222"),
                                  str("22"), str("*")})),
            "abc 2 def * ghi ** jkl ***");
  ValueRef c = call1("strrep", {cellOf({"a-b", "c"}), str("-"), str("_")});
  EXPECT_EQ(text(c->cells[0]), "a_b");
}

TEST(StringsTest, Strfind) {
  EXPECT_DATA(call1("strfind", {str("abcabcabc"), str("bc")}), 2, 5, 8);
  EXPECT_DATA(call1("strfind", {str("aaaa"), str("aa")}), 1, 2, 3);
  ValueRef none = call1("strfind", {str("abc"), str("z")});
  EXPECT_DIMS(none, 0, 0);
  EXPECT_EQ(none->cls, ClassId::Double);
  ValueRef c = call1("strfind", {cellOf({"abab", "x"}), str("b")});
  EXPECT_EQ(c->cls, ClassId::Cell);
  EXPECT_DATA(c->cells[0], 2, 4);
  EXPECT_TRUE(c->cells[1]->isEmpty());
}

TEST(StringsTest, Strtok) {
  Args r = call("strtok", {str("  first second third")}, 2);
  EXPECT_EQ(text(r[0]), "first");
  EXPECT_EQ(text(r[1]), " second third");
  r = call("strtok", {str("a,b,c"), str(",")}, 2);
  EXPECT_EQ(text(r[0]), "a");
  EXPECT_EQ(text(r[1]), ",b,c");
}

TEST(StringsTest, Strsplit) {
  ValueRef p = call1("strsplit", {str("red,green,blue"), str(",")});
  EXPECT_EQ(p->cls, ClassId::Cell);
  EXPECT_DIMS(p, 1, 3);
  EXPECT_EQ(text(p->cells[2]), "blue");
  ValueRef w = call1("strsplit", {str("one  two three")});
  EXPECT_DIMS(w, 1, 3); // delimiters collapse by default
  ValueRef k = call1("strsplit", {str("a,,b"), str(","),
                                  str("CollapseDelimiters"), makeBool(false)});
  EXPECT_DIMS(k, 1, 3);
  EXPECT_TRUE(k->cells[1]->isEmpty());
  ValueRef m = call1("strsplit", {str("a::b::c"), str("::")});
  EXPECT_DIMS(m, 1, 3);
  EXPECT_EQ(text(m->cells[1]), "b");
  ValueRef one = call1("strsplit", {str("abc"), str(",")});
  EXPECT_DIMS(one, 1, 1);
  ValueRef multi = call1("strsplit", {str("a1b22c"), cellOf({"1", "22"})});
  EXPECT_DIMS(multi, 1, 3);
  ValueRef rx = call1("strsplit", {str("a1b22c"), str("\\d+"),
                                   str("DelimiterType"), str("RegularExpression")});
  EXPECT_DIMS(rx, 1, 3);
  EXPECT_EQ(text(rx->cells[2]), "c");
}

TEST(StringsTest, Strjoin) {
  EXPECT_EQ(text(call1("strjoin", {cellOf({"a", "b", "c"}), str("-")})), "a-b-c");
  EXPECT_EQ(text(call1("strjoin", {cellOf({"x", "y"})})), "x y");
  EXPECT_EQ(text(call1("strjoin", {cellOf({"x", "y"}), str("\\n")})), "x\ny");
  EXPECT_EQ(text(call1("strjoin", {cellOf({"a", "b", "c"}), cellOf({"+", "="})})),
            "a+b=c");
  EXPECT_EQ(errorId([&] { call("strjoin", {num(1)}); }),
            "MATLAB:strjoin:InvalidCellType");
}

TEST(StringsTest, Strcat) {
  EXPECT_EQ(text(call1("strcat", {str("a "), str("b "), str("c")})), "abc");
  ValueRef c = call1("strcat", {cellOf({"a ", "x"}), str("b ")});
  EXPECT_EQ(c->cls, ClassId::Cell);
  EXPECT_EQ(text(c->cells[0]), "a b ");
  EXPECT_EQ(text(c->cells[1]), "xb ");
  ValueRef x = mat(2, 2, {'a', ' ', 'b', 'b'}), y = mat(2, 1, {'c', 'd'});
  x->cls = y->cls = ClassId::Char;
  ValueRef m = call1("strcat", {x, y});
  EXPECT_DIMS(m, 2, 3);
  EXPECT_DATA(m, 'a', 'b', ' ', 'b', 'c', 'd');
}

TEST(StringsTest, Int2strStr2double) {
  EXPECT_EQ(text(call1("int2str", {num(2.5)})), "3");
  EXPECT_EQ(text(call1("int2str", {num(-2.5)})), "-3");
  EXPECT_EQ(text(call1("int2str", {num(7.49)})), "7");
  EXPECT_DATA(call1("str2double", {str("3.5")}), 3.5);
  EXPECT_DATA(call1("str2double", {str("-1e3")}), -1000);
  EXPECT_DATA(call1("str2double", {str("  42  ")}), 42);
  EXPECT_DATA(call1("str2double", {str("1,000")}), 1000);
  EXPECT_TRUE(std::isnan(call1("str2double", {str("abc")})->re[0]));
  EXPECT_TRUE(std::isnan(call1("str2double", {num(5)})->re[0]));
  ValueRef z = call1("str2double", {str("3+4i")});
  ASSERT_TRUE(z->complex);
  EXPECT_EQ(z->re[0], 3);
  EXPECT_EQ(z->im[0], 4);
  ValueRef c = call1("str2double", {cellOf({"1", "x", "2.5"}, true)});
  EXPECT_DIMS(c, 3, 1);
  EXPECT_EQ(c->re[0], 1);
  EXPECT_TRUE(std::isnan(c->re[1]));
  EXPECT_EQ(c->re[2], 2.5);
}

TEST(StringsTest, Str2num) {
  Args r = call("str2num", {str("[1 -2; 3 4]")}, 2);
  EXPECT_DIMS(r[0], 2, 2);
  EXPECT_DATA(r[0], 1, 3, -2, 4);
  EXPECT_DATA(r[1], 1);
  EXPECT_DATA(call1("str2num", {str("1 - 2")}), -1);
  EXPECT_DATA(call1("str2num", {str("2^3*pi/pi")}), 8);
  EXPECT_DATA(call1("str2num", {str("[1:3, 10:-5:0]")}), 1, 2, 3, 10, 5, 0);
  EXPECT_DATA(call1("str2num", {str("sqrt(16) abs(-2)")}), 4, 2);
  r = call("str2num", {str("hello")}, 2);
  EXPECT_TRUE(r[0]->isEmpty());
  EXPECT_DATA(r[1], 0);
}

TEST(StringsTest, ContainsStartsEnds) {
  EXPECT_DATA(call1("contains", {str("hello world"), str("o w")}), 1);
  EXPECT_DATA(call1("contains", {str("hello"), str("HELLO")}), 0);
  EXPECT_DATA(call1("contains", {str("hello"), str("HELLO"), str("IgnoreCase"),
                                 makeBool(true)}),
              1);
  EXPECT_DATA(call1("startsWith", {cellOf({"abc", "xbc", "ab"}), str("ab")}), 1,
              0, 1);
  EXPECT_DATA(call1("endsWith", {str("file.txt"), cellOf({".csv", ".txt"})}), 1);
  EXPECT_EQ(errorId([&] { call("contains", {num(1), str("a")}); }),
            "MATLAB:string:MustBeCharCellOrString");
}

TEST(StringsTest, RegexpMatchTokensSplit) {
  ValueRef m = call1("regexp", {str("a1b22c"), str("\\d+"), str("match")});
  ASSERT_EQ(m->cls, ClassId::Cell);
  EXPECT_DIMS(m, 1, 2);
  EXPECT_EQ(text(m->cells[1]), "22");
  ValueRef s = call1("regexp", {str("a1b22c"), str("\\d+"), str("split")});
  EXPECT_DIMS(s, 1, 3);
  EXPECT_EQ(text(s->cells[2]), "c");
  EXPECT_DATA(call1("regexp", {str("hello world"), str("o")}), 5, 8);
  Args two = call("regexp", {str("ab12cd345"), str("(\\d)(\\d)"), str("tokens"),
                             str("match")},
                  2);
  EXPECT_DIMS(two[0], 1, 2);
  EXPECT_EQ(text(two[0]->cells[1]->cells[0]), "3");
  EXPECT_EQ(text(two[1]->cells[0]), "12");
  ValueRef once = call1("regexp", {str("x=12"), str("\\d+"), str("match"),
                                   str("once")});
  EXPECT_EQ(text(once), "12");
  ValueRef none = call1("regexp", {str("abc"), str("\\d"), str("match"),
                                   str("once")});
  EXPECT_EQ(none->cls, ClassId::Char);
  EXPECT_TRUE(none->isEmpty());
  // '.' matches newlines by default; \< is a word start.
  EXPECT_DATA(call1("regexp", {str("a\nb"), str("a.b")}), 1);
  EXPECT_DATA(call1("regexp", {str("cat concat"), str("\\<cat")}), 1);
}

TEST(StringsTest, RegexpEmptyMatchesIgnored) {
  ValueRef m = call1("regexp", {str("baaa"), str("a*"), str("match")});
  ASSERT_EQ(m->numel(), 1);
  EXPECT_EQ(text(m->cells[0]), "aaa");
  ValueRef lazy = call1("regexp", {str("aaa"), str("a*?"), str("match")});
  EXPECT_DIMS(lazy, 1, 0);
  ValueRef em = call1("regexp", {str("ab"), str("x*"), str("match"), str("emptymatch")});
  EXPECT_EQ(em->numel(), 3);
  // Empty split pieces are 0x0 char, as MATLAB shows {0x0 char}.
  ValueRef sp = call1("regexp", {str(",a"), str(","), str("split")});
  EXPECT_DIMS(sp->cells[0], 0, 0);
  ValueRef fc = call1("regexp", {str("a1"), str("\\d"), str("match"), str("forceCellOutput")});
  EXPECT_EQ(fc->cls, ClassId::Cell);
  EXPECT_EQ(fc->cells[0]->cls, ClassId::Cell);
}

TEST(StringsTest, RegexpNames) {
  ValueRef n = call1("regexp", {str("key=val"), str("(?<k>\\w+)=(?<v>\\w+)"),
                                str("names")});
  ASSERT_EQ(n->cls, ClassId::Struct);
  EXPECT_EQ(n->fields, (std::vector<std::string>{"k", "v"}));
  EXPECT_EQ(text(n->cells[0]), "key");
  EXPECT_EQ(text(n->cells[1]), "val");
  ValueRef ci = call1("regexpi", {str("ABC"), str("b"), str("match")});
  EXPECT_EQ(text(ci->cells[0]), "B");
  EXPECT_EQ(errorId([&] { call("regexp", {str("a"), str("(")}); }),
            "MATLAB:regexp:invalidPattern");
}

TEST(StringsTest, Regexprep) {
  EXPECT_EQ(text(call1("regexprep", {str("abc123def45"), str("[0-9]+"), str("#")})),
            "abc#def#");
  EXPECT_EQ(text(call1("regexprep", {str("hello world"), str("(\\w+) (\\w+)"),
                                     str("$2 $1")})),
            "world hello");
  EXPECT_EQ(text(call1("regexprep", {str("aaa"), str("a"), str("b"), str("once")})),
            "baa");
  EXPECT_EQ(text(call1("regexprep", {str("ABC"), str("b"), str("x"),
                                     str("ignorecase")})),
            "AxC");
  EXPECT_EQ(text(call1("regexprep", {str("a b"), str(" "), str("\\n")})), "a\nb");
  EXPECT_EQ(text(call1("regexprep", {str("abc"), str("(.)"), str("<$0>")})),
            "<a><b><c>");
  ValueRef c = call1("regexprep", {cellOf({"a1", "b2"}), str("\\d"), str("")});
  EXPECT_EQ(text(c->cells[1]), "b");
}

TEST(StringsTest, RegexpLongSubjectDoesNotCrash) {
  std::string big(200000, 'a');
  ValueRef m = call1("regexp", {str(big.c_str()), str("a.*"), str("match")});
  ASSERT_EQ(m->numel(), 1);
  EXPECT_EQ(m->cells[0]->numel(), 200000);
}

TEST(StringsTest, CharClasses) {
  ValueRef s = call1("isspace", {str("a b\tc")});
  EXPECT_EQ(s->cls, ClassId::Logical);
  EXPECT_DATA(s, 0, 1, 0, 1, 0);
  EXPECT_DATA(call1("isspace", {row({32, 1})}), 0, 0);
  EXPECT_DATA(call1("isletter", {str("a1B_")}), 1, 0, 1, 0);
  EXPECT_DATA(call1("isstrprop", {str("a1 B"), str("digit")}), 0, 1, 0, 0);
  EXPECT_DATA(call1("isstrprop", {str("a1 B"), str("upper")}), 0, 0, 0, 1);
}

TEST(StringsTest, BaseConversions) {
  EXPECT_EQ(text(call1("dec2bin", {num(10)})), "1010");
  EXPECT_EQ(text(call1("dec2bin", {num(5), num(8)})), "00000101");
  ValueRef m = call1("dec2bin", {row({1, 5, 10})});
  EXPECT_DIMS(m, 3, 4);
  EXPECT_EQ(text(call1("dec2hex", {num(255)})), "FF");
  EXPECT_EQ(text(call1("dec2bin", {num(-1)})), "11111111");
  EXPECT_DATA(call1("bin2dec", {str("1111")}), 15);
  EXPECT_DATA(call1("hex2dec", {str("1F")}), 31);
  EXPECT_DATA(call1("hex2dec", {cellOf({"ff", "10"})}), 255, 16);
  EXPECT_EQ(text(call1("dec2base", {num(35), num(36)})), "Z");
  EXPECT_EQ(errorId([&] { call("bin2dec", {str("12")}); }),
            "MATLAB:bin2dec:IllegalBinaryString");
}

TEST(StringsTest, CellstrAndLength) {
  ValueRef cm = mat(2, 3, {'a', 'b', ' ', 'c', 'd', 'e'});
  cm->cls = ClassId::Char;
  ValueRef c = call1("cellstr", {cm});
  EXPECT_DIMS(c, 2, 1);
  EXPECT_EQ(text(c->cells[0]), "ab");
  EXPECT_EQ(text(c->cells[1]), "cde");
  EXPECT_DATA(call1("strlength", {cellOf({"ab", ""})}), 2, 0);
  EXPECT_EQ(text(call1("replace", {str("aaa"), str("aa"), str("b")})), "ba");
  EXPECT_EQ(text(call1("erase", {str("a-b-c"), str("-")})), "abc");
}

TEST(StringsTest, BadInputsDoNotCrash) {
  ValueRef hugeN = num(1e300);
  EXPECT_NE(errorId([&] { call("blanks", {hugeN}); }), "<none>");
  EXPECT_NE(errorId([&] { call("dec2bin", {num(NAN)}); }), "<none>");
  EXPECT_NE(errorId([&] { call("strrep", {num(1), str("a"), str("b")}); }), "<none>");
  EXPECT_NE(errorId([&] { call("strsplit", {makeCell({1, 1})}); }), "<none>");
  EXPECT_NE(errorId([&] { call("regexp", {num(1), str("a")}); }), "<none>");
  EXPECT_DATA(call1("strcmp", {makeCell({0, 0}), str("a")}));
  EXPECT_TRUE(call1("strjoin", {makeCell({1, 0})})->isEmpty());
  EXPECT_TRUE(call1("strtrim", {str("")})->isEmpty());
  EXPECT_TRUE(call1("str2num", {str("")})->isEmpty());
  EXPECT_NE(errorId([&] { call("regexp", {str("abc"), str("(?<=a)b")}); }), "<none>");
}
