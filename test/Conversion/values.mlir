// RUN: %runmat-opt %s --convert-runmat-to-llvm | FileCheck %s

// Strings become private NUL-terminated globals (shared by equal texts) passed
// to rm_from_string with their length.
// CHECK-DAG: llvm.mlir.global private constant @[[HI:__rm_str_[0-9a-f]+_5]]("hello\00")
// CHECK-DAG: llvm.func @rm_from_string(!llvm.ptr, i64) -> !llvm.ptr
// CHECK-DAG: llvm.func @rm_from_doubles(i64, i64, !llvm.ptr) -> !llvm.ptr
// CHECK-LABEL: llvm.func @strings
func.func @strings() {
  // CHECK: %[[P:.*]] = llvm.mlir.addressof @[[HI]] : !llvm.ptr
  // CHECK-NEXT: %[[N:.*]] = llvm.mlir.constant(5 : i64) : i64
  // CHECK-NEXT: llvm.call @rm_from_string(%[[P]], %[[N]])
  %s = runmat.string "hello"
  // CHECK: llvm.mlir.addressof @[[HI]] : !llvm.ptr
  %t = runmat.string "hello"
  // CHECK: llvm.call @rm_empty() : () -> !llvm.ptr
  %e = runmat.empty
  // CHECK: llvm.call @rm_colon_all() : () -> !llvm.ptr
  %c = runmat.colon_all
  return
}

// A dense matrix literal: its doubles in a private constant, row by row,
// copied by rm_from_doubles(rows, columns, data) (declared at the top).
// CHECK-LABEL: llvm.func @dense
func.func @dense() {
  // CHECK: %[[R:.*]] = llvm.mlir.constant(2 : i64) : i64
  // CHECK: %[[C:.*]] = llvm.mlir.constant(3 : i64) : i64
  // CHECK: %[[D:.*]] = llvm.mlir.addressof @__rm_blob_{{[0-9a-f]+}} : !llvm.ptr
  // CHECK: llvm.call @rm_from_doubles(%[[R]], %[[C]], %[[D]])
  %m = runmat.dense_matrix dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 0x7FF8000000000000]]> : tensor<2x3xf64>
  return
}

// Boxing: f64 through rm_from_f64, i1 zero-extended through rm_from_bool;
// unbox through rm_to_f64; truth results are truncated to i1.
// CHECK-LABEL: llvm.func @boxing
// CHECK-SAME: (%[[X:.*]]: f64, %[[B:.*]]: i1, %[[V:.*]]: !llvm.ptr)
func.func @boxing(%x: f64, %b: i1, %v: !runmat.value) -> f64 {
  // CHECK: llvm.call @rm_from_f64(%[[X]]) : (f64) -> !llvm.ptr
  %0 = runmat.box %x : f64
  // CHECK-NEXT: %[[E:.*]] = llvm.zext %[[B]] : i1 to i32
  // CHECK-NEXT: llvm.call @rm_from_bool(%[[E]]) : (i32) -> !llvm.ptr
  %1 = runmat.box %b : i1
  // CHECK-NEXT: llvm.call @rm_to_f64(%[[V]]) : (!llvm.ptr) -> f64
  %2 = runmat.unbox %v
  // CHECK-NEXT: %[[T:.*]] = llvm.call @rm_truth(%[[V]]) : (!llvm.ptr) -> i32
  // CHECK-NEXT: llvm.trunc %[[T]] : i32 to i1
  %3 = runmat.truth %v
  // CHECK-NEXT: %[[S:.*]] = llvm.call @rm_truth_scalar(%[[V]]) : (!llvm.ptr) -> i32
  // CHECK-NEXT: llvm.trunc %[[S]] : i32 to i1
  %4 = runmat.truth %v {scalar}
  return %2 : f64
}

// Ranges pass a null step when there is none; concat stores the row lengths
// and the operands in entry-block arrays.
// CHECK-LABEL: llvm.func @ranges_concat
// CHECK-SAME: (%[[A:.*]]: !llvm.ptr, %[[D:.*]]: !llvm.ptr, %[[Z:.*]]: !llvm.ptr)
func.func @ranges_concat(%a: !runmat.value, %d: !runmat.value, %z: !runmat.value) {
  // CHECK-DAG: %[[LENS:.*]] = llvm.alloca %{{.*}} x i64
  // CHECK-DAG: %[[ELEMS:.*]] = llvm.alloca %{{.*}} x !llvm.ptr
  // CHECK: %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
  // CHECK-NEXT: llvm.call @rm_range(%[[A]], %[[NULL]], %[[Z]])
  %r = runmat.range %a to %z
  // CHECK-NEXT: llvm.call @rm_range(%[[A]], %[[D]], %[[Z]])
  %s = runmat.range %a step %d to %z
  // CHECK: llvm.call @rm_concat(%{{.*}}, %[[LENS]], %[[ELEMS]]) : (i64, !llvm.ptr, !llvm.ptr) -> !llvm.ptr
  %m = runmat.concat [2, 1](%a, %d, %z)
  return
}
