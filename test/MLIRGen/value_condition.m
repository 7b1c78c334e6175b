% RUN: %runmat-jit --emit=mlir %s | FileCheck %s
% Conditions on arrays use runmat.truth (all nonzero and non-empty); the
% operands of && and || use its scalar form.
v = [1 0 1];
if v
  disp(1);
end
z = v && 1;
while v
  v = [];
end
% CHECK-LABEL: func.func @__runmat_script()
% CHECK: %[[V:.*]] = runmat.load_var %{{.*}} : <!runmat.value>
% CHECK-NEXT: %[[T:.*]] = runmat.truth %[[V]]{{$}}
% CHECK-NEXT: cf.cond_br %[[T]]
% CHECK: %[[W:.*]] = runmat.load_var %{{.*}} : <!runmat.value>
% CHECK-NEXT: %{{.*}} = runmat.truth %[[W]] {scalar}
% CHECK: runmat.truth %{{.*}} {scalar}
% CHECK: %[[X:.*]] = runmat.truth %{{.*}}{{$}}
% CHECK-NEXT: cf.cond_br %[[X]]
