//===- Lexer.cpp - MATLAB lexer -------------------------------------------===//
//
// MATLAB's lexical grammar depends on context; this lexer tracks the open
// brackets and whether a statement is starting, which is enough to decide
// quote-versus-transpose, whitespace significance and command syntax.
//
//===----------------------------------------------------------------------===//

#include "runmat/Frontend/Lexer.h"

#include <cstdlib>
#include <cstring>

using namespace runmat;

const char *runmat::tokenKindName(TokenKind kind) {
  switch (kind) {
#define TOK(NAME)                                                              \
  case TokenKind::NAME:                                                        \
    return #NAME;
#include "runmat/Frontend/TokenKinds.def"
  }
  return "<unknown>";
}

const char *runmat::tokenKindSpelling(TokenKind kind) {
  switch (kind) {
#define TOK_PUNCT(NAME, SPELLING)                                              \
  case TokenKind::NAME:                                                        \
    return SPELLING;
#define TOK_KEYWORD(SPELLING)                                                  \
  case TokenKind::kw_##SPELLING:                                               \
    return #SPELLING;
#include "runmat/Frontend/TokenKinds.def"
  default:
    return "";
  }
}

bool Token::isKeyword() const {
  switch (kind) {
#define TOK_KEYWORD(SPELLING) case TokenKind::kw_##SPELLING:
#include "runmat/Frontend/TokenKinds.def"
    return true;
  default:
    return false;
  }
}

