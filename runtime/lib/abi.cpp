//===- abi.cpp - The C ABI called by compiled MATLAB code -----------------===//
//
// Every rm_* entry point of abi.h (and abi_ext.h). C++ exceptions never leave
// this file: each entry point catches MatlabError (and allocation failures),
// records it, and longjmps to the innermost handler installed by
// rm_run_main or rm_try_begin. The longjmp happens after the catch block has
// finished, so no C++ frame with live destructors is skipped.
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/abi.h"
#include "runmat/rt/Builtins.h"
#include "runmat/rt/Display.h"
#include "runmat/rt/Error.h"
#include "runmat/rt/FunctionHandle.h"
#include "runmat/rt/Index.h"
#include "runmat/rt/Int64.h"
#include "runmat/rt/Io.h"
#include "runmat/rt/Ops.h"
#include "runmat/rt/Subsref.h"
#include "runmat/rt/Value.h"
#include "runmat/rt/abi_ext.h"

#include <cblas.h>

#include <cmath>
#include <csetjmp>
#include <cstdlib>
#include <cstring>
#include <malloc.h>
#include <memory>
#include <new>
#include <sched.h>
#include <string>
#include <unordered_map>
#include <vector>

using namespace runmat::rt;

namespace {

inline Value *V(rm_value *v) { return reinterpret_cast<Value *>(v); }
inline rm_value *R(Value *v) { return reinterpret_cast<rm_value *>(v); }
inline rm_value *out(ValueRef r) { return R(r.release()); }

// - error state ---------------------------------------------------------------

/// One frame of an error's call stack (MException.stack).
struct StackFrame {
  std::string file, name; // name: "f", or "FILE>LOCAL" for local functions
  int32_t line = 0;
};

struct ErrorRecord {
  std::string identifier, message, function;
  std::string file, where; // location when raised
  int32_t line = 0;
  std::vector<StackFrame> stack; // innermost first
};

struct Location {
  const char *file = nullptr;
  const char *function = nullptr;
  int32_t line = 0;
};

struct Handler {
  jmp_buf buf;
  // The catching function's state, restored by rm_caught_error.
  size_t frames = 0;
  Location loc;
  int32_t line = 0;
};
Handler gCaught; // the state of the handler that caught the last error

Location gLoc;
/// The MATLAB call stack: one entry per compiled function being executed,
/// holding the caller's location to restore when it returns.
std::vector<Location> gFrames;
std::unordered_map<std::string, rm_value *> gWorkspace; // stable slots
ErrorRecord gPending;                                   // being raised
ErrorRecord gLast;                                      // last caught (rm_try)
std::vector<std::unique_ptr<Handler>> gPool; // stable jmp_buf storage
size_t gTop = 0;                             // handlers in use

Handler *pushHandler() {
  if (gTop == gPool.size())
    gPool.push_back(std::make_unique<Handler>());
  return gPool[gTop++].get();
}

std::string baseName(const std::string &file);

/// The name a stack frame shows: the file's name for its main function or
/// script, "FILE>LOCAL" for a local function.
std::string frameName(const std::string &file, const std::string &function) {
  std::string base = baseName(file);
  if (function.empty() || function == base || base.empty())
    return base.empty() ? function : base;
  if (function.find('>') != std::string::npos)
    return function; // already FILE>LOCAL (functions found on the path)
  return base + ">" + function;
}

void setPending(std::string id, std::string msg, std::string fn) {
  gPending.identifier = std::move(id);
  gPending.message = std::move(msg);
  gPending.function = std::move(fn);
  gPending.file = gLoc.file ? gLoc.file : "";
  gPending.where = gLoc.function ? gLoc.function : "";
  gPending.line = rm_current_line > 0 ? rm_current_line : gLoc.line;
  // The call stack: where the error was raised, then each caller's
  // location (gFrames holds them, outermost first). Frames without a file
  // (the run-time entry point) are left out.
  gPending.stack.clear();
  if (!gPending.file.empty())
    gPending.stack.push_back(
        {gPending.file, frameName(gPending.file, gPending.where), gPending.line});
  for (size_t k = gFrames.size(); k-- > 0;) {
    const Location &f = gFrames[k];
    if (!f.file || !*f.file)
      continue;
    gPending.stack.push_back(
        {f.file, frameName(f.file, f.function ? f.function : ""), f.line});
  }
}

/// Records the exception being handled (call only inside a catch block).
void capture() noexcept {
  try {
    throw;
  } catch (const MatlabError &e) {
    setPending(e.identifier, e.message, e.function);
  } catch (const std::bad_alloc &) {
    setPending("MATLAB:nomem",
               "Out of memory. The likely cause is an infinite recursion "
               "within the program.",
               "");
  } catch (const std::length_error &) {
    setPending("MATLAB:pmaxsize",
               "Requested array exceeds the maximum possible size.", "");
  } catch (const std::exception &e) {
    setPending("RunMat:internal", std::string("Internal error: ") + e.what(),
               "");
  } catch (...) {
    setPending("RunMat:internal", "Internal error.", "");
  }
}

std::string baseName(const std::string &file) {
  size_t slash = file.find_last_of('/');
  std::string b = slash == std::string::npos ? file : file.substr(slash + 1);
  if (b.size() > 2 && b.compare(b.size() - 2, 2, ".m") == 0)
    b.resize(b.size() - 2);
  return b;
}

/// MATLAB's text for an uncaught error.
std::string errorText(const ErrorRecord &e) {
  // "Error using NAME" only for errors raised by a builtin: the recorded
  // function of the location is where the last call entered, which is stale
  // once that function has returned.
  std::string fn = e.function == "error" ? "" : e.function;
  std::string s;
  if (!fn.empty())
    s = "Error using " + fn + "\n" + e.message + "\n";
  else
    s = "Error: " + e.message + "\n";
  // One "Error in" line per frame, innermost first, as MATLAB prints them.
  bool first = true;
  for (const StackFrame &f : e.stack) {
    if (f.line <= 0)
      continue;
    s += std::string(first ? "\n" : "") + "Error in " + f.name + " (line " +
         std::to_string(f.line) + ")\n";
    first = false;
  }
  return s;
}

[[noreturn]] void raisePending() {
  if (gTop == 0) {
    // No handler (called outside rm_run_main): report and stop.
    writeErr(errorText(gPending));
    std::exit(1);
  }
  Handler *h = gPool[--gTop].get();
  gLast = gPending; // what a catch block sees
  gCaught.frames = h->frames;
  gCaught.loc = h->loc;
  gCaught.line = h->line;
  std::longjmp(h->buf, 1);
}

#define RM_GUARD_BEGIN try {
#define RM_GUARD_END                                                           \
  }                                                                            \
  catch (...) {                                                                \
    capture();                                                                 \
  }                                                                            \
  raisePending();

[[noreturn]] void fail(const char *id, const char *msg, const char *fn = "") {
  setPending(id, msg, fn ? fn : "");
  raisePending();
}

std::vector<const Value *> subscripts(int64_t n, rm_value **idx) {
  if (n < 0 || (n > 0 && !idx))
    throwError("RunMat:badCall", "Invalid subscript list.");
  std::vector<const Value *> v((size_t)n);
  for (int64_t k = 0; k < n; ++k) {
    if (!idx[k])
      throwError("RunMat:badCall", "Missing subscript value.");
    v[(size_t)k] = V(idx[k]);
  }
  return v;
}

