% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% A statement ended by ; is silent; by a comma, a newline or end of file it
% displays.
x = 1, y = 2; z = 3
f(1);
f(2)
% CHECK: (assign display=1 (id x) (number 1))
% CHECK-NEXT: (assign display=0 (id y) (number 2))
% CHECK-NEXT: (assign display=1 (id z) (number 3))
% CHECK-NEXT: (expr display=0 (index (id f) (number 1)))
% CHECK-NEXT: (expr display=1 (index (id f) (number 2)))
