% RUN: %run-both | FileCheck %s
% MATLAB's colon: count = floor((b-a)/d + 1/2) with an endpoint tolerance,
% the last element snaps to b, and elements are filled from both ends.
fprintf('%d\n', numel(0:0.1:0.3));
% CHECK: 4
r = 0:0.1:0.3;
fprintf('%d\n', r(end) == 0.3);
% CHECK-NEXT: 1
fprintf('%d\n', numel(0:0.1:1));
% CHECK-NEXT: 11
fprintf('%d\n', numel(0:0.01:1));
% CHECK-NEXT: 101
x = 0:0.1:1;
fprintf('%d ', x == [0 .1 .2 .3 .4 .5 .6 .7 .8 .9 1]); fprintf('\n');
% CHECK-NEXT: 1 1 1 0 1 1 1 1 1 1 1
fprintf('%.17g\n', x(4), x(7), x(8));
% CHECK-NEXT: 0.30000000000000004
% CHECK-NEXT: 0.59999999999999998
% CHECK-NEXT: 0.69999999999999996
n = 0;
for k = 0:0.1:0.3
  n = n + 1;
end
fprintf('%d %d\n', n, k == 0.3);
% CHECK-NEXT: 4 1
v = [];
for k = 0:0.1:1
  v(end + 1) = k;
end
fprintf('%d\n', isequal(v, 0:0.1:1));
% CHECK-NEXT: 1
