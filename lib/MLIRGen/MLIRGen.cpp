//===- MLIRGen.cpp - Emit the runmat dialect from the AST -----------------===//
//
// One func.func per specialization (sema::Program). Control flow is emitted
// as cf branches (MATLAB's break/continue/return map directly onto them);
// variables are runmat slots that LLVM promotes to registers. Owned values
// (+1) produced inside a statement are released at its end; loads are
// borrowed.
//
//===----------------------------------------------------------------------===//
#include "runmat/MLIRGen/MLIRGen.h"

#include "RunMat/RunMatDialect.h"
#include "RunMat/RunMatOps.h"
#include "runmat/Frontend/AST.h"
#include "runmat/Frontend/ASTUtils.h"
#include "runmat/Frontend/PathResolver.h"
#include "runmat/Frontend/Sema.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Verifier.h"

#include <fnmatch.h>

#include <algorithm>
#include <deque>
#include <map>
#include <filesystem>
#include <regex>

using namespace mlir;
using namespace runmat;
using namespace runmat::ast;
using MLoc = mlir::Location;
using MBlock = mlir::Block;
using sema::Specialization;
using sema::Ty;

namespace {

/// An emitted expression value with its lattice type.
struct EV {
  Value v;
  Ty ty = Ty::Any;
};

/// The `global` and `persistent` declarations of a body: name -> the key of
/// its shared slot (see runmat.alloc_var).
void collectSharedDecls(const ast::Block &body, const std::string &owner,
                        std::map<std::string, std::string> &out) {
  using ast::Stmt;
  for (auto &sp : body) {
    const Stmt &st = *sp;
    switch (st.kind) {
    case Stmt::Kind::Global:
    case Stmt::Kind::Persistent:
      for (auto &n : static_cast<const ast::DeclStmt &>(st).names)
        out[n] = st.kind == Stmt::Kind::Global ? "global " + n
                                               : "persistent " + owner + ">" + n;
      break;
    case Stmt::Kind::If:
      for (auto &c : static_cast<const ast::IfStmt &>(st).clauses)
        collectSharedDecls(c.body, owner, out);
      break;
    case Stmt::Kind::For:
      collectSharedDecls(static_cast<const ast::ForStmt &>(st).body, owner, out);
      break;
    case Stmt::Kind::While:
      collectSharedDecls(static_cast<const ast::WhileStmt &>(st).body, owner, out);
      break;
    case Stmt::Kind::Switch:
      for (auto &c : static_cast<const ast::SwitchStmt &>(st).cases)
        collectSharedDecls(c.body, owner, out);
      break;
    case Stmt::Kind::TryCatch: {
      auto &t = static_cast<const ast::TryCatchStmt &>(st);
      collectSharedDecls(t.tryBody, owner, out);
      collectSharedDecls(t.catchBody, owner, out);
      break;
    }
    default:
      break;
    }
  }
}

class Gen {
public:
  Gen(MLIRContext &ctx, sema::Program &prog, const std::string &path)
      : ctx(ctx), b(&ctx), prog(prog), path(path),
        fileBase(withoutM(path.substr(path.find_last_of('/') + 1))) {}

  /// A file name or path without its .m.
  static std::string withoutM(std::string s) {
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".m") == 0)
      s.resize(s.size() - 2);
    return s;
  }

  OwningOpRef<ModuleOp> run() {
    module = ModuleOp::create(b.getUnknownLoc());
    queue.push_back(&prog.entry());
    while (!queue.empty() || !pendingEntries.empty()) {
      if (!pendingEntries.empty()) {
        PendingEntry pe = pendingEntries.front();
        pendingEntries.pop_front();
        emitEntry(pe);
        continue;
      }
      Specialization *s = queue.front();
      queue.pop_front();
      emitSpec(*s);
    }
    return module;
  }

