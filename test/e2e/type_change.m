% RUN: %run-both | FileCheck %s
% A variable may change class and shape over time, also inside loops.
x = 1;
for i = 1:3
  x = [x i];
end
disp(mat2str(x));
% CHECK: [1 1 2 3]
y = 0;
for i = 1:4
  if i == 3
    y = 'str';
  end
end
disp(class(y));
% CHECK-NEXT: char
z = 5;
z(2) = 3;
disp(mat2str(z));
% CHECK-NEXT: [5 3]
t = true;
t(3) = true;
disp(mat2str(t));
% CHECK-NEXT: [true false true]
w = 1;
w = w > 0;
w = w + 1;
fprintf('%s %g\n', class(w), w);
% CHECK-NEXT: double 2
a = [];
a = 7;
fprintf('%g\n', a * 2);
% CHECK-NEXT: 14
b = 2;
for k = 1:2
  b = b .* [1 2];
end
disp(mat2str(b));
% CHECK-NEXT: [2 8]
