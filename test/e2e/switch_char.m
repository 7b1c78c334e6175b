% RUN: %run-both | FileCheck %s
% switch on char vectors compares with strcmp (whole strings).
words = 'abc';
switch words
  case 'xyz'
    disp('no');
  case 'abc'
    disp('yes');
  otherwise
    disp('never');
end
% CHECK: yes
switch 'ab'
  case 'abc'
    disp('prefix is not a match');
  otherwise
    disp('otherwise');
end
% CHECK-NEXT: otherwise
switch 'A'
  case 'a'
    disp('case-sensitive failed');
  case 'A'
    disp('case-sensitive');
end
% CHECK-NEXT: case-sensitive
switch ''
  case ''
    disp('empty matches empty');
end
% CHECK-NEXT: empty matches empty
c = classify('dog');
disp(c);
% CHECK-NEXT: animal
disp(classify('rose'));
% CHECK-NEXT: plant
disp(classify('car'));
% CHECK-NEXT: unknown
function r = classify(name)
  switch name
    case 'dog'
      r = 'animal';
    case 'rose'
      r = 'plant';
    otherwise
      r = 'unknown';
  end
end
