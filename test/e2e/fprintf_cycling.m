% RUN: %run-both | FileCheck %s
% fprintf recycles its format over the data, consumes matrices column-major,
% and stops before the first conversion that has no data left.
fprintf('%d-%d\n', [1 2 3 4 5]); fprintf('|\n');
% CHECK: 1-2
% CHECK-NEXT: 3-4
% CHECK-NEXT: 5-|
fprintf('%d %d\n', [1 2; 3 4]);
% CHECK-NEXT: 1 3
% CHECK-NEXT: 2 4
fprintf('%d %s\n', 1, 'x', 2, 'y');
% CHECK-NEXT: 1 x
% CHECK-NEXT: 2 y
fprintf('%d %d\n', 1, 2, 3); fprintf('|\n');
% CHECK-NEXT: 1 2
% CHECK-NEXT: 3 |
fprintf('%d,', [1 2], 3, [4; 5]); fprintf('\n');
% CHECK-NEXT: 1,2,3,4,5,
fprintf('[%d]', []); fprintf('|\n');
% CHECK-NEXT: []|
fprintf('%s\n', 'abc', 'de');
% CHECK-NEXT: abc
% CHECK-NEXT: de
fprintf('%d\n', 'ab');
% CHECK-NEXT: 97
% CHECK-NEXT: 98
fprintf('no conversions\n');
% CHECK-NEXT: no conversions
fprintf('x=%g y=%g\n', [1 2; 3 4]');
% CHECK-NEXT: x=1 y=2
% CHECK-NEXT: x=3 y=4
