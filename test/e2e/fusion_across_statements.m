% RUN: %runmat-jit -O0 %s > %t.unfused
% The named patterns (RUNMAT_PATTERNS) are off: mean_var's one-pass variance
% rounds differently (test/e2e/named_patterns.m covers them).
% RUN: export RUNMAT_PATTERNS=0; %run-both > %t.fused
% RUN: diff %t.unfused %t.fused
% RUN: FileCheck %s < %t.fused
% Chains spread over statements fuse once runmat-forward-variables passes
% the values between them and drops the variables nothing reads again:
% the outputs must equal the unfused program's (-O0) to the last bit, for
% double and single data, with implicit expansion, sums over x(:), 'double'
% sums of single data, and chunked sums of long columns (more than
% RM_SUM_CHUNK = 4096 elements).
k = 0:49999;
X = reshape(mod(k * 7919 + 13, 10007) / 10007, 10000, 5);
mu = mean(X);
D = X - mu;
v = mean(D .^ 2);
Y = D ./ sqrt(v + 1e-5) * 1.25 + 0.1;
Z = max(Y, 0) .^ (1 / 2.2);
s = sum(Z(:));
fprintf('%.17g\n', s);
% CHECK: {{^}}26074.7377632
S = single(X);
mus = mean(S);
Ds = S - mus;
vs = mean(Ds .^ 2);
Ys = Ds ./ sqrt(vs + 1e-5) * 1.25 + 0.1;
Zs = max(Ys, 0) .^ (1 / 2.2);
t = sum(Zs(:), 'double');
u = sum(Zs(:));
fprintf('%s %.17g %s %.9g\n', class(t), t, class(u), u);
% CHECK-NEXT: double 26074.73876{{[0-9]+}} single 26074.73{{[0-9]+}}
fprintf('%.9g ', vs); fprintf('\n');
% CHECK-NEXT: 0.0833427161 0.0833308175 0.0833349898 0.0833355561 0.0833274722
% a variable read again later keeps its value
A = X .* 2;
B = A + 1;
fprintf('%.17g %.17g\n', sum(B(:)), A(end, end));
% CHECK-NEXT: {{^}}99997.0050964{{[0-9]*}} 1.02568202258
% an error in a fused statement names its own line
try
  P = ones(2, 3) - 1;
  Q = P .* ones(3, 2);
catch err
  fprintf('%s line %d\n', err.identifier, err.stack(1).line);
end
% CHECK-NEXT: MATLAB:sizeDimensionsMustMatch line 43
