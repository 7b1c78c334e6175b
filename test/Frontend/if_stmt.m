% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% if/elseif/else, on one line with commas and over several lines.
if a, b = 1; elseif c, b = 2; else, b = 3; end
if x > 0
  y = 1;
end
if p
elseif q
  r = 2
end
% CHECK: (script
% CHECK-NEXT: (if
% CHECK-NEXT: (clause (id a)
% CHECK-NEXT: (assign display=0 (id b) (number 1)))
% CHECK-NEXT: (clause (id c)
% CHECK-NEXT: (assign display=0 (id b) (number 2)))
% CHECK-NEXT: (else
% CHECK-NEXT: (assign display=0 (id b) (number 3))))
% CHECK-NEXT: (if
% CHECK-NEXT: (clause (binary > (id x) (number 0))
% CHECK-NEXT: (assign display=0 (id y) (number 1))))
% CHECK-NEXT: (if
% CHECK-NEXT: (clause (id p))
% CHECK-NEXT: (clause (id q)
% CHECK-NEXT: (assign display=1 (id r) (number 2)))))
