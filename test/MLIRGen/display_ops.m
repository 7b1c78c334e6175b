% RUN: %runmat-jit --emit=mlir %s | FileCheck %s
% Statements without a semicolon display their result: runmat.display with
% the variable's name (ans for expressions); call statements go through
% assign_ans with {display} only when not silenced.
x = 5
t = x > 2
v = [1 2]
3 + 4
disp(x)
disp(x);
% CHECK-LABEL: func.func @__runmat_script()
% CHECK: runmat.display "x", %{{.*}} : f64
% CHECK: runmat.display "t", %{{.*}} : i1
% CHECK: runmat.display "v", %{{.*}} : !runmat.value
% CHECK: runmat.display "ans", %{{.*}} : !runmat.value
% CHECK: %[[D1:.*]] = runmat.builtin "disp"(%{{.*}}) {nargout = 0 : i32} : (f64) -> !runmat.value
% CHECK-NEXT: runmat.assign_ans %[[D1]], %{{.*}} {display} : <!runmat.value>
% CHECK: %[[D2:.*]] = runmat.builtin "disp"(%{{.*}}) {nargout = 0 : i32} : (f64) -> !runmat.value
% CHECK-NEXT: runmat.assign_ans %[[D2]], %{{.*}} : <!runmat.value>
