// RUN: %runmat-opt %s | %runmat-opt | FileCheck %s

// Every operator in both forms: f64 scalars (predicates give i1) and
// !runmat.value (predicates give a value).

// CHECK-LABEL: func.func @scalar_ops
func.func @scalar_ops(%a: f64, %b: f64) {
  // CHECK: runmat.plus %{{.*}}, %{{.*}} : f64
  %0 = runmat.plus %a, %b : f64
  // CHECK-NEXT: runmat.minus %{{.*}}, %{{.*}} : f64
  %1 = runmat.minus %a, %b : f64
  // CHECK-NEXT: runmat.times %{{.*}}, %{{.*}} : f64
  %2 = runmat.times %a, %b : f64
  // CHECK-NEXT: runmat.rdivide %{{.*}}, %{{.*}} : f64
  %3 = runmat.rdivide %a, %b : f64
  // CHECK-NEXT: runmat.ldivide %{{.*}}, %{{.*}} : f64
  %4 = runmat.ldivide %a, %b : f64
  // CHECK-NEXT: runmat.power %{{.*}}, %{{.*}} : f64
  %5 = runmat.power %a, %b : f64
  // CHECK-NEXT: runmat.mtimes %{{.*}}, %{{.*}} : f64
  %6 = runmat.mtimes %a, %b : f64
  // CHECK-NEXT: runmat.mrdivide %{{.*}}, %{{.*}} : f64
  %7 = runmat.mrdivide %a, %b : f64
  // CHECK-NEXT: runmat.mldivide %{{.*}}, %{{.*}} : f64
  %8 = runmat.mldivide %a, %b : f64
  // CHECK-NEXT: runmat.mpower %{{.*}}, %{{.*}} : f64
  %9 = runmat.mpower %a, %b : f64
  // CHECK-NEXT: runmat.eq %{{.*}}, %{{.*}} : f64 -> i1
  %10 = runmat.eq %a, %b : f64 -> i1
  // CHECK-NEXT: runmat.ne %{{.*}}, %{{.*}} : f64 -> i1
  %11 = runmat.ne %a, %b : f64 -> i1
  // CHECK-NEXT: runmat.lt %{{.*}}, %{{.*}} : f64 -> i1
  %12 = runmat.lt %a, %b : f64 -> i1
  // CHECK-NEXT: runmat.le %{{.*}}, %{{.*}} : f64 -> i1
  %13 = runmat.le %a, %b : f64 -> i1
  // CHECK-NEXT: runmat.gt %{{.*}}, %{{.*}} : f64 -> i1
  %14 = runmat.gt %a, %b : f64 -> i1
  // CHECK-NEXT: runmat.ge %{{.*}}, %{{.*}} : f64 -> i1
  %15 = runmat.ge %a, %b : f64 -> i1
  // CHECK-NEXT: runmat.and %{{.*}}, %{{.*}} : f64 -> i1
  %16 = runmat.and %a, %b : f64 -> i1
  // CHECK-NEXT: runmat.or %{{.*}}, %{{.*}} : f64 -> i1
  %17 = runmat.or %a, %b : f64 -> i1
  // CHECK-NEXT: runmat.neg %{{.*}} : f64
  %18 = runmat.neg %a : f64
  // CHECK-NEXT: runmat.not %{{.*}} : f64 -> i1
  %19 = runmat.not %a : f64 -> i1
  // CHECK-NEXT: runmat.ctranspose %{{.*}} : f64
  %20 = runmat.ctranspose %a : f64
  // CHECK-NEXT: runmat.transpose %{{.*}} : f64
  %21 = runmat.transpose %a : f64
  return
}

// CHECK-LABEL: func.func @value_ops
func.func @value_ops(%x: !runmat.value, %y: !runmat.value) {
  // CHECK: runmat.ldivide %{{.*}}, %{{.*}} : !runmat.value
  %0 = runmat.ldivide %x, %y : !runmat.value
  // CHECK-NEXT: runmat.mpower %{{.*}}, %{{.*}} : !runmat.value
  %1 = runmat.mpower %x, %y : !runmat.value
  // CHECK-NEXT: runmat.mldivide %{{.*}}, %{{.*}} : !runmat.value
  %2 = runmat.mldivide %x, %y : !runmat.value
  // CHECK-NEXT: runmat.ne %{{.*}}, %{{.*}} : !runmat.value -> !runmat.value
  %3 = runmat.ne %x, %y : !runmat.value -> !runmat.value
  // CHECK-NEXT: runmat.or %{{.*}}, %{{.*}} : !runmat.value -> !runmat.value
  %4 = runmat.or %x, %y : !runmat.value -> !runmat.value
  // CHECK-NEXT: runmat.neg %{{.*}} : !runmat.value
  %5 = runmat.neg %x : !runmat.value
  // CHECK-NEXT: runmat.not %{{.*}} : !runmat.value -> !runmat.value
  %6 = runmat.not %x : !runmat.value -> !runmat.value
  // CHECK-NEXT: runmat.transpose %{{.*}} : !runmat.value
  %7 = runmat.transpose %x : !runmat.value
  return
}
