% RUN: %run-both | FileCheck %s --strict-whitespace
% disp prints the body without the name: numbers in their display layout,
% chars raw, logicals with 3 spaces, nothing for [].
disp(5);
% CHECK: {{^}}     5{{$}}
disp(pi);
% CHECK: {{^}}    3.1416{{$}}
disp([15 150]);
% CHECK: {{^}}    15   150{{$}}
disp([1 2; 3 4]);
% CHECK: {{^}}     1     2{{$}}
% CHECK-NEXT: {{^}}     3     4{{$}}
disp('Hello World.');
% CHECK: {{^}}Hello World.{{$}}
disp(true);
% CHECK: {{^}}   1{{$}}
disp([true false]);
% CHECK: {{^}}   1   0{{$}}
disp('before empty');
disp([]);
disp('after empty');
% CHECK: {{^}}before empty{{$}}
% CHECK-NEXT: {{^}}after empty{{$}}
disp(-0.5);
% CHECK: {{^}}   -0.5000{{$}}
disp(['ab'; 'cd']);
% CHECK: {{^}}ab{{$}}
% CHECK-NEXT: {{^}}cd{{$}}
disp(1e10);
% CHECK: {{^}}   1.0000e+10{{$}}
