% RUN: %run-both | FileCheck %s
% feval and str2func find functions by a name known only at run time: the
% program's local functions first, then functions on the path, then
% builtins. Text naming an anonymous function must be constant.
addpath('Inputs/pathlib');
names = {'sq', 'sin', 'pathfn_scale'};
for k = 1:numel(names)
  f = str2func(names{k});
  fprintf('%s(0) = %g, %s\n', names{k}, f(0), func2str(f));
end
% CHECK: sq(0) = 0, sq
% CHECK-NEXT: sin(0) = 0, sin
% CHECK-NEXT: pathfn_scale(0) = 1, pathfn_scale
nm = ['s' 'q'];
fprintf('%g\n', feval(nm, 5));
% CHECK-NEXT: 25
% A local function shadows the builtin of the same name.
fprintf('%g\n', feval(['ma' 'x'], 3, 4));
% CHECK-NEXT: 7
c = cellfun(str2func('sq'), {1, 2, 3});
fprintf('%g ', c); fprintf('\n');
% CHECK-NEXT: 1 4 9
try
  g = str2func(['@(x) x + ' num2str(2)]);
catch err
  disp(err.identifier)
end
% CHECK-NEXT: RunMat:unsupported
try
  feval(['no_such_' 'function'], 1);
catch err
  disp(err.identifier)
end
% CHECK-NEXT: MATLAB:UndefinedFunction

function y = sq(x)
  y = x.^2;
end
function m = max(a, b)
  m = a + b;
end
