//===- BuiltinsTest.cpp - Unit tests for the array builtins ---------------===//
//
// Calls builtins through callBuiltin (as compiled code does) and checks
// values, classes, sizes and MATLAB error identifiers. Many cases are rows of
// shared/SEMANTICS.md.
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/Builtins.h"
#include "runmat/rt/Error.h"
#include "runmat/rt/Value.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <string>

using namespace runmat::rt;

namespace {

ValueRef num(double x) { return makeDouble(x); }

ValueRef row(std::initializer_list<double> v) {
  return makeRowVector(std::vector<double>(v));
}

ValueRef col(std::initializer_list<double> v) {
  return makeColumnVector(std::vector<double>(v));
}

/// A rows x cols double matrix from row-major literals (as written in MATLAB).
ValueRef mat(int64_t rows, int64_t cols, std::initializer_list<double> rm) {
  std::vector<double> v(rm);
  ValueRef r = makeArray(ClassId::Double, Dims{rows, cols});
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      r->re[(size_t)(i + j * rows)] = v[(size_t)(i * cols + j)];
  return r;
}

ValueRef str(const char *s) { return makeString(s); }

ValueRef withClass(ValueRef v, ClassId c) {
  v->cls = c;
  return v;
}

ValueRef cplx(std::initializer_list<double> re,
              std::initializer_list<double> im) {
  ValueRef r = row(re);
  r->complex = true;
  r->im = std::vector<double>(im);
  return r;
}

Args call(const char *name, Args args, int nargout = 1) {
  return callBuiltin(name, nargout, args);
}

ValueRef call1(const char *name, Args args) { return call(name, args, 1)[0]; }

double scalar(const ValueRef &v) {
  EXPECT_EQ(v->numel(), 1);
  return v->re.empty() ? NAN : v->re[0];
}

::testing::AssertionResult sameValues(const Value &v,
                                      std::vector<double> expect) {
  if (v.re.size() != expect.size())
    return ::testing::AssertionFailure()
           << "numel " << v.re.size() << " != " << expect.size();
  for (size_t k = 0; k < expect.size(); ++k) {
    double a = v.re[k], b = expect[k];
    bool ok = (std::isnan(a) && std::isnan(b)) || a == b ||
              std::fabs(a - b) <= 1e-12 * std::max(1.0, std::fabs(b));
    if (!ok)
      return ::testing::AssertionFailure()
             << "element " << k << ": " << a << " != " << b;
  }
  return ::testing::AssertionSuccess();
}

#define EXPECT_VALUES(v, ...) EXPECT_TRUE(sameValues(*(v), __VA_ARGS__))
#define EXPECT_DIMS(v, ...) EXPECT_EQ((v)->dims, (Dims __VA_ARGS__))

/// The MatlabError thrown by a call (fails the test when none is thrown).
MatlabError errorOf(const char *name, Args args, int nargout = 1) {
  try {
    callBuiltin(name, nargout, args);
  } catch (const MatlabError &e) {
    return e;
  }
  ADD_FAILURE() << name << " did not throw";
  return MatlabError("", "");
}

} // namespace

// ---- table and dispatch
// -----------------------------------------------------------

TEST(BuiltinTable, FindsEveryRowAndRejectsUnknownNames) {
  for (const BuiltinInfo &b : allBuiltins()) {
    const BuiltinInfo *f = findBuiltin(b.name);
    ASSERT_NE(f, nullptr) << b.name;
    EXPECT_STREQ(f->name, b.name);
  }
  EXPECT_EQ(findBuiltin("nosuchfunction"), nullptr);
  EXPECT_EQ(findBuiltin(""), nullptr);
  EXPECT_NE(findBuiltin("Inf"), nullptr);
  EXPECT_NE(findBuiltin("inf"), nullptr);
}

TEST(BuiltinTable, ArityErrorsHaveMatlabIdentifiers) {
  MatlabError e = errorOf("nosuchfunction", {});
  EXPECT_EQ(e.identifier, "MATLAB:UndefinedFunction");
  EXPECT_EQ(e.message, "Unrecognized function or variable 'nosuchfunction'.");
  e = errorOf("sin", {num(1), num(2)});
  EXPECT_EQ(e.identifier, "MATLAB:TooManyInputs");
  EXPECT_EQ(e.message, "Too many input arguments.");
  EXPECT_EQ(e.function, "sin");
  e = errorOf("mod", {num(1)});
  EXPECT_EQ(e.identifier, "MATLAB:minrhs");
  EXPECT_EQ(e.message, "Not enough input arguments.");
  e = errorOf("numel", {num(1)}, 2);
  EXPECT_EQ(e.identifier, "MATLAB:TooManyOutputs");
  EXPECT_EQ(e.message, "Too many output arguments.");
}

TEST(BuiltinTable, ErrorsInsideBuiltinsNameTheBuiltin) {
  MatlabError e = errorOf("reshape", {row({1, 2, 3}), num(2), num(2)});
  EXPECT_EQ(e.function, "reshape");
  // "Undefined function ... for input arguments of type" has no function.
  e = errorOf("sum", {makeCell(Dims{1, 1})});
  EXPECT_EQ(e.identifier, "MATLAB:UndefinedFunction");
  EXPECT_EQ(e.message,
            "Undefined function 'sum' for input arguments of type 'cell'.");
  EXPECT_EQ(e.function, "");
}

TEST(BuiltinTable, MarkdownListsEveryBuiltin) {
  std::string md = builtinsMarkdown();
  EXPECT_NE(md.find("| Name | Inputs | Outputs | Summary |"),
            std::string::npos);
  EXPECT_NE(md.find("| `zeros` | 0+ | 0-1 | Array of zeros |"),
            std::string::npos);
  EXPECT_NE(md.find("| `linspace` | 2-3 |"), std::string::npos);
  for (const BuiltinInfo &b : allBuiltins()) {
    bool listed = md.find(std::string("| `") + b.name + "` |") != std::string::npos;
    EXPECT_EQ(listed, !isInternalBuiltin(b.name)) << b.name;
  }
}

// ---- creation
// -----------------------------------------------------------------------

TEST(Creation, ZerosOnesSizeForms) {
  ValueRef z = call1("zeros", {});
  EXPECT_DIMS(z, {1, 1});
  EXPECT_VALUES(z, {0});
  z = call1("zeros", {num(2)});
  EXPECT_DIMS(z, {2, 2});
  z = call1("zeros", {num(2), num(3), num(1)}); // trailing 1 trimmed (rule 5)
  EXPECT_DIMS(z, {2, 3});
  z = call1("ones", {row({2, 3, 4})});
  EXPECT_DIMS(z, {2, 3, 4});
  EXPECT_EQ(z->re.size(), 24u);
  EXPECT_EQ(z->re[23], 1.0);
  z = call1("zeros", {num(-3), num(2)}); // negative clamps to 0
  EXPECT_DIMS(z, {0, 2});
  z = call1("ones", {num(2), str("int8")});
  EXPECT_EQ(z->cls, ClassId::Int8);
  EXPECT_VALUES(z, {1, 1, 1, 1});
  z = call1("zeros",
            {num(1), num(2), str("like"), withClass(num(0), ClassId::UInt16)});
  EXPECT_EQ(z->cls, ClassId::UInt16);
  EXPECT_DIMS(z, {1, 2});
}

