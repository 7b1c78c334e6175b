% RUN: %run-both | FileCheck %s
% try/catch: caught errors, identifiers, loops, functions, nesting.
try
  error('my:id', 'bad %d', 3);
catch err
  fprintf('%s | %s\n', err.identifier, err.message);
end
% CHECK: my:id | bad 3
try
  q = [1 2 3];
  q(5);
catch e
  disp(e.message);
end
% CHECK-NEXT: Index exceeds the number of array elements. Index must not exceed 3.
n = 0;
for k = 1:4
  try
    if mod(k, 2) == 0, error('even'); end
    n = n + 1;
  catch
    n = n + 10;
  end
end
disp(n)
% CHECK-NEXT: 22
try
  try
    thrower(2);
  catch inner
    fprintf('inner: %s\n', inner.message);
    error('outer:id', 'wrapped');
  end
catch outer
  fprintf('outer: %s\n', outer.identifier);
end
% CHECK: inner: level 2
% CHECK-NEXT: outer: outer:id
disp(safe_div(1, 0))
% CHECK-NEXT: -1
function thrower(k)
  error('t:k', 'level %d', k);
end
function r = safe_div(a, b)
  try
    if b == 0, error('zero'); end
    r = a / b;
  catch
    r = -1;
    return;
  end
end
