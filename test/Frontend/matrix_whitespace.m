% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% Inside brackets, whitespace separates elements unless an operator has
% whitespace on both sides (or none).
e = [1 -2];
f = [1 - 2];
g = [1 -2 + 3];
k = [a -b];
l = [a - b];
m = [a -b'];
c = [a- b];
q = [1 +2];
r = [a - - b];
% CHECK: (assign display=0 (id e) (matrix (row (number 1) (unary - (number 2)))))
% CHECK-NEXT: (assign display=0 (id f) (matrix (row (binary - (number 1) (number 2)))))
% CHECK-NEXT: (assign display=0 (id g) (matrix (row (number 1) (binary + (unary - (number 2)) (number 3)))))
% CHECK-NEXT: (assign display=0 (id k) (matrix (row (id a) (unary - (id b)))))
% CHECK-NEXT: (assign display=0 (id l) (matrix (row (binary - (id a) (id b)))))
% CHECK-NEXT: (assign display=0 (id m) (matrix (row (id a) (unary - (postfix ' (id b))))))
% CHECK-NEXT: (assign display=0 (id c) (matrix (row (binary - (id a) (id b)))))
% CHECK-NEXT: (assign display=0 (id q) (matrix (row (number 1) (unary + (number 2)))))
% CHECK-NEXT: (assign display=0 (id r) (matrix (row (binary - (id a) (unary - (id b))))))
