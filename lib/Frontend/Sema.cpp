//===- Sema.cpp - Name resolution and type inference ----------------------===//
//
// MATLAB's name rule: inside a function (or a script), a name that is
// assigned anywhere (including parameters, outputs, loop variables and
// global/persistent declarations) is a variable everywhere in it; any other
// name is a function: a local function of the file, else a builtin.
//
// Type inference is flow-insensitive per specialization: a variable's type is
// the join of everything assigned to it, computed to a fixpoint together with
// the result types of the specializations it calls (recursion included).
//
//===----------------------------------------------------------------------===//
#include "runmat/Frontend/Sema.h"
#include "runmat/Frontend/Parser.h"
#include "runmat/Frontend/ASTUtils.h"

#include "runmat/rt/abi.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>

using namespace runmat;
using namespace runmat::ast;
using namespace runmat::sema;

Ty sema::join(Ty a, Ty b) {
  if (a == b)
    return a;
  if (a == Ty::Bottom)
    return b;
  if (b == Ty::Bottom)
    return a;
  auto numeric = [](Ty t) { return t == Ty::Num || t == Ty::DArr; };
  if (numeric(a) && numeric(b))
    return Ty::DArr;
  return Ty::Any;
}

const char *sema::tyName(Ty t) {
  switch (t) {
  case Ty::Bottom:
    return "bottom";
  case Ty::Num:
    return "num";
  case Ty::Bool:
    return "bool";
  case Ty::DArr:
    return "darr";
  case Ty::Any:
    return "any";
  }
  return "?";
}

bool sema::isEmptyMatrixLiteral(const Expr &e) {
  if (e.kind != Expr::Kind::Matrix)
    return false;
  auto &m = static_cast<const MatrixExpr &>(e);
  for (auto &row : m.rows)
    if (!row.empty())
      return false;
  return true;
}

//===----------------------------------------------------------------------===//
// Builtins known to the runtime
//===----------------------------------------------------------------------===//

namespace {
const std::set<std::string> &builtinNames() {
  static const std::set<std::string> names = [] {
    std::set<std::string> s;
#define RM_BUILTIN(NAME, FN, MININ, MAXIN, MAXOUT, SUMMARY) s.insert(NAME);
#include "runmat/rt/Builtins.def"
#undef RM_BUILTIN
    return s;
  }();
  return names;
}



bool allIn(const std::vector<Ty> &ts, std::initializer_list<Ty> ok) {
  for (Ty t : ts)
    if (std::find(ok.begin(), ok.end(), t) == ok.end())
      return false;
  return true;
}

/// Result types of a builtin call from its argument types (Any when unsure).
std::vector<Ty> builtinTypes(const std::string &n, const std::vector<Ty> &a,
                             int nargout) {
  int nres = std::max(nargout, 1);
  std::vector<Ty> r(nres, Ty::Any);
  if (nargout == 0)
    return r; // statement context: an optional, boxed result
  bool allNum = allIn(a, {Ty::Num, Ty::Bool});
  bool allDouble = allIn(a, {Ty::Num, Ty::Bool, Ty::DArr});
  static const std::set<std::string> unaryReal = {
      "abs", "floor", "ceil", "round", "fix", "sin", "cos", "tan",
      "exp", "atan", "tanh", "sign"};
  if (unaryReal.count(n) && a.size() == 1) {
    r[0] = a[0] == Ty::Num || a[0] == Ty::Bool ? Ty::Num
           : a[0] == Ty::DArr                  ? Ty::DArr
                                               : Ty::Any;
    return r;
  }
  if ((n == "mod" || n == "rem" || n == "atan2") && a.size() == 2) {
    r[0] = allNum ? Ty::Num : allDouble ? Ty::DArr : Ty::Any;
    return r;
  }
  if ((n == "max" || n == "min") && a.size() == 2) {
    r[0] = allNum ? Ty::Num : allDouble ? Ty::DArr : Ty::Any;
    return r;
  }
  if (n == "numel" || n == "length" || n == "ndims") {
    r[0] = Ty::Num;
    return r;
  }
  if (n == "size") {
    if (a.size() == 2 || nargout >= 2)
      std::fill(r.begin(), r.end(), Ty::Num);
    else
      r[0] = Ty::DArr;
    return r;
  }
  if (n == "isempty" || n == "isscalar") {
    r[0] = Ty::Bool;
    return r;
  }
  if ((n == "isnan" || n == "isinf") && a.size() == 1 && a[0] == Ty::Num) {
    r[0] = Ty::Bool;
    return r;
  }
  if (n == "pi" || n == "eps" || n == "Inf" || n == "inf" || n == "NaN" ||
      n == "nan") {
    r[0] = a.empty() ? Ty::Num : allDouble ? Ty::DArr : Ty::Any;
    return r;
  }
  if ((n == "true" || n == "false") && a.empty()) {
    r[0] = Ty::Bool;
    return r;
  }
  if ((n == "tic" || n == "toc") && nargout >= 1) {
    r[0] = n == "toc" && !allDouble ? Ty::Any : Ty::Num;
    return r;
  }
  if (n == "double") {
    r[0] = a.size() == 1 && (a[0] == Ty::Num || a[0] == Ty::Bool) ? Ty::Num
                                                                  : Ty::DArr;
    return r;
  }
  static const std::set<std::string> doubleArrays = {
      "zeros", "ones", "eye", "linspace", "repmat", "reshape", "cumsum",
      "sum", "prod", "mean", "sort", "max", "min", "find"};
  if (doubleArrays.count(n) && allDouble && !a.empty()) {
    std::fill(r.begin(), r.end(), Ty::DArr);
    return r;
  }
  if ((n == "zeros" || n == "ones" || n == "eye") && a.empty()) {
    r[0] = Ty::Num;
    return r;
  }
  return r;
}
} // namespace

