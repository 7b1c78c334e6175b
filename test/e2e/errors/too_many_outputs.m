% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% Asking for more outputs than a function declares.
[a, b] = one(1);
function r = one(a)
  r = a;
end
% CHECK: Too many output arguments.
