% RUN: %runmat-jit --emit=llvm %s | FileCheck %s
% At the default -O2 the scalar mod loop is plain floating-point code: no
% call into the runtime or libm between the range setup and the loop exit
% (llvm.* intrinsics such as llvm.floor are allowed) until fprintf boxes its
% arguments.
s = 0;
for i = 1:1000
  s = s + mod(i, 7) * 0.5;
end
fprintf('%g\n', s);
% CHECK-LABEL: define void @__runmat_script()
% CHECK: call i64 @rm_range_count(
% CHECK: call double @rm_range_last(
% CHECK-NOT: {{call .*@([^l]|l[^l]|ll[^v])}}
% CHECK: fdiv double %{{.*}}, 7.0
% CHECK-NOT: {{call .*@([^l]|l[^l]|ll[^v])}}
% CHECK: call ptr @rm_from_string(
