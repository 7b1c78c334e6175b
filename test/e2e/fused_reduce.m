% RUN: %runmat-jit -O0 %s > %t.unfused
% RUN: %run-both > %t.fused
% RUN: diff %t.unfused %t.fused
% RUN: FileCheck %s < %t.fused
% sum and mean of elementwise chains run fused at -O2 (one pass, no
% temporary) and unfused at -O0: the outputs must agree to the last bit, on
% the fused path (dims 1, 2, default, 'all'; rows, columns, matrices, N-D
% along dim 1) and on every fallback (single, complex, integers, implicit
% expansion, empty, dim 3, 'omitnan').
x = reshape(1:12, 3, 4) / 7;
fprintf('%.17g ', sum(x .* x)); fprintf('\n');
% CHECK: {{^}}0.28571428571428
fprintf('%.17g ', sum(x .* x, 2)); fprintf('\n');
fprintf('%.17g\n', sum(x .^ 2, 'all'));
% CHECK: {{^}}13.265306122448
fprintf('%.17g ', mean((x - 0.5) .^ 2)); fprintf('\n');
fprintf('%.17g ', mean(sin(x), 2)); fprintf('\n');
v = (1:5) / 3;
fprintf('%.17g %.17g\n', sum(v .* v), mean(abs(v - 1)));
fprintf('%.17g\n', sum(v' .* v', 1));
fprintf('%.17g ', sum(v .* v, 1)); fprintf('\n');
fprintf('%.17g\n', sum(v .* v, 2));
c = (1:4)' * 0.1;
fprintf('%.17g\n', sum(c .* c));
n = reshape(1:24, 2, 3, 4) / 5;
r = sum(n .* n);
fprintf('%d %d %d: %.17g\n', size(r), r(1, 3, 4));
fprintf('%.17g\n', sum(n .* 2, 'all'));
r3 = sum(n .* n, 3);
fprintf('%d %d: %.17g\n', size(r3), r3(2, 3));
s = single(x);
rs = sum(s .* s);
fprintf('%s %.9g\n', class(rs), rs(4));
% CHECK: single
z = [1+2i, 3];
fprintf('%g %g\n', real(sum(z .* 2)), imag(sum(z .* 2)));
% CHECK: 8 4
k = int8([100 100 100]);
fprintf('%s %d\n', class(sum(k .* 1)), sum(k .* 1));
% CHECK: double 300
fprintf('%.17g ', sum(x .* [1 2 3 4])); fprintf('\n');
e = zeros(0, 3);
fprintf('%d %d %g\n', size(sum(e .* 2)), sum(e .* 2, 'all'));
% CHECK: 1 3 0
fprintf('%d %d\n', size(mean(e .* 2)));
w = [1 NaN 3] .* 2;
fprintf('%g %g\n', sum([1 NaN 3] .* 2, 'omitnan'), mean([1 NaN 3] .* 2));
% CHECK: 8 NaN
fprintf('%g\n', sum(3 .* 2));
% CHECK: 6
