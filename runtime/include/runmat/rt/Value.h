//===- runmat/rt/Value.h - MATLAB values in the runtime ---------*- C++ -*-===//
//
// The runtime's value model: every MATLAB value is a reference-counted,
// copy-on-write N-D array of one class. Numeric, logical and char data are
// kept as doubles (`re`, plus `im` when complex); cells hold references.
// This header is internal to the runtime (no LLVM, no MLIR): compiled code
// sees only the opaque rm_value of abi.h.
//
//===----------------------------------------------------------------------===//
#ifndef RUNMAT_RT_VALUE_H
#define RUNMAT_RT_VALUE_H

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace runmat::rt {

enum class ClassId : uint8_t {
  Double,
  Single,
  Int8,
  UInt8,
  Int16,
  UInt16,
  Int32,
  UInt32,
  Int64,
  UInt64,
  Logical,
  Char,
  Cell,
  Struct,
  FunctionHandle,
};

/// MATLAB's class name ("double", "logical", "char", "cell", ...).
const char *className(ClassId c);
bool isNumericClass(ClassId c);  // double, single, integers
bool isIntegerClass(ClassId c);  // int8 ... uint64
bool isFloatClass(ClassId c);    // double, single

using Dims = std::vector<int64_t>;

class Value;
/// class(v): className(v.cls), or "MException" for an exception object.
const char *classNameOf(const Value &v);

/// An owning, intrusive reference to a Value (retain on copy, release on
/// destruction). Null is allowed.
class ValueRef {
public:
  ValueRef() = default;
  /// Adopts an already-owned (+1) pointer.
  static ValueRef adopt(Value *v) {
    ValueRef r;
    r.p = v;
    return r;
  }
  /// Retains a borrowed pointer.
  static ValueRef borrow(Value *v);
  ValueRef(const ValueRef &o);
  ValueRef(ValueRef &&o) noexcept : p(o.p) { o.p = nullptr; }
  ValueRef &operator=(const ValueRef &o);
  ValueRef &operator=(ValueRef &&o) noexcept;
  ~ValueRef();

  Value *get() const { return p; }
  Value *operator->() const { return p; }
  Value &operator*() const { return *p; }
  explicit operator bool() const { return p != nullptr; }
  /// Gives up ownership (+1) to the caller.
  Value *release() {
    Value *r = p;
    p = nullptr;
    return r;
  }

private:
  Value *p = nullptr;
};

/// A function handle: a named function (`@sin`, `@myfun`) or an anonymous
/// function (`@(x) x + a`) with its captured workspace.
struct FunctionHandleData {
  std::string name;              // function name, or "" for anonymous
  std::string text;              // func2str text: "@(x)x+a" or "sin"
  void *code = nullptr;          // compiled entry (rm_code) or null: builtin
  int nparams = -1;              // declared parameters (-1: any number)
  std::vector<ValueRef> captures;
};

class Value {
public:
  int64_t refcount = 1;
  ClassId cls = ClassId::Double;
  bool complex = false;
  /// A Cell standing for a comma-separated list (c{:}, s.f of a struct
  /// array) on its way into a call or a concatenation; never stored.
  bool csList = false;
  /// A Struct standing for an MException object (identifier, message,
  /// stack): class() says MException and isstruct is false.
  bool exception = false;
  Dims dims{0, 0};             // always >= 2 entries, trailing 1s beyond 2 trimmed
  std::vector<double> re;      // numeric / logical / char data, column-major
  std::vector<double> im;      // imaginary parts when complex
  /// int64/uint64 only: the exact values (uint64 as its bit pattern) when
  /// some element exceeds 2^53 in magnitude ("wide", see Int64.h); `re`
  /// then holds them rounded to the nearest double. Empty otherwise.
  std::vector<int64_t> ix;
  std::vector<ValueRef> cells; // Cell: the elements; Struct: numel*nfields
  std::vector<std::string> fields; // Struct: field names (in order)
  FunctionHandleData *fh = nullptr;

  Value() = default;
  Value(const Value &) = delete;
  Value &operator=(const Value &) = delete;
  ~Value();

  int64_t numel() const;
  int64_t ndims() const { return (int64_t)dims.size(); }
  int64_t rows() const { return dims[0]; }
  int64_t cols() const; // product of dims[1..]
  bool isEmpty() const { return numel() == 0; }
  bool isScalar() const { return numel() == 1; }
  bool isVector() const; // 1xN or Nx1 (N >= 0), 2-D
  bool isRow() const { return dims.size() == 2 && dims[0] == 1; }
  bool isColumn() const { return dims.size() == 2 && dims[1] == 1; }
  bool isNumeric() const { return isNumericClass(cls); }
  bool isChar() const { return cls == ClassId::Char; }
  bool isLogical() const { return cls == ClassId::Logical; }
  bool isCell() const { return cls == ClassId::Cell; }
  bool isStruct() const { return cls == ClassId::Struct; }

  /// Element k (0-based) as double (real part).
  double at(int64_t k) const { return re[(size_t)k]; }
  /// Text of a char array (row-major flattening of a row vector; UTF-8 out).
  std::string str() const;
};

// ---- construction ------------------------------------------------------
/// A new array of class `c` with `dims`, zero-filled.
ValueRef makeArray(ClassId c, const Dims &dims);
ValueRef makeDouble(double x);
ValueRef makeBool(bool b);
ValueRef makeString(const std::string &utf8); // 1xN char (0x0 for "")
ValueRef makeEmpty();                         // 0x0 double
ValueRef makeMatrix(int64_t rows, int64_t cols, const std::vector<double> &colMajor);
ValueRef makeRowVector(const std::vector<double> &v, ClassId c = ClassId::Double);
ValueRef makeColumnVector(const std::vector<double> &v, ClassId c = ClassId::Double);
ValueRef makeCell(const Dims &dims);

/// A private copy of v (deep for data, shallow-retaining for cell elements).
ValueRef copyValue(const Value &v);
/// Ensures *r is not shared (refcount 1), copying if needed (copy-on-write).
void makeUnique(ValueRef &r);

/// Normalises dims: at least 2 entries, trailing singleton dims beyond the
/// second removed.
void normalizeDims(Dims &d);
int64_t numelOf(const Dims &d);
/// "2×3", "0×0", "3×4×2" with U+00D7.
std::string dimsString(const Dims &d);

// ---- conversions ---------------------------------------------------------
/// Rounds/saturates x to integer class c (round half away, NaN -> 0); for
/// Single rounds to float; for Logical errors on NaN; others unchanged.
double castElement(double x, ClassId c);
/// Converts a whole value to class c (as double(), logical(), char(), ...).
ValueRef convertClass(const Value &v, ClassId c);
/// Real scalar value as double; errors (with `what` in the message) otherwise.
double scalarOf(const Value &v, const char *what = "value");
/// Integer-valued positive scalar (sizes, dims); errors otherwise.
int64_t intScalarOf(const Value &v, const char *what = "value");

// ---- additions (runtime/lib/Value.cpp) --------------------------------------
/// A 1x1 value of class c (x cast with castElement).
ValueRef makeScalar(double x, ClassId c);
/// A struct array: element k's field f is cells[k * fields.size() + f]; every
/// field starts as [].
ValueRef makeStruct(const Dims &dims, const std::vector<std::string> &fields);
/// Index of field `name` in v.fields, or -1.
int64_t fieldIndex(const Value &v, const std::string &name);
/// Errors "Requested array exceeds the maximum possible size." (overflow, or
/// more memory than the machine has) when an array of dims cannot exist.
void checkArraySize(const Dims &d, bool complex = false);
/// True when v is a real double scalar.
inline bool isRealDoubleScalar(const Value &v) {
  return v.cls == ClassId::Double && !v.complex && v.re.size() == 1;
}
/// Drops the imaginary part when every element of it is zero (MATLAB does
/// this for the results of arithmetic).
void narrowComplex(Value &v);

} // namespace runmat::rt

#endif // RUNMAT_RT_VALUE_H
