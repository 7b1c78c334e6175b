% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% Unbounded recursion stops at MATLAB's RecursionLimit (500) with an error,
% not a crash of the native stack.
r = down(1);
function r = down(n)
  r = down(n + 1);
end
% CHECK: Maximum recursion limit of 500 reached.
% CHECK: Error in recursion_limit>down (line 6)
