//===- Parser.cpp - MATLAB parser -----------------------------------------===//
//
// Recursive descent over the lexer's tokens. Precedence, lowest first:
//   ||  &&  |  &  comparisons  :  + -  * / \ .* ./ .\  unary + - ~
//   ^ .^ ' .'   (power and transpose: left to right; the operand right of
//                ^ may carry its own unary signs: 2^-1)
// Inside [] and {} whitespace separates elements: `[1 -2]` has two, and
// `[f (1)]` too. The first syntax error stops the parse.
//
//===----------------------------------------------------------------------===//

#include "runmat/Frontend/Parser.h"
#include "runmat/Frontend/ASTUtils.h"
#include "runmat/Frontend/Lexer.h"

#include <cstdlib>
#include <optional>

using namespace runmat;
using namespace runmat::ast;

namespace {

const char *const kInvalidExpr =
    "Invalid expression. Check for missing or extra characters.";
const char *const kInvalidOperator = "Invalid use of operator.";
const char *const kUnbalanced =
    "Unbalanced or unexpected parenthesis or bracket.";
const char *const kBadTarget = "The expression to the left of the equals "
                               "sign is not a valid target for an assignment.";
const char *const kMisusedEqual =
    "Incorrect use of '=' operator. To assign a value to a variable, use "
    "'='. To compare values for equality, use '=='.";
const char *const kNotIndexable =
    "Invalid array indexing. Only a name can be indexed; assign the value to "
    "a variable first.";
const char *const kParenLast = "Invalid array indexing: '()'-indexing must "
                               "appear last in an index expression.";

/// Binary-operator precedence levels handled by Parser::parseBinary.
enum Level {
  LvlOrOr,
  LvlAndAnd,
  LvlOr,
  LvlAnd,
  LvlCompare,
  LvlRange,
  LvlAdd,
  LvlMul,
  LvlUnary,
};

std::optional<BinOp> binOpAt(int level, TokenKind kind) {
  switch (level) {
  case LvlOrOr:
    if (kind == TokenKind::pipe_pipe)
      return BinOp::OrOr;
    break;
  case LvlAndAnd:
    if (kind == TokenKind::amp_amp)
      return BinOp::AndAnd;
    break;
  case LvlOr:
    if (kind == TokenKind::pipe)
      return BinOp::Or;
    break;
  case LvlAnd:
    if (kind == TokenKind::amp)
      return BinOp::And;
    break;
  case LvlCompare:
    switch (kind) {
    case TokenKind::equal_equal:
      return BinOp::Eq;
    case TokenKind::tilde_equal:
      return BinOp::Ne;
    case TokenKind::less:
      return BinOp::Lt;
    case TokenKind::less_equal:
      return BinOp::Le;
    case TokenKind::greater:
      return BinOp::Gt;
    case TokenKind::greater_equal:
      return BinOp::Ge;
    default:
      break;
    }
    break;
  case LvlAdd:
    if (kind == TokenKind::plus)
      return BinOp::Plus;
    if (kind == TokenKind::minus)
      return BinOp::Minus;
    break;
  case LvlMul:
    switch (kind) {
    case TokenKind::star:
      return BinOp::MTimes;
    case TokenKind::slash:
      return BinOp::MRDivide;
    case TokenKind::backslash:
      return BinOp::MLDivide;
    case TokenKind::dot_star:
      return BinOp::Times;
    case TokenKind::dot_slash:
      return BinOp::RDivide;
    case TokenKind::dot_backslash:
      return BinOp::LDivide;
    default:
      break;
    }
    break;
  default:
    break;
  }
  return std::nullopt;
}

bool isBinaryOperatorToken(TokenKind kind) {
  for (int level = LvlOrOr; level < LvlUnary; ++level)
    if (binOpAt(level, kind))
      return true;
  return kind == TokenKind::caret || kind == TokenKind::dot_caret ||
         kind == TokenKind::colon || kind == TokenKind::equal;
}

bool isBlockKeyword(TokenKind kind) {
  switch (kind) {
  case TokenKind::kw_end:
  case TokenKind::kw_else:
  case TokenKind::kw_elseif:
  case TokenKind::kw_case:
  case TokenKind::kw_otherwise:
  case TokenKind::kw_catch:
    return true;
  default:
    return false;
  }
}

bool isCloser(TokenKind kind) {
  return kind == TokenKind::r_paren || kind == TokenKind::r_square ||
         kind == TokenKind::r_brace;
}

bool isStatementEnd(TokenKind kind) {
  return kind == TokenKind::newline || kind == TokenKind::semicolon ||
         kind == TokenKind::comma || kind == TokenKind::eof;
}

double numberValue(std::string_view text) {
  std::string s(text);
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    double v = 0;
    for (size_t i = 2; i < s.size(); ++i) {
      char c = s[i];
      int d = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
      if (d < 0)
        break; // integer-type suffix
      v = v * 16 + d;
    }
    return v;
  }
  if (!s.empty() && (s.back() == 'i' || s.back() == 'j' || s.back() == 'I' ||
                     s.back() == 'J'))
    s.pop_back();
  for (char &c : s)
    if (c == 'd' || c == 'D')
      c = 'e';
  return std::strtod(s.c_str(), nullptr);
}

bool isLValue(const Expr *e) { return rootIdentifier(e) != nullptr; }

class Parser {
public:
  Parser(std::string_view source, std::vector<Diagnostic> &diags)
      : src(source), diags(diags) {
    toks = Lexer(source).lexAll();
    implicitComma.assign(toks.size(), 0);
  }

  std::unique_ptr<File> parseFile(const std::string &path);
  std::optional<Block> parseFragment();

private:
  //===--- Token access -------------------------------------------------===//
  const Token &tok(size_t ahead = 0) const {
    size_t i = pos + ahead;
    return i < toks.size() ? toks[i] : toks.back();
  }
  bool is(TokenKind k) const { return tok().kind == k; }
  void consume() {
    if (pos + 1 < toks.size())
      ++pos;
  }
  std::string text(const Token &t) const { return std::string(t.text(src)); }
  void skipSeparators() {
    while (is(TokenKind::newline) || is(TokenKind::semicolon) ||
           is(TokenKind::comma))
      consume();
  }

