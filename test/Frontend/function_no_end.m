% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% Functions without `end`: each `function` line starts the next function.
function f(x)
  disp(x)
function y = g()
  y = 2;
% CHECK: (function-file
% CHECK-NEXT: (function f (params x) (outputs) end=0
% CHECK-NEXT: (expr display=1 (index (id disp) (id x))))
% CHECK-NEXT: (function g (params) (outputs y) end=0
% CHECK-NEXT: (assign display=0 (id y) (number 2))))
