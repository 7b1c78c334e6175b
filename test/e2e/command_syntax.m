% RUN: %run-both | FileCheck %s
% Command syntax: `name word` passes 'word' as a char argument.
format long
x = pi
% CHECK: 3.141592653589793
format short
x
% CHECK: 3.1416
disp hello
% CHECK: hello
disp  two_spaces
% CHECK-NEXT: two_spaces
format compact
y = 2
% CHECK: y =
% CHECK-NEXT: 2
format loose
% An option glued to its dash is a command argument too.
disp -1
% CHECK: -1
z = 3;
z -1
% CHECK: ans =
% CHECK: 2