const Value &deref(rm_value *v) {
  if (!v)
    throwError("RunMat:badCall", "Missing value.");
  return *V(v);
}

/// Restores *slot from ref when the assignment finishes or fails.
struct SlotGuard {
  rm_value **slot;
  ValueRef ref;
  explicit SlotGuard(rm_value **s) : slot(s), ref(ValueRef::adopt(V(*s))) {
    *s = nullptr;
  }
  ~SlotGuard() { *slot = R(ref.release()); }
  SlotGuard(const SlotGuard &) = delete;
  SlotGuard &operator=(const SlotGuard &) = delete;
};

/// Integer value of a double subscript in [1, n], or 0 when it is not one.
inline int64_t fastIndex(double i, int64_t n) {
  if (!(i >= 1.0) || !(i <= (double)n))
    return 0;
  int64_t k = (int64_t)i;
  return (double)k == i ? k : 0;
}

inline bool fastDouble(const Value *v) {
  return v && v->cls == ClassId::Double && !v->complex;
}

bool isText(const Value &v) {
  return v.cls == ClassId::Char &&
         (v.dims.size() == 2 && (v.dims[0] == 1 || v.numel() == 0));
}

/// One case value against the switch subject (MATLAB's switch rules).
bool caseMatches(const Value &s, const Value &c) {
  bool sText = s.cls == ClassId::Char, cText = c.cls == ClassId::Char;
  if (sText || cText) // strcmp semantics
    return sText && cText && s.dims == c.dims && s.re == c.re;
  bool sData = isNumericClass(s.cls) || s.cls == ClassId::Logical;
  bool cData = isNumericClass(c.cls) || c.cls == ClassId::Logical;
  if (!sData || !cData || c.re.size() != 1 || s.re.size() != 1)
    return false;
  double si = s.complex && !s.im.empty() ? s.im[0] : 0.0;
  double ci = c.complex && !c.im.empty() ? c.im[0] : 0.0;
  if ((isWide(s) || isWide(c)) && si == 0 && ci == 0)
    return exactLong(s, 0) == exactLong(c, 0);
  return s.re[0] == c.re[0] && si == ci;
}

bool switchMatches(const Value &subject, const Value &cv) {
  bool ok = (subject.cls == ClassId::Char && isText(subject)) ||
            ((isNumericClass(subject.cls) || subject.cls == ClassId::Logical) &&
             subject.re.size() == 1);
  if (!ok)
    throwError("MATLAB:switch:caseExpression",
               "SWITCH expression must be a scalar or a character vector.");
  if (cv.cls == ClassId::Cell) {
    for (const ValueRef &e : cv.cells)
      if (e && caseMatches(subject, *e))
        return true;
    return false;
  }
  return caseMatches(subject, cv);
}

/// Adds an element of a concatenation to its row: a comma-separated list
/// ([c{:}]) contributes its values in place.
void addConcatElement(std::vector<const Value *> &row, const Value &e) {
  if (e.csList)
    for (auto &c : e.cells)
      row.push_back(c.get());
  else
    row.push_back(&e);
}

/// Whether a fused region's compiled body covers this array: real data of
/// class double (or single, where the region rounds to single).
bool fusableArray(const Value *v, bool allowSingle) {
  return v && !v->complex && !v->csList &&
         (v->cls == ClassId::Double || (allowSingle && v->cls == ClassId::Single));
}

/// The size of a fused region's result: the arrays' common size, or the
/// size their sizes combine to by implicit expansion. The compiled kernels
/// see the result as R x C (R its first dimension, C the product of the
/// others) and an array's element (i, j) at i * rs + j * cs, so with more
/// than two dimensions an array must have either all of the result's
/// other dimensions or none of them (all 1): X - mean(X) on a
/// 2160 x 3840 x B array, not X - mean(X, 3). Other sizes take the
/// fallback.
struct FusedShape {
  Dims dims;
  bool same = true, single = false;
  std::vector<bool> alongColumns; // per array: has the result's other dims
};

bool fusedShape(int64_t n, rm_value **arrays, FusedShape &fs) {
  const Value *first = V(arrays[0]);
  size_t nd = 0;
  for (int64_t k = 0; k < n; ++k) {
    const Value *v = V(arrays[k]);
    if (!fusableArray(v, /*allowSingle=*/true))
      return false;
    fs.single |= v->cls == ClassId::Single;
    fs.same &= v->dims == first->dims;
    nd = std::max(nd, v->dims.size());
  }
  fs.dims = first->dims;
  if (fs.same)
    return true;
  auto dimAt = [](const Dims &d, size_t k) { return k < d.size() ? d[k] : 1; };
  fs.dims.assign(nd, 1);
  for (int64_t k = 0; k < n; ++k)
    for (size_t d = 0; d < nd; ++d) {
      int64_t a = dimAt(V(arrays[k])->dims, d);
      if (fs.dims[d] == 1)
        fs.dims[d] = a;
      else if (a != 1 && a != fs.dims[d])
        return false; // the fallback raises MATLAB's error
    }
  fs.alongColumns.assign((size_t)n, false);
  for (int64_t k = 0; k < n; ++k) {
    const Dims &v = V(arrays[k])->dims;
    bool none = true, all = true;
    for (size_t d = 1; d < nd; ++d) {
      none &= dimAt(v, d) == 1;
      all &= dimAt(v, d) == fs.dims[d];
    }
    if (!none && !all)
      return false; // not linear in the column index: the fallback
    fs.alongColumns[(size_t)k] = !none;
  }
  return true;
}

/// Per array, its row and column strides in the R x C result: 1 or 0 (a
/// single row), its rows or 0 (none of the result's other dimensions).
/// With one size for all, the strides of the linear layout.
void fusedStrides(int64_t n, rm_value **arrays, const FusedShape &fs,
                  int64_t *strides) {
  for (int64_t k = 0; k < n; ++k) {
    const Dims &d = V(arrays[k])->dims;
    strides[2 * k] = fs.same || d[0] != 1 ? 1 : 0;
    strides[2 * k + 1] = fs.same || !fs.alongColumns[(size_t)k] ? 0 : d[0];
  }
}

/// A fused region's size given by its generators (rm_fused_prepare_shaped,
/// rm_fused_reduce_prepare_shaped): rows x cols as non-negative integers,
/// the n arrays (n may be 0) real double and combining to exactly that
/// size. False otherwise (the fallback runs).
bool shapedFusedShape(double rows, double cols, int64_t n,
                             rm_value **arrays, FusedShape &fs) {
  auto isCount = [](double x) {
    return x >= 0 && x <= kExactIntegerLimit && std::floor(x) == x;
  };
  if (!isCount(rows) || !isCount(cols) || rows * cols > kExactIntegerLimit ||
      n < 0 || (n > 0 && !arrays))
    return false;
  Dims dims{(int64_t)rows, (int64_t)cols};
  if (n > 0 && (!fusedShape(n, arrays, fs) || fs.single || fs.dims != dims))
    return false;
  fs.dims = dims;
  return true;
}

} // namespace