static bool isIdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static bool isDigit(char c) { return c >= '0' && c <= '9'; }
static bool isIdentChar(char c) {
  return isIdentStart(c) || isDigit(c) || c == '_';
}
static bool isHexDigit(char c) {
  return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static bool isBlank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static TokenKind keywordKind(std::string_view word) {
#define TOK_KEYWORD(SPELLING)                                                  \
  if (word == #SPELLING)                                                       \
    return TokenKind::kw_##SPELLING;
#include "runmat/Frontend/TokenKinds.def"
  return TokenKind::identifier;
}

ast::Location Lexer::locAt(size_t offset) const {
  ast::Location loc;
  if (offset >= lineStart) {
    loc.line = line;
    loc.col = static_cast<uint32_t>(offset - lineStart + 1);
    return loc;
  }
  // Rare: an offset on an earlier line. Recount from the start.
  uint32_t l = 1;
  size_t start = 0;
  for (size_t i = 0; i < offset && i < src.size(); ++i)
    if (src[i] == '\n') {
      ++l;
      start = i + 1;
    }
  loc.line = l;
  loc.col = static_cast<uint32_t>(offset - start + 1);
  return loc;
}

void Lexer::advance(size_t n) {
  for (size_t i = 0; i < n && pos < src.size(); ++i) {
    if (src[pos] == '\n') {
      ++line;
      lineStart = pos + 1;
    }
    ++pos;
  }
}

void Lexer::fail(size_t offset, std::string message) {
  Token tok;
  tok.kind = TokenKind::error;
  tok.offset = offset;
  tok.length = offset < src.size() ? 1 : 0;
  tok.loc = locAt(offset);
  tok.value = std::move(message);
  tokens.push_back(std::move(tok));
  failed = true;
}

void Lexer::skipToLineEnd() {
  while (!atEnd() && peek() != '\n')
    advance();
}

/// True when the line starting at `lineBegin` holds `marker` and nothing but
/// blanks around it.
bool Lexer::lineIsOnly(size_t lineBegin, std::string_view marker) const {
  size_t i = lineBegin;
  while (i < src.size() && isBlank(src[i]))
    ++i;
  if (src.compare(i, marker.size(), marker) != 0)
    return false;
  i += marker.size();
  while (i < src.size() && isBlank(src[i]))
    ++i;
  return i >= src.size() || src[i] == '\n';
}

/// At a '%': if it opens a block comment (`%{` alone on its line), skips the
/// whole (possibly nested) block, up to the newline ending the `%}` line.
bool Lexer::tryBlockComment() {
  if (peek(1) != '{' || !lineIsOnly(lineStart, "%{"))
    return false;
  unsigned depth = 0;
  while (!atEnd()) {
    size_t begin = lineStart;
    if (lineIsOnly(begin, "%{"))
      ++depth;
    else if (lineIsOnly(begin, "%}"))
      --depth;
    skipToLineEnd();
    if (depth == 0)
      return true;
    advance(); // the newline
  }
  return true; // unterminated: the rest of the file is a comment
}

bool Lexer::skipTrivia() {
  bool skipped = false;
  while (!atEnd()) {
    char c = peek();
    if (isBlank(c)) {
      advance();
      skipped = true;
      continue;
    }
    if (c == '%') {
      if (!tryBlockComment())
        skipToLineEnd();
      skipped = true;
      continue;
    }
    if (c == '.' && peek(1) == '.' && peek(2) == '.') {
      // Continuation: ignore the rest of the line and the line break.
      skipToLineEnd();
      advance();
      skipped = true;
      continue;
    }
    break;
  }
  return skipped;
}

bool Lexer::prevIsValue() const {
  if (tokens.empty())
    return false;
  switch (tokens.back().kind) {
  case TokenKind::identifier:
  case TokenKind::number:
  case TokenKind::r_paren:
  case TokenKind::r_square:
  case TokenKind::r_brace:
  case TokenKind::quote:
  case TokenKind::dot_quote:
  case TokenKind::dq_string:
    return true;
  case TokenKind::kw_end:
    // `end` inside a subscript is a value (x(end')).
    return !brackets.empty();
  default:
    return false;
  }
}

/// Called with `pos` just after an identifier that starts a statement:
/// decides whether the rest of the statement is command syntax
/// (`hold on`, `format long g`, `disp 'hi'`).
bool Lexer::looksLikeCommand(std::string_view name) const {
  size_t i = pos;
  if (i >= src.size() || (src[i] != ' ' && src[i] != '\t'))
    return false;
  while (i < src.size() && (src[i] == ' ' || src[i] == '\t'))
    ++i;
  if (i >= src.size())
    return false;
  char c = src[i];
  if (c == '\'')
    return true;
  // `clear -regexp ^t`, `disp -1`: an operator glued to its operand reads as
  // command syntax, as in MATLAB, unless the name is a variable. The lexer
  // does not know the variables, so this is taken only for builtins that
  // are commands by nature (no program names a variable `clear`).
  static const char *const kCommands[] = {
      "clear", "clearvars", "disp", "format", "warning", "save", "load",
      "close", "hold", "more", "addpath", "rmpath", "rng", "clc", "figure",
      "who", "whos", "cd", "dir", "mkdir", "rmdir", "delete"};
  bool commandLike = false;
  for (const char *k : kCommands)
    commandLike = commandLike || name == k;
  if (c == '-' && i + 1 < src.size() && isIdentChar(src[i + 1]))
    return commandLike;
  // `cd ..`, `dir *.m`, `cd /tmp`, `cd ~`: paths after a command-like
  // builtin.
  if (commandLike && (c == '.' || c == '/' || c == '~' || c == '*'))
    return i + 1 >= src.size() ||
           (src[i + 1] != ' ' && src[i + 1] != '\t' && src[i + 1] != '=');
  if (!isIdentChar(c))
    return false;
  size_t wordBegin = i;
  while (i < src.size() && isIdentChar(src[i]))
    ++i;
  if (keywordKind(src.substr(wordBegin, i - wordBegin)) !=
      TokenKind::identifier)
    return false;
  while (i < src.size() && (src[i] == ' ' || src[i] == '\t'))
    ++i;
  if (i < src.size() && src[i] == '=' &&
      (i + 1 >= src.size() || src[i + 1] != '='))
    return false;
  if (i < src.size() && src[i] == '(')
    return false;
  return true;
}

void Lexer::lexCommandArgs() {
  while (!failed) {
    while (!atEnd() && isBlank(peek()))
      advance();
    if (atEnd())
      return;
    char c = peek();
    if (c == ',' || c == ';' || c == '\n' || c == '%')
      return;
    if (c == '.' && peek(1) == '.' && peek(2) == '.') {
      skipToLineEnd();
      advance();
      continue;
    }
    Token tok;
    tok.kind = TokenKind::command_arg;
    tok.offset = pos;
    tok.loc = locAt(pos);
    tok.spaceBefore = true;
    while (!atEnd()) {
      c = peek();
      if (isBlank(c) || c == '\n' || c == ',' || c == ';' || c == '%')
        break;
      if (c != '\'') {
        tok.value += c;
        advance();
        continue;
      }
      size_t quoteAt = pos;
      advance();
      for (;;) {
        if (atEnd() || peek() == '\n') {
          fail(quoteAt, "Unterminated character vector.");
          return;
        }
        if (peek() == '\'') {
          if (peek(1) == '\'') {
            tok.value += '\'';
            advance(2);
            continue;
          }
          advance();
          break;
        }
        tok.value += peek();
        advance();
      }
    }
    tok.length = pos - tok.offset;
    tokens.push_back(std::move(tok));
  }
}

void Lexer::lexNumber(Token &tok) {
  tok.kind = TokenKind::number;
  if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X') &&
      isHexDigit(peek(2))) {
    advance(2);
    while (isHexDigit(peek()))
      advance();
    // Optional integer-type suffix (0xFFu8, 0x7Fs16).
    if ((peek() == 'u' || peek() == 's' || peek() == 'U' || peek() == 'S')) {
      static const char *suffixes[] = {"8", "16", "32", "64"};
      for (const char *s : suffixes) {
        size_t n = std::strlen(s);
        if (src.compare(pos + 1, n, s) == 0 && !isIdentChar(peek(1 + n))) {
          advance(1 + n);
          break;
        }
      }
    }
    return;
  }
  while (isDigit(peek()))
    advance();
  if (peek() == '.') {
    char n = peek(1);
    bool isOperator = n == '*' || n == '/' || n == '\\' || n == '^' ||
                      n == '\'' || (n == '.' && peek(2) == '.');
    if (!isOperator) {
      advance();
      while (isDigit(peek()))
        advance();
    }
  }
  char e = peek();
  if (e == 'e' || e == 'E' || e == 'd' || e == 'D') {
    if (isDigit(peek(1)))
      advance(1);
    else if ((peek(1) == '+' || peek(1) == '-') && isDigit(peek(2)))
      advance(2);
    else
      e = 0;
    if (e)
      while (isDigit(peek()))
        advance();
  }
  char im = peek();
  if ((im == 'i' || im == 'j' || im == 'I' || im == 'J') &&
      !isIdentChar(peek(1)))
    advance();
}

void Lexer::lexIdentifier(Token &tok) {
  while (isIdentChar(peek()))
    advance();
  std::string_view word = src.substr(tok.offset, pos - tok.offset);
  bool afterDot = !tokens.empty() && tokens.back().is(TokenKind::dot);
  tok.kind = afterDot ? TokenKind::identifier : keywordKind(word);
}

void Lexer::lexQuoted(Token &tok, char quote) {
  tok.kind = quote == '\'' ? TokenKind::string : TokenKind::dq_string;
  advance(); // opening quote
  for (;;) {
    if (atEnd() || peek() == '\n') {
      fail(tok.offset, quote == '\'' ? "Unterminated character vector."
                                     : "Unterminated string.");
      return;
    }
    char c = peek();
    if (c == quote) {
      if (peek(1) == quote) {
        tok.value += quote;
        advance(2);
        continue;
      }
      advance();
      return;
    }
    tok.value += c;
    advance();
  }
}

void Lexer::lexPunct(Token &tok) {
  char c = peek(), n = peek(1);
  auto set = [&](TokenKind kind, size_t len) {
    tok.kind = kind;
    advance(len);
  };
  switch (c) {
  case '+':
    return set(TokenKind::plus, 1);
  case '-':
    return set(TokenKind::minus, 1);
  case '*':
    return set(TokenKind::star, 1);
  case '/':
    return set(TokenKind::slash, 1);
  case '\\':
    return set(TokenKind::backslash, 1);
  case '^':
    return set(TokenKind::caret, 1);
  case ':':
    return set(TokenKind::colon, 1);
  case ',':
    return set(TokenKind::comma, 1);
  case ';':
    return set(TokenKind::semicolon, 1);
  case '@':
    return set(TokenKind::at, 1);
  case '(':
    brackets.push_back(Bracket::Paren);
    return set(TokenKind::l_paren, 1);
  case '[':
    brackets.push_back(Bracket::Square);
    return set(TokenKind::l_square, 1);
  case '{':
    brackets.push_back(Bracket::Brace);
    return set(TokenKind::l_brace, 1);
  case ')':
  case ']':
  case '}':
    if (!brackets.empty())
      brackets.pop_back();
    return set(c == ')'   ? TokenKind::r_paren
               : c == ']' ? TokenKind::r_square
                          : TokenKind::r_brace,
               1);
  case '.':
    switch (n) {
    case '*':
      return set(TokenKind::dot_star, 2);
    case '/':
      return set(TokenKind::dot_slash, 2);
    case '\\':
      return set(TokenKind::dot_backslash, 2);
    case '^':
      return set(TokenKind::dot_caret, 2);
    case '\'':
      return set(TokenKind::dot_quote, 2);
    default:
      return set(TokenKind::dot, 1);
    }
  case '=':
    return n == '=' ? set(TokenKind::equal_equal, 2) : set(TokenKind::equal, 1);
  case '~':
    return n == '=' ? set(TokenKind::tilde_equal, 2) : set(TokenKind::tilde, 1);
  case '<':
    return n == '=' ? set(TokenKind::less_equal, 2) : set(TokenKind::less, 1);
  case '>':
    return n == '=' ? set(TokenKind::greater_equal, 2)
                    : set(TokenKind::greater, 1);
  case '&':
    return n == '&' ? set(TokenKind::amp_amp, 2) : set(TokenKind::amp, 1);
  case '|':
    return n == '|' ? set(TokenKind::pipe_pipe, 2) : set(TokenKind::pipe, 1);
  case '!':
    if (n == '=')
      return fail(pos, "'!=' is not MATLAB syntax; use '~=' for 'not equal'.");
    return fail(pos, "'!' is not MATLAB syntax; use '~' for logical negation.");
  case '#':
    return fail(pos, "Invalid text character: '#' does not start a comment "
                     "in MATLAB; use '%'.");
  default:
    return fail(pos, "Invalid text character. Check for unsupported symbol, "
                     "invisible character, or pasting of non-ASCII "
                     "characters.");
  }
}

void Lexer::push(Token tok) {
  TokenKind kind = tok.kind;
  tokens.push_back(std::move(tok));
  switch (kind) {
  case TokenKind::newline:
    stmtStart = brackets.empty();
    break;
  case TokenKind::comma:
  case TokenKind::semicolon:
    stmtStart = brackets.empty();
    break;
  case TokenKind::kw_else:
  case TokenKind::kw_try:
  case TokenKind::kw_otherwise:
    stmtStart = true;
    break;
  default:
    stmtStart = false;
    break;
  }
}

std::vector<Token> Lexer::lexAll() {
  while (!failed) {
    bool space = skipTrivia();
    Token tok;
    tok.offset = pos;
    tok.loc = locAt(pos);
    tok.spaceBefore = space;
    if (atEnd()) {
      tok.kind = TokenKind::eof;
      if (!tokens.empty() && tokens.back().is(TokenKind::newline))
        tok.loc = tokens.back().loc; // point at the end of the last line
      tokens.push_back(std::move(tok));
      break;
    }
    char c = peek();
    if (c == '\n') {
      tok.kind = TokenKind::newline;
      advance();
    } else if (isIdentStart(c)) {
      bool commandCandidate = stmtStart && brackets.empty();
      lexIdentifier(tok);
      if (commandCandidate && tok.is(TokenKind::identifier) &&
          looksLikeCommand(src.substr(tok.offset, pos - tok.offset))) {
        tok.length = pos - tok.offset;
        push(std::move(tok));
        lexCommandArgs();
        continue;
      }
    } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
      lexNumber(tok);
    } else if (c == '\'') {
      if (prevIsValue() && !(space && inMatrix())) {
        tok.kind = TokenKind::quote;
        advance();
      } else {
        lexQuoted(tok, '\'');
      }
    } else if (c == '"') {
      lexQuoted(tok, '"');
    } else {
      lexPunct(tok);
    }
    if (failed)
      break;
    tok.length = pos - tok.offset;
    push(std::move(tok));
  }
  return std::move(tokens);
}
