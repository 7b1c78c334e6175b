% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% Rows end at ; or a newline; empty rows and trailing separators vanish.
a = [1, 2; 3 4];
b = [1 2
     3 4];
c = [];
d = [;];
e = [1;];
f = [1, 2,];
g = {};
h = {1, 'x'; 2, 'y'};
% CHECK: (assign display=0 (id a) (matrix (row (number 1) (number 2)) (row (number 3) (number 4))))
% CHECK-NEXT: (assign display=0 (id b) (matrix (row (number 1) (number 2)) (row (number 3) (number 4))))
% CHECK-NEXT: (assign display=0 (id c) (matrix))
% CHECK-NEXT: (assign display=0 (id d) (matrix))
% CHECK-NEXT: (assign display=0 (id e) (matrix (row (number 1))))
% CHECK-NEXT: (assign display=0 (id f) (matrix (row (number 1) (number 2))))
% CHECK-NEXT: (assign display=0 (id g) (cell))
% CHECK-NEXT: (assign display=0 (id h) (cell (row (number 1) (string 'x')) (row (number 2) (string 'y'))))
