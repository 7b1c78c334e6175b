% RUN: %run-both | FileCheck %s --strict-whitespace --match-full-lines
% Indexed assignment displays the whole variable; multiple outputs display
% each assigned output in order; ~ outputs are not displayed.
disp('begin');
% CHECK:begin
A = [1 2 3];
A(2) = 5
% CHECK-EMPTY:
% CHECK-NEXT:A =
% CHECK-EMPTY:
% CHECK-NEXT:     1     5     3
% CHECK-EMPTY:
[m, i] = max([4 9 2])
% CHECK-EMPTY:
% CHECK-NEXT:m =
% CHECK-EMPTY:
% CHECK-NEXT:     9
% CHECK-EMPTY:
% CHECK-EMPTY:
% CHECK-NEXT:i =
% CHECK-EMPTY:
% CHECK-NEXT:     2
% CHECK-EMPTY:
[~, c] = max([4 9 2])
% CHECK-EMPTY:
% CHECK-NEXT:c =
% CHECK-EMPTY:
% CHECK-NEXT:     2
% CHECK-EMPTY:
e = ''
% CHECK-EMPTY:
% CHECK-NEXT:e =
% CHECK-EMPTY:
% CHECK-NEXT:  0×0 empty char array
% CHECK-EMPTY:
f = true(0, 1)
% CHECK-EMPTY:
% CHECK-NEXT:f =
% CHECK-EMPTY:
% CHECK-NEXT:  0×1 empty logical array
% CHECK-EMPTY:
