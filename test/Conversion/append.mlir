// RUN: %runmat-opt %s --convert-runmat-to-llvm --reconcile-unrealized-casts | FileCheck %s
// runmat.append calls rm_append with the slot, the values and the direction.
// CHECK-LABEL: llvm.func @f
// CHECK: %[[H:.*]] = llvm.mlir.constant(0 : i32) : i32
// CHECK: llvm.call @rm_append(%{{.*}}, %{{.*}}, %{{.*}}, %[[H]]) : (!llvm.ptr, i64, !llvm.ptr, i32) -> ()
// CHECK: %[[VT:.*]] = llvm.mlir.constant(1 : i32) : i32
// CHECK: llvm.call @rm_append(%{{.*}}, %{{.*}}, %{{.*}}, %[[VT]])
func.func @f(%a: !runmat.value, %b: !runmat.value) {
  %s = runmat.alloc_var "s" : !runmat.slot<!runmat.value>
  runmat.store_var %a, %s : !runmat.slot<!runmat.value>
  runmat.append %s(%b, %a) : !runmat.slot<!runmat.value>, !runmat.value, !runmat.value
  runmat.append %s(%b) {vertical} : !runmat.slot<!runmat.value>, !runmat.value
  return
}
