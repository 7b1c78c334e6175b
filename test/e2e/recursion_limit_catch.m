% RUN: %run-both | FileCheck %s
% The recursion-limit error is catchable; recursion below the limit works.
try
  down(1);
catch e
  disp(e.identifier)
end
% CHECK: MATLAB:recursionLimit
disp(depth(400))
% CHECK-NEXT: 400
function r = down(n)
  r = down(n + 1);
end
function r = depth(n)
  if n == 0
    r = 0;
  else
    r = 1 + depth(n - 1);
  end
end
