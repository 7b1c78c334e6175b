// RUN: %runmat-opt %s --runmat-fuse-generators=report=true --split-input-file --verify-diagnostics | FileCheck %s

// sin(0:n-1) .* 2: the range becomes the region's shape (1 x count) and
// its scalars; the body computes element k from the index (the runtime's
// two-sided formula); the fallback makes the range again. The range and
// its boxes go.
// CHECK-LABEL: func.func @range
// CHECK-SAME: (%[[A:.*]]: f64, %[[B:.*]]: f64)
// CHECK-NOT: runmat.range %
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f64
// CHECK: %[[N:.*]] = runmat.range_count %[[A]], %[[ONE]], %[[B]]
// CHECK: %[[LAST:.*]] = runmat.range_last %[[A]], %[[ONE]], %[[B]], %[[N]]
// CHECK: %[[NF:.*]] = arith.sitofp %[[N]] : i64 to f64
// CHECK: %[[COLS:.*]] = arith.select %{{.*}}, %{{.*}}, %[[NF]] : f64
// CHECK: runmat.fused_elementwise(%[[A]], %[[ONE]], %[[B]], %[[LAST]], %[[NF]]) : (f64, f64, f64, f64, f64) shape(%{{.*}}, %[[COLS]]) body {
// CHECK-NEXT: ^bb0(%[[EA:.*]]: f64, %[[ED:.*]]: f64, %{{.*}}: f64, %[[EL:.*]]: f64, %[[EN:.*]]: f64, %[[K:.*]]: f64):
// CHECK-NEXT: %[[KD:.*]] = arith.mulf %[[K]], %[[ED]] : f64
// CHECK-NEXT: %[[LO:.*]] = arith.addf %[[EA]], %[[KD]] : f64
// CHECK: %[[HI:.*]] = arith.subf %[[EL]], %{{.*}} : f64
// CHECK: %[[TWOK:.*]] = arith.addf %[[K]], %[[K]] : f64
// CHECK-NEXT: %[[FIRST:.*]] = arith.cmpf olt, %[[TWOK]], %[[EN]] : f64
// CHECK-NEXT: %[[E:.*]] = arith.select %[[FIRST]], %[[LO]], %[[HI]] : f64
// CHECK: runmat.builtin "sin"(%[[E]])
// CHECK: } fallback {
// CHECK: %[[R:.*]] = runmat.range %{{.*}} step %{{.*}} to %{{.*}}
// CHECK: runmat.builtin "sin"(%[[R]])
// CHECK: runmat.release %[[R]]
// CHECK: runmat.yield
func.func @range(%a: f64, %b: f64) -> !runmat.value {
  %ba = runmat.box %a : f64
  %bb = runmat.box %b : f64
  %r = runmat.range %ba to %bb
  // expected-remark @below {{computes a colon range in the region (no array for it)}}
  %y = runmat.fused_elementwise(%r) : (!runmat.value) body {
  ^bb0(%e: f64):
    %c = arith.constant 2.0 : f64
    %s = runmat.builtin "sin"(%e) {nargout = 1 : i32} : (f64) -> f64
    %t = runmat.times %s, %c : f64
    runmat.yield %t : f64
  } fallback {
  ^bb0(%v: !runmat.value):
    %c = arith.constant 2.0 : f64
    %bc = runmat.box %c : f64
    %s = runmat.builtin "sin"(%v) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
    %t = runmat.times %s, %bc : !runmat.value
    runmat.release %bc
    runmat.release %s
    runmat.yield %t : !runmat.value
  }
  runmat.release %ba
  runmat.release %bb
  runmat.release %r
  return %y : !runmat.value
}

// -----

