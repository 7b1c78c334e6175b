% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% && and || need operands convertible to a logical scalar.
x = [1 1] && 1;
% CHECK: Operands to the || and && operators must be convertible to logical scalar values.
% CHECK: Error in shortcircuit_nonscalar (line 3)
