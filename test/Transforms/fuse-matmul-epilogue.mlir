// RUN: %runmat-opt %s --runmat-fuse-matmul-epilogue --split-input-file | FileCheck %s
// RUN: %runmat-opt %s --runmat-fuse-matmul-epilogue=report=true --split-input-file 2>&1 >/dev/null | FileCheck %s --check-prefix=REPORT

// D = A * B + C (as MLIRGen writes it, the product released after the
// addition): one matmul_epilogue with C as its addend where the addition
// was; the product and its release gone.
// CHECK-LABEL: func.func @plus
// CHECK-SAME: (%[[A:.*]]: !runmat.value, %[[B:.*]]: !runmat.value, %[[C:.*]]: !runmat.value)
// CHECK-NEXT: %[[D:.*]] = runmat.matmul_epilogue %[[A]], %[[B]] addend(%[[C]]){{$}}
// CHECK-NEXT: return %[[D]] : !runmat.value
// REPORT: remark: A * B plus an addend as one GEMM
func.func @plus(%a: !runmat.value, %b: !runmat.value, %c: !runmat.value) -> !runmat.value {
  %p = runmat.mtimes %a, %b : !runmat.value
  %d = runmat.plus %p, %c : !runmat.value
  runmat.release %p
  return %d : !runmat.value
}

// -----

// D = C + A * B: the same op. The release of A that sat between the
// product and the addition now comes after the new op (the GEMM reads A
// where the addition was); the release of B after the chain stays there.
// CHECK-LABEL: func.func @plus_left
// CHECK-SAME: (%[[A:.*]]: !runmat.value, %[[B:.*]]: !runmat.value, %[[C:.*]]: !runmat.value)
// CHECK-NEXT: %[[D:.*]] = runmat.matmul_epilogue %[[A]], %[[B]] addend(%[[C]]){{$}}
// CHECK-NEXT: runmat.release %[[A]]
// CHECK-NEXT: runmat.release %[[B]]
// CHECK-NEXT: return %[[D]] : !runmat.value
// REPORT: remark: A * B plus an addend as one GEMM
func.func @plus_left(%a: !runmat.value, %b: !runmat.value, %c: !runmat.value) -> !runmat.value {
  %p = runmat.mtimes %a, %b : !runmat.value
  runmat.release %a
  %d = runmat.plus %c, %p : !runmat.value
  runmat.release %p
  runmat.release %b
  return %d : !runmat.value
}

// -----

// s * (A * B) with a boxed constant, (A * B) * s and (A * B) .* s with a
// boxed argument: alpha is the f64 the box holds. The scalings, the
// products, the boxes and their releases go; the constant stays (alpha).
// CHECK-LABEL: func.func @scale
// CHECK-SAME: (%[[A:.*]]: !runmat.value, %[[B:.*]]: !runmat.value, %[[X:.*]]: f64)
// CHECK-NEXT: %[[K:.*]] = arith.constant 2.500000e+00 : f64
// CHECK-NEXT: %[[D:.*]] = runmat.matmul_epilogue %[[A]], %[[B]] alpha(%[[K]]){{$}}
// CHECK-NEXT: %[[D2:.*]] = runmat.matmul_epilogue %[[A]], %[[B]] alpha(%[[X]]){{$}}
// CHECK-NEXT: %[[D3:.*]] = runmat.matmul_epilogue %[[A]], %[[B]] alpha(%[[X]]){{$}}
// CHECK-NEXT: return %[[D]], %[[D2]], %[[D3]]
// REPORT: remark: A * B scaled as one GEMM
// REPORT: remark: A * B scaled as one GEMM
// REPORT: remark: A * B scaled as one GEMM
func.func @scale(%a: !runmat.value, %b: !runmat.value, %x: f64) -> (!runmat.value, !runmat.value, !runmat.value) {
  %cst = arith.constant 2.500000e+00 : f64
  %p = runmat.mtimes %a, %b : !runmat.value
  %s = runmat.box %cst : f64
  %d = runmat.mtimes %s, %p : !runmat.value
  runmat.release %p
  runmat.release %s
  %p2 = runmat.mtimes %a, %b : !runmat.value
  %s2 = runmat.box %x : f64
  %d2 = runmat.mtimes %p2, %s2 : !runmat.value
  runmat.release %p2
  runmat.release %s2
  %p3 = runmat.mtimes %a, %b : !runmat.value
  %s3 = runmat.box %x : f64
  %d3 = runmat.times %p3, %s3 : !runmat.value
  runmat.release %p3
  runmat.release %s3
  return %d, %d2, %d3 : !runmat.value, !runmat.value, !runmat.value
}

