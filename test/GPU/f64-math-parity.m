% REQUIRES: vulkan
% RUN: env RUNMAT_DEVICE=gpu RUNMAT_GPU_STATS=1 %runmat-jit %s 2> %t.stats | FileCheck %s
% RUN: FileCheck %s --check-prefix=STATS < %t.stats
% f64 exp, sin, cos and tanh in GPU kernels (F64Math.cpp) against glibc's
% libm: each fused region below runs on the GPU (forced), the reference
% is a scalar loop on the CPU (libm). The largest difference must be at
% most 2 ulp (eps of the reference value) over wide ranges, with NaN,
% Inf, -0, subnormal inputs and results, sizes that are not multiples of
% the work group, and sin/cos arguments up to 2^20*pi/2 (beyond that the
% kernel asks for the CPU, and the region's result is libmvec's).
% STATS: gpu: {{[1-9][0-9]*}} regions on
rng(7);
n = 40001;
u = rand(n, 1);
special = [NaN; Inf; -Inf; 0; -0; 4.9e-324; -4.9e-324; 2.2e-308; 1e-300; -1e-20; 0.625; -0.625; 0.6249999999999999; 1; -1];
xe = [special; u * 1455 - 745.2];             % exp: 0 and subnormal results to overflow
xe2 = [special; u * 40 - 20; (u - 0.5) * 1e-6];
xs = [special; (u - 0.5) * 2e6; (u - 0.5) * 20; pi / 2 * (1:2000)'; (u - 0.5) * 1e-8];
xt = [special; (u - 0.5) * 60; (u - 0.5) * 2; (u - 0.5) * 1e-9];
ge = exp(xe) .* 1;   ce = ref(xe, 1);
ge2 = exp(xe2) .* 1; ce2 = ref(xe2, 1);
gs = sin(xs) .* 1;   cs = ref(xs, 2);
gc = cos(xs) .* 1;   cc = ref(xs, 3);
gt = tanh(xt) .* 1;  ct = ref(xt, 4);
fprintf('exp %d %d\n', maxulps(ge, ce) <= 2, maxulps(ge2, ce2) <= 2);
fprintf('sin %d cos %d\n', maxulps(gs, cs) <= 2, maxulps(gc, cc) <= 2);
fprintf('tanh %d\n', maxulps(gt, ct) <= 2);
% CHECK: exp 1 1
% CHECK-NEXT: sin 1 cos 1
% CHECK-NEXT: tanh 1
fprintf('%d %d %d %d\n', isequal(sign(gs(5)), 0), 1 / gs(5) < 0, 1 / gt(5) < 0, gc(5) == 1);
% CHECK-NEXT: 1 1 1 1
big = [1; 1e7; -3e15; 1e300];                  % reduced on the CPU
gb = sin(big) .* 1; cb = ref(big, 2);
fprintf('big %d\n', maxulps(gb, cb) <= 4);
% CHECK-NEXT: big 1

function c = ref(x, f)
  c = zeros(size(x));
  for k = 1:numel(x)
    if f == 1
      c(k) = exp(x(k));
    elseif f == 2
      c(k) = sin(x(k));
    elseif f == 3
      c(k) = cos(x(k));
    else
      c(k) = tanh(x(k));
    end
  end
end

function m = maxulps(g, c)
  same = (isnan(c) & isnan(g)) | g == c;
  bad = ~same & (isnan(c) | isnan(g) | isinf(c) | isinf(g));
  d = abs(g - c) ./ eps(c);
  d(same) = 0;
  m = max(d);
  if any(bad)
    m = Inf;
  end
  if m > 2
    fprintf('max %g ulp\n', m);
  end
end
