// RUN: %runmat-opt %s --runmat-lower-scalar-builtins --convert-runmat-to-llvm --reconcile-unrealized-casts | FileCheck %s

// A fused region lowers to rm_fused_prepare and, on its fast path, a call
// of rm_parallel_for with an outlined kernel: ctx holds the result's data
// pointer, each array input's data pointer and each scalar. The kernel is
// one loop over [begin, end) (inputs and result through the data pointers,
// no runtime call per element). The fallback runs the runtime operations.
// CHECK-LABEL: llvm.func @f
// CHECK-SAME: (%[[X:.*]]: !llvm.ptr, %[[S:.*]]: f64)
// CHECK: %[[CTX:.*]] = llvm.alloca %{{.*}} x i64
// CHECK: %[[OUT:.*]] = llvm.call @rm_fused_prepare(%{{.*}}, %{{.*}}) : (i64, !llvm.ptr) -> !llvm.ptr
// CHECK: %[[NULL:.*]] = llvm.icmp "eq" %[[OUT]], %{{.*}} : !llvm.ptr
// CHECK: llvm.cond_br %[[NULL]], ^[[FB:bb[0-9]+]], ^[[FAST:bb[0-9]+]]
// CHECK: ^[[FAST]]:
// CHECK: %[[SSLOT:.*]] = llvm.getelementptr %[[CTX]][2] : (!llvm.ptr) -> !llvm.ptr, i64
// CHECK: llvm.store %[[S]], %[[SSLOT]] : f64, !llvm.ptr
// CHECK: %[[K:.*]] = llvm.mlir.addressof @[[KERNEL:__rm_fused_kernel_[0-9]+]]
// CHECK: llvm.call @rm_parallel_for(%{{.*}}, %{{.*}}, %[[K]], %[[CTX]])
// CHECK: llvm.br ^[[MERGE:bb[0-9]+]](%[[OUT]] : !llvm.ptr)
// CHECK: ^[[FB]]:
// CHECK: llvm.call @rm_from_f64(%[[S]])
// CHECK: llvm.call @rm_binop
// CHECK: llvm.br ^[[MERGE]]
// CHECK: ^[[MERGE]](%[[R:.*]]: !llvm.ptr):
// CHECK: llvm.return %[[R]]
// CHECK: llvm.func internal @[[KERNEL]](%[[C:.*]]: !llvm.ptr, %[[B:.*]]: i64, %[[E:.*]]: i64)
// CHECK: %[[SC:.*]] = llvm.load %{{.*}} : !llvm.ptr -> f64
// CHECK: llvm.br ^[[LOOP:bb[0-9]+]](%[[B]] : i64)
// CHECK: ^[[LOOP]](%[[I:.*]]: i64):
// CHECK: llvm.icmp "slt" %[[I]], %[[E]]
// CHECK: ^{{bb[0-9]+}}:
// CHECK: llvm.load %{{.*}} {tbaa = [#{{.*}}]} : !llvm.ptr -> f64
// CHECK-NOT: llvm.call @rm_
// CHECK: llvm.intr.sin
// CHECK: llvm.fmul %{{.*}}, %[[SC]]
// CHECK: llvm.store %{{.*}}, %{{.*}} {tbaa = [#{{.*}}]} : f64, !llvm.ptr
// CHECK: llvm.br ^[[LOOP]]
// CHECK: llvm.return
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

