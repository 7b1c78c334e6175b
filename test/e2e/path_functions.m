% RUN: %run-both | FileCheck %s
% Functions in other files: found in folders named by addpath with constant
% text (and in the script's own folder), compiled like local functions; a
% local function of that file stays private to it.
addpath('Inputs/pathlib');
disp(pathfn_scale(2))
% CHECK: 21
disp(pathfn_scale([1 2], 3))
% CHECK: 5 8
f = @pathfn_scale;
disp(f(1))
% CHECK: 11
disp(helper(4))
% CHECK: local helper 4
try
  pathfn_fail();
catch e
  fprintf('%s: %s\n', e.identifier, e.message);
end
% CHECK: pathfn:fail: failed in a path function
function s = helper(x)
  s = sprintf('local helper %d', x);
end
