//===- ASTUtils.cpp - Small queries on the AST ----------------------------===//
#include "runmat/Frontend/ASTUtils.h"

namespace runmat::ast {

/// The identifier at the root of an assignment target (x in x(1).a{2}).
const IdentifierExpr *rootIdentifier(const Expr *e) {
  while (e) {
    switch (e->kind) {
    case Expr::Kind::Identifier:
      return static_cast<const IdentifierExpr *>(e);
    case Expr::Kind::Index:
      e = static_cast<const IndexExpr *>(e)->base.get();
      break;
    case Expr::Kind::CellIndex:
      e = static_cast<const CellIndexExpr *>(e)->base.get();
      break;
    case Expr::Kind::Field:
      e = static_cast<const FieldExpr *>(e)->base.get();
      break;
    case Expr::Kind::DynField:
      e = static_cast<const DynFieldExpr *>(e)->base.get();
      break;
    default:
      return nullptr;
    }
  }
  return nullptr;
}

namespace {
void collectStmt(const Stmt &s, std::set<std::string> &out) {
  switch (s.kind) {
  case Stmt::Kind::Expr:
    out.insert("ans");
    break;
  case Stmt::Kind::Assign:
    if (auto *id = rootIdentifier(static_cast<const AssignStmt &>(s).lhs.get()))
      out.insert(id->name);
    break;
  case Stmt::Kind::MultiAssign:
    for (auto &l : static_cast<const MultiAssignStmt &>(s).lhs)
      if (auto *id = rootIdentifier(l.get()))
        out.insert(id->name);
    break;
  case Stmt::Kind::If:
    for (auto &c : static_cast<const IfStmt &>(s).clauses)
      collectAssigned(c.body, out);
    break;
  case Stmt::Kind::For: {
    auto &f = static_cast<const ForStmt &>(s);
    out.insert(f.var);
    collectAssigned(f.body, out);
    break;
  }
  case Stmt::Kind::While:
    collectAssigned(static_cast<const WhileStmt &>(s).body, out);
    break;
  case Stmt::Kind::Switch:
    for (auto &c : static_cast<const SwitchStmt &>(s).cases)
      collectAssigned(c.body, out);
    break;
  case Stmt::Kind::TryCatch: {
    auto &t = static_cast<const TryCatchStmt &>(s);
    collectAssigned(t.tryBody, out);
    if (!t.catchVar.empty())
      out.insert(t.catchVar);
    collectAssigned(t.catchBody, out);
    break;
  }
  case Stmt::Kind::Global:
  case Stmt::Kind::Persistent:
    for (auto &n : static_cast<const DeclStmt &>(s).names)
      out.insert(n);
    break;
  default:
    break;
  }
}

} // namespace

void collectAssigned(const Block &b, std::set<std::string> &out) {
  for (auto &s : b)
    collectStmt(*s, out);
}


/// Calls fn on every name an expression reads (a lifted anonymous function
/// reads its captures).
void forEachName(const Expr &e, const std::function<void(const std::string &)> &fn) {
  auto sub = [&](const ExprPtr &p) {
    if (p)
      forEachName(*p, fn);
  };
  switch (e.kind) {
  case Expr::Kind::Identifier:
    fn(static_cast<const IdentifierExpr &>(e).name);
    break;
  case Expr::Kind::Binary:
    sub(static_cast<const BinaryExpr &>(e).lhs);
    sub(static_cast<const BinaryExpr &>(e).rhs);
    break;
  case Expr::Kind::Unary:
    sub(static_cast<const UnaryExpr &>(e).operand);
    break;
  case Expr::Kind::Postfix:
    sub(static_cast<const PostfixExpr &>(e).operand);
    break;
  case Expr::Kind::Range: {
    auto &r = static_cast<const RangeExpr &>(e);
    sub(r.start);
    sub(r.step);
    sub(r.stop);
    break;
  }
  case Expr::Kind::Index:
    sub(static_cast<const IndexExpr &>(e).base);
    for (auto &a : static_cast<const IndexExpr &>(e).args)
      sub(a);
    break;
  case Expr::Kind::CellIndex:
    sub(static_cast<const CellIndexExpr &>(e).base);
    for (auto &a : static_cast<const CellIndexExpr &>(e).args)
      sub(a);
    break;
  case Expr::Kind::Field:
    sub(static_cast<const FieldExpr &>(e).base);
    break;
  case Expr::Kind::DynField:
    sub(static_cast<const DynFieldExpr &>(e).base);
    sub(static_cast<const DynFieldExpr &>(e).name);
    break;
  case Expr::Kind::Matrix:
    for (auto &row : static_cast<const MatrixExpr &>(e).rows)
      for (auto &el : row)
        sub(el);
    break;
  case Expr::Kind::Cell:
    for (auto &row : static_cast<const CellExpr &>(e).rows)
      for (auto &el : row)
        sub(el);
    break;
  case Expr::Kind::AnonFunc: {
    auto &a = static_cast<const AnonFuncExpr &>(e);
    for (auto &c : a.captures)
      fn(c);
    sub(a.body);
    break;
  }
  default:
    break;
  }
}

} // namespace runmat::ast
