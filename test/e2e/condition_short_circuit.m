% RUN: %run-both | FileCheck %s
% Inside if/while conditions, | and & short-circuit when the left operand is
% a scalar that decides the result (SEMANTICS rule 26); elsewhere they are
% elementwise, and a non-scalar left operand evaluates both sides.
if 1 | error('not evaluated'), disp('or ok'), end
% CHECK: or ok
if 0 & error('not evaluated'), else, disp('and ok'), end
% CHECK-NEXT: and ok
x = [1 0 1] & [1 1 0]
% CHECK: x =
% CHECK: 1   0   0
c = {5};
v = c{1};
if v | error('not evaluated'), disp('dynamic or ok'), end
% CHECK: dynamic or ok
if [1 1] | [0 0], disp('all true'), end
% CHECK-NEXT: all true
if [1 0] | [0 0], disp('wrong'), else, disp('not all'), end
% CHECK-NEXT: not all
if 0 | [1 1], disp('rhs decides'), end
% CHECK-NEXT: rhs decides
if 1 & [], disp('wrong'), else, disp('empty is false'), end
% CHECK-NEXT: empty is false
k = 0;
while k < 3 & (k >= 0 | error('not evaluated'))
  k = k + 1;
end
fprintf('%d\n', k)
% CHECK-NEXT: 3
if [1 1] | noisy(), disp('both sides'), end
% CHECK-NEXT: right side evaluated
% CHECK-NEXT: both sides
if 0 | noisy(), end
% CHECK-NEXT: right side evaluated
function r = noisy()
  disp('right side evaluated');
  r = [1 1];
end
