//===- PathResolver.cpp - Functions from other .m files on the path -------===//
//
// See PathResolver.h. A name used in a function counts as a call candidate
// when the function never assigns it (assigned names are variables); a
// candidate that is neither defined in the program nor already linked is
// looked up as NAME.m in each search folder.
//
//===----------------------------------------------------------------------===//
#include "runmat/Frontend/PathResolver.h"

#include "runmat/Frontend/ASTUtils.h"
#include "runmat/Frontend/Diagnostics.h"
#include "runmat/Frontend/Parser.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace runmat;
using namespace runmat::ast;

namespace {

/// Calls fn on every expression slot of a block (pre-order; nested blocks
/// and sub-expressions included) and onCmd on every command statement.
struct Walker {
  std::function<void(ExprPtr &)> onExpr;
  std::function<void(CommandStmt &)> onCmd;

  void expr(ExprPtr &p) {
    if (!p)
      return;
    onExpr(p);
    Expr &e = *p;
    switch (e.kind) {
    case Expr::Kind::Binary:
      expr(static_cast<BinaryExpr &>(e).lhs);
      expr(static_cast<BinaryExpr &>(e).rhs);
      break;
    case Expr::Kind::Unary:
      expr(static_cast<UnaryExpr &>(e).operand);
      break;
    case Expr::Kind::Postfix:
      expr(static_cast<PostfixExpr &>(e).operand);
      break;
    case Expr::Kind::Range: {
      auto &r = static_cast<RangeExpr &>(e);
      expr(r.start);
      expr(r.step);
      expr(r.stop);
      break;
    }
    case Expr::Kind::Index:
      expr(static_cast<IndexExpr &>(e).base);
      for (auto &a : static_cast<IndexExpr &>(e).args)
        expr(a);
      break;
    case Expr::Kind::CellIndex:
      expr(static_cast<CellIndexExpr &>(e).base);
      for (auto &a : static_cast<CellIndexExpr &>(e).args)
        expr(a);
      break;
    case Expr::Kind::Field:
      expr(static_cast<FieldExpr &>(e).base);
      break;
    case Expr::Kind::DynField:
      expr(static_cast<DynFieldExpr &>(e).base);
      expr(static_cast<DynFieldExpr &>(e).name);
      break;
    case Expr::Kind::Matrix:
      for (auto &row : static_cast<MatrixExpr &>(e).rows)
        for (auto &x : row)
          expr(x);
      break;
    case Expr::Kind::Cell:
      for (auto &row : static_cast<CellExpr &>(e).rows)
        for (auto &x : row)
          expr(x);
      break;
    case Expr::Kind::AnonFunc:
      expr(static_cast<AnonFuncExpr &>(e).body);
      break;
    default:
      break;
    }
  }

