% RUN: %runmat-jit -O0 %s > %t.unfused
% RUN: %run-both > %t.fused
% RUN: diff %t.unfused %t.fused
% RUN: FileCheck %s < %t.fused
% Forms near the named patterns that must not change the result (each was
% once a crash or a wrong answer): mean(x, 1) of a row vector before a
% Gram product, a transpose that is both operands of a product, and an
% element of x assigned between its mean and its variance.
x = [1 2 4];
c = x - mean(x, 1);
g = c' * c;
disp(g)
% CHECK: 0 0 0
rng(3);
q = rand(3, 3);
t = q';
e = diag(t * t * q);
fprintf('%.10g %d\n', e(1), abs(e(1) - sum((q(:, 1)' * q') .* q(:, 1)')) < 1e-13);
% CHECK: {{^}}{{[0-9.]+}} 1
m = t * t;
fprintf('%.10g %d\n', m(2, 3), abs(m(2, 3) - q(:, 2)' * q(3, :)') < 1e-13);
% CHECK: {{^}}{{[0-9.]+}} 1
y = magic(4);
if rand > 2
  y = 1;
end
mu = mean(y);
y(1) = 100;
v = var(y);
disp(mu); disp(v);
% CHECK: 8.5000 8.5000 8.5000 8.5000
% CHECK: 1.0e+03 *
