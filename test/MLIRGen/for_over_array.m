% RUN: %runmat-jit --emit=mlir %s | FileCheck %s
% for over an array iterates columns with for_count/for_column; the array is
% kept in a hidden slot for the duration of the loop.
for c = [1 2; 3 4]
  disp(c);
end
% CHECK-LABEL: func.func @__runmat_script()
% CHECK: %[[H:.*]] = runmat.alloc_var "for.1" : <!runmat.value>
% CHECK: %[[M:.*]] = runmat.concat [2, 2]
% CHECK-NEXT: runmat.store_var %[[M]], %[[H]] : <!runmat.value>
% CHECK: %[[N:.*]] = runmat.for_count %{{.*}}
% CHECK: arith.cmpi slt, %{{.*}}, %[[N]] : i64
% CHECK: %[[COL:.*]] = runmat.for_column %{{.*}}, %{{.*}}
% CHECK-NEXT: runmat.store_var %[[COL]], %{{.*}} : <!runmat.value>
% CHECK-NEXT: runmat.release %[[COL]]
% CHECK: runmat.clear_var %[[H]] : <!runmat.value>
