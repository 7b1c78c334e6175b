% Batched first-order IIR smoothing (exponential moving average) over B
% channels and L samples: y(:,1) = (1-a) x(:,1), then
%   y(:,t) = a * y(:,t-1) + (1-a) * x(:,t),   t = 2..L,
% a loop over time with a vector over the channels. The result is sum(y(:)).
% Inputs: x(k) = mod(7919*k + 13, 10007)/10007 over the column-major index
% k of the B x L array.
N = 10000;  % L, the number of samples; bench/run.py rewrites this line
B = 256; a = 0.95; b = 1 - a;
L = N;
x = reshape(mod((0:B*L-1) * 7919 + 13, 10007) / 10007, B, L);
tic;
y = zeros(B, L);
y(:, 1) = b * x(:, 1);
for t = 2:L
  y(:, t) = a * y(:, t-1) + b * x(:, t);
end
s = sum(y(:));
el = toc;
fprintf('RESULT %.12e\n', s);
fprintf('COMPUTE_S %.6f\n', el);
