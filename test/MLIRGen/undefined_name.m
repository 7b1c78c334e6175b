% RUN: %runmat-jit --emit=mlir %s | FileCheck %s
% A name that is neither a variable nor a known function compiles to
% runmat.error with MATLAB's identifier and message.
y = foo(2);
% CHECK: runmat.line 4
% CHECK-NEXT: runmat.error "MATLAB:UndefinedFunction", "Unrecognized function or variable 'foo'."
