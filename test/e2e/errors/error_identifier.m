% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% RUN: %runmatc %s -o %t.exe && %not %t.exe 2>&1 | FileCheck %s
% error(ID, FMT, ARGS...) formats the message; the identifier is not shown.
disp('before');
error('my:id', 'msg %d of %s', 3, 'abc');
disp('after');
% CHECK: before
% CHECK-NOT: my:id
% CHECK: msg 3 of abc
% CHECK-NOT: after
% CHECK: Error in error_identifier (line 5)
