% RUN: %run-both | FileCheck %s
% Growing a char array pads with char(0); assigning chars into chars.
s = 'abc';
s(5) = 'e';
fprintf('%d ', double(s)); fprintf('\n');
% CHECK: 97 98 99 0 101
disp(class(s));
% CHECK-NEXT: char
t = 'hello';
t(1) = 'J';
disp(t);
% CHECK-NEXT: Jello
t(end + 1) = '!';
disp(t);
% CHECK-NEXT: Jello!
u = 'abc';
u([1 3]) = 'XY';
disp(u);
% CHECK-NEXT: XbY
w = 'abcdef';
w(2:3) = [];
disp(w);
% CHECK-NEXT: adef
