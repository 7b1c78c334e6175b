% RUN: %run-both | FileCheck %s
% Functions with several outputs; asking for fewer outputs than declared.
[s, p] = sumprod(3, 4);
fprintf('%d %d\n', s, p);
% CHECK: 7 12
s1 = sumprod(5, 6);
fprintf('%d\n', s1);
% CHECK-NEXT: 11
[q, r, t] = three();
fprintf('%d %d %d\n', q, r, t);
% CHECK-NEXT: 1 2 3
[m, i] = max([3 9 2]);
fprintf('%d %d\n', m, i);
% CHECK-NEXT: 9 2
[rows, cols] = size(zeros(4, 7));
fprintf('%d %d\n', rows, cols);
% CHECK-NEXT: 4 7
[a, b] = swap(1, 2);
[a, b] = swap(a, b);
fprintf('%d %d\n', a, b);
% CHECK-NEXT: 1 2
v = [sumprod(1, 1), sumprod(2, 2)];
fprintf('%d ', v); fprintf('\n');
% CHECK-NEXT: 2 4
fprintf('%d\n', sumprod(2, 3) * 2);
% CHECK-NEXT: 10
function [s, p] = sumprod(a, b)
  s = a + b;
  p = a * b;
end
function [x, y, z] = three()
  x = 1; y = 2; z = 3;
end
function [b, a] = swap(a, b)
end
