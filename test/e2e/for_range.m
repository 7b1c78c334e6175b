% RUN: %run-both | FileCheck %s
% for over ranges; reassigning the loop variable does not change the
% iteration sequence; the variable keeps its last value after the loop.
n = 0;
for k = 1:3
  k = 10;
  n = n + 1;
end
fprintf('%d %d\n', n, k);
% CHECK: 3 10
for i = 5:-2:1
  fprintf('%d ', i);
end
fprintf('\n');
% CHECK-NEXT: 5 3 1
for i = 1:2
end
fprintf('%d\n', i);
% CHECK-NEXT: 2
s = 0;
for i = 1:3
  for j = 1:i
    s = s + j;
  end
end
fprintf('%d\n', s);
% CHECK-NEXT: 10
t = 0;
for x = 0.5:0.5:2
  t = t + x;
end
fprintf('%g\n', t);
% CHECK-NEXT: 5
lo = 2; hi = 4;
for i = lo:hi
  fprintf('%d', i);
end
fprintf('\n');
% CHECK-NEXT: 234
for i = 1:3, fprintf('%d,', i); end, fprintf('\n');
% CHECK-NEXT: 1,2,3,
total = 0;
for i = 1:100000
  total = total + i;
end
fprintf('%d\n', total);
% CHECK-NEXT: 5000050000
