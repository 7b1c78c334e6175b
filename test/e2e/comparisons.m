% RUN: %run-both | FileCheck %s
% Relational operators on scalars and arrays give logical results.
fprintf('%d', 1 < 2, 2 < 1, 2 <= 2, 3 > 3, 3 >= 3, 4 == 4, 4 ~= 4);
fprintf('\n');
% CHECK: 1010110
r = [1 5 3] > 2;
fprintf('%d ', r); fprintf('\n');
% CHECK-NEXT: 0 1 1
disp(class(r));
% CHECK-NEXT: logical
disp(class(1 == 1));
% CHECK-NEXT: logical
fprintf('%d ', [1 2; 3 4] == [1 0; 3 0]); fprintf('\n');
% CHECK-NEXT: 1 1 0 0
fprintf('%d ', [1 2 3] ~= 2); fprintf('\n');
% CHECK-NEXT: 1 0 1
fprintf('%d ', (1:3)' >= [2 3]); fprintf('\n');
% CHECK-NEXT: 0 1 1 0 0 1
fprintf('%d\n', 3 > 2 > 1);
% CHECK-NEXT: 0
fprintf('%d\n', 1 < 2 == 1);
% CHECK-NEXT: 1
fprintf('%d\n', 'a' < 'b');
% CHECK-NEXT: 1
fprintf('%d ', 'abc' == 'abd'); fprintf('\n');
% CHECK-NEXT: 1 1 0
fprintf('%g\n', (2 > 1) + (3 > 1));
% CHECK-NEXT: 2