extern "C" {

int32_t rm_current_line = 0;

// - lifetime ------------------------------------------------------------------

void rm_retain(rm_value *v) {
  if (v)
    ++V(v)->refcount;
}

void rm_release(rm_value *v) {
  if (v && --V(v)->refcount == 0)
    delete V(v);
}

// - boxing / unboxing ---------------------------------------------------------

rm_value *rm_from_f64(double x) {
  RM_GUARD_BEGIN
  return out(makeDouble(x));
  RM_GUARD_END
}

rm_value *rm_from_bool(int32_t b) {
  RM_GUARD_BEGIN
  return out(makeBool(b != 0));
  RM_GUARD_END
}

rm_value *rm_from_string(const char *s, int64_t len) {
  RM_GUARD_BEGIN
  if (len < 0 || (len > 0 && !s))
    throwError("RunMat:badCall", "Invalid string literal.");
  return out(makeString(std::string(s ? s : "", (size_t)len)));
  RM_GUARD_END
}

rm_value *rm_from_doubles(int64_t rows, int64_t cols, const double *rowMajor) {
  RM_GUARD_BEGIN
  if (rows < 0 || cols < 0 || (rows * cols > 0 && !rowMajor))
    throwError("RunMat:badCall", "Invalid matrix literal.");
  ValueRef v = makeArray(ClassId::Double, {rows, cols});
  double *d = v->re.data();
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j)
      std::memcpy(&d[j * rows + i], &rowMajor[i * cols + j], sizeof(double));
  return out(std::move(v));
  RM_GUARD_END
}

rm_value *rm_empty(void) {
  RM_GUARD_BEGIN
  return out(makeEmpty());
  RM_GUARD_END
}

rm_value *rm_colon_all(void) {
  Value *c = colonValue();
  ++c->refcount;
  return R(c);
}

double rm_to_f64(rm_value *v) {
  Value *x = V(v);
  if (x && x->cls == ClassId::Double && !x->complex && x->re.size() == 1)
    return x->re[0];
  RM_GUARD_BEGIN
  return scalarOf(deref(v), "value");
  RM_GUARD_END
}

int32_t rm_truth(rm_value *v) {
  Value *x = V(v);
  if (x && x->re.size() == 1 && !x->complex && x->cls != ClassId::Cell &&
      x->cls != ClassId::Struct && !std::isnan(x->re[0]))
    return x->re[0] != 0;
  RM_GUARD_BEGIN
  return isTrue(deref(v)) ? 1 : 0;
  RM_GUARD_END
}

int32_t rm_truth_scalar(rm_value *v) {
  RM_GUARD_BEGIN
  const Value &x = deref(v);
  bool data = isNumericClass(x.cls) || x.cls == ClassId::Logical ||
              x.cls == ClassId::Char;
  if (!data || x.re.size() != 1)
    throwError("MATLAB:nonLogicalConditional",
               "Operands to the || and && operators must be convertible to "
               "logical scalar values.");
  double im = x.complex && !x.im.empty() ? x.im[0] : 0.0;
  if (std::isnan(x.re[0]) || std::isnan(im))
    throwError("MATLAB:nologicalnan", "NaN's cannot be converted to logicals.");
  return (x.re[0] != 0 || im != 0) ? 1 : 0;
  RM_GUARD_END
}

int32_t rm_is_scalar_double(rm_value *v) {
  return v && isRealDoubleScalar(*V(v)) ? 1 : 0;
}

// - operators -----------------------------------------------------------------

rm_value *rm_binop(int32_t op, rm_value *a, rm_value *b) {
  RM_GUARD_BEGIN
  const Value &x = deref(a), &y = deref(b);
  if (isRealDoubleScalar(x) && isRealDoubleScalar(y)) {
    double p = x.re[0], q = y.re[0];
    switch (op) {
    case RM_OP_PLUS:
      return out(makeDouble(p + q));
    case RM_OP_MINUS:
      return out(makeDouble(p - q));
    case RM_OP_TIMES:
    case RM_OP_MTIMES:
      return out(makeDouble(p * q));
    case RM_OP_RDIVIDE:
    case RM_OP_MRDIVIDE:
      return out(makeDouble(p / q));
    case RM_OP_LDIVIDE:
    case RM_OP_MLDIVIDE:
      return out(makeDouble(q / p));
    case RM_OP_EQ:
      return out(makeBool(p == q));
    case RM_OP_NE:
      return out(makeBool(p != q));
    case RM_OP_LT:
      return out(makeBool(p < q));
    case RM_OP_LE:
      return out(makeBool(p <= q));
    case RM_OP_GT:
      return out(makeBool(p > q));
    case RM_OP_GE:
      return out(makeBool(p >= q));
    default:
      break; // power and logic: the general path
    }
  }
  return out(binaryOp(op, x, y));
  RM_GUARD_END
}

rm_value *rm_unop(int32_t op, rm_value *a) {
  RM_GUARD_BEGIN
  return out(unaryOp(op, deref(a)));
  RM_GUARD_END
}

rm_value *rm_range(rm_value *a, rm_value *step, rm_value *b) {
  RM_GUARD_BEGIN
  const Value &x = deref(a), &y = deref(b);
  const Value *s = step ? V(step) : nullptr;
  if (isRealDoubleScalar(x) && isRealDoubleScalar(y) &&
      (!s || isRealDoubleScalar(*s)))
    return out(colonRange(x.re[0], s ? s->re[0] : 1.0, y.re[0]));
  return out(colonOp(x, s, y));
  RM_GUARD_END
}

// - construction --------------------------------------------------------------

rm_value *rm_concat(int64_t nrows, const int64_t *rowlens, rm_value **elems) {
  RM_GUARD_BEGIN
  if (nrows < 0 || (nrows > 0 && !rowlens))
    throwError("RunMat:badCall", "Invalid concatenation.");
  std::vector<std::vector<const Value *>> rows((size_t)nrows);
  int64_t k = 0;
  for (int64_t r = 0; r < nrows; ++r) {
    if (rowlens[r] < 0)
      throwError("RunMat:badCall", "Invalid concatenation.");
    rows[(size_t)r].reserve((size_t)rowlens[r]);
    for (int64_t j = 0; j < rowlens[r]; ++j, ++k)
      addConcatElement(rows[(size_t)r], deref(elems ? elems[k] : nullptr));
  }
  return out(concat(rows));
  RM_GUARD_END
}

