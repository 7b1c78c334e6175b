// RUN: %runmat-opt %s --runmat-lower-scalar-builtins | FileCheck %s

// CHECK-LABEL: func.func @mod
func.func @mod(%a: f64, %b: f64) -> f64 {
  // CHECK-NOT: runmat.builtin
  // CHECK: arith.divf
  // CHECK: math.floor
  // CHECK: arith.select
  %r = runmat.builtin "mod"(%a, %b) {nargout = 1 : i32} : (f64, f64) -> f64
  return %r : f64
}

// CHECK-LABEL: func.func @unary
func.func @unary(%a: f64) -> f64 {
  // CHECK: math.absf
  %r = runmat.builtin "abs"(%a) {nargout = 1 : i32} : (f64) -> f64
  // CHECK: math.round
  %s = runmat.builtin "round"(%r) {nargout = 1 : i32} : (f64) -> f64
  // CHECK: math.trunc
  %t = runmat.builtin "fix"(%s) {nargout = 1 : i32} : (f64) -> f64
  // CHECK: arith.maxnumf
  %u = runmat.builtin "max"(%t, %a) {nargout = 1 : i32} : (f64, f64) -> f64
  return %u : f64
}

// Builtins on values, and scalar builtins without a native form, stay calls.
// CHECK-LABEL: func.func @kept
func.func @kept(%a: f64, %v: !runmat.value) -> f64 {
  // CHECK: runmat.builtin "sum"
  %s = runmat.builtin "sum"(%v) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  // CHECK: runmat.builtin "gamma"
  %q = runmat.builtin "gamma"(%a) {nargout = 1 : i32} : (f64) -> f64
  runmat.release %s
  return %q : f64
}

// sqrt and log are f64 -> f64 only where the front end proved the argument
// >= 0 (else their result is a value): that form lowers to math ops.
// CHECK-LABEL: func.func @nonnegative
// CHECK: math.sqrt
// CHECK: math.log
// CHECK: math.log2
// CHECK: math.log10
func.func @nonnegative(%a: f64) -> f64 {
  %0 = runmat.builtin "sqrt"(%a) {nargout = 1 : i32} : (f64) -> f64
  %1 = runmat.builtin "log"(%0) {nargout = 1 : i32} : (f64) -> f64
  %2 = runmat.builtin "log2"(%1) {nargout = 1 : i32} : (f64) -> f64
  %3 = runmat.builtin "log10"(%2) {nargout = 1 : i32} : (f64) -> f64
  return %3 : f64
}
