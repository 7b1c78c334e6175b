% RUN: %run-both | FileCheck %s
% Doubles are IEEE binary64: no decimal rounding.
fprintf('%d\n', 0.1 + 0.2 == 0.3);
% CHECK: 0
fprintf('%s\n', sprintf('%.17g', 0.1 + 0.2));
% CHECK-NEXT: 0.30000000000000004
fprintf('%.17g\n', 1 - 0.9);
% CHECK-NEXT: 0.099999999999999978
fprintf('%g\n', eps);
% CHECK-NEXT: 2.22045e-16
fprintf('%d\n', 1 + eps > 1);
% CHECK-NEXT: 1
fprintf('%d\n', 1 + eps / 2 > 1);
% CHECK-NEXT: 0
fprintf('%.17g\n', 2^53 + 1);
% CHECK-NEXT: 9007199254740992
fprintf('%d\n', abs(0.1 * 3 - 0.3) < eps);
% CHECK-NEXT: 1
fprintf('%.17g\n', 1/3);
% CHECK-NEXT: 0.33333333333333331
