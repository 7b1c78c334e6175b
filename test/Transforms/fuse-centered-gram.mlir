// RUN: %runmat-opt %s --runmat-fuse-centered-gram --split-input-file | FileCheck %s
// RUN: %runmat-opt %s --runmat-fuse-centered-gram=report=true --split-input-file 2>&1 >/dev/null | FileCheck %s --check-prefix=REPORT

// c = x - mean(x); g = c' * c (as MLIRGen and runmat-forward-variables
// leave it): one centered_gram on x with conjugate. x was released before
// the product; that release now comes after the new op. The mean, the
// subtraction, the transpose and the product go with their releases.
// CHECK-LABEL: func.func @scatter
// CHECK: %[[X:.*]] = runmat.builtin "rand"
// CHECK-NOT: runmat.builtin "mean"
// CHECK-NOT: runmat.minus
// CHECK-NOT: runmat.release %[[X]]
// CHECK: runmat.line 7
// CHECK-NEXT: %[[G:.*]] = runmat.centered_gram %[[X]] {conjugate}
// CHECK-NEXT: runmat.release %[[X]]
// CHECK-NOT: runmat.ctranspose
// CHECK-NOT: runmat.mtimes
// CHECK: return %[[G]] : !runmat.value
// REPORT: remark: (x - mean(x))' * (x - mean(x)) as one centred SYRK (CenteredGram)
func.func @scatter(%r: f64, %k: f64) -> !runmat.value {
  %x = runmat.builtin "rand"(%r, %k) {nargout = 1 : i32} : (f64, f64) -> !runmat.value
  runmat.line 6
  %mu = runmat.builtin "mean"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %c = runmat.minus %x, %mu : !runmat.value
  runmat.release %x
  runmat.release %mu
  runmat.line 7
  %t = runmat.ctranspose %c : !runmat.value
  %g = runmat.mtimes %t, %c : !runmat.value
  runmat.release %c
  runmat.release %t
  return %g : !runmat.value
}

// -----

// (c' * c) / (size(x, 1) - 1): the boxed scalar divisor becomes the op's
// f64 divisor; the op sits where the division was (the divisor is computed
// after the product), and the box and the division go.
// CHECK-LABEL: func.func @covariance
// CHECK-SAME: (%[[X:.*]]: !runmat.value)
// CHECK: %[[N:.*]] = runmat.builtin "size"(%[[X]], %{{.*}}) {nargout = 1 : i32} : (!runmat.value, f64) -> f64
// CHECK: %[[D:.*]] = runmat.minus %[[N]], %{{.*}} : f64
// CHECK-NEXT: %[[G:.*]] = runmat.centered_gram %[[X]] divisor %[[D]] : f64 {conjugate}
// CHECK-NOT: runmat.box
// CHECK-NOT: runmat.mrdivide
// CHECK-NOT: runmat.mtimes
// CHECK: return %[[G]] : !runmat.value
// REPORT: remark: (x - mean(x))' * (x - mean(x)) / s as one centred SYRK (CenteredGram)
func.func @covariance(%x: !runmat.value) -> !runmat.value {
  %mu = runmat.builtin "mean"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %c = runmat.minus %x, %mu : !runmat.value
  runmat.release %mu
  %t = runmat.ctranspose %c : !runmat.value
  %g = runmat.mtimes %t, %c : !runmat.value
  %one = arith.constant 1.000000e+00 : f64
  %n = runmat.builtin "size"(%x, %one) {nargout = 1 : i32} : (!runmat.value, f64) -> f64
  %one2 = arith.constant 1.000000e+00 : f64
  %d = runmat.minus %n, %one2 : f64
  %b = runmat.box %d : f64
  %q = runmat.mrdivide %g, %b : !runmat.value
  runmat.release %t
  runmat.release %g
  runmat.release %b
  runmat.release %c
  return %q : !runmat.value
}

// -----

