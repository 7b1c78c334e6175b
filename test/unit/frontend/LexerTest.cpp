//===- LexerTest.cpp - Unit tests for the MATLAB lexer --------------------===//

#include "runmat/Frontend/Lexer.h"

#include <gtest/gtest.h>

using namespace runmat;

namespace {

using K = TokenKind;

std::vector<Token> lex(const std::string &src) { return Lexer(src).lexAll(); }

/// Kinds of all tokens, without the final eof.
std::vector<K> kinds(const std::string &src) {
  std::vector<K> out;
  for (const Token &t : lex(src))
    if (!t.is(K::eof))
      out.push_back(t.kind);
  return out;
}

/// "kind:text" for each token (value for strings/args/errors).
std::string show(const std::string &src) {
  std::string out;
  for (const Token &t : lex(src)) {
    if (t.is(K::eof))
      break;
    if (!out.empty())
      out += ' ';
    out += tokenKindName(t.kind);
    if (t.is(K::string) || t.is(K::dq_string) || t.is(K::command_arg) ||
        t.is(K::error))
      out += "<" + t.value + ">";
    else if (t.is(K::identifier) || t.is(K::number))
      out += ":" + std::string(t.text(src));
  }
  return out;
}

TEST(LexerTest, Numbers) {
  EXPECT_EQ(show("1 1.5 .5 1e3 1E-3 5. 2.5e+2"),
            "number:1 number:1.5 number:.5 number:1e3 number:1E-3 number:5. "
            "number:2.5e+2");
  EXPECT_EQ(show("0x1F 0xffu8"), "number:0x1F number:0xffu8");
  EXPECT_EQ(show("3i 2.5j 1e3i 4I"),
            "number:3i number:2.5j number:1e3i number:4I");
  // `1e` is not an exponent: number then identifier.
  EXPECT_EQ(show("1e"), "number:1 identifier:e");
}

TEST(LexerTest, NumberBeforeDotOperator) {
  EXPECT_EQ(show("1.*2"), "number:1 dot_star number:2");
  EXPECT_EQ(show("2.^x"), "number:2 dot_caret identifier:x");
  EXPECT_EQ(show("1./2"), "number:1 dot_slash number:2");
  EXPECT_EQ(show("3.'"), "number:3 dot_quote");
  EXPECT_EQ(show("1.5.*2"), "number:1.5 dot_star number:2");
}

TEST(LexerTest, IdentifiersAndKeywords) {
  EXPECT_EQ(kinds("if elseif else end for parfor while switch case otherwise "
                  "try catch break continue return function global "
                  "persistent"),
            (std::vector<K>{K::kw_if, K::kw_elseif, K::kw_else, K::kw_end,
                            K::kw_for, K::kw_parfor, K::kw_while, K::kw_switch,
                            K::kw_case, K::kw_otherwise, K::kw_try, K::kw_catch,
                            K::kw_break, K::kw_continue, K::kw_return,
                            K::kw_function, K::kw_global, K::kw_persistent}));
  EXPECT_EQ(show("x_1 = End"), "identifier:x_1 equal identifier:End");
  EXPECT_EQ(show("endif"), "identifier:endif");
}

TEST(LexerTest, KeywordAfterDotIsFieldName) {
  EXPECT_EQ(show("s.end + s.if"),
            "identifier:s dot identifier:end plus identifier:s dot "
            "identifier:if");
}

TEST(LexerTest, SingleQuotedStrings) {
  EXPECT_EQ(show("x = 'it''s'"), "identifier:x equal string<it's>");
  EXPECT_EQ(show("''"), "string<>");
  EXPECT_EQ(show("'a % not a comment'"), "string<a % not a comment>");
}

TEST(LexerTest, DoubleQuotedStrings) {
  EXPECT_EQ(show("\"say \"\"hi\"\"\""), "dq_string<say \"hi\">");
  EXPECT_EQ(show("\"it's\""), "dq_string<it's>");
}

TEST(LexerTest, QuoteAfterValueIsTranspose) {
  EXPECT_EQ(show("a'"), "identifier:a quote");
  EXPECT_EQ(show("a''"), "identifier:a quote quote");
  EXPECT_EQ(show("x(1)'"), "identifier:x l_paren number:1 r_paren quote");
  EXPECT_EQ(show("[1 2]'"), "l_square number:1 number:2 r_square quote");
  EXPECT_EQ(show("c{1}'"), "identifier:c l_brace number:1 r_brace quote");
  EXPECT_EQ(show("a.''"), "identifier:a dot_quote quote");
  EXPECT_EQ(show("3'"), "number:3 quote");
  EXPECT_EQ(show("x(end')"), "identifier:x l_paren kw_end quote r_paren");
}

TEST(LexerTest, QuoteAfterOperatorIsString) {
  EXPECT_EQ(show("x = 'a'"), "identifier:x equal string<a>");
  EXPECT_EQ(show("f('a', 'b')"),
            "identifier:f l_paren string<a> comma string<b> r_paren");
  EXPECT_EQ(show("[a,'b']"), "l_square identifier:a comma string<b> r_square");
}

TEST(LexerTest, WhitespaceBeforeQuoteInBrackets) {
  // [a' b'] is two transposes; [a 'x'] a name and a string.
  EXPECT_EQ(show("[a' b']"),
            "l_square identifier:a quote identifier:b quote r_square");
  EXPECT_EQ(show("[a 'x']"), "l_square identifier:a string<x> r_square");
  EXPECT_EQ(show("{a 'x'}"), "l_brace identifier:a string<x> r_brace");
  // Parentheses inside brackets make whitespace insignificant again.
  EXPECT_EQ(show("[f(a ')]"),
            "l_square identifier:f l_paren identifier:a quote r_paren "
            "r_square");
  // Outside brackets a spaced quote after a value is still a transpose.
  EXPECT_EQ(show("y = a ';"), "identifier:y equal identifier:a quote "
                              "semicolon");
}

TEST(LexerTest, Operators) {
  EXPECT_EQ(kinds("+ - * / \\ ^ .* ./ .\\ .^ == ~= < <= > >= & | && || ~ = "
                  ": , ; ( ) [ ] { } . @"),
            (std::vector<K>{K::plus,          K::minus,       K::star,
                            K::slash,         K::backslash,   K::caret,
                            K::dot_star,      K::dot_slash,   K::dot_backslash,
                            K::dot_caret,     K::equal_equal, K::tilde_equal,
                            K::less,          K::less_equal,  K::greater,
                            K::greater_equal, K::amp,         K::pipe,
                            K::amp_amp,       K::pipe_pipe,   K::tilde,
                            K::equal,         K::colon,       K::comma,
                            K::semicolon,     K::l_paren,     K::r_paren,
                            K::l_square,      K::r_square,    K::l_brace,
                            K::r_brace,       K::dot,         K::at}));
  EXPECT_EQ(std::string(tokenKindSpelling(K::dot_backslash)), ".\\");
  EXPECT_EQ(std::string(tokenKindSpelling(K::kw_parfor)), "parfor");
  EXPECT_EQ(std::string(tokenKindName(K::amp_amp)), "amp_amp");
}

TEST(LexerTest, OctaveOnlyCharactersAreErrors) {
  std::vector<Token> t = lex("x = !y");
  ASSERT_TRUE(t.back().is(K::error));
  EXPECT_EQ(t.back().loc.col, 5u);
  EXPECT_NE(t.back().value.find("'~'"), std::string::npos);
  t = lex("a != b");
  ASSERT_TRUE(t.back().is(K::error));
  EXPECT_NE(t.back().value.find("'~='"), std::string::npos);
  t = lex("# comment");
  ASSERT_TRUE(t.back().is(K::error));
  EXPECT_NE(t.back().value.find("'%'"), std::string::npos);
  t = lex("x = 1 $ 2");
  ASSERT_TRUE(t.back().is(K::error));
  EXPECT_EQ(t.back().value.substr(0, 23), "Invalid text character.");
}

TEST(LexerTest, LineComments) {
  EXPECT_EQ(show("x = 1 % set x\ny"),
            "identifier:x equal number:1 newline identifier:y");
  EXPECT_EQ(show("% only a comment"), "");
}

TEST(LexerTest, BlockComments) {
  EXPECT_EQ(show("a\n%{\nx = 99;\n%}\nb"),
            "identifier:a newline newline identifier:b");
  // Nested block comments.
  EXPECT_EQ(show("a\n  %{\n%{\ninner\n%}\nstill comment\n  %}  \nb"),
            "identifier:a newline newline identifier:b");
  // `%{` followed by text is an ordinary line comment.
  EXPECT_EQ(show("a %{ not a block\nb"), "identifier:a newline identifier:b");
  // Unterminated: the rest of the file is a comment.
  EXPECT_EQ(show("a\n%{\nb"), "identifier:a newline");
}

TEST(LexerTest, Continuation) {
  std::vector<Token> t = lex("x = 1 + ... comment here\n    2");
  ASSERT_EQ(t.size(), 6u);
  EXPECT_TRUE(t[4].is(K::number));
  EXPECT_TRUE(t[4].spaceBefore);
  EXPECT_EQ(t[4].loc.line, 2u);
  EXPECT_EQ(t[4].loc.col, 5u);
  EXPECT_EQ(show("[1, 2, ...\n 3]"),
            "l_square number:1 comma number:2 comma number:3 r_square");
}

TEST(LexerTest, NewlinesAndCarriageReturns) {
  EXPECT_EQ(kinds("a\r\nb\n\nc"),
            (std::vector<K>{K::identifier, K::newline, K::identifier,
                            K::newline, K::newline, K::identifier}));
}

TEST(LexerTest, SpaceBefore) {
  std::vector<Token> t = lex("[1 -2 - 3]");
  ASSERT_GE(t.size(), 6u);
  EXPECT_FALSE(t[1].spaceBefore); // 1
  EXPECT_TRUE(t[2].spaceBefore);  // -
  EXPECT_FALSE(t[3].spaceBefore); // 2
  EXPECT_TRUE(t[4].spaceBefore);  // -
  EXPECT_TRUE(t[5].spaceBefore);  // 3
}

TEST(LexerTest, Locations) {
  std::vector<Token> t = lex("x = 1;\n  yy(2)");
  ASSERT_GE(t.size(), 6u);
  EXPECT_EQ(t[0].loc.line, 1u);
  EXPECT_EQ(t[0].loc.col, 1u);
  EXPECT_EQ(t[2].loc.col, 5u);
  EXPECT_EQ(t[5].loc.line, 2u);
  EXPECT_EQ(t[5].loc.col, 3u);
  EXPECT_EQ(t[5].text("x = 1;\n  yy(2)"), "yy");
}

TEST(LexerTest, CommandSyntax) {
  EXPECT_EQ(show("format long"), "identifier:format command_arg<long>");
  EXPECT_EQ(show("format long g;"),
            "identifier:format command_arg<long> command_arg<g> semicolon");
  EXPECT_EQ(show("hold on % comment"), "identifier:hold command_arg<on>");
  EXPECT_EQ(show("disp 'hello world', x"),
            "identifier:disp command_arg<hello world> comma identifier:x");
  EXPECT_EQ(show("warning off all"),
            "identifier:warning command_arg<off> command_arg<all>");
  EXPECT_EQ(show("if c, clear all, end"),
            "kw_if identifier:c comma identifier:clear command_arg<all> "
            "comma kw_end");
}

TEST(LexerTest, NotCommandSyntax) {
  EXPECT_EQ(show("x = 3"), "identifier:x equal number:3");
  EXPECT_EQ(show("a - b"), "identifier:a minus identifier:b");
  EXPECT_EQ(show("a -b"), "identifier:a minus identifier:b");
  EXPECT_EQ(show("f (1)"), "identifier:f l_paren number:1 r_paren");
  EXPECT_EQ(show("a == b"), "identifier:a equal_equal identifier:b");
  EXPECT_EQ(show("x y = 3"), "identifier:x identifier:y equal number:3");
  // Not at the start of a statement.
  EXPECT_EQ(show("y = disp hello"),
            "identifier:y equal identifier:disp identifier:hello");
  // Inside brackets.
  EXPECT_EQ(show("[a b]"), "l_square identifier:a identifier:b r_square");
  // A keyword as the second word.
  EXPECT_EQ(show("x end"), "identifier:x kw_end");
}

TEST(LexerTest, UnterminatedStrings) {
  std::vector<Token> t = lex("x = 1;\ny = 'abc\nz");
  ASSERT_TRUE(t.back().is(K::error));
  EXPECT_EQ(t.back().value, "Unterminated character vector.");
  EXPECT_EQ(t.back().loc.line, 2u);
  EXPECT_EQ(t.back().loc.col, 5u);
  t = lex("\"abc");
  ASSERT_TRUE(t.back().is(K::error));
  EXPECT_EQ(t.back().value, "Unterminated string.");
  t = lex("disp 'abc");
  ASSERT_TRUE(t.back().is(K::error));
  EXPECT_EQ(t.back().value, "Unterminated character vector.");
}

TEST(LexerTest, EofLocation) {
  std::vector<Token> t = lex("abc\n");
  ASSERT_TRUE(t.back().is(K::eof));
  EXPECT_EQ(t.back().loc.line, 1u);
  EXPECT_EQ(t.back().loc.col, 4u);
  EXPECT_TRUE(lex("").back().is(K::eof));
}

} // namespace
