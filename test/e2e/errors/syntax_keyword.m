% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s --strict-whitespace
% RUN: %expect-exit 1 %runmatc %s -o %t.exe 2>&1 | FileCheck %s --strict-whitespace
% A keyword used as a variable name.
for = 3;
% CHECK: {{.*}}syntax_keyword.m:4:{{[0-9]+}}: error: {{.+}}
% CHECK-NEXT: {{^}}for = 3;{{$}}
