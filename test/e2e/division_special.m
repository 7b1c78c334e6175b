% RUN: %run-both | FileCheck %s
% IEEE division: Inf, -Inf, NaN.
fprintf('%g %g %g\n', 1/0, -1/0, 0/0);
% CHECK: Inf -Inf NaN
fprintf('%d\n', isnan(0/0));
% CHECK-NEXT: 1
fprintf('%d\n', isinf(-1/0));
% CHECK-NEXT: 1
fprintf('%g\n', Inf - Inf);
% CHECK-NEXT: NaN
fprintf('%g\n', Inf * 0);
% CHECK-NEXT: NaN
fprintf('%g\n', 1 / Inf);
% CHECK-NEXT: 0
fprintf('%g\n', -Inf + 5);
% CHECK-NEXT: -Inf
fprintf('%g ', [1 -1 0] ./ 0); fprintf('\n');
% CHECK-NEXT: Inf -Inf NaN
fprintf('%d ', isfinite([1 Inf NaN -Inf])); fprintf('\n');
% CHECK-NEXT: 1 0 0 0
fprintf('%g\n', NaN + 1);
% CHECK-NEXT: NaN
