% RUN: %run-both | FileCheck %s
% Recursive and mutually recursive functions.
fprintf('%d\n', fact(10));
% CHECK: 3628800
fprintf('%d\n', fib(20));
% CHECK-NEXT: 6765
fprintf('%d %d\n', is_even(10), is_even(7));
% CHECK-NEXT: 1 0
fprintf('%d\n', gcd_r(48, 18));
% CHECK-NEXT: 6
v = rev([1 2 3 4]);
fprintf('%d ', v); fprintf('\n');
% CHECK-NEXT: 4 3 2 1
fprintf('%d\n', ackermann(2, 3));
% CHECK-NEXT: 9
function r = fact(n)
  if n <= 1
    r = 1;
  else
    r = n * fact(n - 1);
  end
end
function r = fib(n)
  if n < 2
    r = n;
  else
    r = fib(n - 1) + fib(n - 2);
  end
end
function r = is_even(n)
  if n == 0
    r = true;
  else
    r = is_odd(n - 1);
  end
end
function r = is_odd(n)
  if n == 0
    r = false;
  else
    r = is_even(n - 1);
  end
end
function g = gcd_r(a, b)
  if b == 0
    g = a;
  else
    g = gcd_r(b, mod(a, b));
  end
end
function v = rev(v)
  if numel(v) > 1
    v = [rev(v(2:end)), v(1)];
  end
end
function r = ackermann(m, n)
  if m == 0
    r = n + 1;
  elseif n == 0
    r = ackermann(m - 1, 1);
  else
    r = ackermann(m - 1, ackermann(m, n - 1));
  end
end
