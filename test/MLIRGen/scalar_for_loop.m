% RUN: %runmat-jit --emit=mlir %s | FileCheck %s
% A for loop over a scalar range counts natively (range_count/range_last/
% range_element), keeps scalars in f64 slots and boxes nothing in the loop.
s = 0;
for i = 1:1000
  s = s + mod(i, 7) * 0.5;
end
fprintf('%g\n', s);
% CHECK-LABEL: func.func @__runmat_script()
% CHECK-DAG: %[[S:.*]] = runmat.alloc_var "s" : <f64>
% CHECK-DAG: %[[I:.*]] = runmat.alloc_var "i" : <f64>
% CHECK: %[[N:.*]] = runmat.range_count %{{.*}}, %{{.*}}, %{{.*}}
% CHECK: %[[L:.*]] = runmat.range_last %{{.*}}, %{{.*}}, %{{.*}}, %[[N]]
% CHECK: arith.cmpi slt, %{{.*}}, %[[N]] : i64
% CHECK: %[[E:.*]] = runmat.range_element %{{.*}}, %{{.*}}, %[[L]], %[[N]], %{{.*}}
% CHECK-NEXT: runmat.store_var %[[E]], %[[I]] : <f64>
% CHECK-NOT: runmat.box
% CHECK-NOT: !runmat.value
% CHECK: runmat.builtin "mod"(%{{.*}}, %{{.*}}) {nargout = 1 : i32} : (f64, f64) -> f64
% CHECK-NOT: runmat.box
% CHECK: runmat.store_var %{{.*}}, %[[S]] : <f64>
% CHECK-NOT: runmat.box
% CHECK: arith.addi %{{.*}}, %{{.*}} : i64
