% RUN: %run-both | FileCheck %s
% isequal compares sizes and values (not classes); NaN differs unless isequaln.
fprintf('%d', isequal([1 2], [1 2]), isequal([1 2], [1 2 3]), isequal(NaN, NaN), isequaln(NaN, NaN));
fprintf('\n');
% CHECK: 1001
fprintf('%d', isequal('abc', 'abc'), isequal('a', 97), isequal([], zeros(0, 3)), isequal(1, 1, 1));
fprintf('\n');
% CHECK-NEXT: 1101
fprintf('%d', isequal([1 2], [1; 2]), isequal(true, 1), isequal(1, 1, 2), isequal([1 NaN], [1 NaN]));
fprintf('\n');
% CHECK-NEXT: 0100
fprintf('%d\n', isequaln([1 NaN], [1 NaN]));
% CHECK-NEXT: 1
fprintf('%d\n', [NaN == NaN, isequal(NaN, NaN), isequaln(NaN, NaN)]);
% CHECK-NEXT: 0
% CHECK-NEXT: 0
% CHECK-NEXT: 1
a = magic(3);
b = a;
b(2) = b(2);
fprintf('%d\n', isequal(a, b));
% CHECK-NEXT: 1
fprintf('%d\n', isequal(0.1 + 0.2, 0.3));
% CHECK-NEXT: 0
