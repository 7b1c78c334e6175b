//===- runmat/Frontend/Lexer.h - MATLAB lexer -------------------*- C++ -*-===//
//
// Turns MATLAB source text into tokens. The lexer resolves the context
// sensitive parts of MATLAB's lexical grammar itself: quote as transpose or
// string start, whitespace inside [] and {} (recorded per token in
// Token::spaceBefore), comments, block comments, `...` continuations and
// command syntax (`format long` lexes as an identifier plus command_arg
// tokens). Plain C++17, no LLVM.
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_FRONTEND_LEXER_H
#define RUNMAT_FRONTEND_LEXER_H

#include "runmat/Frontend/AST.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace runmat {

enum class TokenKind {
#define TOK(NAME) NAME,
#include "runmat/Frontend/TokenKinds.def"
};

/// The kind's name as written in TokenKinds.def ("identifier", "kw_end").
const char *tokenKindName(TokenKind kind);
/// The spelling of a punctuator or keyword ("+", "end"); "" for others.
const char *tokenKindSpelling(TokenKind kind);

struct Token {
  TokenKind kind = TokenKind::eof;
  ast::Location loc;
  /// Byte range of the token in the source.
  size_t offset = 0, length = 0;
  /// Whitespace, a comment or a `...` continuation precedes the token on
  /// the same logical line. Matters inside [] and {}.
  bool spaceBefore = false;
  /// Unescaped contents for string, dq_string and command_arg; the message
  /// for error.
  std::string value;

  bool is(TokenKind k) const { return kind == k; }
  bool isKeyword() const;
  /// Source text of the token.
  std::string_view text(std::string_view source) const {
    return source.substr(offset, length);
  }
};

class Lexer {
public:
  explicit Lexer(std::string_view source) : src(source) {}

  /// Lexes the whole input. The result always ends with an eof token, or
  /// with an error token (the lexer stops at its first error).
  std::vector<Token> lexAll();

private:
  enum class Bracket { Paren, Square, Brace };

  char peek(size_t ahead = 0) const {
    return pos + ahead < src.size() ? src[pos + ahead] : '\0';
  }
  bool atEnd(size_t ahead = 0) const { return pos + ahead >= src.size(); }
  ast::Location locAt(size_t offset) const;
  void advance(size_t n = 1);

  /// Skips blanks, comments and continuations; true when any was skipped.
  bool skipTrivia();
  bool tryBlockComment();
  bool lineIsOnly(size_t lineBegin, std::string_view marker) const;
  void skipToLineEnd();
  bool inMatrix() const {
    return !brackets.empty() && brackets.back() != Bracket::Paren;
  }
  bool prevIsValue() const;
  bool looksLikeCommand(std::string_view name) const;

  void lexCommandArgs();
  void lexNumber(Token &tok);
  void lexIdentifier(Token &tok);
  void lexQuoted(Token &tok, char quote);
  void lexPunct(Token &tok);
  void push(Token tok);
  void fail(size_t offset, std::string message);

  std::string_view src;
  size_t pos = 0;
  uint32_t line = 1;
  size_t lineStart = 0;
  std::vector<Bracket> brackets;
  std::vector<Token> tokens;
  bool stmtStart = true;
  bool failed = false;
};

} // namespace runmat

#endif // RUNMAT_FRONTEND_LEXER_H
