// RUN: %runmat-opt %s --runmat-fuse-mean-var --split-input-file | FileCheck %s
// RUN: %runmat-opt %s --runmat-fuse-mean-var=report=true --split-input-file 2>&1 >/dev/null | FileCheck %s --check-prefix=REPORT

// mu = mean(x); v = mean((x - mu).^2) (as MLIRGen writes it): form 0. The
// mean op is replaced in place, and the subtraction, the square, the box of
// the exponent and the second mean go with their releases.
// CHECK-LABEL: func.func @form0_power
// CHECK-SAME: (%[[X:.*]]: !runmat.value)
// CHECK: %[[MU:.*]], %[[V:.*]] = runmat.mean_var %[[X]] dim 0 form 0
// CHECK-NEXT: runmat.line 3
// CHECK-NOT: runmat.minus
// CHECK-NOT: runmat.power
// CHECK-NOT: runmat.box
// CHECK-NOT: runmat.builtin "mean"
// CHECK: return %[[MU]], %[[V]] : !runmat.value, !runmat.value
// REPORT: remark: mean and mean of squared deviations of one array in one pass (Welford)
func.func @form0_power(%x: !runmat.value) -> (!runmat.value, !runmat.value) {
  runmat.line 2
  %mu = runmat.builtin "mean"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.line 3
  %d = runmat.minus %x, %mu : !runmat.value
  %c2 = arith.constant 2.000000e+00 : f64
  %two = runmat.box %c2 : f64
  %sq = runmat.power %d, %two : !runmat.value
  %v = runmat.builtin "mean"(%sq) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %d
  runmat.release %two
  runmat.release %sq
  return %mu, %v : !runmat.value, !runmat.value
}

// -----

// c = x - mu; mean(c .* c, 2) with mean(x, 2) (native f64 dimensions, as
// MLIRGen makes them): form 0 along dim 2; c has no other use and goes.
// CHECK-LABEL: func.func @form0_times_dim2
// CHECK-SAME: (%[[X:.*]]: !runmat.value)
// CHECK: %[[MU:.*]], %[[V:.*]] = runmat.mean_var %[[X]] dim 2 form 0
// CHECK-NOT: runmat.minus
// CHECK-NOT: runmat.times
// CHECK-NOT: runmat.builtin "mean"
// CHECK: runmat.release %[[MU]]
// CHECK: return %[[V]] : !runmat.value
// REPORT: remark: mean and mean of squared deviations of one array in one pass (Welford)
func.func @form0_times_dim2(%x: !runmat.value) -> !runmat.value {
  %k = arith.constant 2.000000e+00 : f64
  %mu = runmat.builtin "mean"(%x, %k) {nargout = 1 : i32} : (!runmat.value, f64) -> !runmat.value
  %c = runmat.minus %x, %mu : !runmat.value
  runmat.release %mu
  %sq = runmat.times %c, %c : !runmat.value
  runmat.release %c
  %k2 = arith.constant 2.000000e+00 : f64
  %v = runmat.builtin "mean"(%sq, %k2) {nargout = 1 : i32} : (!runmat.value, f64) -> !runmat.value
  runmat.release %sq
  return %v : !runmat.value
}

// -----

// x - mu has another use (it is returned): it stays, now on the fused mean;
// the square and the second mean go.
// CHECK-LABEL: func.func @deviation_kept
// CHECK-SAME: (%[[X:.*]]: !runmat.value)
// CHECK: %[[MU:.*]], %[[V:.*]] = runmat.mean_var %[[X]] dim 0 form 0
// CHECK-NEXT: %[[D:.*]] = runmat.minus %[[X]], %[[MU]] : !runmat.value
// CHECK-NOT: runmat.times
// CHECK-NOT: runmat.builtin "mean"
// CHECK: return %[[D]], %[[V]] : !runmat.value, !runmat.value
// REPORT: remark: mean and mean of squared deviations of one array in one pass (Welford)
func.func @deviation_kept(%x: !runmat.value) -> (!runmat.value, !runmat.value) {
  %mu = runmat.builtin "mean"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %d = runmat.minus %x, %mu : !runmat.value
  runmat.release %mu
  %sq = runmat.times %d, %d : !runmat.value
  %v = runmat.builtin "mean"(%sq) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %sq
  return %d, %v : !runmat.value, !runmat.value
}

// -----

