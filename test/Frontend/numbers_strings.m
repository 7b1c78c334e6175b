% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% Number literals keep their spelling; char and string literals their
% doubled quotes.
a = 1e3 + .5 + 1.5e-2 + 3. + 1E+2;
t = 1i + 2j + 3.5i;
h = 0x1F;
s = 'it''s';
r = "dq""s";
e = '';
% CHECK: (assign display=0 (id a) (binary + (binary + (binary + (binary + (number 1e3) (number .5)) (number 1.5e-2)) (number 3.)) (number 1E+2)))
% CHECK-NEXT: (assign display=0 (id t) (binary + (binary + (number 1i) (number 2j)) (number 3.5i)))
% CHECK-NEXT: (assign display=0 (id h) (number 0x1F))
% CHECK-NEXT: (assign display=0 (id s) (string 'it''s'))
% CHECK-NEXT: (assign display=0 (id r) (string "dq""s"))
% CHECK-NEXT: (assign display=0 (id e) (string ''))
