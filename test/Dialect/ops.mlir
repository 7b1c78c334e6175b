// RUN: %runmat-opt %s | %runmat-opt | FileCheck %s

// CHECK-LABEL: func.func @scalars
func.func @scalars(%a: f64, %b: f64) -> i1 {
  // CHECK: runmat.plus %{{.*}}, %{{.*}} : f64
  %s = runmat.plus %a, %b : f64
  // CHECK: runmat.mtimes %{{.*}}, %{{.*}} : f64
  %m = runmat.mtimes %s, %b : f64
  // CHECK: runmat.lt %{{.*}}, %{{.*}} : f64 -> i1
  %c = runmat.lt %m, %a : f64 -> i1
  return %c : i1
}

// CHECK-LABEL: func.func @values
func.func @values(%x: !runmat.value, %y: !runmat.value) {
  // CHECK: runmat.plus %{{.*}}, %{{.*}} : !runmat.value
  %p = runmat.plus %x, %y : !runmat.value
  // CHECK: runmat.eq %{{.*}}, %{{.*}} : !runmat.value -> !runmat.value
  %e = runmat.eq %x, %y : !runmat.value -> !runmat.value
  // CHECK: runmat.ctranspose %{{.*}} : !runmat.value
  %t = runmat.ctranspose %p : !runmat.value
  // CHECK: runmat.range %{{.*}} step %{{.*}} to %{{.*}}
  %r = runmat.range %x step %y to %p
  // CHECK: runmat.range %{{.*}} to %{{.*}}
  %r2 = runmat.range %x to %p
  // CHECK: runmat.concat [2, 1](%{{.*}}, %{{.*}}, %{{.*}})
  %m = runmat.concat [2, 1](%x, %y, %p)
  // CHECK: runmat.index %{{.*}}[%{{.*}}, %{{.*}}]
  %c = runmat.colon_all
  %i = runmat.index %m[%c, %x]
  // CHECK: runmat.end %{{.*}} {count = 2 : i64, position = 1 : i64}
  %n = runmat.end %m {position = 1 : i64, count = 2 : i64}
  // CHECK: runmat.builtin "sum"(%{{.*}}) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %s = runmat.builtin "sum"(%m) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  // CHECK: runmat.display "s", %{{.*}} : !runmat.value
  runmat.display "s", %s : !runmat.value
  runmat.release %s
  return
}

// CHECK-LABEL: func.func @slots
func.func @slots(%v: !runmat.value, %x: f64) {
  // CHECK: runmat.alloc_var "A" : {{(!runmat.slot)?}}<!runmat.value>
  %A = runmat.alloc_var "A" : !runmat.slot<!runmat.value>
  // CHECK: runmat.store_var %{{.*}}, %{{.*}} : {{(!runmat.slot)?}}<!runmat.value>
  runmat.store_var %v, %A : !runmat.slot<!runmat.value>
  // CHECK: runmat.index_assign %{{.*}}[%{{.*}}] = %{{.*}} : {{(!runmat.slot)?}}<!runmat.value>[f64], f64
  runmat.index_assign %A[%x] = %x : !runmat.slot<!runmat.value>[f64], f64
  // CHECK: runmat.index_assign %{{.*}}[%{{.*}}] = %{{.*}} {is_delete}
  %e = runmat.empty
  runmat.index_assign %A[%v] = %e {is_delete} : !runmat.slot<!runmat.value>[!runmat.value], !runmat.value
  // CHECK: runmat.load_var %{{.*}} : {{(!runmat.slot)?}}<!runmat.value>
  %l = runmat.load_var %A : !runmat.slot<!runmat.value>
  // CHECK: runmat.index_scalar %{{.*}}[%{{.*}}, %{{.*}}] : f64
  %q = runmat.index_scalar %l[%x, %x] : f64
  // CHECK: runmat.range_count
  %one = arith.constant 1.0 : f64
  %cnt = runmat.range_count %one, %one, %x
  // CHECK: runmat.range_last
  %last = runmat.range_last %one, %one, %x, %cnt
  // CHECK: runmat.range_element
  %k = arith.constant 0 : i64
  %el = runmat.range_element %one, %one, %last, %cnt, %k
  // CHECK: runmat.line 7
  runmat.line 7
  // CHECK: runmat.error "MATLAB:x", "boom"
  runmat.error "MATLAB:x", "boom"
  return
}