bool Program::isVariadicIn(const Function *fn) const {
  return fn && !fn->params.empty() && fn->params.back() == "varargin";
}

bool Program::isBuiltin(const std::string &name) {
  return builtinNames().count(name) != 0;
}

//===----------------------------------------------------------------------===//
// Lambda lifting
//===----------------------------------------------------------------------===//

namespace {


class Lifter {
public:
  explicit Lifter(File &file) : file(file) {}

  void run() {
    std::set<std::string> scriptVars;
    collectAssigned(file.script, scriptVars);
    liftBlock(file.script, scriptVars);
    size_t n = file.functions.size(); // lifted functions are appended
    for (size_t i = 0; i < n; ++i) {
      Function &fn = *file.functions[i];
      std::set<std::string> vars(fn.params.begin(), fn.params.end());
      vars.insert(fn.outputs.begin(), fn.outputs.end());
      collectAssigned(fn.body, vars);
      liftBlock(fn.body, vars);
    }
    for (auto &f : lifted)
      file.functions.push_back(std::move(f));
  }

private:
  /// `str2func('@(...) ...')` with a constant text that parses as an
  /// anonymous function: that function's AST, else null (the call then
  /// happens at run time).
  static ExprPtr constantStr2func(IndexExpr &call,
                                  const std::set<std::string> &scope) {
    auto *callee = call.base && call.base->kind == Expr::Kind::Identifier
                       ? static_cast<IdentifierExpr *>(call.base.get())
                       : nullptr;
    if (!callee || callee->name != "str2func" || scope.count("str2func") ||
        call.args.size() != 1 || call.args[0]->kind != Expr::Kind::String)
      return nullptr;
    const std::string &text = static_cast<StringExpr &>(*call.args[0]).value;
    size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos || text[first] != '@')
      return nullptr;
    std::vector<Diagnostic> diags;
    auto block = parseStatements(text, diags);
    if (!block || block->size() != 1 || (*block)[0]->kind != Stmt::Kind::Expr)
      return nullptr;
    ExprPtr &x = static_cast<ExprStmt &>(*(*block)[0]).expr;
    if (!x || x->kind != Expr::Kind::AnonFunc)
      return nullptr;
    return std::move(x);
  }

