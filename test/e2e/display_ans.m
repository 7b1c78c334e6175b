% RUN: %run-both | FileCheck %s --strict-whitespace --match-full-lines
% An expression statement without a semicolon displays ans; a bare variable
% displays under its own name; calls returning nothing display nothing.
disp('begin');
% CHECK:begin
3 + 4
% CHECK-EMPTY:
% CHECK-NEXT:ans =
% CHECK-EMPTY:
% CHECK-NEXT:     7
% CHECK-EMPTY:
ans * 2
% CHECK-EMPTY:
% CHECK-NEXT:ans =
% CHECK-EMPTY:
% CHECK-NEXT:    14
% CHECK-EMPTY:
x = 10;
x
% CHECK-EMPTY:
% CHECK-NEXT:x =
% CHECK-EMPTY:
% CHECK-NEXT:    10
% CHECK-EMPTY:
[1 2] * 2
% CHECK-EMPTY:
% CHECK-NEXT:ans =
% CHECK-EMPTY:
% CHECK-NEXT:     2     4
% CHECK-EMPTY:
disp('no ans for disp');
% CHECK-NEXT:no ans for disp
