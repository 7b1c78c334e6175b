% RUN: %run-both | FileCheck %s
% Char concatenation: char wins over numbers; rows must have equal length.
s = ['ab', 'cd'];
disp(s);
% CHECK: abcd
disp(['a' 66]);
% CHECK-NEXT: aB
disp(class(['a' 66]));
% CHECK-NEXT: char
m = ['ab'; 'cd'];
fprintf('%d %d\n', size(m));
% CHECK-NEXT: 2 2
disp(m(2, :));
% CHECK-NEXT: cd
disp(m(:)');
% CHECK-NEXT: acbd
name = 'World';
disp(['Hello, ' name '!']);
% CHECK-NEXT: Hello, World!
disp(['x' '' 'y']);
% CHECK-NEXT: xy
fprintf('%d\n', length(['abc' []]));
% CHECK-NEXT: 3
t = [72 105];
disp(char(t));
% CHECK-NEXT: Hi
