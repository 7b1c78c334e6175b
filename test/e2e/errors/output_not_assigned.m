% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% A function that never assigns its output, called for a value.
x = noout(1);
function r = noout(a)
  b = a;
end
% CHECK: Output argument "r" (and possibly others) not assigned a value in the execution with
