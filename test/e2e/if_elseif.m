% RUN: %run-both | FileCheck %s
% if/elseif/else; array conditions are true iff non-empty and all nonzero.
for x = [-1 0 1 5]
  if x < 0
    fprintf('neg ');
  elseif x == 0
    fprintf('zero ');
  elseif x < 3
    fprintf('small ');
  else
    fprintf('big ');
  end
end
fprintf('\n');
% CHECK: neg zero small big
if [1 1 0]
  disp('yes');
else
  disp('no');
end
% CHECK-NEXT: no
if [1 2 3]
  disp('all nonzero');
end
% CHECK-NEXT: all nonzero
if []
  disp('empty is true');
else
  disp('empty is false');
end
% CHECK-NEXT: empty is false
if 'a'
  disp('char true');
end
% CHECK-NEXT: char true
if 0.1, disp('fraction true'), end
% CHECK-NEXT: fraction true
if NaN < 1, disp('wrong'), else, disp('nan compare false'), end
% CHECK-NEXT: nan compare false
a = 3;
if a == 3 disp('no comma needed'), end
% CHECK-NEXT: no comma needed
if zeros(2, 0), disp('wrong'), end
if ~isempty(a) && a > 2
  disp('and');
end
% CHECK-NEXT: and
