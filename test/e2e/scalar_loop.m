% RUN: %run-both | FileCheck %s
% A scalar loop, a nested loop filling a matrix, and a recursive function.
s = 0;
for i = 1:1000
  s = s + mod(i, 7) * 0.5;
end
fprintf('%.4f\n', s);
% CHECK: 1501.5000
A = zeros(3, 4);
for i = 1:3
  for j = 1:4
    A(i, j) = i * 10 + j;
  end
end
disp(A)
% CHECK-NEXT:     11    12    13    14
% CHECK-NEXT:     21    22    23    24
% CHECK-NEXT:     31    32    33    34
fprintf('%d\n', fib(15));
% CHECK: 610
function r = fib(n)
  if n < 2
    r = n;
  else
    r = fib(n - 1) + fib(n - 2);
  end
end