  void block(Block &b) {
    for (auto &sp : b) {
      Stmt &s = *sp;
      switch (s.kind) {
      case Stmt::Kind::Expr:
        expr(static_cast<ExprStmt &>(s).expr);
        break;
      case Stmt::Kind::Assign:
        expr(static_cast<AssignStmt &>(s).lhs);
        expr(static_cast<AssignStmt &>(s).rhs);
        break;
      case Stmt::Kind::MultiAssign:
        for (auto &l : static_cast<MultiAssignStmt &>(s).lhs)
          expr(l);
        expr(static_cast<MultiAssignStmt &>(s).rhs);
        break;
      case Stmt::Kind::If:
        for (auto &c : static_cast<IfStmt &>(s).clauses) {
          expr(c.cond);
          block(c.body);
        }
        break;
      case Stmt::Kind::For:
        expr(static_cast<ForStmt &>(s).range);
        block(static_cast<ForStmt &>(s).body);
        break;
      case Stmt::Kind::While:
        expr(static_cast<WhileStmt &>(s).cond);
        block(static_cast<WhileStmt &>(s).body);
        break;
      case Stmt::Kind::Switch: {
        auto &sw = static_cast<SwitchStmt &>(s);
        expr(sw.subject);
        for (auto &c : sw.cases) {
          expr(c.value);
          block(c.body);
        }
        break;
      }
      case Stmt::Kind::TryCatch:
        block(static_cast<TryCatchStmt &>(s).tryBody);
        block(static_cast<TryCatchStmt &>(s).catchBody);
        break;
      case Stmt::Kind::Command:
        if (onCmd)
          onCmd(static_cast<CommandStmt &>(s));
        break;
      default:
        break;
      }
    }
  }
};

std::set<std::string> variablesOf(const Block &body, const Function *fn) {
  std::set<std::string> vars;
  collectAssigned(body, vars);
  if (fn) {
    vars.insert(fn->params.begin(), fn->params.end());
    vars.insert(fn->outputs.begin(), fn->outputs.end());
  }
  return vars;
}

/// Applies fn to every name a body may call: identifiers that are not its
/// variables (nor an anonymous function's parameters: approximated by the
/// variable set plus all anonymous parameters), `@name`, command words.
void forEachCallName(Block &body, const Function *fn,
                     const std::function<void(std::string &)> &apply) {
  std::set<std::string> vars = variablesOf(body, fn);
  Walker w;
  w.onExpr = [&](ExprPtr &p) {
    if (p->kind == Expr::Kind::AnonFunc)
      for (auto &n : static_cast<AnonFuncExpr &>(*p).params)
        vars.insert(n);
  };
  w.block(body); // first pass: collect anonymous parameters
  w.onExpr = [&](ExprPtr &p) {
    if (p->kind == Expr::Kind::Identifier) {
      auto &n = static_cast<IdentifierExpr &>(*p).name;
      if (!vars.count(n))
        apply(n);
    } else if (p->kind == Expr::Kind::Index) {
      // feval('name', ...) and str2func('name') name a function in text:
      // applied to a copy (the text itself is never rewritten).
      auto &ix = static_cast<IndexExpr &>(*p);
      if (ix.base->kind == Expr::Kind::Identifier && !ix.args.empty() &&
          ix.args[0]->kind == Expr::Kind::String) {
        auto &callee = static_cast<IdentifierExpr &>(*ix.base).name;
        if ((callee == "feval" || callee == "str2func") && !vars.count(callee)) {
          std::string text = static_cast<StringExpr &>(*ix.args[0]).value;
          apply(text);
        }
      }
    } else if (p->kind == Expr::Kind::FuncHandle) {
      apply(static_cast<FuncHandleExpr &>(*p).name);
    }
  };
  w.onCmd = [&](CommandStmt &c) {
    if (!vars.count(c.name))
      apply(c.name);
  };
  w.block(body);
}

std::string dirOf(const std::string &path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos)
    return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

bool isDir(const std::string &p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool isFile(const std::string &p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

/// The names (without .m) of the .m files in a folder, sorted.
std::vector<std::string> mFilesIn(const std::string &dir) {
  std::vector<std::string> out;
  if (DIR *d = opendir(dir.c_str())) {
    while (dirent *e = readdir(d)) {
      std::string n = e->d_name;
      if (n.size() > 2 && n.compare(n.size() - 2, 2, ".m") == 0)
        out.push_back(n.substr(0, n.size() - 2));
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool validName(const std::string &n) {
  if (n.empty() || !(std::isalpha((unsigned char)n[0])))
    return false;
  for (char c : n)
    if (!(std::isalnum((unsigned char)c) || c == '_'))
      return false;
  return true;
}

} // namespace

std::vector<std::string> runmat::searchPath(const File &file,
                                            const std::string &mainPath) {
  std::vector<std::string> dirs;
  auto add = [&](const std::string &d) {
    if (isDir(d) && std::find(dirs.begin(), dirs.end(), d) == dirs.end())
      dirs.push_back(d);
  };
  std::string mainDir = dirOf(mainPath);
  add(mainDir);
  add(".");
  // addpath('a', 'b', ...) and `addpath a` with constant text.
  std::vector<std::string> added;
  Walker w;
  w.onExpr = [&](ExprPtr &p) {
    if (p->kind != Expr::Kind::Index)
      return;
    auto &call = static_cast<IndexExpr &>(*p);
    if (!call.base || call.base->kind != Expr::Kind::Identifier ||
        static_cast<IdentifierExpr &>(*call.base).name != "addpath")
      return;
    for (auto &a : call.args)
      if (a->kind == Expr::Kind::String)
        added.push_back(static_cast<StringExpr &>(*a).value);
  };
  w.onCmd = [&](CommandStmt &c) {
    if (c.name == "addpath")
      added.insert(added.end(), c.args.begin(), c.args.end());
  };
  File &f = const_cast<File &>(file);
  w.block(f.script);
  for (auto &fn : f.functions)
    w.block(fn->body);
  for (const std::string &a : added) {
    if (a.empty() || a[0] == '-') // '-begin', '-end', '-frozen' flags
      continue;
    // One argument may hold several folders separated by pathsep.
    std::stringstream ss(a);
    std::string d;
    while (std::getline(ss, d, ':')) {
      if (d.empty())
        continue;
      if (d[0] == '/' || isDir(d))
        add(d);
      else
        add(mainDir + "/" + d);
    }
  }
  return dirs;
}

bool runmat::linkPathFunctions(File &file, const std::string &mainPath,
                               std::string &error) {
  std::vector<std::string> dirs = searchPath(file, mainPath);
  std::set<std::string> defined;
  for (auto &fn : file.functions)
    defined.insert(fn->name);
  std::set<std::string> tried;
  std::vector<std::string> pending;
  auto want = [&](std::string &n) {
    if (!defined.count(n) && !tried.count(n) && validName(n)) {
      tried.insert(n);
      pending.push_back(n);
    }
  };
  forEachCallName(file.script, nullptr, want);
  for (size_t i = 0; i < file.functions.size(); ++i)
    forEachCallName(file.functions[i]->body, file.functions[i].get(), want);
  // A program that names functions in text at run time (feval, str2func)
  // may call any function file on the path: all of them are linked, and
  // those that do not parse are left out (their names stay unknown).
  std::set<std::string> speculative;
  if (looksUpFunctionsByName(file))
    for (const std::string &d : dirs)
      for (std::string n : mFilesIn(d))
        if (!defined.count(n) && !tried.count(n) && validName(n)) {
          speculative.insert(n);
          want(n);
        }

  while (!pending.empty()) {
    std::string name = pending.back();
    pending.pop_back();
    std::string path;
    for (const std::string &d : dirs)
      if (isFile(d + "/" + name + ".m")) {
        path = d + "/" + name + ".m";
        break;
      }
    if (path.empty() || path == mainPath)
      continue;
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string source = ss.str();
    std::vector<Diagnostic> diags;
    std::unique_ptr<File> other = parseFile(path, source, diags);
    if (!other && speculative.count(name))
      continue;
    if (!other) {
      if (diags.empty())
        diags.push_back(Diagnostic{Location{1, 1}, "Invalid input."});
      error = formatDiagnostic(path, source, diags.front());
      return false;
    }
    if (other->isScript || other->functions.empty())
      continue; // calling a script by name is not supported
    // Local functions of that file: private to it, renamed FILE>LOCAL.
    std::map<std::string, std::string> renamed;
    for (size_t k = 1; k < other->functions.size(); ++k)
      renamed[other->functions[k]->name] = name + ">" + other->functions[k]->name;
    for (size_t k = 0; k < other->functions.size(); ++k) {
      Function &fn = *other->functions[k];
      forEachCallName(fn.body, &fn, [&](std::string &n) {
        auto it = renamed.find(n);
        if (it != renamed.end())
          n = it->second;
        else
          want(n);
      });
      fn.sourcePath = path;
      fn.displayName = k == 0 ? name : fn.name;
      if (k == 0)
        fn.name = name; // the file name wins over the function line
      else
        fn.name = renamed[fn.name];
      defined.insert(fn.name);
    }
    for (auto &fn : other->functions)
      file.functions.push_back(std::move(fn));
  }
  return true;
}

bool runmat::looksUpFunctionsByName(const File &cfile) {
  // forEachCallName may rewrite names for its callers; `check` does not.
  File &file = const_cast<File &>(cfile);
  bool found = false;
  auto check = [&](std::string &n) {
    found |= n == "feval" || n == "str2func";
  };
  forEachCallName(file.script, nullptr, check);
  for (auto &fn : file.functions)
    forEachCallName(fn->body, fn.get(), check);
  return found;
}
