// RUN: %runmat-opt %s --runmat-fuse-power-step --split-input-file | FileCheck %s
// RUN: %runmat-opt %s --runmat-fuse-power-step=report=true --split-input-file 2>&1 >/dev/null | FileCheck %s --check-prefix=REPORT

// y = a * q; q = y ./ sqrt(sum(y.^2) + eps) (as MLIRGen writes it, eps a
// call boxed): one power_step_normalize with eps as its attribute, where
// the division was. The release of q that sat after the product now comes
// after the new op; the product, the square, the sum, eps and its box, the
// addition, the root and the division go with their releases, and the
// exponent's box and constant with them.
// CHECK-LABEL: func.func @eps_call
// CHECK-SAME: (%[[A:.*]]: !runmat.value, %[[N:.*]]: f64)
// CHECK: %[[Q:.*]] = runmat.builtin "rand"
// CHECK-NEXT: runmat.line 4
// CHECK-NEXT: %[[R:.*]] = runmat.power_step_normalize %[[A]], %[[Q]] eps 2.2204460492503131E-16
// CHECK-NEXT: runmat.release %[[Q]]
// CHECK-NEXT: return %[[R]] : !runmat.value
// REPORT: remark: a * q with its columns scaled to unit norm (eps 2.220446e-16) in one kernel (PowerStepNormalize)
func.func @eps_call(%a: !runmat.value, %n: f64) -> !runmat.value {
  %q = runmat.builtin "rand"(%n, %n) {nargout = 1 : i32} : (f64, f64) -> !runmat.value
  %y = runmat.mtimes %a, %q : !runmat.value
  runmat.release %q
  runmat.line 4
  %c2 = arith.constant 2.000000e+00 : f64
  %two = runmat.box %c2 : f64
  %sq = runmat.power %y, %two : !runmat.value
  %s = runmat.builtin "sum"(%sq) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %e = runmat.builtin "eps"() {nargout = 1 : i32} : () -> f64
  %eb = runmat.box %e : f64
  %pl = runmat.plus %s, %eb : !runmat.value
  %r = runmat.builtin "sqrt"(%pl) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %q1 = runmat.rdivide %y, %r : !runmat.value
  runmat.release %y
  runmat.release %two
  runmat.release %sq
  runmat.release %s
  runmat.release %eb
  runmat.release %pl
  runmat.release %r
  return %q1 : !runmat.value
}

// -----

// y .* y and a literal 1e-12: eps 1e-12 (the constant goes with its box).
// CHECK-LABEL: func.func @literal_times
// CHECK-SAME: (%[[A:.*]]: !runmat.value, %[[Q:.*]]: !runmat.value)
// CHECK-NOT: arith.constant
// CHECK: %[[R:.*]] = runmat.power_step_normalize %[[A]], %[[Q]] eps 9.9999999999999998E-13
// CHECK-NOT: runmat.box
// CHECK-NOT: runmat.times
// CHECK-NOT: runmat.builtin
// CHECK: return %[[R]] : !runmat.value
// REPORT: remark: a * q with its columns scaled to unit norm (eps 1.000000e-12) in one kernel (PowerStepNormalize)
func.func @literal_times(%a: !runmat.value, %q: !runmat.value) -> !runmat.value {
  %y = runmat.mtimes %a, %q : !runmat.value
  %sq = runmat.times %y, %y : !runmat.value
  %s = runmat.builtin "sum"(%sq) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %k = arith.constant 9.9999999999999998E-13 : f64
  %kb = runmat.box %k : f64
  %pl = runmat.plus %s, %kb : !runmat.value
  %r = runmat.builtin "sqrt"(%pl) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %q1 = runmat.rdivide %y, %r : !runmat.value
  runmat.release %y
  runmat.release %sq
  runmat.release %s
  runmat.release %kb
  runmat.release %pl
  runmat.release %r
  return %q1 : !runmat.value
}

// -----

