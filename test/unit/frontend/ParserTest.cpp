//===- ParserTest.cpp - Unit tests for the MATLAB parser ------------------===//

#include "runmat/Frontend/Parser.h"
#include "runmat/Frontend/Diagnostics.h"

#include <gtest/gtest.h>

using namespace runmat;
using namespace runmat::ast;

namespace {

/// The AST dump of `src`, or "error L:C: message".
std::string parse(const std::string &src) {
  std::vector<Diagnostic> diags;
  std::unique_ptr<File> f = parseFile("t.m", src, diags);
  if (!f) {
    if (diags.empty())
      return "error without diagnostic";
    return "error " + std::to_string(diags[0].loc.line) + ":" +
           std::to_string(diags[0].loc.col) + ": " + diags[0].message;
  }
  EXPECT_TRUE(diags.empty());
  return dump(*f);
}

/// The dump of a script's statements, one per line, without the
/// surrounding (script ...) and its indentation.
std::string body(const std::string &src) {
  std::string d = parse(src);
  const std::string head = "(script";
  if (d.compare(0, head.size(), head) != 0)
    return d;
  d = d.substr(head.size());
  if (d.size() >= 2 && d.substr(d.size() - 2) == ")\n")
    d = d.substr(0, d.size() - 2);
  std::string out;
  size_t i = 0;
  while (i < d.size()) {
    size_t nl = d.find('\n', i);
    std::string line = d.substr(i, nl == std::string::npos ? nl : nl - i);
    i = nl == std::string::npos ? d.size() : nl + 1;
    if (line.empty())
      continue;
    if (!out.empty())
      out += '\n';
    out += line.substr(std::min<size_t>(2, line.size()));
  }
  return out;
}

/// The dump of the expression `src` (parsed as the statement `src;`).
std::string expr(const std::string &src) {
  std::string b = body(src + ";");
  const std::string head = "(expr display=0 ";
  if (b.compare(0, head.size(), head) != 0 || b.find('\n') != std::string::npos)
    return b;
  return b.substr(head.size(), b.size() - head.size() - 1);
}

TEST(ParserTest, ArithmeticPrecedence) {
  EXPECT_EQ(body("x = 1 + 2 * 3;"),
            "(assign display=0 (id x) (binary + (number 1) (binary * "
            "(number 2) (number 3))))");
  EXPECT_EQ(expr("10 - 4 - 3"),
            "(binary - (binary - (number 10) (number 4)) (number 3))");
  EXPECT_EQ(expr("a ./ b .* c \\ d"),
            "(binary \\ (binary .* (binary ./ (id a) (id b)) (id c)) (id d))");
  EXPECT_EQ(expr("a .\\ b"), "(binary .\\ (id a) (id b))");
}

TEST(ParserTest, UnaryMinusBindsLooserThanPower) {
  EXPECT_EQ(expr("-2^2"), "(unary - (binary ^ (number 2) (number 2)))");
  EXPECT_EQ(expr("-2.^2"), "(unary - (binary .^ (number 2) (number 2)))");
  EXPECT_EQ(expr("2 * -3"), "(binary * (number 2) (unary - (number 3)))");
  EXPECT_EQ(expr("- -3"), "(unary - (unary - (number 3)))");
  EXPECT_EQ(expr("-a * b"), "(binary * (unary - (id a)) (id b))");
}

TEST(ParserTest, UnaryInExponent) {
  EXPECT_EQ(expr("2^-1"), "(binary ^ (number 2) (unary - (number 1)))");
  EXPECT_EQ(expr("2^+x"), "(binary ^ (number 2) (unary + (id x)))");
  EXPECT_EQ(expr("2^~x"), "(binary ^ (number 2) (unary ~ (id x)))");
  // MATLAB: 2^-1^2 is (2^-1)^2.
  EXPECT_EQ(expr("2^-1^2"),
            "(binary ^ (binary ^ (number 2) (unary - (number 1))) (number 2))");
  EXPECT_EQ(expr("-2^-2"),
            "(unary - (binary ^ (number 2) (unary - (number 2))))");
}

TEST(ParserTest, PowerIsLeftAssociative) {
  EXPECT_EQ(expr("a^b^c"), "(binary ^ (binary ^ (id a) (id b)) (id c))");
  EXPECT_EQ(expr("a.^b.^c"), "(binary .^ (binary .^ (id a) (id b)) (id c))");
}

TEST(ParserTest, TransposeIsPostfix) {
  EXPECT_EQ(expr("-x'"), "(unary - (postfix ' (id x)))");
  EXPECT_EQ(expr("x'*y"), "(binary * (postfix ' (id x)) (id y))");
  EXPECT_EQ(expr("x.'"), "(postfix .' (id x))");
  EXPECT_EQ(expr("x''"), "(postfix ' (postfix ' (id x)))");
  EXPECT_EQ(expr("a'^2"), "(binary ^ (postfix ' (id a)) (number 2))");
  EXPECT_EQ(expr("(1:3)'"), "(postfix ' (range (number 1) (number 3)))");
}

TEST(ParserTest, LogicalAndComparisonPrecedence) {
  EXPECT_EQ(expr("~a == b"), "(binary == (unary ~ (id a)) (id b))");
  EXPECT_EQ(expr("a | b & c"), "(binary | (id a) (binary & (id b) (id c)))");
  EXPECT_EQ(expr("a || b && c"),
            "(binary || (id a) (binary && (id b) (id c)))");
  EXPECT_EQ(expr("a & b | c"), "(binary | (binary & (id a) (id b)) (id c))");
  EXPECT_EQ(expr("a < b == c"), "(binary == (binary < (id a) (id b)) (id c))");
  EXPECT_EQ(expr("a == b && c ~= d"),
            "(binary && (binary == (id a) (id b)) (binary ~= (id c) (id d)))");
  EXPECT_EQ(expr("x >= 1 | x <= -1"),
            "(binary | (binary >= (id x) (number 1)) (binary <= (id x) "
            "(unary - (number 1))))");
  EXPECT_EQ(expr("a > b + 1"),
            "(binary > (id a) (binary + (id b) (number 1)))");
}

TEST(ParserTest, Ranges) {
  EXPECT_EQ(expr("1:10"), "(range (number 1) (number 10))");
  EXPECT_EQ(expr("1:2:10"), "(range (number 1) (number 2) (number 10))");
  EXPECT_EQ(expr("1:2+3"),
            "(range (number 1) (binary + (number 2) (number 3)))");
  EXPECT_EQ(expr("n:-1:1"), "(range (id n) (unary - (number 1)) (number 1))");
  EXPECT_EQ(expr("1:3 == 1:3"),
            "(binary == (range (number 1) (number 3)) (range (number 1) "
            "(number 3)))");
}

TEST(ParserTest, MatrixWhitespaceAndSigns) {
  EXPECT_EQ(expr("[1 -2]"), "(matrix (row (number 1) (unary - (number 2))))");
  EXPECT_EQ(expr("[1 - 2]"), "(matrix (row (binary - (number 1) (number 2))))");
  EXPECT_EQ(expr("[1-2]"), "(matrix (row (binary - (number 1) (number 2))))");
  EXPECT_EQ(expr("[1 -2 + 3]"),
            "(matrix (row (number 1) (binary + (unary - (number 2)) "
            "(number 3))))");
  EXPECT_EQ(expr("[a -b]"), "(matrix (row (id a) (unary - (id b))))");
  EXPECT_EQ(expr("[a - b]"), "(matrix (row (binary - (id a) (id b))))");
  EXPECT_EQ(expr("[1 +2]"), "(matrix (row (number 1) (unary + (number 2))))");
  EXPECT_EQ(expr("[1 ~0]"), "(matrix (row (number 1) (unary ~ (number 0))))");
  // Inside parentheses whitespace does not separate.
  EXPECT_EQ(expr("[f(1 -2)]"),
            "(matrix (row (index (id f) (binary - (number 1) (number 2)))))");
}

TEST(ParserTest, MatrixTransposesAndStrings) {
  EXPECT_EQ(expr("[a' b']"),
            "(matrix (row (postfix ' (id a)) (postfix ' (id b))))");
  EXPECT_EQ(expr("[a 'x']"), "(matrix (row (id a) (string 'x')))");
  EXPECT_EQ(expr("[a','x']"), "(matrix (row (postfix ' (id a)) (string 'x')))");
  EXPECT_EQ(expr("['abc', 'de''f']"),
            "(matrix (row (string 'abc') (string 'de''f')))");
}

TEST(ParserTest, MatrixSpaceBeforeParenSeparates) {
  EXPECT_EQ(expr("[f (1)]"), "(matrix (row (id f) (number 1)))");
  EXPECT_EQ(expr("[f(1)]"), "(matrix (row (index (id f) (number 1))))");
  EXPECT_EQ(expr("{c {1}}"), "(cell (row (id c) (cell (row (number 1)))))");
  EXPECT_EQ(expr("f (1)"), "(index (id f) (number 1))");
}

TEST(ParserTest, MatrixRows) {
  EXPECT_EQ(expr("[1 2; 3 4]"),
            "(matrix (row (number 1) (number 2)) (row (number 3) (number 4)))");
  EXPECT_EQ(expr("[1, 2\n 3, 4]"),
            "(matrix (row (number 1) (number 2)) (row (number 3) (number 4)))");
  EXPECT_EQ(expr("[1, 2,]"), "(matrix (row (number 1) (number 2)))");
  EXPECT_EQ(expr("[1; 2;]"), "(matrix (row (number 1)) (row (number 2)))");
  EXPECT_EQ(expr("[ ...\n  10 20   % first\n  30 40\n]"),
            "(matrix (row (number 10) (number 20)) (row (number 30) "
            "(number 40)))");
  EXPECT_EQ(expr("[]"), "(matrix)");
  EXPECT_EQ(expr("[[1 2]; [3 4]]"),
            "(matrix (row (matrix (row (number 1) (number 2)))) (row (matrix "
            "(row (number 3) (number 4)))))");
}

TEST(ParserTest, CellLiterals) {
  EXPECT_EQ(expr("{1, 'a'; 2, 'b'}"),
            "(cell (row (number 1) (string 'a')) (row (number 2) "
            "(string 'b')))");
  EXPECT_EQ(expr("{}"), "(cell)");
  EXPECT_EQ(expr("{@(x) x + 1, @sin}"),
            "(cell (row (anon text=\"@(x)x+1\" (params x) (binary + (id x) "
            "(number 1))) (handle sin)))");
}

TEST(ParserTest, EndInsideSubscripts) {
  EXPECT_EQ(expr("x(end)"), "(index (id x) (end))");
  EXPECT_EQ(expr("x(end-1, end)"),
            "(index (id x) (binary - (end) (number 1)) (end))");
  EXPECT_EQ(expr("x(min(end, 3))"),
            "(index (id x) (index (id min) (end) (number 3)))");
  EXPECT_EQ(expr("c{end}"), "(cellindex (id c) (end))");
  EXPECT_EQ(expr("x([1 end])"),
            "(index (id x) (matrix (row (number 1) (end))))");
  EXPECT_EQ(expr("v(end:-1:1)'"),
            "(postfix ' (index (id v) (range (end) (unary - (number 1)) "
            "(number 1))))");
}

TEST(ParserTest, EndOutsideSubscriptIsError) {
  EXPECT_EQ(parse("x = end;"),
            "error 1:5: Illegal use of reserved keyword \"end\".");
  EXPECT_EQ(parse("y = [1 end];"),
            "error 1:8: Illegal use of reserved keyword \"end\".");
  EXPECT_EQ(parse("end"),
            "error 1:1: Illegal use of reserved keyword \"end\".");
}

TEST(ParserTest, ColonSubscripts) {
  EXPECT_EQ(expr("A(:, 1)"), "(index (id A) (colon) (number 1))");
  EXPECT_EQ(expr("A(:)'"), "(postfix ' (index (id A) (colon)))");
  EXPECT_EQ(expr("c{:}"), "(cellindex (id c) (colon))");
  EXPECT_EQ(expr("A(2, :)"), "(index (id A) (number 2) (colon))");
}

TEST(ParserTest, Assignments) {
  EXPECT_EQ(body("x = 1"), "(assign display=1 (id x) (number 1))");
  EXPECT_EQ(body("x(i, j) = 2;"),
            "(assign display=0 (index (id x) (id i) (id j)) (number 2))");
  EXPECT_EQ(body("s.a.b(2) = 3;"),
            "(assign display=0 (index (field (field (id s) a) b) (number 2)) "
            "(number 3))");
  EXPECT_EQ(body("c{3} = 'x';"),
            "(assign display=0 (cellindex (id c) (number 3)) (string 'x'))");
  EXPECT_EQ(body("x(3) = [];"),
            "(assign display=0 (index (id x) (number 3)) (matrix))");
  EXPECT_EQ(body("s.(name) = 1;"),
            "(assign display=0 (dynfield (id s) (id name)) (number 1))");
  EXPECT_EQ(body("x(end+1) = 5;"),
            "(assign display=0 (index (id x) (binary + (end) (number 1))) "
            "(number 5))");
  EXPECT_EQ(body("f = @(x) x == 1;"),
            "(assign display=0 (id f) (anon text=\"@(x)x==1\" (params x) "
            "(binary == (id x) (number 1))))");
}

TEST(ParserTest, InvalidAssignmentTargets) {
  EXPECT_EQ(parse("3 = x"),
            "error 1:1: The expression to the left of the equals sign is not "
            "a valid target for an assignment.");
  EXPECT_EQ(parse("a + b = c"),
            "error 1:1: The expression to the left of the equals sign is not "
            "a valid target for an assignment.");
  EXPECT_EQ(parse("(x) = 1"),
            "error 1:1: The expression to the left of the equals sign is not "
            "a valid target for an assignment.");
  EXPECT_EQ(parse("x += 1"),
            "error 1:3: '+=' is not MATLAB syntax; MATLAB has no compound "
            "assignment operators.");
  EXPECT_EQ(parse("x = 1 = 2"),
            "error 1:7: Incorrect use of '=' operator. To assign a value to a "
            "variable, use '='. To compare values for equality, use '=='.");
}

TEST(ParserTest, MultiAssign) {
  EXPECT_EQ(body("[a, ~, c] = f(x);"),
            "(multiassign display=0 (outputs (id a) ~ (id c)) (index (id f) "
            "(id x)))");
  EXPECT_EQ(body("[a b] = deal(1, 2)"),
            "(multiassign display=1 (outputs (id a) (id b)) (index (id deal) "
            "(number 1) (number 2)))");
  EXPECT_EQ(body("[~, i] = max(v);"),
            "(multiassign display=0 (outputs ~ (id i)) (index (id max) "
            "(id v)))");
  EXPECT_EQ(body("[s.a, c{2}] = f();"),
            "(multiassign display=0 (outputs (field (id s) a) (cellindex "
            "(id c) (number 2))) (index (id f)))");
  EXPECT_EQ(parse("[a, 1] = f"),
            "error 1:5: The expression to the left of the equals sign is not "
            "a valid target for an assignment.");
}

TEST(ParserTest, DisplayFlags) {
  EXPECT_EQ(body("x = 1; y = 2, z = 3\nw\nv;"),
            "(assign display=0 (id x) (number 1))\n"
            "(assign display=1 (id y) (number 2))\n"
            "(assign display=1 (id z) (number 3))\n"
            "(expr display=1 (id w))\n"
            "(expr display=0 (id v))");
  EXPECT_EQ(body("x = 1;;\n\n;y"),
            "(assign display=0 (id x) (number 1))\n(expr display=1 (id y))");
}

TEST(ParserTest, IfElseifElse) {
  EXPECT_EQ(body("if x > 0\n  a = 1;\nelseif x < 0\n  a = -1;\nelse\n  a = 0;\n"
                 "end"),
            "(if\n"
            "  (clause (binary > (id x) (number 0))\n"
            "    (assign display=0 (id a) (number 1)))\n"
            "  (clause (binary < (id x) (number 0))\n"
            "    (assign display=0 (id a) (unary - (number 1))))\n"
            "  (else\n"
            "    (assign display=0 (id a) (number 0))))");
  EXPECT_EQ(
      body("if x, y = 1, end"),
      "(if\n  (clause (id x)\n    (assign display=1 (id y) (number 1))))");
  EXPECT_EQ(body("if (x) disp(1), end"),
            "(if\n  (clause (id x)\n    (expr display=1 (index (id disp) "
            "(number 1)))))");
  EXPECT_EQ(body("if x y end"),
            "(if\n  (clause (id x)\n    (expr display=1 (id y))))");
}

TEST(ParserTest, ForLoops) {
  EXPECT_EQ(body("for k = 1:3\n  s = s + k;\nend"),
            "(for k (range (number 1) (number 3))\n"
            "  (assign display=0 (id s) (binary + (id s) (id k))))");
  EXPECT_EQ(body("for (i = 1:3)\n  disp(i)\nend"),
            "(for i (range (number 1) (number 3))\n"
            "  (expr display=1 (index (id disp) (id i))))");
  EXPECT_EQ(body("for c = [1 2; 3 4], disp(c'), end"),
            "(for c (matrix (row (number 1) (number 2)) (row (number 3) "
            "(number 4)))\n"
            "  (expr display=1 (index (id disp) (postfix ' (id c)))))");
  EXPECT_EQ(body("parfor i = 1:n\n  y(i) = i;\nend"),
            "(parfor i (range (number 1) (id n))\n"
            "  (assign display=0 (index (id y) (id i)) (id i)))");
  EXPECT_EQ(body("parfor (i = 1:n, 4)\nend"),
            "(parfor i (range (number 1) (id n)))");
}

TEST(ParserTest, WhileBreakContinueReturn) {
  EXPECT_EQ(body("while k < 10\n  k = k + 1;\n  if k == 3, continue; end\n"
                 "  if k == 5, break; end\nend\nreturn"),
            "(while (binary < (id k) (number 10))\n"
            "  (assign display=0 (id k) (binary + (id k) (number 1)))\n"
            "  (if\n"
            "    (clause (binary == (id k) (number 3))\n"
            "      (continue)))\n"
            "  (if\n"
            "    (clause (binary == (id k) (number 5))\n"
            "      (break))))\n"
            "(return)");
}

TEST(ParserTest, SwitchStatement) {
  EXPECT_EQ(body("switch x\n  case 1\n    a = 1;\n  case {2, 3}\n    a = 2;\n"
                 "  otherwise\n    a = 0;\nend"),
            "(switch (id x)\n"
            "  (case (number 1)\n"
            "    (assign display=0 (id a) (number 1)))\n"
            "  (case (cell (row (number 2) (number 3)))\n"
            "    (assign display=0 (id a) (number 2)))\n"
            "  (otherwise\n"
            "    (assign display=0 (id a) (number 0))))");
  EXPECT_EQ(body("switch s, case 'a', x = 1; end"),
            "(switch (id s)\n  (case (string 'a')\n"
            "    (assign display=0 (id x) (number 1))))");
  EXPECT_EQ(parse("switch x\n  otherwise\n  case 1\nend"),
            "error 3:3: Parse error: 'otherwise' must be the last part of a "
            "'switch' statement.");
}

TEST(ParserTest, TryCatch) {
  EXPECT_EQ(body("try\n  x = 1;\ncatch err\n  disp(err.message);\nend"),
            "(try\n"
            "  (body\n"
            "    (assign display=0 (id x) (number 1)))\n"
            "  (catch err\n"
            "    (expr display=0 (index (id disp) (field (id err) "
            "message)))))");
  EXPECT_EQ(body("try\n  x = 1;\ncatch\n  y\nend"),
            "(try\n  (body\n    (assign display=0 (id x) (number 1)))\n"
            "  (catch\n    (expr display=1 (id y))))");
  EXPECT_EQ(body("try, x, catch, y, end"),
            "(try\n  (body\n    (expr display=1 (id x)))\n"
            "  (catch\n    (expr display=1 (id y))))");
  EXPECT_EQ(body("try x; catch e, disp(e), end"),
            "(try\n  (body\n    (expr display=0 (id x)))\n"
            "  (catch e\n    (expr display=1 (index (id disp) (id e)))))");
  EXPECT_EQ(body("try\n  x;\nend"),
            "(try\n  (body\n    (expr display=0 (id x)))\n  (catch))");
}

TEST(ParserTest, GlobalAndPersistent) {
  EXPECT_EQ(body("global a b\npersistent n;"), "(global a b)\n(persistent n)");
}

TEST(ParserTest, AnonymousFunctions) {
  EXPECT_EQ(expr("@(x) x.^2 + a"),
            "(anon text=\"@(x)x.^2+a\" (params x) (binary + (binary .^ (id x) "
            "(number 2)) (id a)))");
  EXPECT_EQ(expr("@() 42"), "(anon text=\"@()42\" (params) (number 42))");
  EXPECT_EQ(expr("@(x, y) [x -y]"),
            "(anon text=\"@(x,y)[x,-y]\" (params x y) (matrix (row (id x) "
            "(unary - (id y)))))");
  EXPECT_EQ(expr("@(s) [s ' world']"),
            "(anon text=\"@(s)[s,' world']\" (params s) (matrix (row (id s) "
            "(string ' world'))))");
  EXPECT_EQ(expr("@(~, b) b"), "(anon text=\"@(~,b)b\" (params ~ b) (id b))");
  EXPECT_EQ(expr("@(v) v(end)"),
            "(anon text=\"@(v)v(end)\" (params v) (index (id v) (end)))");
  // The body of a handle extends as far as an expression can.
  EXPECT_EQ(expr("f(@(x) x + 1, 2)"),
            "(index (id f) (anon text=\"@(x)x+1\" (params x) (binary + (id x) "
            "(number 1))) (number 2))");
}

TEST(ParserTest, FunctionHandles) {
  EXPECT_EQ(expr("@sin"), "(handle sin)");
  EXPECT_EQ(expr("cellfun(@isempty, c)"),
            "(index (id cellfun) (handle isempty) (id c))");
  EXPECT_EQ(expr("@pkg.fn"), "(handle pkg.fn)");
}

TEST(ParserTest, FieldAccess) {
  EXPECT_EQ(expr("s.a"), "(field (id s) a)");
  EXPECT_EQ(expr("s.a(2).b{3}"),
            "(cellindex (field (index (field (id s) a) (number 2)) b) "
            "(number 3))");
  EXPECT_EQ(expr("s.(name)"), "(dynfield (id s) (id name))");
  EXPECT_EQ(expr("s.end + s.case"),
            "(binary + (field (id s) end) (field (id s) case))");
  EXPECT_EQ(expr("fs{1}(0)"),
            "(index (cellindex (id fs) (number 1)) (number 0))");
}

TEST(ParserTest, ChainedParenIndexingIsError) {
  EXPECT_EQ(parse("x = zeros(2)(1);"),
            "error 1:13: Invalid array indexing: '()'-indexing must appear "
            "last in an index expression.");
  EXPECT_EQ(parse("x = f(1){2};"),
            "error 1:9: Invalid array indexing: '()'-indexing must appear "
            "last in an index expression.");
  EXPECT_EQ(parse("x = [1 2](1);"),
            "error 1:10: Invalid array indexing. Only a name can be indexed; "
            "assign the value to a variable first.");
  EXPECT_EQ(parse("x = (a)(1);"),
            "error 1:8: Invalid array indexing. Only a name can be indexed; "
            "assign the value to a variable first.");
}

TEST(ParserTest, CommandSyntax) {
  EXPECT_EQ(body("format long"), "(command display=1 format 'long')");
  EXPECT_EQ(body("hold on;"), "(command display=0 hold 'on')");
  EXPECT_EQ(body("clear all\nclose all"),
            "(command display=1 clear 'all')\n(command display=1 close 'all')");
  EXPECT_EQ(body("warning off"), "(command display=1 warning 'off')");
  EXPECT_EQ(body("disp hello"), "(command display=1 disp 'hello')");
  EXPECT_EQ(body("disp 'hello world'"),
            "(command display=1 disp 'hello world')");
  EXPECT_EQ(body("format long g"), "(command display=1 format 'long' 'g')");
  // Not commands.
  EXPECT_EQ(body("a - b"), "(expr display=1 (binary - (id a) (id b)))");
  EXPECT_EQ(body("a -b"), "(expr display=1 (binary - (id a) (id b)))");
  EXPECT_EQ(body("format"), "(expr display=1 (id format))");
  EXPECT_EQ(body("disp (1)"), "(expr display=1 (index (id disp) (number 1)))");
}

TEST(ParserTest, StringsAndNumbers) {
  EXPECT_EQ(expr("\"abc\""), "(string \"abc\")");
  EXPECT_EQ(expr("'it''s'"), "(string 'it''s')");
  std::vector<Diagnostic> diags;
  std::optional<Block> b = parseStatements("3i; 0x1F; 1e3; \"q\";", diags);
  ASSERT_TRUE(b.has_value());
  ASSERT_EQ(b->size(), 4u);
  auto num = [&](size_t i) {
    return static_cast<const NumberExpr *>(
        static_cast<const ExprStmt *>((*b)[i].get())->expr.get());
  };
  EXPECT_TRUE(num(0)->isImag);
  EXPECT_EQ(num(0)->value, 3.0);
  EXPECT_FALSE(num(1)->isImag);
  EXPECT_EQ(num(1)->value, 31.0);
  EXPECT_EQ(num(2)->value, 1000.0);
  EXPECT_EQ(num(2)->text, "1e3");
  auto *s = static_cast<const StringExpr *>(
      static_cast<const ExprStmt *>((*b)[3].get())->expr.get());
  EXPECT_TRUE(s->isDoubleQuoted);
  EXPECT_EQ(s->value, "q");
}

TEST(ParserTest, FunctionFileWithEnds) {
  EXPECT_EQ(parse("function [a, b] = f(x, y)\n  a = x;\n  b = y;\nend\n\n"
                  "function g\nend\n"),
            "(function-file\n"
            "  (function f (params x y) (outputs a b) end=1\n"
            "    (assign display=0 (id a) (id x))\n"
            "    (assign display=0 (id b) (id y)))\n"
            "  (function g (params) (outputs) end=1))\n");
}

TEST(ParserTest, FunctionFileWithoutEnds) {
  EXPECT_EQ(parse("function r = f(varargin)\n  if nargin > 0\n    r = 1;\n"
                  "  end\nfunction [o1 o2] = h(~, b)\n  o1 = b;\n"),
            "(function-file\n"
            "  (function f (params varargin) (outputs r) end=0\n"
            "    (if\n"
            "      (clause (binary > (id nargin) (number 0))\n"
            "        (assign display=0 (id r) (number 1)))))\n"
            "  (function h (params ~ b) (outputs o1 o2) end=0\n"
            "    (assign display=0 (id o1) (id b))))\n");
  EXPECT_EQ(parse("function r = f\nr = 1;"),
            "(function-file\n  (function f (params) (outputs r) end=0\n"
            "    (assign display=0 (id r) (number 1))))\n");
}

TEST(ParserTest, MixedFunctionEndsAreError) {
  EXPECT_EQ(parse("function f\n  x = 1;\nend\nfunction g\n  y = 2;\n"),
            "error 5:9: Parse error: 'end' expected to close 'function' "
            "(opened at line 4): if any function in a file is closed with "
            "'end', all must be");
  EXPECT_EQ(parse("function f\n  x = 1;\nend\ny = 2;\n"),
            "error 4:1: This statement is not inside any function. (It follows "
            "the 'end' that terminates the definition of the function \"f\".)");
  EXPECT_EQ(parse("function f\n  function g\n  end\nend\n"),
            "error 2:3: Nested functions are not supported.");
}

TEST(ParserTest, ScriptWithLocalFunctions) {
  EXPECT_EQ(parse("x = f(2);\n\nfunction y = f(x)\n  y = 2 * x;\nend\n"),
            "(script\n"
            "  (assign display=0 (id x) (index (id f) (number 2)))\n"
            "  (function f (params x) (outputs y) end=1\n"
            "    (assign display=0 (id y) (binary * (number 2) (id x)))))\n");
  EXPECT_EQ(parse("x = 1;\nfunction f\nend\ny = 2;\n"),
            "error 4:1: Function definitions in a script must appear at the "
            "end of the file. Move all statements after the \"f\" function "
            "definition to before the first local function definition.");
  EXPECT_EQ(parse("x = 1;\nfunction f\n  y = 2;\n"),
            "error 3:9: Parse error: 'end' expected to close 'function' "
            "(opened at line 2)");
}

TEST(ParserTest, MissingEndMessages) {
  EXPECT_EQ(parse("x = 1;\n\nif x\n  y = 2;\n"),
            "error 4:9: Parse error: 'end' expected to close 'if' (opened at "
            "line 3)");
  EXPECT_EQ(parse("for k = 1:3\n  while 1\n  end\n"),
            "error 3:6: Parse error: 'end' expected to close 'for' (opened at "
            "line 1)");
  EXPECT_EQ(parse("try\n  x;\ncatch\n"),
            "error 3:6: Parse error: 'end' expected to close 'try' (opened at "
            "line 1)");
  EXPECT_EQ(parse("switch x\ncase 1\n"),
            "error 2:7: Parse error: 'end' expected to close 'switch' (opened "
            "at line 1)");
}

TEST(ParserTest, SyntaxErrorMessages) {
  EXPECT_EQ(parse("x = 1 +;"), "error 1:8: Invalid use of operator.");
  EXPECT_EQ(parse("x = * 2;"), "error 1:5: Invalid use of operator.");
  EXPECT_EQ(parse("x = (1 + 2;"),
            "error 1:11: Invalid expression. Check for missing or extra "
            "characters.");
  EXPECT_EQ(parse("x = (1 + 2\n"),
            "error 1:11: Unbalanced or unexpected parenthesis or bracket. "
            "('(' opened at line 1, column 5 is not closed)");
  EXPECT_EQ(parse("x = 1 + 2);"),
            "error 1:10: Unbalanced or unexpected parenthesis or bracket.");
  EXPECT_EQ(parse("x = [1 2;"),
            "error 1:10: Unbalanced or unexpected parenthesis or bracket. "
            "('[' opened at line 1, column 5 is not closed)");
  EXPECT_EQ(parse("x = 1 2"),
            "error 1:7: Invalid expression. Check for missing or extra "
            "characters.");
  EXPECT_EQ(parse("if x = 1, end"),
            "error 1:6: Incorrect use of '=' operator. To assign a value to a "
            "variable, use '='. To compare values for equality, use '=='.");
  EXPECT_EQ(parse("y = 2;\nx = 'abc"),
            "error 2:5: Unterminated character vector.");
  EXPECT_EQ(parse("if ~x, y = !x; end"),
            "error 1:12: '!' is not MATLAB syntax; use '~' for logical "
            "negation.");
  EXPECT_EQ(parse("if x\n  y\nendif"),
            "error 3:1: 'endif' is Octave syntax; MATLAB closes every block "
            "with 'end'.");
  EXPECT_EQ(parse("x = s.;"),
            "error 1:7: Invalid expression. A field name is expected after "
            "'.'.");
  EXPECT_EQ(parse("else"),
            "error 1:1: Illegal use of reserved keyword \"else\".");
}

TEST(ParserTest, FormatDiagnostic) {
  std::string src = "x = 1;\n\ty = (2 +;\n";
  std::vector<Diagnostic> diags;
  EXPECT_EQ(parseFile("dir/f.m", src, diags), nullptr);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(formatDiagnostic("dir/f.m", src, diags[0]),
            "dir/f.m:2:10: error: Invalid use of operator.\n"
            "\ty = (2 +;\n"
            "\t        ^\n");
  Diagnostic d{{3, 1}, "msg"};
  EXPECT_EQ(formatDiagnostic("a.m", "one\r\ntwo", Diagnostic{{1, 3}, "m"}),
            "a.m:1:3: error: m\none\n  ^\n");
  EXPECT_EQ(formatDiagnostic("a.m", "x", d), "a.m:3:1: error: msg\n\n^\n");
}

TEST(ParserTest, ParseStatementsForRepl) {
  std::vector<Diagnostic> diags;
  std::optional<Block> b = parseStatements("a = 1; b = a + 1", diags);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->size(), 2u);
  EXPECT_FALSE((*b)[0]->display);
  EXPECT_TRUE((*b)[1]->display);
  EXPECT_EQ((*b)[1]->loc.col, 8u);