void rm_append(rm_value **slot, int64_t n, rm_value **values, int32_t vertical) {
  RM_GUARD_BEGIN
  if (!slot || !*slot || n < 0 || (n > 0 && !values))
    throwError("RunMat:badCall", "Invalid append.");
  Value &x = *V(*slot);
  // In place: x unshared, real, a row (column) or 0x0, and every value of
  // x's class, real, a row (column) or 0x0 (which concatenation skips).
  auto extends = [&](const Value &v) {
    if (v.csList || v.complex || v.cls != x.cls || v.dims.size() != 2)
      return false;
    if (v.dims[0] == 0 && v.dims[1] == 0)
      return true;
    return vertical ? v.dims[1] == 1 : v.dims[0] == 1;
  };
  bool inPlace = x.refcount == 1 && !x.complex && !x.csList &&
                 x.dims.size() == 2 &&
                 (x.cls == ClassId::Double || x.cls == ClassId::Char ||
                  x.cls == ClassId::Logical || x.cls == ClassId::Single) &&
                 ((x.dims[0] == 0 && x.dims[1] == 0) ||
                  (vertical ? x.dims[1] == 1 : x.dims[0] == 1));
  for (int64_t k = 0; inPlace && k < n; ++k)
    inPlace = values[k] && extends(*V(values[k]));
  if (inPlace) {
    int64_t added = 0;
    for (int64_t k = 0; k < n; ++k) {
      const Value &v = *V(values[k]);
      if (v.dims[0] == 0 && v.dims[1] == 0)
        continue;
      x.re.insert(x.re.end(), v.re.begin(), v.re.end());
      added += (int64_t)v.re.size();
    }
    if (added > 0) {
      if (x.dims[0] == 0 && x.dims[1] == 0)
        x.dims = vertical ? Dims{0, 1} : Dims{1, 0};
      x.dims[vertical ? 0 : 1] += added;
    }
    return;
  }
  std::vector<std::vector<const Value *>> rows(vertical ? (size_t)n + 1 : 1);
  addConcatElement(rows[0], x);
  for (int64_t k = 0; k < n; ++k)
    addConcatElement(rows[vertical ? (size_t)k + 1 : 0], deref(values[k]));
  ValueRef r = concat(rows);
  rm_value *old = *slot;
  *slot = out(std::move(r));
  rm_release(old);
  return;
  RM_GUARD_END
}

// - indexing ------------------------------------------------------------------

rm_value *rm_index(rm_value *base, int64_t nidx, rm_value **idx) {
  RM_GUARD_BEGIN
  if (deref(base).cls == ClassId::FunctionHandle) { // f(x) with f a handle
    Args in;
    for (int64_t k = 0; k < nidx; ++k)
      in.push_back(ValueRef::borrow(const_cast<Value *>(&deref(idx[k]))));
    Args res = callFunctionHandle(deref(base), 1, in);
    if (res.empty() || !res[0])
      throwError("MATLAB:TooManyOutputs", "Too many output arguments.");
    return out(res[0]);
  }
  return out(indexValue(deref(base), subscripts(nidx, idx)));
  RM_GUARD_END
}

int64_t rm_end(rm_value *base, int64_t k, int64_t nidx) {
  RM_GUARD_BEGIN
  return endValue(deref(base), k, nidx);
  RM_GUARD_END
}

void rm_index_assign(rm_value **slot, int64_t nidx, rm_value **idx,
                     rm_value *rhs, int32_t is_delete) {
  RM_GUARD_BEGIN
  if (!slot)
    throwError("RunMat:badCall", "Missing assignment target.");
  std::vector<const Value *> subs = subscripts(nidx, idx);
  SlotGuard g(slot);
  if (is_delete)
    indexDelete(g.ref, subs);
  else
    indexAssign(g.ref, subs, deref(rhs));
  return;
  RM_GUARD_END
}

double rm_index_f64_1(rm_value *base, double i) {
  Value *b = V(base);
  if (fastDouble(b)) {
    int64_t k = fastIndex(i, (int64_t)b->re.size());
    if (k)
      return b->re[(size_t)(k - 1)];
  }
  RM_GUARD_BEGIN
  ValueRef s = makeDouble(i);
  ValueRef r = indexValue(deref(base), {s.get()});
  return scalarOf(*r, "value");
  RM_GUARD_END
}

double rm_index_f64_2(rm_value *base, double i, double j) {
  Value *b = V(base);
  if (fastDouble(b)) {
    int64_t rows = b->dims[0];
    int64_t cols = rows ? (int64_t)b->re.size() / rows : 0;
    int64_t r = fastIndex(i, rows), c = fastIndex(j, cols);
    if (r && c)
      return b->re[(size_t)((c - 1) * rows + (r - 1))];
  }
  RM_GUARD_BEGIN
  ValueRef si = makeDouble(i), sj = makeDouble(j);
  ValueRef r = indexValue(deref(base), {si.get(), sj.get()});
  return scalarOf(*r, "value");
  RM_GUARD_END
}

void rm_index_assign_f64_1(rm_value **slot, double i, double rhs) {
  Value *b = slot ? V(*slot) : nullptr;
  if (fastDouble(b) && b->refcount == 1) {
    int64_t n = (int64_t)b->re.size();
    int64_t k = fastIndex(i, n);
    if (k) {
      b->re[(size_t)(k - 1)] = rhs;
      return;
    }
    // Appending one element to a row/column vector (x(end+1) = v).
    if (i == (double)(n + 1) && b->dims.size() == 2 && n < ((int64_t)1 << 40)) {
      bool row = b->dims[0] == 1 || (b->dims[0] == 0 && b->dims[1] == 0);
      bool col = !row && b->dims[1] == 1;
      if (row || col) {
        b->re.push_back(rhs);
        if (row) {
          b->dims[0] = 1;
          b->dims[1] = n + 1;
        } else {
          b->dims[0] = n + 1;
        }
        return;
      }
    }
  }
  RM_GUARD_BEGIN
  if (!slot)
    throwError("RunMat:badCall", "Missing assignment target.");
  ValueRef s = makeDouble(i), v = makeDouble(rhs);
  SlotGuard g(slot);
  indexAssign(g.ref, {s.get()}, *v);
  return;
  RM_GUARD_END
}

void rm_index_assign_f64_2(rm_value **slot, double i, double j, double rhs) {
  Value *b = slot ? V(*slot) : nullptr;
  if (fastDouble(b) && b->refcount == 1 && b->dims.size() == 2) {
    int64_t rows = b->dims[0], cols = b->dims[1];
    int64_t r = fastIndex(i, rows), c = fastIndex(j, cols);
    if (r && c) {
      b->re[(size_t)((c - 1) * rows + (r - 1))] = rhs;
      return;
    }
  }
  RM_GUARD_BEGIN
  if (!slot)
    throwError("RunMat:badCall", "Missing assignment target.");
  ValueRef si = makeDouble(i), sj = makeDouble(j), v = makeDouble(rhs);
  SlotGuard g(slot);
  indexAssign(g.ref, {si.get(), sj.get()}, *v);
  return;
  RM_GUARD_END
}

// - for loops -----------------------------------------------------------------

int64_t rm_for_count(rm_value *range) {
  RM_GUARD_BEGIN
  const Value &v = deref(range);
  if (v.cls == ClassId::FunctionHandle)
    return 1;
  if (v.numel() == 0)
    return 0;
  return v.cols();
  RM_GUARD_END
}

namespace {
ValueRef forColumn(const Value &v, int64_t k);
} // namespace

rm_value *rm_for_column(rm_value *range, int64_t k) {
  RM_GUARD_BEGIN
  const Value &v = deref(range);
  return out(movingElements(v, [&](const Value &r) { return forColumn(r, k); }));
  RM_GUARD_END
}

