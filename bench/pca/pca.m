% PCA by block power iteration: n x d data X, centred Gram (covariance)
% matrix G = Xc' * Xc / (n - 1) with Xc = X - mean(X), then `iters`
% iterations of Q <- orth(G * Q) (economy QR) for the top k components;
% the explained-variance fractions are diag(Q' * G * Q) / trace(G) and the
% result is their sum (a subspace invariant, so the QR sign convention of
% each library does not matter). Prints GRAM_S, the time of the centring
% and the Gram product (2 n d^2 flops), separately.
% Inputs: X(k) = mod(7919*k + 13, 10007) / 10007 over the column-major
% linear index k = 0..n*d-1; the start block Q0(k) = mod(7919*k + 101,
% 10007) / 10007 - 0.5 over the d x k block.
N = 20000;  % n, the number of samples; bench/run.py rewrites this line
d = 256; k = 16; iters = 15;
X = reshape(mod((0:N*d-1) * 7919 + 13, 10007) / 10007, N, d);
Q = reshape(mod((0:d*k-1) * 7919 + 101, 10007) / 10007 - 0.5, d, k);
tic;
Xc = X - mean(X);
G = (Xc' * Xc) / (N - 1);
tg = toc;
for it = 1:iters
  [Q, ~] = qr(G * Q, 0);
end
ev = diag(Q' * G * Q) / trace(G);
s = sum(ev);
t = toc;
fprintf('RESULT %.12e\n', s);
fprintf('COMPUTE_S %.6f\n', t);
fprintf('GRAM_S %.6f\n', tg);
