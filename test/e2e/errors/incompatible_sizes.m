% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% Elementwise operands must have compatible sizes.
a = [1 2] + [1 2 3];
% CHECK: Arrays have incompatible sizes for this operation.
% CHECK: Error in incompatible_sizes (line 3)