namespace {

/// Column k of a for loop's range (the value itself for a handle).
ValueRef forColumn(const Value &v, int64_t k) {
  if (v.cls == ClassId::FunctionHandle)
    return ValueRef::borrow(const_cast<Value *>(&v));
  int64_t rows = v.dims[0], cols = v.numel() == 0 ? 0 : v.cols();
  if (k < 0 || k >= cols)
    throwError("MATLAB:index:outOfBounds",
               "Index exceeds the number of array elements. Index must not "
               "exceed %lld.",
               (long long)cols);
  bool data = isNumericClass(v.cls) || v.cls == ClassId::Logical ||
              v.cls == ClassId::Char;
  bool cx = v.complex && !v.im.empty();
  if (data && rows == 1) {
    ValueRef r = makeDouble(v.re[(size_t)k]);
    r->cls = v.cls;
    if (cx) {
      r->complex = true;
      r->im.assign(1, v.im[(size_t)k]);
    }
    return r;
  }
  ValueRef r = v.cls == ClassId::Struct ? makeStruct({rows, 1}, v.fields)
                                        : makeArray(v.cls, {rows, 1});
  if (data) {
    std::copy(v.re.begin() + k * rows, v.re.begin() + (k + 1) * rows,
              r->re.begin());
    if (cx) {
      r->complex = true;
      r->im.assign(v.im.begin() + k * rows, v.im.begin() + (k + 1) * rows);
    }
  } else {
    size_t w = v.cls == ClassId::Struct ? v.fields.size() : 1;
    for (size_t q = 0; q < (size_t)rows * w; ++q)
      r->cells[q] = v.cells[(size_t)k * rows * w + q];
  }
  return r;
}

} // namespace

// - builtins ------------------------------------------------------------------

void rm_call_builtin(const char *name, int32_t nargout, int32_t nargin,
                     rm_value **args, int32_t nout, rm_value **outs) {
  RM_GUARD_BEGIN
  if (nargin < 0 || nout < 0 || (nargin > 0 && !args) || (nout > 0 && !outs))
    throwError("RunMat:badCall", "Invalid builtin call.");
  Args in;
  in.reserve((size_t)nargin);
  for (int32_t k = 0; k < nargin; ++k) {
    Value *a = const_cast<Value *>(&deref(args[k]));
    if (a->csList) // f(c{:}): the list's values as separate arguments
      for (auto &c : a->cells)
        in.push_back(c);
    else
      in.push_back(ValueRef::borrow(a));
  }
  Args res = callBuiltin(name ? name : "", nargout, in);
  // A call statement (nargout 0) asks for one optional result: null when the
  // builtin returned nothing.
  if (nargout == 0 && nout == 1 && (res.empty() || !res[0])) {
    outs[0] = nullptr;
    return;
  }
  if ((int32_t)res.size() < nout)
    throwErrorIn(name, "MATLAB:TooManyOutputs", "Too many output arguments.");
  for (int32_t k = 0; k < nout; ++k)
    if (!res[(size_t)k])
      throwErrorIn(name, "MATLAB:unassignedOutputs",
                   "Output argument %d not assigned a value.", (int)k + 1);
  for (int32_t k = 0; k < nout; ++k)
    outs[k] = R(res[(size_t)k].release());
  return;
  RM_GUARD_END
}

int32_t rm_has_builtin(const char *name) {
  RM_GUARD_BEGIN
  return name && findBuiltin(name) ? 1 : 0;
  RM_GUARD_END
}

rm_value **rm_workspace_slot(const char *name) {
  RM_GUARD_BEGIN
  // References to unordered_map elements survive rehashing.
  return &gWorkspace[name ? name : ""];
  RM_GUARD_END
}

rm_value *rm_fused_prepare(int64_t n, rm_value **arrays, int64_t *layout) {
  if (n <= 0 || !arrays || !layout)
    return nullptr;
  FusedShape fs;
  if (!fusedShape(n, arrays, fs))
    return nullptr;
  RM_GUARD_BEGIN
  layout[0] = fs.dims[0];
  layout[1] = (fs.same ? 0 : 1) | (fs.single ? 2 : 0);
  fusedStrides(n, arrays, fs, layout + 2);
  return out(makeArray(fs.single ? ClassId::Single : ClassId::Double, fs.dims));
  RM_GUARD_END
}

rm_value *rm_fused_prepare_shaped(double rows, double cols, int64_t n,
                                  rm_value **arrays, int64_t *layout) {
  FusedShape fs;
  if (!layout || !shapedFusedShape(rows, cols, n, arrays, fs))
    return nullptr;
  RM_GUARD_BEGIN
  layout[0] = fs.dims[0];
  layout[1] = fs.same ? 0 : 1;
  fusedStrides(n, arrays, fs, layout + 2);
  return out(makeArray(ClassId::Double, fs.dims));
  RM_GUARD_END
}

static rm_value *fusedReducePrepare(int64_t n, rm_value **arrays,
                                    const FusedShape &fs, int32_t dim,
                                    int32_t outDouble, int64_t *layout);

rm_value *rm_fused_reduce_prepare(int64_t n, rm_value **arrays, int32_t dim,
                                  int32_t outDouble, int64_t *layout) {
  if (n <= 0 || !arrays || !layout)
    return nullptr;
  FusedShape fs;
  if (!fusedShape(n, arrays, fs))
    return nullptr;
  return fusedReducePrepare(n, arrays, fs, dim, outDouble, layout);
}

rm_value *rm_fused_reduce_prepare_shaped(double rows, double cols, int64_t n,
                                         rm_value **arrays, int32_t dim,
                                         int32_t outDouble, int64_t *layout) {
  FusedShape fs;
  if (!layout || !shapedFusedShape(rows, cols, n, arrays, fs))
    return nullptr;
  return fusedReducePrepare(n, arrays, fs, dim, outDouble, layout);
}

static rm_value *fusedReducePrepare(int64_t n, rm_value **arrays,
                                    const FusedShape &fs, int32_t dim,
                                    int32_t outDouble, int64_t *layout) {
  const Dims &dims = fs.dims;
  int64_t numel = 1;
  for (int64_t x : dims)
    numel *= x;
  if (numel == 0)
    return nullptr;
  int64_t d = dim;
  if (d == 0) { // the first dimension that is not 1
    d = 1;
    while (d <= (int64_t)dims.size() && dims[(size_t)d - 1] == 1)
      ++d;
    if (d > (int64_t)dims.size())
      d = 1; // a scalar
  }
  // The elements as R x C (column-major; C the product of the dimensions
  // after the first).
  int64_t R = dims[0], C = numel / dims[0], count;
  Dims outDims;
  bool allColumns = false;
  if (d == -1) {
    if (!fs.same && C != 1) {
      // The expanded elements are not one line: their sum over 'all' is
      // taken by columns when each column is a whole number of chunks
      // (the chunks of the linear order are then the columns' chunks,
      // added in the same order by the finish); else the fallback.
      if (R % RM_SUM_CHUNK != 0)
        return nullptr;
      allColumns = true;
      d = 1, count = numel;
    } else {
      R = numel, C = 1, d = 1, count = numel;
    }
    outDims = Dims{1, 1};
  } else if (d == 1) {
    outDims = dims;
    outDims[0] = 1;
    count = R;
  } else if (d == 2 && dims.size() == 2) {
    outDims = Dims{R, 1};
    count = C;
    if (R == 1) { // a row: one output, folded left to right like a column
      if (!fs.same)
        return nullptr;
      R = C, C = 1, d = 1;
    }
  } else {
    return nullptr;
  }
  RM_GUARD_BEGIN
  layout[0] = R, layout[1] = C, layout[2] = d;
  layout[3] = (fs.same ? 0 : 1) | (fs.single ? 2 : 0) | (allColumns ? 4 : 0);
  layout[4] = count;
  layout[5] = fs.single && !outDouble; // the result is single
  layout[6] = d == 1 ? (R + RM_SUM_CHUNK - 1) / RM_SUM_CHUNK : 0;
  layout[7] = 0;
  if (fs.same) {
    for (int64_t k = 0; k < n; ++k)
      layout[8 + 2 * k] = 1, layout[9 + 2 * k] = R;
  } else {
    fusedStrides(n, arrays, fs, layout + 8);
  }
  ValueRef r = makeArray(ClassId::Double, outDims);
  if (d == 1)
    layout[7] = (int64_t)(intptr_t) new double[(size_t)(C * layout[6])];
  return out(std::move(r));
  RM_GUARD_END
}

