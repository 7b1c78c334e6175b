//===- ASTUtils.h - Small queries on the AST --------------------*- C++ -*-===//
#ifndef RUNMAT_FRONTEND_ASTUTILS_H
#define RUNMAT_FRONTEND_ASTUTILS_H

#include "runmat/Frontend/AST.h"

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace runmat::ast {

/// The identifier at the root of an assignment target (x in x(1).a{2}), or
/// null when the expression cannot be assigned to.
const IdentifierExpr *rootIdentifier(const Expr *e);

/// Adds the names a block assigns: assignment targets, `for` variables,
/// `catch` variables, `global`/`persistent` names, and `ans` for expression
/// statements (nested blocks included).
void collectAssigned(const Block &b, std::set<std::string> &out);

/// Calls fn on every name an expression reads (identifiers, including
/// calls; a lifted anonymous function reads its captures).
void forEachName(const Expr &e,
                 const std::function<void(const std::string &)> &fn);

/// The `for` variables of a body that some statement may read after their
/// loop has run (any read outside a loop over the same variable, and the
/// function's outputs): a loop that runs zero times must leave them empty.
std::set<std::string> loopVarsReadAfterLoop(const Block &body,
                                            const std::vector<std::string> &outputs);

} // namespace runmat::ast

#endif // RUNMAT_FRONTEND_ASTUTILS_H
