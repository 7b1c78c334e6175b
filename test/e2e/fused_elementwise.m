% RUN: %runmat-jit -O0 %s > %t.unfused
% RUN: %run-both > %t.fused
% RUN: diff %t.unfused %t.fused
% RUN: FileCheck %s < %t.fused
% Elementwise chains run fused at -O2 (one loop, no temporaries, SIMD math
% from libmvec) and unfused at -O0: the outputs must agree on the fused path
% and on every fallback (other classes, complex, 1x1 arrays, implicit
% expansion, sizes that differ). Transcendentals are printed to 13 digits
% (libmvec and libm may differ in the last bit); arithmetic exactly.
x = (0:7) / 7;
y = sin(x) .* exp(-x) + cos(x) .* tanh(x);
fprintf('%.13g ', y); fprintf('\n');
% CHECK: {{^}}0 0.
z = 2 * x.^2 - x / 4 + 1;
fprintf('%.17g ', z); fprintf('\n');
% CHECK: {{^}}1 1.00510204
M = reshape(1:6, 2, 3);
fprintf('%.13g ', abs(sin(M) - cos(M))); fprintf('\n');
e = zeros(0, 3);
fprintf('%d %d\n', size(sin(e) + cos(e)))
% CHECK: 0 3
s = single([1 2 3]);
r = sin(s) .* 2 + s;
fprintf('%s %.9g\n', class(r), r(3));
% CHECK: single
k = int8([1 2 3]);
q = -k * 2 + k;
fprintf('%s %d %d %d\n', class(q), q);
% CHECK: int8 -1 -2 -3
c = [1+2i, 3];
w = exp(c) .* 2 - c;
fprintf('%.15g%+.15gi\n', real(w(1)), imag(w(1)));
col = [1; 2];
b = sin(col) + cos(x(1:3));
fprintf('%d %d\n', size(b))
% CHECK: 2 3
one = 5;
one = one + zeros(1, 1);
u = sin(one) .* x(1:2) + 1;
fprintf('%.13g ', u); fprintf('\n');
try
  bad = sin(x) + cos([1 2]);
catch err
  disp(err.identifier)
end
% CHECK: MATLAB:sizeDimensionsMustMatch
% Implicit expansion runs fused (column, row and scalar-array inputs
% against a matrix; a column against a row), bit for bit as unfused.
A = reshape(1:12, 3, 4) / 7;
cv = [1; 2; 3] / 3; rv = [10 20 30 40] / 9;
fprintf('%.17g ', A .* cv + rv); fprintf('\n');
fprintf('%.13g ', sin(cv) .* rv - 2); fprintf('\n');
fprintf('%.17g ', (A - mean(A)) ./ std(A)); fprintf('\n');
fprintf('%.17g ', A .* [5] - cv); fprintf('\n');
big = reshape(0:99999, 1000, 100) / 1e5;
bs = sum(sum(exp(big) .* (1:100) - (1:1000)'));
fprintf('%.13g\n', bs);
fprintf('%d %d\n', size(zeros(0, 4) .* 2 + rv));
% CHECK: 0 4
% single data runs fused too, each operation rounded to single as the
% runtime does (also with double scalars and implicit expansion).
xs = single(reshape(1:12, 3, 4)) / 7;
fprintf('%.9g ', xs .* 0.1 + 3); fprintf('\n');
fprintf('%.9g ', max(xs - 0.5, 0) .^ 2); fprintf('\n');
ws = xs - mean(xs);
fprintf('%s %.9g\n', class(ws), ws(2, 3));
% CHECK: single
fprintf('%s\n', class(double(xs) .* xs));
% CHECK-NEXT: single
% single op double converts the double to single first (Octave agrees).
zs = sin(xs) .* xs - 0.3;
fprintf('%.9g\n', zs(2));
% CHECK-NEXT: -0.219473481
gs = 0.3; hs = 1.7;
us = (xs - gs) .* hs + [0.1; 0.2; 0.3];
fprintf('%.9g ', us); fprintf('\n');
