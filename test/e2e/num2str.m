% RUN: %run-both | FileCheck %s --strict-whitespace --match-full-lines
% num2str: 4 decimals (5 significant digits) by default, integers exactly,
% matrices as padded char rows.
disp(['[' num2str(pi) ']']);
% CHECK:[3.1416]
disp(['[' num2str(1e10) ']']);
% CHECK-NEXT:[10000000000]
disp(['[' num2str([1 2 3]) ']']);
% CHECK-NEXT:[1  2  3]
disp(['[' num2str(42) ']']);
% CHECK-NEXT:[42]
disp(['[' num2str(-7.5) ']']);
% CHECK-NEXT:[-7.5]
disp(['[' num2str(123.456) ']']);
% CHECK-NEXT:[123.456]
disp(['[' num2str(1/3) ']']);
% CHECK-NEXT:[0.33333]
disp(['[' num2str(eps) ']']);
% CHECK-NEXT:[2.2204e-16]
disp(['[' num2str(pi, 8) ']']);
% CHECK-NEXT:[3.1415927]
disp(['[' num2str(pi, '%.2f') ']']);
% CHECK-NEXT:[3.14]
disp(['[' num2str(true) ']']);
% CHECK-NEXT:[1]
disp(['[' num2str('abc') ']']);
% CHECK-NEXT:[abc]
disp(['[' num2str(NaN) ' ' num2str(-Inf) ']']);
% CHECK-NEXT:[NaN -Inf]
s = num2str([0.538 -2.26; 1.83 0.862], 3);
fprintf('%d %d\n', size(s));
% CHECK-NEXT:2 15
disp(s);
% CHECK-NEXT:0.538     -2.26
% CHECK-NEXT: 1.83     0.862
c = num2str([1; 22]);
fprintf('%d %d\n', size(c));
% CHECK-NEXT:2 2
disp(['x = ' num2str(2.5) ';']);
% CHECK-NEXT:x = 2.5;
