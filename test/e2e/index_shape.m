% RUN: %run-both | FileCheck %s
% The shape of A(idx): a vector keeps its orientation, a matrix takes the
% shape of idx.
r = [1 2 3];
fprintf('%d %d\n', size(r([1; 2])));
% CHECK: 1 2
c = (1:3)';
fprintf('%d %d\n', size(c([1 2])));
% CHECK-NEXT: 2 1
C = [1 2; 3 4];
fprintf('%d %d\n', size(C([1 2 3])));
% CHECK-NEXT: 1 3
fprintf('%d %d\n', size(C([1; 2; 3])));
% CHECK-NEXT: 3 1
fprintf('%d %d\n', size(C([1 2; 3 4])));
% CHECK-NEXT: 2 2
x = (1:10)';
fprintf('%d %d\n', size(x(1:6)));
% CHECK-NEXT: 6 1
s = 7;
fprintf('%d %d\n', size(s([1 1 1])));
% CHECK-NEXT: 1 3
fprintf('%d %d\n', size(s([1; 1])));
% CHECK-NEXT: 2 1
fprintf('%d %d\n', size(r(:)));
% CHECK-NEXT: 3 1
