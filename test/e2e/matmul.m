% RUN: %run-both | FileCheck %s
% Matrix multiplication: inner and outer products, scalars, empty operands.
A = [1 2; 3 4];
B = [5 6; 7 8];
fprintf('%d ', A * B); fprintf('\n');
% CHECK: 19 43 22 50
fprintf('%d ', B * A); fprintf('\n');
% CHECK-NEXT: 23 31 34 46
fprintf('%d\n', [1 2 3] * [4; 5; 6]);
% CHECK-NEXT: 32
O = [1; 2] * [3 4 5];
fprintf('%d %d\n', size(O));
% CHECK-NEXT: 2 3
fprintf('%d ', O); fprintf('\n');
% CHECK-NEXT: 3 6 4 8 5 10
fprintf('%d ', 2 * A); fprintf('\n');
% CHECK-NEXT: 2 6 4 8
fprintf('%d ', A * eye(2)); fprintf('\n');
% CHECK-NEXT: 1 3 2 4
Z = zeros(3, 0) * zeros(0, 4);
fprintf('%d %d %g\n', size(Z), sum(Z(:)));
% CHECK-NEXT: 3 4 0
E = zeros(0, 3) * ones(3, 2);
fprintf('%d %d\n', size(E));
% CHECK-NEXT: 0 2
C = [1 2 3; 4 5 6] * [1 0; 0 1; 1 1];
fprintf('%d ', C); fprintf('\n');
% CHECK-NEXT: 4 10 5 11
