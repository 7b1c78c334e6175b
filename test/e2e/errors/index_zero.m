% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% Index 0 is not a valid subscript.
q = [1 2 3];
k = 0;
x = q(k);
% CHECK: Array indices must be positive integers or logical values.
% CHECK: Error in index_zero (line 5)
