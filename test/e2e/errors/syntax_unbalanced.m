% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s --strict-whitespace
% RUN: %expect-exit 1 %runmatc %s -o %t.exe 2>&1 | FileCheck %s --strict-whitespace
% A syntax error is reported before anything runs, with FILE:LINE:COL, the
% line and a caret under the column.
disp('must not run');
x = (1 + 2;
% CHECK-NOT: must not run
% CHECK: {{.*}}syntax_unbalanced.m:6:11: error: {{.+}}
% CHECK-NEXT: {{^}}x = (1 + 2;{{$}}
% CHECK-NEXT: {{^}}          ^{{$}}
