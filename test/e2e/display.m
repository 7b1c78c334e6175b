% RUN: %run-both | FileCheck %s --strict-whitespace --match-full-lines
x = 5
% CHECK:x =
% CHECK-EMPTY:
% CHECK-NEXT:     5
y = pi
% CHECK:y =
% CHECK-EMPTY:
% CHECK-NEXT:    3.1416
format long
y
% CHECK:y =
% CHECK-EMPTY:
% CHECK-NEXT:   3.141592653589793
format short
t = 3 > 2
% CHECK:t =
% CHECK-EMPTY:
% CHECK-NEXT:  logical
% CHECK-EMPTY:
% CHECK-NEXT:   1
e = []
% CHECK:e =
% CHECK-EMPTY:
% CHECK-NEXT:     []
s = 'hello'
% CHECK:s =
% CHECK-EMPTY:
% CHECK-NEXT:    'hello'
