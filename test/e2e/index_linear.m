% RUN: %run-both | FileCheck %s
% Linear indexing walks columns (column-major storage).
A = [1 2 3; 4 5 6];
fprintf('%d\n', A(2));
% CHECK: 4
fprintf('%d\n', A(5));
% CHECK-NEXT: 3
fprintf('%d ', A([1 2 3])); fprintf('\n');
% CHECK-NEXT: 1 4 2
fprintf('%d ', A(:)'); fprintf('\n');
% CHECK-NEXT: 1 4 2 5 3 6
fprintf('%d %d\n', size(A(:)));
% CHECK-NEXT: 6 1
v = 10:10:50;
fprintf('%d ', v([5 1 1])); fprintf('\n');
% CHECK-NEXT: 50 10 10
fprintf('%d ', v(2:4)); fprintf('\n');
% CHECK-NEXT: 20 30 40
fprintf('%d ', v(end:-1:1)); fprintf('\n');
% CHECK-NEXT: 50 40 30 20 10
fprintf('%d %d\n', size(v(1:0)));
% CHECK-NEXT: 1 0
s = 'hello';
disp(s([1 5]));
% CHECK-NEXT: ho
k = 3;
fprintf('%d\n', v(k));
% CHECK-NEXT: 30
fprintf('%d\n', v(k - 1) + v(k + 1));
% CHECK-NEXT: 60
