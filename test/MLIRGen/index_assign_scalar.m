% RUN: %runmat-jit --emit=mlir %s | FileCheck %s
% A(i,j) = x and A(i,j) on a double array with scalar subscripts use the
% scalar forms of index_assign and index_scalar (no boxing).
A = zeros(3, 4);
for i = 1:3
  for j = 1:4
    A(i, j) = i * 10 + j;
  end
end
x = A(2, 3);
A(5) = x;
% CHECK-LABEL: func.func @__runmat_script()
% CHECK: %[[A:.*]] = runmat.alloc_var "A" : <!runmat.value>
% CHECK: runmat.builtin "zeros"
% CHECK: %[[V:.*]] = runmat.plus %{{.*}}, %{{.*}} : f64
% CHECK-NEXT: %[[I:.*]] = runmat.load_var %{{.*}} : <f64>
% CHECK-NEXT: %[[J:.*]] = runmat.load_var %{{.*}} : <f64>
% CHECK-NEXT: runmat.index_assign %[[A]][%[[I]], %[[J]]] = %[[V]] : <!runmat.value>[f64, f64], f64
% CHECK: %[[B:.*]] = runmat.load_var %[[A]] : <!runmat.value>
% CHECK: runmat.index_scalar %[[B]][%{{.*}}, %{{.*}}] : f64
% CHECK-NOT: runmat.box
% CHECK: runmat.index_assign %[[A]][%{{.*}}] = %{{.*}} : <!runmat.value>[f64], f64