  //===--- Diagnostics --------------------------------------------------===//
  void error(const Token &t, const std::string &message) {
    if (failed)
      return;
    failed = true;
    if (t.is(TokenKind::error))
      diags.push_back({t.loc, t.value});
    else
      diags.push_back({t.loc, message});
  }
  void error(Location loc, const std::string &message) {
    if (failed)
      return;
    failed = true;
    diags.push_back({loc, message});
  }
  /// Reports the current token as unexpected, with the most fitting message.
  void unexpected(const char *fallback = kInvalidExpr);
  void missingEnd(const char *construct, Location opened) {
    error(tok(), std::string("Parse error: 'end' expected to close '") +
                     construct + "' (opened at line " +
                     std::to_string(opened.line) + ")");
  }
  void tooDeep() {
    if (nest > kMaxNesting)
      error(tok(), "Too many nested levels: the parser accepts at most " +
                       std::to_string(kMaxNesting) + ".");
    else
      error(tok(), "Expression is too long or too deeply nested (more than " +
                       std::to_string(kMaxTreeHeight) + " levels).");
  }

  /// Counts one level of recursion for as long as it lives.
  class Nest {
  public:
    explicit Nest(Parser &p) : p(p) {
      ++p.nest;
      ++p.height;
    }
    ~Nest() {
      --p.nest;
      --p.height;
    }
    bool ok() {
      if (p.nest <= kMaxNesting && p.height <= kMaxTreeHeight)
        return true;
      p.tooDeep();
      return false;
    }

  private:
    Parser &p;
  };
  /// Counts the AST levels a left-folding loop adds (a+b+c...).
  class Chain {
  public:
    explicit Chain(Parser &p) : p(p) {}
    ~Chain() { p.height -= n; }
    bool grow() {
      ++n;
      ++p.height;
      if (p.height <= kMaxTreeHeight)
        return true;
      p.tooDeep();
      return false;
    }

  private:
    Parser &p;
    unsigned n = 0;
  };
  /// Pushes a whitespace context ([] / {} literal or parentheses).
  class Context {
  public:
    Context(Parser &p, bool matrix) : p(p) { p.ctx.push_back(matrix); }
    ~Context() { p.ctx.pop_back(); }

  private:
    Parser &p;
  };
  bool inMatrix() const { return !ctx.empty() && ctx.back(); }

  //===--- Expressions --------------------------------------------------===//
  ExprPtr parseExpr();
  ExprPtr parseBinary(int minLevel);
  ExprPtr parseUnary();
  ExprPtr parsePower();
  ExprPtr parsePowerOperand();
  ExprPtr parsePostfix();
  ExprPtr parsePrimary();
  ExprPtr parseMatrix();
  ExprPtr parseAnonOrHandle();
  bool parseArgs(TokenKind closer, std::vector<ExprPtr> &args);
  bool expectClose(TokenKind closer, const Token &open);
  std::string renderTokens(size_t begin, size_t end) const;

  //===--- Statements ---------------------------------------------------===//
  bool parseBlock(Block &out);
  StmtPtr parseStatement();
  StmtPtr parseSimpleStatement();
  StmtPtr parseAssignment();
  StmtPtr parseMultiAssignment();
  StmtPtr parseIf();
  StmtPtr parseFor();
  StmtPtr parseWhile();
  StmtPtr parseSwitch();
  StmtPtr parseTry();
  StmtPtr parseDecl();
  StmtPtr parseCommand();
  ExprPtr parseCondition();
  bool parseTerminator(Stmt &s);
  bool parseCompoundEnd(Stmt &s);
  bool hasTopLevelAssign() const;
  std::unique_ptr<Function> parseFunction(bool inScript, bool &closedByEnd);

  std::string_view src;
  std::vector<Diagnostic> &diags;
  std::vector<Token> toks;
  std::vector<char> implicitComma; // element starts split off by whitespace
  size_t pos = 0;
  bool failed = false;
  unsigned nest = 0, height = 0;
  unsigned indexDepth = 0; // > 0 inside subscripts, where `end` is a value
  std::vector<bool> ctx;   // true: inside a [] or {} literal
  bool endedMode = false;  // functions in this file are closed by `end`
};

void Parser::unexpected(const char *fallback) {
  const Token &t = tok();
  if (t.is(TokenKind::error)) {
    error(t, t.value);
  } else if (t.isKeyword()) {
    error(t, std::string("Illegal use of reserved keyword \"") +
                 tokenKindSpelling(t.kind) + "\".");
  } else if (isCloser(t.kind)) {
    error(t, kUnbalanced);
  } else if (t.is(TokenKind::equal)) {
    error(t, kMisusedEqual);
  } else if (isBinaryOperatorToken(t.kind) || t.is(TokenKind::quote) ||
             t.is(TokenKind::dot_quote)) {
    error(t, kInvalidOperator);
  } else if (isStatementEnd(t.kind) && pos > 0 &&
             (isBinaryOperatorToken(toks[pos - 1].kind) ||
              toks[pos - 1].is(TokenKind::plus) ||
              toks[pos - 1].is(TokenKind::minus) ||
              toks[pos - 1].is(TokenKind::tilde))) {
    error(t, kInvalidOperator);
  } else {
    error(t, fallback);
  }
}

ExprPtr Parser::parseExpr() {
  Nest guard(*this);
  if (!guard.ok())
    return nullptr;
  return parseBinary(LvlOrOr);
}

