% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% An error inside a function from another file names that file's function.
addpath('../Inputs/pathlib');
pathfn_fail();
% CHECK: failed in a path function
% CHECK: Error in pathfn_fail (line 2)
