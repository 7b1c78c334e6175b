% RUN: %run-both | FileCheck %s --strict-whitespace --match-full-lines
% A statement without a semicolon inside a function displays with the local
% variable's name.
disp('begin');
% CHECK:begin
show(4);
% CHECK-EMPTY:
% CHECK-NEXT:v =
% CHECK-EMPTY:
% CHECK-NEXT:     4
% CHECK-EMPTY:
% CHECK-EMPTY:
% CHECK-NEXT:w =
% CHECK-EMPTY:
% CHECK-NEXT:     8
% CHECK-EMPTY:
r = show(1);
% CHECK-EMPTY:
% CHECK-NEXT:v =
% CHECK-EMPTY:
% CHECK-NEXT:     1
% CHECK-EMPTY:
% CHECK-EMPTY:
% CHECK-NEXT:w =
% CHECK-EMPTY:
% CHECK-NEXT:     2
% CHECK-EMPTY:
disp('end');
% CHECK-NEXT:end
function w = show(v)
  v
  w = 2 * v
end
