// RUN: %runmat-opt %s --runmat-fuse-elementwise --split-input-file | FileCheck %s

// y = sin(x) .* exp(-x) + cos(x) .* tanh(x): one region, the statement's
// releases of intermediates gone, the root's release kept.
// CHECK-LABEL: func.func @chain
// CHECK-SAME: (%[[X:.*]]: !runmat.value)
// CHECK: %[[Y:.*]] = runmat.fused_elementwise(%[[X]]) : (!runmat.value) body {
// CHECK-NEXT: ^bb0(%[[E:.*]]: f64):
// CHECK-NEXT: %[[S:.*]] = runmat.builtin "sin"(%[[E]]) {nargout = 1 : i32} : (f64) -> f64
// CHECK-NEXT: %[[N:.*]] = runmat.neg %[[E]] : f64
// CHECK-NEXT: %[[EX:.*]] = runmat.builtin "exp"(%[[N]]) {nargout = 1 : i32} : (f64) -> f64
// CHECK-NEXT: %[[P:.*]] = runmat.times %[[S]], %[[EX]] : f64
// CHECK: %[[R:.*]] = runmat.plus %[[P]], %{{.*}} : f64
// CHECK-NEXT: runmat.yield %[[R]] : f64
// CHECK-NEXT: } fallback {
// CHECK-NEXT: ^bb0(%[[V:.*]]: !runmat.value):
// CHECK-NEXT: %[[FS:.*]] = runmat.builtin "sin"(%[[V]])
// CHECK: %[[FR:.*]] = runmat.plus
// CHECK: runmat.release %[[FS]]
// CHECK-NOT: runmat.release %[[FR]]
// CHECK: runmat.yield %[[FR]] : !runmat.value
// CHECK-NEXT: }
// CHECK-NEXT: runmat.release %[[Y]]
// CHECK-NOT: runmat.release
// CHECK: return
func.func @chain(%x: !runmat.value) {
  %0 = runmat.builtin "sin"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %1 = runmat.neg %x : !runmat.value
  %2 = runmat.builtin "exp"(%1) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %3 = runmat.times %0, %2 : !runmat.value
  %4 = runmat.builtin "cos"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %5 = runmat.builtin "tanh"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %6 = runmat.times %4, %5 : !runmat.value
  %7 = runmat.plus %3, %6 : !runmat.value
  runmat.release %0
  runmat.release %1
  runmat.release %2
  runmat.release %3
  runmat.release %4
  runmat.release %5
  runmat.release %6
  runmat.release %7
  return
}

// -----

// Boxed scalars become f64 inputs (boxed again inside the fallback); boxed
// constants are made again inside both regions instead (the body's code
// then sees them: x.^2 can become x*x). The boxes and their releases go
// when nothing else uses them. x.^2 with a constant integer exponent fuses;
// 2*x (mtimes by a scalar) fuses.
// CHECK-LABEL: func.func @scalars
// CHECK-SAME: (%[[X:.*]]: !runmat.value, %[[A:.*]]: f64)
// CHECK-NOT: runmat.box %[[A]]
// CHECK: runmat.fused_elementwise(%[[X]], %[[A]]) : (!runmat.value, f64) body {
// CHECK: %[[K:.*]] = arith.constant 2.000000e+00 : f64
// CHECK: runmat.power %{{.*}}, %[[K]] : f64
// CHECK: runmat.mtimes %{{.*}}, %{{.*}} : f64
// CHECK: } fallback {
// CHECK-NEXT: ^bb0(%{{.*}}: !runmat.value, %[[C1:.*]]: f64):
// CHECK-NEXT: runmat.box %[[C1]] : f64
// CHECK-NEXT: %[[K2:.*]] = arith.constant 2.000000e+00 : f64
// CHECK-NEXT: runmat.box %[[K2]] : f64
// CHECK-NOT: runmat.box
// CHECK: return
func.func @scalars(%x: !runmat.value, %a: f64) {
  %c2 = arith.constant 2.0 : f64
  %b2 = runmat.box %c2 : f64
  %ba = runmat.box %a : f64
  %0 = runmat.power %x, %b2 : !runmat.value
  %1 = runmat.mtimes %0, %ba : !runmat.value
  runmat.release %b2
  runmat.release %ba
  runmat.release %0
  runmat.release %1
  return
}

