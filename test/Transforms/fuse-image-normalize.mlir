// RUN: %runmat-opt %s --runmat-fuse-image-normalize=report=true --split-input-file --verify-diagnostics | FileCheck %s

// The benchmark's pipeline after runmat-fuse-mean-var: the statistics, the
// standardisation, gain, bias, clamp, gamma and the double sum of Z(:)
// become one op with the constants as attributes; everything else goes.
// CHECK-LABEL: func.func @pipeline
// CHECK-SAME: (%[[X:.*]]: !runmat.value)
// CHECK-NEXT: %[[R:.*]] = runmat.image_normalize %[[X]] dim 0 eps 1.000000e-05 {bias = 1.000000e-01 : f64, clamp, gain = 1.250000e+00 : f64, gamma = 0.45454545454545453 : f64, out_double, sum}
// CHECK-NEXT: runmat.release %[[X]]
// CHECK-NEXT: return %[[R]]
func.func @pipeline(%x: !runmat.value) -> !runmat.value {
  %mean, %variance = runmat.mean_var %x dim 0 form 0
  %d = runmat.minus %x, %mean : !runmat.value
  runmat.release %mean
  %ce = arith.constant 1.0e-5 : f64
  %be = runmat.box %ce : f64
  %ve = runmat.plus %variance, %be : !runmat.value
  runmat.release %variance
  %s = runmat.builtin "sqrt"(%ve) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %y0 = runmat.rdivide %d, %s : !runmat.value
  runmat.release %d
  %cg = arith.constant 1.25 : f64
  %bg = runmat.box %cg : f64
  %y1 = runmat.mtimes %y0, %bg : !runmat.value
  %cb = arith.constant 0.1 : f64
  %bb = runmat.box %cb : f64
  %y2 = runmat.plus %y1, %bb : !runmat.value
  runmat.release %be
  runmat.release %ve
  runmat.release %s
  runmat.release %y0
  runmat.release %bg
  runmat.release %y1
  runmat.release %bb
  %zero = arith.constant 0.0 : f64
  %y3 = runmat.builtin "max"(%y2, %zero) {nargout = 1 : i32} : (!runmat.value, f64) -> !runmat.value
  runmat.release %y2
  %cgam = arith.constant 0.45454545454545453 : f64
  %bgam = runmat.box %cgam : f64
  %z = runmat.power %y3, %bgam : !runmat.value
  runmat.release %y3
  runmat.release %bgam
  %all = runmat.colon_all
  %col = runmat.index %z[%all]
  runmat.release %z
  %dbl = runmat.string "double"
  // expected-remark @below {{(x - mu) ./ sqrt(var + eps) * gain + bias, max(., 0), .^gamma, summed as one kernel (ImageNormalize)}}
  %sum = runmat.builtin "sum"(%col, %dbl) {nargout = 1 : i32} : (!runmat.value, !runmat.value) -> !runmat.value
  runmat.release %all
  runmat.release %col
  runmat.release %dbl
  runmat.release %x
  return %sum : !runmat.value
}

// -----

// Only the standardisation, and `- c` as a bias of -c; the result is kept
// (no sum). The clamp needs +0 (max(y, -0) differs in the sign of zeros):
// it stays outside.
// CHECK-LABEL: func.func @partial
// CHECK: %[[R:.*]] = runmat.image_normalize %{{.*}} dim 1 eps 1.000000e-03 {bias = -5.000000e-01 : f64}
// CHECK: runmat.builtin "max"(%[[R]]
func.func @partial(%x: !runmat.value) -> !runmat.value {
  %mean, %variance = runmat.mean_var %x dim 1 form 2
  %d = runmat.minus %x, %mean : !runmat.value
  %ce = arith.constant 1.0e-3 : f64
  %bce = runmat.box %ce : f64
  %ve = runmat.plus %variance, %bce : !runmat.value
  %s = runmat.builtin "sqrt"(%ve) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %y0 = runmat.rdivide %d, %s : !runmat.value
  %cb = arith.constant 0.5 : f64
  %bb = runmat.box %cb : f64
  // expected-remark @below {{(x - mu) ./ sqrt(var + eps) + bias as one kernel (ImageNormalize)}}
  %y1 = runmat.minus %y0, %bb : !runmat.value
  %nz = arith.constant -0.0 : f64
  %y2 = runmat.builtin "max"(%y1, %nz) {nargout = 1 : i32} : (!runmat.value, f64) -> !runmat.value
  runmat.release %mean
  runmat.release %variance
  runmat.release %d
  runmat.release %bce
  runmat.release %ve
  runmat.release %s
  runmat.release %y0
  runmat.release %bb
  runmat.release %y1
  return %y2 : !runmat.value
}

// -----

// Left alone: the sample variance (var(x), form 1), and a mean that is
// read elsewhere too.
// CHECK-LABEL: func.func @kept
// CHECK-NOT: runmat.image_normalize
// CHECK: runmat.mean_var %{{.*}} dim 0 form 1
// CHECK: runmat.mean_var %{{.*}} dim 0 form 0
func.func @kept(%x: !runmat.value) -> (!runmat.value, !runmat.value, !runmat.value) {
  %mean, %variance = runmat.mean_var %x dim 0 form 1
  %d = runmat.minus %x, %mean : !runmat.value
  %ce = arith.constant 1.0e-3 : f64
  %bce = runmat.box %ce : f64
  %ve = runmat.plus %variance, %bce : !runmat.value
  %s = runmat.builtin "sqrt"(%ve) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %y0 = runmat.rdivide %d, %s : !runmat.value
  %m2, %v2 = runmat.mean_var %x dim 0 form 0
  %d2 = runmat.minus %x, %m2 : !runmat.value
  %ve2 = runmat.plus %v2, %bce : !runmat.value
  %s2 = runmat.builtin "sqrt"(%ve2) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %y2 = runmat.rdivide %d2, %s2 : !runmat.value
  return %y0, %y2, %m2 : !runmat.value, !runmat.value, !runmat.value
}
