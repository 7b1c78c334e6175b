% RUN: %run-both | FileCheck %s
[a, b] = two(3);
fprintf('%d %d\n', a, b);
% CHECK: 6 9
c = two(4);
fprintf('%d\n', c);
% CHECK-NEXT: 8
fprintf('%d %d\n', count_args(1, 2), count_args(1));
% CHECK-NEXT: 2 1
[~, q] = two(5);
fprintf('%d\n', q);
% CHECK-NEXT: 15
function [d, t] = two(x)
  d = 2 * x;
  t = 3 * x;
end
function n = count_args(varargin_a, b)
  n = nargin;
end
