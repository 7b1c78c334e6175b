//===- ASTDump.cpp - Textual AST dump -------------------------------------===//
//
// ast::dump prints one statement (or function/clause) per line, indented by
// two spaces per level, with expressions inline as S-expressions:
//
//   (script
//     (assign display=0 (id x) (binary + (number 1) (number 2)))
//     (if
//       (clause (binary > (id x) (number 0))
//         (expr display=1 (id x))))
//     (function f (params a) (outputs r) end=1
//       (assign display=0 (id r) (id a))))
//
// Expressions: (number TEXT) (string 'v') (string "v") (colon) (end)
// (id NAME [var|fn]) (binary OP L R) (unary OP E) (postfix '|.' E)
// (range START [STEP] STOP) (index BASE ARGS...) (cellindex BASE ARGS...)
// (field BASE NAME) (dynfield BASE E) (matrix (row E...)...)
// (cell (row E...)...) (anon text="@(x)x+1" (params x) BODY) (handle NAME).
//
//===----------------------------------------------------------------------===//

#include "runmat/Frontend/AST.h"

using namespace runmat;
using namespace runmat::ast;

const char *ast::binOpSpelling(BinOp op) {
  switch (op) {
  case BinOp::Plus:
    return "+";
  case BinOp::Minus:
    return "-";
  case BinOp::Times:
    return ".*";
  case BinOp::RDivide:
    return "./";
  case BinOp::LDivide:
    return ".\\";
  case BinOp::Power:
    return ".^";
  case BinOp::MTimes:
    return "*";
  case BinOp::MRDivide:
    return "/";
  case BinOp::MLDivide:
    return "\\";
  case BinOp::MPower:
    return "^";
  case BinOp::Eq:
    return "==";
  case BinOp::Ne:
    return "~=";
  case BinOp::Lt:
    return "<";
  case BinOp::Le:
    return "<=";
  case BinOp::Gt:
    return ">";
  case BinOp::Ge:
    return ">=";
  case BinOp::And:
    return "&";
  case BinOp::Or:
    return "|";
  case BinOp::AndAnd:
    return "&&";
  case BinOp::OrOr:
    return "||";
  }
  return "?";
}

const char *ast::unOpSpelling(UnOp op) {
  switch (op) {
  case UnOp::Neg:
    return "-";
  case UnOp::Plus:
    return "+";
  case UnOp::Not:
    return "~";
  }
  return "?";
}

namespace {

std::string quoted(const std::string &s, char q) {
  std::string out(1, q);
  for (char c : s) {
    out += c;
    if (c == q)
      out += q;
  }
  return out + q;
}

class Dumper {
public:
  std::string out;

  void file(const File &f) {
    open(f.isScript ? "script" : "function-file");
    ++indent;
    block(f.script);
    for (const auto &fn : f.functions)
      function(*fn);
    --indent;
    close();
  }

private:
  unsigned indent = 0;

  void open(const std::string &head) {
    if (!out.empty())
      out += '\n';
    out.append(indent * 2, ' ');
    out += '(';
    out += head;
  }
  void close() { out += ')'; }

  void function(const Function &fn) {
    std::string head = "function " + fn.name + " (params";
    for (const auto &p : fn.params)
      head += " " + p;
    head += ") (outputs";
    for (const auto &o : fn.outputs)
      head += " " + o;
    head += ") end=";
    head += fn.hasExplicitEnd ? "1" : "0";
    open(head);
    ++indent;
    block(fn.body);
    --indent;
    close();
  }

  void block(const Block &b) {
    for (const auto &s : b)
      stmt(*s);
  }

  static std::string disp(const Stmt &s) {
    return s.display ? "display=1" : "display=0";
  }

  void nested(const std::string &head, const Block &body) {
    open(head);
    ++indent;
    block(body);
    --indent;
    close();
  }

  void stmt(const Stmt &s) {
    switch (s.kind) {
    case Stmt::Kind::Expr: {
      const auto &e = static_cast<const ExprStmt &>(s);
      open("expr " + disp(s) + " " + expr(e.expr.get()));
      close();
      return;
    }
    case Stmt::Kind::Assign: {
      const auto &a = static_cast<const AssignStmt &>(s);
      open("assign " + disp(s) + " " + expr(a.lhs.get()) + " " +
           expr(a.rhs.get()));
      close();
      return;
    }
    case Stmt::Kind::MultiAssign: {
      const auto &m = static_cast<const MultiAssignStmt &>(s);
      std::string head = "multiassign " + disp(s) + " (outputs";
      for (const auto &l : m.lhs)
        head += " " + (l ? expr(l.get()) : std::string("~"));
      open(head + ") " + expr(m.rhs.get()));
      close();
      return;
    }
    case Stmt::Kind::If: {
      const auto &i = static_cast<const IfStmt &>(s);
      open("if");
      ++indent;
      for (const auto &c : i.clauses)
        nested(c.cond ? "clause " + expr(c.cond.get()) : std::string("else"),
               c.body);
      --indent;
      close();
      return;
    }
    case Stmt::Kind::For: {
      const auto &f = static_cast<const ForStmt &>(s);
      nested(std::string(f.isParfor ? "parfor " : "for ") + f.var + " " +
                 expr(f.range.get()),
             f.body);
      return;
    }
    case Stmt::Kind::While: {
      const auto &w = static_cast<const WhileStmt &>(s);
      nested("while " + expr(w.cond.get()), w.body);
      return;
    }
    case Stmt::Kind::Switch: {
      const auto &sw = static_cast<const SwitchStmt &>(s);
      open("switch " + expr(sw.subject.get()));
      ++indent;
      for (const auto &c : sw.cases)
        nested(c.value ? "case " + expr(c.value.get())
                       : std::string("otherwise"),
               c.body);
      --indent;
      close();
      return;
    }
    case Stmt::Kind::TryCatch: {
      const auto &t = static_cast<const TryCatchStmt &>(s);
      open("try");
      ++indent;
      nested("body", t.tryBody);
      nested(t.catchVar.empty() ? std::string("catch") : "catch " + t.catchVar,
             t.catchBody);
      --indent;
      close();
      return;
    }
    case Stmt::Kind::Break:
      open("break");
      close();
      return;
    case Stmt::Kind::Continue:
      open("continue");
      close();
      return;
    case Stmt::Kind::Return:
      open("return");
      close();
      return;
    case Stmt::Kind::Global:
    case Stmt::Kind::Persistent: {
      const auto &d = static_cast<const DeclStmt &>(s);
      std::string head = s.kind == Stmt::Kind::Global ? "global" : "persistent";
      for (const auto &n : d.names)
        head += " " + n;
      open(head);
      close();
      return;
    }
    case Stmt::Kind::Command: {
      const auto &c = static_cast<const CommandStmt &>(s);
      std::string head = "command " + disp(s) + " " + c.name;
      for (const auto &a : c.args)
        head += " " + quoted(a, '\'');
      open(head);
      close();
      return;
    }
    }
  }

