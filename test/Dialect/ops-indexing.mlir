// RUN: %runmat-opt %s | %runmat-opt | FileCheck %s

// CHECK-LABEL: func.func @indexing
func.func @indexing(%A: !runmat.value, %i: !runmat.value, %x: f64) -> f64 {
  // CHECK: runmat.index %{{.*}}[]{{$}}
  %all = runmat.index %A[]
  // CHECK-NEXT: runmat.index %{{.*}}[%{{.*}}]{{$}}
  %a = runmat.index %A[%i]
  %c = runmat.colon_all
  // CHECK: runmat.index %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}]{{$}}
  %b = runmat.index %A[%c, %i, %c]
  // CHECK-NEXT: runmat.index_scalar %{{.*}}[%{{.*}}] : f64
  %s1 = runmat.index_scalar %A[%x] : f64
  // CHECK-NEXT: runmat.index_scalar %{{.*}}[%{{.*}}, %{{.*}}] : f64
  %s2 = runmat.index_scalar %A[%x, %s1] : f64
  // CHECK-NEXT: runmat.end %{{.*}} {count = 1 : i64, position = 0 : i64}
  %e = runmat.end %A {position = 0 : i64, count = 1 : i64}
  // CHECK-NEXT: runmat.end %{{.*}} {count = 3 : i64, position = 2 : i64}
  %e3 = runmat.end %A {position = 2 : i64, count = 3 : i64}
  return %s2 : f64
}

// CHECK-LABEL: func.func @assign
func.func @assign(%v: !runmat.value, %x: f64) {
  %A = runmat.alloc_var "A" : !runmat.slot<!runmat.value>
  // CHECK: runmat.index_assign %{{.*}}[%{{.*}}, %{{.*}}] = %{{.*}} : <!runmat.value>[f64, f64], f64
  runmat.index_assign %A[%x, %x] = %x : !runmat.slot<!runmat.value>[f64, f64], f64
  // CHECK-NEXT: runmat.index_assign %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}] = %{{.*}} : <!runmat.value>[!runmat.value, !runmat.value, !runmat.value], !runmat.value
  runmat.index_assign %A[%v, %v, %v] = %v : !runmat.slot<!runmat.value>[!runmat.value, !runmat.value, !runmat.value], !runmat.value
  %e = runmat.empty
  // CHECK: runmat.index_assign %{{.*}}[%{{.*}}] = %{{.*}} {is_delete} : <!runmat.value>[!runmat.value], !runmat.value
  runmat.index_assign %A[%v] = %e {is_delete} : !runmat.slot<!runmat.value>[!runmat.value], !runmat.value
  return
}
