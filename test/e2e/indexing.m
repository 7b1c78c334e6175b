% RUN: %run-both | FileCheck %s
v = 10:10:50;
fprintf('%d %d\n', v(end), v(end-1));
% CHECK: 50 40
A = [1 2 3; 4 5 6];
fprintf('%d ', A(:)');
fprintf('\n');
% CHECK-NEXT: 1 4 2 5 3 6
x = [];
x(3) = 7;
fprintf('%d ', x);
fprintf('\n');
% CHECK-NEXT: 0 0 7
w = [5 -1 3 -2];
w(w < 0) = 0;
fprintf('%d ', w);
fprintf('\n');
% CHECK-NEXT: 5 0 3 0
z = 1:5;
z([1 3]) = [];
fprintf('%d ', z);
fprintf('\n');
% CHECK-NEXT: 2 4 5
fprintf('%d\n', numel(0:0.1:1));
% CHECK-NEXT: 11
