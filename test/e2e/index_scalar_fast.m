% RUN: %run-both | FileCheck %s
% Scalar A(i), A(i,j) reads and writes go through inline fast paths for real
% double arrays; every other case must still take the general path.
A = reshape(1:12, 3, 4);
A(2, 3) = -1; A(12) = 100;
fprintf('%g ', A(2, 3), A(3, 4), A(1), A(2, 5 - 1)); fprintf('\n');
% CHECK: -1 100 1 11
B = A; B(1, 1) = 7;
fprintf('%g %g\n', A(1, 1), B(1, 1));
% CHECK-NEXT: 1 7
Z = zeros(2, 2, 2); Z(2, 4) = 5; Z(1, 3) = 3;
fprintf('%g ', Z(:)); fprintf('\n');
% CHECK-NEXT: 0 0 0 0 3 0 0 5
v = [1 2 3]; v(5) = 9;
fprintf('%g ', v); fprintf('\n');
% CHECK-NEXT: 1 2 3 0 9
M = zeros(2); M(3, 3) = 1;
fprintf('%d %d\n', size(M))
% CHECK-NEXT: 3 3
s = 'abc'; s(2) = 'X';
disp(s)
% CHECK-NEXT: aXc
L = true(2); L(1, 2) = false;
disp(class(L))
% CHECK-NEXT: logical
total = 0;
for i = 1:3
  for j = 1:4
    total = total + A(i, j);
  end
end
fprintf('%d\n', total)
% CHECK-NEXT: 157
try
  q = A(4, 1);
catch e
  disp(e.identifier)
end
% CHECK-NEXT: MATLAB:index:outOfBounds
try
  q = A(1.5);
catch e
  disp(e.identifier)
end
% CHECK-NEXT: MATLAB:badsubscript
try
  A(0, 1) = 2;
catch e
  disp(e.identifier)
end
% CHECK-NEXT: MATLAB:badsubscript
