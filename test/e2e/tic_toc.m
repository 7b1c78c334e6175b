% RUN: %run-both | FileCheck %s
% toc returns the elapsed time since tic as a non-negative double.
tic;
s = 0;
for i = 1:1000
  s = s + i;
end
t = toc;
fprintf('%d %d\n', t >= 0, isscalar(t));
% CHECK: 1 1
disp(class(t));
% CHECK-NEXT: double
id = tic;
t2 = toc(id);
fprintf('%d\n', t2 >= 0);
% CHECK-NEXT: 1
fprintf('%d\n', t2 < 60);
% CHECK-NEXT: 1