/// Precedence climbing over the binary levels; `minLevel` is the loosest
/// operator this call may consume. Left-associative throughout; a range
/// `a:b:c` is built at LvlRange from operands of the next level.
ExprPtr Parser::parseBinary(int minLevel) {
  ExprPtr lhs = parseUnary();
  if (!lhs)
    return nullptr;
  Chain chain(*this);
  for (;;) {
    int level = LvlUnary;
    std::optional<BinOp> op;
    if (is(TokenKind::colon)) {
      level = LvlRange;
    } else {
      for (int l = LvlOrOr; l < LvlUnary && !op; ++l)
        if ((op = binOpAt(l, tok().kind)))
          level = l;
    }
    if (level == LvlUnary || level < minLevel)
      break;
    // Inside [] and {}: `[1 -2]` is two elements, `[1 - 2]` one.
    if (level == LvlAdd && inMatrix() && tok().spaceBefore &&
        !tok(1).spaceBefore)
      break;
    Location loc = tok().loc;
    consume();
    if (!chain.grow())
      return nullptr;
    if (level == LvlRange) {
      ExprPtr second = parseBinary(LvlAdd);
      if (!second)
        return nullptr;
      if (is(TokenKind::colon)) {
        consume();
        ExprPtr third = parseBinary(LvlAdd);
        if (!third)
          return nullptr;
        lhs = std::make_unique<RangeExpr>(loc, std::move(lhs),
                                          std::move(second), std::move(third));
      } else {
        lhs = std::make_unique<RangeExpr>(loc, std::move(lhs), nullptr,
                                          std::move(second));
      }
      continue;
    }
    ExprPtr rhs = parseBinary(level + 1);
    if (!rhs)
      return nullptr;
    lhs =
        std::make_unique<BinaryExpr>(loc, *op, std::move(lhs), std::move(rhs));
  }
  return lhs;
}

static std::optional<UnOp> unaryOpAt(TokenKind kind) {
  switch (kind) {
  case TokenKind::minus:
    return UnOp::Neg;
  case TokenKind::plus:
    return UnOp::Plus;
  case TokenKind::tilde:
    return UnOp::Not;
  default:
    return std::nullopt;
  }
}

ExprPtr Parser::parseUnary() {
  std::optional<UnOp> op = unaryOpAt(tok().kind);
  if (!op)
    return parsePower();
  Nest guard(*this);
  if (!guard.ok())
    return nullptr;
  Location loc = tok().loc;
  consume();
  ExprPtr operand = parseUnary();
  if (!operand)
    return nullptr;
  return std::make_unique<UnaryExpr>(loc, *op, std::move(operand));
}

ExprPtr Parser::parsePowerOperand() {
  std::optional<UnOp> op = unaryOpAt(tok().kind);
  if (!op)
    return parsePostfix();
  Nest guard(*this);
  if (!guard.ok())
    return nullptr;
  Location loc = tok().loc;
  consume();
  ExprPtr operand = parsePowerOperand();
  if (!operand)
    return nullptr;
  return std::make_unique<UnaryExpr>(loc, *op, std::move(operand));
}

ExprPtr Parser::parsePower() {
  ExprPtr lhs = parsePostfix();
  if (!lhs)
    return nullptr;
  Chain chain(*this);
  for (;;) {
    const Token &t = tok();
    if (t.is(TokenKind::quote) || t.is(TokenKind::dot_quote)) {
      if (!chain.grow())
        return nullptr;
      PostOp op =
          t.is(TokenKind::quote) ? PostOp::CTranspose : PostOp::Transpose;
      Location loc = t.loc;
      consume();
      lhs = std::make_unique<PostfixExpr>(loc, op, std::move(lhs));
      continue;
    }
    if (t.is(TokenKind::caret) || t.is(TokenKind::dot_caret)) {
      BinOp op = t.is(TokenKind::caret) ? BinOp::MPower : BinOp::Power;
      Location loc = t.loc;
      consume();
      if (!chain.grow())
        return nullptr;
      ExprPtr rhs = parsePowerOperand();
      if (!rhs)
        return nullptr;
      lhs =
          std::make_unique<BinaryExpr>(loc, op, std::move(lhs), std::move(rhs));
      continue;
    }
    break;
  }
  return lhs;
}

bool Parser::expectClose(TokenKind closer, const Token &open) {
  if (is(closer)) {
    consume();
    return true;
  }
  const Token &t = tok();
  if (t.is(TokenKind::error) || isCloser(t.kind)) {
    unexpected();
    return false;
  }
  if (isStatementEnd(t.kind) || t.isKeyword()) {
    if (t.is(TokenKind::comma) || t.is(TokenKind::semicolon)) {
      unexpected();
      return false;
    }
    error(t, std::string(kUnbalanced) + " ('" + tokenKindSpelling(open.kind) +
                 "' opened at line " + std::to_string(open.loc.line) +
                 ", column " + std::to_string(open.loc.col) +
                 " is not closed)");
    return false;
  }
  unexpected();
  return false;
}

bool Parser::parseArgs(TokenKind closer, std::vector<ExprPtr> &args) {
  const Token &open = tok();
  consume();
  Context c(*this, /*matrix=*/false);
  ++indexDepth;
  struct Restore {
    unsigned &d;
    ~Restore() { --d; }
  } restore{indexDepth};
  if (is(closer)) {
    consume();
    return true;
  }
  for (;;) {
    if (is(TokenKind::colon) &&
        (tok(1).is(TokenKind::comma) || tok(1).is(closer))) {
      args.push_back(std::make_unique<ColonExpr>(tok().loc));
      consume();
    } else {
      ExprPtr e = parseExpr();
      if (!e)
        return false;
      args.push_back(std::move(e));
    }
    if (is(TokenKind::comma)) {
      consume();
      continue;
    }
    return expectClose(closer, open);
  }
}

