% RUN: %run-both | FileCheck %s --strict-whitespace --match-full-lines
% Auto-display of double scalars: integers in a 6-wide field, others with
% 4 decimals in a 10-wide field, exponent form outside [0.001, 1000).
disp('begin');
% CHECK:begin
x = 5
% CHECK-EMPTY:
% CHECK-NEXT:x =
% CHECK-EMPTY:
% CHECK-NEXT:     5
% CHECK-EMPTY:
y = -3
% CHECK-EMPTY:
% CHECK-NEXT:y =
% CHECK-EMPTY:
% CHECK-NEXT:    -3
% CHECK-EMPTY:
z = 1.5
% CHECK-EMPTY:
% CHECK-NEXT:z =
% CHECK-EMPTY:
% CHECK-NEXT:    1.5000
% CHECK-EMPTY:
w = -0.25
% CHECK-EMPTY:
% CHECK-NEXT:w =
% CHECK-EMPTY:
% CHECK-NEXT:   -0.2500
% CHECK-EMPTY:
a = 123456
% CHECK-EMPTY:
% CHECK-NEXT:a =
% CHECK-EMPTY:
% CHECK-NEXT:      123456
% CHECK-EMPTY:
b = 0.001
% CHECK-EMPTY:
% CHECK-NEXT:b =
% CHECK-EMPTY:
% CHECK-NEXT:    0.0010
% CHECK-EMPTY:
c = 1e-4
% CHECK-EMPTY:
% CHECK-NEXT:c =
% CHECK-EMPTY:
% CHECK-NEXT:   1.0000e-04
% CHECK-EMPTY:
d = 1000.5
% CHECK-EMPTY:
% CHECK-NEXT:d =
% CHECK-EMPTY:
% CHECK-NEXT:   1.0005e+03
% CHECK-EMPTY:
s = 1e5
% CHECK-EMPTY:
% CHECK-NEXT:s =
% CHECK-EMPTY:
% CHECK-NEXT:      100000
% CHECK-EMPTY:
t = 100000.5
% CHECK-EMPTY:
% CHECK-NEXT:t =
% CHECK-EMPTY:
% CHECK-NEXT:   1.0000e+05
% CHECK-EMPTY:
