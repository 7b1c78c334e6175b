% RUN: %run-both | FileCheck %s
% Elementwise .^ (with implicit expansion) and matrix ^.
fprintf('%g ', [1 2 3] .^ 2); fprintf('\n');
% CHECK: 1 4 9
fprintf('%g ', 2 .^ [1 2 3]); fprintf('\n');
% CHECK-NEXT: 2 4 8
fprintf('%g ', [2 3] .^ [2; 1]); fprintf('\n');
% CHECK-NEXT: 4 2 9 3
fprintf('%g ', [1 2; 3 4] ^ 2); fprintf('\n');
% CHECK-NEXT: 7 15 10 22
fprintf('%g ', [1 2; 3 4] .^ 2); fprintf('\n');
% CHECK-NEXT: 1 9 4 16
fprintf('%g ', [2 0; 0 3] ^ 3); fprintf('\n');
% CHECK-NEXT: 8 0 0 27
fprintf('%g\n', 0 ^ 0);
% CHECK-NEXT: 1
fprintf('%g\n', 4 ^ 0.5);
% CHECK-NEXT: 2
fprintf('%g\n', 2 ^ 10);
% CHECK-NEXT: 1024
fprintf('%g ', [4 9 16] .^ 0.5); fprintf('\n');
% CHECK-NEXT: 2 3 4
fprintf('%g\n', 0 ^ -1);
% CHECK-NEXT: Inf
