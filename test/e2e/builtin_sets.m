% RUN: %run-both | FileCheck %s
% unique (sorted, first occurrences), ismember, sortrows.
disp(mat2str(unique([3 1 2 3 1])));
% CHECK: [1 2 3]
[u, i, j] = unique([3 1 2 3 1]);
disp(mat2str(i));
% CHECK-NEXT: [2;3;1]
disp(mat2str(j));
% CHECK-NEXT: [3;1;2;3;1]
disp(mat2str(unique([2 2 1]')));
% CHECK-NEXT: [1;2]
disp(mat2str(ismember([1 5 2], [2 3 1])));
% CHECK-NEXT: [true false true]
[tf, loc] = ismember([1 5 2], [2 3 1]);
disp(mat2str(loc));
% CHECK-NEXT: [3 0 1]
disp(mat2str(sortrows([3 1; 1 2; 2 0])));
% CHECK-NEXT: [1 2;2 0;3 1]
[s, k] = sortrows([3 1; 1 2; 2 0]);
disp(mat2str(k));
% CHECK-NEXT: [2;3;1]
disp(unique('banana'));
% CHECK-NEXT: abn
