% RUN: %run-both | FileCheck %s --strict-whitespace --match-full-lines
% Integer-valued double matrices: right-aligned columns, width 6 below 1000
% and 12 from 1000 on.
disp('begin');
% CHECK:begin
e = [1 2; 3 4]
% CHECK-EMPTY:
% CHECK-NEXT:e =
% CHECK-EMPTY:
% CHECK-NEXT:     1     2
% CHECK-NEXT:     3     4
% CHECK-EMPTY:
f = [1 -2 3]
% CHECK-EMPTY:
% CHECK-NEXT:f =
% CHECK-EMPTY:
% CHECK-NEXT:     1    -2     3
% CHECK-EMPTY:
c = [1; 2; 3]
% CHECK-EMPTY:
% CHECK-NEXT:c =
% CHECK-EMPTY:
% CHECK-NEXT:     1
% CHECK-NEXT:     2
% CHECK-NEXT:     3
% CHECK-EMPTY:
h = [1 100 1000]
% CHECK-EMPTY:
% CHECK-NEXT:h =
% CHECK-EMPTY:
% CHECK-NEXT:           1         100        1000
% CHECK-EMPTY:
z = zeros(1, 5)
% CHECK-EMPTY:
% CHECK-NEXT:z =
% CHECK-EMPTY:
% CHECK-NEXT:     0     0     0     0     0
% CHECK-EMPTY:
n = [-10 20; 300 -4]
% CHECK-EMPTY:
% CHECK-NEXT:n =
% CHECK-EMPTY:
% CHECK-NEXT:   -10    20
% CHECK-NEXT:   300    -4
% CHECK-EMPTY:
