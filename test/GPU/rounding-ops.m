% REQUIRES: vulkan
% RUN: %runmat-jit %s > %t.cpu
% RUN: env RUNMAT_DEVICE=gpu RUNMAT_GPU_STATS=1 %runmat-jit %s > %t.gpu 2> %t.stats
% RUN: diff %t.cpu %t.gpu
% RUN: FileCheck %s --check-prefix=STATS < %t.stats
% abs, floor, ceil, fix and round reach the kernel builder as libm calls
% (convert-math-to-libm runs first); fix and round are made from floor and
% ceil (MLIR's SPIR-V dialect has no GLSL Trunc). Each of these regions must
% run on the GPU and print what the CPU prints.
% STATS: gpu: 4 regions on
x = ((0:999)' - 500) / 8;
a = abs(x - 3) .* 2 + floor(x / 3);
b = ceil(x * 1.5) - fix(x / 7);
c = round(x * 2.5) + round(-x / 4);
fprintf('%.17g %.17g %.17g\n', a(1) + a(end), b(1) + b(end), c(1) + c(end));
fprintf('%.17g ', a(1:5), b(1:5), c(1:5)); fprintf('\n');
