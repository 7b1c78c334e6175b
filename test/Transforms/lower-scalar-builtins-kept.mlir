// RUN: %runmat-opt %s --runmat-lower-scalar-builtins | FileCheck %s

// The pass only fires when every operand and the single result are f64 and
// the callee has a native form with that many operands.
// CHECK-LABEL: func.func @kept
func.func @kept(%a: f64, %b: i1, %v: !runmat.value) {
  // CHECK: runmat.builtin "mod"(%{{.*}}, %{{.*}}) {nargout = 1 : i32} : (f64, !runmat.value) -> !runmat.value
  %0 = runmat.builtin "mod"(%a, %v) {nargout = 1 : i32} : (f64, !runmat.value) -> !runmat.value
  // CHECK: runmat.builtin "abs"(%{{.*}}) {nargout = 1 : i32} : (i1) -> f64
  %1 = runmat.builtin "abs"(%b) {nargout = 1 : i32} : (i1) -> f64
  // CHECK: runmat.builtin "abs"(%{{.*}}) {nargout = 1 : i32} : (f64) -> !runmat.value
  %2 = runmat.builtin "abs"(%a) {nargout = 1 : i32} : (f64) -> !runmat.value
  // CHECK: runmat.builtin "max"(%{{.*}}, %{{.*}}, %{{.*}}) {nargout = 1 : i32} : (f64, f64, f64) -> f64
  %3 = runmat.builtin "max"(%a, %a, %a) {nargout = 1 : i32} : (f64, f64, f64) -> f64
  // CHECK: runmat.builtin "max"(%{{.*}}) {nargout = 2 : i32} : (f64) -> (f64, f64)
  %4:2 = runmat.builtin "max"(%a) {nargout = 2 : i32} : (f64) -> (f64, f64)
  // CHECK: runmat.builtin "floor"(%{{.*}}, %{{.*}}) {nargout = 1 : i32} : (f64, f64) -> f64
  %5 = runmat.builtin "floor"(%a, %a) {nargout = 1 : i32} : (f64, f64) -> f64
  // CHECK: runmat.builtin "gammaln"(%{{.*}}) {nargout = 1 : i32} : (f64) -> f64
  %6 = runmat.builtin "gammaln"(%a) {nargout = 1 : i32} : (f64) -> f64
  // CHECK: runmat.builtin "disp"(%{{.*}}) {nargout = 0 : i32} : (f64) -> ()
  runmat.builtin "disp"(%a) {nargout = 0 : i32} : (f64) -> ()
  return
}
