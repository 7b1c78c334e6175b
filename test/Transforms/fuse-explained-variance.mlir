// RUN: %runmat-opt %s --runmat-fuse-explained-variance --split-input-file | FileCheck %s
// RUN: %runmat-opt %s --runmat-fuse-explained-variance=report=true --split-input-file 2>&1 >/dev/null | FileCheck %s --check-prefix=REPORT

// diag(q' * g * q) / trace(g) (as MLIRGen writes it): one
// explained_variance with conjugate and normalized, where the division
// was; the transpose, both products, diag, trace and the division go with
// their releases.
// CHECK-LABEL: func.func @normalized
// CHECK-SAME: (%[[Q:.*]]: !runmat.value, %[[G:.*]]: !runmat.value)
// CHECK-NEXT: runmat.line 3
// CHECK-NEXT: %[[E:.*]] = runmat.explained_variance %[[Q]], %[[G]] {conjugate, normalized}
// CHECK-NEXT: return %[[E]] : !runmat.value
// REPORT: remark: diag(q' * g * q) / trace(g) as one GEMM and k dot products (ExplainedVariance)
func.func @normalized(%q: !runmat.value, %g: !runmat.value) -> !runmat.value {
  runmat.line 3
  %t = runmat.ctranspose %q : !runmat.value
  %m = runmat.mtimes %t, %g : !runmat.value
  %p = runmat.mtimes %m, %q : !runmat.value
  %d = runmat.builtin "diag"(%p) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %tr = runmat.builtin "trace"(%g) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %e = runmat.mrdivide %d, %tr : !runmat.value
  runmat.release %t
  runmat.release %m
  runmat.release %p
  runmat.release %d
  runmat.release %tr
  return %e : !runmat.value
}

// -----

// diag(q.' * g * q) ./ trace(g), with q and g each read twice from their
// variables: normalized without conjugate, on the first reads; the second
// reads are left with their releases.
// CHECK-LABEL: func.func @plain_transpose
// CHECK: %[[Q:.*]] = runmat.load_var %{{.*}} : <!runmat.value>
// CHECK: %[[G:.*]] = runmat.load_var %{{.*}} : <!runmat.value>
// CHECK: %[[E:.*]] = runmat.explained_variance %[[Q]], %[[G]] {normalized}
// CHECK-NOT: runmat.transpose
// CHECK-NOT: runmat.mtimes
// CHECK-NOT: runmat.builtin
// CHECK-NOT: runmat.rdivide
// CHECK: return %[[E]] : !runmat.value
// REPORT: remark: diag(q' * g * q) / trace(g) as one GEMM and k dot products (ExplainedVariance)
func.func @plain_transpose(%q0: !runmat.value, %g0: !runmat.value) -> !runmat.value {
  %sq = runmat.alloc_var "q" : !runmat.slot<!runmat.value>
  %sg = runmat.alloc_var "g" : !runmat.slot<!runmat.value>
  runmat.store_var %q0, %sq : !runmat.slot<!runmat.value>
  runmat.store_var %g0, %sg : !runmat.slot<!runmat.value>
  %q = runmat.load_var %sq : !runmat.slot<!runmat.value>
  %t = runmat.transpose %q : !runmat.value
  %g = runmat.load_var %sg : !runmat.slot<!runmat.value>
  %m = runmat.mtimes %t, %g : !runmat.value
  %q2 = runmat.load_var %sq : !runmat.slot<!runmat.value>
  %p = runmat.mtimes %m, %q2 : !runmat.value
  %d = runmat.builtin "diag"(%p) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %g2 = runmat.load_var %sg : !runmat.slot<!runmat.value>
  %tr = runmat.builtin "trace"(%g2) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %e = runmat.rdivide %d, %tr : !runmat.value
  runmat.release %q
  runmat.release %t
  runmat.release %g
  runmat.release %m
  runmat.release %q2
  runmat.release %p
  runmat.release %d
  runmat.release %g2
  runmat.release %tr
  return %e : !runmat.value
}

// -----

