% RUN: %runmat-jit --emit=mlir-lowered %s | FileCheck %s
% After lowering no runmat op is left: scalar mod becomes native arithmetic
% with a libm floor, a builtin on an array calls rm_call_builtin, and
% matrix literals call rm_concat.
s = 0;
for i = 1:100
  s = s + mod(i, 7);
end
v = sum([1 2 3]);
% CHECK-NOT: runmat.
% CHECK-LABEL: llvm.func @__runmat_script()
% CHECK: llvm.call @rm_range_count
% CHECK: %[[Q:.*]] = llvm.fdiv %{{.*}}, %{{.*}} : f64
% CHECK-NEXT: llvm.call @floor(%[[Q]]) : (f64) -> f64
% CHECK: llvm.call @rm_concat(
% CHECK: llvm.call @rm_call_builtin(
% CHECK-NOT: runmat.
