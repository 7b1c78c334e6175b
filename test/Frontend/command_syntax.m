% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% `name word ...` at the start of a statement is command syntax when name is
% not a variable: each word becomes a char argument. `x - 1` (spaces on both
% sides of the operator) is an expression.
hold on
format long
disp hello world
x = 1;
x - 1
clear x;
% CHECK: (command display=1 hold 'on')
% CHECK-NEXT: (command display=1 format 'long')
% CHECK-NEXT: (command display=1 disp 'hello' 'world')
% CHECK-NEXT: (assign display=0 (id x) (number 1))
% CHECK-NEXT: (expr display=1 (binary - (id x) (number 1)))
% CHECK-NEXT: (command display=0 clear 'x')
disp 'hello world'
format
disp hello, disp world
warning off all;
% CHECK-NEXT: (command display=1 disp 'hello world')
% CHECK-NEXT: (expr display=1 (id format))
% CHECK-NEXT: (command display=1 disp 'hello')
% CHECK-NEXT: (command display=1 disp 'world')
% CHECK-NEXT: (command display=0 warning 'off' 'all')
