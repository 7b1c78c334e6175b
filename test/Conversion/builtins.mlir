// RUN: %runmat-opt %s --convert-runmat-to-llvm | FileCheck %s

// rm_call_builtin(name, nargout, nargs, args, nresults, results): native
// scalar operands are boxed before the call and released after it; native
// results are unboxed (and the box released); i1 results compare with zero.
// CHECK-DAG: llvm.mlir.global private constant @[[MOD:__rm_str_[0-9a-f]+_3]]("mod\00")
// CHECK-DAG: llvm.mlir.global private constant @[[MAX:__rm_str_[0-9a-f]+_3]]("max\00")
// CHECK-DAG: llvm.mlir.global private constant @[[TIC:__rm_str_[0-9a-f]+_3]]("tic\00")
// CHECK-LABEL: llvm.func @calls
// CHECK-SAME: (%[[V:.*]]: !llvm.ptr, %[[X:.*]]: f64)
func.func @calls(%v: !runmat.value, %x: f64) -> (f64, i1) {
  // CHECK: %[[BX:.*]] = llvm.call @rm_from_f64(%[[X]]) : (f64) -> !llvm.ptr
  // CHECK: %[[NAME:.*]] = llvm.mlir.addressof @[[MOD]] : !llvm.ptr
  // CHECK-NEXT: %[[NOUT:.*]] = llvm.mlir.constant(1 : i32) : i32
  // CHECK-NEXT: %[[NARGS:.*]] = llvm.mlir.constant(2 : i32) : i32
  // CHECK-NEXT: %[[NRES:.*]] = llvm.mlir.constant(1 : i32) : i32
  // CHECK-NEXT: llvm.call @rm_call_builtin(%[[NAME]], %[[NOUT]], %[[NARGS]], %{{.*}}, %[[NRES]], %[[OUT:.*]]) : (!llvm.ptr, i32, i32, !llvm.ptr, i32, !llvm.ptr) -> ()
  // CHECK-NEXT: llvm.call @rm_release(%[[BX]])
  // CHECK-NEXT: %[[P:.*]] = llvm.getelementptr %[[OUT]][0]
  // CHECK-NEXT: %[[R:.*]] = llvm.load %[[P]] : !llvm.ptr -> !llvm.ptr
  // CHECK-NEXT: %[[F:.*]] = llvm.call @rm_to_f64(%[[R]]) : (!llvm.ptr) -> f64
  // CHECK-NEXT: llvm.call @rm_release(%[[R]])
  %r = runmat.builtin "mod"(%x, %v) {nargout = 1 : i32} : (f64, !runmat.value) -> f64
  // Two results are read from the results array.
  // CHECK: llvm.mlir.addressof @[[MAX]]
  // CHECK: llvm.call @rm_call_builtin(
  // CHECK-NEXT: llvm.getelementptr %{{.*}}[0]
  // CHECK-NEXT: llvm.load
  // CHECK-NEXT: llvm.getelementptr %{{.*}}[1]
  // CHECK-NEXT: llvm.load
  %m:2 = runmat.builtin "max"(%v) {nargout = 2 : i32} : (!runmat.value) -> (!runmat.value, !runmat.value)
  // No arguments and no results: null arrays.
  // CHECK: %[[NA:.*]] = llvm.mlir.zero : !llvm.ptr
  // CHECK-NEXT: %[[NR:.*]] = llvm.mlir.zero : !llvm.ptr
  // CHECK-NEXT: llvm.mlir.addressof @[[TIC]]
  // CHECK: llvm.call @rm_call_builtin(%{{.*}}, %{{.*}}, %{{.*}}, %[[NA]], %{{.*}}, %[[NR]])
  runmat.builtin "tic"() {nargout = 0 : i32} : () -> ()
  // CHECK: %[[T:.*]] = llvm.call @rm_to_f64
  // CHECK: %[[Z:.*]] = llvm.mlir.constant(0.000000e+00 : f64) : f64
  // CHECK-NEXT: %[[B:.*]] = llvm.fcmp "une" %[[T]], %[[Z]] : f64
  %t = runmat.builtin "isempty"(%v) {nargout = 1 : i32} : (!runmat.value) -> i1
  // CHECK: llvm.insertvalue %[[F]]
  // CHECK: llvm.insertvalue %[[B]]
  return %r, %t : f64, i1
}
