% RUN: %runmat-jit --emit=llvm -O0 %s | FileCheck %s --check-prefix=O0
% RUN: %runmat-jit --emit=llvm -O2 %s | FileCheck %s --check-prefix=O2
% The unassigned-variable check of a scalar slot is a branch to
% rm_error_undefined; optimisation removes it once the variable is provably
% assigned, and promotes the slot to a register.
x = 3;
y = x * 2 + 1;
fprintf('%g\n', y);
% O0-LABEL: define void @__runmat_script()
% O0: alloca { double, i1 }
% O0: call void @rm_error_undefined(ptr @{{.*}})
% O0-NEXT: unreachable
% O2-LABEL: define void @__runmat_script()
% O2-NOT: rm_error_undefined
% O2-NOT: alloca { double, i1 }
% O2: call ptr @rm_from_f64(double 7.0
