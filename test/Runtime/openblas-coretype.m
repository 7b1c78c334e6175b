% REQUIRES: avx512f
% RUN: env -u OPENBLAS_CORETYPE OPENBLAS_VERBOSE=2 %runmat-jit %s 2>&1 | FileCheck %s
% RUN: env OPENBLAS_CORETYPE=Haswell OPENBLAS_VERBOSE=2 %runmat-jit %s 2>&1 | FileCheck %s --check-prefix=USER
% The runtime names OpenBLAS's kernel family from the CPU's features before
% OpenBLAS starts (Debian's build misreads some CPUs as a 2004 core): an
% AVX-512 machine gets the SkylakeX family (OpenBLAS may refine it to a
% later core of that family). A choice the user made stays. (On the AMD
% Zen 5 development VM OpenBLAS 0.3.21 finds Cooperlake by itself; on the
% AVX-512 Xeon VMs DESIGN.md describes it finds Prescott without this.)
A = [1 2; 3 4];
disp(A * A)
% CHECK: Core: {{SkylakeX|Cooperlake|SapphireRapids}}
% USER: Core: Haswell
