% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s --strict-whitespace
% RUN: %expect-exit 1 %runmatc %s -o %t.exe 2>&1 | FileCheck %s --strict-whitespace
% A char literal without its closing quote.
y = 'unterminated;
% CHECK: {{.*}}syntax_unterminated_string.m:4:5: error: Unterminated character vector.
% CHECK-NEXT: {{^}}y = 'unterminated;{{$}}
% CHECK-NEXT: {{^}}    ^{{$}}
