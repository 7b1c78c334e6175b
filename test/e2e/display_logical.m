% RUN: %run-both | FileCheck %s --strict-whitespace --match-full-lines
% Logical scalars and arrays: a class header, then 3 spaces per element.
disp('begin');
% CHECK:begin
t = true
% CHECK-EMPTY:
% CHECK-NEXT:t =
% CHECK-EMPTY:
% CHECK-NEXT:  logical
% CHECK-EMPTY:
% CHECK-NEXT:   1
% CHECK-EMPTY:
f = 3 < 2
% CHECK-EMPTY:
% CHECK-NEXT:f =
% CHECK-EMPTY:
% CHECK-NEXT:  logical
% CHECK-EMPTY:
% CHECK-NEXT:   0
% CHECK-EMPTY:
v = [1 2 3] > 1
% CHECK-EMPTY:
% CHECK-NEXT:v =
% CHECK-EMPTY:
% CHECK-NEXT:  1×3 logical array
% CHECK-EMPTY:
% CHECK-NEXT:   0   1   1
% CHECK-EMPTY:
M = true(2, 3)
% CHECK-EMPTY:
% CHECK-NEXT:M =
% CHECK-EMPTY:
% CHECK-NEXT:  2×3 logical array
% CHECK-EMPTY:
% CHECK-NEXT:   1   1   1
% CHECK-NEXT:   1   1   1
% CHECK-EMPTY:
c = [true; false]
% CHECK-EMPTY:
% CHECK-NEXT:c =
% CHECK-EMPTY:
% CHECK-NEXT:  2×1 logical array
% CHECK-EMPTY:
% CHECK-NEXT:   1
% CHECK-NEXT:   0
% CHECK-EMPTY:
