// RUN: %runmat-opt %s --runmat-lower-scalar-builtins | FileCheck %s

// Each unary builtin with a native scalar form maps to one math op.
// CHECK-LABEL: func.func @unary
func.func @unary(%a: f64) -> f64 {
  // CHECK-NOT: runmat.builtin
  // CHECK: %[[FL:.*]] = math.floor %{{.*}} : f64
  %0 = runmat.builtin "floor"(%a) {nargout = 1 : i32} : (f64) -> f64
  // CHECK-NEXT: %[[CE:.*]] = math.ceil %[[FL]] : f64
  %1 = runmat.builtin "ceil"(%0) {nargout = 1 : i32} : (f64) -> f64
  // CHECK-NEXT: %[[SI:.*]] = math.sin %[[CE]] : f64
  %2 = runmat.builtin "sin"(%1) {nargout = 1 : i32} : (f64) -> f64
  // CHECK-NEXT: %[[CO:.*]] = math.cos %[[SI]] : f64
  %3 = runmat.builtin "cos"(%2) {nargout = 1 : i32} : (f64) -> f64
  // CHECK-NEXT: %[[TA:.*]] = math.tan %[[CO]] : f64
  %4 = runmat.builtin "tan"(%3) {nargout = 1 : i32} : (f64) -> f64
  // CHECK-NEXT: %[[EX:.*]] = math.exp %[[TA]] : f64
  %5 = runmat.builtin "exp"(%4) {nargout = 1 : i32} : (f64) -> f64
  // CHECK-NEXT: %[[AT:.*]] = math.atan %[[EX]] : f64
  %6 = runmat.builtin "atan"(%5) {nargout = 1 : i32} : (f64) -> f64
  // CHECK-NEXT: %[[TH:.*]] = math.tanh %[[AT]] : f64
  %7 = runmat.builtin "tanh"(%6) {nargout = 1 : i32} : (f64) -> f64
  // CHECK-NEXT: math.atan2 %[[TH]], %{{.*}} : f64
  %8 = runmat.builtin "atan2"(%7, %a) {nargout = 1 : i32} : (f64, f64) -> f64
  // CHECK-NEXT: arith.minnumf
  %9 = runmat.builtin "min"(%8, %a) {nargout = 1 : i32} : (f64, f64) -> f64
  return %9 : f64
}

// sign: -1, 0 or 1 through selects; a zero of either sign gives +0 and NaN
// stays NaN (the input flows through).
// CHECK-LABEL: func.func @sign
// CHECK-SAME: (%[[X:.*]]: f64)
func.func @sign(%x: f64) -> f64 {
  // CHECK-NOT: runmat.builtin
  // CHECK-DAG: %[[GT:.*]] = arith.cmpf ogt, %[[X]], %{{.*}} : f64
  // CHECK-DAG: %[[LT:.*]] = arith.cmpf olt, %[[X]], %{{.*}} : f64
  // CHECK: %[[N:.*]] = arith.select %[[LT]], %{{.*}}, %[[X]] : f64
  // CHECK: %[[P:.*]] = arith.select %[[GT]], %{{.*}}, %[[N]] : f64
  // CHECK: %[[Z:.*]] = arith.cmpf oeq, %[[X]], %{{.*}} : f64
  // CHECK-NEXT: arith.select %[[Z]], %{{.*}}, %[[P]] : f64
  %r = runmat.builtin "sign"(%x) {nargout = 1 : i32} : (f64) -> f64
  return %r : f64
}
