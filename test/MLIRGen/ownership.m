% RUN: %runmat-jit --emit=mlir %s | FileCheck %s
% Every temporary value is released at the end of its statement; a function
% returning a value retains it before clearing its own slots.
x = [1 2] + [3 4];
y = f(x);
% CHECK-LABEL: func.func @__runmat_script()
% CHECK: runmat.line 4
% CHECK: %[[A:.*]] = runmat.concat [2]
% CHECK: %[[B:.*]] = runmat.concat [2]
% CHECK: %[[P:.*]] = runmat.plus %[[A]], %[[B]] : !runmat.value
% CHECK-NEXT: runmat.store_var %[[P]], %{{.*}} : <!runmat.value>
% CHECK-DAG: runmat.release %[[A]]
% CHECK-DAG: runmat.release %[[B]]
% CHECK-DAG: runmat.release %[[P]]
% CHECK: runmat.line 5
% CHECK: %[[R:.*]] = call @f__1_d(%{{.*}}) : (!runmat.value) -> !runmat.value
% CHECK: runmat.release %[[R]]
% CHECK: func.func private @f__1_d(%arg0: !runmat.value) -> !runmat.value
% CHECK: %[[OUT:.*]] = runmat.load_var %{{.*}} {output_of = "f"} : <!runmat.value>
% CHECK-NEXT: runmat.retain %[[OUT]]
% CHECK: runmat.leave
% CHECK-NEXT: return %[[OUT]] : !runmat.value
function r = f(v)
  r = v * 2;
end