// -----

// Not fused: a single operation; x.^y with y not a constant integer; log
// (complex for negative input); an intermediate with a second use.
// CHECK-LABEL: func.func @kept
// CHECK-NOT: runmat.fused_elementwise
// CHECK: return
func.func @kept(%x: !runmat.value, %y: !runmat.value) -> !runmat.value {
  %0 = runmat.builtin "sin"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %1 = runmat.power %x, %y : !runmat.value
  %2 = runmat.plus %1, %y : !runmat.value
  %3 = runmat.builtin "log"(%2) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %4 = runmat.plus %0, %0 : !runmat.value
  runmat.release %0
  runmat.release %1
  runmat.release %2
  runmat.release %3
  return %4 : !runmat.value
}

// -----

// A call between two members of a tree (it may change what the first
// reads, in place) keeps the tree apart.
// CHECK-LABEL: func.func @side_effect
// CHECK-NOT: runmat.fused_elementwise
func.func @side_effect(%x: !runmat.value) {
  %0 = runmat.builtin "sin"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %1 = runmat.builtin "disp"(%x) {nargout = 0 : i32} : (!runmat.value) -> !runmat.value
  %2 = runmat.builtin "cos"(%0) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %0
  runmat.release %1
  runmat.release %2
  return
}

// -----

// max(x, 0) .^ g: max with a scalar fuses, and a non-integer power fuses
// when its base cannot be negative (max with a constant >= 0, abs, exp).
// CHECK-LABEL: func.func @nonneg_power
// CHECK: runmat.fused_elementwise(%{{.*}}, %{{.*}}) : (!runmat.value, f64) body {
// CHECK: runmat.builtin "max"(%{{.*}}, %{{.*}}) {nargout = 1 : i32} : (f64, f64) -> f64
// CHECK: runmat.power %{{.*}}, %{{.*}} : f64
// CHECK: } fallback {
func.func @nonneg_power(%x: !runmat.value, %g: f64) {
  %c0 = arith.constant 0.0 : f64
  %b0 = runmat.box %c0 : f64
  %bg = runmat.box %g : f64
  %0 = runmat.builtin "max"(%x, %b0) {nargout = 1 : i32} : (!runmat.value, !runmat.value) -> !runmat.value
  %1 = runmat.power %0, %bg : !runmat.value
  runmat.release %b0
  runmat.release %bg
  runmat.release %0
  runmat.release %1
  return
}

// -----

// A builtin's native f64 operand (max(x, 0) as MLIRGen makes it): the
// constant is made again in both regions, unboxed.
// CHECK-LABEL: func.func @native_operand
// CHECK: runmat.fused_elementwise(%{{.*}}) : (!runmat.value) body {
// CHECK: %[[Z:.*]] = arith.constant 0.000000e+00 : f64
// CHECK: runmat.builtin "max"(%{{.*}}, %[[Z]]) {nargout = 1 : i32} : (f64, f64) -> f64
// CHECK: } fallback {
// CHECK: %[[Z2:.*]] = arith.constant 0.000000e+00 : f64
// CHECK: runmat.builtin "max"(%{{.*}}, %[[Z2]]) {nargout = 1 : i32} : (!runmat.value, f64) -> !runmat.value
func.func @native_operand(%x: !runmat.value) {
  %c0 = arith.constant 0.0 : f64
  %0 = runmat.builtin "max"(%x, %c0) {nargout = 1 : i32} : (!runmat.value, f64) -> !runmat.value
  %c = arith.constant 0.5 : f64
  %b = runmat.box %c : f64
  %1 = runmat.power %0, %b : !runmat.value
  runmat.release %0
  runmat.release %b
  runmat.release %1
  return
}

// -----

