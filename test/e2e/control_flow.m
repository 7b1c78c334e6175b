% RUN: %run-both | FileCheck %s
k = 0;
while true
  k = k + 1;
  if k > 5
    break;
  elseif mod(k, 2) == 0
    continue;
  end
  fprintf('odd %d\n', k);
end
% CHECK: odd 1
% CHECK-NEXT: odd 3
% CHECK-NEXT: odd 5
switch 'abc'
  case 'xyz'
    disp('no');
  case 'abc'
    disp('yes');
  otherwise
    disp('never');
end
% CHECK-NEXT: yes
for c = [1 2; 3 4]
  fprintf('%d,%d;', c(1), c(2));
end
fprintf('\n');
% CHECK-NEXT: 1,3;2,4;
if [] , disp('empty is true'), else, disp('empty is false'), end
% CHECK-NEXT: empty is false
x = (1 == 2) && error('not evaluated');
disp(x)
% CHECK-NEXT: 0
