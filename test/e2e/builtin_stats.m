% RUN: %run-both | FileCheck %s
% var, std (n-1 normalisation), median, norm.
fprintf('%.4f\n', var([1 2 3 4]));
% CHECK: 1.6667
fprintf('%.4f\n', std([2 4 4 4 5 5 7 9]));
% CHECK-NEXT: 2.1381
fprintf('%g %g\n', median([3 1 4 1 5]), median([1 2 3 4]));
% CHECK-NEXT: 3 2.5
fprintf('%g\n', norm([3 4]));
% CHECK-NEXT: 5
disp(mat2str(median([1 5; 3 2; 4 4])));
% CHECK-NEXT: [3 4]
fprintf('%g\n', var(7));
% CHECK-NEXT: 0
fprintf('%.4f\n', norm([1 2; 3 4], 1));
% CHECK-NEXT: 6.0000
fprintf('%g\n', norm([1 -2 3], Inf));
% CHECK-NEXT: 3
