% RUN: %run-both | FileCheck %s
% Powers of a zero base follow C99 (and MATLAB) in fused loops, in native
% scalar code and in the runtime alike: 0^y is 0 for y > 0, Inf for y < 0,
% 1 for y = 0, NaN for NaN; -0 keeps its sign for an odd integer y.
x = [0 -0 0 -0 0 -0 0 -0 0 0 -0 -0 -0 2 0.25];
y = [2.5 2.5 -1.5 -1.5 0 0 NaN NaN Inf -Inf 3 -3 -Inf 0.5 -0.5];
fused = 1 ./ (max(x, -1) .^ y);      % one fused loop (max keeps -0)
fprintf('%g ', fused); fprintf('\n');
% CHECK: Inf Inf 0 0 1 1 NaN NaN Inf 0 -Inf -0 0 0.707107 0.5
r = zeros(size(x));
for k = 1:numel(x)
  r(k) = 1 / x(k)^y(k);              % native scalars
end
fprintf('%g ', r); fprintf('\n');
% CHECK-NEXT: Inf Inf 0 0 1 1 NaN NaN Inf 0 -Inf -0 0 0.707107 0.5
u = 1 ./ (x .^ y);                   % the runtime's power
fprintf('%g ', u); fprintf('\n');
% CHECK-NEXT: Inf Inf 0 0 1 1 NaN NaN Inf 0 -Inf -0 0 0.707107 0.5
% a scalar exponent over many zeros (the vector path)
g = 1 / 2.2;
z = max(linspace(-1, 1, 1001), 0) .^ g;
fprintf('%d %.12f\n', nnz(z), sum(z));
% CHECK-NEXT: 500 344.236733448944
