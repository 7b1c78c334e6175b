% RUN: %run-both | FileCheck %s
% Assignments to a struct-array field list: deal, indexed bases with end,
% and comma-separated lists on the right.
s = struct('v', {1, 2, 3});
[s(2:3).v] = deal(9);
fprintf('%d ', s.v); fprintf('\n');
% CHECK: 1 9 9
[s(end).v] = deal(4);
fprintf('%d ', s.v); fprintf('\n');
% CHECK-NEXT: 1 9 4
[s([true false true]).w] = deal('x', 'y');
fprintf('%s %d %s\n', s(1).w, isempty(s(2).w), s(3).w);
% CHECK-NEXT: x 1 y
c = {10, 20, 30};
[s.v] = c{:};
fprintf('%d ', s.v); fprintf('\n');
% CHECK-NEXT: 10 20 30
try
  [s.v] = c{1:2};
catch e
  disp(e.identifier)
end
% CHECK-NEXT: MATLAB:needMoreRhsOutputs
