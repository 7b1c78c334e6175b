// RUN: %runmat-opt %s --convert-runmat-to-llvm | FileCheck %s

// Indexing: the general form passes the subscripts in an entry-block array;
// the scalar forms pass f64s directly to an inline fast path that falls back
// to the runtime entry of the same signature; end is converted to f64.

// The fast paths: internal, always-inline; null, other classes, shared data
// and bad subscripts go to the runtime; TBAA keeps element stores apart from
// headers and slots.
// CHECK-LABEL: llvm.func internal @__rm_fast_assign_2(
// CHECK-SAME: attributes {always_inline}
// CHECK: llvm.load %{{.*}} {tbaa = [#[[SLOTTAG:.*]]]} : !llvm.ptr -> !llvm.ptr
// CHECK: llvm.cond_br
// CHECK: llvm.load %{{.*}} {tbaa = [#[[HDR:.*]]]} : !llvm.ptr -> i16
// CHECK: llvm.load %{{.*}} {tbaa = [#[[HDR]]]} : !llvm.ptr -> i64
// CHECK: llvm.fcmp "olt"
// CHECK: llvm.cond_br %{{.*}}, ^[[FAST:.*]](%{{.*}} : i64), ^[[SLOW:.*]]
// CHECK: ^[[FAST]](%[[LIN:.*]]: i64):
// CHECK: %[[P:.*]] = llvm.getelementptr %{{.*}}[%[[LIN]]] : (!llvm.ptr, i64) -> !llvm.ptr, f64
// CHECK-NEXT: llvm.store %{{.*}}, %[[P]] {tbaa = [#[[DATA:.*]]]} : f64, !llvm.ptr
// CHECK: ^[[SLOW]]:
// CHECK-NEXT: llvm.call @rm_index_assign_f64_2(
// CHECK-LABEL: llvm.func @indexing
// CHECK-SAME: (%[[A:.*]]: !llvm.ptr, %[[I:.*]]: !llvm.ptr, %[[X:.*]]: f64)
func.func @indexing(%A: !runmat.value, %i: !runmat.value, %x: f64) -> f64 {
  // CHECK: %[[SUBS:.*]] = llvm.alloca %{{.*}} x !llvm.ptr
  // CHECK: llvm.store %[[I]], %{{.*}} : !llvm.ptr, !llvm.ptr
  // CHECK: llvm.store %[[I]], %{{.*}} : !llvm.ptr, !llvm.ptr
  // CHECK-NEXT: %[[N:.*]] = llvm.mlir.constant(2 : i64) : i64
  // CHECK-NEXT: llvm.call @rm_index(%[[A]], %[[N]], %[[SUBS]]) : (!llvm.ptr, i64, !llvm.ptr) -> !llvm.ptr
  %a = runmat.index %A[%i, %i]
  // CHECK-NEXT: llvm.call @__rm_fast_index_1(%[[A]], %[[X]]) : (!llvm.ptr, f64) -> f64
  %s1 = runmat.index_scalar %A[%x] : f64
  // CHECK-NEXT: llvm.call @__rm_fast_index_2(%[[A]], %[[X]], %[[X]]) : (!llvm.ptr, f64, f64) -> f64
  %s2 = runmat.index_scalar %A[%x, %x] : f64
  // CHECK-NEXT: %[[POS:.*]] = llvm.mlir.constant(1 : i64) : i64
  // CHECK-NEXT: %[[CNT:.*]] = llvm.mlir.constant(2 : i64) : i64
  // CHECK-NEXT: %[[E:.*]] = llvm.call @rm_end(%[[A]], %[[POS]], %[[CNT]]) : (!llvm.ptr, i64, i64) -> i64
  // CHECK-NEXT: %[[EF:.*]] = llvm.sitofp %[[E]] : i64 to f64
  %e = runmat.end %A {position = 1 : i64, count = 2 : i64}
  // CHECK: llvm.return %[[EF]] : f64
  return %e : f64
}

// Indexed assignment works on the slot's address; deletion passes 1 as the
// last argument.
// CHECK-LABEL: llvm.func @assign
// CHECK-SAME: (%[[V:.*]]: !llvm.ptr, %[[X:.*]]: f64)
func.func @assign(%v: !runmat.value, %x: f64) {
  // CHECK: %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
  // CHECK-NEXT: llvm.store %[[NULL]], %[[SLOT:[0-9]+]] : !llvm.ptr, !llvm.ptr
  %slot = runmat.alloc_var "A" : !runmat.slot<!runmat.value>
  // CHECK-NEXT: llvm.call @__rm_fast_assign_1(%[[SLOT]], %[[X]], %[[X]]) : (!llvm.ptr, f64, f64) -> ()
  runmat.index_assign %slot[%x] = %x : !runmat.slot<!runmat.value>[f64], f64
  // CHECK-NEXT: llvm.call @__rm_fast_assign_2(%[[SLOT]], %[[X]], %[[X]], %[[X]]) : (!llvm.ptr, f64, f64, f64) -> ()
  runmat.index_assign %slot[%x, %x] = %x : !runmat.slot<!runmat.value>[f64, f64], f64
  // CHECK: %[[ZERO:.*]] = llvm.mlir.constant(0 : i32) : i32
  // CHECK-NEXT: llvm.call @rm_index_assign(%[[SLOT]], %{{.*}}, %{{.*}}, %[[V]], %[[ZERO]]) : (!llvm.ptr, i64, !llvm.ptr, !llvm.ptr, i32) -> ()
  runmat.index_assign %slot[%v] = %v : !runmat.slot<!runmat.value>[!runmat.value], !runmat.value
  // CHECK: %[[EMPTY:.*]] = llvm.call @rm_empty()
  %em = runmat.empty
  // CHECK: %[[ONE:.*]] = llvm.mlir.constant(1 : i32) : i32
  // CHECK-NEXT: llvm.call @rm_index_assign(%[[SLOT]], %{{.*}}, %{{.*}}, %[[EMPTY]], %[[ONE]])
  runmat.index_assign %slot[%v] = %em {is_delete} : !runmat.slot<!runmat.value>[!runmat.value], !runmat.value
  return
}