  void liftExpr(ExprPtr &p, const std::set<std::string> &scope) {
    if (!p)
      return;
    Expr &e = *p;
    auto sub = [&](ExprPtr &q) { liftExpr(q, scope); };
    switch (e.kind) {
    case Expr::Kind::Binary:
      sub(static_cast<BinaryExpr &>(e).lhs);
      sub(static_cast<BinaryExpr &>(e).rhs);
      break;
    case Expr::Kind::Unary:
      sub(static_cast<UnaryExpr &>(e).operand);
      break;
    case Expr::Kind::Postfix:
      sub(static_cast<PostfixExpr &>(e).operand);
      break;
    case Expr::Kind::Range: {
      auto &r = static_cast<RangeExpr &>(e);
      sub(r.start);
      sub(r.step);
      sub(r.stop);
      break;
    }
    case Expr::Kind::Index:
      if (ExprPtr anon = constantStr2func(static_cast<IndexExpr &>(e), scope)) {
        // str2func('@(x) ...') of a constant text: compiled like the
        // anonymous function it spells, with nothing captured (MATLAB's
        // str2func sees no workspace).
        p = std::move(anon);
        liftExpr(p, {});
        break;
      }
      sub(static_cast<IndexExpr &>(e).base);
      for (auto &a : static_cast<IndexExpr &>(e).args)
        sub(a);
      break;
    case Expr::Kind::CellIndex:
      sub(static_cast<CellIndexExpr &>(e).base);
      for (auto &a : static_cast<CellIndexExpr &>(e).args)
        sub(a);
      break;
    case Expr::Kind::Field:
      sub(static_cast<FieldExpr &>(e).base);
      break;
    case Expr::Kind::DynField:
      sub(static_cast<DynFieldExpr &>(e).base);
      sub(static_cast<DynFieldExpr &>(e).name);
      break;
    case Expr::Kind::Matrix:
      for (auto &row : static_cast<MatrixExpr &>(e).rows)
        for (auto &el : row)
          sub(el);
      break;
    case Expr::Kind::Cell:
      for (auto &row : static_cast<CellExpr &>(e).rows)
        for (auto &el : row)
          sub(el);
      break;
    case Expr::Kind::AnonFunc: {
      auto &a = static_cast<AnonFuncExpr &>(e);
      if (!a.body)
        break;
      // Inner anonymous functions first, seeing our parameters as variables.
      std::set<std::string> inner = scope;
      inner.insert(a.params.begin(), a.params.end());
      liftExpr(a.body, inner);
      std::set<std::string> params(a.params.begin(), a.params.end());
      std::vector<std::string> caps;
      forEachName(*a.body, [&](const std::string &n) {
        if (!params.count(n) && scope.count(n) &&
            std::find(caps.begin(), caps.end(), n) == caps.end())
          caps.push_back(n);
      });
      auto fn = std::make_unique<Function>();
      fn->name = "__anon_" + std::to_string(counter++);
      fn->loc = a.loc;
      fn->params = caps;
      fn->params.insert(fn->params.end(), a.params.begin(), a.params.end());
      fn->outputs = {"__ans"};
      fn->hasExplicitEnd = true;
      Location l = a.body->loc;
      auto lhs = std::make_unique<IdentifierExpr>(l, "__ans");
      fn->body.push_back(
          std::make_unique<AssignStmt>(l, std::move(lhs), std::move(a.body)));
      a.liftedName = fn->name;
      a.captures = caps;
      lifted.push_back(std::move(fn));
      break;
    }
    default:
      break;
    }
  }

  void liftBlock(Block &b, const std::set<std::string> &scope) {
    for (auto &sp : b) {
      Stmt &s = *sp;
      switch (s.kind) {
      case Stmt::Kind::Expr:
        liftExpr(static_cast<ExprStmt &>(s).expr, scope);
        break;
      case Stmt::Kind::Assign:
        liftExpr(static_cast<AssignStmt &>(s).lhs, scope);
        liftExpr(static_cast<AssignStmt &>(s).rhs, scope);
        break;
      case Stmt::Kind::MultiAssign:
        for (auto &l : static_cast<MultiAssignStmt &>(s).lhs)
          liftExpr(l, scope);
        liftExpr(static_cast<MultiAssignStmt &>(s).rhs, scope);
        break;
      case Stmt::Kind::If:
        for (auto &c : static_cast<IfStmt &>(s).clauses) {
          liftExpr(c.cond, scope);
          liftBlock(c.body, scope);
        }
        break;
      case Stmt::Kind::For:
        liftExpr(static_cast<ForStmt &>(s).range, scope);
        liftBlock(static_cast<ForStmt &>(s).body, scope);
        break;
      case Stmt::Kind::While:
        liftExpr(static_cast<WhileStmt &>(s).cond, scope);
        liftBlock(static_cast<WhileStmt &>(s).body, scope);
        break;
      case Stmt::Kind::Switch: {
        auto &sw = static_cast<SwitchStmt &>(s);
        liftExpr(sw.subject, scope);
        for (auto &c : sw.cases) {
          liftExpr(c.value, scope);
          liftBlock(c.body, scope);
        }
        break;
      }
      case Stmt::Kind::TryCatch:
        liftBlock(static_cast<TryCatchStmt &>(s).tryBody, scope);
        liftBlock(static_cast<TryCatchStmt &>(s).catchBody, scope);
        break;
      default:
        break;
      }
    }
  }

  File &file;
  std::vector<std::unique_ptr<Function>> lifted;
  int counter = 0;
};

} // namespace

void sema::liftAnonymousFunctions(File &file) {
  for (auto &f : file.functions)
    if (f->name.rfind("__anon_", 0) == 0)
      return; // already lifted
  Lifter(file).run();
}

//===----------------------------------------------------------------------===//
// Program
//===----------------------------------------------------------------------===//

