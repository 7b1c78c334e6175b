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

// -----

func.func @reduce_kind(%x: !runmat.value) -> !runmat.value {
  // expected-error @+1 {{kind must be "sum" or "mean"}}
  %y = runmat.fused_reduce "prod" dim 0(%x) : (!runmat.value) body {
  ^bb0(%e: f64):
    runmat.yield %e : f64
  } fallback {
  ^bb0(%v: !runmat.value):
    runmat.yield %v : !runmat.value
  }
  return %y : !runmat.value
}

// -----

func.func @reduce_dim(%x: !runmat.value) -> !runmat.value {
  // expected-error @+1 {{dim must be -1 ('all'), 0 (default), 1 or 2}}
  %y = runmat.fused_reduce "sum" dim 3(%x) : (!runmat.value) body {
  ^bb0(%e: f64):
    runmat.yield %e : f64
  } fallback {
  ^bb0(%v: !runmat.value):
    runmat.yield %v : !runmat.value
  }
  return %y : !runmat.value
}

// -----

func.func @reduce_no_array(%s: f64) -> !runmat.value {
  // expected-error @+1 {{needs at least one array input}}
  %y = runmat.fused_reduce "sum" dim 0(%s) : (f64) body {
  ^bb0(%e: f64):
    runmat.yield %e : f64
  } fallback {
  ^bb0(%v: f64):
    %b = runmat.box %v : f64
    runmat.yield %b : !runmat.value
  }
  return %y : !runmat.value
}

// -----

func.func @rng_loop_args(%s: !runmat.value, %n: i64, %m: f64) -> i1 {
  // expected-error @+1 {{body takes f64 arguments: the element of the state, the draw and each scalar}}
  %d, %r, %z = runmat.fused_rng_loop(%s, %n) dims(%m) scalars() body {
  ^bb0(%e: f64):
    runmat.yield %e : f64
  }
  return %d : i1
}

// -----

func.func @rng_loop_dims(%s: !runmat.value, %n: i64) -> i1 {
  // expected-error @+1 {{needs the size of the random draw}}
  %d, %r, %z = runmat.fused_rng_loop(%s, %n) dims() scalars() body {
  ^bb0(%e: f64, %x: f64):
    runmat.yield %e : f64
  }
  return %d : i1
}
