% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% A matrix cannot grow through a linear index.
A = eye(2);
A(5) = 1;
% CHECK: Attempt to grow array along ambiguous dimension.
% CHECK: Error in grow_ambiguous (line 4)
