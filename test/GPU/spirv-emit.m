% RUN: %runmat-jit --emit=spirv %s | FileCheck %s
% RUN: %runmat-jit --emit=spirv %s | awk '/^\/\/ kernel 0/{f=1;next} /^\/\/ kernel/{f=0} f' > %t.mlir
% RUN: %mlir-translate --serialize-spirv --no-implicit-module %t.mlir -o %t.spv
% RUN: spirv-val --target-env vulkan1.1 %t.spv
% RUN: %runmat-jit --emit=spirv %s | awk '/^\/\/ kernel 2/{f=1;next} /^\/\/ kernel/{f=0} f' > %t2.mlir
% RUN: %mlir-translate --serialize-spirv --no-implicit-module %t2.mlir -o %t2.spv
% RUN: spirv-val --target-env vulkan1.1 %t2.spv
% --emit=spirv prints each fused region's GPU kernel as SPIR-V dialect
% text (what the module embeds, serialized): f64 storage buffers (the
% result at binding 0, arrays after it), push constants {base, n, scalars},
% one invocation per element, guarded by n, arithmetic decorated
% NoContraction (no FMA the CPU would not make); exp, sin, cos and tanh
% are made of f64 operations (F64Math.cpp), sin and cos setting a u32 flag
% (bound after the arrays, only in kernels that call them) for arguments
% they cannot reduce; a region
% calling another function (tan) has no kernel. The binaries pass
% spirv-val.
x = rand(300, 1); a = numel(x) / 120;   % 2.5, known only at run time
y = abs(x - a) .* x + floor(x / a);
z = tan(x) + x .* 2;
w = sin(x) .* exp(-x) + cos(x) .* tanh(x);
disp(sum(y) + sum(z) + sum(w));
% CHECK: // kernel 0
% CHECK: !PC = !spirv.struct<(i32 [0], i32 [4], f64 [8], f64 [16])>
% CHECK: spirv.module Logical GLSL450 requires #spirv.vce<v1.0, [Shader, Float64], [SPV_KHR_storage_buffer_storage_class]>
% CHECK: spirv.GlobalVariable @out bind(0, 0)
% CHECK: spirv.GlobalVariable @in1 bind(0, 1)
% CHECK-NOT: @flag
% CHECK: spirv.GlobalVariable @gid built_in("GlobalInvocationId")
% CHECK: %ok = spirv.ULessThan %idx, %n : i32
% CHECK: spirv.Load "PushConstant"
% CHECK: spirv.FSub %{{.*}}, %{{.*}} {no_contraction} : f64
% CHECK: spirv.GL.FAbs
% CHECK: spirv.GL.Floor
% CHECK: spirv.Store "StorageBuffer" %outp
% CHECK: spirv.ExecutionMode @main "LocalSize", 256, 1, 1
% CHECK: // kernel 1
% CHECK-NEXT: // (none: the region runs on the CPU)
% CHECK: // kernel 2
% CHECK: spirv.GlobalVariable @flag bind(0, 2)
% CHECK: spirv.GL.RoundEven
% CHECK: spirv.GL.Ldexp
% CHECK: spirv.ConvertFToS
% CHECK: spirv.BranchConditional
% CHECK: spirv.Store "StorageBuffer" %fp, %c1 : i32
% CHECK: spirv.Store "StorageBuffer" %outp
