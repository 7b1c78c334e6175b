// RUN: %runmat-opt %s --convert-runmat-to-llvm | FileCheck %s

// for over arrays calls the runtime for the count and each column; a scalar
// range computes its count and last element in the runtime, and each element
// inline: start + k*step for the first half, last - (n-1-k)*step after.
// CHECK-LABEL: llvm.func @loops
// CHECK-SAME: (%[[V:.*]]: !llvm.ptr, %[[A:.*]]: f64, %[[D:.*]]: f64, %[[B:.*]]: f64)
func.func @loops(%v: !runmat.value, %a: f64, %d: f64, %b: f64) -> f64 {
  // CHECK: %[[K:.*]] = llvm.call @rm_for_count(%[[V]]) : (!llvm.ptr) -> i64
  %k = runmat.for_count %v
  // CHECK-NEXT: llvm.call @rm_for_column(%[[V]], %[[K]]) : (!llvm.ptr, i64) -> !llvm.ptr
  %c = runmat.for_column %v, %k
  // CHECK-NEXT: %[[N:.*]] = llvm.call @rm_range_count(%[[A]], %[[D]], %[[B]]) : (f64, f64, f64) -> i64
  %n = runmat.range_count %a, %d, %b
  // CHECK-NEXT: %[[L:.*]] = llvm.call @rm_range_last(%[[A]], %[[D]], %[[B]], %[[N]]) : (f64, f64, f64, i64) -> f64
  %l = runmat.range_last %a, %d, %b, %n
  // CHECK-NEXT: %[[KF:.*]] = llvm.sitofp %[[K]] : i64 to f64
  // CHECK-NEXT: %[[ONE:.*]] = llvm.mlir.constant(1 : i64) : i64
  // CHECK-NEXT: %[[N1:.*]] = llvm.sub %[[N]], %[[ONE]] : i64
  // CHECK-NEXT: %[[R:.*]] = llvm.sub %[[N1]], %[[K]] : i64
  // CHECK-NEXT: %[[RF:.*]] = llvm.sitofp %[[R]] : i64 to f64
  // CHECK-NEXT: %[[KD:.*]] = llvm.fmul %[[KF]], %[[D]] : f64
  // CHECK-NEXT: %[[LO:.*]] = llvm.fadd %[[A]], %[[KD]] : f64
  // CHECK-NEXT: %[[RD:.*]] = llvm.fmul %[[RF]], %[[D]] : f64
  // CHECK-NEXT: %[[HI:.*]] = llvm.fsub %[[L]], %[[RD]] : f64
  // CHECK-NEXT: %[[K2:.*]] = llvm.add %[[K]], %[[K]] : i64
  // CHECK-NEXT: %[[FIRST:.*]] = llvm.icmp "slt" %[[K2]], %[[N]] : i64
  // CHECK-NEXT: %[[E:.*]] = llvm.select %[[FIRST]], %[[LO]], %[[HI]] : i1, f64
  // CHECK-NEXT: llvm.return %[[E]] : f64
  %e = runmat.range_element %a, %d, %l, %n, %k
  return %e : f64
}

// A function whose loop is built from cf branches converts them too.
// CHECK-LABEL: llvm.func @counted
func.func @counted(%a: f64, %b: f64) -> f64 {
  %one = arith.constant 1.0 : f64
  %n = runmat.range_count %a, %one, %b
  %l = runmat.range_last %a, %one, %b, %n
  %z = arith.constant 0 : i64
  %s0 = arith.constant 0.0 : f64
  // CHECK: llvm.br ^[[HEAD:bb[0-9]+]]
  cf.br ^head(%z, %s0 : i64, f64)
// CHECK: ^[[HEAD]](%{{.*}}: i64, %{{.*}}: f64):
^head(%k: i64, %s: f64):
  %more = arith.cmpi slt, %k, %n : i64
  // CHECK: llvm.cond_br
  cf.cond_br %more, ^body, ^exit
^body:
  %x = runmat.range_element %a, %one, %l, %n, %k
  %s1 = runmat.plus %s, %x : f64
  %c1 = arith.constant 1 : i64
  %k1 = arith.addi %k, %c1 : i64
  cf.br ^head(%k1, %s1 : i64, f64)
^exit:
  // CHECK-NOT: runmat.
  return %s : f64
}
