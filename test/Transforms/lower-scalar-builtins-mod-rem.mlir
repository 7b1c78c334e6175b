// RUN: %runmat-opt %s --runmat-lower-scalar-builtins | FileCheck %s

// mod(x, y) = x - floor(x/y)*y, with mod(x, 0) = x and a separate result
// when |y| is Inf and x is finite.
// CHECK-LABEL: func.func @mod
// CHECK-SAME: (%[[X:.*]]: f64, %[[Y:.*]]: f64)
func.func @mod(%x: f64, %y: f64) -> f64 {
  // CHECK-NOT: runmat.builtin
  // CHECK: %[[Q:.*]] = arith.divf %[[X]], %[[Y]] : f64
  // CHECK-NEXT: %[[F:.*]] = math.floor %[[Q]] : f64
  // CHECK-NEXT: %[[P:.*]] = arith.mulf %[[F]], %[[Y]] : f64
  // CHECK-NEXT: %[[R:.*]] = arith.subf %[[X]], %[[P]] : f64
  // CHECK: %[[YZ:.*]] = arith.cmpf oeq, %[[Y]], %{{.*}} : f64
  // CHECK-NEXT: %[[R0:.*]] = arith.select %[[YZ]], %[[X]], %[[R]] : f64
  // CHECK: math.absf %[[Y]] : f64
  // CHECK: arith.cmpf oeq, %{{.*}}, %{{.*}} : f64
  // CHECK: math.absf %[[X]] : f64
  // CHECK: arith.cmpf olt
  // CHECK: %[[INF:.*]] = arith.andi
  // CHECK-NEXT: %[[OUT:.*]] = arith.select %[[INF]], %{{.*}}, %[[R0]] : f64
  // CHECK-NEXT: return %[[OUT]] : f64
  %r = runmat.builtin "mod"(%x, %y) {nargout = 1 : i32} : (f64, f64) -> f64
  return %r : f64
}

// rem(x, y) = x - fix(x/y)*y (so rem(x, 0) is NaN); rem(x, +-Inf) = x.
// CHECK-LABEL: func.func @rem
// CHECK-SAME: (%[[X:.*]]: f64, %[[Y:.*]]: f64)
func.func @rem(%x: f64, %y: f64) -> f64 {
  // CHECK-NOT: runmat.builtin
  // CHECK: %[[Q:.*]] = arith.divf %[[X]], %[[Y]] : f64
  // CHECK-NEXT: %[[T:.*]] = math.trunc %[[Q]] : f64
  // CHECK-NEXT: %[[P:.*]] = arith.mulf %[[T]], %[[Y]] : f64
  // CHECK-NEXT: %[[R:.*]] = arith.subf %[[X]], %[[P]] : f64
  // CHECK-NOT: arith.cmpf oeq, %[[Y]], %{{.*}} : f64
  // CHECK: %[[INF:.*]] = arith.andi
  // CHECK-NEXT: %[[OUT:.*]] = arith.select %[[INF]], %[[X]], %[[R]] : f64
  // CHECK-NEXT: return %[[OUT]] : f64
  %r = runmat.builtin "rem"(%x, %y) {nargout = 1 : i32} : (f64, f64) -> f64
  return %r : f64
}

// Constant operands fold only with canonicalization, not in this pass.
// CHECK-LABEL: func.func @mod_const
func.func @mod_const(%x: f64) -> f64 {
  %c = arith.constant 7.0 : f64
  // CHECK: arith.divf %{{.*}}, %{{.*}} : f64
  // CHECK-NOT: runmat.builtin
  %r = runmat.builtin "mod"(%x, %c) {nargout = 1 : i32} : (f64, f64) -> f64
  return %r : f64
}
