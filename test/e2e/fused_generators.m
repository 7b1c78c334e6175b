% RUN: %runmat-jit -O0 %s > %t.unfused
% RUN: %run-both > %t.fused
% RUN: diff %t.unfused %t.fused
% RUN: FileCheck %s < %t.fused
% Colon ranges and linspace read only by an elementwise chain are computed
% inside the fused loop from the element's index (runmat-fuse-generators),
% with the runtime's formulas: the results must be the same doubles as the
% unfused program's (-O0), printed exactly, and every case the fused body
% does not take (NaN operands, single, implicit expansion to a larger size,
% errors) goes through the fallback with the same result or error.
a = (0:0.1:1) * 10;
fprintf('%.17g ', a); fprintf('\n');
% CHECK: {{^}}0 1 2 3.0000000000000004
b = (1:-0.3:-2) + 0;
fprintf('%.17g ', b); fprintf('\n');
c = (1e6:0.37:1e6+5) .* 2;
fprintf('%.17g ', c); fprintf('\n');
c = sin(1e6:0.37:1e6+5) .* 2; % libmvec and libm may differ in the last bit
fprintf('%.13g ', c); fprintf('\n');
d = linspace(-1, 1, 7) * 3;
fprintf('%.17g ', d); fprintf('\n');
% CHECK: {{^}}-3 -2 -1 0 0.99999999999999978 2 3
e = linspace(0, 1) + 0;
fprintf('%d %d %.17g %.17g\n', size(e), e(37), e(100));
% CHECK: 1 100 0.36363636363636365 1
f = linspace(-realmax, realmax, 5) / 2;
fprintf('%.17g ', f); fprintf('\n');
g = linspace(realmax, -realmax, 4) + 0;
fprintf('%.17g ', g); fprintf('\n');
h = linspace(2, 3, 1) * 2;
fprintf('%g %d %d\n', h, size(h));
% CHECK: 6 1 1
k = linspace(2, 3, 0.5) + 1;
fprintf('%d %d\n', size(k));
% CHECK: 1 0
m = linspace(4, 4, 3) - 1;
fprintf('%g ', m); fprintf('\n');
% CHECK: 3 3 3
n = (1:NaN) + 1;
fprintf('%g %d %d\n', n, size(n));
% CHECK: NaN 1 1
p = (5:1) * 2;
fprintf('%d %d\n', size(p));
% CHECK: 1 0
q = (1:3) + [10; 20];
fprintf('%g ', q); fprintf('\n');
% CHECK: 11 21 12 22 13 23
r = single(1:3) + (0:2);
fprintf('%s %g %g %g\n', class(r), r);
% CHECK: single 1 3 5
s = (1:4) .* [2 2 2 2] + linspace(0, 3, 4);
fprintf('%g ', s); fprintf('\n');
% CHECK: 2 5 8 11
N = 1000003;
t = exp(-(0:N-1) / N);
u = 0:N-1;
v = exp(-u / N);
fprintf('%d %d\n', isequal(t, v), numel(u));
% CHECK: 1 1000003
w = linspace(0, pi, N) .^ 2;
x = linspace(0, pi, N);
fprintf('%d\n', isequal(w, x .^ 2));
% CHECK: 1
% sums and means of generated chains (runmat.fused_reduce with a shape)
s1 = sum(sin(0:0.001:10));
s2 = sum((1:1e5) .^ 2);
s3 = mean(exp(-linspace(0, 5, 9999)));
s4 = sum(1 ./ (1:200000), 'all');
fprintf('%.13g %.17g %.13g %.17g\n', s1, s2, s3, s4); % sin, exp: libmvec vs libm
% CHECK: 333338333350000
u1 = 0:0.001:10; u2 = 1:1e5; u3 = linspace(0, 5, 9999); u4 = 1:200000;
fprintf('%d %d %d %d\n', s1 == sum(sin(u1)), s2 == sum(u2 .^ 2), ...
        s3 == mean(exp(-u3)), s4 == sum(1 ./ u4, 'all'));
% CHECK: 1 1 1 1
try
  y = linspace(0, 1, NaN) * 2;
catch err
  disp(err.message);
end
% CHECK: Number of points must not be NaN.
try
  z = (1:3) + (1:4);
catch err
  disp(err.message);
end
% CHECK: Arrays have incompatible sizes for this operation.
