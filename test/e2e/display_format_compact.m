% RUN: %run-both | FileCheck %s --strict-whitespace --match-full-lines
% format compact drops the blank lines; format loose and plain format
% restore them.
disp('begin');
% CHECK:begin
format compact
x = 5
% CHECK-NEXT:x =
% CHECK-NEXT:     5
y = [1 2; 3 4]
% CHECK-NEXT:y =
% CHECK-NEXT:     1     2
% CHECK-NEXT:     3     4
t = true
% CHECK-NEXT:t =
% CHECK-NEXT:  logical
% CHECK-NEXT:   1
s = 'hi'
% CHECK-NEXT:s =
% CHECK-NEXT:    'hi'
e = []
% CHECK-NEXT:e =
% CHECK-NEXT:     []
format loose
w = 7
% CHECK-EMPTY:
% CHECK-NEXT:w =
% CHECK-EMPTY:
% CHECK-NEXT:     7
% CHECK-EMPTY:
format compact
u = 8
% CHECK-NEXT:u =
% CHECK-NEXT:     8
format
v = 9
% CHECK-EMPTY:
% CHECK-NEXT:v =
% CHECK-EMPTY:
% CHECK-NEXT:     9
% CHECK-EMPTY:
