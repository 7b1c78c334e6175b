% RUN: %run-both | FileCheck %s
% Deleting elements, rows and columns with = [].
A = magic(3);
A(:, 2) = [];
fprintf('%d %d\n', size(A));
% CHECK: 3 2
fprintf('%d ', A); fprintf('\n');
% CHECK-NEXT: 8 3 4 6 7 2
v = 1:5;
v([1 3]) = [];
fprintf('%d ', v); fprintf('\n');
% CHECK-NEXT: 2 4 5
M = magic(3);
M(2) = [];
fprintf('%d %d\n', size(M));
% CHECK-NEXT: 1 8
B = [1 2; 3 4; 5 6];
B(2, :) = [];
fprintf('%d ', B); fprintf('\n');
% CHECK-NEXT: 1 5 2 6
c = (1:4)';
c(end) = [];
fprintf('%d %d\n', size(c));
% CHECK-NEXT: 3 1
w = [5 -1 3 -2];
w(w < 0) = [];
fprintf('%d ', w); fprintf('\n');
% CHECK-NEXT: 5 3
e = 1:3;
e([]) = [];
fprintf('%d\n', numel(e));
% CHECK-NEXT: 3
