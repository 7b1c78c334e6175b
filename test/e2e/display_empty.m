% RUN: %run-both | FileCheck %s --strict-whitespace --match-full-lines
% Empty arrays: [] for 0x0 double, a header line for other empties; disp([])
% prints nothing.
disp('begin');
% CHECK:begin
e = []
% CHECK-EMPTY:
% CHECK-NEXT:e =
% CHECK-EMPTY:
% CHECK-NEXT:     []
% CHECK-EMPTY:
z = zeros(0, 3)
% CHECK-EMPTY:
% CHECK-NEXT:z =
% CHECK-EMPTY:
% CHECK-NEXT:  0×3 empty double matrix
% CHECK-EMPTY:
r = 1:0
% CHECK-EMPTY:
% CHECK-NEXT:r =
% CHECK-EMPTY:
% CHECK-NEXT:  1×0 empty double row vector
% CHECK-EMPTY:
c = zeros(3, 0)
% CHECK-EMPTY:
% CHECK-NEXT:c =
% CHECK-EMPTY:
% CHECK-NEXT:  3×0 empty double matrix
% CHECK-EMPTY:
disp([]);
disp('after disp of empty');
% CHECK-NEXT:after disp of empty