Program::Program(File &file, bool repl, std::set<std::string> *workspace)
    : file_(file), repl_(repl) {
  liftAnonymousFunctions(file);
  collectAssigned(file.script, scriptScope_.vars);
  if (repl && workspace) {
    scriptScope_.vars.insert(workspace->begin(), workspace->end());
    *workspace = scriptScope_.vars;
  }
  for (auto &fn : file.functions) {
    Scope &sc = scopes_[fn.get()];
    for (auto &p : fn->params)
      if (p != "~")
        sc.vars.insert(p);
    for (auto &o : fn->outputs)
      sc.vars.insert(o);
    collectAssigned(fn->body, sc.vars);
  }
  auto entry = std::make_unique<Specialization>();
  if (file.isScript || file.functions.empty()) {
    entry->isScript = true;
    entry->mangledName = "__runmat_script";
  } else {
    entry->fn = file.functions.front().get();
    entry->nargout = 0;
    entry->mangledName = "__runmat_main";
  }
  specs_.push_back(std::move(entry));
  infer();
}

const Function *Program::findFunction(const std::string &name) const {
  for (auto &fn : file_.functions)
    if (fn->name == name)
      return fn.get();
  return nullptr;
}

const Scope &Program::scope(const Function *fn) const {
  if (!fn)
    return scriptScope_;
  return scopes_.at(fn);
}

Specialization &Program::specialize(const Function *fn, const std::vector<Ty> &args,
                                    int nargout) {
  std::vector<Ty> key = args;
  for (Ty &t : key)
    if (t == Ty::Bottom)
      t = Ty::Any;
  for (auto &s : specs_)
    if (!s->isScript && s->fn == fn && s->argTys == key && s->nargout == nargout &&
        s->mangledName != "__runmat_main")
      return *s;
  auto s = std::make_unique<Specialization>();
  s->fn = fn;
  s->argTys = key;
  s->nargout = nargout;
  std::string m = fn->name + "__" + std::to_string(nargout) + "_";
  for (Ty t : key)
    m += tyName(t)[0];
  s->mangledName = m;
  s->resultTys.assign(std::max(nargout, 1), Ty::Bottom);
  specs_.push_back(std::move(s));
  changed_ = true;
  return *specs_.back();
}

void Program::infer() {
  // Specializations may be added while iterating: index, don't iterate.
  for (int round = 0; round < 100; ++round) {
    changed_ = false;
    for (size_t i = 0; i < specs_.size(); ++i)
      inferSpec(*specs_[i]);
    if (!changed_)
      break;
  }
  // What never got a type is boxed (read before assignment, or unreachable).
  for (auto &s : specs_) {
    for (auto &[n, t] : s->vars)
      if (t == Ty::Bottom)
        t = Ty::Any;
    for (Ty &t : s->resultTys)
      if (t == Ty::Bottom)
        t = Ty::Any;
  }
}

void Program::assign(Specialization &s, const std::string &name, Ty t,
                     bool nonNegative) {
  if (repl_ && s.isScript)
    t = Ty::Any;
  if (!nonNegative && s.maybeNegative.insert(name).second)
    changed_ = true;
  Ty &cur = s.vars[name];
  Ty j = join(cur, t);
  if (j != cur) {
    cur = j;
    changed_ = true;
  }
}

void Program::inferSpec(Specialization &s) {
  s.inferred = true;
  const Function *fn = s.fn;
  if (fn) {
    bool variadic = isVariadicIn(fn);
    size_t fixed = variadic ? fn->params.size() - 1 : fn->params.size();
    for (size_t i = 0; i < fixed && i < s.argTys.size(); ++i)
      if (fn->params[i] != "~")
        assign(s, fn->params[i], s.argTys[i]);
    if (variadic)
      assign(s, "varargin", Ty::Any);
    for (auto &o : fn->outputs)
      s.vars.emplace(o, Ty::Bottom);
    // A statement call returns its first output boxed, or nothing.
    if (s.nargout == 0 && !fn->outputs.empty())
      assign(s, fn->outputs.front(), Ty::Any);
  }
  for (auto &n : scope(fn).vars)
    s.vars.emplace(n, Ty::Bottom);
  {
    // At the prompt, any later input may read a loop variable.
    const ast::Block &body = s.isScript ? file_.script : fn->body;
    std::set<std::string> later;
    if (repl_ && s.isScript)
      collectAssigned(body, later);
    else if (fn)
      later.insert(fn->outputs.begin(), fn->outputs.end());
    s.zeroTripVars = loopVarsReadAfterLoop(
        body, std::vector<std::string>(later.begin(), later.end()));
  }
  if (repl_ && s.isScript)
    for (auto &[n, t] : s.vars)
      t = Ty::Any;
  // A local fixpoint first (loops carry types around).
  for (int i = 0; i < 50; ++i) {
    bool before = changed_;
    changed_ = false;
    inferBlock(s, s.isScript ? file_.script : fn->body);
    bool grew = changed_;
    changed_ = before || grew;
    if (!grew)
      break;
  }
  if (fn) {
    size_t nres = std::max(s.nargout, 1);
    for (size_t k = 0; k < nres; ++k) {
      Ty t = Ty::Any;
      bool fromVarargout = !fn->outputs.empty() && fn->outputs.back() == "varargout" &&
                           k + 1 >= fn->outputs.size();
      if (s.nargout > 0 && k < fn->outputs.size() && !fromVarargout)
        t = s.vars[fn->outputs[k]];
      if (s.nargout == 0)
        t = Ty::Any; // statement call: optional boxed result
      if (k < s.resultTys.size() && s.resultTys[k] != t) {
        s.resultTys[k] = t;
        changed_ = true;
      }
    }
  }
}

void Program::inferBlock(Specialization &s, const Block &block) {
  for (auto &stmt : block) {
    switch (stmt->kind) {
    case Stmt::Kind::Expr: {
      // A call statement is a call with nargout = 0.
      const Expr &e = *static_cast<ExprStmt &>(*stmt).expr;
      const Expr *base = e.kind == Expr::Kind::Index
                             ? static_cast<const IndexExpr &>(e).base.get()
                             : &e;
      if (base->kind == Expr::Kind::Identifier &&
          !scope(s.fn).isVar(static_cast<const IdentifierExpr &>(*base).name)) {
        std::vector<const Expr *> args;
        if (e.kind == Expr::Kind::Index)
          for (auto &a : static_cast<const IndexExpr &>(e).args)
            args.push_back(a.get());
        (void)callTypes(s, static_cast<const IdentifierExpr &>(*base).name, args, 0);
      } else {
        (void)exprTy(s, e);
      }
      assign(s, "ans", Ty::Any);
      break;
    }
    case Stmt::Kind::Assign: {
      auto &a = static_cast<AssignStmt &>(*stmt);
      Ty rhs = exprTy(s, *a.rhs);
      if (a.lhs->kind == Expr::Kind::Identifier) {
        assign(s, static_cast<IdentifierExpr &>(*a.lhs).name, rhs,
               nonNegative(s, *a.rhs));
      } else if (a.lhs->kind == Expr::Kind::Index &&
                 static_cast<IndexExpr &>(*a.lhs).base->kind ==
                     Expr::Kind::Identifier) {
        auto &ix = static_cast<IndexExpr &>(*a.lhs);
        for (auto &arg : ix.args)
          (void)exprTy(s, *arg);
        auto &name = static_cast<IdentifierExpr &>(*ix.base).name;
        // A(i) = double keeps (or makes) a double array; other classes may
        // change the class of an empty A.
        bool doubleRhs = rhs == Ty::Num || rhs == Ty::DArr ||
                         isEmptyMatrixLiteral(*a.rhs);
        Ty cur = s.vars[name];
        assign(s, name, doubleRhs && cur != Ty::Any ? Ty::DArr : Ty::Any);
      } else if (auto *id = rootIdentifier(a.lhs.get())) {
        assign(s, id->name, Ty::Any);
      }
      break;
    }
    case Stmt::Kind::MultiAssign: {
      auto &m = static_cast<MultiAssignStmt &>(*stmt);
      std::vector<Ty> outs;
      int nout = (int)m.lhs.size();
      const IdentifierExpr *callee = nullptr;
      if (m.rhs->kind == Expr::Kind::Index || m.rhs->kind == Expr::Kind::Identifier) {
        std::vector<const Expr *> args;
        if (m.rhs->kind == Expr::Kind::Identifier) {
          callee = static_cast<IdentifierExpr *>(m.rhs.get());
        } else {
          auto &ix = static_cast<IndexExpr &>(*m.rhs);
          if (ix.base->kind == Expr::Kind::Identifier)
            callee = static_cast<IdentifierExpr *>(ix.base.get());
          for (auto &arg : ix.args)
            args.push_back(arg.get());
        }
        if (callee && !scope(s.fn).isVar(callee->name))
          outs = callTypes(s, callee->name, args, nout);
      }
      for (int k = 0; k < nout; ++k) {
        if (!m.lhs[k])
          continue;
        Ty t = k < (int)outs.size() ? outs[k] : Ty::Any;
        // [m, n] = size(A): dimensions are >= 0.
        bool dims = t == Ty::Num && callee && callee->name == "size" &&
                    !scope(s.fn).isVar("size") && !findFunction("size");
        if (m.lhs[k]->kind == Expr::Kind::Identifier)
          assign(s, static_cast<IdentifierExpr &>(*m.lhs[k]).name, t, dims);
        else if (auto *id = rootIdentifier(m.lhs[k].get()))
          assign(s, id->name, Ty::Any);
      }
      break;
    }
    case Stmt::Kind::If:
      for (auto &c : static_cast<IfStmt &>(*stmt).clauses) {
        if (c.cond)
          (void)exprTy(s, *c.cond);
        inferBlock(s, c.body);
      }
      break;
    case Stmt::Kind::For: {
      auto &f = static_cast<ForStmt &>(*stmt);
      Ty t = Ty::Any;
      bool nonneg = false;
      if (f.range->kind == Expr::Kind::Range) {
        auto &r = static_cast<RangeExpr &>(*f.range);
        bool num = exprTy(s, *r.start) == Ty::Num && exprTy(s, *r.stop) == Ty::Num &&
                   (!r.step || exprTy(s, *r.step) == Ty::Num);
        t = num ? Ty::Num : exprTy(s, *f.range) == Ty::DArr ? Ty::DArr : Ty::Any;
        // The elements lie between the two ends.
        nonneg = num && nonNegative(s, *r.start) && nonNegative(s, *r.stop);
      } else {
        Ty rt = exprTy(s, *f.range);
        t = rt == Ty::Num ? Ty::Num : rt == Ty::DArr ? Ty::DArr : Ty::Any;
      }
      assign(s, f.var, t, nonneg);
      if (s.zeroTripVars.count(f.var))
        assign(s, f.var, Ty::DArr);
      inferBlock(s, f.body);
      break;
    }
    case Stmt::Kind::While: {
      auto &w = static_cast<WhileStmt &>(*stmt);
      (void)exprTy(s, *w.cond);
      inferBlock(s, w.body);
      break;
    }
    case Stmt::Kind::Switch: {
      auto &sw = static_cast<SwitchStmt &>(*stmt);
      (void)exprTy(s, *sw.subject);
      for (auto &c : sw.cases) {
        if (c.value)
          (void)exprTy(s, *c.value);
        inferBlock(s, c.body);
      }
      break;
    }
    case Stmt::Kind::TryCatch: {
      auto &t = static_cast<TryCatchStmt &>(*stmt);
      inferBlock(s, t.tryBody);
      if (!t.catchVar.empty())
        assign(s, t.catchVar, Ty::Any);
      inferBlock(s, t.catchBody);
      break;
    }
    case Stmt::Kind::Global:
    case Stmt::Kind::Persistent:
      for (auto &n : static_cast<DeclStmt &>(*stmt).names)
        assign(s, n, Ty::Any);
      break;
    default:
      break;
    }
  }
}

