% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% Inside brackets `abs (-1)` is two elements: abs is called with no input.
disp(numel([abs(-1)]));
% CHECK: 1
v = [abs (-1)];
% CHECK: Not enough input arguments.
