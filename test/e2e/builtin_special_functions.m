% RUN: %run-both | FileCheck %s
% gamma, gammaln, erf, erfc (real input only).
fprintf('%.15g %.15g %g %g\n', gamma(5), gamma(0.5)^2, gamma(0), gamma(-2));
% CHECK: 24 3.14159265358979 Inf Inf
fprintf('%.15g %.15g\n', gammaln(10), exp(gammaln(4)));
% CHECK-NEXT: 12.8018274800815 6
fprintf('%.15g %.15g %g\n', erf(0.5), erfc(0.5), erf(Inf));
% CHECK-NEXT: 0.520499877813047 0.479500122186953 1
disp(erf([0 -1 1]))
% CHECK-NEXT: 0   -0.8427    0.8427
try
  gamma(1i);
catch e
  disp(e.message)
end
% CHECK: Input must be real.
