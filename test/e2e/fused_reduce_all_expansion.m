% RUN: %runmat-jit -O0 %s > %t.unfused
% RUN: export RUNMAT_PATTERNS=0; %run-both > %t.fused
% RUN: diff %t.unfused %t.fused
% RUN: FileCheck %s < %t.fused
% sum(Z(:)) and mean(Z, 'all') of an implicitly expanded chain (X - mu
% with mu a row) over several columns: fused (by columns) when each column
% is a whole number of 4096-element chunks, the fallback otherwise; either
% way equal to the unfused program (-O0) to the last bit, double and
% single.
k = 0:(8192 * 3 - 1);
X = reshape(mod(k * 7919 + 13, 10007) / 10007, 8192, 3);
mu = mean(X);
s1 = sum((X - mu) .^ 2 .* 3 + X, 'all');
Z = (X - mu) ./ 2 + 1;
s2 = sum(Z(:));
fprintf('%.17g %.17g\n', s1, s2);
% CHECK: {{^}}{{[0-9.]+}} {{[0-9.]+}}
S = single(X); ms = mean(S);
W = max(S - ms, 0) .^ 0.5;
s3 = sum(W(:), 'double');
m3 = mean(S - ms + 1, 'all');
fprintf('%.17g %s %.9g\n', s3, class(m3), m3);
% CHECK-NEXT: {{^}}{{[0-9.]+}} single {{[0-9.]+}}
Y = X(1:5000, :);   % 5000 rows: not whole chunks
my = mean(Y);
s4 = sum((Y - my) .^ 2, 'all');
fprintf('%.17g\n', s4);
% CHECK-NEXT: {{^}}{{[0-9.]+}}