// mu = mean(x); v = var(x) with x read twice from its variable (nothing
// between the reads writes it): form 1 on the first read, in place of the
// mean; the var call goes (the second read is left with its release).
// CHECK-LABEL: func.func @var_form1
// CHECK: %[[A:.*]] = runmat.load_var
// CHECK-NEXT: %[[MU:.*]], %[[V:.*]] = runmat.mean_var %[[A]] dim 0 form 1
// CHECK-NEXT: runmat.builtin "size"(%[[A]])
// CHECK-NEXT: runmat.release %[[A]]
// CHECK-NOT: runmat.builtin "var"
// CHECK: return %[[MU]], %[[V]]
// REPORT: remark: mean and var of one array in one pass (Welford)
func.func @var_form1(%x: !runmat.value) -> (!runmat.value, !runmat.value, f64) {
  %s = runmat.alloc_var "x" : !runmat.slot<!runmat.value>
  runmat.store_var %x, %s : !runmat.slot<!runmat.value>
  %a = runmat.load_var %s : !runmat.slot<!runmat.value>
  %mu = runmat.builtin "mean"(%a) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %n = runmat.builtin "size"(%a) {nargout = 1 : i32} : (!runmat.value) -> f64
  runmat.release %a
  %b = runmat.load_var %s : !runmat.slot<!runmat.value>
  %v = runmat.builtin "var"(%b) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %b
  return %mu, %v, %n : !runmat.value, !runmat.value, f64
}

// -----

// var(x, 1): form 2; var(x, 0, 2) with mean(x, 2): dim 2, form 1; the var
// calls go (the weight and dimension constants may be left dead).
// CHECK-LABEL: func.func @var_weights
// CHECK-SAME: (%[[X:.*]]: !runmat.value, %[[Y:.*]]: !runmat.value)
// CHECK: %[[M1:.*]], %[[V1:.*]] = runmat.mean_var %[[X]] dim 0 form 2
// CHECK: %[[M2:.*]], %[[V2:.*]] = runmat.mean_var %[[Y]] dim 2 form 1
// CHECK-NOT: runmat.builtin "var"
// CHECK-NOT: runmat.builtin "mean"
// CHECK: return %[[M1]], %[[V1]], %[[M2]], %[[V2]]
// REPORT: remark: mean and var of one array in one pass (Welford)
// REPORT: remark: mean and var of one array in one pass (Welford)
func.func @var_weights(%x: !runmat.value, %y: !runmat.value) -> (!runmat.value, !runmat.value, !runmat.value, !runmat.value) {
  %mu = runmat.builtin "mean"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %one = arith.constant 1.000000e+00 : f64
  %v = runmat.builtin "var"(%x, %one) {nargout = 1 : i32} : (!runmat.value, f64) -> !runmat.value
  %k = arith.constant 2.000000e+00 : f64
  %mu2 = runmat.builtin "mean"(%y, %k) {nargout = 1 : i32} : (!runmat.value, f64) -> !runmat.value
  %zero = arith.constant 0.000000e+00 : f64
  %k2 = arith.constant 2.000000e+00 : f64
  %v2 = runmat.builtin "var"(%y, %zero, %k2) {nargout = 1 : i32} : (!runmat.value, f64, f64) -> !runmat.value
  return %mu, %v, %mu2, %v2 : !runmat.value, !runmat.value, !runmat.value, !runmat.value
}

// -----

// mean(x, 'all') with mean((x - mu).^2, 'all'): dim -1; both 'all' strings
// go with their calls.
// CHECK-LABEL: func.func @all
// CHECK-SAME: (%[[X:.*]]: !runmat.value)
// CHECK: %[[MU:.*]], %[[V:.*]] = runmat.mean_var %[[X]] dim -1 form 0
// CHECK-NOT: runmat.string
// CHECK-NOT: runmat.builtin "mean"
// CHECK: return %[[MU]], %[[V]]
// REPORT: remark: mean and mean of squared deviations of one array in one pass (Welford)
func.func @all(%x: !runmat.value) -> (!runmat.value, !runmat.value) {
  %a = runmat.string "all"
  %mu = runmat.builtin "mean"(%x, %a) {nargout = 1 : i32} : (!runmat.value, !runmat.value) -> !runmat.value
  runmat.release %a
  %d = runmat.minus %x, %mu : !runmat.value
  %c2 = arith.constant 2.000000e+00 : f64
  %two = runmat.box %c2 : f64
  %sq = runmat.power %d, %two : !runmat.value
  %a2 = runmat.string "all"
  %v = runmat.builtin "mean"(%sq, %a2) {nargout = 1 : i32} : (!runmat.value, !runmat.value) -> !runmat.value
  runmat.release %d
  runmat.release %two
  runmat.release %sq
  runmat.release %a2
  return %mu, %v : !runmat.value, !runmat.value
}

