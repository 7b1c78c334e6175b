% RUN: %run-both | FileCheck %s
% max/min: NaN is ignored unless all are NaN; index outputs; two-argument
% form with expansion; the [] , dim form.
fprintf('%g %g %g\n', max([1 NaN 3]), min([NaN NaN]), max(NaN, 2));
% CHECK: 3 NaN 2
[m, i] = max([NaN 1 2]);
fprintf('%g %g\n', m, i);
% CHECK-NEXT: 2 3
disp(mat2str(max([1 5; 7 2])));
% CHECK-NEXT: [7 5]
disp(mat2str(min([1 5; 7 2], [], 2)));
% CHECK-NEXT: [1;2]
disp(mat2str(max([1 5 3], 4)));
% CHECK-NEXT: [4 5 4]
[m, i] = min([4 2 2 8]);
fprintf('%g %g\n', m, i);
% CHECK-NEXT: 2 2
disp(mat2str(size(max([]))));
% CHECK-NEXT: [0 0]
fprintf('%g\n', max(-Inf, -5));
% CHECK-NEXT: -5
[m, i] = max([3 1; 2 9]);
disp(mat2str([m; i]));
% CHECK-NEXT: [3 9;1 2]
fprintf('%g\n', min(3, 7));
% CHECK-NEXT: 3
x = 5;
fprintf('%g\n', max(x, 2 * x));
% CHECK-NEXT: 10
fprintf('%g\n', max(max(magic(4))));
% CHECK-NEXT: 16
