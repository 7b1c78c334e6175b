% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% try/catch with and without an identifier (parsed, not yet supported at
% run time).
try
  error('x');
catch err
  disp(err);
end
try, a = 1; catch, end
% CHECK: (try
% CHECK-NEXT: (body
% CHECK-NEXT: (expr display=0 (index (id error) (string 'x'))))
% CHECK-NEXT: (catch err
% CHECK-NEXT: (expr display=0 (index (id disp) (id err)))))
% CHECK-NEXT: (try
% CHECK-NEXT: (body
% CHECK-NEXT: (assign display=0 (id a) (number 1)))
% CHECK-NEXT: (catch))
