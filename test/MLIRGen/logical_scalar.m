% RUN: %runmat-jit --emit=mlir %s | FileCheck %s
% Logical scalars are native i1: comparisons of f64 give i1, && on them is
% control flow with an i1 block argument, and no runmat.truth is needed.
x = 7;
t = x > 5;
if t && x < 10
  y = 1;
end
% CHECK-LABEL: func.func @__runmat_script()
% CHECK: %[[T:.*]] = runmat.alloc_var "t" : <i1>
% CHECK: %[[C:.*]] = runmat.gt %{{.*}}, %{{.*}} : f64 -> i1
% CHECK-NEXT: runmat.store_var %[[C]], %[[T]] : <i1>
% CHECK: %[[L:.*]] = runmat.load_var %[[T]] : <i1>
% CHECK-NEXT: cf.cond_br %[[L]], ^[[RHS:bb[0-9]+]], ^[[JOIN:bb[0-9]+]](%[[L]] : i1)
% CHECK: ^[[RHS]]:
% CHECK: %[[R:.*]] = runmat.lt %{{.*}}, %{{.*}} : f64 -> i1
% CHECK-NEXT: cf.br ^[[JOIN]](%[[R]] : i1)
% CHECK: ^[[JOIN]](%[[J:.*]]: i1):
% CHECK-NEXT: cf.cond_br %[[J]]
% CHECK-NOT: runmat.truth
