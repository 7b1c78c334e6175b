% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% Field access, dynamic fields, brace indexing and chains of them.
s.f = 3;
t = s.(name);
u = c{2};
v = c{1}(2);
w = s.a.b;
x = s(2).f;
% CHECK: (assign display=0 (field (id s) f) (number 3))
% CHECK-NEXT: (assign display=0 (id t) (dynfield (id s) (id name)))
% CHECK-NEXT: (assign display=0 (id u) (cellindex (id c) (number 2)))
% CHECK-NEXT: (assign display=0 (id v) (index (cellindex (id c) (number 1)) (number 2)))
% CHECK-NEXT: (assign display=0 (id w) (field (field (id s) a) b))
% CHECK-NEXT: (assign display=0 (id x) (field (index (id s) (number 2)) f))