TEST(Creation, SizeErrors) {
  MatlabError e = errorOf("zeros", {num(1.5)});
  EXPECT_EQ(e.identifier, "MATLAB:NonIntegerInput");
  e = errorOf("ones", {num(2), row({1, 2})});
  EXPECT_EQ(e.identifier, "MATLAB:NonScalarInput");
  e = errorOf("zeros", {num(1e10), num(1e10)});
  EXPECT_EQ(e.message, "Requested array exceeds the maximum possible size.");
  e = errorOf("ones", {num(4e9), num(4e9), num(4e9)}); // int64 overflow
  EXPECT_EQ(e.message, "Requested array exceeds the maximum possible size.");
  e = errorOf("zeros", {num(INFINITY)});
  EXPECT_EQ(e.message, "Requested array exceeds the maximum possible size.");
  e = errorOf("zeros", {num(2), str("cell")});
  EXPECT_EQ(e.function, "zeros");
}

TEST(Creation, EyeTrueFalseConstants) {
  ValueRef e = call1("eye", {num(2), num(3)});
  EXPECT_DIMS(e, {2, 3});
  EXPECT_VALUES(e, {1, 0, 0, 1, 0, 0});
  ValueRef t = call1("true", {num(1), num(2)});
  EXPECT_EQ(t->cls, ClassId::Logical);
  EXPECT_VALUES(t, {1, 1});
  ValueRef f = call1("false", {});
  EXPECT_EQ(f->cls, ClassId::Logical);
  EXPECT_VALUES(f, {0});
  EXPECT_DOUBLE_EQ(scalar(call1("pi", {})), M_PI);
  ValueRef n = call1("NaN", {num(2), num(1)});
  EXPECT_DIMS(n, {2, 1});
  EXPECT_TRUE(std::isnan(n->re[0]) && std::isnan(n->re[1]));
  ValueRef i = call1("Inf", {num(1), num(2), str("single")});
  EXPECT_EQ(i->cls, ClassId::Single);
  EXPECT_TRUE(std::isinf(i->re[1]));
}

TEST(Creation, Eps) {
  EXPECT_EQ(scalar(call1("eps", {})), std::ldexp(1.0, -52));
  EXPECT_EQ(scalar(call1("eps", {num(1)})), std::ldexp(1.0, -52));
  EXPECT_EQ(scalar(call1("eps", {num(1000)})), std::ldexp(1.0, -43));
  EXPECT_EQ(scalar(call1("eps", {num(0)})), std::ldexp(1.0, -1074));
  EXPECT_TRUE(std::isnan(scalar(call1("eps", {num(INFINITY)}))));
  ValueRef s = call1("eps", {str("single")});
  EXPECT_EQ(s->cls, ClassId::Single);
  EXPECT_EQ(scalar(s), std::ldexp(1.0, -23));
}

TEST(Creation, LinspaceMatchesMatlab) {
  ValueRef v = call1("linspace", {num(0), num(1), num(5)});
  EXPECT_DIMS(v, {1, 5});
  EXPECT_VALUES(v, {0, 0.25, 0.5, 0.75, 1});
  v = call1("linspace", {num(0), num(1)});
  EXPECT_DIMS(v, {1, 100});
  EXPECT_EQ(v->re[99], 1.0); // endpoint exact
  EXPECT_EQ(v->re[1], 1.0 / 99);
  v = call1("linspace", {num(3), num(7), num(1)}); // n = 1 gives b
  EXPECT_VALUES(v, {7});
  v = call1("linspace", {num(1), num(2), num(0)});
  EXPECT_DIMS(v, {1, 0});
  v = call1("linspace", {num(0), num(0.3), num(4)});
  EXPECT_EQ(v->re[3], 0.3);
  EXPECT_EQ(v->re[1], 0.3 / 3 * 1);                         // (k*(b-a))/n1
  v = call1("linspace", {num(-1e308), num(1e308), num(3)}); // overflow path
  EXPECT_VALUES(v, {-1e308, 0, 1e308});
  EXPECT_EQ(errorOf("linspace", {row({1, 2}), num(3)}).identifier,
            "MATLAB:linspace:scalarInputs");
}

TEST(Creation, ReshapeRule20) {
  ValueRef r = call1("reshape", {row({1, 2, 3, 4, 5, 6}), num(2), num(3)});
  EXPECT_DIMS(r, {2, 3});
  EXPECT_VALUES(r, {1, 2, 3, 4, 5, 6});
  r = call1("reshape", {row({1, 2, 3, 4, 5, 6}), num(3), makeEmpty()});
  EXPECT_DIMS(r, {3, 2});
  r = call1("reshape", {row({1, 2, 3, 4, 5, 6}), row({1, 2, 3})});
  EXPECT_DIMS(r, {1, 2, 3});
  r = call1("reshape", {str("abcd"), num(2), num(2)});
  EXPECT_EQ(r->cls, ClassId::Char);
  MatlabError e = errorOf("reshape", {row({1, 2, 3}), num(2), num(2)});
  EXPECT_EQ(e.identifier, "MATLAB:getReshapeDims:notSameNumel");
  EXPECT_EQ(e.message,
            "Number of elements must not change. Use [] as one of the size "
            "inputs to automatically calculate the appropriate size for that "
            "dimension.");
  e = errorOf("reshape", {row({1, 2, 3}), num(2), makeEmpty()});
  EXPECT_EQ(e.identifier, "MATLAB:getReshapeDims:notDivisible");
  e = errorOf("reshape", {row({1, 2}), makeEmpty(), makeEmpty()});
  EXPECT_EQ(e.identifier, "MATLAB:getReshapeDims:unknownDim");
}

TEST(Creation, Repmat) {
  ValueRef r = call1("repmat", {mat(1, 2, {1, 2}), num(2), num(2)});
  EXPECT_DIMS(r, {2, 4});
  // [1 2 1 2; 1 2 1 2] column-major
  EXPECT_VALUES(r, {1, 1, 2, 2, 1, 1, 2, 2});
  r = call1("repmat", {col({1, 2}), row({1, 1, 2})});
  EXPECT_DIMS(r, {2, 1, 2});
  EXPECT_VALUES(r, {1, 2, 1, 2});
  r = call1("repmat", {num(7), num(3)});
  EXPECT_DIMS(r, {3, 3});
  r = call1("repmat", {str("ab"), num(1), num(2)});
  EXPECT_EQ(r->cls, ClassId::Char);
  EXPECT_EQ(r->str(), "abab");
  r = call1("repmat", {row({1, 2}), num(0), num(2)});
  EXPECT_DIMS(r, {0, 4});
  ValueRef c = makeCell(Dims{1, 1});
  c->cells[0] = num(5);
  r = call1("repmat", {c, num(2), num(1)});
  EXPECT_EQ(r->cls, ClassId::Cell);
  EXPECT_DIMS(r, {2, 1});
  EXPECT_EQ(r->cells[1]->re[0], 5.0);
}

