% RUN: %run-both | FileCheck %s --match-full-lines --strict-whitespace
% who and whos list the workspace's assigned variables by character code,
% with wildcards, -regexp and function outputs.
X = zeros(648, 509);
caption = repmat('a', 2, 28);
map = ones(128, 3);
whos
%      CHECK:  Name           Size               Bytes  Class     Attributes
% CHECK-EMPTY:
% CHECK-NEXT:  X            648x509            2638656  double              
% CHECK-NEXT:  caption        2x28                 112  char                
% CHECK-NEXT:  map          128x3                 3072  double              
% CHECK-EMPTY:
z = [1+2i 3];
c = {1, 'ab'};
s.a = 1;
whos c s z
% CHECK-NEXT:  Name      Size           Bytes  Class     Attributes
% CHECK-EMPTY:
% CHECK-NEXT:  c         1x2              236  cell                
% CHECK-NEXT:  s         1x1              184  struct              
% CHECK-NEXT:  z         1x2               32  double    complex   
% CHECK-EMPTY:
who
% CHECK-EMPTY:
% CHECK-NEXT:Your variables are:
% CHECK-EMPTY:
% CHECK-NEXT:X        c        caption  map      s        z        
% CHECK-EMPTY:
names = who('-regexp', '^ma', 'c');
disp(names')
% CHECK-NEXT:    {'c'}    {'caption'}    {'map'}
% CHECK-EMPTY:
S = whos('X');
fprintf('%s %s %d %s %d\n', S.name, mat2str(S.size), S.bytes, S.class, S.complex);
% CHECK-NEXT:X [648 509] 2638656 double 0
clear X
S = whos('X');
disp(size(S))
% CHECK-NEXT:     0     1
% CHECK-EMPTY:
inner();
% CHECK-NEXT:  Name      Size           Bytes  Class      Attributes
% CHECK-EMPTY:
% CHECK-NEXT:  G         1x1                8  double     global    
% CHECK-NEXT:  k         1x1                1  int8       persistent
% CHECK-NEXT:  q         1x3                3  logical              
% CHECK-EMPTY:

function inner()
  global G
  G = 1;
  persistent k
  k = int8(5);
  q = [true false true];
  unused = 0; %#ok<NASGU> cleared before whos
  clear unused
  whos
end
