% RUN: %run-both | FileCheck %s
% for iterates over the columns of its array.
for c = [1 2; 3 4]
  fprintf('%d %d;', c(1), c(2));
end
fprintf('\n');
% CHECK: 1 3;2 4;
n = 0;
for v = [1; 2; 3]
  n = n + 1;
  fprintf('%d %d\n', size(v));
end
fprintf('%d\n', n);
% CHECK-NEXT: 3 1
% CHECK-NEXT: 1
for ch = 'abc'
  fprintf('[%s]', ch);
end
fprintf('\n');
% CHECK-NEXT: [a][b][c]
for x = [true false]
  fprintf('%s %d\n', class(x), x);
end
% CHECK-NEXT: logical 1
% CHECK-NEXT: logical 0
for e = eye(2)
  fprintf('%d', e);
  fprintf(';');
end
fprintf('\n');
% CHECK-NEXT: 10;01;
v = [4 9 16];
for x = sqrt(v)
  fprintf('%g ', x);
end
fprintf('\n');
% CHECK-NEXT: 2 3 4
for x = 7
  fprintf('%d\n', x);
end
% CHECK-NEXT: 7