// Fan-out by recomputation: D = x - m is read by two chains; each chain
// computes its own copy (the minus appears in both bodies) and D itself
// goes, as nothing else reads it.
// CHECK-LABEL: func.func @fan_out
// CHECK-SAME: (%[[X:.*]]: !runmat.value, %[[M:.*]]: !runmat.value)
// CHECK-NOT: runmat.minus %[[X]]
// CHECK: runmat.fused_elementwise(%[[X]], %[[M]]) : (!runmat.value, !runmat.value) body {
// CHECK: runmat.minus
// CHECK: runmat.times
// CHECK: runmat.fused_elementwise(%[[X]], %[[M]]) : (!runmat.value, !runmat.value) body {
// CHECK: runmat.minus
// CHECK: runmat.plus
// CHECK: return
func.func @fan_out(%x: !runmat.value, %m: !runmat.value) {
  %d = runmat.minus %x, %m : !runmat.value
  %a = runmat.times %d, %d : !runmat.value
  %b = runmat.plus %d, %x : !runmat.value
  %s = runmat.builtin "disp"(%a) {nargout = 0 : i32} : (!runmat.value) -> !runmat.value
  %t = runmat.builtin "disp"(%b) {nargout = 0 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %d
  runmat.release %a
  runmat.release %b
  runmat.release %s
  runmat.release %t
  return
}

// -----

// A chain with a call in the middle of its span (an effect) keeps the part
// after the call: the minus before it runs where it is, the plus and
// times after it fuse. sqrt of abs(.) (which cannot be negative) fuses;
// sqrt of anything else does not (its result may be complex).
// CHECK-LABEL: func.func @trim_and_sqrt
// CHECK-SAME: (%[[X:.*]]: !runmat.value)
// CHECK: %[[D:.*]] = runmat.minus %[[X]]
// CHECK: runmat.builtin "disp"
// CHECK: runmat.fused_elementwise(%[[D]]) : (!runmat.value) body {
// CHECK: runmat.plus
// CHECK: runmat.times
// CHECK: runmat.fused_elementwise(%[[X]]) : (!runmat.value) body {
// CHECK: runmat.builtin "abs"
// CHECK: runmat.builtin "sqrt"
// CHECK: runmat.builtin "sqrt"(%{{.*}}) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
func.func @trim_and_sqrt(%x: !runmat.value) {
  %c = arith.constant 2.0 : f64
  %b = runmat.box %c : f64
  %d = runmat.minus %x, %b : !runmat.value
  %s = runmat.builtin "disp"(%x) {nargout = 0 : i32} : (!runmat.value) -> !runmat.value
  %e = runmat.plus %d, %b : !runmat.value
  %f = runmat.times %e, %e : !runmat.value
  %g = runmat.builtin "abs"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %h = runmat.builtin "sqrt"(%g) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %i = runmat.minus %x, %b : !runmat.value
  %j = runmat.builtin "sqrt"(%i) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %b
  runmat.release %d
  runmat.release %s
  runmat.release %e
  runmat.release %f
  runmat.release %g
  runmat.release %h
  runmat.release %i
  runmat.release %j
  return
}

// -----

// d = x - m; s = sqrt(v + e); y = d ./ s: array computations with no effect
// but their result (the plus, the sqrt of a value not known to be >= 0, a
// sum) do not keep d out of y's tree, which is then computed where y is.
// CHECK-LABEL: func.func @past_pure_ops
// CHECK-NOT: runmat.minus
// CHECK: runmat.plus %{{.*}}, %{{.*}} : !runmat.value
// CHECK-NOT: runmat.minus
// CHECK: runmat.builtin "sqrt"
// CHECK-NOT: runmat.minus
// CHECK: runmat.builtin "sum"
// CHECK-NOT: runmat.minus
// CHECK: runmat.fused_elementwise(%{{.*}}, %{{.*}}, %{{.*}}) : (!runmat.value, !runmat.value, !runmat.value) body {
// CHECK: runmat.minus
// CHECK: runmat.rdivide
func.func @past_pure_ops(%x: !runmat.value, %m: !runmat.value, %v: !runmat.value) -> (!runmat.value, !runmat.value) {
  %d = runmat.minus %x, %m : !runmat.value
  %c = arith.constant 1.0e-5 : f64
  %b = runmat.box %c : f64
  %p = runmat.plus %v, %b : !runmat.value
  %s = runmat.builtin "sqrt"(%p) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %t = runmat.builtin "sum"(%v) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %y = runmat.rdivide %d, %s : !runmat.value
  runmat.release %d
  runmat.release %b
  runmat.release %p
  runmat.release %s
  return %y, %t : !runmat.value, !runmat.value
}
