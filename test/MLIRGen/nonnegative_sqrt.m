% RUN: %runmat-jit --emit=mlir %s | FileCheck %s
% sqrt and log of a real scalar known to be >= 0 (a constant, a size, a loop
% index from 1, abs, even powers, sums and products of such) are real
% scalars (f64), so loops bounded by them stay native; a variable that may
% be negative keeps sqrt boxed (its result may be complex).
N = 1e6;
n = floor(sqrt(N / 10));
for i = 1:n
  r = sqrt(i) + log(i^2 + 1);
end
x = 3 - N;
y = sqrt(x);
z = sqrt(abs(x));
% CHECK-DAG: runmat.alloc_var "n" : <f64>
% CHECK-DAG: runmat.alloc_var "i" : <f64>
% CHECK-DAG: runmat.alloc_var "r" : <f64>
% CHECK-DAG: runmat.alloc_var "y" : <!runmat.value>
% CHECK-DAG: runmat.alloc_var "z" : <f64>
% CHECK: runmat.builtin "sqrt"(%{{.*}}) {nargout = 1 : i32} : (f64) -> f64
% CHECK: runmat.builtin "log"(%{{.*}}) {nargout = 1 : i32} : (f64) -> f64
% CHECK: runmat.builtin "sqrt"(%{{.*}}) {nargout = 1 : i32} : (f64) -> !runmat.value
