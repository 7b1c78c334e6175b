% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% end inside subscripts, including nested indexing and calls.
b = v(end, end-1);
c = v(w(end));
d = f(end);
x(end+1) = 1;
x(end-1, :) = [];
y = v(min(end, 10));
% CHECK: (assign display=0 (id b) (index (id v) (end) (binary - (end) (number 1))))
% CHECK-NEXT: (assign display=0 (id c) (index (id v) (index (id w) (end))))
% CHECK-NEXT: (assign display=0 (id d) (index (id f) (end)))
% CHECK-NEXT: (assign display=0 (index (id x) (binary + (end) (number 1))) (number 1))
% CHECK-NEXT: (assign display=0 (index (id x) (binary - (end) (number 1)) (colon)) (matrix))
% CHECK-NEXT: (assign display=0 (id y) (index (id v) (index (id min) (end) (number 10))))