// linspace(a, b, n) + x: the other array input stays first; the count is
// floor(n) (0 below 1, -1 beyond 9e15 so that the fallback raises); the
// body ends with the exact endpoints.
// CHECK-LABEL: func.func @linspace
// CHECK-SAME: (%[[X:.*]]: !runmat.value, %[[A:.*]]: f64, %[[B:.*]]: f64, %[[N:.*]]: f64)
// CHECK-NOT: "linspace"
// CHECK: %[[NF:.*]] = math.floor %[[N]] : f64
// CHECK: runmat.fused_elementwise(%[[X]], %[[A]], %[[B]], %[[N]], %{{.*}}) : (!runmat.value, f64, f64, f64, f64) shape(
// CHECK: arith.divf
// CHECK: arith.cmpf oeq
// CHECK: arith.select
// CHECK: runmat.plus %{{.*}}, %{{.*}} : f64
// CHECK: } fallback {
// CHECK: runmat.builtin "linspace"
func.func @linspace(%x: !runmat.value, %a: f64, %b: f64, %n: f64) -> !runmat.value {
  %l = runmat.builtin "linspace"(%a, %b, %n) {nargout = 1 : i32} : (f64, f64, f64) -> !runmat.value
  // expected-remark @below {{computes linspace in the region (no array for it)}}
  %y = runmat.fused_elementwise(%x, %l) : (!runmat.value, !runmat.value) body {
  ^bb0(%e: f64, %g: f64):
    %t = runmat.plus %e, %g : f64
    runmat.yield %t : f64
  } fallback {
  ^bb0(%v: !runmat.value, %w: !runmat.value):
    %t = runmat.plus %v, %w : !runmat.value
    runmat.yield %t : !runmat.value
  }
  runmat.release %l
  return %y : !runmat.value
}

// -----

// Left alone: a range that something else reads too (it is made anyway),
// and one with a display between it and the region (the range's error,
// raised by the fallback, must not come after that output).
// CHECK-LABEL: func.func @kept
// CHECK: runmat.range
// CHECK: runmat.fused_elementwise(%{{.*}}) : (!runmat.value) body
// CHECK: runmat.range
// CHECK: runmat.display
// CHECK: runmat.fused_elementwise(%{{.*}}) : (!runmat.value) body
func.func @kept(%x: f64, %y2: f64) -> (!runmat.value, !runmat.value) {
  %a = runmat.box %x : f64
  %b = runmat.box %y2 : f64
  %r = runmat.range %a to %b
  %y = runmat.fused_elementwise(%r) : (!runmat.value) body {
  ^bb0(%e: f64):
    %t = runmat.neg %e : f64
    runmat.yield %t : f64
  } fallback {
  ^bb0(%v: !runmat.value):
    %t = runmat.neg %v : !runmat.value
    runmat.yield %t : !runmat.value
  }
  %r2 = runmat.range %a to %b
  runmat.display "a", %a : !runmat.value
  %z = runmat.fused_elementwise(%r2) : (!runmat.value) body {
  ^bb0(%e: f64):
    %t = runmat.neg %e : f64
    runmat.yield %t : f64
  } fallback {
  ^bb0(%v: !runmat.value):
    %t = runmat.neg %v : !runmat.value
    runmat.yield %t : !runmat.value
  }
  runmat.release %r2
  return %r, %z : !runmat.value, !runmat.value
}

// -----

// A fused reduction reads the range: it gets the shape and the index too.
// CHECK-LABEL: func.func @reduce
// CHECK-NOT: runmat.range %
// CHECK: runmat.fused_reduce "sum" dim 0(%{{.*}}) : (f64, f64, f64, f64, f64) shape(%{{.*}}, %{{.*}}) body {
// CHECK-NEXT: ^bb0(%{{.*}}: f64, %{{.*}}: f64, %{{.*}}: f64, %{{.*}}: f64, %{{.*}}: f64, %[[K:.*]]: f64):
// CHECK: } fallback {
// CHECK: runmat.range
func.func @reduce(%a: f64, %b: f64) -> !runmat.value {
  %ba = runmat.box %a : f64
  %bb = runmat.box %b : f64
  %r = runmat.range %ba to %bb
  // expected-remark @below {{computes a colon range in the region (no array for it)}}
  %y = runmat.fused_reduce "sum" dim 0(%r) : (!runmat.value) body {
  ^bb0(%e: f64):
    %s = runmat.builtin "sin"(%e) {nargout = 1 : i32} : (f64) -> f64
    runmat.yield %s : f64
  } fallback {
  ^bb0(%v: !runmat.value):
    %s = runmat.builtin "sin"(%v) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
    %t = runmat.builtin "sum"(%s) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
    runmat.release %s
    runmat.yield %t : !runmat.value
  }
  runmat.release %ba
  runmat.release %bb
  runmat.release %r
  return %y : !runmat.value
}
