% RUN: %run-both | FileCheck %s
% Operator precedence and associativity (unary minus binds looser than ^,
% ^ is left-associative, a unary operator after ^ binds to the exponent).
fprintf('%g\n', -2^2);
% CHECK: -4
fprintf('%g\n', 2^-1);
% CHECK-NEXT: 0.5
fprintf('%g\n', 2^3^2);
% CHECK-NEXT: 64
fprintf('%g\n', 2^-2^2);
% CHECK-NEXT: 0.0625
fprintf('%g\n', -2^-2);
% CHECK-NEXT: -0.25
fprintf('%g\n', 1 - - 1);
% CHECK-NEXT: 2
fprintf('%g\n', 2 + 3 * 4 - 6 / 2);
% CHECK-NEXT: 11
fprintf('%g\n', (2 + 3) * 4);
% CHECK-NEXT: 20
fprintf('%g\n', 10 - 4 - 3);
% CHECK-NEXT: 3
fprintf('%g\n', 64 / 4 / 2);
% CHECK-NEXT: 8
fprintf('%g\n', ~0 + 1);
% CHECK-NEXT: 2
fprintf('%g\n', -3 * -2);
% CHECK-NEXT: 6
fprintf('%g\n', 2 * 3 ^ 2);
% CHECK-NEXT: 18
fprintf('%g\n', -2 ^ 0.5 * 2);
% CHECK-NEXT: -2.82843
