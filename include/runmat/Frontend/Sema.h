//===- runmat/Frontend/Sema.h - Names and types of a MATLAB file -*- C++ -*-===//
//
// Semantic analysis: resolves every identifier as a variable or a function
// by MATLAB's rules, and infers the class/shape lattice type of every
// variable of every function specialization (a function specialised per
// argument types and nargout). Plain C++: no MLIR.
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_FRONTEND_SEMA_H
#define RUNMAT_FRONTEND_SEMA_H

#include "runmat/Frontend/AST.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace runmat::sema {

/// The type lattice: Bottom < {Num, Bool, DArr} < Any, with Num < DArr.
///  - Num:  a real double scalar, kept as a native f64;
///  - Bool: a logical scalar, kept as a native i1;
///  - DArr: a boxed value known to be a real double array (any size);
///  - Any:  a boxed value of any class.
enum class Ty : uint8_t { Bottom, Num, Bool, DArr, Any };

Ty join(Ty a, Ty b);
const char *tyName(Ty t);
inline bool isBoxed(Ty t) { return t == Ty::DArr || t == Ty::Any; }

/// A function specialization: a user function for one tuple of argument
/// types and one nargout.
struct Specialization {
  const ast::Function *fn = nullptr;
  std::vector<Ty> argTys;
  int nargout = 0;
  std::string mangledName;        // symbol of the compiled function
  std::map<std::string, Ty> vars; // inferred type of each variable
  /// Variables some assignment may make negative (or that are not real
  /// scalars): the others hold only values >= 0 (or NaN), so sqrt, log and
  /// fractional powers of them stay real.
  std::set<std::string> maybeNegative;
  /// `for` variables read after their loop: a loop that runs zero times
  /// assigns them an empty array (1x0 for a range), as MATLAB does.
  std::set<std::string> zeroTripVars;
  std::vector<Ty> resultTys;      // max(nargout, 1) results (0 if none)
  bool isScript = false;
  bool inferred = false;          // inferSpec has run at least once
};

/// Per-function name resolution: the set of names that are variables.
struct Scope {
  std::set<std::string> vars;
  bool isVar(const std::string &n) const { return vars.count(n) != 0; }
};

class Program {
public:
  /// Analyses `file`. In `repl` mode every script variable is boxed (Any)
  /// because the workspace outlives one compilation.
  /// `workspace` (REPL only): names of the persistent workspace's
  /// variables; they are variables here too, and this file's script
  /// variables are added to the set.
  /// Lifts anonymous functions first (the file is changed).
  Program(ast::File &file, bool repl = false,
          std::set<std::string> *workspace = nullptr);

  const ast::File &file() const { return file_; }
  bool repl() const { return repl_; }

  /// The entry specialization (the script, or the main function of a
  /// function file called with no arguments).
  Specialization &entry() { return *specs_.front(); }
  const std::vector<std::unique_ptr<Specialization>> &specializations() const {
    return specs_;
  }

  /// A local function of the file by name, or null.
  const ast::Function *findFunction(const std::string &name) const;
  /// The specialization of `fn` for these argument types and nargout
  /// (created and inferred on first request).
  Specialization &specialize(const ast::Function *fn, const std::vector<Ty> &args,
                             int nargout);

  /// Name resolution for a function (or the script when fn is null).
  const Scope &scope(const ast::Function *fn) const;

  /// The type of an expression in a specialization (after inference).
  Ty typeOf(const Specialization &s, const ast::Expr &e) const;
  /// Result types of a call to `name` with these argument types.
  std::vector<Ty> callTypes(const Specialization &s, const std::string &name,
                            const std::vector<const ast::Expr *> &args,
                            int nargout) const;
  /// Whether `name` names a builtin of the runtime.
  static bool isBuiltin(const std::string &name);

  /// Runs inference to a fixpoint over all specializations.
  void infer();

private:
  void inferSpec(Specialization &s);
  void inferBlock(Specialization &s, const ast::Block &b);
  /// Joins `t` into the variable's type; `nonNegative`: the value is known
  /// to be >= 0 or NaN (otherwise the variable may be negative).
  void assign(Specialization &s, const std::string &name, Ty t,
              bool nonNegative = false);
  Ty exprTy(const Specialization &s, const ast::Expr &e) const;
  /// Whether a real scalar expression is known to be >= 0 (or NaN).
  bool nonNegative(const Specialization &s, const ast::Expr &e) const;
  bool isVariadicIn(const ast::Function *fn) const;

  const ast::File &file_;
  bool repl_;
  std::vector<std::unique_ptr<Specialization>> specs_;
  std::map<const ast::Function *, Scope> scopes_;
  Scope scriptScope_;
  bool changed_ = false;
};

/// Lambda lifting: every anonymous function becomes a local function
/// `__anon_N(captures..., params...)` returning its body's value; the
/// AnonFuncExpr keeps the lifted name and the captured names. Free names
/// of the body that are variables of the enclosing scope are captured.
void liftAnonymousFunctions(ast::File &file);

/// True when the expression is the literal `[]`.
bool isEmptyMatrixLiteral(const ast::Expr &e);

} // namespace runmat::sema

#endif
