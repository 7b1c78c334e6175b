% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% fprintf with a numeric first argument treats it as a file identifier.
fprintf([65 66 10]);
% CHECK: Error using fprintf
% CHECK-NEXT: Invalid file identifier. Use fopen to generate a valid file identifier.
