% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% A subscript past the bounds of its dimension names its position.
A = zeros(2, 3);
x = A(1, 3);
y = A(3, 1);
% CHECK: Index in position 1 exceeds array bounds. Index must not exceed 2.
% CHECK: Error in index_position (line 5)