// -----

// One box of 2 is the dimension of both means and the exponent: it goes
// once, with the last of its users (and its release and constant).
// CHECK-LABEL: func.func @shared_box_form0
// CHECK-SAME: (%[[X:.*]]: !runmat.value)
// CHECK-NEXT: %[[MU:.*]], %[[V:.*]] = runmat.mean_var %[[X]] dim 2 form 0
// CHECK-NEXT: return %[[MU]], %[[V]] : !runmat.value, !runmat.value
// REPORT: remark: mean and mean of squared deviations of one array in one pass (Welford)
func.func @shared_box_form0(%x: !runmat.value) -> (!runmat.value, !runmat.value) {
  %c2 = arith.constant 2.000000e+00 : f64
  %two = runmat.box %c2 : f64
  %mu = runmat.builtin "mean"(%x, %two) {nargout = 1 : i32} : (!runmat.value, !runmat.value) -> !runmat.value
  %d = runmat.minus %x, %mu : !runmat.value
  %sq = runmat.power %d, %two : !runmat.value
  %v = runmat.builtin "mean"(%sq, %two) {nargout = 1 : i32} : (!runmat.value, !runmat.value) -> !runmat.value
  runmat.release %d
  runmat.release %sq
  runmat.release %two
  return %mu, %v : !runmat.value, !runmat.value
}

// -----

// One box of 2 is the dimension of mean(x, 2) and of var(x, 0, 2): both
// calls go, and the box once, after them.
// CHECK-LABEL: func.func @shared_box_var
// CHECK-SAME: (%[[X:.*]]: !runmat.value)
// CHECK: %[[MU:.*]], %[[V:.*]] = runmat.mean_var %[[X]] dim 2 form 1
// CHECK-NOT: runmat.builtin "var"
// CHECK-NOT: runmat.box
// CHECK-NOT: runmat.release
// CHECK: return %[[MU]], %[[V]] : !runmat.value, !runmat.value
// REPORT: remark: mean and var of one array in one pass (Welford)
func.func @shared_box_var(%x: !runmat.value) -> (!runmat.value, !runmat.value) {
  %c2 = arith.constant 2.000000e+00 : f64
  %two = runmat.box %c2 : f64
  %mu = runmat.builtin "mean"(%x, %two) {nargout = 1 : i32} : (!runmat.value, !runmat.value) -> !runmat.value
  %c0 = arith.constant 0.000000e+00 : f64
  %v = runmat.builtin "var"(%x, %c0, %two) {nargout = 1 : i32} : (!runmat.value, f64, !runmat.value) -> !runmat.value
  runmat.release %two
  return %mu, %v : !runmat.value, !runmat.value
}

// -----

// Left alone: the dimensions differ (mean(x) with var(x, 0, 2); mean(x, 1)
// with var(x), whose default dimension may not be 1; mean(x) with
// mean((x - mu).^2, 2)).
// CHECK-LABEL: func.func @kept_dims
// CHECK-NOT: runmat.mean_var
// CHECK: runmat.builtin "var"
// CHECK: runmat.builtin "var"
// CHECK: runmat.power
// CHECK: return
func.func @kept_dims(%x: !runmat.value, %y: !runmat.value, %z: !runmat.value) -> (!runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value) {
  %mu = runmat.builtin "mean"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %zero = arith.constant 0.000000e+00 : f64
  %k = arith.constant 2.000000e+00 : f64
  %v = runmat.builtin "var"(%x, %zero, %k) {nargout = 1 : i32} : (!runmat.value, f64, f64) -> !runmat.value
  %one = arith.constant 1.000000e+00 : f64
  %mu2 = runmat.builtin "mean"(%y, %one) {nargout = 1 : i32} : (!runmat.value, f64) -> !runmat.value
  %v2 = runmat.builtin "var"(%y) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %mu3 = runmat.builtin "mean"(%z) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %d = runmat.minus %z, %mu3 : !runmat.value
  %c2 = arith.constant 2.000000e+00 : f64
  %two = runmat.box %c2 : f64
  %sq = runmat.power %d, %two : !runmat.value
  %k2 = arith.constant 2.000000e+00 : f64
  %v3 = runmat.builtin "mean"(%sq, %k2) {nargout = 1 : i32} : (!runmat.value, f64) -> !runmat.value
  runmat.release %d
  runmat.release %two
  runmat.release %sq
  return %mu, %v, %mu2, %v2, %mu3, %v3 : !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value
}

