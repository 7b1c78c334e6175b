% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% The colon operator binds looser than arithmetic and tighter than
% comparisons.
a = 1:3 + 1;
b = 1:2:10;
c = x < 1:3;
d = (1:3)';
e = -1:1;
f = a:b == c;
% CHECK: (assign display=0 (id a) (range (number 1) (binary + (number 3) (number 1))))
% CHECK-NEXT: (assign display=0 (id b) (range (number 1) (number 2) (number 10)))
% CHECK-NEXT: (assign display=0 (id c) (binary < (id x) (range (number 1) (number 3))))
% CHECK-NEXT: (assign display=0 (id d) (postfix ' (range (number 1) (number 3))))
% CHECK-NEXT: (assign display=0 (id e) (range (unary - (number 1)) (number 1)))
% CHECK-NEXT: (assign display=0 (id f) (binary == (range (id a) (id b)) (id c)))