// -----

// D = A * B * 3 - C (as MLIRGen writes it): alpha and the addend,
// subtract_addend. The release of A between the product and the
// subtraction moves after the new op; the scaling, the subtraction, the
// box and the releases of the product and the scaled value go.
// CHECK-LABEL: func.func @scale_minus
// CHECK-SAME: (%[[A:.*]]: !runmat.value, %[[B:.*]]: !runmat.value, %[[C:.*]]: !runmat.value)
// CHECK-NEXT: %[[K:.*]] = arith.constant 3.000000e+00 : f64
// CHECK-NEXT: %[[D:.*]] = runmat.matmul_epilogue %[[A]], %[[B]] alpha(%[[K]]) addend(%[[C]]) {subtract_addend}
// CHECK-NEXT: runmat.release %[[A]]
// CHECK-NEXT: return %[[D]] : !runmat.value
// REPORT: remark: A * B scaled minus an addend as one GEMM
func.func @scale_minus(%a: !runmat.value, %b: !runmat.value, %c: !runmat.value) -> !runmat.value {
  %p = runmat.mtimes %a, %b : !runmat.value
  %cst = arith.constant 3.000000e+00 : f64
  %s = runmat.box %cst : f64
  %q = runmat.mtimes %p, %s : !runmat.value
  runmat.release %a
  %d = runmat.minus %q, %c : !runmat.value
  runmat.release %p
  runmat.release %s
  runmat.release %q
  return %d : !runmat.value
}

// -----

// C - A * B: negate_product; C - s * (A * B): negate_product with alpha.
// CHECK-LABEL: func.func @negate
// CHECK-SAME: (%[[A:.*]]: !runmat.value, %[[B:.*]]: !runmat.value, %[[C:.*]]: !runmat.value, %[[X:.*]]: f64)
// CHECK-NEXT: %[[D:.*]] = runmat.matmul_epilogue %[[A]], %[[B]] addend(%[[C]]) {negate_product}
// CHECK-NEXT: %[[D2:.*]] = runmat.matmul_epilogue %[[A]], %[[B]] alpha(%[[X]]) addend(%[[C]]) {negate_product}
// CHECK-NEXT: return %[[D]], %[[D2]]
// REPORT: remark: A * B, subtracted from an addend as one GEMM
// REPORT: remark: A * B scaled, subtracted from an addend as one GEMM
func.func @negate(%a: !runmat.value, %b: !runmat.value, %c: !runmat.value, %x: f64) -> (!runmat.value, !runmat.value) {
  %p = runmat.mtimes %a, %b : !runmat.value
  %d = runmat.minus %c, %p : !runmat.value
  runmat.release %p
  %p2 = runmat.mtimes %a, %b : !runmat.value
  %s = runmat.box %x : f64
  %q = runmat.mtimes %s, %p2 : !runmat.value
  %d2 = runmat.minus %c, %q : !runmat.value
  runmat.release %p2
  runmat.release %s
  runmat.release %q
  return %d, %d2 : !runmat.value, !runmat.value
}

// -----

// A' * B + C: transpose_lhs and conjugate, the new op takes A itself; the
// release of A between the transpose and the product moves after the new
// op. B.' * C * 3: transpose_lhs alone. The transposes and their releases
// go.
// CHECK-LABEL: func.func @transposed
// CHECK-SAME: (%[[A:.*]]: !runmat.value, %[[B:.*]]: !runmat.value, %[[C:.*]]: !runmat.value)
// CHECK-NOT: transpose %
// CHECK: %[[D:.*]] = runmat.matmul_epilogue %[[A]], %[[B]] addend(%[[C]]) {conjugate, transpose_lhs}
// CHECK-NEXT: runmat.release %[[A]]
// CHECK-NEXT: %[[K:.*]] = arith.constant 3.000000e+00 : f64
// CHECK-NEXT: %[[D2:.*]] = runmat.matmul_epilogue %[[B]], %[[C]] alpha(%[[K]]) {transpose_lhs}
// CHECK-NEXT: return %[[D]], %[[D2]]
// REPORT: remark: A' * B plus an addend as one GEMM
// REPORT: remark: A' * B scaled as one GEMM
func.func @transposed(%a: !runmat.value, %b: !runmat.value, %c: !runmat.value) -> (!runmat.value, !runmat.value) {
  %t = runmat.ctranspose %a : !runmat.value
  runmat.release %a
  %p = runmat.mtimes %t, %b : !runmat.value
  runmat.release %t
  %d = runmat.plus %p, %c : !runmat.value
  runmat.release %p
  %t2 = runmat.transpose %b : !runmat.value
  %p2 = runmat.mtimes %t2, %c : !runmat.value
  %cst = arith.constant 3.000000e+00 : f64
  %s = runmat.box %cst : f64
  %d2 = runmat.mtimes %p2, %s : !runmat.value
  runmat.release %t2
  runmat.release %p2
  runmat.release %s
  return %d, %d2 : !runmat.value, !runmat.value
}

