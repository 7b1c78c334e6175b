// RUN: %runmat-opt %s --runmat-lower-scalar-builtins --convert-runmat-to-llvm --reconcile-unrealized-casts | FileCheck %s

// The loop idiom: rm_rng_loop_prepare (sizes, the info out-array, the
// last-draw slot with keep_draw), then rm_parallel_for over the elements
// with the outlined kernel; done is the result being non-null. The kernel
// takes blocks: per step, rm_lcg_normals fills the block's draws, the body
// updates the block in place, and the LCG state moves on by one affine map.
// CHECK-LABEL: llvm.func @loop
// CHECK: %[[OUT:.*]] = llvm.call @rm_rng_loop_prepare(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[DRAW:.*]]) : (!llvm.ptr, i64, i64, !llvm.ptr, !llvm.ptr, !llvm.ptr) -> !llvm.ptr
// CHECK: llvm.mlir.addressof @__rm_fused_rng_loop_kernel_0
// CHECK: llvm.call @rm_parallel_for
// CHECK: ^{{bb[0-9]+}}(%[[R:.*]]: !llvm.ptr):
// CHECK: llvm.icmp "ne" %[[R]], %{{.*}} : !llvm.ptr
// CHECK: llvm.load %[[DRAW]] : !llvm.ptr -> !llvm.ptr
// CHECK: llvm.func internal @__rm_fused_rng_loop_kernel_0
// CHECK: llvm.call @rm_lcg_normals
// CHECK: llvm.intr.exp
// CHECK: llvm.store
// CHECK: %[[M:.*]] = llvm.mul %{{.*}}, %{{.*}} : i64
// CHECK-NEXT: llvm.add %[[M]], %{{.*}} : i64
func.func @loop(%s: !runmat.value, %n: i64, %m: f64, %d: f64) -> i1 {
  %one = arith.constant 1.0 : f64
  %done, %r, %z = runmat.fused_rng_loop(%s, %n) dims(%m, %one) scalars(%d) {keep_draw} body {
  ^bb0(%e: f64, %x: f64, %a: f64):
    %p = runmat.plus %a, %x : f64
    %q = runmat.builtin "exp"(%p) {nargout = 1 : i32} : (f64) -> f64
    %t = runmat.times %e, %q : f64
    runmat.yield %t : f64
  }
  runmat.release %r
  runmat.release %z
  return %done : i1
}