void rm_fused_reduce_finish(rm_value *outv, int32_t kind, int64_t *layout) {
  if (!outv)
    return;
  std::vector<double> &o = V(outv)->re;
  if (double *partials = (double *)(intptr_t)layout[7]) {
    // Each output's chunks, in order: with flag 4 ('all' by columns) the
    // one output has every column's.
    int64_t nch = layout[3] & 4 ? layout[1] * layout[6] : layout[6];
    for (size_t j = 0; j < o.size(); ++j) {
      double total = 0;
      for (int64_t c = 0; c < nch; ++c)
        total += partials[(int64_t)j * nch + c];
      o[j] = total;
    }
    delete[] partials;
    layout[7] = 0;
  }
  if (kind == 1) {
    double count = (double)layout[4];
    for (double &x : o)
      x /= count;
  }
  if (layout[5]) {
    V(outv)->cls = ClassId::Single;
    for (double &x : o)
      x = castElement(x, ClassId::Single);
  }
}

rm_value **rm_shared_slot(const char *key) {
  RM_GUARD_BEGIN
  // global and persistent variables: created as [] on first use, alive
  // until the program ends.
  static std::unordered_map<std::string, rm_value *> shared;
  rm_value *&slot = shared[key ? key : ""];
  if (!slot)
    slot = reinterpret_cast<rm_value *>(makeEmpty().release());
  return &slot;
  RM_GUARD_END
}

void rm_assign_ans(rm_value **slot, rm_value *v, int32_t display) {
  if (!v)
    return;
  RM_GUARD_BEGIN
  if (!slot)
    throwError("RunMat:badCall", "Missing assignment target.");
  ++V(v)->refcount;
  rm_value *old = *slot;
  *slot = v;
  rm_release(old);
  if (display)
    displayValue("ans", *V(v));
  return;
  RM_GUARD_END
}

int32_t rm_switch_match(rm_value *subject, rm_value *case_value) {
  RM_GUARD_BEGIN
  return switchMatches(deref(subject), deref(case_value)) ? 1 : 0;
  RM_GUARD_END
}

// - display -------------------------------------------------------------------

void rm_display(const char *name, rm_value *v) {
  RM_GUARD_BEGIN
  displayValue(name ? name : "ans", deref(v));
  return;
  RM_GUARD_END
}

void rm_display_f64(const char *name, double x) {
  RM_GUARD_BEGIN
  ValueRef v = makeDouble(x);
  displayValue(name ? name : "ans", *v);
  return;
  RM_GUARD_END
}

void rm_display_bool(const char *name, int32_t b) {
  RM_GUARD_BEGIN
  ValueRef v = makeBool(b != 0);
  displayValue(name ? name : "ans", *v);
  return;
  RM_GUARD_END
}

// - errors --------------------------------------------------------------------

void rm_error(const char *identifier, const char *message) {
  fail(identifier ? identifier : "", message ? message : "");
}

void rm_error_undefined(const char *name) {
  std::string msg = std::string("Unrecognized function or variable '") +
                    (name ? name : "") + "'.";
  fail("MATLAB:UndefinedFunction", msg.c_str());
}

void rm_error_not_enough_inputs(void) {
  fail("MATLAB:minrhs", "Not enough input arguments.");
}

void rm_error_unassigned_output(const char *name, const char *function) {
  std::string fn = function ? function : (gLoc.function ? gLoc.function : "");
  std::string msg = std::string("Output argument \"") + (name ? name : "") +
                    "\" (and possibly others) not assigned a value in the "
                    "execution with \"" +
                    fn + "\" function.";
  fail("MATLAB:unassignedOutputs", msg.c_str());
}

void rm_error_too_many_inputs(const char *fname) {
  fail("MATLAB:TooManyInputs", "Too many input arguments.", fname);
}

void rm_error_too_many_outputs(const char *fname) {
  fail("MATLAB:TooManyOutputs", "Too many output arguments.", fname);
}

void rm_enter_function(const char *file, const char *function) {
  // MATLAB's default RecursionLimit: deeper calls raise an error instead of
  // overflowing the native stack.
  if (gFrames.size() >= 500) {
    RM_GUARD_BEGIN
    throwError("MATLAB:recursionLimit",
               "Maximum recursion limit of 500 reached. Use "
               "set(0,'RecursionLimit',N) to change the limit. Be aware that "
               "exceeding your available stack space can crash MATLAB and/or "
               "your computer.");
    RM_GUARD_END
  }
  Location caller = gLoc;
  caller.line = rm_current_line;
  gFrames.push_back(caller);
  gLoc.file = file;
  gLoc.function = function;
  gLoc.line = 0;
}

void rm_leave_function(void) {
  if (gFrames.empty())
    return;
  gLoc = gFrames.back();
  rm_current_line = gLoc.line;
  gFrames.pop_back();
}

void rm_set_location(const char *file, const char *function, int32_t line) {
  gLoc.file = file;
  gLoc.function = function;
  gLoc.line = line;
}

// - try/catch (abi_ext.h) -----------------------------------------------------

void *rm_try_begin(void) {
  Handler *h = pushHandler();
  h->frames = gFrames.size();
  h->loc = gLoc;
  h->line = rm_current_line;
  return static_cast<void *>(h->buf);
}

rm_value *rm_caught_error(void) {
  gFrames.resize(std::min(gFrames.size(), gCaught.frames));
  gLoc = gCaught.loc;
  rm_current_line = gCaught.line;
  RM_GUARD_BEGIN
  // An MException-like struct: identifier, message, stack.
  ValueRef e = makeStruct(Dims{1, 1}, {"identifier", "message", "stack"});
  e->cells[0] = makeString(gLast.identifier);
  e->cells[1] = makeString(gLast.message);
  // stack: an N x 1 struct array with fields file, name and line.
  const int64_t n = (int64_t)gLast.stack.size();
  ValueRef st = makeStruct(Dims{n, 1}, {"file", "name", "line"});
  for (int64_t k = 0; k < n; ++k) {
    const StackFrame &f = gLast.stack[(size_t)k];
    st->cells[(size_t)(k * 3 + 0)] = makeString(f.file);
    st->cells[(size_t)(k * 3 + 1)] = makeString(f.name);
    st->cells[(size_t)(k * 3 + 2)] = makeDouble(f.line);
  }
  e->cells[2] = st;
  e->exception = true;
  return out(e);
  RM_GUARD_END
}

