// RUN: %runmat-opt %s --convert-runmat-to-llvm | FileCheck %s

// Native scalars become LLVM arithmetic; no runtime call.
// CHECK-LABEL: llvm.func @scalar
func.func @scalar(%a: f64, %b: f64) -> i1 {
  // CHECK: llvm.fadd
  %s = runmat.plus %a, %b : f64
  // CHECK: llvm.fcmp "olt"
  %c = runmat.lt %s, %b : f64 -> i1
  // CHECK-NOT: llvm.call
  return %c : i1
}

// Values become runtime calls with the ABI's operator numbering.
// CHECK-LABEL: llvm.func @values
func.func @values(%x: !runmat.value, %y: !runmat.value) {
  // CHECK: %[[K:.*]] = llvm.mlir.constant(2 : i32)
  // CHECK: llvm.call @rm_binop(%[[K]]
  %p = runmat.times %x, %y : !runmat.value
  // CHECK: llvm.call @rm_display
  runmat.display "p", %p : !runmat.value
  // CHECK: llvm.call @rm_release
  runmat.release %p
  return
}

// A scalar slot is a {value, assigned} pair; reading an unassigned one errors.
// CHECK-LABEL: llvm.func @slots
func.func @slots(%x: f64) -> f64 {
  // CHECK: llvm.alloca %{{.*}} x !llvm.struct<(f64, i1)>
  %s = runmat.alloc_var "x" : !runmat.slot<f64>
  runmat.store_var %x, %s : !runmat.slot<f64>
  // CHECK: llvm.cond_br
  // CHECK: llvm.call @rm_error_undefined
  // CHECK: llvm.unreachable
  %l = runmat.load_var %s : !runmat.slot<f64>
  return %l : f64
}

// CHECK-LABEL: llvm.func @builtin_boxes_scalars
func.func @builtin_boxes_scalars(%x: f64) -> f64 {
  // CHECK: llvm.call @rm_from_f64
  // CHECK: llvm.call @rm_call_builtin
  // CHECK: llvm.call @rm_to_f64
  %r = runmat.builtin "sqrt"(%x) {nargout = 1 : i32} : (f64) -> f64
  return %r : f64
}
