% RUN: %runmat-jit -O0 %s > %t.unfused
% RUN: %run-both > %t.fused
% RUN: diff %t.unfused %t.fused
% RUN: FileCheck %s < %t.fused
% runmat-forward-variables passes stored values to later reads and drops
% variables nothing reads; none of it may change what a program prints:
% copies stay copies when the original changes, reassignments and clears
% between statements are respected, side effects between the statements of
% a chain keep their order, and errors keep their lines.
A = [1 2 3];
B = A;
A(1) = 10;
disp(B); disp(A);
% CHECK: 1 2 3
% CHECK: 10 2 3
X = (1:4) * 2;
D = X - 1;
X = X * 100;
E = D .* D;
disp(E);
% CHECK: 1 9 25 49
P = [1 2];
Q = P + 1;
clear P
R = Q .* 3;
fprintf('%d %d %d\n', R, exist('P'));
% CHECK: 6 9 0
u = (1:3) / 2;
v = u + 1;
fprintf('between\n');
w = v .* 2;
disp(w);
% CHECK: between
% CHECK: 3 4 5
k = 0;
for i = 1:3
  T = (1:2) * i;
  U = T + k;
  k = sum(U);
end
disp(k);
% CHECK: 33
try
  F = ones(2, 3);
  G = F - 1;
  H = G + ones(3, 2);
catch err
  fprintf('%s line %d\n', err.identifier, err.stack(1).line);
end
% CHECK: MATLAB:sizeDimensionsMustMatch line 46
M = magic(3);
N = M';
O = N * 2 + M;
disp(O(1, :));
% CHECK: 24 7 14
