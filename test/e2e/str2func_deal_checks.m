% RUN: %run-both | FileCheck %s
% str2func of a constant anonymous-function text (no workspace captured),
% [s.f] = deal(...) on a struct array, narginchk/nargoutchk, warning.
f = str2func('@(x) x.^2 + 1');
disp(f(3))
% CHECK: 10
disp(func2str(f))
% CHECK: @(x)x.^2+1
g = str2func('cos');
disp(g(0))
% CHECK: 1
s = struct('a', {1, 2, 3});
[s.a] = deal(0);
disp([s.a])
% CHECK: 0 0 0
[s.b] = deal('x', 'y', 'z');
disp([s.b])
% CHECK: xyz
try
  [s.a] = deal(1, 2);
catch e
  disp(e.message)
end
% CHECK: The number of outputs should match the number of inputs.
checked(1);
disp('one ok')
% CHECK: one ok
try
  checked();
catch e
  fprintf('%s | %s\n', e.identifier, e.message);
end
% CHECK: MATLAB:narginchk:notEnoughInputs | Not enough input arguments.
try
  checked(1, 2, 3);
catch e
  disp(e.message)
end
% CHECK: Too many input arguments.
warning('off', 'demo:quiet');
warning('demo:quiet', 'not shown %d', 1);
warning('demo:loud', 'shown %d', 2);
[msg, id] = lastwarn();
fprintf('%s / %s\n', msg, id);
% CHECK: shown 2 / demo:loud
function checked(varargin)
  narginchk(1, 2);
end
