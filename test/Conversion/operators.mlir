// RUN: %runmat-opt %s --convert-runmat-to-llvm | FileCheck %s

// Scalar operators become LLVM arithmetic: left division swaps operands,
// & and | compare with zero first.
// CHECK-LABEL: llvm.func @scalar
// CHECK-SAME: (%[[A:.*]]: f64, %[[B:.*]]: f64)
func.func @scalar(%a: f64, %b: f64) {
  // CHECK: llvm.fsub %[[A]], %[[B]] : f64
  %0 = runmat.minus %a, %b : f64
  // CHECK-NEXT: llvm.fmul %[[A]], %[[B]] : f64
  %1 = runmat.times %a, %b : f64
  // CHECK-NEXT: llvm.fmul %[[A]], %[[B]] : f64
  %2 = runmat.mtimes %a, %b : f64
  // CHECK-NEXT: llvm.fdiv %[[A]], %[[B]] : f64
  %3 = runmat.rdivide %a, %b : f64
  // CHECK-NEXT: llvm.fdiv %[[B]], %[[A]] : f64
  %4 = runmat.ldivide %a, %b : f64
  // CHECK-NEXT: llvm.fdiv %[[B]], %[[A]] : f64
  %5 = runmat.mldivide %a, %b : f64
  // CHECK-NEXT: llvm.fcmp "oeq" %[[A]], %[[B]] : f64
  %8 = runmat.eq %a, %b : f64 -> i1
  // CHECK-NEXT: llvm.fcmp "une" %[[A]], %[[B]] : f64
  %9 = runmat.ne %a, %b : f64 -> i1
  // CHECK-NEXT: llvm.fcmp "ole" %[[A]], %[[B]] : f64
  %10 = runmat.le %a, %b : f64 -> i1
  // CHECK-NEXT: llvm.fcmp "ogt" %[[A]], %[[B]] : f64
  %11 = runmat.gt %a, %b : f64 -> i1
  // CHECK-NEXT: llvm.fcmp "oge" %[[A]], %[[B]] : f64
  %12 = runmat.ge %a, %b : f64 -> i1
  // CHECK-DAG: %[[LA:.*]] = llvm.fcmp "une" %[[A]], %{{.*}} : f64
  // CHECK-DAG: %[[LB:.*]] = llvm.fcmp "une" %[[B]], %{{.*}} : f64
  // CHECK: llvm.and %[[LA]], %[[LB]] : i1
  %13 = runmat.and %a, %b : f64 -> i1
  // CHECK: llvm.or %{{.*}}, %{{.*}} : i1
  %14 = runmat.or %a, %b : f64 -> i1
  // CHECK-NEXT: llvm.fneg %[[A]] : f64
  %15 = runmat.neg %a : f64
  // CHECK: llvm.fcmp "oeq" %[[A]], %{{.*}} : f64
  %16 = runmat.not %a : f64 -> i1
  // The transposes of a scalar are the scalar itself.
  %17 = runmat.transpose %a : f64
  %18 = runmat.ctranspose %17 : f64
  // CHECK-NOT: llvm.call
  // CHECK: llvm.return
  return
}

