% RUN: %run-both | FileCheck %s
% magic, diag, triu, tril, kron.
disp(mat2str(magic(4)));
% CHECK: [16 2 3 13;5 11 10 8;9 7 6 12;4 14 15 1]
disp(mat2str(diag([1 2 3])));
% CHECK-NEXT: [1 0 0;0 2 0;0 0 3]
disp(mat2str(diag([1 2; 3 4])));
% CHECK-NEXT: [1;4]
disp(mat2str(diag([1 2], 1)));
% CHECK-NEXT: [0 1 0;0 0 2;0 0 0]
disp(mat2str(triu(magic(3))));
% CHECK-NEXT: [8 1 6;0 5 7;0 0 2]
disp(mat2str(tril(magic(3), -1)));
% CHECK-NEXT: [0 0 0;3 0 0;4 9 0]
disp(mat2str(kron([1 2], [1; 1])));
% CHECK-NEXT: [1 2;1 2]
disp(mat2str(kron(eye(2), [1 2])));
% CHECK-NEXT: [1 2 0 0;0 0 1 2]
fprintf('%d\n', sum(diag(magic(5))));
% CHECK-NEXT: 65