// c.' * c ./ s (s a native f64 argument, boxed for ./) and c.' * c / 4 with
// mean(x, 1): no conjugate attribute, and columns (the mean is mean(x, 1));
// c has two products, so the subtraction stays for the second and goes
// with it.
// CHECK-LABEL: func.func @plain_transpose
// CHECK-SAME: (%[[X:.*]]: !runmat.value, %[[S:.*]]: f64)
// CHECK: %[[G1:.*]] = runmat.centered_gram %[[X]] divisor %[[S]] : f64 {columns}{{$}}
// CHECK: %[[K:.*]] = arith.constant 4.0
// CHECK-NEXT: %[[G2:.*]] = runmat.centered_gram %[[X]] divisor %[[K]] : f64 {columns}{{$}}
// CHECK-NOT: runmat.minus
// CHECK-NOT: runmat.transpose
// CHECK-NOT: runmat.rdivide
// CHECK-NOT: runmat.mrdivide
// CHECK-NOT: runmat.box
// CHECK-NOT: runmat.builtin "mean"
// CHECK: return %[[G1]], %[[G2]]
// REPORT: remark: (x - mean(x))' * (x - mean(x)) / s as one centred SYRK (CenteredGram)
// REPORT: remark: (x - mean(x))' * (x - mean(x)) / s as one centred SYRK (CenteredGram)
func.func @plain_transpose(%x: !runmat.value, %s: f64) -> (!runmat.value, !runmat.value) {
  %one = arith.constant 1.000000e+00 : f64
  %mu = runmat.builtin "mean"(%x, %one) {nargout = 1 : i32} : (!runmat.value, f64) -> !runmat.value
  %c = runmat.minus %x, %mu : !runmat.value
  runmat.release %mu
  %t = runmat.transpose %c : !runmat.value
  %g = runmat.mtimes %t, %c : !runmat.value
  %b = runmat.box %s : f64
  %q = runmat.rdivide %g, %b : !runmat.value
  runmat.release %t
  runmat.release %g
  runmat.release %b
  %t2 = runmat.transpose %c : !runmat.value
  %g2 = runmat.mtimes %t2, %c : !runmat.value
  runmat.release %c
  %k = arith.constant 4.000000e+00 : f64
  %b2 = runmat.box %k : f64
  %q2 = runmat.mrdivide %g2, %b2 : !runmat.value
  runmat.release %t2
  runmat.release %g2
  runmat.release %b2
  return %q, %q2 : !runmat.value, !runmat.value
}

// -----

// c has another use (it is returned): the Gram matrix is still fused, the
// subtraction and the mean stay for c.
// CHECK-LABEL: func.func @centred_kept
// CHECK-SAME: (%[[X:.*]]: !runmat.value)
// CHECK: %[[MU:.*]] = runmat.builtin "mean"(%[[X]])
// CHECK-NEXT: %[[C:.*]] = runmat.minus %[[X]], %[[MU]]
// CHECK-NEXT: runmat.release %[[MU]]
// CHECK-NEXT: %[[G:.*]] = runmat.centered_gram %[[X]] {conjugate}
// CHECK-NEXT: return %[[C]], %[[G]]
// REPORT: remark: (x - mean(x))' * (x - mean(x)) as one centred SYRK (CenteredGram)
func.func @centred_kept(%x: !runmat.value) -> (!runmat.value, !runmat.value) {
  %mu = runmat.builtin "mean"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %c = runmat.minus %x, %mu : !runmat.value
  runmat.release %mu
  %t = runmat.ctranspose %c : !runmat.value
  %g = runmat.mtimes %t, %c : !runmat.value
  runmat.release %t
  return %c, %g : !runmat.value, !runmat.value
}

// -----

