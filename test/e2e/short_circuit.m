% RUN: %run-both | FileCheck %s
% && and || evaluate the right operand only when needed.
a = (1 == 2) && noisy(1);
fprintf('%d\n', a);
% CHECK: 0
% CHECK-NOT: called
b = (1 == 1) || noisy(2);
fprintf('%d\n', b);
% CHECK-NEXT: 1
c = (1 == 1) && noisy(3);
fprintf('%d\n', c);
% CHECK-NEXT: called 3
% CHECK-NEXT: 1
d = 0 || noisy(4);
fprintf('%d\n', d);
% CHECK-NEXT: called 4
% CHECK-NEXT: 1
x = [];
if isempty(x) || x(1) > 0
  disp('guarded');
end
% CHECK-NEXT: guarded
e = 5 && 7;
disp(class(e));
% CHECK-NEXT: logical
function r = noisy(k)
  fprintf('called %d\n', k);
  r = true;
end
