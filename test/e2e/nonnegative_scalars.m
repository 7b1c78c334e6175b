% RUN: %run-both | FileCheck %s
% sqrt and log of scalars the compiler proves >= 0 run natively; anything
% that may be negative keeps MATLAB's complex result.
N = 1e6;
n = floor(sqrt(N / 10));
fprintf('%d\n', n);
% CHECK: 316
s = 0;
for i = 1:n
  s = s + sqrt(i) + log(i^2 + 1);
end
fprintf('%.6f\n', s);
% CHECK-NEXT: 6768.097146
% max ignores NaN: max(NaN, -1) is -1, whose square root is complex.
a = 0 / 0;
b = max(a, -1);
c = sqrt(b);
fprintf('%g %g\n', real(c), imag(c));
% CHECK-NEXT: 0 1
d = max(a, 2);
fprintf('%g\n', sqrt(d));
% CHECK-NEXT: 1.41421
x = 3 - N;
y = sqrt(x);
fprintf('%g %g\n', real(y), imag(y));
% CHECK-NEXT: 0 999.998
