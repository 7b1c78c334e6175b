% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s --strict-whitespace
% RUN: %expect-exit 1 %runmatc %s -o %t.exe 2>&1 | FileCheck %s --strict-whitespace
% An if without its end.
if true
  disp(1)
% CHECK: {{.*}}syntax_missing_end.m:{{[0-9]+}}:{{[0-9]+}}: error: {{.*}}'end'{{.*}}
% CHECK-NOT: {{^}}     1
