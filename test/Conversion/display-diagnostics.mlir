// RUN: %runmat-opt %s --convert-runmat-to-llvm | FileCheck %s

// display picks the runtime entry by type; assign_ans passes its display flag;
// switch_match truncates to i1; line stores into the external global
// rm_current_line; enter passes the file then the function name.
// CHECK-DAG: llvm.mlir.global external @rm_current_line() {addr_space = 0 : i32} : i32
// CHECK-DAG: llvm.mlir.global private constant @[[FILE:__rm_str_[0-9a-f]+_3]]("f.m\00")
// CHECK-DAG: llvm.mlir.global private constant @[[FN:__rm_str_[0-9a-f]+_1]]("f\00")
// CHECK-DAG: llvm.mlir.global private constant @[[ID:__rm_str_[0-9a-f]+_5]]("my:id\00")
// CHECK-DAG: llvm.mlir.global private constant @[[MSG:__rm_str_[0-9a-f]+_4]]("boom\00")
// CHECK-LABEL: llvm.func @disp
// CHECK-SAME: (%[[V:.*]]: !llvm.ptr, %[[X:.*]]: f64, %[[B:.*]]: i1)
func.func @disp(%v: !runmat.value, %x: f64, %b: i1) {
  // CHECK: llvm.call @rm_display_f64(%{{.*}}, %[[X]]) : (!llvm.ptr, f64) -> ()
  runmat.display "x", %x : f64
  // CHECK: %[[E:.*]] = llvm.zext %[[B]] : i1 to i32
  // CHECK-NEXT: llvm.call @rm_display_bool(%{{.*}}, %[[E]]) : (!llvm.ptr, i32) -> ()
  runmat.display "b", %b : i1
  // CHECK: llvm.call @rm_display(%{{.*}}, %[[V]]) : (!llvm.ptr, !llvm.ptr) -> ()
  runmat.display "v", %v : !runmat.value
  %ans = runmat.alloc_var "ans" : !runmat.slot<!runmat.value>
  // CHECK: %[[ONE:.*]] = llvm.mlir.constant(1 : i32) : i32
  // CHECK-NEXT: llvm.call @rm_assign_ans(%[[ANS:.*]], %[[V]], %[[ONE]])
  runmat.assign_ans %v, %ans {display} : !runmat.slot<!runmat.value>
  // CHECK-NEXT: %[[ZERO:.*]] = llvm.mlir.constant(0 : i32) : i32
  // CHECK-NEXT: llvm.call @rm_assign_ans(%[[ANS]], %[[V]], %[[ZERO]])
  runmat.assign_ans %v, %ans : !runmat.slot<!runmat.value>
  // CHECK-NEXT: %[[M:.*]] = llvm.call @rm_switch_match(%[[V]], %[[V]]) : (!llvm.ptr, !llvm.ptr) -> i32
  // CHECK-NEXT: llvm.trunc %[[M]] : i32 to i1
  %sm = runmat.switch_match %v, %v
  // CHECK-NEXT: %[[FP:.*]] = llvm.mlir.addressof @[[FILE]]
  // CHECK-NEXT: %[[NP:.*]] = llvm.mlir.addressof @[[FN]]
  // CHECK-NEXT: llvm.call @rm_enter_function(%[[FP]], %[[NP]])
  runmat.enter "f" in "f.m"
  // CHECK-NEXT: %[[LP:.*]] = llvm.mlir.addressof @rm_current_line : !llvm.ptr
  // CHECK-NEXT: %[[L:.*]] = llvm.mlir.constant(7 : i32) : i32
  // CHECK-NEXT: llvm.store %[[L]], %[[LP]] {tbaa = [#{{.*}}]} : i32, !llvm.ptr
  runmat.line 7
  // CHECK-NEXT: llvm.call @rm_leave_function() : () -> ()
  runmat.leave
  // CHECK-NEXT: %[[IP:.*]] = llvm.mlir.addressof @[[ID]]
  // CHECK-NEXT: %[[MP:.*]] = llvm.mlir.addressof @[[MSG]]
  // CHECK-NEXT: llvm.call @rm_error(%[[IP]], %[[MP]])
  runmat.error "my:id", "boom"
  return
}