// Value operators call rm_binop / rm_unop with the ABI's operator numbers.
// CHECK-LABEL: llvm.func @values
func.func @values(%x: !runmat.value, %y: !runmat.value) {
  // CHECK: %[[K0:.*]] = llvm.mlir.constant(0 : i32) : i32
  // CHECK-NEXT: llvm.call @rm_binop(%[[K0]], %{{.*}}, %{{.*}}) : (i32, !llvm.ptr, !llvm.ptr) -> !llvm.ptr
  %0 = runmat.plus %x, %y : !runmat.value
  // CHECK: %[[K4:.*]] = llvm.mlir.constant(4 : i32) : i32
  // CHECK-NEXT: llvm.call @rm_binop(%[[K4]],
  %1 = runmat.ldivide %x, %y : !runmat.value
  // CHECK: %[[K6:.*]] = llvm.mlir.constant(6 : i32) : i32
  // CHECK-NEXT: llvm.call @rm_binop(%[[K6]],
  %2 = runmat.mtimes %x, %y : !runmat.value
  // CHECK: %[[K8:.*]] = llvm.mlir.constant(8 : i32) : i32
  // CHECK-NEXT: llvm.call @rm_binop(%[[K8]],
  %3 = runmat.mldivide %x, %y : !runmat.value
  // CHECK: %[[K9:.*]] = llvm.mlir.constant(9 : i32) : i32
  // CHECK-NEXT: llvm.call @rm_binop(%[[K9]],
  %4 = runmat.mpower %x, %y : !runmat.value
  // CHECK: %[[K12:.*]] = llvm.mlir.constant(12 : i32) : i32
  // CHECK-NEXT: llvm.call @rm_binop(%[[K12]],
  %5 = runmat.lt %x, %y : !runmat.value -> !runmat.value
  // CHECK: %[[K17:.*]] = llvm.mlir.constant(17 : i32) : i32
  // CHECK-NEXT: llvm.call @rm_binop(%[[K17]],
  %6 = runmat.or %x, %y : !runmat.value -> !runmat.value
  // CHECK: %[[U0:.*]] = llvm.mlir.constant(0 : i32) : i32
  // CHECK-NEXT: llvm.call @rm_unop(%[[U0]], %{{.*}}) : (i32, !llvm.ptr) -> !llvm.ptr
  %7 = runmat.neg %x : !runmat.value
  // CHECK: %[[U2:.*]] = llvm.mlir.constant(2 : i32) : i32
  // CHECK-NEXT: llvm.call @rm_unop(%[[U2]],
  %8 = runmat.not %x : !runmat.value -> !runmat.value
  // CHECK: %[[U3:.*]] = llvm.mlir.constant(3 : i32) : i32
  // CHECK-NEXT: llvm.call @rm_unop(%[[U3]],
  %9 = runmat.ctranspose %x : !runmat.value
  // CHECK: %[[U4:.*]] = llvm.mlir.constant(4 : i32) : i32
  // CHECK-NEXT: llvm.call @rm_unop(%[[U4]],
  %10 = runmat.transpose %x : !runmat.value
  return
}

// Both powers are llvm.intr.pow. A zero base is kept out of the call (the
// call gets 1; libmvec's vector pow is slow on zero lanes) and its result
// made with selects; a constant integer exponent keeps the plain call.
// CHECK-LABEL: llvm.func @power
// CHECK-SAME: (%[[X:.*]]: f64, %[[Y:.*]]: f64)
func.func @power(%x: f64, %y: f64) {
  // CHECK: %[[Z:.*]] = llvm.fcmp "oeq" %[[X]], %{{.*}} : f64
  // CHECK: %[[S:.*]] = llvm.select %[[Z]], %{{.*}}, %[[X]] : i1, f64
  // CHECK: %[[P:.*]] = llvm.intr.pow(%[[S]], %[[Y]]) : (f64, f64) -> f64
  // CHECK: llvm.intr.trunc
  // CHECK: llvm.bitcast %[[X]] : f64 to i64
  // CHECK: llvm.select %[[Z]], %{{.*}}, %[[P]] : i1, f64
  %0 = runmat.power %x, %y : f64
  // CHECK: llvm.intr.pow(%{{.*}}, %[[Y]]) : (f64, f64) -> f64
  %1 = runmat.mpower %x, %y : f64
  // CHECK: %[[K:.*]] = llvm.mlir.constant(3.000000e+00 : f64) : f64
  // CHECK-NEXT: llvm.intr.pow(%[[X]], %[[K]]) : (f64, f64) -> f64
  %c3 = arith.constant 3.0 : f64
  %2 = runmat.power %x, %c3 : f64
  return
}
