% RUN: %runmat-jit --emit=mlir %s | FileCheck %s
% Type inference reaches a fixpoint through recursion: fib on a scalar stays
% f64 end to end and calls its own specialization.
r = fib(15);
% CHECK-LABEL: func.func @__runmat_script()
% CHECK: %[[R:.*]] = runmat.alloc_var "r" : <f64>
% CHECK: %[[V:.*]] = call @fib__1_n(%{{.*}}) : (f64) -> f64
% CHECK-NEXT: runmat.store_var %[[V]], %[[R]] : <f64>
% CHECK-LABEL: func.func private @fib__1_n(%arg0: f64) -> f64
% CHECK-NOT: !runmat.value
% CHECK: call @fib__1_n(%{{.*}}) : (f64) -> f64
% CHECK-NOT: !runmat.value
% CHECK: call @fib__1_n(%{{.*}}) : (f64) -> f64
% CHECK-NOT: !runmat.value
% CHECK: return %{{.*}} : f64
function r = fib(n)
  if n < 2
    r = n;
  else
    r = fib(n - 1) + fib(n - 2);
  end
end
