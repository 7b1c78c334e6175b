% RUN: %run-both 2>&1 | FileCheck %s
% clear, clear x y, clear all, clear('x'); clc and close all do nothing.
clc
close all
a = 1; b = 2; c = 3;
clear a
fprintf('%d %d %d\n', exist('a'), exist('b'), exist('c'));
% CHECK: 0 1 1
clear('b');
fprintf('%d %d\n', exist('b'), exist('c'));
% CHECK-NEXT: 0 1
try
  disp(b)
catch err
  disp(err.message)
end
% CHECK-NEXT: Unrecognized function or variable 'b'.
b = 'text';
disp(b)
% CHECK-NEXT: text
for k = 1:3
  t = k * 2;
end
clear all
fprintf('%d %d %d %d\n', exist('b'), exist('c'), exist('k'), exist('t'));
% CHECK-NEXT: 0 0 0 0
try
  close(5)
catch err
  disp(err.identifier)
end
% CHECK-NEXT: MATLAB:close:InvalidFigureHandle
x = 5;
clear
fprintf('%d\n', exist('x'));
% CHECK-NEXT: 0
x = 7;
fprintf('%d\n', x);
% CHECK-NEXT: 7
f(4)
% CHECK-NEXT: 0
h()
% CHECK-NOT: ans
% CHECK: done
disp('done')
% Wildcards (the shell's * ? [..]) and -regexp select variables by name.
a1 = 1; a2 = 2; ab = 3; bb = 4;
clear a?
fprintf('%d %d %d %d\n', exist('a1'), exist('a2'), exist('ab'), exist('bb'));
% CHECK-NEXT: 0 0 0 1
c1 = 1; cx = 2; xc3 = 3;
clear -regexp ^c\d
fprintf('%d %d %d\n', exist('c1'), exist('cx'), exist('xc3'));
% CHECK-NEXT: 0 1 1
clear('-regexp', '\d$')
fprintf('%d %d\n', exist('xc3'), exist('cx'));
% CHECK-NEXT: 0 1
clear b*
fprintf('%d %d\n', exist('bb'), exist('cx'));
% CHECK-NEXT: 0 1
function f(v)
  w = v;
  clear w
  fprintf('%d\n', exist('w'));
end
function y = h()
  if false
    y = 1;
  end
end
