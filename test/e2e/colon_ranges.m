% RUN: %run-both | FileCheck %s
% Colon ranges: counts, empty ranges, negative and non-integer steps.
fprintf('%g ', 1:5); fprintf('\n');
% CHECK: 1 2 3 4 5
fprintf('%g ', 10:-3:1); fprintf('\n');
% CHECK-NEXT: 10 7 4 1
fprintf('%g ', 1:3.7); fprintf('\n');
% CHECK-NEXT: 1 2 3
fprintf('%g ', -1:0.5:1); fprintf('\n');
% CHECK-NEXT: -1 -0.5 0 0.5 1
fprintf('%g\n', 5:-1:5);
% CHECK-NEXT: 5
fprintf('%d %d\n', size(1:0));
% CHECK-NEXT: 1 0
fprintf('%d %d\n', size(5:1));
% CHECK-NEXT: 1 0
fprintf('%d %d\n', size(1:-1:5));
% CHECK-NEXT: 1 0
fprintf('%d\n', numel(1:2:-3));
% CHECK-NEXT: 0
fprintf('%d\n', numel(0:pi:10));
% CHECK-NEXT: 4
fprintf('%d\n', numel(1:0.2:2));
% CHECK-NEXT: 6
fprintf('%d\n', isempty(1:Inf:0));
% CHECK-NEXT: 1
x = 2;
fprintf('%g ', x:x+2); fprintf('\n');
% CHECK-NEXT: 2 3 4
fprintf('%g ', (1:3) * 2); fprintf('\n');
% CHECK-NEXT: 2 4 6
fprintf('%g ', 1:3 + 1); fprintf('\n');
% CHECK-NEXT: 1 2 3 4
