// RUN: %runmat-opt %s -split-input-file -verify-diagnostics

func.func @load_wrong_type(%s: !runmat.slot<f64>) {
  // expected-error @+1 {{failed to verify that the result has the slot's element type}}
  %x = "runmat.load_var"(%s) : (!runmat.slot<f64>) -> i1
  return
}

// -----

func.func @store_wrong_type(%s: !runmat.slot<!runmat.value>, %x: f64) {
  // expected-error @+1 {{failed to verify that the value has the slot's element type}}
  "runmat.store_var"(%x, %s) : (f64, !runmat.slot<!runmat.value>) -> ()
  return
}

// -----

func.func @box_value(%v: !runmat.value) {
  // expected-error @+1 {{operand #0 must be 64-bit float or 1-bit signless integer}}
  %b = "runmat.box"(%v) : (!runmat.value) -> !runmat.value
  return
}

// -----

func.func @unbox_to_i1(%v: !runmat.value) {
  // expected-error @+1 {{result #0 must be 64-bit float}}
  %b = "runmat.unbox"(%v) : (!runmat.value) -> i1
  return
}

// -----

func.func @range_count_i64(%n: i64, %x: f64) {
  // expected-error @+1 {{operand #0 must be 64-bit float}}
  %c = "runmat.range_count"(%n, %x, %x) : (i64, f64, f64) -> i64
  return
}

// -----

func.func @truth_of_f64(%x: f64) {
  // expected-error @+1 {{operand #0 must be}}
  %t = "runmat.truth"(%x) : (f64) -> i1
  return
}

// -----

// expected-error @+1 {{expected '<'}}
func.func @bad_slot_type(%s: !runmat.slot) {
  return
}
