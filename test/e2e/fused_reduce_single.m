% RUN: %runmat-jit -O0 %s > %t.unfused
% The named patterns (RUNMAT_PATTERNS) are off: mean_var's one-pass variance
% rounds differently (test/e2e/named_patterns.m covers them).
% RUN: export RUNMAT_PATTERNS=0; %run-both > %t.fused
% RUN: diff %t.unfused %t.fused
% RUN: FileCheck %s < %t.fused
% Fused reductions of single data (the chain in single arithmetic, the sum
% in double, rounded to single unless 'double'), of implicitly expanded
% chains, of x(:), and of columns longer than one 4096-element chunk must
% equal the unfused program (-O0) to the last bit.
x = (1:10000)' / 7; y = single(x);
a = sum(x .* x); b = sum(x); c = mean(x .* 2 + 1, 'all');
fprintf('%.17g %.17g %.17g\n', a, b, c);
s = sum(y .* y); d = sum(y .* y, 'double'); m = mean(y - 1);
fprintf('%s %.9g %s %.17g %s %.9g\n', class(s), s, class(d), d, class(m), m);
Z = reshape(x, 100, 100); mu = mean(Z);
v = mean((Z - mu).^2); w = sum((Z - mu).^2, 2);
fprintf('%.17g %.17g\n', sum(v), sum(w));
q = sum(Z(:) .* 2); r = sum(reshape(Z .* 2, [], 1));
fprintf('%.17g %.17g\n', q, r);
% CHECK: 6803741530.6122437 7143571.4285714291 1429.7142857142858
% CHECK-NEXT: single 6.8037417e+09 double 6803741532.8746376 single 713.357117
% CHECK-NEXT: 1700.510204081635 170051.02040816328
% CHECK-NEXT: 14287142.857142858 14287142.857142858
