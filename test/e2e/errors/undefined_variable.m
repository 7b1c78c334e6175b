% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% Reading a name that is neither a variable nor a function.
x = 1;
y = x + foo;
% CHECK: Unrecognized function or variable 'foo'.
% CHECK: Error in undefined_variable (line 4)
