% RUN: %run-both | FileCheck %s
% Assigning beyond the bounds grows the array with zeros.
x = [];
x(3) = 7;
fprintf('%d ', x); fprintf('\n');
% CHECK: 0 0 7
M = 1;
M(2, 3) = 5;
fprintf('%d %d\n', size(M));
% CHECK-NEXT: 2 3
fprintf('%d ', M); fprintf('\n');
% CHECK-NEXT: 1 0 0 0 0 5
z = 1:3;
z(end + 1:end + 2) = [7 8];
fprintf('%d ', z); fprintf('\n');
% CHECK-NEXT: 1 2 3 7 8
z(end + 1) = 9;
fprintf('%d\n', numel(z));
% CHECK-NEXT: 6
v = [1 2];
v(4) = 1;
fprintf('%d %d\n', size(v));
% CHECK-NEXT: 1 4
c = [1; 2];
c(4) = 1;
fprintf('%d %d\n', size(c));
% CHECK-NEXT: 4 1
s = 5;
s(3) = 1;
fprintf('%d %d\n', size(s));
% CHECK-NEXT: 1 3
A = 1;
A(:, :, 2) = 2;
fprintf('%d ', size(A)); fprintf('\n');
% CHECK-NEXT: 1 1 2
fprintf('%d\n', ndims(A));
% CHECK-NEXT: 3
B = zeros(2);
B(3, :) = [1 2];
fprintf('%d ', B); fprintf('\n');
% CHECK-NEXT: 0 0 1 0 0 2
q = [];
for i = 1:4
  q(end + 1) = i * i;
end
fprintf('%d ', q); fprintf('\n');
% CHECK-NEXT: 1 4 9 16
