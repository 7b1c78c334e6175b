% RUN: %run-both | FileCheck %s
% while loops with break and continue, nested loops.
n = 0;
while n < 5
  n = n + 1;
end
fprintf('%d\n', n);
% CHECK: 5
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
% CHECK-NEXT: odd 1
% CHECK-NEXT: odd 3
% CHECK-NEXT: odd 5
for i = 1:3
  j = 0;
  while true
    j = j + 1;
    if j == i
      break;
    end
  end
  fprintf('%d:%d ', i, j);
end
fprintf('\n');
% CHECK-NEXT: 1:1 2:2 3:3
c = 0;
while c < 0
  c = 99;
end
fprintf('%d\n', c);
% CHECK-NEXT: 0
x = 100;
steps = 0;
while x ~= 1
  if mod(x, 2) == 0
    x = x / 2;
  else
    x = 3 * x + 1;
  end
  steps = steps + 1;
end
fprintf('%d\n', steps);
% CHECK-NEXT: 25
v = [1 1 1];
m = 0;
while v
  m = m + 1;
  v(m) = 0;
end
fprintf('%d\n', m);
% CHECK-NEXT: 1
for i = 1:4
  if i == 2, continue, end
  for j = 1:4
    if j > 1, break, end
    fprintf('%d%d ', i, j);
  end
end
fprintf('\n');
% CHECK-NEXT: 11 31 41
