% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% switch with numeric, char and cell cases and otherwise.
switch x
  case 1
    y = 1;
  case {2, 3}
    y = 2;
  case 'abc'
  otherwise
    y = 0;
end
switch f(x), case 1, y = 5; end
% CHECK: (switch (id x)
% CHECK-NEXT: (case (number 1)
% CHECK-NEXT: (assign display=0 (id y) (number 1)))
% CHECK-NEXT: (case (cell (row (number 2) (number 3)))
% CHECK-NEXT: (assign display=0 (id y) (number 2)))
% CHECK-NEXT: (case (string 'abc'))
% CHECK-NEXT: (otherwise
% CHECK-NEXT: (assign display=0 (id y) (number 0))))
% CHECK-NEXT: (switch (index (id f) (id x))
% CHECK-NEXT: (case (number 1)
% CHECK-NEXT: (assign display=0 (id y) (number 5))))