TEST(Creation, MagicAndCell) {
  ValueRef m = call1("magic", {num(3)});
  EXPECT_VALUES(m, {8, 3, 4, 1, 5, 9, 6, 7, 2});
  m = call1("magic", {num(4)});
  EXPECT_VALUES(m, {16, 5, 9, 4, 2, 11, 7, 14, 3, 10, 6, 15, 13, 8, 12, 1});
  m = call1("magic", {num(6)});
  // Every row, column and diagonal sums to 111.
  for (int i = 0; i < 6; ++i) {
    double rs = 0, cs = 0;
    for (int j = 0; j < 6; ++j) {
      rs += m->re[i + 6 * j];
      cs += m->re[j + 6 * i];
    }
    EXPECT_EQ(rs, 111);
    EXPECT_EQ(cs, 111);
  }
  ValueRef c = call1("cell", {num(2), num(3)});
  EXPECT_EQ(c->cls, ClassId::Cell);
  EXPECT_DIMS(c, {2, 3});
  EXPECT_TRUE(c->cells[5]->isEmpty());
}

// ---- introspection
// -----------------------------------------------------------------

TEST(Introspection, SizeForms) {
  ValueRef a = makeArray(ClassId::Double, Dims{2, 3, 4});
  EXPECT_VALUES(call1("size", {a}), {2, 3, 4});
  EXPECT_EQ(scalar(call1("size", {a, num(3)})), 4);
  EXPECT_EQ(scalar(call1("size", {a, num(7)})), 1);
  Args rc = call("size", {a}, 2);
  ASSERT_EQ(rc.size(), 2u);
  EXPECT_EQ(scalar(rc[0]), 2);
  EXPECT_EQ(scalar(rc[1]), 12); // last output absorbs the remaining dims
  Args four = call("size", {a}, 4);
  EXPECT_EQ(scalar(four[2]), 4);
  EXPECT_EQ(scalar(four[3]), 1);
  EXPECT_VALUES(call1("size", {a, row({1, 3})}), {2, 4});
  ValueRef t = makeArray(ClassId::Double, Dims{2, 3}); // rule 5
  EXPECT_EQ(scalar(call1("ndims", {t})), 2);
  EXPECT_EQ(scalar(call1("size", {t, num(3)})), 1);
  EXPECT_EQ(errorOf("size", {a, num(0)}).identifier,
            "MATLAB:getdimarg:dimensionMustBePositiveInteger");
}

TEST(Introspection, LengthNumelRule62) {
  ValueRef z30 = makeArray(ClassId::Double, Dims{3, 0});
  ValueRef z32 = makeArray(ClassId::Double, Dims{3, 2});
  EXPECT_EQ(scalar(call1("length", {z30})), 0);
  EXPECT_EQ(scalar(call1("numel", {z30})), 0);
  EXPECT_EQ(scalar(call1("length", {z32})), 3);
  EXPECT_EQ(scalar(call1("numel", {z32})), 6);
  EXPECT_EQ(scalar(call1("length", {str("hello")})), 5);
  EXPECT_EQ(scalar(call1("isempty", {z30})), 1);
  EXPECT_EQ(call1("isempty", {z30})->cls, ClassId::Logical);
  EXPECT_EQ(scalar(call1("isscalar", {num(4)})), 1);
  EXPECT_EQ(scalar(call1("isscalar", {row({1, 2})})), 0);
}

TEST(Introspection, ShapePredicates) {
  EXPECT_EQ(scalar(call1("isrow", {row({1, 2})})), 1);
  EXPECT_EQ(scalar(call1("isrow", {col({1, 2})})), 0);
  EXPECT_EQ(scalar(call1("iscolumn", {col({1, 2})})), 1);
  EXPECT_EQ(scalar(call1("isvector", {makeArray(ClassId::Double, Dims{1, 0})})),
            1);
  EXPECT_EQ(scalar(call1("isvector", {makeEmpty()})), 0);
  EXPECT_EQ(
      scalar(call1("ismatrix", {makeArray(ClassId::Double, Dims{2, 2, 2})})),
      0);
}

TEST(Introspection, ClassAndClassPredicates) {
  EXPECT_EQ(call1("class", {num(1)})->str(), "double");
  EXPECT_EQ(call1("class", {makeBool(true)})->str(), "logical");
  EXPECT_EQ(call1("class", {str("a")})->str(), "char");
  EXPECT_EQ(call1("class", {makeCell(Dims{0, 0})})->str(), "cell");
  EXPECT_EQ(scalar(call1("isnumeric", {withClass(num(1), ClassId::Int8)})), 1);
  EXPECT_EQ(scalar(call1("isnumeric", {makeBool(true)})), 0);
  EXPECT_EQ(scalar(call1("ischar", {str("x")})), 1);
  EXPECT_EQ(scalar(call1("islogical", {makeBool(false)})), 1);
  EXPECT_EQ(scalar(call1("isa", {num(1), str("float")})), 1);
  EXPECT_EQ(
      scalar(call1("isa", {withClass(num(1), ClassId::Int32), str("integer")})),
      1);
  EXPECT_EQ(scalar(call1("isa", {num(1), str("int32")})), 0);
  EXPECT_EQ(scalar(call1("isreal", {cplx({1}, {2})})), 0);
  EXPECT_EQ(scalar(call1("isreal", {num(1)})), 1);
}

TEST(Introspection, Conversions) {
  ValueRef i = call1("int8", {row({127.5, -200, 2.5, -2.5, NAN})});
  EXPECT_EQ(i->cls, ClassId::Int8);
  EXPECT_VALUES(i, {127, -128, 3, -3, 0}); // rules 36, 39
  ValueRef d = call1("double", {str("AB")});
  EXPECT_EQ(d->cls, ClassId::Double);
  EXPECT_VALUES(d, {65, 66});
  ValueRef s = call1("single", {num(0.1)});
  EXPECT_EQ(s->cls, ClassId::Single);
  EXPECT_EQ(s->re[0], (double)0.1f);
  ValueRef l = call1("logical", {row({0, 2, -1})});
  EXPECT_EQ(l->cls, ClassId::Logical);
  EXPECT_VALUES(l, {0, 1, 1});
  MatlabError e = errorOf("logical", {row({1, NAN})});
  EXPECT_EQ(e.identifier, "MATLAB:nologicalnan");
  EXPECT_EQ(e.message, "NaN's cannot be converted to logicals.");
  EXPECT_EQ(e.function, "logical");
  e = errorOf("double", {makeCell(Dims{1, 1})});
  EXPECT_EQ(e.message, "Conversion to double from cell is not possible.");
}

