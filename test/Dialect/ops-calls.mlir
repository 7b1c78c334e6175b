// RUN: %runmat-opt %s | %runmat-opt | FileCheck %s

// Builtin calls with zero, one and several results; display, ans, switch,
// loops over arrays and the diagnostic markers.

// CHECK-LABEL: func.func @calls
func.func @calls(%v: !runmat.value, %x: f64, %b: i1) {
  // CHECK: runmat.builtin "tic"() {nargout = 0 : i32} : () -> ()
  runmat.builtin "tic"() {nargout = 0 : i32} : () -> ()
  // CHECK-NEXT: runmat.builtin "max"(%{{.*}}) {nargout = 2 : i32} : (!runmat.value) -> (!runmat.value, !runmat.value)
  %m:2 = runmat.builtin "max"(%v) {nargout = 2 : i32} : (!runmat.value) -> (!runmat.value, !runmat.value)
  // CHECK-NEXT: runmat.builtin "mod"(%{{.*}}, %{{.*}}) {nargout = 1 : i32} : (f64, f64) -> f64
  %r = runmat.builtin "mod"(%x, %x) {nargout = 1 : i32} : (f64, f64) -> f64
  // CHECK-NEXT: runmat.display "x", %{{.*}} : f64
  runmat.display "x", %x : f64
  // CHECK-NEXT: runmat.display "b", %{{.*}} : i1
  runmat.display "b", %b : i1
  // CHECK-NEXT: runmat.display "v", %{{.*}} : !runmat.value
  runmat.display "v", %v : !runmat.value
  %ans = runmat.alloc_var "ans" : !runmat.slot<!runmat.value>
  // CHECK: runmat.assign_ans %{{.*}}, %{{.*}} : <!runmat.value>
  runmat.assign_ans %v, %ans : !runmat.slot<!runmat.value>
  // CHECK-NEXT: runmat.assign_ans %{{.*}}, %{{.*}} {display} : <!runmat.value>
  runmat.assign_ans %v, %ans {display} : !runmat.slot<!runmat.value>
  // CHECK-NEXT: runmat.switch_match %{{.*}}, %{{.*}}{{$}}
  %sm = runmat.switch_match %v, %v
  // CHECK-NEXT: %[[N:.*]] = runmat.for_count %{{.*}}{{$}}
  %n = runmat.for_count %v
  // CHECK-NEXT: runmat.for_column %{{.*}}, %[[N]]{{$}}
  %c = runmat.for_column %v, %n
  // CHECK-NEXT: runmat.enter "f" in "dir/f.m"
  runmat.enter "f" in "dir/f.m"
  // CHECK-NEXT: runmat.line 42
  runmat.line 42
  // CHECK-NEXT: runmat.leave
  runmat.leave
  // CHECK-NEXT: runmat.error "my:id", "it failed"
  runmat.error "my:id", "it failed"
  return
}