// The division is by an array (not a known scalar): the Gram matrix is
// fused without a divisor and the division stays.
// CHECK-LABEL: func.func @array_divisor
// CHECK-SAME: (%[[X:.*]]: !runmat.value, %[[Y:.*]]: !runmat.value)
// CHECK: %[[G:.*]] = runmat.centered_gram %[[X]] {conjugate}
// CHECK-NEXT: %[[Q:.*]] = runmat.mrdivide %[[G]], %[[Y]] : !runmat.value
// CHECK-NEXT: runmat.release %[[G]]
// CHECK-NEXT: return %[[Q]]
// REPORT: remark: (x - mean(x))' * (x - mean(x)) as one centred SYRK (CenteredGram)
func.func @array_divisor(%x: !runmat.value, %y: !runmat.value) -> !runmat.value {
  %mu = runmat.builtin "mean"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %c = runmat.minus %x, %mu : !runmat.value
  runmat.release %mu
  %t = runmat.ctranspose %c : !runmat.value
  %g = runmat.mtimes %t, %c : !runmat.value
  runmat.release %t
  runmat.release %c
  %q = runmat.mrdivide %g, %y : !runmat.value
  runmat.release %g
  return %q : !runmat.value
}

// -----

// x = [1 2 4]; c = x - mean(x, 1); c' * c (a row vector: mean(x, 1) is x
// itself and g is zero, while mean(x) would average along the row): the op
// carries columns; the same product with mean(x) does not. x's release
// comes after the second op.
// CHECK-LABEL: func.func @row_mean_dim1
// CHECK: %[[X:.*]] = runmat.concat
// CHECK-NOT: runmat.builtin "mean"
// CHECK: runmat.line 3
// CHECK-NEXT: %[[G1:.*]] = runmat.centered_gram %[[X]] {columns, conjugate}
// CHECK-NEXT: runmat.line 4
// CHECK-NEXT: %[[G2:.*]] = runmat.centered_gram %[[X]] {conjugate}{{$}}
// CHECK-NEXT: runmat.release %[[X]]
// CHECK-NEXT: return %[[G1]], %[[G2]]
// REPORT: remark: (x - mean(x))' * (x - mean(x)) as one centred SYRK (CenteredGram)
// REPORT: remark: (x - mean(x))' * (x - mean(x)) as one centred SYRK (CenteredGram)
func.func @row_mean_dim1() -> (!runmat.value, !runmat.value) {
  %c1 = arith.constant 1.000000e+00 : f64
  %b1 = runmat.box %c1 : f64
  %c2 = arith.constant 2.000000e+00 : f64
  %b2 = runmat.box %c2 : f64
  %c4 = arith.constant 4.000000e+00 : f64
  %b4 = runmat.box %c4 : f64
  %x = runmat.concat [3](%b1, %b2, %b4)
  runmat.release %b1
  runmat.release %b2
  runmat.release %b4
  runmat.line 2
  %one = arith.constant 1.000000e+00 : f64
  %mu = runmat.builtin "mean"(%x, %one) {nargout = 1 : i32} : (!runmat.value, f64) -> !runmat.value
  %c = runmat.minus %x, %mu : !runmat.value
  runmat.release %mu
  runmat.line 3
  %t = runmat.ctranspose %c : !runmat.value
  %g = runmat.mtimes %t, %c : !runmat.value
  runmat.release %c
  runmat.release %t
  runmat.line 4
  %mu2 = runmat.builtin "mean"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %c2v = runmat.minus %x, %mu2 : !runmat.value
  runmat.release %x
  runmat.release %mu2
  %t2 = runmat.ctranspose %c2v : !runmat.value
  %g2 = runmat.mtimes %t2, %c2v : !runmat.value
  runmat.release %c2v
  runmat.release %t2
  return %g, %g2 : !runmat.value, !runmat.value
}

// -----

