% RUN: %run-both | FileCheck %s
% linspace includes both endpoints; the default has 100 points.
disp(mat2str(linspace(0, 1, 5)));
% CHECK: [0 0.25 0.5 0.75 1]
disp(mat2str(linspace(1, 2, 3)));
% CHECK-NEXT: [1 1.5 2]
disp(mat2str(size(linspace(0, 1))));
% CHECK-NEXT: [1 100]
disp(mat2str(linspace(5, 1, 3)));
% CHECK-NEXT: [5 3 1]
disp(mat2str(linspace(0, 1, 1)));
% CHECK-NEXT: 1
disp(mat2str(size(linspace(0, 1, 0))));
% CHECK-NEXT: [1 0]
x = linspace(0, 1, 11);
fprintf('%d %d\n', x(1) == 0, x(end) == 1);
% CHECK-NEXT: 1 1
fprintf('%.4f\n', x(4));
% CHECK-NEXT: 0.3000
disp(mat2str(linspace(-1, 1, 4), 4));
% CHECK-NEXT: [-1 -0.3333 0.3333 1]