TEST(Introspection, CharConversionAndPadding) {
  ValueRef c = call1("char", {num(65)});
  EXPECT_EQ(c->cls, ClassId::Char);
  EXPECT_EQ(c->str(), "A");
  c = call1("char", {row({72, 105})});
  EXPECT_EQ(c->str(), "Hi");
  c = call1("char", {str("a"), str("bcd"), str("")});
  EXPECT_DIMS(c, {3, 3});
  // rows 'a  ', 'bcd', '   ' column-major
  EXPECT_VALUES(c, {'a', 'b', ' ', ' ', 'c', ' ', ' ', 'd', ' '});
  ValueRef cell = makeCell(Dims{1, 2});
  cell->cells[0] = str("xy");
  cell->cells[1] = str("z");
  c = call1("char", {cell});
  EXPECT_DIMS(c, {2, 2});
  EXPECT_VALUES(c, {'x', 'z', 'y', ' '});
}

TEST(Introspection, IsnanIsinfIsfinite) {
  ValueRef v = row({1, NAN, INFINITY, -INFINITY});
  ValueRef n = call1("isnan", {v});
  EXPECT_EQ(n->cls, ClassId::Logical);
  EXPECT_VALUES(n, {0, 1, 0, 0});
  EXPECT_VALUES(call1("isinf", {v}), {0, 0, 1, 1});
  EXPECT_VALUES(call1("isfinite", {v}), {1, 0, 0, 0});
  EXPECT_VALUES(call1("isnan", {cplx({1, 2}, {NAN, 0})}), {1, 0});
  EXPECT_VALUES(call1("isnan", {str("ab")}), {0, 0});
  EXPECT_EQ(errorOf("isnan", {makeCell(Dims{1, 1})}).identifier,
            "MATLAB:UndefinedFunction");
}

TEST(Introspection, IsequalRule30) {
  EXPECT_EQ(scalar(call1("isequal", {num(NAN), num(NAN)})), 0);
  EXPECT_EQ(scalar(call1("isequaln", {num(NAN), num(NAN)})), 1);
  EXPECT_EQ(scalar(call1("isequal", {row({1, 2}), row({1, 2}), row({1, 2})})),
            1);
  EXPECT_EQ(scalar(call1("isequal", {row({1, 2}), row({1, 2}), row({1, 3})})),
            0);
  EXPECT_EQ(scalar(call1("isequal", {row({1, 2}), col({1, 2})})), 0); // dims
  EXPECT_EQ(scalar(call1("isequal", {str("a"), num(97)})), 1); // class-blind
  EXPECT_EQ(
      scalar(call1("isequal", {withClass(num(3), ClassId::Int8), num(3)})), 1);
  EXPECT_EQ(scalar(call1("isequal", {cplx({1}, {0.5}), num(1)})), 0);
  ValueRef a = makeCell(Dims{1, 2}), b = makeCell(Dims{1, 2});
  a->cells[0] = str("x");
  a->cells[1] = row({1, 2});
  b->cells[0] = str("x");
  b->cells[1] = row({1, 2});
  EXPECT_EQ(scalar(call1("isequal", {a, b})), 1);
  b->cells[1] = row({1, 5});
  EXPECT_EQ(scalar(call1("isequal", {a, b})), 0);
  EXPECT_EQ(scalar(call1("isequal", {a, num(1)})), 0);
  ValueRef s1 = makeStruct(Dims{1, 1}, {"a", "b"});
  ValueRef s2 = makeStruct(Dims{1, 1}, {"b", "a"});
  s1->cells[0] = num(1);
  s1->cells[1] = num(2);
  s2->cells[0] = num(2);
  s2->cells[1] = num(1);
  EXPECT_EQ(scalar(call1("isequal", {s1, s2})), 1); // field order ignored
}

// ---- math
// -------------------------------------------------------------------------------

TEST(Math, RoundingRule50) {
  EXPECT_VALUES(call1("round", {row({2.5, -2.5, 0.5, -0.5, 1.4999})}),
                {3, -3, 1, -1, 1});
  EXPECT_VALUES(call1("fix", {row({-2.7, 2.7})}), {-2, 2});
  EXPECT_VALUES(call1("floor", {row({-2.5, 2.5})}), {-3, 2});
  EXPECT_VALUES(call1("ceil", {row({-2.5, 2.5})}), {-2, 3});
  ValueRef i = call1("floor", {withClass(row({3, -4}), ClassId::Int16)});
  EXPECT_EQ(i->cls, ClassId::Int16);
  EXPECT_VALUES(i, {3, -4});
  ValueRef l = call1("floor", {makeBool(true)});
  EXPECT_EQ(l->cls, ClassId::Double);
}

TEST(Math, ModRemRule51) {
  EXPECT_EQ(scalar(call1("mod", {num(-1), num(3)})), 2);
  EXPECT_EQ(scalar(call1("rem", {num(-1), num(3)})), -1);
  EXPECT_EQ(scalar(call1("mod", {num(5), num(0)})), 5);
  EXPECT_TRUE(std::isnan(scalar(call1("rem", {num(5), num(0)}))));
  EXPECT_EQ(scalar(call1("mod", {num(5.5), num(2)})), 1.5);
  EXPECT_EQ(scalar(call1("mod", {num(5), num(-3)})), -1);
  EXPECT_EQ(scalar(call1("rem", {num(5), num(-3)})), 2);
  EXPECT_EQ(scalar(call1("mod", {num(0.3), num(0.1)})), 0); // roundoff
  EXPECT_EQ(scalar(call1("mod", {num(-0.0), num(3)})), 0);
  // Implicit expansion.
  ValueRef m = call1("mod", {col({5, 7}), row({2, 3, 4})});
  EXPECT_DIMS(m, {2, 3});
  EXPECT_VALUES(m, {1, 1, 2, 1, 1, 3});
  // Integer class kept.
  ValueRef i = call1("mod", {withClass(row({-7, 7}), ClassId::Int8), num(3)});
  EXPECT_EQ(i->cls, ClassId::Int8);
  EXPECT_VALUES(i, {2, 1});
  EXPECT_EQ(errorOf("mod", {row({1, 2, 3}), row({1, 2})}).identifier,
            "MATLAB:sizeDimensionsMustMatch");
  EXPECT_EQ(errorOf("mod", {withClass(num(1), ClassId::Int8),
                            withClass(num(1), ClassId::Int16)})
                .identifier,
            "MATLAB:mixedIntegerClasses");
}

TEST(Math, SqrtLogGoComplexRule52) {
  ValueRef s = call1("sqrt", {num(-4)});
  EXPECT_TRUE(s->complex);
  EXPECT_EQ(s->re[0], 0);
  EXPECT_EQ(s->im[0], 2);
  s = call1("sqrt", {row({4, 9})});
  EXPECT_FALSE(s->complex);
  EXPECT_VALUES(s, {2, 3});
  ValueRef l = call1("log", {num(-1)});
  EXPECT_TRUE(l->complex);
  EXPECT_DOUBLE_EQ(l->im[0], M_PI);
  EXPECT_EQ(scalar(call1("log", {num(0)})), -INFINITY);
  ValueRef e = call1("exp", {cplx({0}, {M_PI})});
  EXPECT_NEAR(e->re[0], -1, 1e-15);
  // Elements inside the real domain keep the real function's exact result.
  ValueRef l10 = call1("log10", {row({-2, 2})});
  EXPECT_TRUE(l10->complex);
  EXPECT_EQ(l10->re[0], std::log10(2.0));
  EXPECT_EQ(l10->re[1], std::log10(2.0));
  EXPECT_DOUBLE_EQ(l10->im[0], M_PI / M_LN10);
  EXPECT_EQ(l10->im[1], 0);
  ValueRef a = call1("asin", {num(2)});
  EXPECT_TRUE(a->complex);
}