// -----

// Left alone: different arrays (mean(x) with var(y)); one variable read
// twice with a store between the reads; (y - mean(x)).^2.
// CHECK-LABEL: func.func @kept_arrays
// CHECK-NOT: runmat.mean_var
// CHECK: runmat.builtin "var"
// CHECK: runmat.builtin "var"
// CHECK: runmat.builtin "mean"(%{{.*}}) {nargout = 1 : i32}
// CHECK: return
func.func @kept_arrays(%x: !runmat.value, %y: !runmat.value) -> (!runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value) {
  %mu = runmat.builtin "mean"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %v = runmat.builtin "var"(%y) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %s = runmat.alloc_var "a" : !runmat.slot<!runmat.value>
  runmat.store_var %x, %s : !runmat.slot<!runmat.value>
  %a = runmat.load_var %s : !runmat.slot<!runmat.value>
  %mu2 = runmat.builtin "mean"(%a) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %a
  runmat.store_var %y, %s : !runmat.slot<!runmat.value>
  %b = runmat.load_var %s : !runmat.slot<!runmat.value>
  %v2 = runmat.builtin "var"(%b) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %b
  %mu3 = runmat.builtin "mean"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %d = runmat.minus %y, %mu3 : !runmat.value
  %sq = runmat.times %d, %d : !runmat.value
  %v3 = runmat.builtin "mean"(%sq) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %d
  runmat.release %sq
  return %mu, %v, %mu2, %v2, %mu3, %v3 : !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value
}

// -----

