% RUN: %run-both | FileCheck %s
% find returns linear indices (row/column shape following the input), or
% row and column subscripts with two outputs; an optional count limits it.
disp(mat2str(find([0 1 0 1])));
% CHECK: [2 4]
disp(mat2str(find([0 1; 1 1])));
% CHECK-NEXT: [2;3;4]
[r, c] = find([0 1; 1 0]);
disp(mat2str([r c]));
% CHECK-NEXT: [2 1;1 2]
disp(mat2str(find([0 0])));
% CHECK-NEXT: zeros(1,0)
disp(mat2str(find([1 1 1 1], 2)));
% CHECK-NEXT: [1 2]
disp(mat2str(find([0; 1; 1])));
% CHECK-NEXT: [2;3]
disp(mat2str(size(find([]))));
% CHECK-NEXT: [0 0]
v = [5 -1 3 -2];
disp(mat2str(find(v < 0)));
% CHECK-NEXT: [2 4]
disp(mat2str(v(find(v > 0))));
% CHECK-NEXT: [5 3]
fprintf('%d\n', find([0 0 7 0 9], 1));
% CHECK-NEXT: 3
