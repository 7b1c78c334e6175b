% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% Reading a parameter the caller did not pass: MATLAB:minrhs.
y = twice();
function y = twice(x)
  y = 2 * x;
end
% CHECK: Not enough input arguments.
% CHECK: Error in not_enough_inputs>twice (line 5)