TEST(Math, FloatFunctionsRejectIntegers) {
  MatlabError e = errorOf("sqrt", {withClass(num(4), ClassId::Int8)});
  EXPECT_EQ(e.identifier, "MATLAB:UndefinedFunction");
  EXPECT_EQ(e.message,
            "Check for incorrect argument data type or missing argument in "
            "call to function 'sqrt'.");
  EXPECT_EQ(errorOf("sin", {withClass(num(1), ClassId::UInt8)}).message,
            "Check for incorrect argument data type or missing argument in "
            "call to function 'sin'.");
  ValueRef c = call1("sqrt", {str("a")}); // char gives double
  EXPECT_EQ(c->cls, ClassId::Double);
  EXPECT_DOUBLE_EQ(c->re[0], std::sqrt(97.0));
  ValueRef s = call1("sin", {withClass(num(1), ClassId::Single)});
  EXPECT_EQ(s->cls, ClassId::Single);
  EXPECT_EQ(s->re[0], (double)(float)std::sin(1.0));
}

TEST(Math, AbsAndSign) {
  ValueRef a = call1("abs", {cplx({3, -1}, {4, 0})});
  EXPECT_FALSE(a->complex);
  EXPECT_VALUES(a, {5, 1});
  ValueRef i = call1("abs", {withClass(num(-128), ClassId::Int8)});
  EXPECT_EQ(i->cls, ClassId::Int8);
  EXPECT_VALUES(i, {127}); // saturates
  ValueRef l = call1("abs", {makeBool(true)});
  EXPECT_EQ(l->cls, ClassId::Double);
  EXPECT_VALUES(call1("sign", {row({-2, 0, 3, NAN})}), {-1, 0, 1, NAN});
  EXPECT_VALUES(call1("atan2", {num(1), num(1)}), {M_PI / 4});
  EXPECT_VALUES(call1("hypot", {num(3), row({4, 0})}), {5, 3});
}

TEST(Math, Idivide) {
  ValueRef q = call1("idivide", {withClass(num(7), ClassId::Int32),
                                 withClass(num(2), ClassId::Int32)});
  EXPECT_EQ(q->cls, ClassId::Int32);
  EXPECT_VALUES(q, {3}); // rule 37
  q = call1("idivide", {withClass(num(7), ClassId::Int32),
                        withClass(num(2), ClassId::Int32), str("round")});
  EXPECT_VALUES(q, {4});
}

// ---- reductions
// -------------------------------------------------------------------------

TEST(Reductions, LongColumnsAddChunksInOrder) {
  // RunMat's order for contiguous sums (abi.h RM_SUM_CHUNK): each chunk of
  // 4096 elements from 0, then the chunk sums in order; fused reductions
  // add the same way. A leading 1e16 absorbs the ones of its own chunk
  // (1e16 + 1 rounds back to 1e16) but not those of later chunks, whose
  // sums are exact: sequential addition would give 1e16. 20 chunks: the
  // chunk sums are made on the thread pool.
  for (int64_t chunks : {2, 20}) {
    int64_t n = 4096 * chunks;
    ValueRef v = makeArray(ClassId::Double, Dims{n, 1});
    std::fill(v->re.begin(), v->re.end(), 1.0);
    v->re[0] = 1e16;
    double want = 1e16 + 4096.0 * (double)(chunks - 1);
    EXPECT_EQ(scalar(call1("sum", {v})), want) << chunks;
    EXPECT_EQ(scalar(call1("sum", {v, str("all")})), want) << chunks;
    EXPECT_EQ(scalar(call1("mean", {v})), want / (double)n) << chunks;
  }
}

TEST(Reductions, SumDefaultsAndDims) {
  ValueRef m = mat(2, 3, {1, 2, 3, 4, 5, 6});
  ValueRef s = call1("sum", {m});
  EXPECT_DIMS(s, {1, 3});
  EXPECT_VALUES(s, {5, 7, 9});
  s = call1("sum", {m, num(2)});
  EXPECT_DIMS(s, {2, 1});
  EXPECT_VALUES(s, {6, 15});
  s = call1("sum", {m, num(3)});
  EXPECT_DIMS(s, {2, 3});
  EXPECT_EQ(scalar(call1("sum", {m, str("all")})), 21);
  EXPECT_EQ(scalar(call1("sum", {row({1, 2, 3})})), 6);  // row: along dim 2
  EXPECT_EQ(scalar(call1("sum", {m, row({1, 2})})), 21); // vecdim
  ValueRef t = makeArray(ClassId::Double, Dims{2, 2, 2});
  for (int k = 0; k < 8; ++k)
    t->re[k] = k + 1;
  s = call1("sum", {t, row({1, 3})});
  EXPECT_DIMS(s, {1, 2});
  EXPECT_VALUES(s, {1 + 2 + 5 + 6, 3 + 4 + 7 + 8});
}

TEST(Reductions, EmptyIdentitiesRule32) {
  EXPECT_EQ(scalar(call1("sum", {makeEmpty()})), 0);
  EXPECT_DIMS(call1("sum", {makeEmpty()}), {1, 1});
  EXPECT_EQ(scalar(call1("prod", {makeEmpty()})), 1);
  EXPECT_DIMS(call1("max", {makeEmpty()}), {0, 0});
  ValueRef s = call1("sum", {makeArray(ClassId::Double, Dims{0, 3})});
  EXPECT_DIMS(s, {1, 3});
  EXPECT_VALUES(s, {0, 0, 0});
  EXPECT_TRUE(std::isnan(scalar(call1("mean", {makeEmpty()}))));
  ValueRef all = call1("all", {makeEmpty()});
  EXPECT_EQ(all->cls, ClassId::Logical);
  EXPECT_EQ(scalar(all), 1);
  EXPECT_EQ(scalar(call1("any", {makeEmpty()})), 0);
  EXPECT_DIMS(call1("sum", {makeArray(ClassId::Double, Dims{3, 0})}), {1, 0});
  EXPECT_DIMS(call1("cumsum", {makeEmpty()}), {0, 0});
}

