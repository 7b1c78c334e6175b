% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% Indexed assignment needs matching element counts.
x = zeros(1, 3);
x([1 2]) = [1 2 3];
% CHECK: Unable to perform assignment because the left and right sides have a different number of elements.
% CHECK: Error in assign_mismatch (line 4)
