% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% A file that starts with `function` is a function file; outputs, inputs,
% ~ inputs, and functions without outputs or parentheses.
function [a, b] = f(x, y)
  a = x;
  b = y;
end
function g
  disp(1)
end
function r = h(~, z)
  r = z;
end
% CHECK: (function-file
% CHECK-NEXT: (function f (params x y) (outputs a b) end=1
% CHECK-NEXT: (assign display=0 (id a) (id x))
% CHECK-NEXT: (assign display=0 (id b) (id y)))
% CHECK-NEXT: (function g (params) (outputs) end=1
% CHECK-NEXT: (expr display=1 (index (id disp) (number 1))))
% CHECK-NEXT: (function h (params ~ z) (outputs r) end=1
% CHECK-NEXT: (assign display=0 (id r) (id z))))
