% RUN: %runmat-jit --emit=mlir %s | FileCheck %s
% x = [x, ...] and x = [x; ...] become runmat.append on x's slot (growth in
% place when x is not shared); other concatenations stay runmat.concat.
s = '';
v = [];
for k = 1:3
  s = [s sprintf('%d,', k)];
  v = [v; k];
end
w = [s s];
s = [s s];
% CHECK-LABEL: func.func @__runmat_script()
% CHECK-DAG: %[[S:.*]] = runmat.alloc_var "s"
% CHECK-DAG: %[[V:.*]] = runmat.alloc_var "v"
% CHECK: runmat.enter
% CHECK: runmat.append %[[S]](%{{.*}}) : <!runmat.value>, !runmat.value
% CHECK: runmat.append %[[V]](%{{.*}}) {vertical} : <!runmat.value>, !runmat.value
% x read by the other elements: an ordinary concatenation.
% CHECK: runmat.concat
% CHECK: runmat.concat
% CHECK-NOT: runmat.append
