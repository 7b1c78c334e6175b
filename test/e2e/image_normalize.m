% RUN: %runmat-jit -O0 %s > %t.unfused
% RUN: %run-both > %t.fused
% RUN: diff %t.unfused %t.fused
% RUN: FileCheck %s < %t.fused
% ImageNormalize (runmat-fuse-image-normalize): per-image standardisation,
% gain, bias, clamp and gamma as one kernel, with or without the final sum.
% The statistics come from runmat.mean_var's one-pass kernel, whose
% variance differs from the two-pass one (-O0) by rounding, and .^ goes
% through libmvec rather than libm: values are printed to 10 digits
% (double) and 6 (single), which any wrong operation, order or constant
% would change. Other data (integers, complex) takes the fallback.
k = 0:(300 * 3 - 1);
X = reshape(mod(k * 7919 + 13, 10007) / 10007, 300, 3);
mu = mean(X);
D = X - mu;
v = mean(D .^ 2);
Y = D ./ sqrt(v + 1e-5) * 1.25 + 0.1;
fprintf('%.10g %.10g %.10g\n', Y(1, 1), Y(150, 2), Y(300, 3));
% CHECK: {{^}}-2.059475199 -0.6885523037
Z = max(Y, 0);
fprintf('%.10g %d\n', sum(Z(:)), nnz(Z));
S = single(X);
m = mean(S); E = S - m; w = mean(E .^ 2);
T = max(E ./ sqrt(w + 1e-5) * 1.25 - 0.1, 0) .^ (1 / 2.2);
fprintf('%s %d %d %.6g\n', class(T), size(T), sum(double(T(:))));
% CHECK: single 300 3
m = mean(S); E = S - m; w = mean(E .^ 2);
s = sum(max(E ./ sqrt(w + 1e-5) .* 2 + 0.5, 0) .^ 0.5, 'all');
fprintf('%s %.6g\n', class(s), s);
% CHECK: single
m = mean(X); E = X - m; w = mean(E .^ 2);
s = sum(reshape(max(E ./ sqrt(w + 0.01), 0) .^ 2.5, [], 1), 'double');
fprintf('%s %.10g\n', class(s), s);
% rows: each row is an image (dimension 2)
m = mean(X, 2); E = X - m; w = mean(E .^ 2, 2);
R = E ./ sqrt(w + 1e-5);
fprintf('%.10g %.10g\n', R(1, 1), R(300, 3));
% no gain or bias; var(x, 1) as the variance
m = mean(X); E = X - m; w = var(X, 1);
R = max(E ./ sqrt(w + 1e-3), 0);
fprintf('%.10g %.10g\n', R(2, 1), sum(R(:)));
% fallbacks: integers, complex
I = int16(reshape(1:12, 4, 3));
m = mean(I); E = I - m; w = mean(E .^ 2);
F = E ./ sqrt(w + 1) * 2 + 1;
fprintf('%s %d %d %d\n', class(F), F(1, 1), F(4, 3), F(2, 2));
% CHECK: int16
C = X(1:4, :) + 1i;
m = mean(C); E = C - m; w = mean(E .^ 2);
G = E ./ sqrt(w + 1);
fprintf('%g %g\n', real(G(1, 1)), imag(G(1, 1)));
% the benchmark's form: the sum of the column of every output pixel
m = mean(S); E = S - m; w = mean(E .^ 2);
Q = max(E ./ sqrt(w + 1e-5) * 1.25 + 0.1, 0) .^ (1 / 2.2);
q = sum(Q(:), 'double');
fprintf('%s %.8g\n', class(q), q);
% CHECK: double 469.56632
