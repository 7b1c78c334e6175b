% RUN: %run-both | FileCheck %s --strict-whitespace --match-full-lines
% NaN, Inf and -Inf in scalars and arrays.
disp('begin');
% CHECK:begin
n = NaN
% CHECK-EMPTY:
% CHECK-NEXT:n =
% CHECK-EMPTY:
% CHECK-NEXT:   NaN
% CHECK-EMPTY:
p = Inf
% CHECK-EMPTY:
% CHECK-NEXT:p =
% CHECK-EMPTY:
% CHECK-NEXT:   Inf
% CHECK-EMPTY:
q = -Inf
% CHECK-EMPTY:
% CHECK-NEXT:q =
% CHECK-EMPTY:
% CHECK-NEXT:  -Inf
% CHECK-EMPTY:
k = [0.5 0 NaN Inf]
% CHECK-EMPTY:
% CHECK-NEXT:k =
% CHECK-EMPTY:
% CHECK-NEXT:    0.5000         0       NaN       Inf
% CHECK-EMPTY:
m = [1 NaN -Inf]
% CHECK-EMPTY:
% CHECK-NEXT:m =
% CHECK-EMPTY:
% CHECK-NEXT:     1   NaN  -Inf
% CHECK-EMPTY:
