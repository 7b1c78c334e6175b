% RUN: %run-both | FileCheck %s
% Elementwise operators expand singleton dimensions (R2016b+).
R = [1; 2] + [10 20 30];
fprintf('%d %d\n', size(R));
% CHECK: 2 3
fprintf('%d ', R); fprintf('\n');
% CHECK-NEXT: 11 12 21 22 31 32
fprintf('%d ', [1 2 3] - [1; 1]); fprintf('\n');
% CHECK-NEXT: 0 0 1 1 2 2
fprintf('%d ', (1:3)' .* (1:3)); fprintf('\n');
% CHECK-NEXT: 1 2 3 2 4 6 3 6 9
M = [1 2; 3 4];
fprintf('%g ', M ./ [1 2]); fprintf('\n');
% CHECK-NEXT: 1 3 1 2
fprintf('%g ', M - [1; 3]); fprintf('\n');
% CHECK-NEXT: 0 0 1 1
fprintf('%g ', M + 10); fprintf('\n');
% CHECK-NEXT: 11 13 12 14
fprintf('%d %d\n', size(zeros(0, 3) + ones(1, 3)));
% CHECK-NEXT: 0 3
fprintf('%d %d\n', size(zeros(3, 0) + 1));
% CHECK-NEXT: 3 0
fprintf('%d ', max([1 5; 7 2], [3; 4])); fprintf('\n');
% CHECK-NEXT: 3 7 5 4
