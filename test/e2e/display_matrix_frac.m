% RUN: %run-both | FileCheck %s --strict-whitespace --match-full-lines
% Non-integer matrices: 4 decimals in 10-wide fields; exact zeros print as 0.
disp('begin');
% CHECK:begin
g = [1.5 -2.25]
% CHECK-EMPTY:
% CHECK-NEXT:g =
% CHECK-EMPTY:
% CHECK-NEXT:    1.5000   -2.2500
% CHECK-EMPTY:
m = [0.5 0; 0.25 -1]
% CHECK-EMPTY:
% CHECK-NEXT:m =
% CHECK-EMPTY:
% CHECK-NEXT:    0.5000         0
% CHECK-NEXT:    0.2500   -1.0000
% CHECK-EMPTY:
r = [1e-5 1]
% CHECK-EMPTY:
% CHECK-NEXT:r =
% CHECK-EMPTY:
% CHECK-NEXT:    0.0000    1.0000
% CHECK-EMPTY:
q = [1 2.5; 100 3]
% CHECK-EMPTY:
% CHECK-NEXT:q =
% CHECK-EMPTY:
% CHECK-NEXT:    1.0000    2.5000
% CHECK-NEXT:  100.0000    3.0000
% CHECK-EMPTY:
v = [0.1; 0.22; 0.333]
% CHECK-EMPTY:
% CHECK-NEXT:v =
% CHECK-EMPTY:
% CHECK-NEXT:    0.1000
% CHECK-NEXT:    0.2200
% CHECK-NEXT:    0.3330
% CHECK-EMPTY:
