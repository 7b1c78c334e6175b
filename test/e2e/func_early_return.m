% RUN: %run-both | FileCheck %s
% return leaves the function early, from inside loops too; a script-level
% return ends the script.
fprintf('%d\n', find_first([4 7 9 7], 7));
% CHECK: 2
fprintf('%d\n', find_first([4 7 9 7], 5));
% CHECK-NEXT: 0
fprintf('%s\n', sign_name(-3));
% CHECK-NEXT: negative
fprintf('%s\n', sign_name(0));
% CHECK-NEXT: zero
fprintf('%s\n', sign_name(8));
% CHECK-NEXT: positive
say_until(3);
% CHECK-NEXT: 1 2 3
% CHECK-NEXT: end of script
disp('end of script');
return
disp('after return');
% CHECK-NOT: after return
function idx = find_first(v, x)
  idx = 0;
  for i = 1:numel(v)
    if v(i) == x
      idx = i;
      return;
    end
  end
end
function s = sign_name(x)
  if x < 0
    s = 'negative';
    return
  end
  if x == 0
    s = 'zero';
    return
  end
  s = 'positive';
end
function say_until(n)
  k = 0;
  while true
    k = k + 1;
    fprintf('%d', k);
    if k == n
      fprintf('\n');
      return;
    end
    fprintf(' ');
  end
end
