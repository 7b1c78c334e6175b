// RUN: %runmat-opt %s -split-input-file -verify-diagnostics

func.func @mixed_predicate(%a: f64, %v: !runmat.value) {
  // expected-error @+1 {{failed to verify that all of {lhs, rhs} have same type}}
  %r = "runmat.lt"(%a, %v) : (f64, !runmat.value) -> i1
  return
}

// -----

func.func @predicate_f64_result(%a: f64) {
  // expected-error @+1 {{result type must be 'i1'}}
  %r = "runmat.lt"(%a, %a) : (f64, f64) -> f64
  return
}

// -----

func.func @predicate_value_result(%v: !runmat.value) {
  // expected-error @+1 {{result type must be '!runmat.value'}}
  %r = "runmat.eq"(%v, %v) : (!runmat.value, !runmat.value) -> i1
  return
}

// -----

func.func @i1_predicate(%b: i1) {
  // expected-error @+1 {{scalar operands must be f64 (convert i1 first)}}
  %r = "runmat.and"(%b, %b) : (i1, i1) -> i1
  return
}

// -----

func.func @i1_unary(%b: i1) {
  // expected-error @+1 {{scalar operand must be f64 (convert i1 first)}}
  %r = "runmat.neg"(%b) : (i1) -> i1
  return
}

// -----

func.func @not_f64_result(%a: f64) {
  // expected-error @+1 {{result type must be 'i1'}}
  %r = "runmat.not"(%a) : (f64) -> f64
  return
}

// -----

func.func @transpose_type_change(%v: !runmat.value) {
  // expected-error @+1 {{failed to verify that all of {input, result} have same type}}
  %r = "runmat.transpose"(%v) : (!runmat.value) -> f64
  return
}

// -----

func.func @i64_operand(%a: i64) {
  // expected-error @+1 {{operand #0 must be 64-bit float or 1-bit signless integer or}}
  %r = "runmat.plus"(%a, %a) : (i64, i64) -> i64
  return
}
