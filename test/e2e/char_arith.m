% RUN: %run-both | FileCheck %s
% Arithmetic on logical and char gives double.
disp(class(true + true));
% CHECK: double
fprintf('%g\n', true + true);
% CHECK-NEXT: 2
fprintf('%g\n', 'a' + 1);
% CHECK-NEXT: 98
disp(class('a' + 1));
% CHECK-NEXT: double
disp(class(-true));
% CHECK-NEXT: double
disp(class(sum('ab')));
% CHECK-NEXT: double
fprintf('%g\n', sum('ab'));
% CHECK-NEXT: 195
disp(char('abc' + 1));
% CHECK-NEXT: bcd
disp(char('hello' - 'a' + 'A'));
% CHECK-NEXT: HELLO
fprintf('%g ', 'az' - 'a'); fprintf('\n');
% CHECK-NEXT: 0 25
disp(mat2str('abc' == 'b'));
% CHECK-NEXT: [false true false]
fprintf('%g\n', true * 3);
% CHECK-NEXT: 3
u = 'hello';
u(u == 'l') = 'L';
disp(u);
% CHECK-NEXT: heLLo
