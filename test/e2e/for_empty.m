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
