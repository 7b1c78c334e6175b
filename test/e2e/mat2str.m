% RUN: %run-both | FileCheck %s --strict-whitespace --match-full-lines
% mat2str writes MATLAB syntax that evaluates back to the value.
disp(mat2str([1 2; 3 4]));
% CHECK:[1 2;3 4]
disp(mat2str([1.5 -2]));
% CHECK-NEXT:[1.5 -2]
disp(mat2str(pi));
% CHECK-NEXT:3.14159265358979
disp(mat2str(pi, 4));
% CHECK-NEXT:3.142
disp(mat2str([]));
% CHECK-NEXT:[]
disp(mat2str([true false]));
% CHECK-NEXT:[true false]
disp(mat2str(true));
% CHECK-NEXT:true
disp(mat2str('abc'));
% CHECK-NEXT:'abc'
disp(mat2str([1; 2; 3]));
% CHECK-NEXT:[1;2;3]
disp(mat2str(zeros(0, 3)));
% CHECK-NEXT:zeros(0,3)
disp(mat2str([NaN Inf -Inf]));
% CHECK-NEXT:[NaN Inf -Inf]
disp(mat2str(0.1));
% CHECK-NEXT:0.1
disp(mat2str(1e10));
% CHECK-NEXT:10000000000
disp(mat2str(-0.5));
% CHECK-NEXT:-0.5
disp(mat2str(7));
% CHECK-NEXT:7
