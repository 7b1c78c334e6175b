// RUN: %runmat-opt %s --runmat-lower-scalar-builtins --convert-runmat-to-llvm --reconcile-unrealized-casts | FileCheck %s

// A fused region lowers to rm_fused_prepare (with the layout out-array)
// and, on its fast path, rm_parallel_for with one of two outlined kernels:
// linear when the arrays have the result's size, over columns with the
// strides of implicit expansion otherwise. ctx holds the result's data
// pointer, each array input's data pointer and each scalar (then R and the
// strides for the expanding kernel). The kernels loop over [begin, end)
// (inputs and result through the data pointers, no runtime call per
// element). The fallback runs the runtime operations.
// CHECK-LABEL: llvm.func @f
// CHECK-SAME: (%[[X:.*]]: !llvm.ptr, %[[S:.*]]: f64)
// CHECK: %[[CTX:.*]] = llvm.alloca %{{.*}} x i64
// CHECK: %[[LAYOUT:.*]] = llvm.alloca %{{.*}} x i64
// CHECK: %[[OUT:.*]] = llvm.call @rm_fused_prepare(%{{.*}}, %{{.*}}, %[[LAYOUT]]) : (i64, !llvm.ptr, !llvm.ptr) -> !llvm.ptr
// CHECK: %[[NULL:.*]] = llvm.icmp "eq" %[[OUT]], %{{.*}} : !llvm.ptr
// CHECK: llvm.cond_br %[[NULL]], ^[[FB:bb[0-9]+]], ^[[FAST:bb[0-9]+]]
// The body (sin, *) has an f64 SPIR-V form: its GPU kernel is offered to
// the runtime first; when it ran, the result is ready, else the CPU's.
// CHECK: ^[[FAST]]:
// CHECK: llvm.call @rm_gpu_elementwise(
// CHECK: llvm.cond_br %{{.*}}, ^[[MERGE:bb[0-9]+]](%[[OUT]] : !llvm.ptr), ^[[CPU:bb[0-9]+]]
// CHECK: ^[[FB]]:
// CHECK: llvm.call @rm_from_f64(%[[S]])
// CHECK: llvm.call @rm_binop
// CHECK: llvm.br ^[[MERGE]]
// CHECK: ^[[CPU]]:
// CHECK: %[[SSLOT:.*]] = llvm.getelementptr %[[CTX]][2] : (!llvm.ptr) -> !llvm.ptr, i64
// CHECK: llvm.store %[[S]], %[[SSLOT]] : f64, !llvm.ptr
// Flags bit 0: implicit expansion, bit 1: single (a kernel rounding each
// result to single).
// CHECK: %[[K:.*]] = llvm.mlir.addressof @[[KERNEL:__rm_fused_kernel_3]]
// CHECK: %[[LF:.*]] = llvm.select %{{.*}}, %{{.*}}, %[[K]]
// CHECK: %[[KE:.*]] = llvm.mlir.addressof @[[EKERNEL:__rm_fused_kernel_0]]
// CHECK: %[[EF:.*]] = llvm.select %{{.*}}, %{{.*}}, %[[KE]]
// CHECK: llvm.cond_br %{{.*}}, ^[[EXP:bb[0-9]+]](%[[EF]] : !llvm.ptr), ^[[LIN:bb[0-9]+]](%[[LF]] : !llvm.ptr)
// CHECK: ^[[LIN]](%[[LFN:.*]]: !llvm.ptr):
// CHECK: llvm.call @rm_parallel_for(%{{.*}}, %{{.*}}, %[[LFN]], %[[CTX]])
// CHECK: llvm.br ^[[MERGE]](%[[OUT]] : !llvm.ptr)
// CHECK: ^[[EXP]](%[[EFN:.*]]: !llvm.ptr):
// CHECK: llvm.call @rm_parallel_for(%{{.*}}, %{{.*}}, %[[EFN]], %[[CTX]])
// CHECK: ^[[MERGE]](%[[R:.*]]: !llvm.ptr):
// CHECK: llvm.return %[[R]]
// The expanding kernel: columns j in [begin, end), rows i < R, element
// (i, j) of the input at i * rs + j * cs.
// CHECK: llvm.func internal @[[EKERNEL]](%{{.*}}: !llvm.ptr, %{{.*}}: i64, %{{.*}}: i64)
// CHECK: llvm.mul
// CHECK: llvm.intr.sin
// CHECK: llvm.return
// The single kernels round operands and results: fptrunc/fpext pairs.
// CHECK: llvm.func internal @__rm_fused_kernel_1(
// CHECK: llvm.fptrunc %{{.*}} : f64 to f32
// CHECK: llvm.fpext %{{.*}} : f32 to f64
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