  EXPECT_FALSE(parseStatements("function f\nend", diags).has_value());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].message.substr(0, 51),
            "Function definitions are not supported in this cont");
  diags.clear();
  EXPECT_FALSE(parseStatements("x = (1", diags).has_value());
  EXPECT_EQ(diags.size(), 1u);
  diags.clear();
  EXPECT_FALSE(parseStatements("end", diags).has_value());
  EXPECT_EQ(diags.size(), 1u);
}

TEST(ParserTest, Locations) {
  std::vector<Diagnostic> diags;
  std::unique_ptr<File> f = parseFile("t.m", "x = 1;\n  y = a + b;\n", diags);
  ASSERT_TRUE(f);
  ASSERT_EQ(f->script.size(), 2u);
  const auto *a = static_cast<const AssignStmt *>(f->script[1].get());
  EXPECT_EQ(a->loc.line, 2u);
  EXPECT_EQ(a->loc.col, 3u);
  EXPECT_EQ(a->rhs->loc.col, 9u); // binary: the operator
  EXPECT_EQ(static_cast<const BinaryExpr *>(a->rhs.get())->lhs->loc.col, 7u);
}

TEST(ParserTest, DeepNestingIsDiagnosedNotCrashing) {
  std::string src =
      "x = " + std::string(20000, '(') + "1" + std::string(20000, ')') + ";";
  std::string r = parse(src);
  EXPECT_EQ(r.substr(0, 6), "error ");
  EXPECT_NE(r.find("nested"), std::string::npos);

  src = "x = " + std::string(20000, '-') + "1;";
  EXPECT_NE(parse(src).find("nested"), std::string::npos);

  src = "x = " + std::string(5000, '[') + std::string(5000, ']') + ";";
  EXPECT_NE(parse(src).find("nested"), std::string::npos);

  std::string ifs;
  for (int i = 0; i < 3000; ++i)
    ifs += "if x\n";
  EXPECT_NE(parse(ifs).find("nested"), std::string::npos);

  // A long flat chain is fine below the height limit and diagnosed above it.
  std::string chain = "x = 1";
  for (int i = 0; i < 1000; ++i)
    chain += " + 1";
  EXPECT_EQ(parse(chain).substr(0, 7), "(script");
  for (int i = 0; i < 10000; ++i)
    chain += " + 1";
  EXPECT_NE(parse(chain).find("too long"), std::string::npos);
}

