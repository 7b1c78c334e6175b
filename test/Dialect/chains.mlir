// RUN: %runmat-opt %s | %runmat-opt | FileCheck %s
// RUN: %runmat-opt %s --convert-runmat-to-llvm | FileCheck %s --check-prefix=LLVM
// RUN: %runmat-opt %s --convert-runmat-to-llvm | FileCheck %s --check-prefix=SETJMP

// CHECK-LABEL: func.func @chains
// LLVM-LABEL: llvm.func @chains
func.func @chains(%s: !runmat.value, %i: !runmat.value, %v: !runmat.value) {
  %name = runmat.string "a"
  // CHECK: runmat.subsref %{{.*}} [2, 0] [1, 1]{{ ?}}(%{{.*}}, %{{.*}})
  // LLVM: llvm.call @rm_subsref
  %r = runmat.subsref %s [2, 0] [1, 1] (%name, %i)
  // CHECK: runmat.subsref %{{.*}} [1] [1]{{ ?}}(%{{.*}}) {as_list}
  %l = runmat.subsref %s [1] [1] (%i) {as_list}
  %slot = runmat.alloc_var "s" : !runmat.slot<!runmat.value>
  // CHECK: runmat.subsasgn %{{.*}} [2, 1] [1, 1]{{ ?}}(%{{.*}}, %{{.*}}) = %{{.*}}
  // LLVM: llvm.call @rm_subsasgn
  runmat.subsasgn %slot [2, 1] [1, 1] (%name, %i) = %v : !runmat.slot<!runmat.value>
  // CHECK: runmat.cell_literal [2, 1](%{{.*}}, %{{.*}}, %{{.*}})
  // LLVM: llvm.call @rm_cell_literal
  %c = runmat.cell_literal [2, 1](%v, %i, %r)
  // CHECK: runmat.cell_literal [](){{$}}
  %e = runmat.cell_literal []()
  return
}

// CHECK-LABEL: func.func @handles
func.func @handles(%a: !runmat.value, %x: !runmat.value) {
  // CHECK: runmat.make_closure @entry "@(x)x+a"{{ ?}}(%{{.*}}) {nparams = 1 : i32}
  // LLVM: llvm.mlir.addressof @entry
  // LLVM: llvm.call @rm_make_closure
  %f = runmat.make_closure @entry "@(x)x+a" (%a) {nparams = 1 : i32}
  // CHECK: runmat.make_handle "sin" {nparams = -1 : i32}
  // LLVM: llvm.call @rm_make_handle
  %g = runmat.make_handle "sin" {nparams = -1 : i32}
  // CHECK: runmat.call_value %{{.*}}(%{{.*}}) {nargout = 2 : i32}
  // LLVM: llvm.call @rm_call_value
  %p, %q = runmat.call_value %f(%x) {nargout = 2 : i32} : (!runmat.value) -> (!runmat.value, !runmat.value)
  return
}
func.func private @entry(!llvm.ptr, i32, !llvm.ptr, i32, !llvm.ptr)

// CHECK-LABEL: func.func @tries
// LLVM-LABEL: llvm.func @tries
func.func @tries() attributes {runmat.has_try} {
  // LLVM: llvm.call @rm_try_begin
  // LLVM: llvm.call @_setjmp
  %ok = runmat.try_begin
  cf.cond_br %ok, ^body, ^catch
^body:
  // LLVM: llvm.call @rm_try_end
  runmat.try_end
  return
^catch:
  // LLVM: llvm.call @rm_caught_error
  %e = runmat.caught_error
  runmat.release %e
  return
}
// SETJMP: llvm.func @_setjmp(!llvm.ptr) -> i32 attributes {passthrough = ["returns_twice"]}
