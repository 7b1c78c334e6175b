% RUN: %run-both | FileCheck %s --strict-whitespace --match-full-lines
% format long: 15 decimals; format short restores 4.
disp('begin');
% CHECK:begin
format long
a = pi
% CHECK-EMPTY:
% CHECK-NEXT:a =
% CHECK-EMPTY:
% CHECK-NEXT:   3.141592653589793
% CHECK-EMPTY:
b = [pi; exp(1)]
% CHECK-EMPTY:
% CHECK-NEXT:b =
% CHECK-EMPTY:
% CHECK-NEXT:   3.141592653589793
% CHECK-NEXT:   2.718281828459045
% CHECK-EMPTY:
c = 5
% CHECK-EMPTY:
% CHECK-NEXT:c =
% CHECK-EMPTY:
% CHECK-NEXT:     5
% CHECK-EMPTY:
d = [1 2 3]
% CHECK-EMPTY:
% CHECK-NEXT:d =
% CHECK-EMPTY:
% CHECK-NEXT:     1     2     3
% CHECK-EMPTY:
f = 1/3
% CHECK-EMPTY:
% CHECK-NEXT:f =
% CHECK-EMPTY:
% CHECK-NEXT:   0.333333333333333
% CHECK-EMPTY:
format short
g = pi
% CHECK-EMPTY:
% CHECK-NEXT:g =
% CHECK-EMPTY:
% CHECK-NEXT:    3.1416
% CHECK-EMPTY:
