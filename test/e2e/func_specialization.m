% RUN: %run-both | FileCheck %s
% One function called with scalars, arrays and chars (each call site may get
% its own specialization); results must not mix up.
disp(mat2str(twice(3)));
% CHECK: 6
disp(mat2str(twice([1 2])));
% CHECK-NEXT: [2 4]
disp(mat2str(twice('a')));
% CHECK-NEXT: 194
disp(mat2str(twice(true)));
% CHECK-NEXT: 2
s = 0;
for i = 1:4
  s = s + twice(i);
end
fprintf('%g\n', s);
% CHECK-NEXT: 20
disp(mat2str(first([7 8 9])));
% CHECK-NEXT: 7
disp(mat2str(first(5)));
% CHECK-NEXT: 5
disp(first('xyz'));
% CHECK-NEXT: x
disp(mat2str(pick(true, 1, [2 3])));
% CHECK-NEXT: 1
disp(mat2str(pick(false, 1, [2 3])));
% CHECK-NEXT: [2 3]
function r = twice(x)
  r = x * 2;
end
function r = first(v)
  r = v(1);
end
function r = pick(c, a, b)
  if c
    r = a;
  else
    r = b;
  end
end
