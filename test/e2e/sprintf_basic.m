% RUN: %run-both | FileCheck %s
% sprintf returns a char row; %d with a non-integer switches to %e; %s with
% a number prints the character.
s = sprintf('%d-%d', 3, 4);
disp(s);
% CHECK: 3-4
disp(class(s));
% CHECK-NEXT: char
fprintf('%d %d\n', size(s));
% CHECK-NEXT: 1 3
disp(sprintf('%d', 1.5));
% CHECK-NEXT: 1.500000e+00
disp(sprintf('%d', pi));
% CHECK-NEXT: 3.141593e+00
disp(sprintf('%s', 65));
% CHECK-NEXT: A
disp(sprintf('%g', 1e-5));
% CHECK-NEXT: 1e-05
disp(sprintf('%g', 123456789));
% CHECK-NEXT: 1.23457e+08
disp(sprintf('%.17g', 0.1));
% CHECK-NEXT: 0.10000000000000001
disp(sprintf('%d,', 1:4));
% CHECK-NEXT: 1,2,3,4,
disp(sprintf('%5.1f|', [1.25 -2]));
% CHECK-NEXT: 1.2| -2.0|
n = sprintf('line1\nline2');
fprintf('%d\n', numel(n));
% CHECK-NEXT: 11
disp(n);
% CHECK-NEXT: line1
% CHECK-NEXT: line2
disp([sprintf('%d', 12) 'ab']);
% CHECK-NEXT: 12ab
fprintf('%d\n', length(sprintf('%s', '')));
% CHECK-NEXT: 0
disp(sprintf('%c', 'hello'));
% CHECK-NEXT: hello
