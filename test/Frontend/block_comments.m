% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% %{ and %} on lines of their own delimit a block comment (which nests);
% with other text on the line they are ordinary comments.
a = 1;
%{
b = 2;
%{
nested = 3;
%}
c = 4;
%}
d = 5; %{ not a block start
e = 6;
  %{
  f = 7;
  %}
g = 8;
% CHECK: (script
% CHECK-NEXT: (assign display=0 (id a) (number 1))
% CHECK-NEXT: (assign display=0 (id d) (number 5))
% CHECK-NEXT: (assign display=0 (id e) (number 6))
% CHECK-NEXT: (assign display=0 (id g) (number 8))
% CHECK-NOT: (id b)
% CHECK-NOT: (id c)
% CHECK-NOT: (id f)
