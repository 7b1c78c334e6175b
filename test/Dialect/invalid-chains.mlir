// RUN: %runmat-opt %s -split-input-file -verify-diagnostics

func.func @counts(%s: !runmat.value, %i: !runmat.value) {
  // expected-error @+1 {{needs one count per level, got 1 counts for 2 levels}}
  %r = runmat.subsref %s [0, 1] [1] (%i)
  return
}

// -----

func.func @field(%s: !runmat.value, %i: !runmat.value) {
  // expected-error @+1 {{a field level takes exactly one operand}}
  %r = runmat.subsref %s [2] [2] (%i, %i)
  return
}

// -----

func.func @kind(%s: !runmat.value, %i: !runmat.value) {
  // expected-error @+1 {{level kind must be 0 (paren), 1 (brace) or 2 (field), got 5}}
  %r = runmat.subsref %s [5] [1] (%i)
  return
}

// -----

func.func @total(%s: !runmat.value, %i: !runmat.value) {
  // expected-error @+1 {{counts add up to 2 but there are 1 operands}}
  %r = runmat.subsref %s [0] [2] (%i)
  return
}

// -----

func.func @slot(%i: !runmat.value, %x: f64) {
  %s = runmat.alloc_var "x" : !runmat.slot<f64>
  // expected-error @+1 {{the slot must hold !runmat.value}}
  runmat.subsasgn %s [0] [1] (%i) = %i : !runmat.slot<f64>
  return
}
