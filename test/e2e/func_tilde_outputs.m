% RUN: %run-both | FileCheck %s
% ~ discards an output; ~ as an input parameter ignores an argument.
[~, i] = max([3 9 2]);
fprintf('%d\n', i);
% CHECK: 2
[~, ~, c] = three();
fprintf('%d\n', c);
% CHECK-NEXT: 30
[a, ~, c] = three();
fprintf('%d %d\n', a, c);
% CHECK-NEXT: 10 30
[~, n] = size(zeros(2, 5));
fprintf('%d\n', n);
% CHECK-NEXT: 5
fprintf('%d\n', second(1, 2));
% CHECK-NEXT: 2
function [x, y, z] = three()
  x = 10; y = 20; z = 30;
end
function r = second(~, b)
  r = b;
end