void rm_try_end(void) {
  if (gTop > 0)
    --gTop;
}

rm_value *rm_last_error_message(void) {
  RM_GUARD_BEGIN
  return out(makeString(gLast.message));
  RM_GUARD_END
}

rm_value *rm_last_error_identifier(void) {
  RM_GUARD_BEGIN
  return out(makeString(gLast.identifier));
  RM_GUARD_END
}

void rm_rethrow_last(void) {
  gPending = gLast;
  raisePending();
}

// - chained indexing and cell literals ---------------------------------------

namespace {
std::vector<Sub> decodeChain(int64_t nlev, const int32_t *kinds,
                             const int64_t *counts, rm_value **args) {
  if (nlev < 0 || (nlev > 0 && (!kinds || !counts)))
    throwError("RunMat:badCall", "Invalid subscript chain.");
  std::vector<Sub> chain((size_t)nlev);
  int64_t a = 0;
  for (int64_t l = 0; l < nlev; ++l) {
    Sub &s = chain[(size_t)l];
    if (kinds[l] < 0 || kinds[l] > 2 || counts[l] < 0)
      throwError("RunMat:badCall", "Invalid subscript chain.");
    s.kind = (SubKind)kinds[l];
    for (int64_t k = 0; k < counts[l]; ++k, ++a) {
      const Value &v = deref(args ? args[a] : nullptr);
      if (s.kind == SubKind::Field) {
        if (!v.isChar() || (v.rows() > 1))
          throwError("MATLAB:DynamicFieldName",
                     "Dynamic field names must be text (a char row vector).");
        s.field = v.str();
      } else {
        s.args.push_back(&v);
      }
    }
  }
  return chain;
}

ValueRef listValue(std::vector<ValueRef> list) {
  if (list.size() == 1)
    return list[0];
  ValueRef c = makeCell(Dims{1, (int64_t)list.size()});
  for (size_t k = 0; k < list.size(); ++k)
    c->cells[k] = list[k];
  c->csList = true;
  return c;
}
} // namespace

rm_value *rm_subsref(rm_value *base, int64_t nlev, const int32_t *kinds,
                     const int64_t *counts, rm_value **args, int32_t as_list) {
  RM_GUARD_BEGIN
  std::vector<Sub> chain = decodeChain(nlev, kinds, counts, args);
  if (as_list)
    return out(listValue(subsrefList(deref(base), chain)));
  return out(subsref(deref(base), chain));
  RM_GUARD_END
}

void rm_subsasgn(rm_value **slot, int64_t nlev, const int32_t *kinds,
                 const int64_t *counts, rm_value **args, rm_value *rhs) {
  RM_GUARD_BEGIN
  if (!slot)
    throwError("RunMat:badCall", "Missing assignment target.");
  std::vector<Sub> chain = decodeChain(nlev, kinds, counts, args);
  const Value &r = deref(rhs);
  if (r.csList)
    throwError("MATLAB:index:expected_one_output_from_expression",
               "Insufficient number of outputs from right hand side of equal "
               "sign to satisfy assignment.");
  ValueRef ref = ValueRef::adopt(V(*slot));
  *slot = nullptr;
  try {
    subsasgn(ref, chain, r);
  } catch (...) {
    *slot = R(ref.release());
    throw;
  }
  *slot = R(ref.release());
  return;
  RM_GUARD_END
}

void rm_subsdelete(rm_value **slot, int64_t nlev, const int32_t *kinds,
                   const int64_t *counts, rm_value **args) {
  RM_GUARD_BEGIN
  if (!slot)
    throwError("RunMat:badCall", "Missing assignment target.");
  std::vector<Sub> chain = decodeChain(nlev, kinds, counts, args);
  ValueRef empty = makeEmpty();
  ValueRef ref = ValueRef::adopt(V(*slot));
  *slot = nullptr;
  try {
    subsasgn(ref, chain, *empty, /*remove=*/true);
  } catch (...) {
    *slot = R(ref.release());
    throw;
  }
  *slot = R(ref.release());
  return;
  RM_GUARD_END
}

rm_value *rm_list_element(rm_value *list, int64_t k, int64_t n) {
  RM_GUARD_BEGIN
  const Value &l = deref(list);
  int64_t have = l.csList ? (int64_t)l.cells.size() : 1;
  if (k >= have)
    throwError("MATLAB:needMoreRhsOutputs",
               "Insufficient number of outputs from right hand side of equal "
               "sign to satisfy assignment.");
  if (l.csList)
    return out(l.cells[(size_t)k]);
  return out(ValueRef::borrow(const_cast<Value *>(&l)));
  RM_GUARD_END
}

rm_value *rm_cell_literal(int64_t nrows, const int64_t *rowlens, rm_value **elems) {
  RM_GUARD_BEGIN
  if (nrows < 0 || (nrows > 0 && !rowlens))
    throwError("RunMat:badCall", "Invalid cell array.");
  // Each row is a 1xN cell of its values (lists expanded); rows stack.
  std::vector<ValueRef> rowCells;
  int64_t k = 0;
  for (int64_t r = 0; r < nrows; ++r) {
    std::vector<ValueRef> vals;
    for (int64_t j = 0; j < rowlens[r]; ++j, ++k) {
      Value *e = const_cast<Value *>(&deref(elems ? elems[k] : nullptr));
      if (e->csList)
        for (auto &c : e->cells)
          vals.push_back(c);
      else
        vals.push_back(ValueRef::borrow(e));
    }
    if (vals.empty())
      continue;
    ValueRef row = makeCell(Dims{1, (int64_t)vals.size()});
    for (size_t j = 0; j < vals.size(); ++j)
      row->cells[j] = vals[j];
    rowCells.push_back(row);
  }
  if (rowCells.empty())
    return out(makeCell(Dims{0, 0}));
  if (rowCells.size() == 1)
    return out(rowCells[0]);
  std::vector<std::vector<const Value *>> rows;
  for (auto &rc : rowCells)
    rows.push_back({rc.get()});
  return out(concat(rows));
  RM_GUARD_END
}

// - function handles ---------------------------------------------------------

rm_value *rm_make_closure(rm_code code, const char *text, int64_t ncaps,
                          rm_value **caps, int32_t nparams) {
  RM_GUARD_BEGIN
  ValueRef h = makeArray(ClassId::FunctionHandle, Dims{1, 1});
  h->fh = new FunctionHandleData;
  h->fh->text = text ? text : "";
  h->fh->code = reinterpret_cast<void *>(code);
  h->fh->nparams = nparams;
  for (int64_t k = 0; k < ncaps; ++k)
    h->fh->captures.push_back(ValueRef::borrow(V(caps[k])));
  return out(h);
  RM_GUARD_END
}

