% RUN: %runmat-jit --emit=mlir %s | FileCheck %s
% Calls to a local function become func.call to one specialization per
% (argument types, nargout): scalars pass as f64, arrays as !runmat.value.
[a, b] = two(3);
c = two([1 2]);
% CHECK-LABEL: func.func @__runmat_script()
% CHECK: %[[R:.*]]:2 = call @[[NUM:two__2_n]](%{{.*}}) : (f64) -> (f64, f64)
% CHECK-NEXT: runmat.store_var %[[R]]#0, %{{.*}} : <f64>
% CHECK-NEXT: runmat.store_var %[[R]]#1, %{{.*}} : <f64>
% CHECK: %[[M:.*]] = runmat.concat [2]
% CHECK: call @[[ARR:two__1_d]](%[[M]]) : (!runmat.value) -> !runmat.value
% CHECK-DAG: func.func private @[[NUM]](%arg0: f64) -> (f64, f64)
% CHECK-DAG: func.func private @[[ARR]](%arg0: !runmat.value) -> !runmat.value
function [d, e] = two(y)
  d = 2 * y;
  e = y;
end