private:
  //===--------------------------------------------------------------===//
  // Types and locations
  //===--------------------------------------------------------------===//
  Type valueTy() { return ValueType::get(&ctx); }
  Type mlirTy(Ty t) {
    switch (t) {
    case Ty::Num:
      return b.getF64Type();
    case Ty::Bool:
      return b.getI1Type();
    default:
      return valueTy();
    }
  }
  MLoc loc(ast::Location l) {
    return FileLineColLoc::get(&ctx, path, l.line, l.col);
  }

  //===--------------------------------------------------------------===//
  // Temporaries (owned values released at the end of a statement)
  //===--------------------------------------------------------------===//
  Value own(Value v) {
    temps.back().push_back(v);
    return v;
  }
  void pushTemps() { temps.emplace_back(); }
  void popTemps(MLoc l) {
    for (Value v : temps.back())
      ReleaseOp::create(b, l, v);
    temps.pop_back();
  }

  //===--------------------------------------------------------------===//
  // Conversions between native scalars and values
  //===--------------------------------------------------------------===//
  Value f64Const(double x, MLoc l) {
    return arith::ConstantOp::create(b, l, b.getF64FloatAttr(x));
  }
  Value asValue(EV e, MLoc l) {
    if (isa<ValueType>(e.v.getType()))
      return e.v;
    return own(BoxOp::create(b, l, e.v));
  }
  Value asF64(EV e, MLoc l) {
    Type t = e.v.getType();
    if (t.isF64())
      return e.v;
    if (t.isInteger(1))
      return arith::UIToFPOp::create(b, l, b.getF64Type(), e.v);
    return UnboxOp::create(b, l, e.v);
  }
  /// Converts to the representation of lattice type `t`.
  Value coerce(EV e, Ty t, MLoc l) {
    Type want = mlirTy(t);
    if (e.v.getType() == want)
      return e.v;
    if (isa<ValueType>(want))
      return asValue(e, l);
    if (want.isF64())
      return asF64(e, l);
    // i1 from f64 or value.
    Value x = asF64(e, l);
    return arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNE, x, f64Const(0, l));
  }
  /// The truth of an if/while condition (MATLAB: non-empty, all nonzero).
  Value condition(EV e, MLoc l) {
    if (e.v.getType().isInteger(1))
      return e.v;
    return TruthOp::create(b, l, asValue(e, l), /*scalar=*/false);
  }

  //===--------------------------------------------------------------===//
  // Slots
  //===--------------------------------------------------------------===//
  Value allocSlot(const std::string &name, Type elem, bool workspace = false,
                  bool param = false, StringAttr shared = {}) {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(entryBlock);
    return AllocVarOp::create(b, b.getUnknownLoc(), SlotType::get(&ctx, elem),
                              name, workspace && !shared, param, shared);
  }
  Value slotOf(const std::string &name) {
    auto it = slots.find(name);
    return it == slots.end() ? Value() : it->second;
  }
  Ty varTy(const std::string &name) {
    auto it = spec->vars.find(name);
    return it == spec->vars.end() ? Ty::Any : it->second;
  }
  Value load(const std::string &name, MLoc l) {
    return LoadVarOp::create(b, l, slotOf(name));
  }
  void store(const std::string &name, EV e, MLoc l) {
    StoreVarOp::create(b, l, coerce(e, varTy(name), l), slotOf(name));
  }
  bool isVar(const std::string &name) {
    return prog.scope(spec->fn).isVar(name);
  }

  /// Starts a fresh block after a terminator (for code after break/return).
  void startDeadBlock() {
    MBlock *blk = new MBlock();
    currentRegion()->push_back(blk);
    b.setInsertionPointToStart(blk);
  }
  Region *currentRegion() { return b.getInsertionBlock()->getParent(); }
  MBlock *newBlock() {
    MBlock *blk = new MBlock();
    currentRegion()->push_back(blk);
    return blk;
  }
  void branchTo(MBlock *dest, MLoc l) {
    if (!b.getInsertionBlock()->empty() &&
        b.getInsertionBlock()->back().hasTrait<OpTrait::IsTerminator>())
      return;
    cf::BranchOp::create(b, l, dest);
  }

  void unsupported(const std::string &what, MLoc l) {
    ErrorOp::create(b, l, "RunMat:unsupported",
                    "RunMat does not support " + what + " yet.");
  }

  //===--------------------------------------------------------------===//
  // Functions
  //===--------------------------------------------------------------===//
  void emitSpec(Specialization &s) {
    spec = &s;
    slots.clear();
    loops.clear();
    const Function *fn = s.fn;
    ast::Location fl = fn ? fn->loc : ast::Location{1, 1};
    MLoc l = loc(fl);

    SmallVector<Type> argTypes, resTypes;
    bool variadic = fn && !fn->params.empty() && fn->params.back() == "varargin";
    size_t fixedParams = fn ? (variadic ? fn->params.size() - 1 : fn->params.size()) : 0;
    if (fn && !s.isScript && s.mangledName != "__runmat_main") {
      for (size_t i = 0; i < s.argTys.size() && (!variadic || i < fixedParams); ++i)
        argTypes.push_back(mlirTy(s.argTys[i]));
      if (variadic)
        argTypes.push_back(valueTy()); // varargin: a cell of the rest
    }
    bool isEntry = s.isScript || s.mangledName == "__runmat_main";
    if (!isEntry)
      for (Ty t : s.resultTys)
        resTypes.push_back(mlirTy(t));

    b.setInsertionPointToEnd(module.getBody());
    auto func = func::FuncOp::create(b, l, s.mangledName,
                                     b.getFunctionType(argTypes, resTypes));
    if (!isEntry)
      func.setPrivate();
    entryBlock = func.addEntryBlock();
    currentFunc = func;
    tryDepth = 0;
    b.setInsertionPointToStart(entryBlock);
    // Error traces name the function as its file knows it.
    EnterOp::create(b, l,
                    !fn ? fileBase
                        : fn->displayName.empty() ? fn->name : fn->displayName,
                    fn && !fn->sourcePath.empty() ? fn->sourcePath : path);

    bool workspace = prog.repl() && s.isScript;
    const ast::Block &declBody = s.isScript ? prog.file().script : fn->body;
    std::map<std::string, std::string> shared;
    collectSharedDecls(declBody, path + ">" + (fn ? fn->name : fileBase), shared);
    sharedSlots.clear();
    for (auto &[name, t] : s.vars) {
      bool param = fn && !s.isScript && name != "varargin" &&
                   llvm::is_contained(fn->params, name);
      auto it = shared.find(name);
      StringAttr key = it == shared.end() ? StringAttr() : b.getStringAttr(it->second);
      slots[name] = allocSlot(name, key ? valueTy() : mlirTy(t), workspace, param, key);
      if (key)
        sharedSlots[name] = it->second.substr(0, it->second.find(' '));
    }

    temps.clear();
    pushTemps();
    // feval/str2func of text: the program's functions, registered by name.
    if (isEntry && looksUpFunctionsByName(prog.file())) {
      SmallVector<Value> handles;
      for (auto &f : prog.file().functions)
        if (f->name.find('>') == std::string::npos &&
            f->name.compare(0, 2, "__") != 0)
          handles.push_back(emitFuncHandle(f->name, l).v);
      if (!handles.empty())
        BuiltinOp::create(b, l, TypeRange{}, b.getStringAttr("__register_functions"),
                          handles, b.getI32IntegerAttr(0));
    }

    if (fn && !isEntry) {
      if (fn->params.size() < s.argTys.size() &&
          !(fn->params.size() && fn->params.back() == "varargin")) {
        ErrorOp::create(b, l, "MATLAB:TooManyInputs", "Too many input arguments.");
      }
      for (size_t i = 0; i < fixedParams && i < s.argTys.size(); ++i)
        if (fn->params[i] != "~")
          store(fn->params[i], EV{entryBlock->getArgument(i), s.argTys[i]}, l);
      if (variadic)
        store("varargin", EV{entryBlock->getArguments().back(), Ty::Any}, l);
      bool varargout = !fn->outputs.empty() && fn->outputs.back() == "varargout";
      bool anon = fn->name.rfind("__anon_", 0) == 0;
      if ((size_t)s.nargout > fn->outputs.size() && !varargout && !anon)
        ErrorOp::create(b, l, "MATLAB:TooManyOutputs", "Too many output arguments.");
    }

    exitBlock = new MBlock();
    const ast::Block &body = s.isScript ? prog.file().script : fn->body;
    if (fn && fn->name.rfind("__anon_", 0) == 0 &&
        (s.nargout >= 2 || s.nargout == 0)) {
      emitAnonMultiOutput(s, l);
      return;
    }
    emitBlock(body);
    branchTo(exitBlock, l);
    func.getBody().push_back(exitBlock);
    b.setInsertionPointToStart(exitBlock);

    // Results: outputs 1..max(nargout,1), retained before the slots go.
    SmallVector<Value> results;
    if (!isEntry) {
      bool varargout = !fn->outputs.empty() && fn->outputs.back() == "varargout";
      for (size_t k = 0; k < s.resultTys.size(); ++k) {
        Type rt = mlirTy(s.resultTys[k]);
        if (varargout && k + 1 >= fn->outputs.size() && s.nargout > 0) {
          // Output k comes from varargout{k - (nout - 1) + 1}.
          Value vo = LoadVarOp::create(b, l, valueTy(), slotOf("varargout"),
                                       b.getStringAttr(fn->name), UnitAttr());
          LevelVals lv;
          lv.kind = 1;
          lv.args.push_back(BoxOp::create(b, l, f64Const(
              (double)(k + 2 - fn->outputs.size()), l)));
          Value r = SubsrefOp::create(b, l, valueTy(), vo,
                                      ArrayRef<int32_t>{1}, ArrayRef<int64_t>{1},
                                      lv.args, false);
          ReleaseOp::create(b, l, lv.args[0]);
          results.push_back(r);
          continue;
        }
        if (k >= fn->outputs.size()) {
          results.push_back(EmptyOp::create(b, l));
          continue;
        }
        Value slot = slotOf(fn->outputs[k]);
        Type st = cast<SlotType>(slot.getType()).getElementType();
        if (s.nargout == 0 && isa<ValueType>(st)) {
          Value v = LoadVarOp::create(b, l, st, slot, StringAttr(), b.getUnitAttr());
          RetainOp::create(b, l, v);
          results.push_back(v);
          continue;
        }
        if (s.nargout == 0) {
          // A scalar first output of a statement call: boxed if assigned.
          Value v = LoadVarOp::create(b, l, st, slot, b.getStringAttr(fn->name),
                                      UnitAttr());
          results.push_back(BoxOp::create(b, l, v));
          continue;
        }
        Value v = LoadVarOp::create(b, l, st, slot, b.getStringAttr(fn->name),
                                    UnitAttr());
        if (isa<ValueType>(st))
          RetainOp::create(b, l, v);
        if (v.getType() != rt) {
          Value c = coerce(EV{v, Ty::Any}, s.resultTys[k], l);
          results.push_back(c);
        } else {
          results.push_back(v);
        }
      }
    }
    temps.back().clear(); // result boxes are owned by the caller
    temps.pop_back();
    if (!workspace)
      for (auto &[name, slot] : slots)
        if (isa<ValueType>(cast<SlotType>(slot.getType()).getElementType()) &&
            !sharedSlots.count(name))
          ClearVarOp::create(b, l, slot);
    LeaveOp::create(b, l);
    func::ReturnOp::create(b, l, results);
  }

  /// [a, b] = f(x) with f = @(v) max(v): the body call gives the outputs.
  /// With nargout 0 (cellfun(@(x) disp(x), c), a statement f(x)) the body is
  /// called with nargout 0 too, and its result, if any, is returned (null
  /// when there is none).
  void emitAnonMultiOutput(Specialization &s, MLoc l) {
    auto &assign = static_cast<const AssignStmt &>(*s.fn->body.front());
    const Expr &rhs = *assign.rhs;
    std::vector<EV> outs;
    pushTemps();
    if (const std::string *callee = calleeName(rhs))
      outs = emitCall(*callee, callArgs(rhs), s.nargout, l);
    else if (isVarCall(rhs))
      outs = emitCallValue(rhs, s.nargout, l);
    else if (s.nargout == 0)
      outs.push_back(emitExpr(rhs));
    else
      ErrorOp::create(b, l, "MATLAB:TooManyOutputs", "Too many output arguments.");
    SmallVector<Value> results;
    for (size_t k = 0; k < s.resultTys.size(); ++k) {
      Ty want = s.resultTys[k];
      if (s.nargout == 0 && (k >= outs.size() || !outs[k].v)) {
        // No result: a null value (the entry returns no output).
        Value null = LLVM::ZeroOp::create(b, l, LLVM::LLVMPointerType::get(&ctx));
        results.push_back(
            UnrealizedConversionCastOp::create(b, l, valueTy(), null).getResult(0));
      } else if (k < outs.size() && !sema::isBoxed(want)) {
        results.push_back(coerce(outs[k], want, l));
      } else if (k < outs.size()) {
        Value v = asValue(outs[k], l);
        RetainOp::create(b, l, v); // temps are released below
        results.push_back(v);
      } else if (!sema::isBoxed(want)) {
        results.push_back(coerce(EV{f64Const(0, l), Ty::Num}, want, l));
      } else {
        results.push_back(EmptyOp::create(b, l));
      }
    }
    popTemps(l);
    temps.back().clear();
    temps.pop_back();
    for (auto &[name, slot] : slots)
      if (isa<ValueType>(cast<SlotType>(slot.getType()).getElementType()))
        ClearVarOp::create(b, l, slot);
    LeaveOp::create(b, l);
    func::ReturnOp::create(b, l, results);
    delete exitBlock;
  }

  //===--------------------------------------------------------------===//
  // Statements
  //===--------------------------------------------------------------===//
  void emitBlock(const ast::Block &blk) {
    for (auto &s : blk)
      emitStmt(*s);
  }

  void emitStmt(const Stmt &s) {
    MLoc l = loc(s.loc);
    LineOp::create(b, l, (int32_t)s.loc.line);
    pushTemps();
    switch (s.kind) {
    case Stmt::Kind::Expr:
      emitExprStmt(static_cast<const ExprStmt &>(s), l);
      break;
    case Stmt::Kind::Assign:
      emitAssign(static_cast<const AssignStmt &>(s), l);
      break;
    case Stmt::Kind::MultiAssign:
      emitMultiAssign(static_cast<const MultiAssignStmt &>(s), l);
      break;
    case Stmt::Kind::If:
      emitIf(static_cast<const IfStmt &>(s), l);
      break;
    case Stmt::Kind::For:
      emitFor(static_cast<const ForStmt &>(s), l);
      break;
    case Stmt::Kind::While:
      emitWhile(static_cast<const WhileStmt &>(s), l);
      break;
    case Stmt::Kind::Switch:
      emitSwitch(static_cast<const SwitchStmt &>(s), l);
      break;
    case Stmt::Kind::Break:
    case Stmt::Kind::Continue:
      for (int k = loops.empty() ? 0 : loops.back().tryDepth; k < tryDepth; ++k)
        TryEndOp::create(b, l);
      if (loops.empty()) {
        // MATLAB treats break/continue outside a loop like return.
        cf::BranchOp::create(b, l, exitBlock);
      } else {
        cf::BranchOp::create(b, l, s.kind == Stmt::Kind::Break
                                       ? loops.back().exit
                                       : loops.back().cont);
      }
      startDeadBlock();
      break;
    case Stmt::Kind::Return:
      for (int k = 0; k < tryDepth; ++k)
        TryEndOp::create(b, l);
      cf::BranchOp::create(b, l, exitBlock);
      startDeadBlock();
      break;
    case Stmt::Kind::TryCatch:
      emitTry(static_cast<const TryCatchStmt &>(s), l);
      break;
    case Stmt::Kind::Global:
    case Stmt::Kind::Persistent:
      // The variables are bound to their shared slots at function entry
      // (collectSharedDecls); the declaration itself does nothing more.
      break;
    case Stmt::Kind::Command: {
      auto &c = static_cast<const CommandStmt &>(s);
      SmallVector<Value> args;
      for (auto &a : c.args)
        args.push_back(own(StringOp::create(b, l, a)));
      emitNamedCallStatement(c.name, args, s.display, l);
      break;
    }
    }
    popTemps(l);
  }

  /// A call statement `name(args)` with nargout = 0.
  void emitNamedCallStatement(const std::string &name, ValueRange args,
                              bool display, MLoc l) {
    if (name == "clear" && !prog.findFunction(name)) {
      std::vector<std::string> names;
      for (Value a : args)
        names.push_back(
            cast<StringOp>(a.getDefiningOp()).getValue().str());
      emitClear(names, l);
      return;
    }
    if (sema::Program::isBuiltin(name)) {
      Value r;
      if (name == "exist" && (args.size() == 1 || args.size() == 2)) {
        r = emitExist(args, 0, l); // `exist x var`: with the caller's context
      } else if (name == "who" || name == "whos") {
        r = emitWho(name, args, 0, l);
      } else {
        auto op = BuiltinOp::create(b, l, TypeRange{valueTy()}, b.getStringAttr(name),
                                    args, b.getI32IntegerAttr(0));
        r = own(op.getResult(0));
      }
      AssignAnsOp::create(b, l, r, slotOf("ans"), display);
      return;
    }
    ErrorOp::create(b, l, "MATLAB:UndefinedFunction",
                    "Unrecognized function or variable '" + name + "'.");
  }

  void emitExprStmt(const ExprStmt &s, MLoc l) {
    const Expr &e = *s.expr;
    // A bare variable displays under its own name.
    if (e.kind == Expr::Kind::Identifier &&
        isVar(static_cast<const IdentifierExpr &>(e).name)) {
      auto &name = static_cast<const IdentifierExpr &>(e).name;
      Value v = load(name, l);
      if (s.display)
        DisplayOp::create(b, l, name, v);
      return;
    }
    // A call statement: nargout = 0, the result (if any) goes to ans.
    if (const std::string *callee = calleeName(e)) {
      std::vector<const Expr *> args = callArgs(e);
      std::vector<EV> outs = emitCall(*callee, args, 0, l);
      // A function declared with no outputs leaves ans alone and displays
      // nothing.
      const Function *fn = prog.findFunction(*callee);
      if (fn && fn->outputs.empty())
        return;
      if (!outs.empty() && outs[0].v)
        AssignAnsOp::create(b, l, asValue(outs[0], l), slotOf("ans"), s.display);
      return;
    }
    if (isVarCall(e)) { // f(x) with f a variable: a handle call or an index
      std::vector<EV> outs = emitCallValue(e, 0, l);
      AssignAnsOp::create(b, l, outs[0].v, slotOf("ans"), s.display);
      return;
    }
    EV v = emitExpr(e);
    store("ans", v, l);
    if (s.display)
      DisplayOp::create(b, l, "ans", load("ans", l));
  }

  /// A range a:b with compile-time integer ends (`nargout` counts).
  bool staticRange(const Expr &e, int64_t &first, int64_t &last) {
    if (e.kind != Expr::Kind::Range || static_cast<const RangeExpr &>(e).step)
      return false;
    auto &r = static_cast<const RangeExpr &>(e);
    auto value = [&](const Expr &x, int64_t &out) {
      if (x.kind == Expr::Kind::Number) {
        double v = static_cast<const NumberExpr &>(x).value;
        out = (int64_t)v;
        return v == (double)out;
      }
      if (x.kind == Expr::Kind::Identifier && spec->fn &&
          static_cast<const IdentifierExpr &>(x).name == "nargout" &&
          !isVar("nargout")) {
        out = spec->nargout;
        return true;
      }
      return false;
    };
    return value(*r.start, first) && value(*r.stop, last);
  }

  /// `f(args)` where f is a boxed variable (maybe a function handle).
  bool isVarCall(const Expr &e) {
    if (e.kind != Expr::Kind::Index)
      return false;
    auto &ix = static_cast<const IndexExpr &>(e);
    if (ix.base->kind != Expr::Kind::Identifier)
      return false;
    auto &name = static_cast<const IdentifierExpr &>(*ix.base).name;
    return isVar(name) && varTy(name) == Ty::Any;
  }
  std::vector<EV> emitCallValue(const Expr &e, int nargout, MLoc l) {
    auto &ix = static_cast<const IndexExpr &>(e);
    auto &name = static_cast<const IdentifierExpr &>(*ix.base).name;
    Value f = load(name, l);
    SmallVector<Value> args;
    ends.push_back(EndCtx{f, name, 0, (int)ix.args.size()});
    for (size_t i = 0; i < ix.args.size(); ++i) {
      ends.back().pos = (int)i;
      args.push_back(mayBeList(*ix.args[i]) ? emitListable(*ix.args[i], l)
                                            : asValue(emitSubscript(*ix.args[i]), l));
    }
    ends.pop_back();
    int nres = std::max(nargout, 1);
    SmallVector<Type> rt(nres, valueTy());
    auto op = CallValueOp::create(b, l, rt, f, args, nargout);
    std::vector<EV> outs;
    for (Value r : op.getResults())
      outs.push_back(EV{own(r), Ty::Any});
    return outs;
  }

  /// The function a call expression names (`f` or `f(...)`), or null when
  /// the expression is not a function call.
  const std::string *calleeName(const Expr &e) {
    const Expr *base = &e;
    if (e.kind == Expr::Kind::Index)
      base = static_cast<const IndexExpr &>(e).base.get();
    if (base->kind != Expr::Kind::Identifier)
      return nullptr;
    auto &name = static_cast<const IdentifierExpr &>(*base).name;
    if (isVar(name))
      return nullptr;
    return &name;
  }
  std::vector<const Expr *> callArgs(const Expr &e) {
    std::vector<const Expr *> args;
    if (e.kind == Expr::Kind::Index)
      for (auto &a : static_cast<const IndexExpr &>(e).args)
        args.push_back(a.get());
    return args;
  }

  /// `x = [x, a, ...]` (one row) or `x = [x; a; ...]` (one element per
  /// row), x a boxed variable not read by the other elements: the values
  /// appended to x (runmat.append). False when the statement is not one.
  bool emitAppend(const std::string &name, const Expr &rhs, MLoc l) {
    if (rhs.kind != Expr::Kind::Matrix)
      return false;
    auto &m = static_cast<const MatrixExpr &>(rhs);
    std::vector<const Expr *> elems;
    bool vertical = m.rows.size() > 1;
    for (auto &row : m.rows) {
      if (row.empty() || (vertical && row.size() != 1))
        return false;
      for (auto &e : row)
        elems.push_back(e.get());
    }
    if (elems.size() < 2 || elems[0]->kind != Expr::Kind::Identifier ||
        static_cast<const IdentifierExpr &>(*elems[0]).name != name)
      return false;
    Value slot = slotOf(name);
    if (!slot || !isa<ValueType>(cast<SlotType>(slot.getType()).getElementType()))
      return false;
    // The other elements must not see x (their values are computed first,
    // but x(end) or x itself would then alias the value grown in place).
    for (size_t k = 1; k < elems.size(); ++k) {
      bool reads = false;
      ast::forEachName(*elems[k], [&](const std::string &n) { reads |= n == name; });
      if (reads)
        return false;
    }
    (void)load(name, l); // x must be defined (the usual error otherwise)
    SmallVector<Value> vals;
    for (size_t k = 1; k < elems.size(); ++k)
      vals.push_back(emitListable(*elems[k], l));
    AppendOp::create(b, l, slot, vals, vertical);
    return true;
  }

  void emitAssign(const AssignStmt &s, MLoc l) {
    const Expr &lhs = *s.lhs;
    if (lhs.kind == Expr::Kind::Identifier) {
      auto &name = static_cast<const IdentifierExpr &>(lhs).name;
      if (emitAppend(name, *s.rhs, l)) {
        if (s.display)
          DisplayOp::create(b, l, name, load(name, l));
        return;
      }
      EV v = emitExpr(*s.rhs);
      store(name, v, l);
      if (s.display)
        DisplayOp::create(b, l, name, load(name, l));
      return;
    }
    if (lhs.kind == Expr::Kind::Index &&
        static_cast<const IndexExpr &>(lhs).base->kind == Expr::Kind::Identifier) {
      auto &ix = static_cast<const IndexExpr &>(lhs);
      auto &name = static_cast<const IdentifierExpr &>(*ix.base).name;
      Value slot = slotOf(name);
      bool del = sema::isEmptyMatrixLiteral(*s.rhs);
      EV rhs = del ? EV{own(EmptyOp::create(b, l)), Ty::DArr} : emitExpr(*s.rhs);
      // Subscripts may use `end` of the variable's current value.
      ends.push_back(EndCtx{Value(), name, 0, (int)ix.args.size()});
      std::vector<EV> idx;
      bool scalarForm = !del && rhs.ty == Ty::Num && ix.args.size() <= 2;
      for (size_t i = 0; i < ix.args.size(); ++i) {
        ends.back().pos = (int)i;
        EV a = emitSubscript(*ix.args[i]);
        scalarForm &= a.ty == Ty::Num;
        idx.push_back(a);
      }
      ends.pop_back();
      SmallVector<Value> ivals;
      for (auto &a : idx)
        ivals.push_back(scalarForm ? asF64(a, l) : asValue(a, l));
      Value r = scalarForm ? asF64(rhs, l) : asValue(rhs, l);
      IndexAssignOp::create(b, l, slot, ivals, r, del);
      if (s.display)
        DisplayOp::create(b, l, name, load(name, l));
      return;
    }
    EV v = emitExpr(*s.rhs);
    std::vector<const Expr *> lv;
    decompose(lhs, lv);
    bool remove = sema::isEmptyMatrixLiteral(*s.rhs) && !lv.empty() &&
                  lv.back()->kind == Expr::Kind::Index;
    assignTo(lhs, v, l, remove);
    if (s.display) {
      std::vector<const Expr *> levels;
      const Expr *root = decompose(lhs, levels);
      auto &name = static_cast<const IdentifierExpr *>(root)->name;
      if (isVar(name))
        DisplayOp::create(b, l, name, load(name, l));
    }
  }

  /// `[s.f] = deal(...)`, `[s(idx).f] = deal(...)` and `[s.f] = c{:}`: as
  /// many outputs as the field list has elements, which only the run time
  /// knows, so the runtime does the whole assignment:
  /// s = __deal_fields(s, 'f', {idx...}, mode, values...).
  bool emitFieldListAssign(const MultiAssignStmt &s, const std::string *callee,
                           MLoc l) {
    if (s.lhs.size() != 1 || !s.lhs[0] || s.lhs[0]->kind != Expr::Kind::Field)
      return false;
    bool dealCall = callee && *callee == "deal" && !prog.findFunction("deal");
    bool list = !callee && !isVarCall(*s.rhs) && mayBeList(*s.rhs);
    if (!dealCall && !list)
      return false;
    auto &fe = static_cast<const FieldExpr &>(*s.lhs[0]);
    const IndexExpr *sub = nullptr;
    const Expr *root = fe.base.get();
    if (root->kind == Expr::Kind::Index) {
      sub = static_cast<const IndexExpr *>(root);
      root = sub->base.get();
    }
    if (root->kind != Expr::Kind::Identifier)
      return false;
    const std::string &var = static_cast<const IdentifierExpr &>(*root).name;
    if (!isVar(var))
      return false;
    Value base = asValue(EV{load(var, l), varTy(var)}, l);
    SmallVector<Value> subs;
    if (sub) {
      ends.push_back(EndCtx{base, var, 0, (int)sub->args.size()});
      for (size_t i = 0; i < sub->args.size(); ++i) {
        ends.back().pos = (int)i;
        subs.push_back(asValue(emitSubscript(*sub->args[i]), l));
      }
      ends.pop_back();
    }
    SmallVector<Value> argv{base, own(StringOp::create(b, l, fe.name)),
                            own(CellLiteralOp::create(
                                b, l, valueTy(),
                                ArrayRef<int64_t>{(int64_t)subs.size()}, subs)),
                            asValue(EV{f64Const(dealCall ? 1 : 0, l), Ty::Num}, l)};
    if (dealCall) {
      for (const Expr *a : callArgs(*s.rhs))
        argv.push_back(mayBeList(*a) ? emitListable(*a, l)
                                     : asValue(emitExpr(*a), l));
    } else {
      argv.push_back(emitListable(*s.rhs, l));
    }
    auto op = BuiltinOp::create(b, l, TypeRange{valueTy()},
                                b.getStringAttr("__deal_fields"), argv,
                                b.getI32IntegerAttr(1));
    store(var, EV{own(op.getResult(0)), Ty::Any}, l);
    if (s.display)
      DisplayOp::create(b, l, var, load(var, l));
    return true;
  }

  void emitMultiAssign(const MultiAssignStmt &s, MLoc l) {
    const std::string *callee = calleeName(*s.rhs);
    if (emitFieldListAssign(s, callee, l))
      return;
    if (!callee && isVarCall(*s.rhs)) {
      std::vector<EV> outs = emitCallValue(*s.rhs, (int)s.lhs.size(), l);
      for (size_t k = 0; k < s.lhs.size() && k < outs.size(); ++k)
        if (s.lhs[k]) {
          assignTo(*s.lhs[k], outs[k], l);
          if (s.display && s.lhs[k]->kind == Expr::Kind::Identifier) {
            auto &name = static_cast<const IdentifierExpr &>(*s.lhs[k]).name;
            DisplayOp::create(b, l, name, load(name, l));
          }
        }
      return;
    }
    int nout = (int)s.lhs.size();
    // [varargout{1:nargout}] = f(...): as many outputs as the range names.
    if (callee && nout == 1 && s.lhs[0] &&
        s.lhs[0]->kind == Expr::Kind::CellIndex) {
      auto &ci = static_cast<const CellIndexExpr &>(*s.lhs[0]);
      int64_t first = 0, last = 0;
      if (ci.args.size() == 1 && staticRange(*ci.args[0], first, last) &&
          ci.base->kind == Expr::Kind::Identifier) {
        int64_t n = std::max<int64_t>(last - first + 1, 0);
        std::vector<EV> outs = emitCall(*callee, callArgs(*s.rhs), (int)n, l);
        for (int64_t k = 0; k < n && k < (int64_t)outs.size(); ++k) {
          LevelVals lvv;
          lvv.kind = 1;
          lvv.args.push_back(asValue(EV{f64Const((double)(first + k), l), Ty::Num}, l));
          SubsasgnOp::create(b, l, slotOf(static_cast<const IdentifierExpr &>(*ci.base).name),
                             ArrayRef<int32_t>{1}, ArrayRef<int64_t>{1}, lvv.args,
                             asValue(outs[(size_t)k], l), false);
        }
        return;
      }
    }
    if (!callee) {
      // [a, b] = c{1:2} / s.f: distribute a comma-separated list.
      if (mayBeList(*s.rhs)) {
        Value list = emitChainRead(*s.rhs, /*asList=*/true).v;
        for (int k = 0; k < nout; ++k) {
          if (!s.lhs[k])
            continue;
          Value v = own(ListElementOp::create(b, l, valueTy(), list, k, nout));
          assignTo(*s.lhs[k], EV{v, Ty::Any}, l);
          if (s.display && s.lhs[k]->kind == Expr::Kind::Identifier) {
            auto &name = static_cast<const IdentifierExpr &>(*s.lhs[k]).name;
            DisplayOp::create(b, l, name, load(name, l));
          }
        }
        return;
      }
      unsupported("multiple assignment from a non-call expression", l);
      return;
    }
    std::vector<EV> outs = emitCall(*callee, callArgs(*s.rhs), nout, l);
    for (int k = 0; k < nout && k < (int)outs.size(); ++k) {
      const Expr *t = s.lhs[k].get();
      if (!t || !outs[k].v)
        continue;
      if (t->kind == Expr::Kind::Identifier) {
        auto &name = static_cast<const IdentifierExpr &>(*t).name;
        store(name, outs[k], l);
        if (s.display)
          DisplayOp::create(b, l, name, load(name, l));
      } else {
        assignTo(*t, outs[k], l);
      }
    }
  }

  void emitIf(const IfStmt &s, MLoc l) {
    MBlock *merge = newBlock();
    for (auto &c : s.clauses) {
      if (!c.cond) {
        emitBlock(c.body);
        branchTo(merge, l);
        break;
      }
      Value cond = emitCondition(*c.cond, loc(c.loc));
      MBlock *thenB = newBlock(), *elseB = newBlock();
      cf::CondBranchOp::create(b, l, cond, thenB, elseB);
      b.setInsertionPointToStart(thenB);
      emitBlock(c.body);
      branchTo(merge, l);
      b.setInsertionPointToStart(elseB);
    }
    branchTo(merge, l);
    // Keep block order readable: merge last.
    merge->moveBefore(currentRegion(), currentRegion()->end());
    b.setInsertionPointToStart(merge);
  }

  void emitWhile(const WhileStmt &s, MLoc l) {
    MBlock *header = newBlock(), *body = newBlock(), *exit = newBlock();
    cf::BranchOp::create(b, l, header);
    b.setInsertionPointToStart(header);
    Value cond = emitCondition(*s.cond, l);
    cf::CondBranchOp::create(b, l, cond, body, exit);
    b.setInsertionPointToStart(body);
    loops.push_back({header, exit, tryDepth});
    emitBlock(s.body);
    loops.pop_back();
    branchTo(header, l);
    exit->moveBefore(currentRegion(), currentRegion()->end());
    b.setInsertionPointToStart(exit);
  }

  void emitFor(const ForStmt &s, MLoc l) {
    Ty varT = varTy(s.var);
    const Expr &r = *s.range;
    bool scalarRange = false;
    if (r.kind == Expr::Kind::Range) {
      auto &rg = static_cast<const RangeExpr &>(r);
      scalarRange = prog.typeOf(*spec, *rg.start) == Ty::Num &&
                    prog.typeOf(*spec, *rg.stop) == Ty::Num &&
                    (!rg.step || prog.typeOf(*spec, *rg.step) == Ty::Num);
    }
    Type i64 = b.getI64Type();
    Value count, start, step, last, hidden;
    if (scalarRange) {
      auto &rg = static_cast<const RangeExpr &>(r);
      start = asF64(emitExpr(*rg.start), l);
      step = rg.step ? asF64(emitExpr(*rg.step), l) : f64Const(1.0, l);
      Value stop = asF64(emitExpr(*rg.stop), l);
      count = RangeCountOp::create(b, l, i64, start, step, stop);
      last = RangeLastOp::create(b, l, b.getF64Type(), start, step, stop, count);
    } else {
      EV rv = emitExpr(r);
      hidden = allocSlot("for." + std::to_string(++hiddenCounter), valueTy());
      StoreVarOp::create(b, l, asValue(rv, l), hidden);
      count = ForCountOp::create(b, l, i64, LoadVarOp::create(b, l, hidden));
    }
    MBlock *header = newBlock(), *body = newBlock(), *latch = newBlock(),
          *exit = newBlock();
    header->addArgument(i64, l);
    Value zero = arith::ConstantOp::create(b, l, b.getI64IntegerAttr(0));
    if (spec->zeroTripVars.count(s.var)) {
      // A loop that runs zero times leaves its variable empty: 1x0 for a
      // range, range(:, []) otherwise (size(range, 1) rows, its class).
      MBlock *none = newBlock();
      Value isZero =
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, count, zero);
      cf::CondBranchOp::create(b, l, isZero, none, ValueRange{}, header,
                               ValueRange{zero});
      b.setInsertionPointToStart(none);
      pushTemps();
      Value empty;
      if (scalarRange) {
        Value one = asValue(EV{f64Const(1.0, l), Ty::Num}, l);
        Value nil = asValue(EV{f64Const(0.0, l), Ty::Num}, l);
        empty = own(RangeOp::create(b, l, valueTy(), one, Value(), nil));
      } else {
        Value all = own(ColonAllOp::create(b, l));
        Value noCols = own(EmptyOp::create(b, l));
        empty = own(IndexOp::create(b, l, valueTy(),
                                    LoadVarOp::create(b, l, hidden),
                                    ValueRange{all, noCols}));
      }
      store(s.var, EV{empty, Ty::DArr}, l);
      popTemps(l);
      cf::BranchOp::create(b, l, exit);
    } else {
      cf::BranchOp::create(b, l, header, ValueRange{zero});
    }
    b.setInsertionPointToStart(header);
    Value k = header->getArgument(0);
    Value more = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, k, count);
    cf::CondBranchOp::create(b, l, more, body, exit);

    b.setInsertionPointToStart(body);
    pushTemps();
    if (scalarRange) {
      Value x = RangeElementOp::create(b, l, b.getF64Type(), start, step, last,
                                       count, k);
      store(s.var, EV{x, Ty::Num}, l);
    } else {
      Value col = own(ForColumnOp::create(b, l, valueTy(),
                                          LoadVarOp::create(b, l, hidden), k));
      store(s.var, EV{col, varT}, l);
    }
    popTemps(l);
    loops.push_back({latch, exit, tryDepth});
    emitBlock(s.body);
    loops.pop_back();
    branchTo(latch, l);

    b.setInsertionPointToStart(latch);
    Value one = arith::ConstantOp::create(b, l, b.getI64IntegerAttr(1));
    Value next = arith::AddIOp::create(b, l, k, one);
    cf::BranchOp::create(b, l, header, ValueRange{next});
    exit->moveBefore(currentRegion(), currentRegion()->end());
    b.setInsertionPointToStart(exit);
    if (hidden)
      ClearVarOp::create(b, l, hidden);
  }

  void emitSwitch(const SwitchStmt &s, MLoc l) {
    Value subject = asValue(emitExpr(*s.subject), l);
    MBlock *merge = newBlock();
    for (auto &c : s.cases) {
      if (!c.value) {
        emitBlock(c.body);
        branchTo(merge, l);
        break;
      }
      pushTemps();
      Value cv = asValue(emitExpr(*c.value), loc(c.loc));
      Value m = SwitchMatchOp::create(b, loc(c.loc), b.getI1Type(), subject, cv);
      popTemps(l);
      MBlock *thenB = newBlock(), *elseB = newBlock();
      cf::CondBranchOp::create(b, l, m, thenB, elseB);
      b.setInsertionPointToStart(thenB);
      emitBlock(c.body);
      branchTo(merge, l);
      b.setInsertionPointToStart(elseB);
    }
    branchTo(merge, l);
    merge->moveBefore(currentRegion(), currentRegion()->end());
    b.setInsertionPointToStart(merge);
  }

  /// try ... catch err ... end: a handler and setjmp (runmat.try_begin);
  /// an error in the body comes back with `entered` false.
  void emitTry(const TryCatchStmt &s, MLoc l) {
    currentFunc->setAttr("runmat.has_try", b.getUnitAttr());
    Value entered = TryBeginOp::create(b, l);
    MBlock *tryB = newBlock(), *catchB = newBlock(), *merge = newBlock();
    cf::CondBranchOp::create(b, l, entered, tryB, catchB);
    b.setInsertionPointToStart(tryB);
    ++tryDepth;
    emitBlock(s.tryBody);
    --tryDepth;
    if (!b.getInsertionBlock()->mightHaveTerminator()) {
      TryEndOp::create(b, l);
      cf::BranchOp::create(b, l, merge);
    }
    b.setInsertionPointToStart(catchB);
    Value err = CaughtErrorOp::create(b, l);
    if (!s.catchVar.empty())
      store(s.catchVar, EV{err, Ty::Any}, l);
    ReleaseOp::create(b, l, err);
    emitBlock(s.catchBody);
    branchTo(merge, l);
    merge->moveBefore(currentRegion(), currentRegion()->end());
    b.setInsertionPointToStart(merge);
  }

  //===--------------------------------------------------------------===//
  // Function handles
  //===--------------------------------------------------------------===//
  EV emitAnon(const AnonFuncExpr &a, MLoc l) {
    const Function *fn = prog.findFunction(a.liftedName);
    if (!fn) {
      unsupported("this anonymous function", l);
      return EV{own(EmptyOp::create(b, l)), Ty::Any};
    }
    SmallVector<Value> caps;
    for (auto &c : a.captures) {
      Value slot = slotOf(c);
      Type et = cast<SlotType>(slot.getType()).getElementType();
      if (isa<ValueType>(et))
        caps.push_back(LoadVarOp::create(b, l, et, slot, StringAttr(), b.getUnitAttr()));
      else
        caps.push_back(asValue(EV{LoadVarOp::create(b, l, slot), varTy(c)}, l));
    }
    std::string entry = entryFor(fn, /*anon=*/true, (int)a.captures.size());
    Value h = MakeClosureOp::create(b, l, valueTy(), entry, a.text,
                                    (int32_t)a.params.size(), caps);
    return EV{own(h), Ty::Any};
  }

  EV emitFuncHandle(const std::string &name, MLoc l) {
    if (const Function *fn = prog.findFunction(name)) {
      std::string entry = entryFor(fn, /*anon=*/false, 0);
      Value h = MakeHandleOp::create(b, l, valueTy(), name,
                                     FlatSymbolRefAttr::get(&ctx, entry),
                                     (int32_t)fn->params.size());
      return EV{own(h), Ty::Any};
    }
    Value h = MakeHandleOp::create(b, l, valueTy(), name, FlatSymbolRefAttr(), -1);
    return EV{own(h), Ty::Any};
  }

  /// The generic entry (rm_code) of a local function, created once: it
  /// unpacks captures and arguments and dispatches on nargin/nargout to
  /// specializations with boxed arguments.
  std::string entryFor(const Function *fn, bool anon, int ncaps) {
    std::string name = (anon ? "" : "__fh_") + fn->name + "__entry";
    if (entries.count(name))
      return name;
    entries.insert(name);
    pendingEntries.push_back({fn, name, anon, ncaps});
    return name;
  }
  struct PendingEntry {
    const Function *fn;
    std::string name;
    bool anon;
    int ncaps;
  };

  void emitEntry(const PendingEntry &pe) {
    const Function *fn = pe.fn;
    MLoc l = loc(fn->loc);
    Type ptr = LLVM::LLVMPointerType::get(&ctx);
    Type i32 = b.getI32Type();
    b.setInsertionPointToEnd(module.getBody());
    auto func = func::FuncOp::create(
        b, l, pe.name, b.getFunctionType({ptr, i32, ptr, i32, ptr}, {}));
    func.setPrivate();
    MBlock *entry = func.addEntryBlock();
    b.setInsertionPointToStart(entry);
    Value caps = entry->getArgument(0), nargin = entry->getArgument(1),
          args = entry->getArgument(2), nargout = entry->getArgument(3),
          outs = entry->getArgument(4);
    auto loadPtr = [&](Value base, int idx) -> Value {
      Value p = LLVM::GEPOp::create(b, l, ptr, ptr, base,
                                    ArrayRef<LLVM::GEPArg>{idx});
      return LLVM::LoadOp::create(b, l, ptr, p);
    };
    auto asVal = [&](Value p) -> Value {
      return UnrealizedConversionCastOp::create(b, l, valueTy(), p).getResult(0);
    };
    auto asPtr = [&](Value v) -> Value {
      return UnrealizedConversionCastOp::create(b, l, ptr, v).getResult(0);
    };
    auto i32c = [&](int v) -> Value {
      return arith::ConstantOp::create(b, l, b.getI32IntegerAttr(v));
    };
    int np = (int)fn->params.size() - pe.ncaps;
    int no = (int)fn->outputs.size();
    bool variadic = !fn->params.empty() && fn->params.back() == "varargin";
    // (nargin, nargout) cases: anonymous functions take exactly their
    // parameters (missing ones read as unassigned) and give one output.
    std::vector<std::pair<int, int>> cases;
    if (pe.anon) {
      for (int nj = 0; nj <= 3; ++nj)
        cases.push_back({np, nj});
    } else {
      for (int ni = 0; ni <= np - (variadic ? 1 : 0); ++ni)
        for (int nj = 0; nj <= std::max(no, 1); ++nj)
          cases.push_back({ni, nj});
    }
    MBlock *fail = new MBlock();
    for (auto [ni, nj] : cases) {
      MBlock *hit = new MBlock(), *next = new MBlock();
      func.getBody().push_back(hit);
      func.getBody().push_back(next);
      Value c;
      if (pe.anon) {
        // Any nargin (missing parameters are unassigned); nargout as asked.
        c = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, nargout, i32c(nj));
      } else {
        Value a = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, nargin, i32c(ni));
        // nargout 0 only matches 0; nargout >= 1 picks nj = nargout.
        Value o = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, nargout, i32c(nj));
        c = arith::AndIOp::create(b, l, a, o);
      }
      cf::CondBranchOp::create(b, l, c, hit, next);
      b.setInsertionPointToStart(hit);
      SmallVector<Value> callArgs;
      std::vector<Ty> tys;
      int total = pe.anon ? pe.ncaps + np : ni;
      for (int k = 0; k < total; ++k) {
        Value v;
        if (pe.anon && k < pe.ncaps) {
          v = loadPtr(caps, k);
        } else {
          int j = pe.anon ? k - pe.ncaps : k;
          if (pe.anon) {
            // Arguments beyond nargin are null (unassigned parameters).
            Value have = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt,
                                               i32c(j), nargin);
            Value loaded = loadPtr(args, j);
            Value null = LLVM::ZeroOp::create(b, l, ptr);
            v = arith::SelectOp::create(b, l, have, loaded, null);
          } else {
            v = loadPtr(args, j);
          }
        }
        callArgs.push_back(asVal(v));
        tys.push_back(Ty::Any);
      }
      Specialization *sp = &prog.specialize(fn, tys, nj);
      if (!sp->inferred) {
        prog.infer();
        sp = &prog.specialize(fn, tys, nj);
      }
      if (!emitted.count(sp)) {
        emitted.insert(sp);
        queue.push_back(sp);
      }
      if (variadic && !pe.anon)
        callArgs.push_back(CellLiteralOp::create(b, l, valueTy(), ArrayRef<int64_t>{},
                                                 ValueRange{}));
      SmallVector<Type> rt;
      for (Ty t : sp->resultTys)
        rt.push_back(mlirTy(t));
      auto call = func::CallOp::create(b, l, sp->mangledName, rt, callArgs);
      if (variadic && !pe.anon)
        ReleaseOp::create(b, l, callArgs.back());
      for (unsigned k = 0; k < call.getNumResults(); ++k) {
        Value r = call.getResult(k);
        if (!isa<ValueType>(r.getType()))
          r = BoxOp::create(b, l, r);
        Value p = LLVM::GEPOp::create(b, l, ptr, ptr, outs,
                                      ArrayRef<LLVM::GEPArg>{(int32_t)k});
        LLVM::StoreOp::create(b, l, asPtr(r), p);
      }
      func::ReturnOp::create(b, l);
      b.setInsertionPointToStart(next);
    }
    cf::BranchOp::create(b, l, fail); // no case matched
    func.getBody().push_back(fail);
    b.setInsertionPointToStart(fail);
    ErrorOp::create(b, l, "MATLAB:TooManyInputs",
                    "Too many input or output arguments for " + fn->name + ".");
    func::ReturnOp::create(b, l);
  }

  //===--------------------------------------------------------------===//
  // Chains: s.a(2).b{3}
  //===--------------------------------------------------------------===//
  /// The levels of a chain from the root outwards; returns the root.
  const Expr *decompose(const Expr &e, std::vector<const Expr *> &levels) {
    const Expr *cur = &e;
    while (true) {
      const Expr *base = nullptr;
      switch (cur->kind) {
      case Expr::Kind::Index:
        base = static_cast<const IndexExpr *>(cur)->base.get();
        break;
      case Expr::Kind::CellIndex:
        base = static_cast<const CellIndexExpr *>(cur)->base.get();
        break;
      case Expr::Kind::Field:
        base = static_cast<const FieldExpr *>(cur)->base.get();
        break;
      case Expr::Kind::DynField:
        base = static_cast<const DynFieldExpr *>(cur)->base.get();
        break;
      default:
        std::reverse(levels.begin(), levels.end());
        return cur;
      }
      levels.push_back(cur);
      cur = base;
    }
  }
  static bool isChainNode(const Expr &e) {
    return e.kind == Expr::Kind::Index || e.kind == Expr::Kind::CellIndex ||
           e.kind == Expr::Kind::Field || e.kind == Expr::Kind::DynField;
  }
  /// Whether an expression may yield a comma-separated list (c{:}, s.f).
  static bool mayBeList(const Expr &e) {
    return e.kind == Expr::Kind::CellIndex || e.kind == Expr::Kind::Field ||
           e.kind == Expr::Kind::DynField;
  }

  /// The kind and operands of one level (subscripts see `end` of `base`).
  struct LevelVals {
    int32_t kind;
    SmallVector<Value> args;
  };
  LevelVals emitLevel(const Expr &lvl, Value base, const std::string &var,
                      MLoc l) {
    LevelVals lv;
    auto subs = [&](const std::vector<ExprPtr> &args) {
      ends.push_back(EndCtx{base, var, 0, (int)args.size()});
      for (size_t i = 0; i < args.size(); ++i) {
        ends.back().pos = (int)i;
        lv.args.push_back(asValue(emitSubscript(*args[i]), l));
      }
      ends.pop_back();
    };
    switch (lvl.kind) {
    case Expr::Kind::Index:
      lv.kind = 0;
      subs(static_cast<const IndexExpr &>(lvl).args);
      break;
    case Expr::Kind::CellIndex:
      lv.kind = 1;
      subs(static_cast<const CellIndexExpr &>(lvl).args);
      break;
    case Expr::Kind::Field:
      lv.kind = 2;
      lv.args.push_back(
          own(StringOp::create(b, l, static_cast<const FieldExpr &>(lvl).name)));
      break;
    default:
      lv.kind = 2;
      lv.args.push_back(
          asValue(emitExpr(*static_cast<const DynFieldExpr &>(lvl).name), l));
      break;
    }
    return lv;
  }

  Value subsref(Value base, ArrayRef<LevelVals> levels, bool asList, MLoc l) {
    SmallVector<int32_t> kinds;
    SmallVector<int64_t> counts;
    SmallVector<Value> args;
    for (auto &lv : levels) {
      kinds.push_back(lv.kind);
      counts.push_back(lv.args.size());
      args.append(lv.args.begin(), lv.args.end());
    }
    return own(SubsrefOp::create(b, l, valueTy(), base, kinds, counts, args,
                                 asList));
  }

  /// Reads a chain, level by level (so `end` sees each intermediate value).
  EV emitChainRead(const Expr &e, bool asList) {
    MLoc l = loc(e.loc);
    std::vector<const Expr *> levels;
    const Expr *root = decompose(e, levels);
    Value cur;
    size_t start = 0;
    if (root->kind == Expr::Kind::Identifier &&
        !isVar(static_cast<const IdentifierExpr *>(root)->name)) {
      auto &name = static_cast<const IdentifierExpr *>(root)->name;
      std::vector<const Expr *> args;
      if (!levels.empty() && levels[0]->kind == Expr::Kind::Index) {
        args = callArgs(*levels[0]);
        start = 1;
      }
      auto outs = emitCall(name, args, 1, l);
      cur = outs.empty() ? own(EmptyOp::create(b, l)) : asValue(outs[0], l);
    } else {
      cur = asValue(emitExpr(*root), l);
    }
    for (size_t i = start; i < levels.size(); ++i) {
      LevelVals lv = emitLevel(*levels[i], cur, "", l);
      cur = subsref(cur, {lv}, asList && i + 1 == levels.size(), l);
    }
    return EV{cur, Ty::Any};
  }

  /// An argument or element that may expand as a comma-separated list.
  Value emitListable(const Expr &e, MLoc l) {
    if (mayBeList(e))
      return emitChainRead(e, /*asList=*/true).v;
    return asValue(emitSubscriptLikeArg(e), l);
  }

  /// target = value for any assignable target (names, A(i), chains); with
  /// `remove`, target = [] deletes.
  void assignTo(const Expr &target, EV v, MLoc l, bool remove = false) {
    if (target.kind == Expr::Kind::Identifier) {
      store(static_cast<const IdentifierExpr &>(target).name, v, l);
      return;
    }
    std::vector<const Expr *> levels;
    const Expr *root = decompose(target, levels);
    if (root->kind != Expr::Kind::Identifier ||
        !isVar(static_cast<const IdentifierExpr *>(root)->name)) {
      unsupported("this assignment target", l);
      return;
    }
    auto &name = static_cast<const IdentifierExpr *>(root)->name;
    Value slot = slotOf(name);
    if (!isa<ValueType>(cast<SlotType>(slot.getType()).getElementType())) {
      unsupported("indexing into a scalar variable here", l);
      return;
    }
    // Subscripts of level k see `end` of the value the first k levels name.
    std::vector<LevelVals> vals;
    for (const Expr *lvl : levels) {
      Value base;
      if (llvm::any_of(chainArgs(*lvl), [&](const Expr *a) { return usesEnd(*a); })) {
        Value rootV = LoadVarOp::create(b, l, slot);
        base = vals.empty() ? rootV : subsref(rootV, vals, false, l);
      }
      vals.push_back(emitLevel(*lvl, base, name, l));
    }
    SmallVector<int32_t> kinds;
    SmallVector<int64_t> counts;
    SmallVector<Value> args;
    for (auto &lv : vals) {
      kinds.push_back(lv.kind);
      counts.push_back(lv.args.size());
      args.append(lv.args.begin(), lv.args.end());
    }
    SubsasgnOp::create(b, l, slot, kinds, counts, args, asValue(v, l), remove);
  }
  static std::vector<const Expr *> chainArgs(const Expr &lvl) {
    std::vector<const Expr *> out;
    if (lvl.kind == Expr::Kind::Index)
      for (auto &a : static_cast<const IndexExpr &>(lvl).args)
        out.push_back(a.get());
    if (lvl.kind == Expr::Kind::CellIndex)
      for (auto &a : static_cast<const CellIndexExpr &>(lvl).args)
        out.push_back(a.get());
    return out;
  }
  /// Whether `end` occurs in e outside nested subscripts of other arrays.
  static bool usesEnd(const Expr &e) {
    switch (e.kind) {
    case Expr::Kind::End:
      return true;
    case Expr::Kind::Binary: {
      auto &x = static_cast<const BinaryExpr &>(e);
      return usesEnd(*x.lhs) || usesEnd(*x.rhs);
    }
    case Expr::Kind::Unary:
      return usesEnd(*static_cast<const UnaryExpr &>(e).operand);
    case Expr::Kind::Postfix:
      return usesEnd(*static_cast<const PostfixExpr &>(e).operand);
    case Expr::Kind::Range: {
      auto &r = static_cast<const RangeExpr &>(e);
      return usesEnd(*r.start) || usesEnd(*r.stop) || (r.step && usesEnd(*r.step));
    }
    case Expr::Kind::Index: // a function call's arguments see our end
      for (auto &a : static_cast<const IndexExpr &>(e).args)
        if (usesEnd(*a))
          return true;
      return false;
    case Expr::Kind::Matrix:
      for (auto &row : static_cast<const MatrixExpr &>(e).rows)
        for (auto &el : row)
          if (usesEnd(*el))
            return true;
      return false;
    default:
      return false;
    }
  }

  //===--------------------------------------------------------------===//
  // Expressions
  //===--------------------------------------------------------------===//
  EV emitExpr(const Expr &e) {
    MLoc l = loc(e.loc);
    Ty t = prog.typeOf(*spec, e);
    switch (e.kind) {
    case Expr::Kind::Number: {
      auto &n = static_cast<const NumberExpr &>(e);
      if (n.isImag) {
        // 2i: complex(0, 2) via the runtime.
        Value re = BoxOp::create(b, l, f64Const(0, l));
        Value im = BoxOp::create(b, l, f64Const(n.value, l));
        own(re);
        own(im);
        auto op = BuiltinOp::create(b, l, TypeRange{valueTy()}, b.getStringAttr("complex"),
                                    ValueRange{re, im}, b.getI32IntegerAttr(1));
        return EV{own(op.getResult(0)), Ty::Any};
      }
      return EV{f64Const(n.value, l), Ty::Num};
    }
    case Expr::Kind::String:
      return EV{own(StringOp::create(b, l, static_cast<const StringExpr &>(e).value)),
                Ty::Any};
    case Expr::Kind::Colon:
      return EV{own(ColonAllOp::create(b, l)), Ty::Any};
    case Expr::Kind::End:
      return emitEnd(l);
    case Expr::Kind::Identifier: {
      auto &id = static_cast<const IdentifierExpr &>(e);
      if (isVar(id.name))
        return EV{load(id.name, l), varTy(id.name)};
      if (spec->fn && (id.name == "nargin" || id.name == "nargout"))
        return EV{f64Const(id.name == "nargin" ? (double)spec->argTys.size()
                                               : (double)spec->nargout,
                           l),
                  Ty::Num};
      auto outs = emitCall(id.name, {}, 1, l);
      return outs.empty() ? EV{own(EmptyOp::create(b, l)), Ty::Any} : outs[0];
    }
    case Expr::Kind::Binary:
      return emitBinary(static_cast<const BinaryExpr &>(e), t, l);
    case Expr::Kind::Unary: {
      auto &u = static_cast<const UnaryExpr &>(e);
      EV x = emitExpr(*u.operand);
      if (u.op == UnOp::Plus)
        return t == Ty::Num ? EV{asF64(x, l), Ty::Num} : x;
      if (u.op == UnOp::Neg) {
        if (t == Ty::Num)
          return EV{NegOp::create(b, l, asF64(x, l)), Ty::Num};
        return EV{own(NegOp::create(b, l, asValue(x, l))), t};
      }
      if (t == Ty::Bool)
        return EV{NotOp::create(b, l, asF64(x, l)), Ty::Bool};
      return EV{own(NotOp::create(b, l, asValue(x, l))), t};
    }
    case Expr::Kind::Postfix: {
      auto &p = static_cast<const PostfixExpr &>(e);
      EV x = emitExpr(*p.operand);
      if (!isa<ValueType>(x.v.getType()))
        return x; // the transpose of a scalar
      Value r = p.op == PostOp::CTranspose
                    ? CTransposeOp::create(b, l, x.v).getResult()
                    : TransposeOp::create(b, l, x.v).getResult();
      return EV{own(r), t};
    }
    case Expr::Kind::Range: {
      auto &r = static_cast<const RangeExpr &>(e);
      Value a = asValue(emitExpr(*r.start), l);
      Value st = r.step ? asValue(emitExpr(*r.step), l) : Value();
      Value z = asValue(emitExpr(*r.stop), l);
      return EV{own(RangeOp::create(b, l, valueTy(), a, st, z)), t};
    }
    case Expr::Kind::Matrix: {
      auto &m = static_cast<const MatrixExpr &>(e);
      if (Value dense = emitDenseMatrix(m, l))
        return EV{dense, t};
      SmallVector<int64_t> lens;
      SmallVector<Value> elems;
      for (auto &row : m.rows) {
        if (row.empty())
          continue;
        lens.push_back(row.size());
        for (auto &el : row)
          elems.push_back(emitListable(*el, l));
      }
      if (elems.empty())
        return EV{own(EmptyOp::create(b, l)), Ty::DArr};
      return EV{own(ConcatOp::create(b, l, valueTy(), lens, elems)), t};
    }
    case Expr::Kind::Index:
      return emitIndex(static_cast<const IndexExpr &>(e), t, l);
    case Expr::Kind::Cell: {
      auto &c = static_cast<const CellExpr &>(e);
      SmallVector<int64_t> lens;
      SmallVector<Value> elems;
      for (auto &row : c.rows) {
        if (row.empty())
          continue;
        lens.push_back(row.size());
        for (auto &el : row)
          elems.push_back(emitListable(*el, l));
      }
      return EV{own(CellLiteralOp::create(b, l, valueTy(), lens, elems)), Ty::Any};
    }
    case Expr::Kind::CellIndex:
    case Expr::Kind::Field:
    case Expr::Kind::DynField:
      return emitChainRead(e, /*asList=*/false);
    case Expr::Kind::AnonFunc:
      return emitAnon(static_cast<const AnonFuncExpr &>(e), l);
    case Expr::Kind::FuncHandle:
      return emitFuncHandle(static_cast<const FuncHandleExpr &>(e).name, l);
    }
    return EV{own(EmptyOp::create(b, l)), Ty::Any};
  }

  /// The value of a real number literal, optionally signed (`-2.5`), or of
  /// the builtin constants NaN and Inf (when not the program's names).
  std::optional<double> numberLiteral(const Expr &e) {
    if (e.kind == Expr::Kind::Number) {
      auto &n = static_cast<const NumberExpr &>(e);
      if (!n.isImag)
        return n.value;
    } else if (e.kind == Expr::Kind::Identifier) {
      const std::string &n = static_cast<const IdentifierExpr &>(e).name;
      if ((n == "NaN" || n == "nan" || n == "Inf" || n == "inf") && !isVar(n) &&
          !prog.findFunction(n))
        return n[0] == 'i' || n[0] == 'I' ? INFINITY : NAN;
    } else if (e.kind == Expr::Kind::Unary) {
      auto &u = static_cast<const UnaryExpr &>(e);
      if (u.op != UnOp::Not)
        if (auto v = numberLiteral(*u.operand))
          return u.op == UnOp::Neg ? -*v : *v;
    }
    return std::nullopt;
  }

  /// A large matrix literal of real number constants (a data table) as one
  /// runmat.dense_matrix: as boxed scalars and a concat it would be one
  /// instruction sequence per element, which LLVM compiles in superlinear
  /// time. Small literals keep the concat form. Null when not applicable.
  Value emitDenseMatrix(const MatrixExpr &m, MLoc l) {
    constexpr size_t kMinElements = 16;
    SmallVector<double> values;
    int64_t rows = 0, cols = -1;
    for (auto &row : m.rows) {
      if (row.empty())
        continue;
      if (cols >= 0 && (int64_t)row.size() != cols)
        return {};
      cols = (int64_t)row.size();
      ++rows;
      for (auto &el : row) {
        auto v = numberLiteral(*el);
        if (!v)
          return {};
        values.push_back(*v);
      }
    }
    if (values.size() < kMinElements)
      return {};
    auto type = RankedTensorType::get({rows, cols}, b.getF64Type());
    return own(DenseMatrixOp::create(b, l, valueTy(),
                                     DenseElementsAttr::get(type, ArrayRef<double>(values))));
  }

  EV emitBinary(const BinaryExpr &e, Ty t, MLoc l) {
    if (e.op == BinOp::AndAnd || e.op == BinOp::OrOr)
      return emitShortCircuit(e, l);
    EV lhs = emitExpr(*e.lhs), rhs = emitExpr(*e.rhs);
    bool scalar = t == Ty::Num || t == Ty::Bool;
    Value x, y;
    if (scalar) {
      x = asF64(lhs, l);
      y = asF64(rhs, l);
    } else {
      x = asValue(lhs, l);
      y = asValue(rhs, l);
    }
    Value r;
    switch (e.op) {
#define RM_CASE(K, OP)                                                         \
  case BinOp::K:                                                               \
    r = OP::create(b, l, x, y);                                                \
    break;
      RM_CASE(Plus, PlusOp)
      RM_CASE(Minus, MinusOp)
      RM_CASE(Times, TimesOp)
      RM_CASE(RDivide, RDivideOp)
      RM_CASE(LDivide, LDivideOp)
      RM_CASE(Power, PowerOp)
      RM_CASE(MTimes, MTimesOp)
      RM_CASE(MRDivide, MRDivideOp)
      RM_CASE(MLDivide, MLDivideOp)
      RM_CASE(MPower, MPowerOp)
      RM_CASE(Eq, EqOp)
      RM_CASE(Ne, NeOp)
      RM_CASE(Lt, LtOp)
      RM_CASE(Le, LeOp)
      RM_CASE(Gt, GtOp)
      RM_CASE(Ge, GeOp)
      RM_CASE(And, AndOp)
      RM_CASE(Or, OrOp)
#undef RM_CASE
    default:
      break;
    }
    if (!scalar)
      own(r);
    return EV{r, t};
  }

  /// An if/while condition. There (and only there) MATLAB short-circuits
  /// the elementwise `a | b` and `a & b` at the top of the condition: when
  /// `a` is a scalar that decides the result (true for |, false for &), `b`
  /// is not evaluated; otherwise the result is all(a | b) / all(a & b).
  Value emitCondition(const Expr &e, MLoc l) {
    const auto *be = e.kind == Expr::Kind::Binary
                         ? static_cast<const BinaryExpr *>(&e)
                         : nullptr;
    if (!be || (be->op != BinOp::Or && be->op != BinOp::And)) {
      pushTemps();
      Value c = condition(emitExpr(e), l);
      popTemps(l);
      return c;
    }
    bool isOr = be->op == BinOp::Or;
    MBlock *full = newBlock(), *merge = newBlock();
    merge->addArgument(b.getI1Type(), l);
    Value decided = arith::ConstantOp::create(b, l, b.getBoolAttr(isOr));
    auto branchOnTruth = [&](Value t) {
      if (isOr)
        cf::CondBranchOp::create(b, l, t, merge, ValueRange{decided}, full,
                                 ValueRange{});
      else
        cf::CondBranchOp::create(b, l, t, full, ValueRange{}, merge,
                                 ValueRange{decided});
    };
    pushTemps();
    EV lhs = emitExpr(*be->lhs);
    if (lhs.ty == Ty::Num || lhs.ty == Ty::Bool) {
      // A scalar by inference: its truth decides or defers to b alone
      // (0 | b and 1 & b are b's own truth).
      Value t = condition(lhs, l);
      popTemps(l);
      branchOnTruth(t);
      b.setInsertionPointToStart(full);
      cf::BranchOp::create(b, l, merge, ValueRange{emitCondition(*be->rhs, l)});
      b.setInsertionPointToStart(merge);
      return merge->getArgument(0);
    }
    // Unknown shape: decide at run time whether `a` is a scalar.
    Value lv = asValue(lhs, l);
    auto isScalar = BuiltinOp::create(b, l, TypeRange{b.getI1Type()},
                                      b.getStringAttr("isscalar"),
                                      ValueRange{lv}, b.getI32IntegerAttr(1));
    MBlock *scalar = newBlock();
    cf::CondBranchOp::create(b, l, isScalar.getResult(0), scalar, full);
    b.setInsertionPointToStart(scalar);
    branchOnTruth(TruthOp::create(b, l, lv, /*scalar=*/true));
    b.setInsertionPointToStart(full);
    pushTemps();
    Value rv = asValue(emitExpr(*be->rhs), l);
    Value both = isOr ? own(OrOp::create(b, l, lv, rv).getResult())
                      : own(AndOp::create(b, l, lv, rv).getResult());
    Value c = TruthOp::create(b, l, both, /*scalar=*/false);
    popTemps(l);
    cf::BranchOp::create(b, l, merge, ValueRange{c});
    b.setInsertionPointToStart(merge);
    popTemps(l); // releases `a`
    return merge->getArgument(0);
  }

  /// a && b, a || b: b is evaluated only when needed; both must be
  /// convertible to logical scalars.
  EV emitShortCircuit(const BinaryExpr &e, MLoc l) {
    bool isAnd = e.op == BinOp::AndAnd;
    auto truth = [&](EV v) -> Value {
      if (v.v.getType().isInteger(1))
        return v.v;
      return TruthOp::create(b, l, asValue(v, l), /*scalar=*/true);
    };
    pushTemps();
    Value lv = truth(emitExpr(*e.lhs));
    popTemps(l);
    MBlock *rhsB = newBlock(), *merge = newBlock();
    merge->addArgument(b.getI1Type(), l);
    if (isAnd)
      cf::CondBranchOp::create(b, l, lv, rhsB, ValueRange{}, merge, ValueRange{lv});
    else
      cf::CondBranchOp::create(b, l, lv, merge, ValueRange{lv}, rhsB, ValueRange{});
    b.setInsertionPointToStart(rhsB);
    pushTemps();
    Value rv = truth(emitExpr(*e.rhs));
    popTemps(l);
    cf::BranchOp::create(b, l, merge, ValueRange{rv});
    b.setInsertionPointToStart(merge);
    return EV{merge->getArgument(0), Ty::Bool};
  }

  struct EndCtx {
    Value base;       // the indexed value, or null: load `var` lazily
    std::string var;  // for assignments
    int pos = 0, count = 1;
  };
  std::vector<EndCtx> ends;

  EV emitEnd(MLoc l) {
    if (ends.empty()) {
      ErrorOp::create(b, l, "MATLAB:badsubscript",
                      "'end' is only valid inside an index expression.");
      return EV{f64Const(0, l), Ty::Num};
    }
    EndCtx &c = ends.back();
    Value base = c.base;
    if (!base) {
      base = load(c.var, l);
      if (!isa<ValueType>(base.getType()))
        base = own(BoxOp::create(b, l, base));
    }
    Value e = EndOp::create(b, l, b.getF64Type(), base, c.pos, c.count);
    return EV{e, Ty::Num};
  }

  /// A subscript: `:` is the colon marker, anything else an expression.
  EV emitSubscript(const Expr &a) {
    if (a.kind == Expr::Kind::Colon)
      return EV{own(ColonAllOp::create(b, loc(a.loc))), Ty::Any};
    return emitExpr(a);
  }

  EV emitIndex(const IndexExpr &e, Ty t, MLoc l) {
    if (e.base->kind != Expr::Kind::Identifier)
      return emitChainRead(e, /*asList=*/false);
    auto &name = static_cast<const IdentifierExpr &>(*e.base).name;
    if (!isVar(name)) {
      std::vector<const Expr *> args = callArgs(e);
      auto outs = emitCall(name, args, 1, l);
      return outs.empty() ? EV{own(EmptyOp::create(b, l)), Ty::Any} : outs[0];
    }
    EV base = EV{load(name, l), varTy(name)};
    Value bv = asValue(base, l);
    ends.push_back(EndCtx{bv, name, 0, (int)e.args.size()});
    std::vector<EV> idx;
    for (size_t i = 0; i < e.args.size(); ++i) {
      ends.back().pos = (int)i;
      idx.push_back(emitSubscript(*e.args[i]));
    }
    ends.pop_back();
    if (t == Ty::Num) {
      SmallVector<Value> iv;
      for (auto &a : idx)
        iv.push_back(asF64(a, l));
      return EV{IndexScalarOp::create(b, l, b.getF64Type(), bv, iv), Ty::Num};
    }
    SmallVector<Value> iv;
    for (auto &a : idx)
      iv.push_back(asValue(a, l));
    return EV{own(IndexOp::create(b, l, valueTy(), bv, iv)), t};
  }

  //===--------------------------------------------------------------===//
  // Calls
  //===--------------------------------------------------------------===//
  /// Whether a slot holds a variable of the program (not a compiler temp).
  static bool isUserVariable(const std::string &name) {
    return !name.empty() && std::isalpha((unsigned char)name[0]);
  }

  /// exist(name[, type]) as `__exist` with the caller's context: the names
  /// of this workspace's variables, whether each is defined here, and the
  /// functions found on the path when compiling.
  /// A row cell of values (owned).
  Value cellOf(ArrayRef<Value> v, MLoc l) {
    SmallVector<int64_t> lens;
    if (!v.empty())
      lens.push_back(v.size());
    return own(CellLiteralOp::create(b, l, valueTy(), lens, v));
  }

  /// This workspace's variables, for exist and who/whos: a cell of their
  /// names and a logical row saying which are assigned here.
  std::pair<Value, Value> workspaceNames(MLoc l) {
    SmallVector<Value> names, defined;
    for (auto &[name, slot] : slots) {
      if (!isUserVariable(name))
        continue;
      names.push_back(own(StringOp::create(b, l, name)));
      Value d = IsDefinedOp::create(b, l, b.getI1Type(), slot);
      defined.push_back(asValue(EV{d, Ty::Bool}, l));
    }
    Value mask =
        defined.empty()
            ? own(EmptyOp::create(b, l))
            : own(ConcatOp::create(b, l, valueTy(),
                                   ArrayRef<int64_t>{(int64_t)defined.size()},
                                   defined));
    return {cellOf(names, l), mask};
  }

  /// A variable's value, or [] when it is unassigned here (owned).
  Value loadOrEmpty(Value slot, MLoc l) {
    Value defined = IsDefinedOp::create(b, l, b.getI1Type(), slot);
    MBlock *thenB = newBlock(), *elseB = newBlock(), *join = newBlock();
    join->addArgument(valueTy(), l);
    cf::CondBranchOp::create(b, l, defined, thenB, elseB);
    b.setInsertionPointToStart(thenB);
    Value v = LoadVarOp::create(b, l, slot);
    if (isa<ValueType>(v.getType()))
      RetainOp::create(b, l, v);
    else
      v = BoxOp::create(b, l, v);
    cf::BranchOp::create(b, l, join, ValueRange{v});
    b.setInsertionPointToStart(elseB);
    Value e = EmptyOp::create(b, l);
    cf::BranchOp::create(b, l, join, ValueRange{e});
    b.setInsertionPointToStart(join);
    return own(join->getArgument(0));
  }

  /// who / whos as `__who(form, nargout, {names}, [defined], {values},
  /// {attributes}, args...)`: the runtime filters, sorts and prints, or
  /// returns the names (who) or the struct array (whos).
  Value emitWho(const std::string &name, ValueRange args, int nargout, MLoc l) {
    SmallVector<Value> argv;
    argv.push_back(own(StringOp::create(b, l, name)));
    argv.push_back(asValue(EV{f64Const(nargout, l), Ty::Num}, l));
    auto [names, defined] = workspaceNames(l);
    SmallVector<Value> values, attrs;
    for (auto &[var, slot] : slots) {
      if (!isUserVariable(var))
        continue;
      values.push_back(loadOrEmpty(slot, l));
      auto it = sharedSlots.find(var);
      attrs.push_back(own(StringOp::create(
          b, l, it == sharedSlots.end() ? "" : it->second)));
    }
    argv.push_back(names);
    argv.push_back(defined);
    argv.push_back(cellOf(values, l));
    argv.push_back(cellOf(attrs, l));
    argv.append(args.begin(), args.end());
    auto op = BuiltinOp::create(b, l, TypeRange{valueTy()}, b.getStringAttr("__who"),
                                argv, b.getI32IntegerAttr(nargout));
    return own(op.getResult(0));
  }

  Value emitExist(ValueRange args, int nargout, MLoc l) {
    SmallVector<Value> argv(args.begin(), args.end());
    if (argv.size() == 1)
      argv.push_back(own(StringOp::create(b, l, "")));
    auto [names, defined] = workspaceNames(l);
    SmallVector<Value> fns;
    for (auto &fn : prog.file().functions)
      if (!fn->sourcePath.empty() && fn->name.find('>') == std::string::npos)
        fns.push_back(own(StringOp::create(b, l, fn->name)));
    argv.push_back(names);
    argv.push_back(defined);
    argv.push_back(cellOf(fns, l));
    auto op = BuiltinOp::create(b, l, TypeRange{valueTy()}, b.getStringAttr("__exist"),
                                argv, b.getI32IntegerAttr(nargout));
    return own(op.getResult(0));
  }

  /// clear / clear all / clear variables / clear x y: the named variables
  /// (all of them when none is named) become undefined. Globals keep their
  /// shared value.
  void emitClear(const std::vector<std::string> &names, MLoc l) {
    bool all = names.empty();
    std::vector<std::string> vars, globs, regexps;
    bool regexpMode = false;
    for (const std::string &n : names) {
      if (n == "-regexp") {
        regexpMode = true;
        continue;
      }
      if (regexpMode) {
        regexps.push_back(n);
        continue;
      }
      if (n == "all" || n == "-all" || n == "variables" || n == "-variables") {
        all = true;
        continue;
      }
      // Groups with nothing to clear here (compiled functions, classes...).
      if (n == "functions" || n == "-functions" || n == "global" ||
          n == "-global" || n == "classes" || n == "-classes" ||
          n == "import" || n == "java" || n == "mex")
        continue;
      if (n.find_first_of("*?[") != std::string::npos)
        globs.push_back(n);
      else
        vars.push_back(n);
    }
    // The names are known here, so are the variables: patterns are matched
    // now (MATLAB's wildcards are the shell's * ? [..]; -regexp patterns
    // match anywhere in the name, as regexp does).
    std::vector<std::regex> res;
    for (const std::string &p : regexps) {
      try {
        res.emplace_back(p);
      } catch (const std::regex_error &) {
        ErrorOp::create(b, l, "MATLAB:regexp:badPattern",
                        "Invalid regular expression '" + p + "' in clear.");
        return;
      }
    }
    auto wanted = [&](const std::string &name) {
      if (all || std::find(vars.begin(), vars.end(), name) != vars.end())
        return true;
      for (const std::string &g : globs)
        if (fnmatch(g.c_str(), name.c_str(), 0) == 0)
          return true;
      for (const std::regex &r : res)
        if (std::regex_search(name, r))
          return true;
      return false;
    };
    for (auto &[name, slot] : slots) {
      if (!isUserVariable(name) || sharedSlots.count(name))
        continue;
      if (wanted(name))
        ClearVarOp::create(b, l, slot);
    }
  }

  std::vector<EV> emitCall(const std::string &name,
                           const std::vector<const Expr *> &args, int nargout,
                           MLoc l) {
    if (name == "clear" && !prog.findFunction(name) && nargout <= 0) {
      std::vector<std::string> names;
      for (const Expr *a : args) {
        if (a->kind != Expr::Kind::String) {
          ErrorOp::create(b, l, "RunMat:notImplemented",
                          "clear with names computed at run time is not "
                          "supported.");
          return {};
        }
        names.push_back(static_cast<const StringExpr *>(a)->value);
      }
      emitClear(names, l);
      return {};
    }
    // mfilename: the name of the file the calling code is in (known here);
    // mfilename('fullpath') with its folder, without the .m.
    if (name == "mfilename" && !prog.findFunction(name) && args.size() <= 1) {
      const Function *fn = spec->fn;
      std::string file = fn && !fn->sourcePath.empty() ? fn->sourcePath : path;
      std::string text = withoutM(file.substr(file.find_last_of('/') + 1));
      if (args.size() == 1) {
        auto *opt = args[0]->kind == Expr::Kind::String
                        ? static_cast<const StringExpr *>(args[0])
                        : nullptr;
        if (!opt) {
          ErrorOp::create(b, l, "RunMat:notImplemented",
                          "mfilename with an option computed at run time is "
                          "not supported.");
          return {EV{own(EmptyOp::create(b, l)), Ty::Any}};
        }
        if (opt->value == "fullpath")
          text = withoutM(std::filesystem::absolute(file).lexically_normal().string());
        else if (opt->value == "class")
          text = "";
        else {
          ErrorOp::create(b, l, "MATLAB:mfilename:InvalidInput",
                          "Invalid option '" + opt->value + "'.");
          return {EV{own(EmptyOp::create(b, l)), Ty::Any}};
        }
      }
      return {EV{own(StringOp::create(b, l, text)), Ty::Any}};
    }
    // who/whos list the caller's variables.
    if ((name == "who" || name == "whos") && !prog.findFunction(name)) {
      SmallVector<Value> argv;
      for (const Expr *a : args)
        argv.push_back(asValue(emitExpr(*a), l));
      return {EV{emitWho(name, argv, std::max(nargout, 0), l), Ty::Any}};
    }
    // exist sees the caller's variables and the path functions.
    if (name == "exist" && !prog.findFunction(name) &&
        (args.size() == 1 || args.size() == 2)) {
      SmallVector<Value> argv;
      for (const Expr *a : args)
        argv.push_back(asValue(emitExpr(*a), l));
      return {EV{emitExist(argv, std::max(nargout, 1), l), Ty::Any}};
    }
    // narginchk/nargoutchk check the calling function's own counts, which
    // are compile-time constants of this specialization.
    if ((name == "narginchk" || name == "nargoutchk") && spec->fn &&
        !prog.findFunction(name)) {
      SmallVector<Value> argv;
      for (const Expr *a : args)
        argv.push_back(asValue(emitExpr(*a), l));
      double n = name == "narginchk" ? (double)spec->argTys.size()
                                     : (double)spec->nargout;
      argv.push_back(asValue(EV{f64Const(n, l), Ty::Num}, l));
      BuiltinOp::create(b, l, TypeRange{}, b.getStringAttr("__" + name), argv,
                        b.getI32IntegerAttr(0));
      return {};
    }
    std::vector<Ty> resTys = prog.callTypes(*spec, name, args, nargout);
    if (const Function *fn = prog.findFunction(name)) {
      std::vector<Ty> argTys;
      for (auto *a : args)
        argTys.push_back(prog.typeOf(*spec, *a));
      Specialization *calleeP = &prog.specialize(fn, argTys, nargout);
      if (!calleeP->inferred) {
        prog.infer(); // a call site inference did not see (defensive)
        calleeP = &prog.specialize(fn, argTys, nargout);
      }
      Specialization &callee = *calleeP;
      if (!emitted.count(&callee)) {
        emitted.insert(&callee);
        queue.push_back(&callee);
      }
      SmallVector<Value> argVals;
      bool variadic = !fn->params.empty() && fn->params.back() == "varargin";
      size_t fixed = variadic ? fn->params.size() - 1 : fn->params.size();
      SmallVector<Value> rest;
      for (size_t i = 0; i < args.size(); ++i) {
        if (variadic && i >= fixed)
          rest.push_back(emitListable(*args[i], l));
        else
          argVals.push_back(coerce(emitExpr(*args[i]), callee.argTys[i], l));
      }
      if (variadic) {
        SmallVector<int64_t> lens;
        if (!rest.empty())
          lens.push_back(rest.size());
        argVals.push_back(own(CellLiteralOp::create(b, l, valueTy(), lens, rest)));
      }
      SmallVector<Type> rt;
      for (Ty t : callee.resultTys)
        rt.push_back(mlirTy(t));
      auto call = func::CallOp::create(b, l, callee.mangledName, rt, argVals);
      std::vector<EV> outs;
      for (size_t i = 0; i < call.getNumResults(); ++i) {
        Value r = call.getResult(i);
        if (isa<ValueType>(r.getType()))
          own(r);
        outs.push_back(EV{r, callee.resultTys[i]});
      }
      return outs;
    }
    if (!sema::Program::isBuiltin(name)) {
      ErrorOp::create(b, l, "MATLAB:UndefinedFunction",
                      "Unrecognized function or variable '" + name + "'.");
      std::vector<EV> outs;
      for (int i = 0; i < std::max(nargout, 1); ++i)
        outs.push_back(EV{own(EmptyOp::create(b, l)), Ty::Any});
      return outs;
    }
    SmallVector<Value> argVals;
    for (auto *a : args) {
      if (mayBeList(*a)) {
        argVals.push_back(emitListable(*a, l));
        continue;
      }
      EV v = emitSubscriptLikeArg(*a);
      Type vt = v.v.getType();
      argVals.push_back(vt.isF64() || vt.isInteger(1) ? v.v : asValue(v, l));
    }
    SmallVector<Type> rt;
    for (Ty t : resTys)
      rt.push_back(mlirTy(t));
    auto op = BuiltinOp::create(b, l, rt, b.getStringAttr(name), argVals,
                                b.getI32IntegerAttr(nargout));
    std::vector<EV> outs;
    for (size_t i = 0; i < op->getNumResults(); ++i) {
      Value r = op.getResult(i);
      if (isa<ValueType>(r.getType()))
        own(r);
      outs.push_back(EV{r, resTys[i]});
    }
    return outs;
  }

  /// Builtin arguments: a bare `:` is passed as the char ':' (as in
  /// `size(x, :)` it is invalid anyway); everything else is an expression.
  EV emitSubscriptLikeArg(const Expr &a) {
    if (a.kind == Expr::Kind::Colon)
      return EV{own(StringOp::create(b, loc(a.loc), ":")), Ty::Any};
    return emitExpr(a);
  }

  MLIRContext &ctx;
  OpBuilder b;
  sema::Program &prog;
  std::string path, fileBase;
  /// The global and persistent names of this function: "global" or
  /// "persistent".
  std::map<std::string, std::string> sharedSlots;
  ModuleOp module;
  std::deque<Specialization *> queue;
  std::set<Specialization *> emitted;
  std::set<std::string> entries;
  std::deque<PendingEntry> pendingEntries;

  // Per-function state.
  Specialization *spec = nullptr;
  MBlock *entryBlock = nullptr, *exitBlock = nullptr;
  std::map<std::string, Value> slots;
  std::vector<std::vector<Value>> temps;
  struct LoopCtx {
    MBlock *cont, *exit;
    int tryDepth = 0; // enclosing try blocks when the loop began
  };
  int tryDepth = 0;   // try blocks open at the current point
  func::FuncOp currentFunc;
  std::vector<LoopCtx> loops;
  int hiddenCounter = 0;
};

} // namespace

OwningOpRef<ModuleOp> runmat::mlirGen(MLIRContext &context, sema::Program &program,
                                      const std::string &path) {
  context.getOrLoadDialect<RunMatDialect>();
  context.getOrLoadDialect<func::FuncDialect>();
  context.getOrLoadDialect<arith::ArithDialect>();
  context.getOrLoadDialect<cf::ControlFlowDialect>();
  Gen gen(context, program, path);
  return gen.run();
}