TEST(Reductions, NaNRules28And29) {
  EXPECT_EQ(scalar(call1("max", {row({1, NAN, 3})})), 3);
  EXPECT_TRUE(std::isnan(scalar(call1("min", {row({NAN, NAN})}))));
  EXPECT_TRUE(std::isnan(scalar(call1("sum", {row({1, NAN})}))));
  EXPECT_EQ(scalar(call1("max", {num(NAN), num(2)})), 2);
  Args mi = call("max", {row({NAN, 1, 2})}, 2);
  EXPECT_EQ(scalar(mi[0]), 2);
  EXPECT_EQ(scalar(mi[1]), 3);
  mi = call("min", {row({NAN, NAN})}, 2);
  EXPECT_EQ(scalar(mi[1]), 1);
  EXPECT_EQ(scalar(call1("sum", {row({1, NAN, 2}), str("omitnan")})), 3);
  EXPECT_EQ(scalar(call1("mean", {row({1, NAN, 3}), str("omitnan")})), 2);
  EXPECT_TRUE(std::isnan(
      scalar(call1("max", {row({1, NAN}), makeEmpty(), str("includenan")}))));
}

TEST(Reductions, MaxMinForms) {
  ValueRef m = mat(2, 3, {1, 8, 3, 4, 2, 6});
  Args r = call("max", {m}, 2);
  EXPECT_VALUES(r[0], {4, 8, 6});
  EXPECT_VALUES(r[1], {2, 1, 2});
  r = call("min", {m, makeEmpty(), num(2)}, 2);
  EXPECT_DIMS(r[0], {2, 1});
  EXPECT_VALUES(r[0], {1, 2});
  EXPECT_VALUES(r[1], {1, 2});
  r = call("max", {m, makeEmpty(), str("all")}, 2);
  EXPECT_EQ(scalar(r[0]), 8);
  EXPECT_EQ(scalar(r[1]), 3);                               // linear index
  ValueRef p = call1("max", {col({1, 5}), row({2, 3, 4})}); // expansion
  EXPECT_DIMS(p, {2, 3});
  EXPECT_VALUES(p, {2, 5, 3, 5, 4, 5});
  ValueRef ties = call("max", {row({3, 1, 3})}, 2)[1];
  EXPECT_EQ(scalar(ties), 1); // first occurrence
  EXPECT_EQ(scalar(call1("max", {cplx({1, -2}, {1, 0})})), -2); // rule 53
  EXPECT_EQ(call1("max", {str("abc")})->cls, ClassId::Double);
  ValueRef i8 = call1("max", {withClass(row({1, 5}), ClassId::Int8), num(3)});
  EXPECT_EQ(i8->cls, ClassId::Int8);
  EXPECT_VALUES(i8, {3, 5});
  EXPECT_EQ(errorOf("max", {row({1, 2}), row({3, 4})}, 2).identifier,
            "MATLAB:max:TwoInTwoOutCaseNotSupported");
  EXPECT_DIMS(call1("max", {makeArray(ClassId::Double, Dims{0, 3})}), {0, 3});
}

TEST(Reductions, IntegerAndLogicalClassesRule44And45) {
  ValueRef i = withClass(row({100, 100}), ClassId::Int8);
  ValueRef s = call1("sum", {i});
  EXPECT_EQ(s->cls, ClassId::Double);
  EXPECT_EQ(scalar(s), 200);
  s = call1("sum", {i, str("native")});
  EXPECT_EQ(s->cls, ClassId::Int8);
  EXPECT_EQ(scalar(s), 127);
  ValueRef mn = call1("mean", {withClass(row({1, 2, 4}), ClassId::Int8)});
  EXPECT_EQ(mn->cls, ClassId::Double);
  EXPECT_NEAR(scalar(mn), 7.0 / 3, 1e-15);
  ValueRef l = call1("sum", {withClass(row({1, 1, 0}), ClassId::Logical)});
  EXPECT_EQ(l->cls, ClassId::Double);
  EXPECT_EQ(scalar(l), 2);
  ValueRef sg = call1("sum", {withClass(row({1, 2}), ClassId::Single)});
  EXPECT_EQ(sg->cls, ClassId::Single);
  sg = call1("sum", {withClass(row({1, 2}), ClassId::Single), str("double")});
  EXPECT_EQ(sg->cls, ClassId::Double);
  ValueRef p = call1("prod", {withClass(row({100, 100}), ClassId::Int8)});
  EXPECT_EQ(p->cls, ClassId::Double);
  EXPECT_EQ(scalar(p), 10000);
}

TEST(Reductions, AnyAllMean) {
  ValueRef m = mat(2, 2, {0, 1, 0, 0});
  ValueRef a = call1("any", {m});
  EXPECT_EQ(a->cls, ClassId::Logical);
  EXPECT_VALUES(a, {0, 1});
  EXPECT_VALUES(call1("all", {mat(2, 2, {1, 1, 0, 1})}), {0, 1});
  EXPECT_EQ(scalar(call1("any", {num(NAN)})), 0); // any ignores NaN
  EXPECT_EQ(scalar(call1("all", {num(NAN)})), 1);
  EXPECT_EQ(scalar(call1("any", {m, str("all")})), 1);
  EXPECT_VALUES(call1("mean", {mat(2, 2, {1, 2, 3, 4})}), {2, 3});
  EXPECT_VALUES(call1("mean", {mat(2, 2, {1, 2, 3, 4}), num(2)}), {1.5, 3.5});
  EXPECT_EQ(scalar(call1("nnz", {row({1, 0, 2, 0})})), 2);
}

TEST(Reductions, CumulativeAndDiff) {
  ValueRef m = mat(2, 3, {1, 2, 3, 4, 5, 6});
  EXPECT_VALUES(call1("cumsum", {m}), {1, 5, 2, 7, 3, 9});
  EXPECT_VALUES(call1("cumsum", {m, num(2)}), {1, 4, 3, 9, 6, 15});
  EXPECT_VALUES(call1("cumsum", {row({1, 2, 3})}), {1, 3, 6});
  EXPECT_VALUES(call1("cumprod", {row({1, 2, 3, 4})}), {1, 2, 6, 24});
  ValueRef ci =
      call1("cumsum", {withClass(row({100, 100, -100}), ClassId::Int8)});
  EXPECT_EQ(ci->cls, ClassId::Int8);
  EXPECT_VALUES(ci, {100, 127, 27});
  EXPECT_EQ(call1("cumsum", {makeBool(true)})->cls, ClassId::Double);
  ValueRef d = call1("diff", {row({1, 4, 9, 16})});
  EXPECT_DIMS(d, {1, 3});
  EXPECT_VALUES(d, {3, 5, 7});
  EXPECT_VALUES(call1("diff", {row({1, 4, 9, 16}), num(2)}), {2, 2});
  EXPECT_DIMS(call1("diff", {num(5)}), {0, 0}); // a scalar differences to []
  EXPECT_DIMS(call1("diff", {row({1, 2, 3}), num(5)}), {0, 0});
  d = call1("diff", {m});
  EXPECT_DIMS(d, {1, 3});
  EXPECT_VALUES(d, {3, 3, 3});
}

// ---- sorting and searching
// ----------------------------------------------------------

