% RUN: %run-both | FileCheck %s
% Logical masks select where true; masks over matrices give a column.
w = [5 -1 3 -2];
fprintf('%d ', w(w > 0)); fprintf('\n');
% CHECK: 5 3
fprintf('%d %d\n', size(w(w > 0)));
% CHECK-NEXT: 1 2
Q = [1 2; 3 4];
q = Q(Q > 1);
fprintf('%d %d\n', size(q));
% CHECK-NEXT: 3 1
fprintf('%d ', q); fprintf('\n');
% CHECK-NEXT: 3 2 4
A = [10 20 30 40];
fprintf('%d %d\n', size(A(logical([1 0 1 0]))));
% CHECK-NEXT: 1 2
fprintf('%d ', A(logical([1 0 1]))); fprintf('\n');
% CHECK-NEXT: 10 30
fprintf('%d %d\n', size(A(A > 100)));
% CHECK-NEXT: 1 0
w(w < 0) = 0;
fprintf('%d ', w); fprintf('\n');
% CHECK-NEXT: 5 0 3 0
B = magic(3);
B(B > 5) = -1;
fprintf('%d ', B); fprintf('\n');
% CHECK-NEXT: -1 3 4 1 5 -1 -1 -1 2
C = [1 2 3; 4 5 6];
fprintf('%d ', C(:, [true false true])); fprintf('\n');
% CHECK-NEXT: 1 4 3 6
fprintf('%d\n', sum(w == 0));
% CHECK-NEXT: 2
