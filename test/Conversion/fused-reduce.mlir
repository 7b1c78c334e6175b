// RUN: %runmat-opt %s --runmat-lower-scalar-builtins --convert-runmat-to-llvm --reconcile-unrealized-casts | FileCheck %s

// A fused reduction: rm_fused_reduce_prepare (with the shape out-array),
// two loop nests (d = 1 with an f64 accumulator, d = 2 adding into the
// output), the mean's rm_fused_reduce_finish, and the fallback.
// CHECK-LABEL: llvm.func @r
// CHECK: %[[SH:.*]] = llvm.alloca %{{.*}} x i64
// CHECK: %[[OUT:.*]] = llvm.call @rm_fused_reduce_prepare(%{{.*}}, %{{.*}}, %{{.*}}, %[[SH]])
// CHECK: llvm.cond_br %{{.*}}, ^[[FB:bb[0-9]+]], ^[[FAST:bb[0-9]+]]
// CHECK: ^[[FAST]]:
// CHECK: llvm.cond_br %{{.*}}, ^[[D1:bb[0-9]+]](%{{.*}} : i64), ^[[D2:bb[0-9]+]](%{{.*}} : i64)
// CHECK: ^[[FB]]:
// CHECK: llvm.call @rm_call_builtin
// CHECK: ^[[D1]](%{{.*}}: i64):
// CHECK: ^{{bb[0-9]+}}(%{{.*}}: i64, %[[ACC:.*]]: f64):
// CHECK: llvm.fadd %[[ACC]], %{{.*}} : f64
// CHECK: ^[[D2]](%{{.*}}: i64):
// CHECK: %[[SUM:.*]] = llvm.fadd %{{.*}}, %{{.*}} : f64
// CHECK-NEXT: llvm.store %[[SUM]], %{{.*}} {tbaa
// CHECK: llvm.call @rm_fused_reduce_finish(%[[OUT]], %{{.*}}, %[[SH]])
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
