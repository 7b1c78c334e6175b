% Scalar-loop suite: four parts, each timed on its own and printed as
% `PART <name> <seconds> <units>` (bench/run.py reports ns per unit):
%   loop  N iterations of a scalar recurrence   s = s + mod(i, 7) * 0.5
%   fill  an n x n matrix filled element by element, A(i,j) = i*0.5 + j,
%         n = floor(sqrt(N/10))                         (units: n^2 elements)
%   fib   recursive fib(m) through a local function, m the largest with
%         2*F(m+1) - 1 calls <= N/10                    (units: calls)
%   str   a char row built by K = floor(N/1000) appends s = [s sprintf('%d,', k)]
%         (units: appends)
% RESULT = s + sum(A(:)) + fib(m) + length(str): every term is an integer or
% a half below 2^53, so it is exact in any summation order and the harness
% checks it against the value computed in Python for the size given.
N = 1e7;  % bench/run.py rewrites this line
tic;
s = 0;
for i = 1:N
  s = s + mod(i, 7) * 0.5;
end
t1 = toc;
n = floor(sqrt(N / 10));
tic;
A = zeros(n, n);
for i = 1:n
  for j = 1:n
    A(i, j) = i * 0.5 + j;
  end
end
t2 = toc;
m = 1; f1 = 1; f2 = 2;  % f1 = F(m+1), f2 = F(m+2)
while 2 * f2 - 1 <= N / 10
  m = m + 1; f3 = f1 + f2; f1 = f2; f2 = f3;
end
calls = 2 * f1 - 1;
tic;
f = fib(m);
t3 = toc;
K = floor(N / 1000);
tic;
str = '';
for k = 1:K
  str = [str sprintf('%d,', k)];
end
t4 = toc;
fprintf('RESULT %.12e\n', s + sum(A(:)) + f + length(str));
fprintf('COMPUTE_S %.6f\n', t1 + t2 + t3 + t4);
fprintf('PART loop %.6f %d\n', t1, N);
fprintf('PART fill %.6f %d\n', t2, n * n);
fprintf('PART fib %.6f %d\n', t3, calls);
fprintf('PART str %.6f %d\n', t4, K);

function r = fib(n)
  if n < 2
    r = n;
  else
    r = fib(n - 1) + fib(n - 2);
  end
end
