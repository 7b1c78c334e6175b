// RUN: %runmat-opt %s --runmat-forward-variables --runmat-fuse-elementwise --runmat-fuse-loop-idiom | FileCheck %s
// RUN: %runmat-opt %s --runmat-forward-variables --runmat-fuse-elementwise --runmat-fuse-loop-idiom=report=true 2>&1 >/dev/null | FileCheck %s --check-prefix=REPORT

// for t = 1:n, Z = randn(m, 1); S = S .* exp(d + 0.5 * Z); end
// A fused_rng_loop before the loop: S read (nullable) before the loop, the
// randn sizes and the scalar d as operands, the chain's body with its
// arguments as (S, Z, d). When it is done, S and t get their final values
// and the loop is skipped; otherwise the loop runs as before.
// CHECK-LABEL: func.func @gbm
// CHECK-SAME: (%[[N:.*]]: f64, %[[M:.*]]: f64, %[[D:.*]]: f64)
// CHECK: %[[S:.*]] = runmat.alloc_var "S"
// CHECK: %[[T:.*]] = runmat.alloc_var "t"
// CHECK: %[[CNT:.*]] = runmat.range_count
// CHECK: %[[S0:.*]] = runmat.load_var %[[S]] {nullable}
// CHECK: %[[DONE:.*]], %[[R:.*]], %{{.*}} = runmat.fused_rng_loop(%[[S0]], %[[CNT]]) dims(%[[M]], %{{.*}}) scalars(%[[D]]) body {
// CHECK-NEXT: ^bb0(%[[E:.*]]: f64, %[[Z:.*]]: f64, %[[A:.*]]: f64):
// CHECK: runmat.mtimes %{{.*}}, %[[Z]] : f64
// CHECK: runmat.plus %[[A]], %{{.*}} : f64
// CHECK: runmat.builtin "exp"
// CHECK: runmat.times %[[E]], %{{.*}} : f64
// CHECK: runmat.yield
// CHECK: cf.cond_br %[[DONE]], ^[[FAST:bb[0-9]+]], ^[[HEAD:bb[0-9]+]](%{{.*}} : i64)
// CHECK: ^[[HEAD]](%{{.*}}: i64):
// CHECK: runmat.builtin "randn"
// CHECK: ^[[FAST]]:
// CHECK-NEXT: runmat.store_var %[[R]], %[[S]]
// CHECK-NEXT: runmat.release %[[R]]
// CHECK: %[[LAST:.*]] = runmat.range_element
// CHECK-NEXT: runmat.store_var %[[LAST]], %[[T]]
// CHECK-NEXT: cf.br ^[[EXIT:bb[0-9]+]]
// CHECK: ^[[EXIT]]:
// CHECK: runmat.load_var %[[S]]
// REPORT: remark: fused a loop of randn draws and an elementwise update into one kernel
func.func @gbm(%n: f64, %m: f64, %d: f64) {
  %S = runmat.alloc_var "S" : !runmat.slot<!runmat.value>
  %Z = runmat.alloc_var "Z" : !runmat.slot<!runmat.value>
  %t = runmat.alloc_var "t" : !runmat.slot<f64>
  %one = arith.constant 1.0 : f64
  %count = runmat.range_count %one, %one, %n
  %last = runmat.range_last %one, %one, %n, %count
  %c0 = arith.constant 0 : i64
  cf.br ^header(%c0 : i64)
^header(%i: i64):
  %more = arith.cmpi slt, %i, %count : i64
  cf.cond_br %more, ^body, ^exit
^body:
  %x = runmat.range_element %one, %one, %last, %count, %i
  runmat.store_var %x, %t : <f64>
  %c1 = arith.constant 1.0 : f64
  %z = runmat.builtin "randn"(%m, %c1) {nargout = 1 : i32} : (f64, f64) -> !runmat.value
  runmat.store_var %z, %Z : <!runmat.value>
  runmat.release %z
  %s = runmat.load_var %S : <!runmat.value>
  %zz = runmat.load_var %Z : <!runmat.value>
  %h = arith.constant 0.5 : f64
  %hb = runmat.box %h : f64
  %p = runmat.mtimes %hb, %zz : !runmat.value
  %db = runmat.box %d : f64
  %q = runmat.plus %db, %p : !runmat.value
  %e = runmat.builtin "exp"(%q) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %r = runmat.times %s, %e : !runmat.value
  runmat.store_var %r, %S : <!runmat.value>
  runmat.release %hb
  runmat.release %p
  runmat.release %db
  runmat.release %q
  runmat.release %e
  runmat.release %r
  cf.br ^latch
^latch:
  %k1 = arith.constant 1 : i64
  %next = arith.addi %i, %k1 : i64
  cf.br ^header(%next : i64)
^exit:
  %final = runmat.load_var %S : <!runmat.value>
  %out = runmat.builtin "disp"(%final) {nargout = 0 : i32} : (!runmat.value) -> !runmat.value
  runmat.release %out
  return
}
