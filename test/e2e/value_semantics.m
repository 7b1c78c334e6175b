% RUN: %run-both | FileCheck %s
% Arrays are values: assignment copies (copy-on-write), a callee that
% modifies its argument leaves the caller's variable alone.
a = [1 2 3];
b = a;
b(1) = 99;
fprintf('%d ', a); fprintf('\n');
% CHECK: 1 2 3
fprintf('%d ', b); fprintf('\n');
% CHECK-NEXT: 99 2 3
v = [1 2 3];
w = modify(v);
fprintf('%d ', v); fprintf('\n');
% CHECK-NEXT: 1 2 3
fprintf('%d ', w); fprintf('\n');
% CHECK-NEXT: 100 2 3
x = 5;
y = bump(x);
fprintf('%d %d\n', x, y);
% CHECK-NEXT: 5 6
c = a;
a(2) = 0;
fprintf('%d %d\n', c(2), a(2));
% CHECK-NEXT: 2 0
m = 'text';
n = m;
n(1) = 'n';
disp(m);
% CHECK-NEXT: text
v = modify(v);
fprintf('%d ', v); fprintf('\n');
% CHECK-NEXT: 100 2 3
function v = modify(v)
  v(1) = 100;
end
function x = bump(x)
  x = x + 1;
end
