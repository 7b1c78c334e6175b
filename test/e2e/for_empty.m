% RUN: %run-both | FileCheck %s
% A for loop over an empty array runs zero times.
k = 0;
for c = zeros(0, 3)
  k = k + 1;
end
fprintf('%d\n', k);
% CHECK: 0
for c = []
  k = k + 1;
end
fprintf('%d\n', k);
% CHECK-NEXT: 0
for c = 1:0
  k = k + 1;
end
fprintf('%d\n', k);
% CHECK-NEXT: 0
for c = 5:1
  disp('never');
end
% CHECK-NOT: never
n = 0;
for i = 1:n
  disp('never');
end
disp('done');
% CHECK: done
% A loop that runs zero times leaves its variable empty (its earlier value
% is gone): 1x0 for a range, size(range, 1) x 0 of its class otherwise.
v = 5;
for v = 1:0
end
v
% CHECK: v =
% CHECK-EMPTY:
% CHECK-NEXT: 1×0 empty double row vector
disp(size(v))
% CHECK: 1 0
for w = zeros(2, 0)
end
disp(size(w))
% CHECK: 2 0
for q = {}
end
disp(class(q))
% CHECK: cell
% A loop that ran keeps its last value; one left by break keeps that value.
for i = 1:10
  if i == 4
    break
  end
end
disp(i)
% CHECK: 4
disp(lastIndex(0))
% CHECK: 0
disp(lastIndex(3))
% CHECK: 3
function r = lastIndex(n)
  for r = 1:n
  end
  if isempty(r)
    r = 0;
  end
end
