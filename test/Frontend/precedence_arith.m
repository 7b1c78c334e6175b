% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% * / \ bind tighter than + -; all are left-associative.
a = 10 - 4 - 3;
b = 64 / 4 / 2;
c = x + y * z;
d = x * y + z;
e = x \ y * z;
f = x - y + z;
g = x ./ y .* z;
h = (x + y) * z;
% CHECK: (assign display=0 (id a) (binary - (binary - (number 10) (number 4)) (number 3)))
% CHECK-NEXT: (assign display=0 (id b) (binary / (binary / (number 64) (number 4)) (number 2)))
% CHECK-NEXT: (assign display=0 (id c) (binary + (id x) (binary * (id y) (id z))))
% CHECK-NEXT: (assign display=0 (id d) (binary + (binary * (id x) (id y)) (id z)))
% CHECK-NEXT: (assign display=0 (id e) (binary * (binary \ (id x) (id y)) (id z)))
% CHECK-NEXT: (assign display=0 (id f) (binary + (binary - (id x) (id y)) (id z)))
% CHECK-NEXT: (assign display=0 (id g) (binary .* (binary ./ (id x) (id y)) (id z)))
% CHECK-NEXT: (assign display=0 (id h) (binary * (binary + (id x) (id y)) (id z)))
