% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% for, parfor and while, with break and continue.
for i = 1:n, s = s + i; end
for c = [1 2; 3 4]
  disp(c);
end
parfor j = v
end
while k < 3
  k = k + 1;
  if k == 2, continue; end
  break
end
for (i = 1:3)
end
% CHECK: (for i (range (number 1) (id n))
% CHECK-NEXT: (assign display=0 (id s) (binary + (id s) (id i))))
% CHECK-NEXT: (for c (matrix (row (number 1) (number 2)) (row (number 3) (number 4)))
% CHECK-NEXT: (expr display=0 (index (id disp) (id c))))
% CHECK-NEXT: (parfor j (id v))
% CHECK-NEXT: (while (binary < (id k) (number 3))
% CHECK-NEXT: (assign display=0 (id k) (binary + (id k) (number 1)))
% CHECK-NEXT: (if
% CHECK-NEXT: (clause (binary == (id k) (number 2))
% CHECK-NEXT: (continue)))
% CHECK-NEXT: (break))
% CHECK-NEXT: (for i (range (number 1) (number 3))))