rm_value *rm_make_handle(const char *name, rm_code code, int32_t nparams) {
  RM_GUARD_BEGIN
  ValueRef h = makeNamedHandle(name ? name : "");
  h->fh->code = reinterpret_cast<void *>(code);
  h->fh->nparams = code ? nparams : -1;
  return out(h);
  RM_GUARD_END
}

void rm_call_value(rm_value *f, int32_t nargout, int32_t nargin, rm_value **args,
                   int32_t nout, rm_value **outs) {
  RM_GUARD_BEGIN
  const Value &fv = deref(f);
  Args in;
  for (int32_t k = 0; k < nargin; ++k) {
    Value *a = const_cast<Value *>(&deref(args[k]));
    if (a->csList)
      for (auto &c : a->cells)
        in.push_back(c);
    else
      in.push_back(ValueRef::borrow(a));
  }
  Args res;
  if (fv.cls == ClassId::FunctionHandle) {
    res = callFunctionHandle(fv, nargout, in);
  } else {
    std::vector<const Value *> idx;
    for (auto &a : in)
      idx.push_back(a.get());
    res = {indexValue(fv, idx)};
  }
  if (nargout == 0 && nout == 1 && (res.empty() || !res[0])) {
    outs[0] = nullptr;
    return;
  }
  if ((int32_t)res.size() < nout)
    throwError("MATLAB:TooManyOutputs", "Too many output arguments.");
  for (int32_t k = 0; k < nout; ++k) {
    if (!res[(size_t)k])
      throwError("MATLAB:unassignedOutputs",
                 "Output argument %d not assigned a value.", (int)k + 1);
    outs[k] = R(res[(size_t)k].release());
  }
  return;
  RM_GUARD_END
}

// - program entry -------------------------------------------------------------

int32_t rm_run_main(void (*entry)(void)) {
  rm_init();
  volatile size_t frames = gFrames.size();
  volatile size_t depth = gTop;
  Handler *h = pushHandler();
  if (setjmp(h->buf) == 0) {
    if (entry)
      entry();
    gTop = depth;
    flushOut();
    return 0;
  }
  gTop = depth;
  gFrames.resize(frames);
  flushOut();
  writeErr(errorText(gPending));
  return 1;
}

/* OpenBLAS (Debian's DYNAMIC_ARCH build) picks its kernels from the CPU
 * model it recognises, and takes an unknown one for a 20-year-old core
 * ("Prescott": DGEMM at a fifth of the machine's rate on these VMs). It
 * reads OPENBLAS_CORETYPE in its own start-up constructor (priority 101),
 * so this runs earlier, from .preinit_array (executables link the runtime
 * statically), and names the kernel family from the CPU's features unless
 * the user chose one. */
static void rmChooseBlasKernels(void) {
  if (std::getenv("OPENBLAS_CORETYPE"))
    return;
  __builtin_cpu_init();
  const char *core = nullptr;
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
      __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl"))
    core = "SkylakeX";
  else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
    core = "Haswell";
  if (core)
    setenv("OPENBLAS_CORETYPE", core, 0);
}
__attribute__((section(".preinit_array"), used)) static void (
    *const rmPreinitBlas)(void) = rmChooseBlasKernels;

void rm_init(void) {
  static bool done = false;
  if (done)
    return;
  done = true;
  colonValue();
  // Array temporaries are large and short-lived: keep freed memory in the
  // heap instead of returning it to the kernel (mmap/munmap per array costs
  // a page fault per 4 KiB on every reuse, which dominates elementwise work).
  // Returning memory is as costly: on the development VM, freeing a 67 MB
  // array that ends the heap cost 45 ms (trim, then every page faulted in
  // again by the next large array at about 0.25 GB/s; freeing 4 images of
  // 4K, 265 MB, inside imgnorm's timed region cost 0.2 s, still 0.08 s
  // with a 2 GiB threshold). The heap never shrinks (-1: no trimming), so
  // a process's memory stays at its peak until it exits.
  mallopt(M_MMAP_MAX, 0);
  mallopt(M_TRIM_THRESHOLD, -1);
  rm_parallel_start();
  // One BLAS thread per CPU this process may run on, unless the user chose.
  if (!std::getenv("OPENBLAS_NUM_THREADS") && !std::getenv("OMP_NUM_THREADS")) {
    cpu_set_t set;
    int n = 0;
    if (sched_getaffinity(0, sizeof set, &set) == 0)
      n = CPU_COUNT(&set);
    if (n > 0)
      openblas_set_num_threads(n);
  }
}

} // extern "C"

namespace runmat::rt {

namespace {
/// The program's own functions by name (registered at start-up when it
/// calls feval or str2func): they take precedence over builtins.
std::unordered_map<std::string, ValueRef> &functionRegistry() {
  static std::unordered_map<std::string, ValueRef> r;
  return r;
}
} // namespace

void registerFunction(const Value &handle) {
  if (handle.cls == ClassId::FunctionHandle && handle.fh &&
      !handle.fh->name.empty())
    functionRegistry()[handle.fh->name] =
        ValueRef::borrow(const_cast<Value *>(&handle));
}

ValueRef makeNamedHandle(const std::string &name) {
  auto it = functionRegistry().find(name);
  if (it != functionRegistry().end())
    return it->second;
  ValueRef h = makeArray(ClassId::FunctionHandle, Dims{1, 1});
  h->fh = new FunctionHandleData;
  h->fh->name = name;
  h->fh->text = name;
  return h;
}

Args callFunctionHandle(const Value &fh, int nargout, const Args &args) {
  if (fh.cls != ClassId::FunctionHandle || !fh.fh)
    throwError("MATLAB:badfunction", "Expected a function handle.");
  const FunctionHandleData &d = *fh.fh;
  if (!d.code)
    return callBuiltin(d.name.c_str(), nargout, args);
  if (d.nparams >= 0 && (int)args.size() > d.nparams)
    throwError("MATLAB:TooManyInputs", "Too many input arguments.");
  // Raw arrays prepared before setjmp: nothing below changes after it.
  std::vector<rm_value *> caps, in;
  for (auto &c : d.captures)
    caps.push_back(R(c.get()));
  for (auto &a : args)
    in.push_back(R(a.get()));
  int nout = nargout > 1 ? nargout : 1;
  std::vector<rm_value *> outs((size_t)nout, nullptr);
  auto code = reinterpret_cast<rm_code>(d.code);
  volatile size_t frames = gFrames.size();
  Location loc = gLoc;
  int32_t line = rm_current_line;
  Handler *h = pushHandler();
  h->frames = frames;
  h->loc = loc;
  h->line = line;
  if (setjmp(h->buf) == 0) {
    code(caps.data(), (int32_t)in.size(), in.data(), nargout, outs.data());
    --gTop;
  } else {
    // An error inside the compiled code: back to C++ (the handler is gone).
    gFrames.resize(std::min(gFrames.size(), (size_t)frames));
    gLoc = loc;
    rm_current_line = line;
    MatlabError e(gLast.identifier, gLast.message, gLast.function);
    throw e;
  }
  Args res;
  for (rm_value *o : outs)
    res.push_back(ValueRef::adopt(V(o)));
  while (!res.empty() && !res.back())
    res.pop_back();
  return res;
}

} // namespace runmat::rt
