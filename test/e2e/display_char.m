% RUN: %run-both | FileCheck %s --strict-whitespace --match-full-lines
% Char rows are quoted; char matrices get a size header; disp prints raw text.
disp('begin');
% CHECK:begin
s = 'hello'
% CHECK-EMPTY:
% CHECK-NEXT:s =
% CHECK-EMPTY:
% CHECK-NEXT:    'hello'
% CHECK-EMPTY:
q = 'it''s'
% CHECK-EMPTY:
% CHECK-NEXT:q =
% CHECK-EMPTY:
% CHECK-NEXT:    'it's'
% CHECK-EMPTY:
m = ['ab'; 'cd']
% CHECK-EMPTY:
% CHECK-NEXT:m =
% CHECK-EMPTY:
% CHECK-NEXT:  2×2 char array
% CHECK-EMPTY:
% CHECK-NEXT:    'ab'
% CHECK-NEXT:    'cd'
% CHECK-EMPTY:
disp('plain text');
% CHECK-NEXT:plain text
disp(s);
% CHECK-NEXT:hello
w = 'a':'e'
% CHECK-EMPTY:
% CHECK-NEXT:w =
% CHECK-EMPTY:
% CHECK-NEXT:    'abcde'
% CHECK-EMPTY:
