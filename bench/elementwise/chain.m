% Elementwise math chain: y = sin(x).*exp(-x) + cos(x).*tanh(x) over N
% points, summed. The same program runs on RunMat (runmat-jit, runmatc) and
% GNU Octave. Inputs come from the formula every implementation uses:
% x(i) = mod(7919*i + 13, 10007) / 10007, i = 0..N-1 (exact in doubles).
N = 1000000;  % bench/run.py rewrites this line
i = 0:N-1;
x = mod(i * 7919 + 13, 10007) / 10007;
tic;
y = sin(x) .* exp(-x) + cos(x) .* tanh(x);
s = sum(y);
t = toc;
fprintf('RESULT %.12e\n', s);
fprintf('COMPUTE_S %.6f\n', t);
