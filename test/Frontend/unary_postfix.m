% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% Postfix transposes bind tighter than prefix operators and chain left to
% right; .^ and ' share a level.
b = -a';
f = ~a';
d = +a;
e = - -a;
g = a'';
h = a.';
k = a.'';
m = a.^b';
n = x(1)';
p = 3';
q = [1 2]';
% CHECK: (assign display=0 (id b) (unary - (postfix ' (id a))))
% CHECK-NEXT: (assign display=0 (id f) (unary ~ (postfix ' (id a))))
% CHECK-NEXT: (assign display=0 (id d) (unary + (id a)))
% CHECK-NEXT: (assign display=0 (id e) (unary - (unary - (id a))))
% CHECK-NEXT: (assign display=0 (id g) (postfix ' (postfix ' (id a))))
% CHECK-NEXT: (assign display=0 (id h) (postfix .' (id a)))
% CHECK-NEXT: (assign display=0 (id k) (postfix ' (postfix .' (id a))))
% CHECK-NEXT: (assign display=0 (id m) (postfix ' (binary .^ (id a) (id b))))
% CHECK-NEXT: (assign display=0 (id n) (postfix ' (index (id x) (number 1))))
% CHECK-NEXT: (assign display=0 (id p) (postfix ' (number 3)))
% CHECK-NEXT: (assign display=0 (id q) (postfix ' (matrix (row (number 1) (number 2)))))
