//===- runmat/Frontend/AST.h - MATLAB abstract syntax tree ------*- C++ -*-===//
//
// The AST produced by the parser. Plain C++ (no MLIR): nodes are owned
// through std::unique_ptr and carry a source location. Name resolution
// (variable or function) is recorded by Sema on Identifier/Index nodes.
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_FRONTEND_AST_H
#define RUNMAT_FRONTEND_AST_H

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace runmat::ast {

struct Location {
  uint32_t line = 0, col = 0; // 1-based
};

// ===----------------------------------------------------------------===//
// Expressions
// ===----------------------------------------------------------------===//

enum class BinOp {
  Plus, Minus, Times /*.* */, RDivide /*./ */, LDivide /*.\ */, Power /*.^*/,
  MTimes /* * */, MRDivide /* / */, MLDivide /* \ */, MPower /* ^ */,
  Eq, Ne, Lt, Le, Gt, Ge,
  And /* & */, Or /* | */,
  AndAnd /* && */, OrOr /* || */,
};
enum class UnOp { Neg, Plus, Not };
enum class PostOp { CTranspose /* ' */, Transpose /* .' */ };

const char *binOpSpelling(BinOp op);
const char *unOpSpelling(UnOp op);

struct Expr {
  enum class Kind {
    Number, String, Colon, End, Identifier, Binary, Unary, Postfix, Range,
    Index, CellIndex, Field, DynField, Matrix, Cell, AnonFunc, FuncHandle,
  };
  Kind kind;
  Location loc;
  explicit Expr(Kind k, Location l) : kind(k), loc(l) {}
  virtual ~Expr() = default;
};
using ExprPtr = std::unique_ptr<Expr>;

/// 3, 4.5, 1e-3, 2i (imaginary when isImag).
struct NumberExpr : Expr {
  double value;
  bool isImag = false;
  std::string text; // as written
  NumberExpr(Location l, double v) : Expr(Kind::Number, l), value(v) {}
};

/// 'text' (char row vector). Double-quoted strings set isDoubleQuoted.
struct StringExpr : Expr {
  std::string value; // with '' unescaped
  bool isDoubleQuoted = false;
  StringExpr(Location l, std::string v)
      : Expr(Kind::String, l), value(std::move(v)) {}
};

/// A bare ':' used as a subscript (A(:, 1)).
struct ColonExpr : Expr {
  explicit ColonExpr(Location l) : Expr(Kind::Colon, l) {}
};

/// `end` inside a subscript.
struct EndExpr : Expr {
  explicit EndExpr(Location l) : Expr(Kind::End, l) {}
};

/// How Sema resolved a name.
enum class NameKind { Unresolved, Variable, Function };

struct IdentifierExpr : Expr {
  std::string name;
  NameKind resolved = NameKind::Unresolved;
  IdentifierExpr(Location l, std::string n)
      : Expr(Kind::Identifier, l), name(std::move(n)) {}
};

struct BinaryExpr : Expr {
  BinOp op;
  ExprPtr lhs, rhs;
  BinaryExpr(Location l, BinOp o, ExprPtr a, ExprPtr b)
      : Expr(Kind::Binary, l), op(o), lhs(std::move(a)), rhs(std::move(b)) {}
};

struct UnaryExpr : Expr {
  UnOp op;
  ExprPtr operand;
  UnaryExpr(Location l, UnOp o, ExprPtr e)
      : Expr(Kind::Unary, l), op(o), operand(std::move(e)) {}
};

struct PostfixExpr : Expr {
  PostOp op;
  ExprPtr operand;
  PostfixExpr(Location l, PostOp o, ExprPtr e)
      : Expr(Kind::Postfix, l), op(o), operand(std::move(e)) {}
};

/// a:b or a:step:b (step null when absent).
struct RangeExpr : Expr {
  ExprPtr start, step, stop;
  RangeExpr(Location l, ExprPtr a, ExprPtr s, ExprPtr b)
      : Expr(Kind::Range, l), start(std::move(a)), step(std::move(s)),
        stop(std::move(b)) {}
};

/// base(args...): an array index or a function call; Sema decides.
/// For a call, `base` is an IdentifierExpr resolved as Function.
struct IndexExpr : Expr {
  ExprPtr base;
  std::vector<ExprPtr> args;
  IndexExpr(Location l, ExprPtr b, std::vector<ExprPtr> a)
      : Expr(Kind::Index, l), base(std::move(b)), args(std::move(a)) {}
};

/// base{args...}
struct CellIndexExpr : Expr {
  ExprPtr base;
  std::vector<ExprPtr> args;
  CellIndexExpr(Location l, ExprPtr b, std::vector<ExprPtr> a)
      : Expr(Kind::CellIndex, l), base(std::move(b)), args(std::move(a)) {}
};

/// base.name
struct FieldExpr : Expr {
  ExprPtr base;
  std::string name;
  FieldExpr(Location l, ExprPtr b, std::string n)
      : Expr(Kind::Field, l), base(std::move(b)), name(std::move(n)) {}
};

/// base.(expr)
struct DynFieldExpr : Expr {
  ExprPtr base, name;
  DynFieldExpr(Location l, ExprPtr b, ExprPtr n)
      : Expr(Kind::DynField, l), base(std::move(b)), name(std::move(n)) {}
};

/// [a b; c d] — rows of elements.
struct MatrixExpr : Expr {
  std::vector<std::vector<ExprPtr>> rows;
  explicit MatrixExpr(Location l) : Expr(Kind::Matrix, l) {}
};

/// {a b; c d}
struct CellExpr : Expr {
  std::vector<std::vector<ExprPtr>> rows;
  explicit CellExpr(Location l) : Expr(Kind::Cell, l) {}
};

/// @(x, y) body
struct AnonFuncExpr : Expr {
  std::vector<std::string> params;
  ExprPtr body;
  std::string text; // normalised source text for func2str, e.g. "@(x)x+1"
  /// Set by lambda lifting (sema::liftAnonymousFunctions): the local
  /// function now holding the body (params: captures, then `params`), and
  /// the enclosing variables it captures by value. `body` is then null.
  std::string liftedName;
  std::vector<std::string> captures;
  AnonFuncExpr(Location l) : Expr(Kind::AnonFunc, l) {}
};

/// @name
struct FuncHandleExpr : Expr {
  std::string name;
  FuncHandleExpr(Location l, std::string n)
      : Expr(Kind::FuncHandle, l), name(std::move(n)) {}
};

// ===----------------------------------------------------------------===//
// Statements
// ===----------------------------------------------------------------===//

struct Stmt {
  enum class Kind {
    Expr, Assign, MultiAssign, If, For, While, Switch, TryCatch, Break,
    Continue, Return, Global, Persistent, Command,
  };
  Kind kind;
  Location loc;
  /// True when the statement is not terminated by ';' (auto-display).
  bool display = false;
  explicit Stmt(Kind k, Location l) : kind(k), loc(l) {}
  virtual ~Stmt() = default;
};
using StmtPtr = std::unique_ptr<Stmt>;
using Block = std::vector<StmtPtr>;

/// An expression statement (`f(x)`, `x`, `3 + 4`).
struct ExprStmt : Stmt {
  ExprPtr expr;
  ExprStmt(Location l, ExprPtr e) : Stmt(Kind::Expr, l), expr(std::move(e)) {}
};

/// lhs = rhs. lhs is an IdentifierExpr or a chain of Index/CellIndex/Field/
/// DynField rooted at an IdentifierExpr.
struct AssignStmt : Stmt {
  ExprPtr lhs, rhs;
  AssignStmt(Location l, ExprPtr a, ExprPtr b)
      : Stmt(Kind::Assign, l), lhs(std::move(a)), rhs(std::move(b)) {}
};

/// [a, ~, c] = rhs. A `~` output is a null entry in lhs.
struct MultiAssignStmt : Stmt {
  std::vector<ExprPtr> lhs;
  ExprPtr rhs;
  MultiAssignStmt(Location l) : Stmt(Kind::MultiAssign, l) {}
};

struct IfStmt : Stmt {
  struct Clause {
    ExprPtr cond; // null for else
    Block body;
    Location loc;
  };
  std::vector<Clause> clauses; // if, elseif..., else (last, cond null)
  IfStmt(Location l) : Stmt(Kind::If, l) {}
};

struct ForStmt : Stmt {
  std::string var;
  Location varLoc;
  ExprPtr range;
  Block body;
  bool isParfor = false;
  ForStmt(Location l) : Stmt(Kind::For, l) {}
};

struct WhileStmt : Stmt {
  ExprPtr cond;
  Block body;
  WhileStmt(Location l) : Stmt(Kind::While, l) {}
};

struct SwitchStmt : Stmt {
  struct Case {
    ExprPtr value; // null for otherwise
    Block body;
    Location loc;
  };
  ExprPtr subject;
  std::vector<Case> cases; // `otherwise` (value null) is last if present
  SwitchStmt(Location l) : Stmt(Kind::Switch, l) {}
};

struct TryCatchStmt : Stmt {
  Block tryBody;
  std::string catchVar; // "" when absent
  Block catchBody;
  TryCatchStmt(Location l) : Stmt(Kind::TryCatch, l) {}
};

struct BreakStmt : Stmt {
  BreakStmt(Location l) : Stmt(Kind::Break, l) {}
};
struct ContinueStmt : Stmt {
  ContinueStmt(Location l) : Stmt(Kind::Continue, l) {}
};
struct ReturnStmt : Stmt {
  ReturnStmt(Location l) : Stmt(Kind::Return, l) {}
};

/// global a b / persistent a b
struct DeclStmt : Stmt {
  std::vector<std::string> names;
  DeclStmt(Kind k, Location l) : Stmt(k, l) {}
};

/// Command syntax: `format long`, `hold on`: name plus char arguments.
struct CommandStmt : Stmt {
  std::string name;
  std::vector<std::string> args;
  CommandStmt(Location l, std::string n)
      : Stmt(Kind::Command, l), name(std::move(n)) {}
};

// ===----------------------------------------------------------------===//
// Functions and files
// ===----------------------------------------------------------------===//

struct Function {
  std::string name;
  Location loc;
  std::vector<std::string> params;  // "varargin" last when variadic; "~" ignored
  std::vector<std::string> outputs; // "varargout" last when variadic
  Block body;
  bool hasExplicitEnd = false;
  /// For functions linked from another file on the path (PathResolver):
  /// that file, and the name error traces show (`name` is then unique in
  /// the program, "FILE>LOCAL" for the file's local functions).
  std::string sourcePath, displayName;
};

/// A parsed .m file: a script (statements, then local functions) or a
/// function file (first function is the main one, the rest are local).
struct File {
  std::string path;
  bool isScript = true;
  Block script; // empty for function files
  std::vector<std::unique_ptr<Function>> functions;
};

/// Prints the AST as an indented S-expression-like tree (for --emit=ast and
/// the parser's lit tests).
std::string dump(const File &file);

} // namespace runmat::ast

#endif // RUNMAT_FRONTEND_AST_H
