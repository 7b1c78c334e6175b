% RUN: %run-both | FileCheck %s
% Elementwise math: abs sqrt exp log sin cos tan and friends.
disp(mat2str(abs([-1 2 -3.5])));
% CHECK: [1 2 3.5]
disp(mat2str(sqrt([4 9 2]), 5));
% CHECK-NEXT: [2 3 1.4142]
disp(mat2str(exp([0 1]), 6));
% CHECK-NEXT: [1 2.71828]
disp(mat2str(log([1 exp(2)])));
% CHECK-NEXT: [0 2]
disp(mat2str(sin([0 pi/2])));
% CHECK-NEXT: [0 1]
disp(mat2str(cos([0 pi])));
% CHECK-NEXT: [1 -1]
fprintf('%g\n', log(0));
% CHECK-NEXT: -Inf
fprintf('%.4f\n', tan(pi/4));
% CHECK-NEXT: 1.0000
fprintf('%g %g %g\n', sign(-2), sign(0), sign(3));
% CHECK-NEXT: -1 0 1
fprintf('%g\n', hypot(3, 4));
% CHECK-NEXT: 5
fprintf('%.4f\n', atan2(1, 1));
% CHECK-NEXT: 0.7854
fprintf('%g %g\n', log2(8), log10(1000));
% CHECK-NEXT: 3 3
x = 2;
fprintf('%.6f %.6f\n', sqrt(x), exp(x));
% CHECK-NEXT: 1.414214 7.389056
fprintf('%.6f\n', sin(x)^2 + cos(x)^2);
% CHECK-NEXT: 1.000000
fprintf('%g\n', abs(-0));
% CHECK-NEXT: 0
fprintf('%.4f %.4f\n', asin(1), acos(0));
% CHECK-NEXT: 1.5708 1.5708
