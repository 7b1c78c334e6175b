% RUN: %run-both | FileCheck %s
% repmat tiles; reshape is column-major and [] infers one dimension.
disp(mat2str(repmat([1 2], 2, 2)));
% CHECK: [1 2 1 2;1 2 1 2]
disp(mat2str(repmat(7, 1, 3)));
% CHECK-NEXT: [7 7 7]
disp(mat2str(repmat([1; 2], [1 2])));
% CHECK-NEXT: [1 1;2 2]
disp(mat2str(repmat('ab', 1, 3)));
% CHECK-NEXT: 'ababab'
disp(mat2str(size(repmat([1 2], 0, 1))));
% CHECK-NEXT: [0 2]
disp(mat2str(reshape(1:6, 2, 3)));
% CHECK-NEXT: [1 3 5;2 4 6]
disp(mat2str(size(reshape(1:6, 3, []))));
% CHECK-NEXT: [3 2]
disp(mat2str(reshape(1:6, [3 2])));
% CHECK-NEXT: [1 4;2 5;3 6]
disp(mat2str(reshape([1 2; 3 4], 1, 4)));
% CHECK-NEXT: [1 3 2 4]
disp(mat2str(size(reshape(1:8, 2, 2, 2))));
% CHECK-NEXT: [2 2 2]
disp(mat2str(reshape(1:4, [], 1)));
% CHECK-NEXT: [1;2;3;4]
