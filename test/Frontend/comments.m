% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% Line comments, comments inside brackets, and % inside a char literal.
x = 1; % trailing comment
t = 'a % not a comment';
z = [1, 2 % comment ends the row
     3, 4];
% a whole-line comment: y = 2;
w = 5;
% CHECK: (script
% CHECK-NEXT: (assign display=0 (id x) (number 1))
% CHECK-NEXT: (assign display=0 (id t) (string 'a % not a comment'))
% CHECK-NEXT: (assign display=0 (id z) (matrix (row (number 1) (number 2)) (row (number 3) (number 4))))
% CHECK-NEXT: (assign display=0 (id w) (number 5))
% CHECK-NOT: (id y)
