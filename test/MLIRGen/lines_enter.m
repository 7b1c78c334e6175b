% RUN: %runmat-jit --emit=mlir %s | FileCheck %s
% Each statement records its source line; functions bracket their body with
% enter/leave naming the function and the file.
% CHECK-LABEL: func.func @__runmat_script()
% CHECK: runmat.enter "lines_enter" in "{{.*}}lines_enter.m"
a = 1;
% CHECK: runmat.line [[@LINE-1]]
% CHECK-NOT: runmat.line [[@LINE+1]]

b = g(a);
% CHECK: runmat.line [[@LINE-1]]
% CHECK: runmat.leave
% CHECK-NEXT: return
% CHECK-LABEL: func.func private @g__1_n
% CHECK: runmat.enter "g" in "{{.*}}lines_enter.m"
function r = g(x)
  r = x + 1;
% CHECK: runmat.line [[@LINE-1]]
% CHECK: runmat.leave
end
