% RUN: %runmat-jit --emit=mlir %s | FileCheck %s
% end in a subscript is runmat.end with its position among the subscripts;
% a lone : is runmat.colon_all; A(idx) = [] is a deleting index_assign.
v = [1 2; 3 4];
w = v(end, :);
u = v(2, end - 1);
v(1) = [];
% CHECK-LABEL: func.func @__runmat_script()
% CHECK: %[[V:.*]] = runmat.load_var %{{.*}} : <!runmat.value>
% CHECK-NEXT: %[[E:.*]] = runmat.end %[[V]] {count = 2 : i64, position = 0 : i64}
% CHECK-NEXT: %[[C:.*]] = runmat.colon_all
% CHECK-NEXT: %[[B:.*]] = runmat.box %[[E]] : f64
% CHECK-NEXT: runmat.index %[[V]][%[[B]], %[[C]]]
% CHECK: runmat.end %{{.*}} {count = 2 : i64, position = 1 : i64}
% CHECK: %[[EMPTY:.*]] = runmat.empty
% CHECK: runmat.index_assign %{{.*}}[%{{.*}}] = %[[EMPTY]] {is_delete} : <!runmat.value>[!runmat.value], !runmat.value
