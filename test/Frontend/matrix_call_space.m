% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% [f (1)] is two elements; [f(1)] is an index; a transposed operand before a
% space ends its element.
h = [f (1)];
x = [f(1)];
y = [a' b'];
z = [a' , b'];
w = [a(1) (2)];
% CHECK: (assign display=0 (id h) (matrix (row (id f) (number 1))))
% CHECK-NEXT: (assign display=0 (id x) (matrix (row (index (id f) (number 1)))))
% CHECK-NEXT: (assign display=0 (id y) (matrix (row (postfix ' (id a)) (postfix ' (id b)))))
% CHECK-NEXT: (assign display=0 (id z) (matrix (row (postfix ' (id a)) (postfix ' (id b)))))
% CHECK-NEXT: (assign display=0 (id w) (matrix (row (index (id a) (number 1)) (number 2))))
