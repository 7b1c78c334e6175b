% RUN: %runmat-jit -O0 %s > %t.unfused
% RUN: %run-both > %t.fused
% RUN: diff %t.unfused %t.fused
% RUN: FileCheck %s < %t.fused
% RUN: %runmat-jit --emit=mlir-lowered %s | FileCheck %s --check-prefix=IR
% The named patterns (Welford mean/variance, CenteredGram,
% ExplainedVariance, PowerStepNormalize) give the unfused program's results
% (-O0): to the bit where the kernel keeps the unfused order of operations
% (means, the power step), within rounding elsewhere (the one-pass
% variance, panelled SYRK, the diagonal of a product), so those print 10
% significant digits. Data the kernels do not take (single Gram matrices,
% integers, complex, row vectors, non-contiguous reductions) runs the
% unfused operations inside the same runtime call.
% IR-DAG: "__mean_var\00"
% IR-DAG: "__centered_gram\00"
% IR-DAG: "__explained_variance\00"
% IR-DAG: "__power_step\00"
k = 0:59999;
X = reshape(mod(k * 7919 + 13, 10007) / 10007, 10000, 6);
% --- Welford: mean and variance in one pass
mu = mean(X);
v = mean((X - mu).^2);
fprintf('%.17g ', mu); fprintf('\n');
% CHECK: {{^}}0.50001485959828118 0.49989245528130305 0.49997005096432484 0.49994764664734676 0.5000252423303686 0.49990283801339058
fprintf('%.10g ', v); fprintf('\n');
% CHECK-NEXT: {{^}}0.08334271249 0.08333082089 0.08333498778 0.08333555237 0.08332747466 0.08334553544
m1 = mean(X); s1 = var(X); s2 = var(X, 1);
fprintf('%.10g %.10g %.10g\n', sum(m1), sum(s1), sum(s2));
% CHECK-NEXT: {{^}}2.999753093 0.5000670903 0.5000170836
m3 = mean(X, 2); s3 = var(X, 0, 2);   % rows: not contiguous, unfused path
fprintf('%.10g %.10g\n', sum(m3), sum(s3));
% CHECK-NEXT: {{^}}4999.588488 905.8867773
ma = mean(X, 'all'); va = mean((X - ma).^2, 'all');
fprintf('%.10g %.10g\n', ma, va);
% CHECK-NEXT: {{^}}0.4999588488 0.08333618316
S = single(X(:, 1:2)); ms = mean(S); vs = mean((S - ms).^2);
fprintf('%s %s %.6g %.6g\n', class(ms), class(vs), ms(1), vs(2));
% CHECK-NEXT: single single 0.500015 0.0833308
I = int16(X(1:7, 1) * 100); mi = mean(I); vi = mean((I - mi).^2);
fprintf('%s %s %.10g %.10g\n', class(mi), class(vi), mi, vi);
% CHECK-NEXT: double double 51.85714286 1050.714286
e1 = mean(zeros(0, 3)); e2 = mean((zeros(0, 3) - e1).^2);
disp(size(e2)); disp(isnan(e2));
% CHECK-NEXT: 1 3
% CHECK: 1 1 1
% --- CenteredGram: (X - mean(X))' * (X - mean(X)) / (n - 1)
Xc = X - mean(X);
G = (Xc' * Xc) / (size(X, 1) - 1);
fprintf('%.10g %.10g %.10g %d\n', G(1, 1), G(2, 3), G(6, 6), isequal(G, G'));
% CHECK: {{^}}0.0833510476 -0.04089105977 0.08335387082 1
D = X - mean(X, 1);
G0 = D.' * D;
fprintf('%.10g\n', trace(G0));
% CHECK-NEXT: {{^}}5000.170836
Xs = single(X(1:100, 1:3)); Cs = Xs - mean(Xs); Gs = Cs' * Cs;
fprintf('%s %.6g\n', class(Gs), Gs(2, 2));
% CHECK-NEXT: single 8.39359
Z = X(1:5, 1:3) + 1i * X(6:10, 1:3); Zc = Z - mean(Z); H = Zc' * Zc;
fprintf('%d %.10g\n', isreal(H), real(H(1, 2)));
% CHECK-NEXT: 0 -0.3985021857
r = X(1, 1:4); rc = r - mean(r); R = rc' * rc;   % mean over dim 2
disp(size(R));
% CHECK-NEXT: 4 4
% --- ExplainedVariance: diag(Q' * G * Q) / trace(G)
[Q, ~] = qr(G(:, 1:3), 0);
ev = diag(Q' * G * Q) / trace(G);
fprintf('%.10g ', ev); fprintf('\n');
% CHECK: {{^}}0.4444271792 0.1494390371 0.1463753918
ev2 = diag(Q.' * G * Q);
disp(size(ev2));
% CHECK-NEXT: 3 1
% --- PowerStepNormalize: Y = A*Q; Q = Y ./ sqrt(sum(Y.^2) + eps)
A = reshape(X(1:36), 6, 6); A = A + A.';
P = X(1:6, 1:2);
for it = 1:5
  Y = A * P;
  P = Y ./ sqrt(sum(Y.^2) + eps);
end
fprintf('%.17g ', P(:, 1)); fprintf('\n');
% CHECK: {{^}}0.40723063030705958 0.43151388344982372 0.34410057148642736 0.27816393971790904 0.4589888387248437 0.49143447925345235
W = A(1:2, 1:2) * [1; 2];
W2 = W ./ sqrt(sum(W.^2) + 1e-12);   % W is used again below: not fused
fprintf('%.17g %.17g\n', W2(1), W(2));
% CHECK-NEXT: {{^}}0.64008859379017602 3.704906565404217
