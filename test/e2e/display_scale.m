% RUN: %run-both | FileCheck %s --strict-whitespace --match-full-lines
% A common scale factor when the largest element is 1000 or more.
disp('begin');
% CHECK:begin
k = [1 1000.5]
% CHECK-EMPTY:
% CHECK-NEXT:k =
% CHECK-EMPTY:
% CHECK-NEXT:   1.0e+03 *
% CHECK-EMPTY:
% CHECK-NEXT:    0.0010    1.0005
% CHECK-EMPTY:
b = [1e9 2e10] + 0.5
% CHECK-EMPTY:
% CHECK-NEXT:b =
% CHECK-EMPTY:
% CHECK-NEXT:   1.0e+10 *
% CHECK-EMPTY:
% CHECK-NEXT:    0.1000    2.0000
% CHECK-EMPTY:
