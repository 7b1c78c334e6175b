% RUN: %run-both | FileCheck %s
% Caught errors and MException(...) are MException objects: class, isa,
% isstruct; identifier, message and stack read as fields; rethrow, throw.
try
  error('my:id', 'bad %d', 4);
catch err
  fprintf('%s %d %d\n', class(err), isa(err, 'MException'), isstruct(err));
  fprintf('%s | %s | %d\n', err.identifier, err.message, numel(err.stack) >= 1);
end
% CHECK: MException 1 0
% CHECK-NEXT: my:id | bad 4 | 1
me = MException('a:b', 'x=%d', 3);
disp(class(me))
% CHECK-NEXT: MException
try
  throw(me);
catch e2
  disp(e2.message)
end
% CHECK-NEXT: x=3
try
  try
    error('inner:id', 'inner');
  catch e3
    rethrow(e3);
  end
catch e4
  disp(e4.identifier)
end
% CHECK-NEXT: inner:id
% The stack: one frame per active function, innermost first.
try
  stack_outer(2);
catch e5
  st = e5.stack;
  fprintf('%d %d\n', size(st, 1), size(st, 2));
  for k = 1:numel(st)
    fprintf('%s %d\n', st(k).name, st(k).line);
  end
end
% CHECK-NEXT: 3 1
% CHECK-NEXT: mexception_class>stack_inner 53
% CHECK-NEXT: mexception_class>stack_outer 50
% CHECK-NEXT: mexception_class 33
me = MException('a:b', 'made');
fprintf('%d %d\n', size(me.stack));
% CHECK-NEXT: 0 1

function stack_outer(x)
  stack_inner(x);
end
function stack_inner(x)
  error('deep:id', 'deep %d', x);
end
