% RUN: %runmat-jit --emit=mlir %s | FileCheck %s
% Matrix literals become runmat.concat with the operand count of each row;
% char literals runmat.string; [] runmat.empty; a:b in a value context
% runmat.range.
v = [1 2; 3 4; 5 6];
s = 'abc';
e = [];
r = 1:3;
q = 1:2:9;
% CHECK-LABEL: func.func @__runmat_script()
% CHECK-COUNT-6: runmat.box %{{.*}} : f64
% CHECK: runmat.concat [2, 2, 2](%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}})
% CHECK: runmat.string "abc"
% CHECK: runmat.empty
% CHECK: runmat.range %{{.*}} to %{{.*}}
% CHECK: runmat.range %{{.*}} step %{{.*}} to %{{.*}}