Ty Program::typeOf(const Specialization &s, const Expr &e) const {
  Ty t = exprTy(s, e);
  return t == Ty::Bottom ? Ty::Any : t;
}

std::vector<Ty> Program::callTypes(const Specialization &s, const std::string &name,
                                   const std::vector<const Expr *> &args,
                                   int nargout) const {
  std::vector<Ty> at;
  for (auto *a : args)
    at.push_back(exprTy(s, *a));
  if (const Function *fn = findFunction(name)) {
    auto &callee = const_cast<Program *>(this)->specialize(fn, at, nargout);
    return callee.resultTys;
  }
  // sqrt, log, ... of a real scalar known to be >= 0 stay real.
  static const std::set<std::string> realOnNonNegative = {
      "sqrt", "log", "log2", "log10", "realsqrt", "reallog", "nthroot"};
  if (nargout >= 1 && realOnNonNegative.count(name) && !args.empty() &&
      (at[0] == Ty::Num || at[0] == Ty::Bool) && nonNegative(s, *args[0]) &&
      (args.size() == 1 || (name == "nthroot" && args.size() == 2 &&
                            at[1] == Ty::Num))) {
    std::vector<Ty> r(std::max(nargout, 1), Ty::Any);
    r[0] = Ty::Num;
    return r;
  }
  return builtinTypes(name, at, nargout);
}

