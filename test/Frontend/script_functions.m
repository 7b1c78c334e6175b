% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% A script with local functions at the end.
r = sq(3);
function y = sq(x)
  y = x^2;
end
% CHECK: (script
% CHECK-NEXT: (assign display=0 (id r) (index (id sq) (number 3)))
% CHECK-NEXT: (function sq (params x) (outputs y) end=1
% CHECK-NEXT: (assign display=0 (id y) (binary ^ (id x) (number 2)))))
