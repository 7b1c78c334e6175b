% RUN: %run-both | FileCheck %s
% Elementwise & | ~ xor; empty operands.
fprintf('%d ', [1 0 1] & [1 1 0]); fprintf('\n');
% CHECK: 1 0 0
fprintf('%d ', [1 0 1] | [0 0 1]); fprintf('\n');
% CHECK-NEXT: 1 0 1
fprintf('%d ', ~[1 0 2]); fprintf('\n');
% CHECK-NEXT: 0 1 0
fprintf('%d ', xor([1 1 0 0], [1 0 1 0])); fprintf('\n');
% CHECK-NEXT: 0 1 1 0
fprintf('%d ', [1; 0] & [1 0 1]); fprintf('\n');
% CHECK-NEXT: 1 0 0 0 1 0
fprintf('%d %d\n', size([] | 1));
% CHECK-NEXT: 0 0
fprintf('%d %d\n', size([] & []));
% CHECK-NEXT: 0 0
disp(class([1 2] & 1));
% CHECK-NEXT: logical
fprintf('%d\n', ~~5);
% CHECK-NEXT: 1
fprintf('%d\n', ~5 == 0);
% CHECK-NEXT: 1
fprintf('%d\n', 1 | 0 & 0);
% CHECK-NEXT: 1
fprintf('%d ', -[1 0] | 0); fprintf('\n');
% CHECK-NEXT: 1 0
fprintf('%d\n', not(0));
% CHECK-NEXT: 1
fprintf('%d ', and([1 1], [0 1]), or(0, 0)); fprintf('\n');
% CHECK-NEXT: 0 1 0