// eps + sum(y.^2) (the constant first), with eps's box used again later:
// fused, and the box and the eps call stay for their other use.
// CHECK-LABEL: func.func @eps_first
// CHECK-SAME: (%[[A:.*]]: !runmat.value, %[[Q:.*]]: !runmat.value)
// CHECK: %[[E:.*]] = runmat.builtin "eps"()
// CHECK-NEXT: %[[EB:.*]] = runmat.box %[[E]] : f64
// CHECK-NEXT: %[[R:.*]] = runmat.power_step_normalize %[[A]], %[[Q]] eps 2.2204460492503131E-16
// CHECK-NOT: runmat.plus
// CHECK-NOT: runmat.builtin "sqrt"
// CHECK: return %[[R]], %[[EB]] : !runmat.value, !runmat.value
// REPORT: remark: a * q with its columns scaled to unit norm (eps 2.220446e-16) in one kernel (PowerStepNormalize)
func.func @eps_first(%a: !runmat.value, %q: !runmat.value) -> (!runmat.value, !runmat.value) {
  %y = runmat.mtimes %a, %q : !runmat.value
  %c2 = arith.constant 2.000000e+00 : f64
  %two = runmat.box %c2 : f64
  %sq = runmat.power %y, %two : !runmat.value
  %s = runmat.builtin "sum"(%sq) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %e = runmat.builtin "eps"() {nargout = 1 : i32} : () -> f64
  %eb = runmat.box %e : f64
  %pl = runmat.plus %eb, %s : !runmat.value
  %r = runmat.builtin "sqrt"(%pl) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %q1 = runmat.rdivide %y, %r : !runmat.value
  runmat.release %y
  runmat.release %two
  runmat.release %sq
  runmat.release %s
  runmat.release %pl
  runmat.release %r
  return %q1, %eb : !runmat.value, !runmat.value
}

// -----

// Left alone: y with a third use (returned); a non-constant eps; sum(_, 1);
// y not a product; the root with another use; y.^3.
// CHECK-LABEL: func.func @kept
// CHECK-NOT: runmat.power_step_normalize
// CHECK-COUNT-6: runmat.rdivide
// CHECK: return
// REPORT-NOT: remark
func.func @kept(%a: !runmat.value, %q: !runmat.value, %h: f64) -> (!runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value) {
  %c2 = arith.constant 2.000000e+00 : f64
  %k = arith.constant 9.9999999999999998E-13 : f64
  // a third use of y
  %y = runmat.mtimes %a, %q : !runmat.value
  %sq = runmat.times %y, %y : !runmat.value
  %s = runmat.builtin "sum"(%sq) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %kb = runmat.box %k : f64
  %pl = runmat.plus %s, %kb : !runmat.value
  %r = runmat.builtin "sqrt"(%pl) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %q1 = runmat.rdivide %y, %r : !runmat.value
  // eps an argument
  %y2 = runmat.mtimes %a, %q : !runmat.value
  %sq2 = runmat.times %y2, %y2 : !runmat.value
  %s2 = runmat.builtin "sum"(%sq2) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %hb = runmat.box %h : f64
  %pl2 = runmat.plus %s2, %hb : !runmat.value
  %r2 = runmat.builtin "sqrt"(%pl2) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %q2 = runmat.rdivide %y2, %r2 : !runmat.value
  // sum(y.^2, 1)
  %y3 = runmat.mtimes %a, %q : !runmat.value
  %sq3 = runmat.times %y3, %y3 : !runmat.value
  %one = arith.constant 1.000000e+00 : f64
  %s3 = runmat.builtin "sum"(%sq3, %one) {nargout = 1 : i32} : (!runmat.value, f64) -> !runmat.value
  %kb3 = runmat.box %k : f64
  %pl3 = runmat.plus %s3, %kb3 : !runmat.value
  %r3 = runmat.builtin "sqrt"(%pl3) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %q3 = runmat.rdivide %y3, %r3 : !runmat.value
  // a + q, not a product
  %y4 = runmat.plus %a, %q : !runmat.value
  %sq4 = runmat.times %y4, %y4 : !runmat.value
  %s4 = runmat.builtin "sum"(%sq4) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %kb4 = runmat.box %k : f64
  %pl4 = runmat.plus %s4, %kb4 : !runmat.value
  %r4 = runmat.builtin "sqrt"(%pl4) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %q4 = runmat.rdivide %y4, %r4 : !runmat.value
  // the norms used again
  %y5 = runmat.mtimes %a, %q : !runmat.value
  %sq5 = runmat.times %y5, %y5 : !runmat.value
  %s5 = runmat.builtin "sum"(%sq5) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %kb5 = runmat.box %k : f64
  %pl5 = runmat.plus %s5, %kb5 : !runmat.value
  %r5 = runmat.builtin "sqrt"(%pl5) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %q5 = runmat.rdivide %y5, %r5 : !runmat.value
  // y.^3
  %y6 = runmat.mtimes %a, %q : !runmat.value
  %c3 = arith.constant 3.000000e+00 : f64
  %three = runmat.box %c3 : f64
  %sq6 = runmat.power %y6, %three : !runmat.value
  %s6 = runmat.builtin "sum"(%sq6) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %kb6 = runmat.box %k : f64
  %pl6 = runmat.plus %s6, %kb6 : !runmat.value
  %r6 = runmat.builtin "sqrt"(%pl6) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %q6 = runmat.rdivide %y6, %r6 : !runmat.value
  return %q1, %y, %q2, %q3, %q4, %q5, %r5, %q6 : !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value
}