bool Program::nonNegative(const Specialization &s, const Expr &e) const {
  auto callName = [&](const Expr &x, std::vector<const Expr *> &args) -> const std::string * {
    const Expr *base = &x;
    if (x.kind == Expr::Kind::Index) {
      base = static_cast<const IndexExpr &>(x).base.get();
      for (auto &a : static_cast<const IndexExpr &>(x).args)
        args.push_back(a.get());
    }
    if (base->kind != Expr::Kind::Identifier)
      return nullptr;
    auto &n = static_cast<const IdentifierExpr &>(*base).name;
    return scope(s.fn).isVar(n) ? nullptr : &n;
  };
  switch (e.kind) {
  case Expr::Kind::Number: {
    auto &n = static_cast<const NumberExpr &>(e);
    return !n.isImag && n.value >= 0;
  }
  case Expr::Kind::End:
    return true;
  case Expr::Kind::Identifier: {
    auto &n = static_cast<const IdentifierExpr &>(e).name;
    if (scope(s.fn).isVar(n)) {
      auto it = s.vars.find(n);
      Ty t = it == s.vars.end() ? Ty::Bottom : it->second;
      return (t == Ty::Num || t == Ty::Bool || t == Ty::Bottom) &&
             !s.maybeNegative.count(n);
    }
    break; // a call without arguments: below
  }
  case Expr::Kind::Binary: {
    auto &b = static_cast<const BinaryExpr &>(e);
    switch (b.op) {
    case BinOp::Plus:
    case BinOp::Times:
    case BinOp::MTimes:
    case BinOp::RDivide:
    case BinOp::MRDivide:
    case BinOp::LDivide:
    case BinOp::MLDivide:
      return nonNegative(s, *b.lhs) && nonNegative(s, *b.rhs);
    case BinOp::Power:
    case BinOp::MPower: {
      if (nonNegative(s, *b.lhs))
        return true;
      if (b.rhs->kind == Expr::Kind::Number) { // x^2, x^4: even powers
        double v = static_cast<const NumberExpr &>(*b.rhs).value;
        return std::fmod(v, 2.0) == 0;
      }
      return false;
    }
    case BinOp::Eq: case BinOp::Ne: case BinOp::Lt: case BinOp::Le:
    case BinOp::Gt: case BinOp::Ge: case BinOp::And: case BinOp::Or:
    case BinOp::AndAnd: case BinOp::OrOr:
      return true; // logical 0 or 1
    default:
      return false;
    }
  }
  case Expr::Kind::Unary: {
    auto &u = static_cast<const UnaryExpr &>(e);
    return u.op == UnOp::Not ||
           (u.op == UnOp::Plus && nonNegative(s, *u.operand));
  }
  case Expr::Kind::Postfix:
    return nonNegative(s, *static_cast<const PostfixExpr &>(e).operand);
  default:
    break;
  }
  std::vector<const Expr *> args;
  const std::string *name = callName(e, args);
  if (!name)
    return false;
  const std::string &n = *name;
  if (findFunction(n))
    return false;
  // Results that are never negative, and functions that keep a
  // nonnegative argument nonnegative.
  static const std::set<std::string> always = {
      "numel", "length", "ndims", "abs", "exp", "hypot", "norm", "toc",
      "pi", "eps", "Inf", "inf", "nnz", "rank", "realmax", "realmin",
      "intmax", "flintmax", "isempty", "isscalar", "nargin", "nargout"};
  static const std::set<std::string> preserving = {
      "floor", "ceil", "round", "fix", "double", "real", "sqrt"};
  if (always.count(n))
    return true;
  if (preserving.count(n) && args.size() == 1)
    return nonNegative(s, *args[0]);
  if (n == "size" && args.size() == 2)
    return true;
  // max ignores NaN: max(NaN, -1) is -1, so one nonnegative argument is
  // enough only when it is a number (never NaN).
  auto nonNegativeNumber = [](const Expr *x) {
    return x->kind == Expr::Kind::Number &&
           !static_cast<const NumberExpr *>(x)->isImag &&
           static_cast<const NumberExpr *>(x)->value >= 0;
  };
  if (n == "max" && args.size() == 2)
    return nonNegativeNumber(args[0]) || nonNegativeNumber(args[1]) ||
           (nonNegative(s, *args[0]) && nonNegative(s, *args[1]));
  if (n == "min" && args.size() == 2)
    return nonNegative(s, *args[0]) && nonNegative(s, *args[1]);
  if (n == "mod" && args.size() == 2 && args[1]->kind == Expr::Kind::Number)
    return static_cast<const NumberExpr &>(*args[1]).value > 0;
  return false;
}

