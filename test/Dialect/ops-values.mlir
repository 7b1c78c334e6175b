// RUN: %runmat-opt %s | %runmat-opt | FileCheck %s
// RUN: %runmat-opt %s --mlir-print-op-generic | %runmat-opt | FileCheck %s

// Constants, boxing and conversions round-trip through the custom syntax
// and through the generic form.

// CHECK-LABEL: func.func @constants
func.func @constants() {
  // CHECK: runmat.string "it's \22q\22"
  %s = runmat.string "it's \"q\""
  // CHECK-NEXT: runmat.string ""
  %e0 = runmat.string ""
  // CHECK-NEXT: runmat.empty
  %e = runmat.empty
  // CHECK-NEXT: runmat.colon_all
  %c = runmat.colon_all
  return
}

// CHECK-LABEL: func.func @conversions
func.func @conversions(%x: f64, %b: i1, %v: !runmat.value) -> (f64, i1, i1) {
  // CHECK: runmat.box %{{.*}} : f64
  %bx = runmat.box %x : f64
  // CHECK-NEXT: runmat.box %{{.*}} : i1
  %bb = runmat.box %b : i1
  // CHECK-NEXT: runmat.unbox %{{.*}}{{$}}
  %u = runmat.unbox %v
  // CHECK-NEXT: runmat.truth %{{.*}}{{$}}
  %t = runmat.truth %v
  // CHECK-NEXT: runmat.truth %{{.*}} {scalar}
  %t2 = runmat.truth %v {scalar}
  return %u, %t, %t2 : f64, i1, i1
}

// CHECK-LABEL: func.func @ranges
func.func @ranges(%a: !runmat.value, %d: !runmat.value, %b: !runmat.value,
                  %x: f64) -> f64 {
  // CHECK: runmat.range %{{.*}} to %{{.*}}{{$}}
  %r = runmat.range %a to %b
  // CHECK-NEXT: runmat.range %{{.*}} step %{{.*}} to %{{.*}}{{$}}
  %s = runmat.range %a step %d to %b
  // CHECK-NEXT: %[[N:.*]] = runmat.range_count %{{.*}}, %{{.*}}, %{{.*}}{{$}}
  %n = runmat.range_count %x, %x, %x
  // CHECK-NEXT: %[[L:.*]] = runmat.range_last %{{.*}}, %{{.*}}, %{{.*}}, %[[N]]{{$}}
  %l = runmat.range_last %x, %x, %x, %n
  %k = arith.constant 3 : i64
  // CHECK: runmat.range_element %{{.*}}, %{{.*}}, %[[L]], %[[N]], %{{.*}}{{$}}
  %el = runmat.range_element %x, %x, %l, %n, %k
  return %el : f64
}

// CHECK-LABEL: func.func @concat
func.func @concat(%a: !runmat.value, %b: !runmat.value) {
  // CHECK: runmat.concat [1, 1](%{{.*}}, %{{.*}}){{$}}
  %v = runmat.concat [1, 1](%a, %b)
  // CHECK-NEXT: runmat.concat [2, 0](%{{.*}}, %{{.*}}){{$}}
  %h = runmat.concat [2, 0](%a, %b)
  return
}