ExprPtr Parser::parsePostfix() {
  // Only a name can be indexed: not a literal, nor `(a)`.
  bool indexable = is(TokenKind::identifier);
  ExprPtr e = parsePrimary();
  if (!e)
    return nullptr;
  bool afterParen = false;
  Chain chain(*this);
  for (;;) {
    const Token &t = tok();
    bool separated = t.spaceBefore && inMatrix();
    if ((t.is(TokenKind::l_paren) || t.is(TokenKind::l_brace)) && !separated) {
      if (!indexable || afterParen) {
        error(t, afterParen ? kParenLast : kNotIndexable);
        return nullptr;
      }
      if (!chain.grow())
        return nullptr;
      Location loc = e->loc;
      std::vector<ExprPtr> args;
      bool paren = t.is(TokenKind::l_paren);
      if (!parseArgs(paren ? TokenKind::r_paren : TokenKind::r_brace, args))
        return nullptr;
      if (paren)
        e = std::make_unique<IndexExpr>(loc, std::move(e), std::move(args));
      else
        e = std::make_unique<CellIndexExpr>(loc, std::move(e), std::move(args));
      afterParen = paren;
      continue;
    }
    if (t.is(TokenKind::dot) && !separated) {
      if (!indexable) {
        error(t, kInvalidExpr);
        return nullptr;
      }
      if (!chain.grow())
        return nullptr;
      consume();
      Location loc = e->loc;
      if (is(TokenKind::identifier)) {
        e = std::make_unique<FieldExpr>(loc, std::move(e), text(tok()));
        consume();
      } else if (is(TokenKind::l_paren)) {
        const Token &open = tok();
        consume();
        Context c(*this, /*matrix=*/false);
        ExprPtr name = parseExpr();
        if (!name || !expectClose(TokenKind::r_paren, open))
          return nullptr;
        e = std::make_unique<DynFieldExpr>(loc, std::move(e), std::move(name));
      } else {
        unexpected("Invalid expression. A field name is expected after '.'.");
        return nullptr;
      }
      afterParen = false;
      continue;
    }
    break;
  }
  return e;
}

ExprPtr Parser::parsePrimary() {
  const Token &t = tok();
  switch (t.kind) {
  case TokenKind::number: {
    std::string_view raw = t.text(src);
    auto n = std::make_unique<NumberExpr>(t.loc, numberValue(raw));
    char last = raw.empty() ? 0 : raw.back();
    bool hex = raw.size() > 1 && (raw[1] == 'x' || raw[1] == 'X');
    n->isImag =
        !hex && (last == 'i' || last == 'j' || last == 'I' || last == 'J');
    n->text = std::string(raw);
    consume();
    return n;
  }
  case TokenKind::string:
  case TokenKind::dq_string: {
    auto s = std::make_unique<StringExpr>(t.loc, t.value);
    s->isDoubleQuoted = t.is(TokenKind::dq_string);
    consume();
    return s;
  }
  case TokenKind::identifier: {
    auto id = std::make_unique<IdentifierExpr>(t.loc, text(t));
    consume();
    return id;
  }
  case TokenKind::kw_end:
    if (indexDepth > 0) {
      auto e = std::make_unique<EndExpr>(t.loc);
      consume();
      return e;
    }
    unexpected();
    return nullptr;
  case TokenKind::l_paren: {
    const Token &open = t;
    consume();
    Context c(*this, /*matrix=*/false);
    ExprPtr e = parseExpr();
    if (!e || !expectClose(TokenKind::r_paren, open))
      return nullptr;
    return e;
  }
  case TokenKind::l_square:
  case TokenKind::l_brace:
    return parseMatrix();
  case TokenKind::at:
    return parseAnonOrHandle();
  default:
    unexpected();
    return nullptr;
  }
}

ExprPtr Parser::parseMatrix() {
  const Token &open = tok();
  bool cell = open.is(TokenKind::l_brace);
  TokenKind closer = cell ? TokenKind::r_brace : TokenKind::r_square;
  consume();
  Context c(*this, /*matrix=*/true);
  std::vector<std::vector<ExprPtr>> rows;
  std::vector<ExprPtr> row;
  bool afterElement = false;
  for (;;) {
    const Token &t = tok();
    if (t.is(closer)) {
      consume();
      break;
    }
    if (t.is(TokenKind::comma)) {
      if (!afterElement) {
        unexpected();
        return nullptr;
      }
      consume();
      afterElement = false;
      continue;
    }
    if (t.is(TokenKind::semicolon) || t.is(TokenKind::newline)) {
      if (!row.empty())
        rows.push_back(std::move(row));
      row.clear();
      afterElement = false;
      consume();
      continue;
    }
    if (t.is(TokenKind::eof)) {
      expectClose(closer, open);
      return nullptr;
    }
    if (afterElement) {
      if (!t.spaceBefore) {
        unexpected();
        return nullptr;
      }
      implicitComma[pos] = 1;
    }
    ExprPtr e = parseExpr();
    if (!e)
      return nullptr;
    row.push_back(std::move(e));
    afterElement = true;
  }
  if (!row.empty())
    rows.push_back(std::move(row));
  if (cell) {
    auto m = std::make_unique<CellExpr>(open.loc);
    m->rows = std::move(rows);
    return m;
  }
  auto m = std::make_unique<MatrixExpr>(open.loc);
  m->rows = std::move(rows);
  return m;
}

/// The source of tokens [begin, end) without whitespace, with the commas
/// and semicolons that whitespace and newlines stand for inside [] and {}.
std::string Parser::renderTokens(size_t begin, size_t end) const {
  std::string out;
  for (size_t i = begin; i < end && i < toks.size(); ++i) {
    const Token &t = toks[i];
    if (implicitComma[i])
      out += ',';
    if (t.is(TokenKind::newline)) {
      char last = out.empty() ? 0 : out.back();
      bool nextCloses = i + 1 < end && (toks[i + 1].is(TokenKind::r_square) ||
                                        toks[i + 1].is(TokenKind::r_brace) ||
                                        toks[i + 1].is(TokenKind::semicolon));
      if (last != ';' && last != ',' && last != '[' && last != '{' &&
          !nextCloses)
        out += ';';
      continue;
    }
    out += t.text(src);
  }
  return out;
}

