% RUN: %run-both | FileCheck %s
% x = [x ...] and x = [x; ...] grow x (in place when x is not shared); the
% result is MATLAB's concatenation in every case, shared or not.
s = '';
for k = 1:5
  s = [s sprintf('%d,', k)];
end
disp(s)
% CHECK: 1,2,3,4,5,
v = [];
for k = 1:4
  v = [v; k * 2];
end
fprintf('%d %d: %s\n', size(v), mat2str(v));
% CHECK-NEXT: 4 1: [2;4;6;8]
w = zeros(1, 0);
w = [w 1 2];
disp(mat2str(w))
% CHECK-NEXT: [1 2]
t = s;
s = [s 'x'];
disp(t); disp(s)
% CHECK-NEXT: 1,2,3,4,5,
% CHECK-NEXT: 1,2,3,4,5,x
q = [65 66];
q = [q 'C'];
fprintf('%s %s\n', class(q), q);
% CHECK-NEXT: char ABC
c = {1};
c = [c {2, 3}];
fprintf('%s %d %d\n', class(c), size(c));
% CHECK-NEXT: cell 1 3
r = 1:3;
r = [r; 4:6];
disp(mat2str(r))
% CHECK-NEXT: [1 2 3;4 5 6]
z = 'ab';
z = [z z];
disp(z)
% CHECK-NEXT: abab
u = [1 2];
u = [u, [3; 4]'];
disp(mat2str(u))
% CHECK-NEXT: [1 2 3 4]
b = true;
b = [b false 1];
fprintf('%s %s\n', class(b), mat2str(b));
% CHECK-NEXT: double [1 0 1]
g = [1 2];
try
  g = [g; 1 2 3];
catch err
  disp(err.identifier)
end
disp(mat2str(g))
% CHECK-NEXT: MATLAB:catenate:dimensionMismatch
% CHECK-NEXT: [1 2]
e = int8([1 2]);
e = [e 300];
fprintf('%s %s\n', class(e), mat2str(e));
% CHECK-NEXT: int8 [1 2 127]
