% RUN: %run-both | FileCheck %s
% round ties away from zero; fix rounds toward zero; floor and ceil.
disp(mat2str([round(2.5) round(-2.5) round(0.5) fix(-2.7)]));
% CHECK: [3 -3 1 -2]
disp(mat2str([floor(-2.5) ceil(-2.5) round(-2.5) fix(-2.5)]));
% CHECK-NEXT: [-3 -2 -3 -2]
disp(mat2str(floor([1.7 -1.2])));
% CHECK-NEXT: [1 -2]
disp(mat2str(ceil([1.2 -1.7])));
% CHECK-NEXT: [2 -1]
disp(mat2str(round([1.4999 2.5 -0.5])));
% CHECK-NEXT: [1 3 -1]
x = 3.5;
fprintf('%g %g %g %g\n', floor(x), ceil(x), round(x), fix(x));
% CHECK-NEXT: 3 4 4 3
y = -3.5;
fprintf('%g %g %g %g\n', floor(y), ceil(y), round(y), fix(y));
% CHECK-NEXT: -4 -3 -4 -3
fprintf('%g %g\n', round(Inf), floor(NaN));
% CHECK-NEXT: Inf NaN
s = 0;
for k = 1:10
  s = s + round(k / 4);
end
fprintf('%g\n', s);
% CHECK-NEXT: 15
