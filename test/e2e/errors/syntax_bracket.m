% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s --strict-whitespace
% RUN: %expect-exit 1 %runmatc %s -o %t.exe 2>&1 | FileCheck %s --strict-whitespace
% A closing parenthesis without its opening one.
x = 1 ) + 2;
% CHECK: {{.*}}syntax_bracket.m:4:7: error: Unbalanced or unexpected parenthesis or bracket.
% CHECK-NEXT: {{^}}x = 1 ) + 2;{{$}}
% CHECK-NEXT: {{^}}      ^{{$}}