// diag(q' * g * q) alone, as MLIRGen writes the last use of q and g: the
// releases of g and q that sat between the products now come after the
// new op, and the result keeps diag's release.
// CHECK-LABEL: func.func @releases
// CHECK: %[[G:.*]] = runmat.builtin "rand"
// CHECK: %[[Q:.*]] = runmat.builtin "rand"
// CHECK-NEXT: %[[E:.*]] = runmat.explained_variance %[[Q]], %[[G]] {conjugate}
// CHECK-NEXT: runmat.release %[[G]]
// CHECK-NEXT: runmat.release %[[Q]]
// CHECK-NEXT: %[[O:.*]] = runmat.builtin "disp"(%[[E]])
// CHECK-NEXT: runmat.release %[[E]]
// CHECK-NEXT: runmat.release %[[O]]
// CHECK-NEXT: return
// REPORT: remark: diag(q' * g * q) as one GEMM and k dot products (ExplainedVariance)
func.func @releases(%n: f64, %k: f64) {
  %g = runmat.builtin "rand"(%n, %n) {nargout = 1 : i32} : (f64, f64) -> !runmat.value
  %q = runmat.builtin "rand"(%n, %k) {nargout = 1 : i32} : (f64, f64) -> !runmat.value
  %t = runmat.ctranspose %q : !runmat.value
  %m = runmat.mtimes %t, %g : !runmat.value
  runmat.release %g
  %p = runmat.mtimes %m, %q : !runmat.value
  runmat.release %q
  %d = runmat.builtin "diag"(%p) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %t
  runmat.release %m
  runmat.release %p
  %o = runmat.builtin "disp"(%d) {nargout = 0 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %d
  runmat.release %o
  return
}

// -----

// The division is by the trace of another matrix, or by a trace that has
// another use: the diagonal is fused (not normalized) and the division
// stays.
// CHECK-LABEL: func.func @other_trace
// CHECK-SAME: (%[[Q:.*]]: !runmat.value, %[[G:.*]]: !runmat.value, %[[H:.*]]: !runmat.value)
// CHECK: %[[E1:.*]] = runmat.explained_variance %[[Q]], %[[G]] {conjugate}
// CHECK-NEXT: %[[T1:.*]] = runmat.builtin "trace"(%[[H]])
// CHECK-NEXT: %[[R1:.*]] = runmat.mrdivide %[[E1]], %[[T1]]
// CHECK: %[[E2:.*]] = runmat.explained_variance %[[Q]], %[[G]] {conjugate}
// CHECK-NEXT: %[[T2:.*]] = runmat.builtin "trace"(%[[G]])
// CHECK-NEXT: %[[R2:.*]] = runmat.mrdivide %[[E2]], %[[T2]]
// CHECK-NOT: runmat.mtimes
// CHECK: return %[[R1]], %[[R2]], %[[T2]]
// REPORT: remark: diag(q' * g * q) as one GEMM and k dot products (ExplainedVariance)
// REPORT: remark: diag(q' * g * q) as one GEMM and k dot products (ExplainedVariance)
func.func @other_trace(%q: !runmat.value, %g: !runmat.value, %h: !runmat.value) -> (!runmat.value, !runmat.value, !runmat.value) {
  %t = runmat.ctranspose %q : !runmat.value
  %m = runmat.mtimes %t, %g : !runmat.value
  %p = runmat.mtimes %m, %q : !runmat.value
  %d = runmat.builtin "diag"(%p) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %tr = runmat.builtin "trace"(%h) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %e = runmat.mrdivide %d, %tr : !runmat.value
  runmat.release %t
  runmat.release %m
  runmat.release %p
  runmat.release %d
  runmat.release %tr
  %t2 = runmat.ctranspose %q : !runmat.value
  %m2 = runmat.mtimes %t2, %g : !runmat.value
  %p2 = runmat.mtimes %m2, %q : !runmat.value
  %d2 = runmat.builtin "diag"(%p2) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %tr2 = runmat.builtin "trace"(%g) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %e2 = runmat.mrdivide %d2, %tr2 : !runmat.value
  runmat.release %t2
  runmat.release %m2
  runmat.release %p2
  runmat.release %d2
  return %e, %e2, %tr2 : !runmat.value, !runmat.value, !runmat.value
}

// -----

// Left alone: q' * g * r with r not q; q' * g with another use; q' * g * q
// with another use; a transpose with another use; diag(_, 1); q * g * q.
// CHECK-LABEL: func.func @kept
// CHECK-NOT: runmat.explained_variance
// CHECK-COUNT-6: runmat.builtin "diag"
// CHECK: return
// REPORT-NOT: remark
func.func @kept(%q: !runmat.value, %g: !runmat.value, %r: !runmat.value) -> (!runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value) {
  %t = runmat.ctranspose %q : !runmat.value
  %m = runmat.mtimes %t, %g : !runmat.value
  %p = runmat.mtimes %m, %r : !runmat.value
  %d = runmat.builtin "diag"(%p) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %t
  runmat.release %m
  runmat.release %p
  %t2 = runmat.ctranspose %q : !runmat.value
  %m2 = runmat.mtimes %t2, %g : !runmat.value
  %p2 = runmat.mtimes %m2, %q : !runmat.value
  %d2 = runmat.builtin "diag"(%p2) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %t2
  runmat.release %p2
  %t3 = runmat.ctranspose %q : !runmat.value
  %m3 = runmat.mtimes %t3, %g : !runmat.value
  %p3 = runmat.mtimes %m3, %q : !runmat.value
  %d3 = runmat.builtin "diag"(%p3) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %t3
  runmat.release %m3
  %t4 = runmat.ctranspose %q : !runmat.value
  %m4 = runmat.mtimes %t4, %g : !runmat.value
  %p4 = runmat.mtimes %m4, %q : !runmat.value
  %d4 = runmat.builtin "diag"(%p4) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %m4
  runmat.release %p4
  %t5 = runmat.ctranspose %q : !runmat.value
  %m5 = runmat.mtimes %t5, %g : !runmat.value
  %p5 = runmat.mtimes %m5, %q : !runmat.value
  %one = arith.constant 1.000000e+00 : f64
  %d5 = runmat.builtin "diag"(%p5, %one) {nargout = 1 : i32} : (!runmat.value, f64) -> !runmat.value
  runmat.release %t5
  runmat.release %m5
  runmat.release %p5
  %m6 = runmat.mtimes %q, %g : !runmat.value
  %p6 = runmat.mtimes %m6, %q : !runmat.value
  %d6 = runmat.builtin "diag"(%p6) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %m6
  runmat.release %p6
  return %d, %d2, %m2, %d3, %p3, %d4, %t4, %d5, %d6 : !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value
}

// -----

// Left alone: t = q'; diag(t * t * q), the transpose both operands of the
// first product (g is t itself, not a matrix of its own): nothing is
// rewritten and nothing goes.
// CHECK-LABEL: func.func @shared_transpose
// CHECK-SAME: (%[[Q:.*]]: !runmat.value)
// CHECK-NOT: runmat.explained_variance
// CHECK: %[[T:.*]] = runmat.ctranspose %[[Q]] : !runmat.value
// CHECK-NEXT: %[[M:.*]] = runmat.mtimes %[[T]], %[[T]] : !runmat.value
// CHECK-NEXT: %[[P:.*]] = runmat.mtimes %[[M]], %[[Q]] : !runmat.value
// CHECK-NEXT: %[[D:.*]] = runmat.builtin "diag"(%[[P]])
// CHECK-NEXT: runmat.release %[[T]]
// CHECK-NEXT: runmat.release %[[M]]
// CHECK-NEXT: runmat.release %[[P]]
// CHECK-NEXT: return %[[D]] : !runmat.value
// REPORT-NOT: remark
func.func @shared_transpose(%q: !runmat.value) -> !runmat.value {
  %t = runmat.ctranspose %q : !runmat.value
  %m = runmat.mtimes %t, %t : !runmat.value
  %p = runmat.mtimes %m, %q : !runmat.value
  %d = runmat.builtin "diag"(%p) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %t
  runmat.release %m
  runmat.release %p
  return %d : !runmat.value
}
