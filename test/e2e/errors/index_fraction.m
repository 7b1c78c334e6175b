% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% A non-integer subscript is an error.
q = [1 2 3];
x = q(1.5);
% CHECK: Array indices must be positive integers or logical values.
% CHECK: Error in index_fraction (line 4)
