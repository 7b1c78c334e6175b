% RUN: %not %runmat-jit %s 2>&1 | FileCheck %s
% error(MSG) with one argument prints the text as is.
x = 3;
if x > 2
  error('x is too large');
end
% CHECK: x is too large
% CHECK: Error in error_plain (line 5)
