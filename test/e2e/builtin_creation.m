% RUN: %run-both | FileCheck %s
% zeros, ones, eye, true, false with size arguments.
disp(mat2str(zeros(2, 3)));
% CHECK: [0 0 0;0 0 0]
disp(mat2str(ones(2)));
% CHECK-NEXT: [1 1;1 1]
disp(mat2str(eye(2, 3)));
% CHECK-NEXT: [1 0 0;0 1 0]
disp(mat2str(eye(3)));
% CHECK-NEXT: [1 0 0;0 1 0;0 0 1]
disp(mat2str(size(zeros([2 5]))));
% CHECK-NEXT: [2 5]
disp(mat2str(size(ones(2, 3, 4))));
% CHECK-NEXT: [2 3 4]
disp(mat2str(zeros(1, 0)));
% CHECK-NEXT: zeros(1,0)
disp(mat2str(size(zeros(0))));
% CHECK-NEXT: [0 0]
fprintf('%g\n', zeros);
% CHECK-NEXT: 0
fprintf('%g\n', ones);
% CHECK-NEXT: 1
disp(mat2str(true(1, 2)));
% CHECK-NEXT: [true true]
disp(mat2str(false(2, 1)));
% CHECK-NEXT: [false;false]
disp(class(true(2)));
% CHECK-NEXT: logical
n = 3;
disp(mat2str(size(zeros(n, n + 1))));
% CHECK-NEXT: [3 4]
disp(mat2str(size(zeros(-1, 2))));
% CHECK-NEXT: [0 2]
disp(mat2str(magic(3)));
% CHECK-NEXT: [8 1 6;3 5 7;4 9 2]
fprintf('%.6f\n', pi);
% CHECK-NEXT: 3.141593
fprintf('%g %g\n', Inf, -Inf);
% CHECK-NEXT: Inf -Inf
fprintf('%d\n', isnan(NaN));
% CHECK-NEXT: 1
disp(mat2str(NaN(1, 2)));
% CHECK-NEXT: [NaN NaN]
disp(mat2str(Inf(2, 1)));
% CHECK-NEXT: [Inf;Inf]
