% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% Calling a function with more arguments than it declares.
r = one(1, 2);
function r = one(a)
  r = a;
end
% CHECK: Too many input arguments.