// mean(x, 1) with the dimension boxed (released after the subtraction),
// and mean(y, 1) whose box is also the divisor: each box (and its release)
// goes once, when its last user has gone, and the constant with it; the
// divisor is the boxed f64.
// CHECK-LABEL: func.func @boxed_dim
// CHECK-SAME: (%[[X:.*]]: !runmat.value, %[[Y:.*]]: !runmat.value)
// CHECK-NEXT: %[[G1:.*]] = runmat.centered_gram %[[X]] {columns, conjugate}
// CHECK-NEXT: %[[K:.*]] = arith.constant 1.0
// CHECK-NEXT: %[[G2:.*]] = runmat.centered_gram %[[Y]] divisor %[[K]] : f64 {columns, conjugate}
// CHECK-NEXT: return %[[G1]], %[[G2]]
// REPORT: remark: (x - mean(x))' * (x - mean(x)) as one centred SYRK (CenteredGram)
// REPORT: remark: (x - mean(x))' * (x - mean(x)) / s as one centred SYRK (CenteredGram)
func.func @boxed_dim(%x: !runmat.value, %y: !runmat.value) -> (!runmat.value, !runmat.value) {
  %c1 = arith.constant 1.000000e+00 : f64
  %one = runmat.box %c1 : f64
  %mu = runmat.builtin "mean"(%x, %one) {nargout = 1 : i32} : (!runmat.value, !runmat.value) -> !runmat.value
  %c = runmat.minus %x, %mu : !runmat.value
  runmat.release %mu
  runmat.release %one
  %t = runmat.ctranspose %c : !runmat.value
  %g = runmat.mtimes %t, %c : !runmat.value
  runmat.release %t
  runmat.release %c
  %c1b = arith.constant 1.000000e+00 : f64
  %oneb = runmat.box %c1b : f64
  %mu2 = runmat.builtin "mean"(%y, %oneb) {nargout = 1 : i32} : (!runmat.value, !runmat.value) -> !runmat.value
  %c2 = runmat.minus %y, %mu2 : !runmat.value
  runmat.release %mu2
  %t2 = runmat.ctranspose %c2 : !runmat.value
  %g2 = runmat.mtimes %t2, %c2 : !runmat.value
  %q2 = runmat.mrdivide %g2, %oneb : !runmat.value
  runmat.release %t2
  runmat.release %c2
  runmat.release %g2
  runmat.release %oneb
  return %g, %q2 : !runmat.value, !runmat.value
}

// -----

// Left alone: mean(x, 2) (rows centred, not columns); x - mean(y); the
// product of two different centred arrays; a transpose with another use.
// CHECK-LABEL: func.func @kept
// CHECK-NOT: runmat.centered_gram
// CHECK: runmat.mtimes
// CHECK: runmat.mtimes
// CHECK: runmat.mtimes
// CHECK: runmat.mtimes
// CHECK: return
// REPORT-NOT: remark
func.func @kept(%x: !runmat.value, %y: !runmat.value) -> (!runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value) {
  %two = arith.constant 2.000000e+00 : f64
  %mu = runmat.builtin "mean"(%x, %two) {nargout = 1 : i32} : (!runmat.value, f64) -> !runmat.value
  %c = runmat.minus %x, %mu : !runmat.value
  %t = runmat.ctranspose %c : !runmat.value
  %g = runmat.mtimes %t, %c : !runmat.value
  runmat.release %t
  %mu2 = runmat.builtin "mean"(%y) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %c2 = runmat.minus %x, %mu2 : !runmat.value
  %t2 = runmat.ctranspose %c2 : !runmat.value
  %g2 = runmat.mtimes %t2, %c2 : !runmat.value
  runmat.release %t2
  %mu3 = runmat.builtin "mean"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %c3 = runmat.minus %x, %mu3 : !runmat.value
  %mu4 = runmat.builtin "mean"(%y) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %c4 = runmat.minus %y, %mu4 : !runmat.value
  %t3 = runmat.ctranspose %c3 : !runmat.value
  %g3 = runmat.mtimes %t3, %c4 : !runmat.value
  runmat.release %t3
  %t4 = runmat.ctranspose %c3 : !runmat.value
  %g4 = runmat.mtimes %t4, %c3 : !runmat.value
  return %g, %g2, %g3, %g4, %t4 : !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value
}
