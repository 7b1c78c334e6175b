% RUN: %run-both | FileCheck %s
% any/all reduce columns; empty inputs give all=true, any=false; any ignores
% NaN.
disp(mat2str(any([0 0 1])));
% CHECK: true
disp(mat2str(all([1 1 0])));
% CHECK-NEXT: false
disp(mat2str([all([]) any([])]));
% CHECK-NEXT: [true false]
disp(mat2str(any([0 1; 0 0])));
% CHECK-NEXT: [false true]
disp(mat2str(all([1 1; 0 1])));
% CHECK-NEXT: [false true]
disp(mat2str(any([0 1; 0 0], 2)));
% CHECK-NEXT: [true;false]
disp(mat2str(all(zeros(0, 3))));
% CHECK-NEXT: [true true true]
disp(mat2str(any(zeros(0, 3))));
% CHECK-NEXT: [false false false]
disp(class(any([1 2])));
% CHECK-NEXT: logical
fprintf('%d\n', all(all(magic(3) > 0)));
% CHECK-NEXT: 1
fprintf('%d\n', any([0 NaN]));
% CHECK-NEXT: 0
fprintf('%d\n', nnz([1 0 2 0 3]));
% CHECK-NEXT: 3
