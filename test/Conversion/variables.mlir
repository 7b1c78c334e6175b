// RUN: %runmat-opt %s --convert-runmat-to-llvm | FileCheck %s

// Value slots are pointer allocas initialised to null; i1 slots are
// {i1, i1} pairs; workspace slots come from rm_workspace_slot.
// CHECK-DAG: llvm.mlir.global private constant @[[T:__rm_str_[0-9a-f]+_1]]("t\00")
// CHECK-DAG: llvm.mlir.global private constant @[[G:__rm_str_[0-9a-f]+_1]]("g\00")
// CHECK-DAG: llvm.mlir.global private constant @[[W:__rm_str_[0-9a-f]+_1]]("w\00")
// CHECK-DAG: llvm.mlir.global private constant @[[F:__rm_str_[0-9a-f]+_1]]("f\00")
// CHECK-LABEL: llvm.func @vars
// CHECK-SAME: (%[[X:.*]]: f64, %[[B:.*]]: i1, %[[V:.*]]: !llvm.ptr)
func.func @vars(%x: f64, %b: i1, %v: !runmat.value) -> (i1, !runmat.value, !runmat.value) {
  // CHECK-DAG: %[[WS:.*]] = llvm.alloca %{{.*}} x !llvm.ptr
  // CHECK-DAG: %[[TS:.*]] = llvm.alloca %{{.*}} x !llvm.struct<(i1, i1)>
  %t = runmat.alloc_var "t" : !runmat.slot<i1>
  %w = runmat.alloc_var "w" : !runmat.slot<!runmat.value>
  // CHECK: %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
  // CHECK-NEXT: llvm.store %[[NULL]], %[[WS]] : !llvm.ptr, !llvm.ptr
  // CHECK-NEXT: %[[GN:.*]] = llvm.mlir.addressof @[[G]] : !llvm.ptr
  // CHECK-NEXT: %[[GS:.*]] = llvm.call @rm_workspace_slot(%[[GN]]) : (!llvm.ptr) -> !llvm.ptr
  %g = runmat.alloc_var "g" {workspace} : !runmat.slot<!runmat.value>
  // A scalar store writes the value and sets the flag.
  // CHECK: llvm.store %[[B]], %{{.*}} : i1, !llvm.ptr
  // CHECK: %[[TRUE:.*]] = llvm.mlir.constant(true) : i1
  // CHECK-NEXT: llvm.store %[[TRUE]], %{{.*}} : i1, !llvm.ptr
  runmat.store_var %b, %t : !runmat.slot<i1>
  // A value store retains the new value, then releases the old one.
  // CHECK: %[[OLD:.*]] = llvm.load %[[WS]] : !llvm.ptr -> !llvm.ptr
  // CHECK-NEXT: llvm.call @rm_retain(%[[V]])
  // CHECK-NEXT: llvm.store %[[V]], %[[WS]] : !llvm.ptr, !llvm.ptr
  // CHECK-NEXT: llvm.call @rm_release(%[[OLD]])
  runmat.store_var %v, %w : !runmat.slot<!runmat.value>
  // Reading checks the flag and raises the undefined-variable error by name.
  // CHECK: llvm.cond_br %{{.*}}, ^[[OK:bb[0-9]+]], ^[[BAD:bb[0-9]+]]
  // CHECK: ^[[BAD]]:
  // CHECK-NEXT: %[[TN:.*]] = llvm.mlir.addressof @[[T]] : !llvm.ptr
  // CHECK-NEXT: llvm.call @rm_error_undefined(%[[TN]])
  // CHECK-NEXT: llvm.unreachable
  // CHECK: ^[[OK]]:
  %lt = runmat.load_var %t : !runmat.slot<i1>
  // With output_of, a null value raises the unassigned-output error.
  // CHECK: llvm.icmp "ne" %{{.*}}, %{{.*}} : !llvm.ptr
  // CHECK: %[[WN:.*]] = llvm.mlir.addressof @[[W]] : !llvm.ptr
  // CHECK-NEXT: %[[FN:.*]] = llvm.mlir.addressof @[[F]] : !llvm.ptr
  // CHECK-NEXT: llvm.call @rm_error_unassigned_output(%[[WN]], %[[FN]])
  %lw = runmat.load_var %w {output_of = "f"} : !runmat.slot<!runmat.value>
  // A nullable load is a plain load.
  // CHECK: llvm.load %[[GS]] : !llvm.ptr -> !llvm.ptr
  // CHECK-NOT: llvm.cond_br
  %ln = runmat.load_var %g {nullable} : !runmat.slot<!runmat.value>
  // Clearing a value slot stores null and releases the old value.
  // CHECK: %[[C:.*]] = llvm.load %[[WS]] : !llvm.ptr -> !llvm.ptr
  // CHECK-NEXT: %[[N2:.*]] = llvm.mlir.zero : !llvm.ptr
  // CHECK-NEXT: llvm.store %[[N2]], %[[WS]]
  // CHECK-NEXT: llvm.call @rm_release(%[[C]])
  runmat.clear_var %w : !runmat.slot<!runmat.value>
  // CHECK-NEXT: llvm.call @rm_retain(%[[V]])
  runmat.retain %v
  // CHECK-NEXT: llvm.call @rm_release(%[[V]])
  runmat.release %v
  return %lt, %lw, %ln : i1, !runmat.value, !runmat.value
}

// is_defined of a scalar slot reads its flag; clear_var resets it.
// CHECK-LABEL: llvm.func @scalar_flag
func.func @scalar_flag(%x: f64) -> i1 {
  // CHECK: %[[S:.*]] = llvm.alloca %{{.*}} x !llvm.struct<(f64, i1)>
  %s = runmat.alloc_var "s" : !runmat.slot<f64>
  // CHECK: %[[VP:.*]] = llvm.getelementptr %[[S]][0, 0]
  // CHECK-NEXT: llvm.store %{{.*}}, %[[VP]] : f64, !llvm.ptr
  // CHECK: llvm.mlir.constant(true) : i1
  runmat.store_var %x, %s : !runmat.slot<f64>
  // CHECK: %[[FLAG:.*]] = llvm.getelementptr %[[S]][0, 1]
  // CHECK-NEXT: %[[FALSE:.*]] = llvm.mlir.constant(false) : i1
  // CHECK-NEXT: llvm.store %[[FALSE]], %[[FLAG]] : i1, !llvm.ptr
  runmat.clear_var %s : !runmat.slot<f64>
  // CHECK-NEXT: %[[FP:.*]] = llvm.getelementptr %[[S]][0, 1]
  // CHECK-NEXT: %[[D:.*]] = llvm.load %[[FP]] : !llvm.ptr -> i1
  // CHECK-NEXT: llvm.return %[[D]] : i1
  %d = runmat.is_defined %s : !runmat.slot<f64>
  return %d : i1
}
