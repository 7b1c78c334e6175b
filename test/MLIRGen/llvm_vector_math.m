% REQUIRES: avx2
% RUN: env RUNMAT_AVX512=0 %runmat-jit --emit=llvm %s | FileCheck %s
% A fused elementwise loop calls glibc's libmvec AVX2 variants, including
% those LLVM's own LIBMVEC table lacks (tanh, atan: registered by the
% pipeline for glibc >= 2.35); RUNMAT_AVX512=0 keeps the kernels AVX2 on
% hosts with AVX-512 (llvm_vector_math_avx512.m: the default there).
x = (0:999) / 1000;
y = sin(x) .* exp(-x) + cos(x) .* tanh(x) + atan(x);
disp(sum(y))
% CHECK-DAG: call <4 x double> @_ZGVdN4v_sin
% CHECK-DAG: call <4 x double> @_ZGVdN4v_exp
% CHECK-DAG: call <4 x double> @_ZGVdN4v_cos
% CHECK-DAG: call <4 x double> @_ZGVdN4v_tanh
% CHECK-DAG: call <4 x double> @_ZGVdN4v_atan
