% RUN: %runmat-jit -O0 %s > %t.unfused
% RUN: %run-both > %t.fused
% RUN: diff %t.unfused %t.fused
% RUN: FileCheck %s < %t.fused
% Implicit expansion beyond two dimensions inside fused regions: an array
% with all of the result's dimensions after the first, or none of them,
% runs in the compiled loop (element (i, j) at i*rs + j*cs over the R x C
% view of the result); other N-D expansions take the fallback. Results
% are printed exactly and must equal the unfused program's (-O0).
X = reshape(mod((0:59) * 7919 + 13, 101) / 101, 3, 4, 5);
mu = mean(X);                      % 1 x 4 x 5: all the other dimensions
Y = (X - mu) .* 2 + 1;
fprintf('%d ', size(Y)); fprintf('\n');
% CHECK: 3 4 5
fprintf('%.17g ', Y(:, 2, 3), Y(3, 4, 5)); fprintf('\n');
c = reshape([10; 20; 30], 3, 1);   % 3 x 1: none of them
Z = X .* c - 0.5;
fprintf('%.17g ', Z(:, 1, 1), Z(2, 3, 4)); fprintf('\n');
s = sum((X - mu) .^ 2, 1);
fprintf('%d ', size(s)); fprintf('%.17g ', s(1, 1, 1), s(1, 4, 5)); fprintf('\n');
% CHECK: 1 4 5
t = sum(X .* c + 1, 'all');
fprintf('%.17g\n', t);
m3 = mean(X, 3);                   % 3 x 4: some of them (fallback)
W = X - m3;
fprintf('%d ', size(W)); fprintf('%.17g ', W(2, 2, 2)); fprintf('\n');
% CHECK: 3 4 5
r = reshape(1:5, 1, 1, 5);         % 1 x 1 x 5 (fallback)
V = X + r;
fprintf('%.17g ', V(1, 1, 1), V(3, 4, 5)); fprintf('\n');
S = single(X) - mu;
fprintf('%s %.9g\n', class(S), S(2, 3, 4));
% CHECK: single
try
  Q = X + ones(2, 4, 5);
catch err
  disp(err.message);
end
% CHECK: Arrays have incompatible sizes for this operation.