TEST(Sorting, FindShapesAndOutputs) {
  ValueRef f = call1("find", {row({0, 3, 0, 5})});
  EXPECT_DIMS(f, {1, 2});
  EXPECT_VALUES(f, {2, 4});
  f = call1("find", {col({0, 3, 0, 5})});
  EXPECT_DIMS(f, {2, 1});
  ValueRef m = mat(2, 2, {0, 7, 8, 0});
  f = call1("find", {m});
  EXPECT_DIMS(f, {2, 1});
  EXPECT_VALUES(f, {2, 3});
  Args rcv = call("find", {m}, 3);
  EXPECT_VALUES(rcv[0], {2, 1});
  EXPECT_VALUES(rcv[1], {1, 2});
  EXPECT_VALUES(rcv[2], {8, 7});
  EXPECT_VALUES(call1("find", {row({1, 1, 1, 1}), num(2)}), {1, 2});
  EXPECT_VALUES(call1("find", {row({1, 1, 1, 1}), num(2), str("last")}),
                {3, 4});
  EXPECT_DIMS(call1("find", {makeEmpty()}), {0, 0});
  EXPECT_DIMS(call1("find", {num(0)}), {1, 0});
  EXPECT_DIMS(call1("find", {mat(2, 2, {0, 0, 0, 0})}), {0, 1});
  ValueRef lg = call("find", {withClass(row({0, 1}), ClassId::Logical)}, 3)[2];
  EXPECT_EQ(lg->cls, ClassId::Logical);
}

TEST(Sorting, SortRule31AndStability) {
  EXPECT_VALUES(call1("sort", {row({3, NAN, 1})}), {1, 3, NAN});
  EXPECT_VALUES(call1("sort", {row({3, NAN, 1}), str("descend")}), {NAN, 3, 1});
  Args si = call("sort", {row({2, 1, 2, 1})}, 2);
  EXPECT_VALUES(si[0], {1, 1, 2, 2});
  EXPECT_VALUES(si[1], {2, 4, 1, 3}); // stable
  si = call("sort", {row({2, 1, 2, 1}), str("descend")}, 2);
  EXPECT_VALUES(si[1], {1, 3, 2, 4}); // stable when descending too
  ValueRef m = mat(2, 2, {4, 1, 2, 3});
  EXPECT_VALUES(call1("sort", {m}), {2, 4, 1, 3});
  EXPECT_VALUES(call1("sort", {m, num(2)}), {1, 2, 4, 3});
  ValueRef c = call1("sort", {str("hello")});
  EXPECT_EQ(c->cls, ClassId::Char);
  EXPECT_EQ(c->str(), "ehllo");
  EXPECT_EQ(errorOf("sort", {row({1, 2}), str("up")}).identifier,
            "MATLAB:sort:sortDirection");
  ValueRef cs = makeCell(Dims{1, 3});
  cs->cells[0] = str("pear");
  cs->cells[1] = str("apple");
  cs->cells[2] = str("fig");
  ValueRef sc = call1("sort", {cs});
  EXPECT_EQ(sc->cells[0]->str(), "apple");
  EXPECT_EQ(sc->cells[2]->str(), "pear");
}

TEST(Sorting, Flip) {
  ValueRef m = mat(2, 2, {1, 2, 3, 4});
  EXPECT_VALUES(call1("fliplr", {m}), {2, 4, 1, 3});
  EXPECT_VALUES(call1("flipud", {m}), {3, 1, 4, 2});
  EXPECT_VALUES(call1("flip", {row({1, 2, 3})}), {3, 2, 1});
  EXPECT_EQ(call1("flip", {str("abc")})->str(), "cba");
}

// ---- time
// ------------------------------------------------------------------------------

TEST(Time, TicToc) {
  EXPECT_TRUE(call("tic", {}, 0).empty());
  double t = scalar(call1("toc", {}));
  EXPECT_GE(t, 0);
  EXPECT_LT(t, 60);
  ValueRef id = call1("tic", {});
  double t2 = scalar(call1("toc", {id}));
  EXPECT_GE(t2, 0);
  EXPECT_LT(t2, 60);
  EXPECT_EQ(errorOf("toc", {str("x")}).function, "toc");
}

// ---- added builtins
// ------------------------------------------------------------------

TEST(Math, OperatorFunctions) {
  EXPECT_VALUES(call1("plus", {col({1, 2}), row({10, 20, 30})}),
                {11, 12, 21, 22, 31, 32}); // rule 4
  EXPECT_VALUES(call1("power", {row({2, 3}), num(2)}), {4, 9});
  EXPECT_VALUES(call1("mtimes", {mat(1, 2, {1, 2}), col({3, 4})}), {11});
  ValueRef e = call1("eq", {row({1, 2}), num(2)});
  EXPECT_EQ(e->cls, ClassId::Logical);
  EXPECT_VALUES(e, {0, 1});
  EXPECT_VALUES(call1("xor", {row({1, 0, 1}), row({1, 1, 0})}), {0, 1, 1});
  EXPECT_VALUES(call1("not", {row({1, 0})}), {0, 1});
  EXPECT_VALUES(call1("uminus", {row({1, -2})}), {-1, 2});
  EXPECT_DIMS(call1("transpose", {row({1, 2, 3})}), {3, 1});
}

TEST(Reductions, VarStdMedianNorm) {
  EXPECT_DOUBLE_EQ(scalar(call1("var", {row({1, 2, 3, 4})})), 5.0 / 3);
  EXPECT_DOUBLE_EQ(scalar(call1("var", {row({1, 2, 3, 4}), num(1)})), 1.25);
  EXPECT_DOUBLE_EQ(
      scalar(call1("std", {row({2, 4, 4, 4, 5, 5, 7, 9}), num(1)})), 2);
  EXPECT_VALUES(call1("std", {mat(2, 2, {1, 2, 3, 6})}),
                {std::sqrt(2.0), std::sqrt(8.0)});
  EXPECT_EQ(scalar(call1("var", {num(5)})), 0);
  EXPECT_TRUE(std::isnan(scalar(call1("var", {makeEmpty()}))));
  EXPECT_EQ(scalar(call1("median", {row({3, 1, 2})})), 2);
  EXPECT_EQ(scalar(call1("median", {row({4, 1, 3, 2})})), 2.5);
  EXPECT_TRUE(std::isnan(scalar(call1("median", {row({1, NAN, 3})}))));
  EXPECT_EQ(scalar(call1("median", {row({1, NAN, 3}), str("omitnan")})), 2);
  EXPECT_VALUES(call1("median", {mat(2, 2, {1, 5, 3, 7})}), {2, 6});
  EXPECT_EQ(scalar(call1("norm", {row({3, 4})})), 5);
  EXPECT_EQ(scalar(call1("norm", {row({3, -4}), num(1)})), 7);
  EXPECT_EQ(scalar(call1("norm", {row({3, -4}), num(INFINITY)})), 4);
  EXPECT_NEAR(scalar(call1("norm", {mat(2, 2, {1, 2, 3, 4})})),
              5.464985704219043, 1e-12);
  EXPECT_EQ(scalar(call1("norm", {mat(2, 2, {1, 2, 3, 4}), num(1)})), 6);
  EXPECT_NEAR(scalar(call1("norm", {mat(2, 2, {1, 2, 3, 4}), str("fro")})),
              std::sqrt(30.0), 1e-12);
  EXPECT_EQ(scalar(call1("norm", {makeEmpty()})), 0);
}

