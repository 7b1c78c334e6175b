% RUN: %run-both | FileCheck %s
% ' and .' on real matrices, vectors and scalars.
A = [1 2 3; 4 5 6];
B = A';
fprintf('%d %d\n', size(B));
% CHECK: 3 2
fprintf('%d ', B); fprintf('\n');
% CHECK-NEXT: 1 2 3 4 5 6
C = A.';
fprintf('%d ', C(1, :)); fprintf('\n');
% CHECK-NEXT: 1 4
r = 1:3;
c = r';
fprintf('%d %d\n', size(c));
% CHECK-NEXT: 3 1
fprintf('%d %d\n', size(c'));
% CHECK-NEXT: 1 3
fprintf('%d\n', isequal(A'', A));
% CHECK-NEXT: 1
x = 5;
fprintf('%g\n', x');
% CHECK-NEXT: 5
fprintf('%g\n', (x + 1)');
% CHECK-NEXT: 6
fprintf('%d ', [1 2]' * [3 4]); fprintf('\n');
% CHECK-NEXT: 3 6 4 8
fprintf('%d\n', [1 2] * [3 4]');
% CHECK-NEXT: 11
fprintf('%d %d\n', size(zeros(0, 3)'));
% CHECK-NEXT: 3 0
