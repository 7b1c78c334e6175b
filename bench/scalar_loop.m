% Scalar-loop benchmark: a 1e8-iteration scalar recurrence and a nested loop
% filling a matrix element by element. Prints the results (consumed) and
% the compute time of each part.
N = 1e8;  % the harness rewrites this line
tic;
s = 0;
for i = 1:N
  s = s + mod(i, 7) * 0.5;
end
t1 = toc;
n = 2000;  % and this one
tic;
A = zeros(n, n);
for i = 1:n
  for j = 1:n
    A(i, j) = i * 0.5 + j;
  end
end
t2 = toc;
fprintf('sum=%.1f fill=%.1f\n', s, sum(A(:)));
fprintf('loop_s=%.4f fill_s=%.4f\n', t1, t2);
