% RUN: %run-both | FileCheck %s
% Left and right matrix division solve linear systems.
A = [2 1; 1 3];
b = [3; 5];
x = A \ b;
fprintf('%.4f %.4f\n', x);
% CHECK: 0.8000 1.4000
fprintf('%.4f\n', norm(A * x - b) < 1e-12);
% CHECK-NEXT: 1.0000
y = [3 5] / A;
fprintf('%.4f %.4f\n', y);
% CHECK-NEXT: 0.8000 1.4000
fprintf('%g\n', 7 \ 14);
% CHECK-NEXT: 2
fprintf('%g\n', 14 / 7);
% CHECK-NEXT: 2
fprintf('%g ', [2 4 6] / 2); fprintf('\n');
% CHECK-NEXT: 1 2 3
fprintf('%g ', 2 \ [2 4 6]); fprintf('\n');
% CHECK-NEXT: 1 2 3
I = eye(3) \ [1; 2; 3];
fprintf('%g ', I); fprintf('\n');
% CHECK-NEXT: 1 2 3
X = [4 0 0; 0 2 0; 0 0 1] \ [4 8; 2 4; 1 2];
fprintf('%g ', X); fprintf('\n');
% CHECK-NEXT: 1 1 1 2 2 2
% Overdetermined full rank: the least-squares solution.
x = [1 0; 1 1; 1 2] \ [1; 2; 4];
fprintf('%.6f %.6f\n', x);
% CHECK-NEXT: 0.833333 1.500000
% Underdetermined: MATLAB's basic solution (QR with column pivoting, at most
% rank(A) nonzeros), not the minimum-norm pinv(A)*b (Octave gives
% -0.0556 0.1111 0.2778 here).
x = [1 2 3; 4 5 6] \ [1; 2];
fprintf('%.6f ', x); fprintf('\n');
% CHECK-NEXT: 0.000000 0.000000 0.333333
% Rank deficient: a warning on stderr, one nonzero per column.
x = [1 1; 1 1; 1 1] \ [1; 2; 3];
fprintf('%g ', x); fprintf('\n');
% CHECK-NEXT: 2 0
% sprintf(literalText) drops the first conversion and what follows it.
fprintf('%s|\n', sprintf('val: %d and %s end'));
% CHECK-NEXT: val: |
fprintf('a %d b\n', []);
% CHECK-NEXT: a  b
% The solver follows the structure: triangular, symmetric positive definite
% (Cholesky), general (LU). Each gives the exact answer on these systems.
U = [2 1 1; 0 4 2; 0 0 5];
fprintf('%g ', U \ [9; 16; 10]); fprintf('\n');
% CHECK-NEXT: 2 3 2
L = U';
fprintf('%g ', L \ [4; 10; 15]); fprintf('\n');
% CHECK-NEXT: 2 2 1.8
S = [4 2 0; 2 5 1; 0 1 3];
fprintf('%g ', S \ (S * [1; -2; 3])); fprintf('\n');
% CHECK-NEXT: 1 -2 3
% Symmetric with a positive diagonal but indefinite: Cholesky fails, LU.
T = [1 2; 2 1];
fprintf('%g ', T \ [3; 3]); fprintf('\n');
% CHECK-NEXT: 1 1
% A singular triangular matrix: a warning and Inf, as MATLAB.
z = [1 1; 0 0] \ [1; 1];
fprintf('%g ', z); fprintf('\n');
% CHECK-NEXT: -Inf Inf
