% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% Calling an unknown function.
disp('start');
y = no_such_function(3);
% CHECK: start
% CHECK: Unrecognized function or variable 'no_such_function'.
% CHECK: Error in undefined_function (line 4)
