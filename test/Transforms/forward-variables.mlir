// RUN: %runmat-opt %s --runmat-forward-variables --split-input-file | FileCheck %s
// RUN: %runmat-opt %s --runmat-forward-variables=report=true --split-input-file 2>&1 >/dev/null | FileCheck %s --check-prefix=REPORT
// RUN: %runmat-opt %s --runmat-forward-variables --runmat-fuse-elementwise=report=true --split-input-file 2>&1 >/dev/null | FileCheck %s --check-prefix=FUSE

// D = X - m; Y = D .* D; disp(Y): the reads of D and Y take the stored
// values; neither variable is read afterwards, so both lose their stores
// and storage, and D's release moves after its last use. X is read where
// it was never stored in this block: its read stays. With the fusion pass
// after it, the two statements are one chain.
// CHECK-LABEL: func.func @chain
// CHECK-SAME: (%[[M:.*]]: !runmat.value)
// CHECK: %[[X:.*]] = runmat.alloc_var "X"
// CHECK-NOT: alloc_var "D"
// CHECK-NOT: alloc_var "Y"
// CHECK: runmat.line 1
// CHECK-NEXT: %[[XV:.*]] = runmat.load_var %[[X]]
// CHECK-NEXT: %[[D:.*]] = runmat.minus %[[XV]], %[[M]]
// CHECK-NEXT: runmat.line 2
// CHECK-NEXT: %[[Y:.*]] = runmat.times %[[D]], %[[D]]
// CHECK-NEXT: runmat.release %[[D]]
// CHECK-NEXT: runmat.line 3
// CHECK-NEXT: %[[P:.*]] = runmat.builtin "disp"(%[[Y]])
// CHECK-NEXT: runmat.release %[[Y]]
// CHECK-NEXT: runmat.release %[[P]]
// CHECK-NEXT: return
// REPORT: remark: variable 'D' is never read: 1 store(s) removed
// REPORT: remark: variable 'Y' is never read: 1 store(s) removed
// FUSE: remark: fused 2 operations (minus times) into one region
func.func @chain(%m: !runmat.value) {
  %X = runmat.alloc_var "X" : !runmat.slot<!runmat.value>
  %D = runmat.alloc_var "D" : !runmat.slot<!runmat.value>
  %Y = runmat.alloc_var "Y" : !runmat.slot<!runmat.value>
  runmat.line 1
  %x = runmat.load_var %X : <!runmat.value>
  %0 = runmat.minus %x, %m : !runmat.value
  runmat.store_var %0, %D : <!runmat.value>
  runmat.release %0
  runmat.line 2
  %d1 = runmat.load_var %D : <!runmat.value>
  %d2 = runmat.load_var %D : <!runmat.value>
  %1 = runmat.times %d1, %d2 : !runmat.value
  runmat.store_var %1, %Y : <!runmat.value>
  runmat.release %1
  runmat.line 3
  %y = runmat.load_var %Y : <!runmat.value>
  %2 = runmat.builtin "disp"(%y) {nargout = 0 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %2
  runmat.clear_var %D : <!runmat.value>
  runmat.clear_var %Y : <!runmat.value>
  return
}

// -----

// A read after another op takes the variable (an in-place update, a clear)
// is not forwarded; a read in another block is not either, and keeps the
// variable. The workspace variable of the prompt is never touched.
// CHECK-LABEL: func.func @kept
// CHECK: %[[A:.*]] = runmat.alloc_var "A"
// CHECK: %[[W:.*]] = runmat.alloc_var "W" {workspace}
// CHECK: runmat.store_var %{{.*}}, %[[A]]
// CHECK: runmat.clear_var %[[A]]
// CHECK-NEXT: %[[R:.*]] = runmat.load_var %[[A]]
// CHECK: runmat.store_var %{{.*}}, %[[W]]
// CHECK: ^bb1:
// CHECK-NEXT: runmat.load_var %[[A]]
// CHECK: runmat.load_var %[[W]]
// REPORT-NOT: variable 'A'
// REPORT-NOT: variable 'W'
func.func @kept(%v: !runmat.value) {
  %A = runmat.alloc_var "A" : !runmat.slot<!runmat.value>
  %W = runmat.alloc_var "W" {workspace} : !runmat.slot<!runmat.value>
  %0 = runmat.neg %v : !runmat.value
  runmat.store_var %0, %A : <!runmat.value>
  runmat.release %0
  runmat.clear_var %A : <!runmat.value>
  %a = runmat.load_var %A : <!runmat.value>
  %1 = runmat.builtin "disp"(%a) {nargout = 0 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %1
  %2 = runmat.neg %v : !runmat.value
  runmat.store_var %2, %W : <!runmat.value>
  runmat.store_var %2, %A : <!runmat.value>
  runmat.release %2
  cf.br ^bb1
^bb1:
  %b = runmat.load_var %A : <!runmat.value>
  %w = runmat.load_var %W : <!runmat.value>
  %3 = runmat.builtin "disp"(%b) {nargout = 0 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %3
  return
}

// -----

// Native scalars: `g = 1.25; e = 1 / 2.2; Y = X * g; Z = Y .^ e;` reads
// the constants themselves, and scalar arithmetic on constants is done
// (1 / 2.2 becomes its value), so a fused kernel gets constants. A read
// after a call that takes the variable (it may change it) stays.
// CHECK-LABEL: func.func @scalars
// CHECK-DAG: %[[G:.*]] = arith.constant 1.250000e+00 : f64
// CHECK-DAG: %[[E:.*]] = arith.constant 0.45454545454545453 : f64
// CHECK: %[[BG:.*]] = runmat.box %[[G]] : f64
// CHECK: runmat.mtimes %{{.*}}, %[[BG]]
// CHECK: %[[BE:.*]] = runmat.box %[[E]] : f64
// CHECK: runmat.power %{{.*}}, %[[BE]]
// CHECK: runmat.builtin "clear_like"(%{{.*}})
// CHECK-NEXT: runmat.load_var %{{.*}} : <f64>
func.func @scalars(%x: !runmat.value) -> !runmat.value {
  %G = runmat.alloc_var "g" : !runmat.slot<f64>
  %E = runmat.alloc_var "e" : !runmat.slot<f64>
  %c125 = arith.constant 1.25 : f64
  runmat.store_var %c125, %G : <f64>
  %one = arith.constant 1.0 : f64
  %twoTwo = arith.constant 2.2 : f64
  %q = runmat.rdivide %one, %twoTwo : f64
  runmat.store_var %q, %E : <f64>
  %g = runmat.load_var %G : <f64>
  %bg = runmat.box %g : f64
  %y = runmat.mtimes %x, %bg : !runmat.value
  %e = runmat.load_var %E : <f64>
  %be = runmat.box %e : f64
  %z = runmat.power %y, %be : !runmat.value
  runmat.clear_var %G : <f64>
  %n = runmat.builtin "clear_like"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %h = runmat.load_var %G : <f64>
  %bh = runmat.box %h : f64
  %w = runmat.plus %z, %bh : !runmat.value
  runmat.release %bg
  runmat.release %be
  runmat.release %bh
  runmat.release %y
  runmat.release %z
  runmat.release %n
  return %w : !runmat.value
}
