% RUN: %runmat-jit --emit=mlir %s | FileCheck %s
% Each case compares with runmat.switch_match; the subject is evaluated once.
switch 'abc'
  case 'x'
    disp(1);
  case 'abc'
    disp(2);
  otherwise
    disp(3);
end
% CHECK-LABEL: func.func @__runmat_script()
% CHECK: %[[S:.*]] = runmat.string "abc"
% CHECK-NEXT: %[[C1:.*]] = runmat.string "x"
% CHECK-NEXT: %[[M1:.*]] = runmat.switch_match %[[S]], %[[C1]]
% CHECK: cf.cond_br %[[M1]]
% CHECK: %[[C2:.*]] = runmat.string "abc"
% CHECK-NEXT: %[[M2:.*]] = runmat.switch_match %[[S]], %[[C2]]
% CHECK: runmat.release %[[S]]
% CHECK-NOT: runmat.string "abc"
