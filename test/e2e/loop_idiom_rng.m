% RUN: %runmat-jit -O0 %s > %t.unfused
% RUN: %run-both > %t.fused
% RUN: diff %t.unfused %t.fused
% RUN: FileCheck %s < %t.fused
% The Monte Carlo loop idiom: `Z = randn(n,1); S = f(S, Z)` over a for loop
% runs as one kernel (runmat-fuse-loop-idiom) drawing each step's normals
% in the kernel from the LCG. The numbers are the loop's own: with an
% update that rounds the same in every implementation (S + Z/2), S, the
% loop variable and the generator's state after the loop equal the
% unfused program's (-O0) to the last bit, for even and odd n (Box-Muller
% pairs) and sizes split across threads; with exp (whose vector and scalar
% versions may differ in the last bit) to 12 digits. Loops that must not
% be fused run as written: twister generator, Z read after the loop.
rng(42);
report(1); report(7); report(10); report(4097); report(100000);
% CHECK: {{^}}1 {{[0-9.]+}} {{[0-9.]+}} 25 0.{{[0-9]+}}
% CHECK: {{^}}100000 {{[0-9.]+}} {{[0-9.]+}} 25 0.{{[0-9]+}}
rng(5);
S = 100 * ones(20000, 1);
for step = 1:50
  Z = randn(20000, 1);
  S = S .* exp(-0.0001 + 0.0125 * Z);
end
fprintf('%.12g %.12g %.17g\n', mean(S), S(1), rand);
% CHECK-NEXT: {{^}}99.{{[0-9]+}}
rng(7, 'twister');
S = ones(3, 1);
for k = 1:4
  Z = randn(3, 1);
  S = S + Z .* 2;
end
fprintf('%.17g ', S); fprintf('\n');
rng(3);
S = zeros(2, 2);
for k = 1:3
  Z = randn(2);
  S = S - Z;
end
fprintf('%.17g ', S, Z(1)); fprintf('\n');

function [S, step] = walk(n)
  S = 100 * ones(n, 1);
  for step = 1:25
    Z = randn(n, 1);
    S = S + Z / 2;
  end
end

function report(n)
  [S, step] = walk(n);
  fprintf('%d %.17g %.17g %d %.17g\n', n, sum(S), S(end), step, rand);
end
