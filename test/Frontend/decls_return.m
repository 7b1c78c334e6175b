% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% global, persistent and return statements.
global G H
persistent P
return
% CHECK: (global G H)
% CHECK-NEXT: (persistent P)
% CHECK-NEXT: (return)
