// RUN: %runmat-opt %s --runmat-lower-scalar-builtins --convert-runmat-to-llvm --reconcile-unrealized-casts | FileCheck %s

// A fused region lowers to rm_fused_prepare, one loop over the elements
// (inputs and result through the value header's data pointers, no runtime
// call per element), and the fallback's runtime operations.
// CHECK-LABEL: llvm.func @f
// CHECK-SAME: (%[[X:.*]]: !llvm.ptr, %[[S:.*]]: f64)
// CHECK: %[[OUT:.*]] = llvm.call @rm_fused_prepare(%{{.*}}, %{{.*}}) : (i64, !llvm.ptr) -> !llvm.ptr
// CHECK: %[[NULL:.*]] = llvm.icmp "eq" %[[OUT]], %{{.*}} : !llvm.ptr
// CHECK: llvm.cond_br %[[NULL]], ^[[FB:bb[0-9]+]], ^[[PRE:bb[0-9]+]]
// CHECK: ^[[PRE]]:
// CHECK: llvm.br ^[[LOOP:bb[0-9]+]](%{{.*}} : i64)
// CHECK: ^[[LOOP]](%[[I:.*]]: i64):
// CHECK: llvm.cond_br %{{.*}}, ^[[BODY:bb[0-9]+]], ^[[MERGE:bb[0-9]+]](%[[OUT]] : !llvm.ptr)
// CHECK: ^[[BODY]]:
// CHECK: %[[E:.*]] = llvm.load %{{.*}} {tbaa = [#{{.*}}]} : !llvm.ptr -> f64
// CHECK-NOT: llvm.call @rm_
// CHECK: llvm.intr.sin
// CHECK: llvm.fmul %{{.*}}, %[[S]]
// CHECK: llvm.store %{{.*}}, %{{.*}} {tbaa = [#{{.*}}]} : f64, !llvm.ptr
// CHECK: llvm.br ^[[LOOP]]
// CHECK: ^[[FB]]:
// CHECK: llvm.call @rm_from_f64(%[[S]])
// CHECK: llvm.call @rm_binop
// CHECK: llvm.br ^[[MERGE]]
// CHECK: ^[[MERGE]](%[[R:.*]]: !llvm.ptr):
// CHECK: llvm.return %[[R]]
func.func @f(%x: !runmat.value, %s: f64) -> !runmat.value {
  %y = runmat.fused_elementwise(%x, %s) : (!runmat.value, f64) body {
  ^bb0(%e: f64, %c: f64):
    %0 = runmat.builtin "sin"(%e) {nargout = 1 : i32} : (f64) -> f64
    %1 = runmat.times %0, %c : f64
    runmat.yield %1 : f64
  } fallback {
  ^bb0(%v: !runmat.value, %c: f64):
    %b = runmat.box %c : f64
    %0 = runmat.builtin "sin"(%v) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
    %1 = runmat.times %0, %b : !runmat.value
    runmat.release %b
    runmat.release %0
    runmat.yield %1 : !runmat.value
  }
  return %y : !runmat.value
}
