% Batched NLMS adaptive filter: B independent channels, L samples each,
% filter order p. Each channel identifies the same unknown FIR system h from
% its input x and the desired signal dsig = (h * x) + small noise. Per time
% step, vectorised over the channels (W is B x p, Xw the B x p input window,
% newest sample first):
%   e = dsig(:,t) - sum(W .* Xw, 2)
%   W = W + mu * e .* Xw ./ (sum(Xw.^2, 2) + epsn)
% The result is the total squared a-priori error over all steps and channels.
% Inputs: x(k) = mod(7919*k + 13, 10007)/10007 - 0.5, noise(k) =
% mod(7919*k + 29, 10007)/10007 - 0.5 over the column-major index k of the
% B x L arrays; h(j) = (-1)^(j+1) * (p - j + 1) / (2p), j = 1..p.
N = 2000;  % L, the number of samples; bench/run.py rewrites this line
B = 128; p = 32; mu = 0.5; epsn = 1e-6;
L = N;
x = reshape(mod((0:B*L-1) * 7919 + 13, 10007) / 10007 - 0.5, B, L);
noise = reshape(mod((0:B*L-1) * 7919 + 29, 10007) / 10007 - 0.5, B, L);
h = (-1) .^ (0:p-1) .* (p:-1:1) / (2 * p);
dsig = zeros(B, L);
for j = 1:p
  dsig(:, p:L) = dsig(:, p:L) + h(j) * x(:, p-j+1:L-j+1);
end
dsig = dsig + 0.01 * noise;
tic;
W = zeros(B, p);
err = 0;
for t = p:L
  Xw = x(:, t:-1:t-p+1);
  e = dsig(:, t) - sum(W .* Xw, 2);
  W = W + mu * e .* Xw ./ (sum(Xw .^ 2, 2) + epsn);
  err = err + sum(e .^ 2);
end
el = toc;
fprintf('RESULT %.12e\n', err);
fprintf('COMPUTE_S %.6f\n', el);