  static std::string list(const char *head, const std::vector<ExprPtr> &items) {
    std::string s = std::string("(") + head;
    for (const auto &e : items)
      s += " " + expr(e.get());
    return s + ")";
  }

  static std::string rows(const char *head,
                          const std::vector<std::vector<ExprPtr>> &rs) {
    std::string s = std::string("(") + head;
    for (const auto &r : rs)
      s += " " + list("row", r);
    return s + ")";
  }

public:
  static std::string expr(const Expr *e) {
    if (!e)
      return "(null)";
    switch (e->kind) {
    case Expr::Kind::Number:
      return "(number " + static_cast<const NumberExpr *>(e)->text + ")";
    case Expr::Kind::String: {
      const auto *s = static_cast<const StringExpr *>(e);
      return "(string " + quoted(s->value, s->isDoubleQuoted ? '"' : '\'') +
             ")";
    }
    case Expr::Kind::Colon:
      return "(colon)";
    case Expr::Kind::End:
      return "(end)";
    case Expr::Kind::Identifier: {
      const auto *id = static_cast<const IdentifierExpr *>(e);
      std::string s = "(id " + id->name;
      if (id->resolved == NameKind::Variable)
        s += " var";
      else if (id->resolved == NameKind::Function)
        s += " fn";
      return s + ")";
    }
    case Expr::Kind::Binary: {
      const auto *b = static_cast<const BinaryExpr *>(e);
      return std::string("(binary ") + binOpSpelling(b->op) + " " +
             expr(b->lhs.get()) + " " + expr(b->rhs.get()) + ")";
    }
    case Expr::Kind::Unary: {
      const auto *u = static_cast<const UnaryExpr *>(e);
      return std::string("(unary ") + unOpSpelling(u->op) + " " +
             expr(u->operand.get()) + ")";
    }
    case Expr::Kind::Postfix: {
      const auto *p = static_cast<const PostfixExpr *>(e);
      return std::string("(postfix ") +
             (p->op == PostOp::CTranspose ? "'" : ".'") + " " +
             expr(p->operand.get()) + ")";
    }
    case Expr::Kind::Range: {
      const auto *r = static_cast<const RangeExpr *>(e);
      std::string s = "(range " + expr(r->start.get());
      if (r->step)
        s += " " + expr(r->step.get());
      return s + " " + expr(r->stop.get()) + ")";
    }
    case Expr::Kind::Index: {
      const auto *i = static_cast<const IndexExpr *>(e);
      std::string s = "(index " + expr(i->base.get());
      for (const auto &a : i->args)
        s += " " + expr(a.get());
      return s + ")";
    }
    case Expr::Kind::CellIndex: {
      const auto *i = static_cast<const CellIndexExpr *>(e);
      std::string s = "(cellindex " + expr(i->base.get());
      for (const auto &a : i->args)
        s += " " + expr(a.get());
      return s + ")";
    }
    case Expr::Kind::Field: {
      const auto *f = static_cast<const FieldExpr *>(e);
      return "(field " + expr(f->base.get()) + " " + f->name + ")";
    }
    case Expr::Kind::DynField: {
      const auto *f = static_cast<const DynFieldExpr *>(e);
      return "(dynfield " + expr(f->base.get()) + " " + expr(f->name.get()) +
             ")";
    }
    case Expr::Kind::Matrix:
      return rows("matrix", static_cast<const MatrixExpr *>(e)->rows);
    case Expr::Kind::Cell:
      return rows("cell", static_cast<const CellExpr *>(e)->rows);
    case Expr::Kind::AnonFunc: {
      const auto *a = static_cast<const AnonFuncExpr *>(e);
      std::string text;
      for (char c : a->text) {
        if (c == '"' || c == '\\')
          text += '\\';
        text += c;
      }
      std::string s = "(anon text=\"" + text + "\" (params";
      for (const auto &p : a->params)
        s += " " + p;
      return s + ") " + expr(a->body.get()) + ")";
    }
    case Expr::Kind::FuncHandle:
      return "(handle " + static_cast<const FuncHandleExpr *>(e)->name + ")";
    }
    return "(?)";
  }
};

} // namespace

std::string ast::dump(const File &file) {
  Dumper d;
  d.file(file);
  d.out += '\n';
  return d.out;
}
