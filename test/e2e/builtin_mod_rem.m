% RUN: %run-both | FileCheck %s
% mod takes the divisor's sign, rem the dividend's; mod(x,0) is x and
% rem(x,0) is NaN.
disp(mat2str([mod(-1, 3) rem(-1, 3) mod(5, 0) rem(5, 0) mod(5.5, 2)]));
% CHECK: [2 -1 5 NaN 1.5]
disp(mat2str([mod(7, -3) rem(7, -3) mod(-7, -3) rem(-7, 3)]));
% CHECK-NEXT: [-2 1 -1 -1]
disp(mat2str(mod([1 2 3 4 5], 3)));
% CHECK-NEXT: [1 2 0 1 2]
fprintf('%g\n', mod(-0.5, 1));
% CHECK-NEXT: 0.5
a = -7;
b = 3;
fprintf('%g %g\n', mod(a, b), rem(a, b));
% CHECK-NEXT: 2 -1
c = 0;
fprintf('%g %g\n', mod(a, c), rem(a, c));
% CHECK-NEXT: -7 NaN
s = 0;
for i = 1:20
  if mod(i, 3) == 0 || rem(i, 5) == 0
    s = s + i;
  end
end
fprintf('%d\n', s);
% CHECK-NEXT: 98
disp(mat2str(mod([-3 3], [2; 4])));
% CHECK-NEXT: [1 1;1 3]