// -----

// A * B + 1, the addend a boxed scalar: the box is the addend and stays,
// with its release after the new op.
// CHECK-LABEL: func.func @scalar_addend
// CHECK-SAME: (%[[A:.*]]: !runmat.value, %[[B:.*]]: !runmat.value)
// CHECK-NEXT: %[[K:.*]] = arith.constant 1.000000e+00 : f64
// CHECK-NEXT: %[[ONE:.*]] = runmat.box %[[K]] : f64
// CHECK-NEXT: %[[D:.*]] = runmat.matmul_epilogue %[[A]], %[[B]] addend(%[[ONE]]){{$}}
// CHECK-NEXT: runmat.release %[[ONE]]
// CHECK-NEXT: return %[[D]] : !runmat.value
// REPORT: remark: A * B plus an addend as one GEMM
func.func @scalar_addend(%a: !runmat.value, %b: !runmat.value) -> !runmat.value {
  %p = runmat.mtimes %a, %b : !runmat.value
  %cst = arith.constant 1.000000e+00 : f64
  %one = runmat.box %cst : f64
  %d = runmat.plus %p, %one : !runmat.value
  runmat.release %p
  runmat.release %one
  return %d : !runmat.value
}

// -----

// Q = A * B * s used twice (Q + C and Q itself): the product and its
// scaling fuse (alpha only, Q is the new op's result), the addition stays.
// CHECK-LABEL: func.func @scaled_used
// CHECK-SAME: (%[[A:.*]]: !runmat.value, %[[B:.*]]: !runmat.value, %[[C:.*]]: !runmat.value, %[[X:.*]]: f64)
// CHECK-NEXT: %[[Q:.*]] = runmat.matmul_epilogue %[[A]], %[[B]] alpha(%[[X]]){{$}}
// CHECK-NEXT: %[[D:.*]] = runmat.plus %[[Q]], %[[C]] : !runmat.value
// CHECK-NEXT: return %[[D]], %[[Q]]
// REPORT: remark: A * B scaled as one GEMM
func.func @scaled_used(%a: !runmat.value, %b: !runmat.value, %c: !runmat.value, %x: f64) -> (!runmat.value, !runmat.value) {
  %p = runmat.mtimes %a, %b : !runmat.value
  %s = runmat.box %x : f64
  %q = runmat.mtimes %p, %s : !runmat.value
  runmat.release %p
  runmat.release %s
  %d = runmat.plus %q, %c : !runmat.value
  return %d, %q : !runmat.value, !runmat.value
}

// -----

// T = A'; T * B + C with T returned too: the transpose is not taken into
// the GEMM (the new op multiplies T itself, no transpose_lhs), but the
// addition is.
// CHECK-LABEL: func.func @transpose_used
// CHECK-SAME: (%[[A:.*]]: !runmat.value, %[[B:.*]]: !runmat.value, %[[C:.*]]: !runmat.value)
// CHECK-NEXT: %[[T:.*]] = runmat.ctranspose %[[A]] : !runmat.value
// CHECK-NEXT: %[[D:.*]] = runmat.matmul_epilogue %[[T]], %[[B]] addend(%[[C]]){{$}}
// CHECK-NEXT: return %[[D]], %[[T]]
// REPORT: remark: A * B plus an addend as one GEMM
func.func @transpose_used(%a: !runmat.value, %b: !runmat.value, %c: !runmat.value) -> (!runmat.value, !runmat.value) {
  %t = runmat.ctranspose %a : !runmat.value
  %p = runmat.mtimes %t, %b : !runmat.value
  %d = runmat.plus %p, %c : !runmat.value
  runmat.release %p
  return %d, %t : !runmat.value, !runmat.value
}

// -----

