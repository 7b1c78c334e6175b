% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% Inner dimensions of * must agree.
A = [1 2; 3 4];
B = A * [1 2 3];
% CHECK: Incorrect dimensions for matrix multiplication.
% CHECK: Error in matmul_dims (line 4)
