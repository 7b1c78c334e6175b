// RUN: %runmat-opt %s --runmat-lower-scalar-builtins --canonicalize | FileCheck %s
// RUN: %runmat-opt %s --runmat-lower-scalar-builtins --convert-math-to-libm --convert-runmat-to-llvm | FileCheck %s --check-prefix=LLVM

// After the pass, canonicalization folds the mod(x, 0) and Inf guards away
// for a constant finite non-zero divisor.
// CHECK-LABEL: func.func @mod_by_seven
func.func @mod_by_seven(%x: f64) -> f64 {
  %c = arith.constant 7.0 : f64
  // CHECK: arith.divf
  // CHECK-NEXT: math.floor
  // CHECK-NEXT: arith.mulf
  // CHECK-NEXT: arith.subf
  // CHECK-NEXT: return
  %r = runmat.builtin "mod"(%x, %c) {nargout = 1 : i32} : (f64, f64) -> f64
  return %r : f64
}

// Lowered all the way, the native form calls libm's floor and no runtime
// builtin.
// LLVM-LABEL: llvm.func @mod_by_seven
// LLVM-NOT: rm_call_builtin
// LLVM: llvm.fdiv
// LLVM: llvm.call @floor
// LLVM-NOT: rm_call_builtin
// LLVM: llvm.return
