% RUN: %run-both | FileCheck %s
% meshgrid, sub2ind, ind2sub, permute, squeeze.
[X, Y] = meshgrid(1:3, 1:2);
disp(mat2str(X));
% CHECK: [1 2 3;1 2 3]
disp(mat2str(Y));
% CHECK-NEXT: [1 1 1;2 2 2]
fprintf('%d\n', sub2ind([2 3], 2, 3));
% CHECK-NEXT: 6
disp(mat2str(sub2ind([2 3], [1 2], [1 2])));
% CHECK-NEXT: [1 4]
[r, c] = ind2sub([2 3], 5);
fprintf('%d %d\n', r, c);
% CHECK-NEXT: 1 3
disp(mat2str(permute([1 2 3; 4 5 6], [2 1])));
% CHECK-NEXT: [1 4;2 5;3 6]
disp(mat2str(size(squeeze(ones(1, 1, 3)))));
% CHECK-NEXT: [3 1]
disp(mat2str(size(permute(zeros(2, 3, 4), [3 1 2]))));
% CHECK-NEXT: [4 2 3]
