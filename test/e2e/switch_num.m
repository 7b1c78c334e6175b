% RUN: %run-both | FileCheck %s
% switch on numbers: the first matching case runs, no fall-through.
for x = [1 2 3 4 7]
  switch x
    case 1
      fprintf('one ');
    case 2
      fprintf('two ');
    case 3
      fprintf('three ');
    otherwise
      fprintf('other ');
  end
end
fprintf('\n');
% CHECK: one two three other other
switch 2 + 1
  case 3
    disp('matched expression');
  case 3
    disp('second match never runs');
end
% CHECK-NEXT: matched expression
switch 5
  case 4
    disp('no');
end
disp('no case, no otherwise');
% CHECK-NEXT: no case, no otherwise
y = 0.5;
switch y * 2
  case 1
    disp('float case');
  otherwise
    disp('wrong');
end
% CHECK-NEXT: float case
switch true
  case 1
    disp('logical matches 1');
end
% CHECK-NEXT: logical matches 1
