% RUN: %run-both | FileCheck %s
% class, and the double/logical/char conversions.
disp(class(5));
% CHECK: double
disp(class('a'));
% CHECK-NEXT: char
disp(class(true));
% CHECK-NEXT: logical
disp(class([]));
% CHECK-NEXT: double
disp(class(1:3));
% CHECK-NEXT: double
disp(class(double('a')));
% CHECK-NEXT: double
disp(mat2str(double('AZ')));
% CHECK-NEXT: [65 90]
disp(mat2str(logical([2 0 -1])));
% CHECK-NEXT: [true false true]
disp(class(logical(1)));
% CHECK-NEXT: logical
disp(char([72 101 108 108 111]));
% CHECK-NEXT: Hello
disp(class(char(65)));
% CHECK-NEXT: char
disp(mat2str(double(true)));
% CHECK-NEXT: 1
disp(class(1 == 1));
% CHECK-NEXT: logical
x = 3;
x = 'now char';
disp(class(x));
% CHECK-NEXT: char
x = x == 'n';
disp(class(x));
% CHECK-NEXT: logical
