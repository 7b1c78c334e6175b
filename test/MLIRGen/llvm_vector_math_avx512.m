% REQUIRES: avx512f
% RUN: %runmat-jit --emit=llvm %s | FileCheck %s
% On an AVX-512 host the fused kernels are compiled for AVX-512 (function
% attributes; the rest of the module stays AVX2) and call libmvec's 8-double
% _ZGVe variants, registered by the pipeline.
x = (0:999) / 1000;
y = sin(x) .* exp(-x) + cos(x) .* tanh(x) + atan(x);
disp(sum(y))
% CHECK-DAG: call <8 x double> @_ZGVeN8v_sin
% CHECK-DAG: call <8 x double> @_ZGVeN8v_exp
% CHECK-DAG: call <8 x double> @_ZGVeN8v_cos
% CHECK-DAG: call <8 x double> @_ZGVeN8v_tanh
% CHECK-DAG: call <8 x double> @_ZGVeN8v_atan
% CHECK-DAG: define void @__runmat_script() local_unnamed_addr {
% CHECK-DAG: define internal void @__rm_fused_kernel_0({{.*}}) #[[K:[0-9]+]] {
% CHECK-DAG: attributes #[[K]] = {{{.*}}"prefer-vector-width"="512" "target-features"="{{[^"]*}}+avx512f
