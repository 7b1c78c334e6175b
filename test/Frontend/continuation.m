% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% ... continues a statement on the next line; the rest of the line after it
% is a comment.
y = 1 + ... continuation comment
    2;
v = [1, 2, ...
     3];
r = f(a, ...
      b);
s = 'abc...';
% CHECK: (assign display=0 (id y) (binary + (number 1) (number 2)))
% CHECK-NEXT: (assign display=0 (id v) (matrix (row (number 1) (number 2) (number 3))))
% CHECK-NEXT: (assign display=0 (id r) (index (id f) (id a) (id b)))
% CHECK-NEXT: (assign display=0 (id s) (string 'abc...'))
