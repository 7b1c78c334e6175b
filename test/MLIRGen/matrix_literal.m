% RUN: %runmat-jit --emit=mlir %s | FileCheck %s
% Matrix literals become runmat.concat with the operand count of each row;
% char literals runmat.string; [] runmat.empty; a:b in a value context
% runmat.range. A literal of 16 or more real number constants (a data table)
% is one runmat.dense_matrix, its values row by row.
v = [1 2; 3 4; 5 6];
t = [1 -2 3 4; 5 6 7 8; 9 10 11 12; 13 14 15 +16.5];
u = [1 NaN 3 4; 5 6 7 8; 9 10 11 12; 13 14 15 -Inf];
m = [1 2 3 4; 5 6 7 8; 9 10 11 12; 13 14 15 2i];
s = 'abc';
e = [];
r = 1:3;
q = 1:2:9;
% CHECK-LABEL: func.func @__runmat_script()
% CHECK-COUNT-6: runmat.box %{{.*}} : f64
% CHECK: runmat.concat [2, 2, 2](%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}})
% CHECK: runmat.dense_matrix dense<{{\[}}[1.000000e+00, -2.000000e+00, 3.000000e+00, 4.000000e+00], [5.000000e+00
% CHECK-SAME: 1.650000e+01]]> : tensor<4x4xf64>
% NaN and Inf print as bit patterns (and parse back).
% CHECK: runmat.dense_matrix dense<{{\[}}[1.000000e+00, 0x7FF8000000000000,
% CHECK-SAME: 0xFFF0000000000000]]> : tensor<4x4xf64>
% An imaginary element keeps the concat form.
% CHECK-COUNT-16: runmat.box
% CHECK: runmat.concat [4, 4, 4, 4]
% CHECK: runmat.string "abc"
% CHECK: runmat.empty
% CHECK: runmat.range %{{.*}} to %{{.*}}
% CHECK: runmat.range %{{.*}} step %{{.*}} to %{{.*}}
