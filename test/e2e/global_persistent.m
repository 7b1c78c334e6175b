% RUN: %run-both | FileCheck %s
% global variables are shared by every function declaring them; persistent
% ones keep their value between calls of one function and start as [].
global G
G = 5;
show();
% CHECK: G is 5
bump();
fprintf('G is now %d\n', G);
% CHECK-NEXT: G is now 6
for k = 1:3
  counter();
end
% CHECK-NEXT: call 1
% CHECK-NEXT: call 2
% CHECK-NEXT: call 3
fprintf('%d %d\n', twice(1), twice(2));
% CHECK-NEXT: 1 2
function show()
  global G
  fprintf('G is %d\n', G);
end
function bump()
  global G
  G = G + 1;
end
function counter()
  persistent n
  if isempty(n)
    n = 0;
  end
  n = n + 1;
  fprintf('call %d\n', n);
end
function r = twice(x)
  % Two specializations (double argument both times, but different
  % call sites) share the one persistent variable.
  persistent calls
  if isempty(calls), calls = 0; end
  calls = calls + 1;
  r = calls;
end
