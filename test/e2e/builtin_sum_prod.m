% RUN: %run-both | FileCheck %s
% sum and prod along the first non-singleton dimension or a given one;
% empty inputs give the identity.
disp(mat2str(sum([1 2; 3 4])));
% CHECK: [4 6]
disp(mat2str(sum([1 2; 3 4], 2)));
% CHECK-NEXT: [3;7]
disp(mat2str(sum([1 2 3])));
% CHECK-NEXT: 6
disp(mat2str(sum([1 2 3]')));
% CHECK-NEXT: 6
disp(mat2str(sum(ones(2, 3), 1)));
% CHECK-NEXT: [2 2 2]
fprintf('%d\n', sum(sum(magic(3))));
% CHECK-NEXT: 45
fprintf('%g %g\n', sum([]), prod([]));
% CHECK-NEXT: 0 1
disp(mat2str(size(sum(zeros(0, 3)))));
% CHECK-NEXT: [1 3]
disp(mat2str(sum(zeros(0, 3))));
% CHECK-NEXT: [0 0 0]
disp(mat2str(prod([1 2; 3 4])));
% CHECK-NEXT: [3 8]
fprintf('%d\n', prod(1:10));
% CHECK-NEXT: 3628800
fprintf('%g\n', sum([1 NaN]));
% CHECK-NEXT: NaN
fprintf('%g\n', sum(5));
% CHECK-NEXT: 5
fprintf('%g\n', sum([true true true]));
% CHECK-NEXT: 3
disp(class(sum([true true])));
% CHECK-NEXT: double
disp(mat2str(sum([1 2; 3 4], 3)));
% CHECK-NEXT: [1 2;3 4]
