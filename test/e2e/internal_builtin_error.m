% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% An error inside a fused form of an operator (here the matrix-product
% epilogue, runtime builtin __matmul_epilogue) reads as the operator's own
% error: no "Error using __...".
% CHECK-NOT: __matmul_epilogue
% CHECK: Error: Incorrect dimensions for matrix multiplication.
% CHECK: Error in internal_builtin_error (line 9)
A = ones(3, 4); C = ones(3, 3);
D = A * A + C;