ExprPtr Parser::parseAnonOrHandle() {
  const Token &at = tok();
  consume();
  if (is(TokenKind::identifier)) {
    std::string name = text(tok());
    consume();
    while (is(TokenKind::dot) && !tok().spaceBefore &&
           tok(1).is(TokenKind::identifier) && !tok(1).spaceBefore) {
      consume();
      name += "." + text(tok());
      consume();
    }
    return std::make_unique<FuncHandleExpr>(at.loc, std::move(name));
  }
  if (!is(TokenKind::l_paren)) {
    unexpected("Invalid expression. '@' must be followed by a function name "
               "or by a parameter list in parentheses.");
    return nullptr;
  }
  const Token &open = tok();
  consume();
  auto fn = std::make_unique<AnonFuncExpr>(at.loc);
  if (!is(TokenKind::r_paren)) {
    for (;;) {
      if (is(TokenKind::identifier))
        fn->params.push_back(text(tok()));
      else if (is(TokenKind::tilde))
        fn->params.push_back("~");
      else {
        unexpected("Invalid expression. Parameters of an anonymous function "
                   "must be names separated by commas.");
        return nullptr;
      }
      consume();
      if (is(TokenKind::comma)) {
        consume();
        continue;
      }
      if (!expectClose(TokenKind::r_paren, open))
        return nullptr;
      break;
    }
  } else {
    consume();
  }
  Nest guard(*this);
  if (!guard.ok())
    return nullptr;
  size_t bodyBegin = pos;
  unsigned savedIndexDepth = indexDepth;
  indexDepth = 0; // `end` in the body refers to the body's own subscripts
  fn->body = parseExpr();
  indexDepth = savedIndexDepth;
  if (!fn->body)
    return nullptr;
  std::string header = "@(";
  for (size_t i = 0; i < fn->params.size(); ++i)
    header += (i ? "," : "") + fn->params[i];
  fn->text = header + ")" + renderTokens(bodyBegin, pos);
  return fn;
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

/// True when the statement at the current token has an `=` outside any
/// bracket before its end (`x(i) = 1`, `[a, b] = f`), i.e. is an assignment.
bool Parser::hasTopLevelAssign() const {
  int depth = 0;
  for (size_t i = pos; i < toks.size(); ++i) {
    TokenKind k = toks[i].kind;
    if (k == TokenKind::eof || k == TokenKind::error)
      return false;
    if (k == TokenKind::l_paren || k == TokenKind::l_square ||
        k == TokenKind::l_brace) {
      ++depth;
      continue;
    }
    if (isCloser(k)) {
      if (--depth < 0)
        return false;
      continue;
    }
    if (depth > 0)
      continue;
    if (k == TokenKind::equal)
      return true;
    if (isStatementEnd(k))
      return false;
  }
  return false;
}

bool Parser::parseTerminator(Stmt &s) {
  switch (tok().kind) {
  case TokenKind::semicolon:
    s.display = false;
    consume();
    return true;
  case TokenKind::comma:
  case TokenKind::newline:
    s.display = true;
    consume();
    return true;
  case TokenKind::eof:
    s.display = true;
    return true;
  default:
    if (isBlockKeyword(tok().kind)) {
      s.display = true; // one-liners: `if c, x, end` / `if c, x end`
      return true;
    }
    unexpected();
    return false;
  }
}

/// After the `end` of a compound statement: a separator or a keyword.
bool Parser::parseCompoundEnd(Stmt &s) {
  bool ok = parseTerminator(s);
  s.display = false;
  return ok;
}

bool Parser::parseBlock(Block &out) {
  for (;;) {
    skipSeparators();
    TokenKind k = tok().kind;
    if (k == TokenKind::eof || k == TokenKind::kw_function || isBlockKeyword(k))
      return true;
    StmtPtr s = parseStatement();
    if (!s)
      return false;
    out.push_back(std::move(s));
  }
}

StmtPtr Parser::parseStatement() {
  Nest guard(*this);
  if (!guard.ok())
    return nullptr;
  switch (tok().kind) {
  case TokenKind::kw_if:
    return parseIf();
  case TokenKind::kw_for:
  case TokenKind::kw_parfor:
    return parseFor();
  case TokenKind::kw_while:
    return parseWhile();
  case TokenKind::kw_switch:
    return parseSwitch();
  case TokenKind::kw_try:
    return parseTry();
  case TokenKind::kw_global:
  case TokenKind::kw_persistent:
    return parseDecl();
  case TokenKind::kw_break:
  case TokenKind::kw_continue:
  case TokenKind::kw_return: {
    Location loc = tok().loc;
    TokenKind k = tok().kind;
    consume();
    StmtPtr s;
    if (k == TokenKind::kw_break)
      s = std::make_unique<BreakStmt>(loc);
    else if (k == TokenKind::kw_continue)
      s = std::make_unique<ContinueStmt>(loc);
    else
      s = std::make_unique<ReturnStmt>(loc);
    if (!parseCompoundEnd(*s))
      return nullptr;
    return s;
  }
  case TokenKind::kw_function:
    error(tok(), "Function definitions are not supported in this context. "
                 "Functions can only be created as local or nested functions "
                 "in code files.");
    return nullptr;
  case TokenKind::identifier:
    if (tok().text(src) == "classdef" || tok().text(src) == "spmd") {
      error(tok(), "'" + text(tok()) + "' blocks are not supported.");
      return nullptr;
    }
    if (tok(1).is(TokenKind::command_arg))
      return parseCommand();
    if (isStatementEnd(tok(1).kind)) {
      std::string_view name = tok().text(src);
      static const char *const octaveEnds[] = {
          "endif",     "endwhile",      "endfor",    "endfunction",
          "endswitch", "end_try_catch", "endparfor", "end_unwind_protect"};
      for (const char *word : octaveEnds)
        if (name == word) {
          error(tok(), "'" + std::string(name) +
                           "' is Octave syntax; MATLAB closes every block "
                           "with 'end'.");
          return nullptr;
        }
    }
    break;
  default:
    break;
  }
  return parseSimpleStatement();
}

StmtPtr Parser::parseSimpleStatement() {
  StmtPtr s;
  if (hasTopLevelAssign()) {
    s = is(TokenKind::l_square) ? parseMultiAssignment() : parseAssignment();
  } else {
    Location loc = tok().loc;
    ExprPtr e = parseExpr();
    if (!e)
      return nullptr;
    s = std::make_unique<ExprStmt>(loc, std::move(e));
  }
  if (!s || !parseTerminator(*s))
    return nullptr;
  return s;
}

StmtPtr Parser::parseAssignment() {
  Location loc = tok().loc;
  if (!is(TokenKind::identifier)) {
    if (tok().is(TokenKind::error) || isCloser(tok().kind) ||
        isBinaryOperatorToken(tok().kind) || tok().isKeyword())
      unexpected();
    else
      error(loc, kBadTarget);
    return nullptr;
  }
  ExprPtr lhs = parsePostfix();
  if (!lhs)
    return nullptr;
  if (!is(TokenKind::equal)) {
    const Token &t = tok();
    if ((t.is(TokenKind::plus) || t.is(TokenKind::minus) ||
         t.is(TokenKind::star) || t.is(TokenKind::slash) ||
         t.is(TokenKind::caret) || t.is(TokenKind::pipe) ||
         t.is(TokenKind::amp)) &&
        tok(1).is(TokenKind::equal) && !tok(1).spaceBefore) {
      error(t, "'" + text(t) +
                   "=' is not MATLAB syntax; MATLAB has no compound "
                   "assignment operators.");
      return nullptr;
    }
    error(loc, kBadTarget);
    return nullptr;
  }
  if (!isLValue(lhs.get())) {
    error(loc, kBadTarget);
    return nullptr;
  }
  consume(); // '='
  ExprPtr rhs = parseExpr();
  if (!rhs)
    return nullptr;
  return std::make_unique<AssignStmt>(loc, std::move(lhs), std::move(rhs));
}

StmtPtr Parser::parseMultiAssignment() {
  Location loc = tok().loc;
  const Token &open = tok();
  consume();
  auto s = std::make_unique<MultiAssignStmt>(loc);
  {
    Context c(*this, /*matrix=*/true);
    bool afterElement = false;
    for (;;) {
      const Token &t = tok();
      if (t.is(TokenKind::r_square)) {
        consume();
        break;
      }
      if (t.is(TokenKind::comma) && afterElement) {
        consume();
        afterElement = false;
        continue;
      }
      if (afterElement && !t.spaceBefore) {
        unexpected();
        return nullptr;
      }
      if (t.is(TokenKind::tilde) &&
          (tok(1).is(TokenKind::comma) || tok(1).is(TokenKind::r_square) ||
           tok(1).spaceBefore)) {
        s->lhs.push_back(nullptr);
        consume();
      } else if (t.is(TokenKind::identifier)) {
        ExprPtr e = parsePostfix();
        if (!e)
          return nullptr;
        s->lhs.push_back(std::move(e));
      } else if (t.is(TokenKind::eof) || t.is(TokenKind::newline) ||
                 t.is(TokenKind::semicolon)) {
        expectClose(TokenKind::r_square, open);
        return nullptr;
      } else {
        if (t.is(TokenKind::error) || isCloser(t.kind) ||
            t.is(TokenKind::comma))
          unexpected();
        else
          error(t, kBadTarget);
        return nullptr;
      }
      afterElement = true;
    }
  }
  if (s->lhs.empty()) {
    error(loc, kBadTarget);
    return nullptr;
  }
  if (!is(TokenKind::equal)) {
    error(loc, kBadTarget);
    return nullptr;
  }
  consume();
  s->rhs = parseExpr();
  if (!s->rhs)
    return nullptr;
  return s;
}

ExprPtr Parser::parseCondition() {
  ExprPtr cond = parseExpr();
  if (!cond)
    return nullptr;
  if (is(TokenKind::equal)) {
    error(tok(), kMisusedEqual);
    return nullptr;
  }
  if (is(TokenKind::comma) || is(TokenKind::semicolon) ||
      is(TokenKind::newline))
    consume();
  return cond;
}

StmtPtr Parser::parseIf() {
  Location ifLoc = tok().loc;
  consume();
  auto s = std::make_unique<IfStmt>(ifLoc);
  IfStmt::Clause first;
  first.loc = ifLoc;
  first.cond = parseCondition();
  if (!first.cond || !parseBlock(first.body))
    return nullptr;
  s->clauses.push_back(std::move(first));
  bool sawElse = false;
  for (;;) {
    if (is(TokenKind::kw_end)) {
      consume();
      break;
    }
    if ((is(TokenKind::kw_elseif) || is(TokenKind::kw_else)) && !sawElse) {
      IfStmt::Clause clause;
      clause.loc = tok().loc;
      bool isElse = is(TokenKind::kw_else);
      consume();
      if (isElse) {
        sawElse = true;
        if (is(TokenKind::comma) || is(TokenKind::semicolon))
          consume();
      } else {
        clause.cond = parseCondition();
        if (!clause.cond)
          return nullptr;
      }
      if (!parseBlock(clause.body))
        return nullptr;
      s->clauses.push_back(std::move(clause));
      continue;
    }
    if (is(TokenKind::kw_elseif) || is(TokenKind::kw_else))
      unexpected();
    else
      missingEnd("if", ifLoc);
    return nullptr;
  }
  if (!parseCompoundEnd(*s))
    return nullptr;
  return s;
}

StmtPtr Parser::parseFor() {
  Location forLoc = tok().loc;
  bool parfor = is(TokenKind::kw_parfor);
  consume();
  auto s = std::make_unique<ForStmt>(forLoc);
  s->isParfor = parfor;
  bool parens = false;
  std::optional<Context> c;
  const Token &open = tok();
  if (is(TokenKind::l_paren)) {
    parens = true;
    consume();
    c.emplace(*this, /*matrix=*/false);
  }
  if (!is(TokenKind::identifier)) {
    unexpected("Invalid expression. A loop variable name is expected after "
               "'for'.");
    return nullptr;
  }
  s->var = text(tok());
  s->varLoc = tok().loc;
  consume();
  if (!is(TokenKind::equal)) {
    unexpected("Invalid expression. '=' is expected after the loop variable.");
    return nullptr;
  }
  consume();
  s->range = parseExpr();
  if (!s->range)
    return nullptr;
  if (parens) {
    if (parfor && is(TokenKind::comma)) {
      consume(); // parfor (i = 1:n, maxWorkers): the limit is ignored
      if (!parseExpr())
        return nullptr;
    }
    if (!expectClose(TokenKind::r_paren, open))
      return nullptr;
    c.reset();
  }
  if (is(TokenKind::comma) || is(TokenKind::semicolon) ||
      is(TokenKind::newline))
    consume();
  if (!parseBlock(s->body))
    return nullptr;
  if (!is(TokenKind::kw_end)) {
    missingEnd(parfor ? "parfor" : "for", forLoc);
    return nullptr;
  }
  consume();
  if (!parseCompoundEnd(*s))
    return nullptr;
  return s;
}

StmtPtr Parser::parseWhile() {
  Location loc = tok().loc;
  consume();
  auto s = std::make_unique<WhileStmt>(loc);
  s->cond = parseCondition();
  if (!s->cond || !parseBlock(s->body))
    return nullptr;
  if (!is(TokenKind::kw_end)) {
    missingEnd("while", loc);
    return nullptr;
  }
  consume();
  if (!parseCompoundEnd(*s))
    return nullptr;
  return s;
}

StmtPtr Parser::parseSwitch() {
  Location loc = tok().loc;
  consume();
  auto s = std::make_unique<SwitchStmt>(loc);
  s->subject = parseExpr();
  if (!s->subject)
    return nullptr;
  bool sawOtherwise = false;
  for (;;) {
    skipSeparators();
    if (is(TokenKind::kw_end)) {
      consume();
      break;
    }
    if (is(TokenKind::kw_case) || is(TokenKind::kw_otherwise)) {
      if (sawOtherwise) {
        error(tok(), "Parse error: 'otherwise' must be the last part of a "
                     "'switch' statement.");
        return nullptr;
      }
      SwitchStmt::Case c;
      c.loc = tok().loc;
      bool isCase = is(TokenKind::kw_case);
      consume();
      if (isCase) {
        c.value = parseExpr();
        if (!c.value)
          return nullptr;
      } else {
        sawOtherwise = true;
      }
      if (!parseBlock(c.body))
        return nullptr;
      s->cases.push_back(std::move(c));
      continue;
    }
    if (is(TokenKind::eof) || is(TokenKind::kw_function) ||
        isBlockKeyword(tok().kind))
      missingEnd("switch", loc);
    else
      error(tok(), "Parse error: 'case', 'otherwise' or 'end' expected in "
                   "'switch' (opened at line " +
                       std::to_string(loc.line) + ")");
    return nullptr;
  }
  if (!parseCompoundEnd(*s))
    return nullptr;
  return s;
}

StmtPtr Parser::parseTry() {
  Location loc = tok().loc;
  consume();
  auto s = std::make_unique<TryCatchStmt>(loc);
  if (!parseBlock(s->tryBody))
    return nullptr;
  if (is(TokenKind::kw_catch)) {
    consume();
    if (is(TokenKind::identifier) && isStatementEnd(tok(1).kind)) {
      s->catchVar = text(tok());
      consume();
    }
    if (!parseBlock(s->catchBody))
      return nullptr;
  }
  if (!is(TokenKind::kw_end)) {
    missingEnd("try", loc);
    return nullptr;
  }
  consume();
  if (!parseCompoundEnd(*s))
    return nullptr;
  return s;
}

StmtPtr Parser::parseDecl() {
  Location loc = tok().loc;
  auto kind =
      is(TokenKind::kw_global) ? Stmt::Kind::Global : Stmt::Kind::Persistent;
  consume();
  auto s = std::make_unique<DeclStmt>(kind, loc);
  while (is(TokenKind::identifier)) {
    s->names.push_back(text(tok()));
    consume();
  }
  if (!parseCompoundEnd(*s))
    return nullptr;
  return s;
}

StmtPtr Parser::parseCommand() {
  auto s = std::make_unique<CommandStmt>(tok().loc, text(tok()));
  consume();
  while (is(TokenKind::command_arg)) {
    s->args.push_back(tok().value);
    consume();
  }
  if (!parseTerminator(*s))
    return nullptr;
  return s;
}

//===----------------------------------------------------------------------===//
// Functions and files
//===----------------------------------------------------------------------===//

std::unique_ptr<Function> Parser::parseFunction(bool inScript,
                                                bool &closedByEnd) {
  closedByEnd = false;
  Location loc = tok().loc;
  consume(); // 'function'
  auto fn = std::make_unique<Function>();
  fn->loc = loc;
  const char *badHeader = "Invalid function definition. Expected 'function "
                          "[outputs] = name(inputs)'.";
  if (is(TokenKind::l_square)) {
    const Token &open = tok();
    consume();
    for (;;) {
      if (is(TokenKind::r_square)) {
        consume();
        break;
      }
      if (is(TokenKind::comma) && !fn->outputs.empty()) {
        consume();
        continue;
      }
      if (is(TokenKind::identifier)) {
        fn->outputs.push_back(text(tok()));
        consume();
        continue;
      }
      if (isStatementEnd(tok().kind))
        expectClose(TokenKind::r_square, open);
      else
        unexpected(badHeader);
      return nullptr;
    }
    if (!is(TokenKind::equal)) {
      unexpected(badHeader);
      return nullptr;
    }
    consume();
    if (!is(TokenKind::identifier)) {
      unexpected(badHeader);
      return nullptr;
    }
    fn->name = text(tok());
    consume();
  } else if (is(TokenKind::identifier)) {
    std::string first = text(tok());
    consume();
    if (is(TokenKind::equal)) {
      consume();
      if (!is(TokenKind::identifier)) {
        unexpected(badHeader);
        return nullptr;
      }
      fn->outputs.push_back(std::move(first));
      fn->name = text(tok());
      consume();
    } else {
      fn->name = std::move(first);
    }
  } else {
    unexpected(badHeader);
    return nullptr;
  }
  // Property accessors and the like: set.Name, get.Name.
  while (is(TokenKind::dot) && tok(1).is(TokenKind::identifier)) {
    consume();
    fn->name += "." + text(tok());
    consume();
  }
  if (is(TokenKind::l_paren)) {
    const Token &open = tok();
    consume();
    if (is(TokenKind::r_paren)) {
      consume();
    } else {
      for (;;) {
        if (is(TokenKind::identifier))
          fn->params.push_back(text(tok()));
        else if (is(TokenKind::tilde))
          fn->params.push_back("~");
        else {
          unexpected(badHeader);
          return nullptr;
        }
        consume();
        if (is(TokenKind::comma)) {
          consume();
          continue;
        }
        if (!expectClose(TokenKind::r_paren, open))
          return nullptr;
        break;
      }
    }
  }
  if (!isStatementEnd(tok().kind)) {
    unexpected(badHeader);
    return nullptr;
  }
  if (!parseBlock(fn->body))
    return nullptr;
  if (is(TokenKind::kw_end)) {
    consume();
    fn->hasExplicitEnd = true;
    closedByEnd = true;
    Stmt dummy(Stmt::Kind::Expr, loc);
    if (!parseCompoundEnd(dummy))
      return nullptr;
    return fn;
  }
  if (is(TokenKind::kw_function)) {
    if (endedMode) {
      error(tok(), "Nested functions are not supported.");
      return nullptr;
    }
    if (inScript) {
      missingEnd("function", loc);
      return nullptr;
    }
    return fn;
  }
  if (is(TokenKind::eof)) {
    if (endedMode || inScript) {
      missingEnd("function", loc);
      return nullptr;
    }
    return fn;
  }
  unexpected();
  return nullptr;
}

std::unique_ptr<File> Parser::parseFile(const std::string &path) {
  auto file = std::make_unique<File>();
  file->path = path;

  // Functions are closed by `end` when the file has as many block-closing
  // `end`s as block openers (functions included).
  {
    int depth = 0;
    size_t ends = 0, openers = 0, functions = 0;
    for (const Token &t : toks) {
      switch (t.kind) {
      case TokenKind::l_paren:
      case TokenKind::l_square:
      case TokenKind::l_brace:
        ++depth;
        break;
      case TokenKind::r_paren:
      case TokenKind::r_square:
      case TokenKind::r_brace:
        if (depth > 0)
          --depth;
        break;
      case TokenKind::kw_end:
        if (depth == 0)
          ++ends;
        break;
      case TokenKind::kw_function:
        ++functions;
        ++openers;
        break;
      case TokenKind::kw_if:
      case TokenKind::kw_for:
      case TokenKind::kw_parfor:
      case TokenKind::kw_while:
      case TokenKind::kw_switch:
      case TokenKind::kw_try:
        ++openers;
        break;
      default:
        break;
      }
    }
    endedMode = functions > 0 && ends >= openers;
  }

  skipSeparators();
  file->isScript = !is(TokenKind::kw_function);
  if (file->isScript) {
    if (!parseBlock(file->script))
      return nullptr;
    if (!is(TokenKind::eof) && !is(TokenKind::kw_function)) {
      unexpected();
      return nullptr;
    }
  }

  std::optional<Location> unclosed; // where a function without `end` ended
  Location unclosedFn;
  bool anyClosed = false;
  while (!failed) {
    skipSeparators();
    if (is(TokenKind::eof))
      break;
    if (!is(TokenKind::kw_function)) {
      const std::string &last = file->functions.back()->name;
      if (tok().isKeyword() || tok().is(TokenKind::error) ||
          isCloser(tok().kind))
        unexpected();
      else if (file->isScript)
        error(tok(), "Function definitions in a script must appear at the "
                     "end of the file. Move all statements after the \"" +
                         last +
                         "\" function definition to before the first local "
                         "function definition.");
      else
        error(tok(), "This statement is not inside any function. (It follows "
                     "the 'end' that terminates the definition of the "
                     "function \"" +
                         last + "\".)");
      return nullptr;
    }
    bool closed = false;
    std::unique_ptr<Function> fn = parseFunction(file->isScript, closed);
    if (!fn)
      return nullptr;
    if (closed) {
      anyClosed = true;
    } else if (!unclosed) {
      unclosed = tok().loc; // where the function ended
      unclosedFn = fn->loc;
    }
    file->functions.push_back(std::move(fn));
  }
  if (failed)
    return nullptr;
  if (anyClosed && unclosed) {
    error(*unclosed, "Parse error: 'end' expected to close 'function' (opened "
                     "at line " +
                         std::to_string(unclosedFn.line) +
                         "): if any function in a file is closed with "
                         "'end', all must be");
    return nullptr;
  }
  return file;
}

std::optional<Block> Parser::parseFragment() {
  Block block;
  if (!parseBlock(block))
    return std::nullopt;
  if (!is(TokenKind::eof)) {
    parseStatement(); // reports the stray keyword or `function`
    if (!failed)
      unexpected();
    return std::nullopt;
  }
  return block;
}

} // namespace

std::unique_ptr<File> runmat::parseFile(const std::string &path,
                                        const std::string &source,
                                        std::vector<Diagnostic> &diags) {
  size_t before = diags.size();
  Parser parser(source, diags);
  std::unique_ptr<File> file = parser.parseFile(path);
  if (diags.size() != before)
    return nullptr;
  return file;
}

std::optional<Block> runmat::parseStatements(const std::string &source,
                                             std::vector<Diagnostic> &diags) {
  size_t before = diags.size();
  Parser parser(source, diags);
  std::optional<Block> block = parser.parseFragment();
  if (diags.size() != before)
    return std::nullopt;
  return block;
}
