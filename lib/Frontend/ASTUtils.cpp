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

namespace {
/// The names the statements of b read, except a `for` variable's reads
/// inside its own loop's body.
void readsOutsideOwnLoop(const Block &b, std::multiset<std::string> &active,
                         std::set<std::string> &out) {
  auto expr = [&](const ExprPtr &e) {
    if (e)
      forEachName(*e, [&](const std::string &n) {
        if (!active.count(n))
          out.insert(n);
      });
  };
  // An indexed assignment target reads its variable and its subscripts.
  auto target = [&](const ExprPtr &e) {
    if (e && e->kind != Expr::Kind::Identifier)
      expr(e);
  };
  for (auto &sp : b) {
    const Stmt &s = *sp;
    switch (s.kind) {
    case Stmt::Kind::Expr:
      expr(static_cast<const ExprStmt &>(s).expr);
      break;
    case Stmt::Kind::Assign:
      target(static_cast<const AssignStmt &>(s).lhs);
      expr(static_cast<const AssignStmt &>(s).rhs);
      break;
    case Stmt::Kind::MultiAssign:
      for (auto &l : static_cast<const MultiAssignStmt &>(s).lhs)
        target(l);
      expr(static_cast<const MultiAssignStmt &>(s).rhs);
      break;
    case Stmt::Kind::If:
      for (auto &c : static_cast<const IfStmt &>(s).clauses) {
        expr(c.cond);
        readsOutsideOwnLoop(c.body, active, out);
      }
      break;
    case Stmt::Kind::For: {
      auto &f = static_cast<const ForStmt &>(s);
      expr(f.range);
      auto it = active.insert(f.var);
      readsOutsideOwnLoop(f.body, active, out);
      active.erase(it);
      break;
    }
    case Stmt::Kind::While:
      expr(static_cast<const WhileStmt &>(s).cond);
      readsOutsideOwnLoop(static_cast<const WhileStmt &>(s).body, active, out);
      break;
    case Stmt::Kind::Switch:
      expr(static_cast<const SwitchStmt &>(s).subject);
      for (auto &c : static_cast<const SwitchStmt &>(s).cases) {
        expr(c.value);
        readsOutsideOwnLoop(c.body, active, out);
      }
      break;
    case Stmt::Kind::TryCatch:
      readsOutsideOwnLoop(static_cast<const TryCatchStmt &>(s).tryBody, active,
                          out);
      readsOutsideOwnLoop(static_cast<const TryCatchStmt &>(s).catchBody,
                          active, out);
      break;
    case Stmt::Kind::Command:
      // `disp k` passes text; but who/whos/save/exist see variables.
      for (auto &a : static_cast<const CommandStmt &>(s).args)
        if (!active.count(a))
          out.insert(a);
      break;
    default:
      break;
    }
  }
}
} // namespace

std::set<std::string> loopVarsReadAfterLoop(const Block &body,
                                            const std::vector<std::string> &outputs) {
  std::set<std::string> vars, reads(outputs.begin(), outputs.end());
  std::multiset<std::string> active;
  readsOutsideOwnLoop(body, active, reads);
  std::set<std::string> assigned;
  std::function<void(const Block &)> loops = [&](const Block &b) {
    for (auto &sp : b) {
      switch (sp->kind) {
      case Stmt::Kind::For: {
        auto &f = static_cast<const ForStmt &>(*sp);
        if (reads.count(f.var))
          vars.insert(f.var);
        loops(f.body);
        break;
      }
      case Stmt::Kind::If:
        for (auto &c : static_cast<const IfStmt &>(*sp).clauses)
          loops(c.body);
        break;
      case Stmt::Kind::While:
        loops(static_cast<const WhileStmt &>(*sp).body);
        break;
      case Stmt::Kind::Switch:
        for (auto &c : static_cast<const SwitchStmt &>(*sp).cases)
          loops(c.body);
        break;
      case Stmt::Kind::TryCatch:
        loops(static_cast<const TryCatchStmt &>(*sp).tryBody);
        loops(static_cast<const TryCatchStmt &>(*sp).catchBody);
        break;
      default:
        break;
      }
    }
  };
  loops(body);
  return vars;
}

} // namespace runmat::ast