// Left alone: output between the two reductions (a statement call with
// nargout 0, a display, a call of a user function) could show the variance
// being computed early.
// CHECK-LABEL: func.func @kept_between
// CHECK-NOT: runmat.mean_var
// CHECK: runmat.builtin "disp"
// CHECK: runmat.builtin "var"
// CHECK: runmat.display "m"
// CHECK: runmat.builtin "var"
// CHECK: call @f
// CHECK: runmat.builtin "mean"
// CHECK: return
func.func private @f()
func.func @kept_between(%x: !runmat.value, %y: !runmat.value, %z: !runmat.value) -> (!runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value) {
  %mu = runmat.builtin "mean"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %o = runmat.builtin "disp"(%mu) {nargout = 0 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %o
  %v = runmat.builtin "var"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %mu2 = runmat.builtin "mean"(%y) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.display "m", %mu2 : !runmat.value
  %v2 = runmat.builtin "var"(%y) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %mu3 = runmat.builtin "mean"(%z) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %d = runmat.minus %z, %mu3 : !runmat.value
  %sq = runmat.times %d, %d : !runmat.value
  func.call @f() : () -> ()
  %v3 = runmat.builtin "mean"(%sq) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %d
  runmat.release %sq
  return %mu, %v, %mu2, %v2, %mu3, %v3 : !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value
}

// -----

// Left alone: mean(x, 'omitnan') (not a dimension), a square with another
// use, and var(x, 2) (a weight other than 0 or 1).
// CHECK-LABEL: func.func @kept_options
// CHECK-NOT: runmat.mean_var
// CHECK: runmat.builtin "var"
// CHECK: runmat.power
// CHECK: runmat.builtin "var"
// CHECK: return
func.func @kept_options(%x: !runmat.value, %y: !runmat.value, %z: !runmat.value) -> (!runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value) {
  %on = runmat.string "omitnan"
  %mu = runmat.builtin "mean"(%x, %on) {nargout = 1 : i32} : (!runmat.value, !runmat.value) -> !runmat.value
  %v = runmat.builtin "var"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %mu2 = runmat.builtin "mean"(%y) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %d = runmat.minus %y, %mu2 : !runmat.value
  %c2 = arith.constant 2.000000e+00 : f64
  %two = runmat.box %c2 : f64
  %sq = runmat.power %d, %two : !runmat.value
  %v2 = runmat.builtin "mean"(%sq) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %d
  runmat.release %two
  %mu3 = runmat.builtin "mean"(%z) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %w = arith.constant 2.000000e+00 : f64
  %v3 = runmat.builtin "var"(%z, %w) {nargout = 1 : i32} : (!runmat.value, f64) -> !runmat.value
  return %mu, %v, %mu2, %v2, %sq, %mu3, %v3 : !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value
}

// -----

// Left alone: x(1) = 100 (index_assign) between mu = mean(x) and var(x),
// and y = [y, y] (append) between the two reads of y: an op other than a
// read that takes the slot writes the variable, so the reads differ. A
// write of another variable (w(1) = 100) between the reads of z (mean(z)
// and (z - mu).^2) does not stop the fusion.
// CHECK-LABEL: func.func @kept_slot_writes
// CHECK: %[[A:.*]] = runmat.load_var %[[SX:.*]] : <!runmat.value>
// CHECK-NEXT: runmat.builtin "mean"(%[[A]])
// CHECK: runmat.index_assign %[[SX]]
// CHECK: %[[B:.*]] = runmat.load_var %[[SX]] : <!runmat.value>
// CHECK-NEXT: runmat.builtin "var"(%[[B]])
// CHECK: %[[A2:.*]] = runmat.load_var %[[SY:.*]] : <!runmat.value>
// CHECK-NEXT: runmat.builtin "mean"(%[[A2]])
// CHECK: runmat.append %[[SY]]
// CHECK: %[[B2:.*]] = runmat.load_var %[[SY]] : <!runmat.value>
// CHECK-NEXT: runmat.builtin "var"(%[[B2]])
// CHECK: %[[A3:.*]] = runmat.load_var %[[SZ:.*]] : <!runmat.value>
// CHECK-NEXT: runmat.mean_var %[[A3]] dim 0 form 0
// CHECK: runmat.index_assign
// CHECK-NOT: runmat.minus
// CHECK-NOT: runmat.builtin "mean"
// CHECK: return
// REPORT: remark: mean and mean of squared deviations of one array in one pass (Welford)
func.func @kept_slot_writes(%x: !runmat.value, %y: !runmat.value, %z: !runmat.value) -> (!runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value) {
  %s = runmat.alloc_var "x" : !runmat.slot<!runmat.value>
  runmat.store_var %x, %s : !runmat.slot<!runmat.value>
  runmat.line 5
  %a = runmat.load_var %s : !runmat.slot<!runmat.value>
  %mu = runmat.builtin "mean"(%a) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.line 6
  %c100 = arith.constant 1.000000e+02 : f64
  %c1 = arith.constant 1.000000e+00 : f64
  runmat.index_assign %s[%c1] = %c100 : <!runmat.value>[f64], f64
  runmat.line 7
  %b = runmat.load_var %s : !runmat.slot<!runmat.value>
  %v = runmat.builtin "var"(%b) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %a
  runmat.release %b
  %r = runmat.alloc_var "y" : !runmat.slot<!runmat.value>
  runmat.store_var %y, %r : !runmat.slot<!runmat.value>
  %a2 = runmat.load_var %r : !runmat.slot<!runmat.value>
  %mu2 = runmat.builtin "mean"(%a2) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %a2
  runmat.append %r(%y) : !runmat.slot<!runmat.value>, !runmat.value
  %b2 = runmat.load_var %r : !runmat.slot<!runmat.value>
  %v2 = runmat.builtin "var"(%b2) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %b2
  %sz = runmat.alloc_var "z" : !runmat.slot<!runmat.value>
  %sw = runmat.alloc_var "w" : !runmat.slot<!runmat.value>
  runmat.store_var %z, %sz : !runmat.slot<!runmat.value>
  runmat.store_var %z, %sw : !runmat.slot<!runmat.value>
  %a3 = runmat.load_var %sz : !runmat.slot<!runmat.value>
  %mu3 = runmat.builtin "mean"(%a3) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %a3
  %c100b = arith.constant 1.000000e+02 : f64
  %c1b = arith.constant 1.000000e+00 : f64
  runmat.index_assign %sw[%c1b] = %c100b : <!runmat.value>[f64], f64
  %b3 = runmat.load_var %sz : !runmat.slot<!runmat.value>
  %d3 = runmat.minus %b3, %mu3 : !runmat.value
  runmat.release %b3
  %sq3 = runmat.times %d3, %d3 : !runmat.value
  runmat.release %d3
  %v3 = runmat.builtin "mean"(%sq3) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %sq3
  return %mu, %v, %mu2, %v2, %mu3, %v3 : !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value
}
