% RUN: %run-both | FileCheck %s
% Two-subscript indexing, colon subscripts, and index vectors.
A = [1 2 3; 4 5 6; 7 8 9];
fprintf('%d\n', A(2, 3));
% CHECK: 6
fprintf('%d ', A(2, :)); fprintf('\n');
% CHECK-NEXT: 4 5 6
fprintf('%d ', A(:, 2)); fprintf('\n');
% CHECK-NEXT: 2 5 8
fprintf('%d %d\n', size(A(:, 2)));
% CHECK-NEXT: 3 1
B = A([1 3], [1 3]);
fprintf('%d ', B); fprintf('\n');
% CHECK-NEXT: 1 7 3 9
fprintf('%d ', A(3:-1:1, 1)); fprintf('\n');
% CHECK-NEXT: 7 4 1
fprintf('%d %d\n', size(A(:, :)));
% CHECK-NEXT: 3 3
fprintf('%d %d\n', size(A(2, [])));
% CHECK-NEXT: 1 0
fprintf('%d\n', A(3, 1) - A(1, 3));
% CHECK-NEXT: 4
for i = 1:3
  fprintf('%d', A(i, i));
end
fprintf('\n');
% CHECK-NEXT: 159
fprintf('%d\n', A(2, 2, 1));
% CHECK-NEXT: 5
