% RUN: %run-both | FileCheck %s
% Horizontal/vertical concatenation; empty operands vanish.
A = [1 2; 3 4];
fprintf('%d %d\n', size([A A]));
% CHECK: 2 4
fprintf('%d %d\n', size([A; A]));
% CHECK-NEXT: 4 2
fprintf('%d ', [A, [5; 6]]); fprintf('\n');
% CHECK-NEXT: 1 3 2 4 5 6
fprintf('%d ', [A; 7 8]); fprintf('\n');
% CHECK-NEXT: 1 3 7 2 4 8
fprintf('%d %d\n', size([[] 1 2]));
% CHECK-NEXT: 1 2
fprintf('%d %d\n', size([zeros(1, 0); 1 2]));
% CHECK-NEXT: 1 2
fprintf('%d %d\n', size([[]; []]));
% CHECK-NEXT: 0 0
fprintf('%d %d\n', size([]));
% CHECK-NEXT: 0 0
x = [1, 2
     3, 4];
fprintf('%d %d\n', size(x));
% CHECK-NEXT: 2 2
y = [1 2 3]';
fprintf('%d ', [y y * 2]); fprintf('\n');
% CHECK-NEXT: 1 2 3 2 4 6
fprintf('%d ', [1:3; 4:6]); fprintf('\n');
% CHECK-NEXT: 1 4 2 5 3 6
z = [x(1, :), 9];
fprintf('%d ', z); fprintf('\n');
% CHECK-NEXT: 1 2 9
disp(class([true false]));
% CHECK-NEXT: logical
disp(class([true 2]));
% CHECK-NEXT: double
