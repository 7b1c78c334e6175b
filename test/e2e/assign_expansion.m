% RUN: %run-both | FileCheck %s
% Scalar expansion on indexed assignment; A(:) = rhs keeps A's shape.
B = zeros(2, 3);
B(:, 2) = 7;
B(3, :) = 1;
fprintf('%d %d\n', size(B));
% CHECK: 3 3
fprintf('%d ', B); fprintf('\n');
% CHECK-NEXT: 0 0 1 7 7 1 0 0 1
M = zeros(2);
M(:) = 1:4;
fprintf('%d ', M); fprintf('\n');
% CHECK-NEXT: 1 2 3 4
fprintf('%d %d\n', size(M));
% CHECK-NEXT: 2 2
A = ones(2, 3);
A(2, :) = [4 5 6];
fprintf('%d ', A); fprintf('\n');
% CHECK-NEXT: 1 4 1 5 1 6
A(:, [1 3]) = [9 8; 7 6];
fprintf('%d ', A); fprintf('\n');
% CHECK-NEXT: 9 7 1 5 8 6
v = 1:5;
v([2 4]) = 0;
fprintf('%d ', v); fprintf('\n');
% CHECK-NEXT: 1 0 3 0 5
v(:) = 3;
fprintf('%d ', v); fprintf('\n');
% CHECK-NEXT: 3 3 3 3 3
C = eye(2);
C(:, :) = [5 6; 7 8];
fprintf('%d ', C); fprintf('\n');
% CHECK-NEXT: 5 7 6 8
