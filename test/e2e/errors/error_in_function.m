% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% An error raised in a local function reports that function and its line.
outer(3);
function outer(x)
  inner(x);
end
function inner(y)
  error('deep:err', 'failed at %d', y);
end
% CHECK: failed at 3
% CHECK: Error in error_in_function>inner (line 8)
% CHECK-NEXT: Error in error_in_function>outer (line 5)
% CHECK-NEXT: Error in error_in_function (line 3)
