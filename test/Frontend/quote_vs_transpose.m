% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% A quote after a value (identifier, ), ], number, another quote) is a
% transpose; elsewhere it starts a char literal.
x = [a' 'str'];
s = 'a''b';
n = [a ' b'];
o = {a' 'b'};
r = ['x' 'y'];
t = a';
u = (a)';
v = [a';b'];
w = '';
% CHECK: (assign display=0 (id x) (matrix (row (postfix ' (id a)) (string 'str'))))
% CHECK-NEXT: (assign display=0 (id s) (string 'a''b'))
% CHECK-NEXT: (assign display=0 (id n) (matrix (row (id a) (string ' b'))))
% CHECK-NEXT: (assign display=0 (id o) (cell (row (postfix ' (id a)) (string 'b'))))
% CHECK-NEXT: (assign display=0 (id r) (matrix (row (string 'x') (string 'y'))))
% CHECK-NEXT: (assign display=0 (id t) (postfix ' (id a)))
% CHECK-NEXT: (assign display=0 (id u) (postfix ' (id a)))
% CHECK-NEXT: (assign display=0 (id v) (matrix (row (postfix ' (id a))) (row (postfix ' (id b)))))
% CHECK-NEXT: (assign display=0 (id w) (string ''))
