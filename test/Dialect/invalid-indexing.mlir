// RUN: %runmat-opt %s -split-input-file -verify-diagnostics

func.func @no_subscript(%x: f64) {
  %s = runmat.alloc_var "A" : !runmat.slot<!runmat.value>
  // expected-error @+1 {{needs at least one subscript}}
  "runmat.index_assign"(%s, %x) : (!runmat.slot<!runmat.value>, f64) -> ()
  return
}

// -----

func.func @f64_rhs_value_subscript(%x: f64, %v: !runmat.value) {
  %s = runmat.alloc_var "A" : !runmat.slot<!runmat.value>
  // expected-error @+1 {{an f64 right-hand side needs f64 subscripts}}
  runmat.index_assign %s[%v] = %x : !runmat.slot<!runmat.value>[!runmat.value], f64
  return
}

// -----

func.func @value_rhs_f64_subscript(%x: f64, %v: !runmat.value) {
  %s = runmat.alloc_var "A" : !runmat.slot<!runmat.value>
  // expected-error @+1 {{subscripts must be !runmat.value}}
  runmat.index_assign %s[%x] = %v : !runmat.slot<!runmat.value>[f64], !runmat.value
  return
}

// -----

func.func @scalar_form_three(%x: f64) {
  %s = runmat.alloc_var "A" : !runmat.slot<!runmat.value>
  // expected-error @+1 {{the scalar form takes one or two subscripts}}
  runmat.index_assign %s[%x, %x, %x] = %x : !runmat.slot<!runmat.value>[f64, f64, f64], f64
  return
}

// -----

func.func @i1_rhs(%b: i1, %v: !runmat.value) {
  %s = runmat.alloc_var "A" : !runmat.slot<!runmat.value>
  // expected-error @+1 {{the right-hand side must be f64 or !runmat.value}}
  runmat.index_assign %s[%v] = %b : !runmat.slot<!runmat.value>[!runmat.value], i1
  return
}

// -----

func.func @scalar_delete(%x: f64) {
  %s = runmat.alloc_var "A" : !runmat.slot<!runmat.value>
  // expected-error @+1 {{deletion needs the !runmat.value form}}
  runmat.index_assign %s[%x] = %x {is_delete} : !runmat.slot<!runmat.value>[f64], f64
  return
}

// -----

func.func @index_scalar_none(%a: !runmat.value) {
  // expected-error @+1 {{takes one or two subscripts, got 0}}
  %x = runmat.index_scalar %a[] : f64
  return
}

// -----

func.func @end_negative(%a: !runmat.value) {
  // expected-error @+1 {{position -1 is not within 2 subscripts}}
  %e = runmat.end %a {position = -1 : i64, count = 2 : i64}
  return
}

// -----

func.func @end_no_subscripts(%a: !runmat.value) {
  // expected-error @+1 {{position 0 is not within 0 subscripts}}
  %e = runmat.end %a {position = 0 : i64, count = 0 : i64}
  return
}

// -----

func.func @concat_negative(%a: !runmat.value) {
  // expected-error @+1 {{row lengths must be non-negative}}
  %r = runmat.concat [2, -1](%a)
  return
}

// -----

func.func @concat_too_few(%a: !runmat.value) {
  // expected-error @+1 {{row lengths add up to 1 but there are 2 elements}}
  %r = runmat.concat [1](%a, %a)
  return
}
