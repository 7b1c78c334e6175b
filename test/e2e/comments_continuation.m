% RUN: %run-both | FileCheck %s
% Comments (%, block comments), continuation lines, and statement separators.
x = 1; % trailing comment
y = 2; z = 3, w = 4;
%{
disp('inside a block comment');
%}
% CHECK-NOT: inside a block comment
s = x + ...
    y + ... a comment after the ellipsis
    z;
fprintf('%d\n', s);
% CHECK: z =
% CHECK: 6
v = [1, 2, ...
     3];
fprintf('%d\n', numel(v));
% CHECK-NEXT: 3
t = 'a % not a comment';
disp(t);
% CHECK-NEXT: a % not a comment
%{
  nested text
%}
u = 5; %{ not a block comment start because text follows on the line
fprintf('%d\n', u);
% CHECK-NEXT: 5
fprintf('%d\n', w);
% CHECK-NEXT: 4
