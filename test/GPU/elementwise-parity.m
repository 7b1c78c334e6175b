% REQUIRES: vulkan
% RUN: %runmat-jit %s > %t.cpu
% RUN: env RUNMAT_DEVICE=gpu RUNMAT_GPU_STATS=1 %runmat-jit %s > %t.gpu 2> %t.stats
% RUN: diff %t.cpu %t.gpu
% RUN: FileCheck %s --check-prefix=STATS < %t.stats
% RUN: %runmatc %s -o %t.exe
% RUN: env RUNMAT_DEVICE=gpu RUNMAT_GPU_STATS=1 %t.exe > %t.gpu.aot 2> %t.stats.aot
% RUN: diff %t.cpu %t.gpu.aot
% RUN: FileCheck %s --check-prefix=STATS < %t.stats.aot
% CPU/GPU parity of fused elementwise kernels (f64 SPIR-V on Vulkan):
% forced onto the GPU with RUNMAT_DEVICE=gpu, every region with a kernel
% must print exactly what the CPU prints, at sizes that are not multiples
% of the work group (256), with NaN, Inf, -0, halves for round, NaN-ignoring
% max and min, and every operation the kernels take.
% STATS: gpu: {{[1-9][0-9]*}} regions on
rng(3);
for n = [1 7 255 256 257 1000 65537]
  x = rand(n, 1) * 20 - 10;
  y = randn(n, 1);
  y(1) = NaN;
  if n > 3
    x(2) = Inf; x(3) = -0; y(3) = 2.5; x(4) = -2.5;
  end
  z = max(x .* 2 - y, 0.5) + abs(y) ./ (x + 1) - floor(x * 3) + round(y * 4) ...
      - min(x, y) .^ 2 + fix(-x) + ceil(y) - sqrt(abs(x)) + round(x);
  w = (x - y) ./ (x + 3) .* -x - 1 ./ y;
  fprintf('%d %.17g %.17g %.17g %.17g\n', n, z(1), z(end), w(1), w(end));
  fprintf('%.17g ', z(1:min(n, 6)), w(1:min(n, 6))); fprintf('\n');
  s = 0;
  for k = 1:n
    if ~isnan(z(k)), s = s + z(k); end
  end
  fprintf('%.17g\n', s);
end
