% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s --strict-whitespace
% RUN: %expect-exit 1 %runmatc %s -o %t.exe 2>&1 | FileCheck %s --strict-whitespace
% Two binary operators in a row.
y = 1;
x = 3 +* 4;
% CHECK: {{.*}}syntax_operator.m:5:8: error: Invalid use of operator.
% CHECK-NEXT: {{^}}x = 3 +* 4;{{$}}
% CHECK-NEXT: {{^}}       ^{{$}}