TEST(ParserTest, TruncatedInputsNeverCrash) {
  const std::string program =
      "function [a, b] = f(x, varargin)\n"
      "  % comment\n"
      "  a = [x' -x(end) 'str'; {1, @(y) y.^2 + x}];\n"
      "  %{\n  block\n  %}\n"
      "  switch x, case {1, 2}, b = s.(n)(2:end); otherwise, b = []; end\n"
      "  try, error('e:f', \"g\"); catch err, disp(err.message), end\n"
      "  for (k = 1:3), if k > 1 && ~b, break; else continue; end, end\n"
      "  hold on\n"
      "  [~, b] = max(x ...\n     + 1);\n"
      "end\n";
  for (size_t n = 0; n <= program.size(); ++n) {
    std::vector<Diagnostic> diags;
    std::unique_ptr<File> f = parseFile("t.m", program.substr(0, n), diags);
    EXPECT_TRUE(f != nullptr || diags.size() == 1u) << "prefix " << n;
    if (f)
      (void)dump(*f);
  }
  std::vector<Diagnostic> diags;
  EXPECT_TRUE(parseFile("t.m", program, diags) != nullptr);
}

TEST(ParserTest, OperatorSpellings) {
  EXPECT_STREQ(binOpSpelling(BinOp::LDivide), ".\\");
  EXPECT_STREQ(binOpSpelling(BinOp::MLDivide), "\\");
  EXPECT_STREQ(binOpSpelling(BinOp::Ne), "~=");
  EXPECT_STREQ(binOpSpelling(BinOp::OrOr), "||");
  EXPECT_STREQ(unOpSpelling(UnOp::Not), "~");
  EXPECT_STREQ(unOpSpelling(UnOp::Neg), "-");
}

TEST(ParserTest, ResolvedNamesInDump) {
  std::vector<Diagnostic> diags;
  std::unique_ptr<File> f = parseFile("t.m", "y = sin(x);", diags);
  ASSERT_TRUE(f);
  auto *a = static_cast<AssignStmt *>(f->script[0].get());
  static_cast<IdentifierExpr *>(a->lhs.get())->resolved = NameKind::Variable;
  auto *call = static_cast<IndexExpr *>(a->rhs.get());
  static_cast<IdentifierExpr *>(call->base.get())->resolved =
      NameKind::Function;
  EXPECT_EQ(dump(*f), "(script\n  (assign display=0 (id y var) (index "
                      "(id sin fn) (id x))))\n");
}

} // namespace
