% RUN: %run-both | FileCheck %s
% size, numel, length, ndims, isempty; trailing singleton dimensions.
A = zeros(3, 4);
disp(mat2str(size(A)));
% CHECK: [3 4]
[r, c] = size(A);
fprintf('%d %d\n', r, c);
% CHECK-NEXT: 3 4
fprintf('%d %d %d\n', size(A, 1), size(A, 2), size(A, 3));
% CHECK-NEXT: 3 4 1
[a, b, c] = size(A);
fprintf('%d %d %d\n', a, b, c);
% CHECK-NEXT: 3 4 1
[p, q] = size(ones(2, 3, 4));
fprintf('%d %d\n', p, q);
% CHECK-NEXT: 2 12
fprintf('%d %d\n', ndims(zeros(2, 3, 1)), ndims(5));
% CHECK-NEXT: 2 2
fprintf('%d %d %d\n', length(zeros(3, 0)), numel(zeros(3, 0)), length(zeros(3, 2)));
% CHECK-NEXT: 0 0 3
fprintf('%d %d %d\n', numel(A), length(zeros(3, 7)), length([]));
% CHECK-NEXT: 12 7 0
fprintf('%d %d %d %d\n', isempty([]), isempty(zeros(0, 3)), isempty(0), isempty(''));
% CHECK-NEXT: 1 1 0 1
fprintf('%d %d\n', numel('hello'), length('hi'));
% CHECK-NEXT: 5 2
disp(mat2str(size(5)));
% CHECK-NEXT: [1 1]
disp(mat2str(size('abc')));
% CHECK-NEXT: [1 3]
fprintf('%d\n', numel(ones(2, 3, 4)));
% CHECK-NEXT: 24
