% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% Relational operators are left-associative and bind tighter than & and |.
a = x < y == z;
b = 3 > 2 > 1;
c = x + 1 >= y * 2;
d = x ~= y & y <= z;
% CHECK: (assign display=0 (id a) (binary == (binary < (id x) (id y)) (id z)))
% CHECK-NEXT: (assign display=0 (id b) (binary > (binary > (number 3) (number 2)) (number 1)))
% CHECK-NEXT: (assign display=0 (id c) (binary >= (binary + (id x) (number 1)) (binary * (id y) (number 2))))
% CHECK-NEXT: (assign display=0 (id d) (binary & (binary ~= (id x) (id y)) (binary <= (id y) (id z))))
