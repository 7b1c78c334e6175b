// RUN: %runmat-opt %s --runmat-fuse-elementwise=report=true 2>&1 >/dev/null | FileCheck %s
// With report=true the pass says what it fused, one remark per region.
// CHECK: remark: fused 3 operations (sin exp neg) into one region with 1 array and 0 scalar inputs
// CHECK-NOT: remark
func.func @f(%x: !runmat.value) {
  %0 = runmat.builtin "sin"(%x) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %1 = runmat.builtin "exp"(%0) {nargout = 1 : i32} : (!runmat.value) -> !runmat.value
  %2 = runmat.neg %1 : !runmat.value
  runmat.release %0
  runmat.release %1
  runmat.release %2
  return
}
