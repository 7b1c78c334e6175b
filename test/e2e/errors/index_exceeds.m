% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% RUN: %runmatc %s -o %t.exe && %not %t.exe 2>&1 | FileCheck %s
% Reading past the end is an error (no growth on read).
q = [1 2 3];
disp('before');
x = q(5);
disp('not reached');
% CHECK: before
% CHECK-NOT: not reached
% CHECK: Index exceeds the number of array elements. Index must not exceed 3.
% CHECK: Error in index_exceeds (line 6)
% CHECK-NOT: not reached
