// RUN: %runmat-opt %s --runmat-fuse-matmul --split-input-file | FileCheck %s
// RUN: %runmat-opt %s --runmat-fuse-matmul=report=true --split-input-file 2>&1 >/dev/null | FileCheck %s --check-prefix=REPORT

// Xc' * Xc with Xc read twice (nothing but reads and the transpose between
// the reads): one SYRK, the transpose and its release gone.
// CHECK-LABEL: func.func @gram
// CHECK: %[[A:.*]] = runmat.load_var %[[S:.*]] : <!runmat.value>
// CHECK-NOT: runmat.ctranspose
// CHECK: %[[G:.*]] = runmat.builtin "__gram_h"(%[[A]]) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
// CHECK-NOT: runmat.mtimes
// CHECK: runmat.release %[[G]]
// CHECK-NEXT: return
// REPORT: remark: A' * A as one SYRK (__gram_h)
func.func @gram(%x: !runmat.value) {
  %s = runmat.alloc_var "Xc" : !runmat.slot<!runmat.value>
  runmat.store_var %x, %s : !runmat.slot<!runmat.value>
  %0 = runmat.load_var %s : !runmat.slot<!runmat.value>
  %1 = runmat.ctranspose %0 : !runmat.value
  %2 = runmat.load_var %s : !runmat.slot<!runmat.value>
  %3 = runmat.mtimes %1, %2 : !runmat.value
  runmat.release %1
  runmat.release %3
  return
}

// -----

// A.' * B: one GEMM with A transposed; A.' * A with one SSA value: SYRK.
// CHECK-LABEL: func.func @transposed
// CHECK-SAME: (%[[A:.*]]: !runmat.value, %[[B:.*]]: !runmat.value)
// CHECK: runmat.builtin "__mtimes_tn"(%[[A]], %[[B]])
// CHECK: runmat.builtin "__gram_t"(%[[A]])
// CHECK-NOT: runmat.transpose
// REPORT: remark: A' * B as one GEMM (__mtimes_tn)
// REPORT: remark: A' * A as one SYRK (__gram_t)
func.func @transposed(%a: !runmat.value, %b: !runmat.value) -> (!runmat.value, !runmat.value) {
  %0 = runmat.transpose %a : !runmat.value
  %1 = runmat.mtimes %0, %b : !runmat.value
  runmat.release %0
  %2 = runmat.transpose %a : !runmat.value
  %3 = runmat.mtimes %2, %a : !runmat.value
  runmat.release %2
  return %1, %3 : !runmat.value, !runmat.value
}

// -----

// Left alone: the transpose has another use; a store between the
// transpose and the product (the variable's old value, borrowed by its
// read, is gone when the product runs: the transpose cannot be folded);
// A * B'.
// CHECK-LABEL: func.func @kept
// CHECK: %[[T:.*]] = runmat.ctranspose
// CHECK: runmat.mtimes %[[T]]
// CHECK: %[[T2:.*]] = runmat.ctranspose
// CHECK: runmat.mtimes %[[T2]]
// CHECK-NOT: __gram
// CHECK-NOT: __mtimes_htn
// CHECK: runmat.mtimes %{{.*}}, %{{.*}} : !runmat.value
func.func @kept(%x: !runmat.value, %y: !runmat.value) -> (!runmat.value, !runmat.value, !runmat.value, !runmat.value) {
  %t = runmat.ctranspose %x : !runmat.value
  %0 = runmat.mtimes %t, %y : !runmat.value
  %s = runmat.alloc_var "A" : !runmat.slot<!runmat.value>
  runmat.store_var %x, %s : !runmat.slot<!runmat.value>
  %1 = runmat.load_var %s : !runmat.slot<!runmat.value>
  %2 = runmat.ctranspose %1 : !runmat.value
  runmat.store_var %y, %s : !runmat.slot<!runmat.value>
  %3 = runmat.load_var %s : !runmat.slot<!runmat.value>
  %4 = runmat.mtimes %2, %3 : !runmat.value
  runmat.release %2
  %5 = runmat.ctranspose %y : !runmat.value
  %6 = runmat.mtimes %x, %5 : !runmat.value
  runmat.release %5
  return %0, %t, %4, %6 : !runmat.value, !runmat.value, !runmat.value, !runmat.value
}

// -----

// Left alone: t = q'; t * t, the transpose both operands of the product
// (not q' * B with B another array): the transpose and its release stay.
// CHECK-LABEL: func.func @shared_transpose
// CHECK-SAME: (%[[Q:.*]]: !runmat.value)
// CHECK-NEXT: %[[T:.*]] = runmat.ctranspose %[[Q]] : !runmat.value
// CHECK-NEXT: %[[M:.*]] = runmat.mtimes %[[T]], %[[T]] : !runmat.value
// CHECK-NEXT: runmat.release %[[T]]
// CHECK-NEXT: return %[[M]] : !runmat.value
// REPORT-NOT: remark
func.func @shared_transpose(%q: !runmat.value) -> !runmat.value {
  %t = runmat.ctranspose %q : !runmat.value
  %m = runmat.mtimes %t, %t : !runmat.value
  runmat.release %t
  return %m : !runmat.value
}
