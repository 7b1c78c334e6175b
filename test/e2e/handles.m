% RUN: %run-both | FileCheck %s
% Anonymous functions capture by value; handles to builtins and locals.
a = 10;
f = @(x) x + a;
a = 20;
fprintf('%d\n', f(1));
% CHECK: 11
g = @sin;
fprintf('%.4f\n', g(pi/2));
% CHECK-NEXT: 1.0000
h = @twice;
fprintf('%d\n', h(21));
% CHECK-NEXT: 42
fprintf('%s\n', func2str(f));
% CHECK-NEXT: @(x)x+a
k = @(x, y) x * y;
fprintf('%d\n', feval(k, 6, 7));
% CHECK-NEXT: 42
m = arrayfun(@(v) v^2, [1 2 3]);
fprintf('%d ', m);
fprintf('\n');
% CHECK-NEXT: 1 4 9
lens = cellfun(@numel, {'ab', 'cde', ''});
fprintf('%d ', lens);
fprintf('\n');
% CHECK-NEXT: 2 3 0
up = cellfun(@(s) [s '!'], {'hi', 'yo'}, 'UniformOutput', false);
fprintf('%s ', up{:});
fprintf('\n');
% CHECK-NEXT: hi! yo!
adder = make_adder(5);
fprintf('%d\n', adder(1));
% CHECK-NEXT: 6
[mx, ix] = feval(@max, [3 9 2]);
fprintf('%d %d\n', mx, ix);
% CHECK-NEXT: 9 2
fprintf('%d\n', total(1, 2, 3));
% CHECK-NEXT: 6
[p, q] = spread(7);
fprintf('%d %d\n', p, q);
% CHECK-NEXT: 7 8
function y = twice(x)
  y = 2 * x;
end
function f = make_adder(n)
  f = @(x) x + n;
end
function s = total(varargin)
  s = 0;
  for k = 1:nargin
    s = s + varargin{k};
  end
end
function varargout = spread(x)
  for k = 1:nargout
    varargout{k} = x + k - 1;
  end
end
