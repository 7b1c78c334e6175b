% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% ~ binds tighter than ==; & tighter than |; && tighter than ||.
y = ~a == b;
z = a & b | c;
w = a | b & c;
v = a && b || c;
u = a || b && c;
t = ~~a;
s = a | b && c;
% CHECK: (assign display=0 (id y) (binary == (unary ~ (id a)) (id b)))
% CHECK-NEXT: (assign display=0 (id z) (binary | (binary & (id a) (id b)) (id c)))
% CHECK-NEXT: (assign display=0 (id w) (binary | (id a) (binary & (id b) (id c))))
% CHECK-NEXT: (assign display=0 (id v) (binary || (binary && (id a) (id b)) (id c)))
% CHECK-NEXT: (assign display=0 (id u) (binary || (id a) (binary && (id b) (id c))))
% CHECK-NEXT: (assign display=0 (id t) (unary ~ (unary ~ (id a))))
% CHECK-NEXT: (assign display=0 (id s) (binary && (binary | (id a) (id b)) (id c)))