Ty Program::exprTy(const Specialization &s, const Expr &e) const {
  auto arith = [](Ty a, Ty b) {
    if (a == Ty::Bottom || b == Ty::Bottom)
      return Ty::Bottom;
    bool sa = a == Ty::Num || a == Ty::Bool, sb = b == Ty::Num || b == Ty::Bool;
    if (sa && sb)
      return Ty::Num;
    if ((sa || a == Ty::DArr) && (sb || b == Ty::DArr))
      return Ty::DArr;
    return Ty::Any;
  };
  switch (e.kind) {
  case Expr::Kind::Number:
    return static_cast<const NumberExpr &>(e).isImag ? Ty::Any : Ty::Num;
  case Expr::Kind::String:
  case Expr::Kind::Colon:
    return Ty::Any;
  case Expr::Kind::End:
    return Ty::Num;
  case Expr::Kind::Identifier: {
    auto &id = static_cast<const IdentifierExpr &>(e);
    if (scope(s.fn).isVar(id.name)) {
      auto it = s.vars.find(id.name);
      return it == s.vars.end() ? Ty::Bottom : it->second;
    }
    if (s.fn && (id.name == "nargin" || id.name == "nargout"))
      return Ty::Num;
    return callTypes(s, id.name, {}, 1)[0];
  }
  case Expr::Kind::Binary: {
    auto &b = static_cast<const BinaryExpr &>(e);
    Ty l = exprTy(s, *b.lhs), r = exprTy(s, *b.rhs);
    switch (b.op) {
    case BinOp::AndAnd:
    case BinOp::OrOr:
      return Ty::Bool;
    case BinOp::Eq:
    case BinOp::Ne:
    case BinOp::Lt:
    case BinOp::Le:
    case BinOp::Gt:
    case BinOp::Ge:
    case BinOp::And:
    case BinOp::Or: {
      Ty a = arith(l, r);
      return a == Ty::Num ? Ty::Bool : a == Ty::Bottom ? Ty::Bottom : Ty::Any;
    }
    case BinOp::Power:
    case BinOp::MPower: {
      // A negative base with a fractional exponent is complex: only a
      // constant integer exponent keeps a real scalar.
      Ty a = arith(l, r);
      if (a != Ty::Num)
        return a == Ty::Bottom ? Ty::Bottom : Ty::Any;
      if (b.rhs->kind == Expr::Kind::Number) {
        double v = static_cast<const NumberExpr &>(*b.rhs).value;
        if (v == (double)(long long)v)
          return Ty::Num;
      }
      return Ty::Any;
    }
    default:
      return arith(l, r);
    }
  }
  case Expr::Kind::Unary: {
    auto &u = static_cast<const UnaryExpr &>(e);
    Ty t = exprTy(s, *u.operand);
    if (u.op == UnOp::Not)
      return t == Ty::Num || t == Ty::Bool ? Ty::Bool
             : t == Ty::Bottom             ? Ty::Bottom
                                           : Ty::Any;
    if (t == Ty::Bool)
      return Ty::Num;
    return t;
  }
  case Expr::Kind::Postfix:
    return exprTy(s, *static_cast<const PostfixExpr &>(e).operand);
  case Expr::Kind::Range: {
    auto &r = static_cast<const RangeExpr &>(e);
    Ty t = exprTy(s, *r.start);
    t = arith(t, exprTy(s, *r.stop));
    if (r.step)
      t = arith(t, exprTy(s, *r.step));
    return t == Ty::Num || t == Ty::DArr ? Ty::DArr : t;
  }
  case Expr::Kind::Matrix: {
    auto &m = static_cast<const MatrixExpr &>(e);
    Ty t = Ty::DArr;
    for (auto &row : m.rows)
      for (auto &el : row) {
        Ty et = exprTy(s, *el);
        if (et == Ty::Bottom)
          return Ty::Bottom;
        if (et == Ty::Any)
          t = Ty::Any;
      }
    // [true false] is logical, not double.
    bool allBool = true, any = false;
    for (auto &row : m.rows)
      for (auto &el : row) {
        any = true;
        allBool &= exprTy(s, *el) == Ty::Bool;
      }
    if (any && allBool)
      return Ty::Any;
    return t;
  }
  case Expr::Kind::Index: {
    auto &ix = static_cast<const IndexExpr &>(e);
    if (ix.base->kind == Expr::Kind::Identifier) {
      auto &id = static_cast<const IdentifierExpr &>(*ix.base);
      if (scope(s.fn).isVar(id.name)) {
        Ty bt = exprTy(s, *ix.base);
        if (bt == Ty::Bottom)
          return Ty::Bottom;
        bool numArgs = !ix.args.empty() && ix.args.size() <= 2;
        for (auto &a : ix.args) {
          Ty at = exprTy(s, *a);
          numArgs &= at == Ty::Num;
        }
        if (bt == Ty::DArr && numArgs)
          return Ty::Num;
        if (bt == Ty::DArr || bt == Ty::Num)
          return Ty::DArr;
        return Ty::Any;
      }
      std::vector<const Expr *> args;
      for (auto &a : ix.args)
        args.push_back(a.get());
      return callTypes(s, id.name, args, 1)[0];
    }
    for (auto &a : ix.args)
      (void)exprTy(s, *a);
    return Ty::Any;
  }
  default:
    return Ty::Any;
  }
}
