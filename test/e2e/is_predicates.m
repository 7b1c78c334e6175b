% RUN: %run-both | FileCheck %s
% The is* predicates.
fprintf('%d', isscalar(5), isscalar([1 2]), isrow([1 2 3]), isrow([1; 2]), iscolumn([1; 2]), isvector([1 2]), isvector(ones(2)));
fprintf('\n');
% CHECK: 1010110
fprintf('%d', ismatrix(zeros(2, 3)), isnumeric(5), isnumeric('a'), ischar('a'), islogical(true), islogical(1));
fprintf('\n');
% CHECK-NEXT: 110110
fprintf('%d', isfloat(1), isreal(1), isinteger(5), isinteger(int8(5)), isa(5, 'double'), isa(5, 'numeric'));
fprintf('\n');
% CHECK-NEXT: 110111
fprintf('%d', isa(5, 'float'), isa(true, 'numeric'), isa(int8(1), 'integer'), iscell(5), isstruct(5));
fprintf('\n');
% CHECK-NEXT: 10100
disp(mat2str(isnan([1 NaN])));
% CHECK-NEXT: [false true]
disp(mat2str(isinf([Inf 1 -Inf])));
% CHECK-NEXT: [true false true]
disp(mat2str(isfinite([Inf 1 NaN])));
% CHECK-NEXT: [false true false]
fprintf('%d %d\n', isempty(zeros(1, 0)), isscalar([]));
% CHECK-NEXT: 1 0
fprintf('%d\n', issorted([1 2 2 5]));
% CHECK-NEXT: 1