// The transpose in another block than the product: not taken into the
// GEMM (the new op multiplies the transpose's result), the addition is.
// CHECK-LABEL: func.func @transpose_other_block
// CHECK-SAME: (%[[A:.*]]: !runmat.value, %[[B:.*]]: !runmat.value, %[[C:.*]]: !runmat.value)
// CHECK-NEXT: %[[T:.*]] = runmat.transpose %[[A]] : !runmat.value
// CHECK-NEXT: cf.br ^bb1
// CHECK: ^bb1:
// CHECK-NEXT: %[[D:.*]] = runmat.matmul_epilogue %[[T]], %[[B]] addend(%[[C]]){{$}}
// CHECK-NEXT: runmat.release %[[T]]
// CHECK-NEXT: return %[[D]]
// REPORT: remark: A * B plus an addend as one GEMM
func.func @transpose_other_block(%a: !runmat.value, %b: !runmat.value, %c: !runmat.value) -> !runmat.value {
  %t = runmat.transpose %a : !runmat.value
  cf.br ^bb1
^bb1:
  %p = runmat.mtimes %t, %b : !runmat.value
  %d = runmat.plus %p, %c : !runmat.value
  runmat.release %p
  runmat.release %t
  return %d : !runmat.value
}

// -----

// Left alone: the product returned too; s * A + C and A * s + C (a boxed
// scalar factor: a scaling, not a product); P + P; P .* P; a product whose
// addition or scaling is in another block.
// CHECK-LABEL: func.func @kept
// CHECK-NOT: runmat.matmul_epilogue
// CHECK-COUNT-5: runmat.mtimes
// CHECK: runmat.times
// CHECK: cf.br ^bb1
// CHECK: ^bb1:
// CHECK-NOT: runmat.matmul_epilogue
// CHECK: runmat.plus
// CHECK: runmat.mtimes
// CHECK-NOT: runmat.matmul_epilogue
// CHECK: return
// REPORT-NOT: remark
func.func @kept(%a: !runmat.value, %b: !runmat.value, %c: !runmat.value, %x: f64) -> (!runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value) {
  // the product returned too
  %p = runmat.mtimes %a, %b : !runmat.value
  %d = runmat.plus %p, %c : !runmat.value
  // a boxed scalar factor, on either side
  %s = runmat.box %x : f64
  %p2 = runmat.mtimes %s, %a : !runmat.value
  %d2 = runmat.plus %p2, %c : !runmat.value
  %p3 = runmat.mtimes %a, %s : !runmat.value
  %d3 = runmat.plus %p3, %c : !runmat.value
  // P + P, P .* P
  %p4 = runmat.mtimes %a, %b : !runmat.value
  %d4 = runmat.plus %p4, %p4 : !runmat.value
  %p5 = runmat.mtimes %a, %b : !runmat.value
  %d5 = runmat.times %p5, %p5 : !runmat.value
  runmat.release %p2
  runmat.release %p3
  runmat.release %p4
  runmat.release %p5
  // the addition and the scaling in another block
  %p6 = runmat.mtimes %a, %b : !runmat.value
  %p7 = runmat.mtimes %a, %b : !runmat.value
  cf.br ^bb1
^bb1:
  %d6 = runmat.plus %p6, %c : !runmat.value
  %d7 = runmat.mtimes %s, %p7 : !runmat.value
  runmat.release %p6
  runmat.release %p7
  return %d, %p, %d2, %d3, %d4, %d5, %d6, %d7 : !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value, !runmat.value
}

// -----

// D = (A * B) .* w + C: the elementwise scaling by an array (a row scales
// the columns, a column the rows) joins the epilogue between alpha and the
// addend; w .* (A * B) the same (.* commutes exactly).
// CHECK-LABEL: func.func @scaled_by_array
// CHECK-SAME: (%[[A:.*]]: !runmat.value, %[[B:.*]]: !runmat.value, %[[W:.*]]: !runmat.value, %[[C:.*]]: !runmat.value)
// CHECK-NEXT: %[[D:.*]] = runmat.matmul_epilogue %[[A]], %[[B]] scale(%[[W]]) addend(%[[C]]){{$}}
// CHECK-NEXT: %[[E:.*]] = runmat.matmul_epilogue %[[A]], %[[B]] scale(%[[W]]){{$}}
// CHECK-NEXT: return %[[D]], %[[E]] : !runmat.value, !runmat.value
// REPORT: remark: A * B times an array plus an addend as one GEMM
// REPORT: remark: A * B times an array as one GEMM
func.func @scaled_by_array(%a: !runmat.value, %b: !runmat.value, %w: !runmat.value, %c: !runmat.value) -> (!runmat.value, !runmat.value) {
  %p = runmat.mtimes %a, %b : !runmat.value
  %s = runmat.times %p, %w : !runmat.value
  runmat.release %p
  %d = runmat.plus %s, %c : !runmat.value
  runmat.release %s
  %q = runmat.mtimes %a, %b : !runmat.value
  %e = runmat.times %w, %q : !runmat.value
  runmat.release %q
  return %d, %e : !runmat.value, !runmat.value
}
