% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s --strict-whitespace
% RUN: %expect-exit 1 %runmatc %s -o %t.exe 2>&1 | FileCheck %s --strict-whitespace
% A character that is not part of the language.
x = 5 $ 2;
% CHECK: {{.*}}syntax_bad_char.m:4:7: error: Invalid text character.{{.*}}
% CHECK-NEXT: {{^}}x = 5 $ 2;{{$}}
% CHECK-NEXT: {{^}}      ^{{$}}
