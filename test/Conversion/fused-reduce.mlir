// RUN: %runmat-opt %s --runmat-lower-scalar-builtins --convert-runmat-to-llvm --reconcile-unrealized-casts | FileCheck %s

// A fused reduction: rm_fused_reduce_prepare (with the layout out-array),
// one of four outlined kernels run by rm_parallel_for (d = 1 with an f64
// accumulator per column, d = 2 adding into the output; each for double and
// for single data, the single ones rounding through f32), the finish (the
// mean's division), and the fallback.
// CHECK-LABEL: llvm.func @r
// CHECK: %[[N:.*]] = llvm.mlir.constant(10 : i64) : i64
// CHECK-NEXT: %[[LA:.*]] = llvm.alloca %[[N]] x i64
// CHECK: %[[OUT:.*]] = llvm.call @rm_fused_reduce_prepare(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[LA]])
// CHECK: llvm.cond_br %{{.*}}, ^[[FB:bb[0-9]+]], ^[[FAST:bb[0-9]+]]
// CHECK: ^[[FAST]]:
// CHECK-DAG: llvm.mlir.addressof @__rm_fused_reduce_kernel_0
// CHECK-DAG: llvm.mlir.addressof @__rm_fused_reduce_kernel_1
// CHECK-DAG: llvm.mlir.addressof @__rm_fused_reduce_kernel_2
// CHECK-DAG: llvm.mlir.addressof @__rm_fused_reduce_kernel_3
// CHECK: llvm.call @rm_parallel_for
// CHECK-NEXT: llvm.mlir.constant(1 : i32)
// CHECK-NEXT: llvm.call @rm_fused_reduce_finish(%[[OUT]], %{{.*}}, %[[LA]])
// CHECK: ^[[FB]]:
// CHECK: llvm.call @rm_call_builtin
// d = 1, single: each element of a chunk added into its sum as it is
// computed, in order (the loop carries the sum).
// CHECK: llvm.func internal @__rm_fused_reduce_kernel_0
// CHECK: ^{{bb[0-9]+}}(%[[I:.*]]: i64, %[[ACC:.*]]: f64):
// CHECK: llvm.fptrunc
// CHECK: %[[NEXT:.*]] = llvm.fadd %[[ACC]], %{{.*}} : f64
// CHECK: llvm.br ^{{bb[0-9]+}}(%{{.*}}, %[[NEXT]] : i64, f64)
// d = 2, double:
// CHECK: llvm.func internal @__rm_fused_reduce_kernel_1
// CHECK-NOT: fptrunc
// CHECK: %[[SUM:.*]] = llvm.fadd %{{.*}}, %{{.*}} : f64
// CHECK-NEXT: llvm.store %[[SUM]], %{{.*}} {tbaa
// CHECK: llvm.func internal @__rm_fused_reduce_kernel_2
// CHECK: llvm.fptrunc
// CHECK: llvm.func internal @__rm_fused_reduce_kernel_3
// CHECK-NOT: fptrunc
// CHECK: llvm.fadd %{{.*}}, %{{.*}} : f64
// CHECK: llvm.return
func.func @r(%x: !runmat.value) -> !runmat.value {
  %y = runmat.fused_reduce "mean" dim 0(%x) : (!runmat.value) body {
  ^bb0(%e: f64):
    %0 = runmat.times %e, %e : f64
    runmat.yield %0 : f64
  } fallback {
  ^bb0(%v: !runmat.value):
    %0 = runmat.times %v, %v : !runmat.value
    %1 = runmat.builtin "mean"(%0) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
    runmat.release %0
    runmat.yield %1 : !runmat.value
  }
  return %y : !runmat.value
}
