% RUN: %run-both | FileCheck %s
% Whitespace inside brackets separates elements: [1 -2] has two elements,
% [1 - 2] has one; [a (1)] is two elements, [a(1)] an index.
fprintf('%d\n', numel([1 -2]));
% CHECK: 2
fprintf('%d\n', numel([1 - 2]));
% CHECK-NEXT: 1
fprintf('%d\n', numel([1 -2 + 3]));
% CHECK-NEXT: 2
fprintf('%d\n', numel([1 , -2]));
% CHECK-NEXT: 2
fprintf('%d\n', numel([1 +2]));
% CHECK-NEXT: 2
fprintf('%d\n', numel([1 + 2]));
% CHECK-NEXT: 1
fprintf('%d\n', numel([1+2]));
% CHECK-NEXT: 1
a = [1 2];
b = [3 4];
fprintf('%d %d\n', size([a' b']));
% CHECK-NEXT: 2 2
fprintf('%d %d\n', size([a', b']));
% CHECK-NEXT: 2 2
fprintf('%d %d\n', size([a 'x']));
% CHECK-NEXT: 1 3
fprintf('%d\n', numel([a (1)]));
% CHECK-NEXT: 3
fprintf('%d\n', numel([a(1)]));
% CHECK-NEXT: 1
fprintf('%d\n', numel([1 2
3 4]));
% CHECK-NEXT: 4
fprintf('%d\n', numel([1 ...
  2]));
% CHECK-NEXT: 2
