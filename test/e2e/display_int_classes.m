% RUN: %run-both | FileCheck %s --strict-whitespace --match-full-lines
% Integer classes and single carry a class header; integer elements are
% right-aligned in the width of the longest, after 3 spaces.
disp('begin');
% CHECK:begin
x = int8([1 -2 3])
% CHECK-EMPTY:
% CHECK-NEXT:x =
% CHECK-EMPTY:
% CHECK-NEXT:  1×3 int8 row vector
% CHECK-EMPTY:
% CHECK-NEXT:    1   -2    3
% CHECK-EMPTY:
y = uint8(200)
% CHECK-EMPTY:
% CHECK-NEXT:y =
% CHECK-EMPTY:
% CHECK-NEXT:  uint8
% CHECK-EMPTY:
% CHECK-NEXT:   200
% CHECK-EMPTY:
z = int16([100; -5])
% CHECK-EMPTY:
% CHECK-NEXT:z =
% CHECK-EMPTY:
% CHECK-NEXT:  2×1 int16 column vector
% CHECK-EMPTY:
% CHECK-NEXT:   100
% CHECK-NEXT:    -5
% CHECK-EMPTY:
s = single(2.5)
% CHECK-EMPTY:
% CHECK-NEXT:s =
% CHECK-EMPTY:
% CHECK-NEXT:  single
% CHECK-EMPTY:
% CHECK-NEXT:    2.5000
% CHECK-EMPTY:
