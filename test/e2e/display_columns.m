% RUN: %run-both | FileCheck %s --strict-whitespace --match-full-lines
% Arrays wider than 80 columns are split into column chunks.
disp('begin');
% CHECK:begin
m = 1:30
% CHECK-EMPTY:
% CHECK-NEXT:m =
% CHECK-EMPTY:
% CHECK-NEXT:  Columns 1 through 13
% CHECK-EMPTY:
% CHECK-NEXT:     1     2     3     4     5     6     7     8     9    10    11    12    13
% CHECK-EMPTY:
% CHECK-NEXT:  Columns 14 through 26
% CHECK-EMPTY:
% CHECK-NEXT:    14    15    16    17    18    19    20    21    22    23    24    25    26
% CHECK-EMPTY:
% CHECK-NEXT:  Columns 27 through 30
% CHECK-EMPTY:
% CHECK-NEXT:    27    28    29    30
% CHECK-EMPTY:
f = (1:10) / 4
% CHECK-EMPTY:
% CHECK-NEXT:f =
% CHECK-EMPTY:
% CHECK-NEXT:  Columns 1 through 8
% CHECK-EMPTY:
% CHECK-NEXT:    0.2500    0.5000    0.7500    1.0000    1.2500    1.5000    1.7500    2.0000
% CHECK-EMPTY:
% CHECK-NEXT:  Columns 9 through 10
% CHECK-EMPTY:
% CHECK-NEXT:    2.2500    2.5000
% CHECK-EMPTY:
c = 1:14
% CHECK-EMPTY:
% CHECK-NEXT:c =
% CHECK-EMPTY:
% CHECK-NEXT:  Columns 1 through 13
% CHECK-EMPTY:
% CHECK-NEXT:     1     2     3     4     5     6     7     8     9    10    11    12    13
% CHECK-EMPTY:
% CHECK-NEXT:  Column 14
% CHECK-EMPTY:
% CHECK-NEXT:    14
% CHECK-EMPTY:
