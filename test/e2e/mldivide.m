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
