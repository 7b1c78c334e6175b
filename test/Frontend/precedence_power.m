% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% Unary minus binds looser than ^; ^ is left-associative; a unary operator
% right after ^ belongs to the exponent.
a = -2^2;
b = 2^-1;
c = 2^3^2;
d = 2^-2^2;
e = -a.^2;
f = 2*-3;
% CHECK: (script
% CHECK-NEXT: (assign display=0 (id a) (unary - (binary ^ (number 2) (number 2))))
% CHECK-NEXT: (assign display=0 (id b) (binary ^ (number 2) (unary - (number 1))))
% CHECK-NEXT: (assign display=0 (id c) (binary ^ (binary ^ (number 2) (number 3)) (number 2)))
% CHECK-NEXT: (assign display=0 (id d) (binary ^ (binary ^ (number 2) (unary - (number 2))) (number 2)))
% CHECK-NEXT: (assign display=0 (id e) (unary - (binary .^ (id a) (number 2))))
% CHECK-NEXT: (assign display=0 (id f) (binary * (number 2) (unary - (number 3))))
