// RUN: %runmat-opt %s --runmat-fuse-elementwise --runmat-fuse-reductions --split-input-file | FileCheck %s
// RUN: %runmat-opt %s --runmat-fuse-elementwise --runmat-fuse-reductions=report=true --split-input-file 2>&1 >/dev/null | FileCheck %s --check-prefix=REPORT

// sum(x .* x, 2): the single .* is kept by runmat-fuse-elementwise because
// a sum takes it; the reduction takes its body. The fallback runs the chain
// and sum(_, 2) with the dimension made inside the region.
// CHECK-LABEL: func.func @sum_dim2
// CHECK-SAME: (%[[X:.*]]: !runmat.value)
// CHECK: %[[R:.*]] = runmat.fused_reduce "sum" dim 2(%[[X]]) : (!runmat.value) body {
// CHECK-NEXT: ^bb0(%[[E:.*]]: f64):
// CHECK-NEXT: %[[P:.*]] = runmat.times %[[E]], %[[E]] : f64
// CHECK-NEXT: runmat.yield %[[P]] : f64
// CHECK-NEXT: } fallback {
// CHECK-NEXT: ^bb0(%[[V:.*]]: !runmat.value):
// CHECK-NEXT: %[[C:.*]] = runmat.fused_elementwise(%[[V]])
// CHECK: %[[TWO:.*]] = arith.constant 2.000000e+00
// CHECK-NEXT: %[[B:.*]] = runmat.box %[[TWO]] : f64
// CHECK-NEXT: %[[S:.*]] = runmat.builtin "sum"(%[[C]], %[[B]])
// CHECK-NEXT: runmat.release %[[C]]
// CHECK-NEXT: runmat.release %[[B]]
// CHECK-NEXT: runmat.yield %[[S]] : !runmat.value
// CHECK: runmat.release %[[R]]
// CHECK-NOT: runmat.box
// CHECK-NOT: runmat.builtin "sum"
// CHECK: return
// REPORT: remark: fused sum (dim 2) with its elementwise chain
func.func @sum_dim2(%x: !runmat.value) {
  %0 = runmat.times %x, %x : !runmat.value
  %c = arith.constant 2.0 : f64
  %b = runmat.box %c : f64
  %1 = runmat.builtin "sum"(%0, %b) {nargout = 1 : i32} : (!runmat.value, !runmat.value) -> !runmat.value
  runmat.release %0
  runmat.release %b
  runmat.release %1
  return
}

// -----

// mean(..., 'all') and the default dimension.
// CHECK-LABEL: func.func @mean_all
// CHECK: runmat.fused_reduce "mean" dim -1
// CHECK: runmat.string "all"
// CHECK: runmat.fused_reduce "sum" dim 0
// CHECK-NOT: runmat.builtin "mean"
// REPORT: remark: fused mean (dim -1) with its elementwise chain
// REPORT: remark: fused sum (dim 0) with its elementwise chain
func.func @mean_all(%x: !runmat.value, %s: f64) -> (!runmat.value, !runmat.value) {
  %b = runmat.box %s : f64
  %0 = runmat.minus %x, %b : !runmat.value
  %1 = runmat.builtin "abs"(%0) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %a = runmat.string "all"
  %2 = runmat.builtin "mean"(%1, %a) {nargout = 1 : i32} : (!runmat.value, !runmat.value) -> !runmat.value
  runmat.release %0
  runmat.release %1
  runmat.release %a
  %3 = runmat.builtin "sin"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %4 = runmat.builtin "sum"(%3) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %3
  return %2, %4 : !runmat.value, !runmat.value
}

// -----

// Left alone: dim 3, 'omitnan', a chain with another use, a reduction of
// a plain array.
// CHECK-LABEL: func.func @kept
// CHECK-NOT: runmat.fused_reduce
// CHECK: return
func.func @kept(%x: !runmat.value) -> (!runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value) {
  %0 = runmat.times %x, %x : !runmat.value
  %c = arith.constant 3.0 : f64
  %b = runmat.box %c : f64
  %1 = runmat.builtin "sum"(%0, %b) {nargout = 1 : i32} : (!runmat.value, !runmat.value) -> !runmat.value
  %2 = runmat.plus %x, %x : !runmat.value
  %o = runmat.string "omitnan"
  %3 = runmat.builtin "sum"(%2, %o) {nargout = 1 : i32} : (!runmat.value, !runmat.value) -> !runmat.value
  %4 = runmat.minus %x, %x : !runmat.value
  %5 = runmat.builtin "sum"(%4) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %6 = runmat.builtin "sum"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  return %1, %3, %4, %5, %6 : !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value
}

// -----

// The dimension as a native f64 operand (as MLIRGen makes sum(x, 2)).
// CHECK-LABEL: func.func @native_dim
// CHECK: runmat.fused_reduce "sum" dim 2
func.func @native_dim(%x: !runmat.value) -> !runmat.value {
  %0 = runmat.times %x, %x : !runmat.value
  %c = arith.constant 2.0 : f64
  %1 = runmat.builtin "sum"(%0, %c) {nargout = 1 : i32} : (!runmat.value, f64) -> !runmat.value
  runmat.release %0
  return %1 : !runmat.value
}

// -----

// sum(c(:), 'double'): the x(:) goes with the sum ('all'), the output
// type is kept (out_double) and the fallback rebuilds x(:) and 'double'.
// CHECK-LABEL: func.func @colon_double
// CHECK-SAME: (%[[X:.*]]: !runmat.value)
// CHECK: %[[R:.*]] = runmat.fused_reduce "sum" dim -1(%[[X]]) : (!runmat.value) body {
// CHECK: runmat.times
// CHECK: } fallback {
// CHECK: runmat.colon_all
// CHECK: runmat.index
// CHECK: runmat.string "double"
// CHECK: runmat.builtin "sum"
// CHECK: } {out_double}
// CHECK-NOT: runmat.index
// CHECK: return
// REPORT: remark: fused sum (dim -1, in double) with its elementwise chain
func.func @colon_double(%x: !runmat.value) {
  %0 = runmat.times %x, %x : !runmat.value
  %c = runmat.colon_all
  %1 = runmat.index %0[%c]
  runmat.release %0
  %s = runmat.string "double"
  %2 = runmat.builtin "sum"(%1, %s) {nargout = 1 : i32} : (!runmat.value, !runmat.value) -> !runmat.value
  runmat.release %c
  runmat.release %1
  runmat.release %s
  runmat.release %2
  return
}
