// RUN: %runmat-opt %s -split-input-file -verify-diagnostics

func.func @mixed(%a: f64, %v: !runmat.value) {
  // expected-error @+1 {{failed to verify that all of {lhs, rhs, result} have same type}}
  %r = "runmat.plus"(%a, %v) : (f64, !runmat.value) -> f64
  return
}

// -----

func.func @bad_concat(%a: !runmat.value) {
  // expected-error @+1 {{row lengths add up to 3 but there are 1 elements}}
  %r = runmat.concat [3](%a)
  return
}

// -----

func.func @bad_end(%a: !runmat.value) {
  // expected-error @+1 {{position 2 is not within 2 subscripts}}
  %e = runmat.end %a {position = 2 : i64, count = 2 : i64}
  return
}

// -----

func.func @bad_index_scalar(%a: !runmat.value, %i: f64) {
  // expected-error @+1 {{takes one or two subscripts, got 3}}
  %x = runmat.index_scalar %a[%i, %i, %i] : f64
  return
}

// -----

func.func @bad_slot(%x: f64) {
  %s = runmat.alloc_var "x" : !runmat.slot<f64>
  // expected-error @+1 {{the slot must hold !runmat.value}}
  runmat.index_assign %s[%x] = %x : !runmat.slot<f64>[f64], f64
  return
}

// -----

func.func @i1_arith(%a: i1) {
  // expected-error @+1 {{scalar operands must be f64}}
  %r = runmat.plus %a, %a : i1
  return
}

// -----

func.func @fused_body_arity(%x: !runmat.value) -> !runmat.value {
  // expected-error @+1 {{body and fallback take one argument per input}}
  %y = runmat.fused_elementwise(%x) : (!runmat.value) body {
  ^bb0:
    %c = arith.constant 1.0 : f64
    runmat.yield %c : f64
  } fallback {
  ^bb0(%v: !runmat.value):
    runmat.yield %v : !runmat.value
  }
  return %y : !runmat.value
}

// -----

func.func @fused_body_yield(%x: !runmat.value) -> !runmat.value {
  // expected-error @+1 {{body must yield f64}}
  %y = runmat.fused_elementwise(%x) : (!runmat.value) body {
  ^bb0(%e: f64):
    %b = runmat.box %e : f64
    runmat.yield %b : !runmat.value
  } fallback {
  ^bb0(%v: !runmat.value):
    runmat.yield %v : !runmat.value
  }
  return %y : !runmat.value
}