TEST(Sorting, UniqueAndIsmember) {
  Args u = call("unique", {row({3, 1, 3, NAN, 2, 1})}, 3);
  EXPECT_DIMS(u[0], {1, 4});
  EXPECT_VALUES(u[0], {1, 2, 3, NAN});
  EXPECT_DIMS(u[1], {4, 1});
  EXPECT_VALUES(u[1], {2, 5, 1, 4}); // first occurrences
  EXPECT_VALUES(u[2], {3, 1, 3, 4, 2, 1});
  EXPECT_VALUES(call1("unique", {row({3, 1, 3, 2}), str("stable")}), {3, 1, 2});
  EXPECT_DIMS(call1("unique", {mat(2, 2, {2, 1, 2, 1})}), {2, 1});
  ValueRef nan2 = call1("unique", {row({NAN, NAN})}); // NaNs are distinct
  EXPECT_EQ(nan2->numel(), 2);
  ValueRef cs = makeCell(Dims{1, 3});
  cs->cells[0] = str("b");
  cs->cells[1] = str("a");
  cs->cells[2] = str("b");
  ValueRef uc = call1("unique", {cs});
  EXPECT_EQ(uc->numel(), 2);
  EXPECT_EQ(uc->cells[0]->str(), "a");
  Args m = call("ismember", {row({1, 5, 2, NAN}), row({2, 1, 1})}, 2);
  EXPECT_EQ(m[0]->cls, ClassId::Logical);
  EXPECT_VALUES(m[0], {1, 0, 1, 0});
  EXPECT_VALUES(m[1], {2, 0, 1, 0}); // lowest index in S
  EXPECT_EQ(scalar(call1("ismember", {str("a"), cs})), 1);
  EXPECT_EQ(scalar(call1("ismember", {str("z"), cs})), 0);
}

TEST(Sorting, CircshiftSortrowsIssorted) {
  EXPECT_VALUES(call1("circshift", {row({1, 2, 3, 4}), num(1)}), {4, 1, 2, 3});
  EXPECT_VALUES(call1("circshift", {row({1, 2, 3, 4}), num(-1)}), {2, 3, 4, 1});
  EXPECT_VALUES(call1("circshift", {mat(2, 2, {1, 2, 3, 4}), num(1), num(2)}),
                {2, 4, 1, 3});
  Args s = call("sortrows", {mat(3, 2, {3, 1, 1, 2, 1, 1})}, 2);
  EXPECT_VALUES(s[0], {1, 1, 3, 1, 2, 1});
  EXPECT_VALUES(s[1], {3, 2, 1});
  EXPECT_VALUES(call1("sortrows", {mat(3, 2, {3, 1, 1, 2, 1, 1}), num(-2)}),
                {1, 3, 1, 2, 1, 1});
  EXPECT_EQ(scalar(call1("issorted", {row({1, 2, 2, NAN})})), 1);
  EXPECT_EQ(scalar(call1("issorted", {row({2, 1})})), 0);
}

TEST(Creation, PermuteSqueezeDiagTriangles) {
  ValueRef t = makeArray(ClassId::Double, Dims{2, 3, 4});
  for (int k = 0; k < 24; ++k)
    t->re[k] = k;
  ValueRef p = call1("permute", {t, row({3, 1, 2})});
  EXPECT_DIMS(p, {4, 2, 3});
  // p(k,i,j) = t(i,j,k): p(2,1,1) = t(1,1,2) = 6
  EXPECT_EQ(p->re[1], 6);
  EXPECT_EQ(errorOf("permute", {t, row({1, 2})}).identifier,
            "MATLAB:permute:tooFewIndices");
  EXPECT_EQ(errorOf("permute", {t, row({1, 1, 2})}).identifier,
            "MATLAB:permute:badIndex");
  ValueRef sq = call1("squeeze", {makeArray(ClassId::Double, Dims{1, 1, 3})});
  EXPECT_DIMS(sq, {3, 1});
  EXPECT_DIMS(call1("squeeze", {makeArray(ClassId::Double, Dims{1, 3})}),
              {1, 3});
  EXPECT_VALUES(call1("diag", {row({1, 2})}), {1, 0, 0, 2});
  ValueRef d1 = call1("diag", {row({1, 2}), num(1)});
  EXPECT_DIMS(d1, {3, 3});
  EXPECT_VALUES(d1, {0, 0, 0, 1, 0, 0, 0, 2, 0});
  ValueRef dm = call1("diag", {mat(2, 3, {1, 2, 3, 4, 5, 6})});
  EXPECT_DIMS(dm, {2, 1});
  EXPECT_VALUES(dm, {1, 5});
  EXPECT_VALUES(call1("diag", {mat(2, 3, {1, 2, 3, 4, 5, 6}), num(1)}), {2, 6});
  EXPECT_VALUES(call1("triu", {mat(2, 2, {1, 2, 3, 4})}), {1, 0, 2, 4});
  EXPECT_VALUES(call1("tril", {mat(2, 2, {1, 2, 3, 4})}), {1, 3, 0, 4});
  ValueRef k = call1("kron", {row({1, 2}), col({1, 10})});
  EXPECT_DIMS(k, {2, 2});
  EXPECT_VALUES(k, {1, 10, 2, 20});
}

TEST(Creation, MeshgridNdgrid) {
  Args g = call("meshgrid", {row({1, 2, 3}), row({10, 20})}, 2);
  EXPECT_DIMS(g[0], {2, 3});
  EXPECT_VALUES(g[0], {1, 1, 2, 2, 3, 3});
  EXPECT_VALUES(g[1], {10, 20, 10, 20, 10, 20});
  Args n = call("ndgrid", {row({1, 2, 3}), row({10, 20})}, 2);
  EXPECT_DIMS(n[0], {3, 2});
  EXPECT_VALUES(n[0], {1, 2, 3, 1, 2, 3});
  EXPECT_VALUES(n[1], {10, 10, 10, 20, 20, 20});
}

TEST(Introspection, Sub2indInd2sub) {
  EXPECT_VALUES(call1("sub2ind", {row({3, 4}), row({2, 3}), row({1, 4})}),
                {2, 12});
  EXPECT_EQ(errorOf("sub2ind", {row({3, 4}), num(4), num(1)}).identifier,
            "MATLAB:sub2ind:IndexOutOfRange");
  Args rc = call("ind2sub", {row({3, 4}), row({2, 12})}, 2);
  EXPECT_VALUES(rc[0], {2, 3});
  EXPECT_VALUES(rc[1], {1, 4});
  Args rck = call("ind2sub", {row({2, 3, 4}), num(24)}, 3);
  EXPECT_EQ(scalar(rck[0]), 2);
  EXPECT_EQ(scalar(rck[1]), 3);
  EXPECT_EQ(scalar(rck[2]), 4);
  EXPECT_EQ(scalar(call1("ind2sub", {row({3, 4}), num(5)})), 5);
}
