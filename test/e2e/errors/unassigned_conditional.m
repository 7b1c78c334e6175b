% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% A variable assigned only on a path that did not run is undefined when read.
if 1 > 2
  v = 5;
end
disp('between');
w = v + 1;
% CHECK: between
% CHECK: Unrecognized function or variable 'v'.
% CHECK: Error in unassigned_conditional (line 7)
