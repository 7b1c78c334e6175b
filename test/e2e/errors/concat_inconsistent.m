% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% Rows of a matrix literal must have the same number of columns.
x = [1 2; 3];
% CHECK: Dimensions of arrays being concatenated are not consistent.
% CHECK: Error in concat_inconsistent (line 3)
