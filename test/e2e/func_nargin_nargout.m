% RUN: %run-both | FileCheck %s
% nargin and nargout reflect the call site.
fprintf('%d %d %d\n', count_in(), count_in(1), count_in(1, 2));
% CHECK: 0 1 2
r = with_default(5);
fprintf('%d\n', r);
% CHECK-NEXT: 15
r = with_default(5, 1);
fprintf('%d\n', r);
% CHECK-NEXT: 6
outs();
% CHECK-NEXT: nargout=0
a = outs();
% CHECK-NEXT: nargout=1
[a, b] = outs();
% CHECK-NEXT: nargout=2
fprintf('%d %d\n', a, b);
% CHECK-NEXT: 1 2
[~, b] = outs();
% CHECK-NEXT: nargout=2
function n = count_in(a, b)
  n = nargin;
end
function r = with_default(x, step)
  if nargin < 2
    step = 10;
  end
  r = x + step;
end
function [p, q] = outs()
  fprintf('nargout=%d\n', nargout);
  p = 1;
  q = 2;
end
