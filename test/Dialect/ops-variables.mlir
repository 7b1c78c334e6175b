// RUN: %runmat-opt %s | %runmat-opt | FileCheck %s

// Slots of each element type, workspace slots, and the load_var flags.

// CHECK-LABEL: func.func @slots
func.func @slots(%x: f64, %b: i1, %v: !runmat.value) -> (f64, i1) {
  // CHECK: %[[S:.*]] = runmat.alloc_var "s" : <f64>
  %s = runmat.alloc_var "s" : !runmat.slot<f64>
  // CHECK-NEXT: %[[T:.*]] = runmat.alloc_var "t" : <i1>
  %t = runmat.alloc_var "t" : !runmat.slot<i1>
  // CHECK-NEXT: %[[W:.*]] = runmat.alloc_var "w" {workspace} : <!runmat.value>
  %w = runmat.alloc_var "w" {workspace} : !runmat.slot<!runmat.value>
  // CHECK-NEXT: runmat.store_var %{{.*}}, %[[S]] : <f64>
  runmat.store_var %x, %s : !runmat.slot<f64>
  // CHECK-NEXT: runmat.store_var %{{.*}}, %[[T]] : <i1>
  runmat.store_var %b, %t : !runmat.slot<i1>
  // CHECK-NEXT: runmat.store_var %{{.*}}, %[[W]] : <!runmat.value>
  runmat.store_var %v, %w : !runmat.slot<!runmat.value>
  // CHECK-NEXT: runmat.load_var %[[S]] : <f64>
  %ls = runmat.load_var %s : !runmat.slot<f64>
  // CHECK-NEXT: runmat.load_var %[[T]] : <i1>
  %lt = runmat.load_var %t : !runmat.slot<i1>
  // CHECK-NEXT: runmat.load_var %[[W]] {nullable} : <!runmat.value>
  %ln = runmat.load_var %w {nullable} : !runmat.slot<!runmat.value>
  // CHECK-NEXT: runmat.load_var %[[W]] {output_of = "f"} : <!runmat.value>
  %lo = runmat.load_var %w {output_of = "f"} : !runmat.slot<!runmat.value>
  // CHECK-NEXT: runmat.is_defined %[[S]] : <f64>
  %d = runmat.is_defined %s : !runmat.slot<f64>
  // CHECK-NEXT: runmat.clear_var %[[W]] : <!runmat.value>
  runmat.clear_var %w : !runmat.slot<!runmat.value>
  // CHECK-NEXT: runmat.retain %{{.*}}{{$}}
  runmat.retain %v
  // CHECK-NEXT: runmat.release %{{.*}}{{$}}
  runmat.release %v
  return %ls, %lt : f64, i1
}

// The slot type prints in full where the element type is not implied.
// CHECK-LABEL: func.func @slot_arg
// CHECK-SAME: (%{{.*}}: !runmat.slot<f64>)
func.func @slot_arg(%s: !runmat.slot<f64>) -> f64 {
  %x = runmat.load_var %s : !runmat.slot<f64>
  return %x : f64
}
