% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% A lone : in a subscript is (colon); a:b and a:s:b are ranges.
a = A(:, 1);
b = A(:);
c = A(1:2, end);
d = x:y;
e = (a:b)';
% CHECK: (assign display=0 (id a) (index (id A) (colon) (number 1)))
% CHECK-NEXT: (assign display=0 (id b) (index (id A) (colon)))
% CHECK-NEXT: (assign display=0 (id c) (index (id A) (range (number 1) (number 2)) (end)))
% CHECK-NEXT: (assign display=0 (id d) (range (id x) (id y)))
% CHECK-NEXT: (assign display=0 (id e) (postfix ' (range (id a) (id b))))
