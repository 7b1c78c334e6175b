% RUN: %run-both | FileCheck %s
% end is the last index of the dimension it appears in; with one subscript
% it is numel; it binds to the innermost indexed object.
v = 10:10:50;
fprintf('%d %d\n', v(end), v(end - 1));
% CHECK: 50 40
A = [1 2 3; 4 5 6];
fprintf('%d %d %d\n', A(end), A(end, 1), A(1, end));
% CHECK-NEXT: 6 4 3
fprintf('%d\n', A(end, end));
% CHECK-NEXT: 6
fprintf('%d ', A(end, :)); fprintf('\n');
% CHECK-NEXT: 4 5 6
fprintf('%d ', v(end - 2:end)); fprintf('\n');
% CHECK-NEXT: 30 40 50
fprintf('%d\n', v(end / 5 + 1));
% CHECK-NEXT: 20
fprintf('%d\n', v(round(end / 2)));
% CHECK-NEXT: 30
y = 1:5;
fprintf('%d\n', y(min(end, 10)));
% CHECK-NEXT: 5
idx = [1 2];
fprintf('%d\n', v(idx(end)));
% CHECK-NEXT: 20
fprintf('%d\n', v(end - idx(end)));
% CHECK-NEXT: 30
B = magic(4);
fprintf('%d\n', B(end, end - 1));
% CHECK-NEXT: 15
fprintf('%d ', B(end)); fprintf('\n');
% CHECK-NEXT: 1
