% RUN: %run-both | FileCheck %s
% sort is stable, sorts columns of matrices, puts NaN last (first when
% descending), and returns the permutation as a second output.
disp(mat2str(sort([3 1 2])));
% CHECK: [1 2 3]
disp(mat2str(sort([3 NaN 1])));
% CHECK-NEXT: [1 3 NaN]
disp(mat2str(sort([3 NaN 1], 'descend')));
% CHECK-NEXT: [NaN 3 1]
[s, i] = sort([3 1 2]);
disp(mat2str(i));
% CHECK-NEXT: [2 3 1]
disp(mat2str(sort([3 1; 2 4])));
% CHECK-NEXT: [2 1;3 4]
disp(mat2str(sort([3 1; 2 4], 2)));
% CHECK-NEXT: [1 3;2 4]
[s, i] = sort([2 1 2 1]);
disp(mat2str(i));
% CHECK-NEXT: [2 4 1 3]
[s, i] = sort([2 1 2 1], 'descend');
disp(mat2str(i));
% CHECK-NEXT: [1 3 2 4]
disp(sort('hello'));
% CHECK-NEXT: ehllo
disp(mat2str(sort([-Inf 5 Inf -2])));
% CHECK-NEXT: [-Inf -2 5 Inf]
disp(mat2str(sort((3:-1:1)')));
% CHECK-NEXT: [1;2;3]
