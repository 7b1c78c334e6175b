% RUN: %run-both | FileCheck %s
% int64 and uint64 are exact over their whole range: the limits, arithmetic
% with saturation and round-half-away, comparisons, indexing, concatenation,
% loops, switch, display and text; builtins that cannot take such values yet
% say so (RunMat:int64Range) instead of answering from rounded doubles.
a = intmax('int64')
% CHECK:      a =
% CHECK-EMPTY:
% CHECK-NEXT:   int64
% CHECK-EMPTY:
% CHECK-NEXT:    9223372036854775807
fprintf('%d %d %u\n', intmin('int64'), a - 1, intmax('uint64'));
% CHECK: -9223372036854775808 9223372036854775806 18446744073709551615
fprintf('%d %d %d\n', int64(2)^53 + 1, int64(2)^62 + 1, a + 1);
% CHECK-NEXT: 9007199254740993 4611686018427387905 9223372036854775807
fprintf('%d %d %d %d\n', a / 2, int64(-7) / 2, -intmin('int64'), a * 0.5);
% CHECK-NEXT: 4611686018427387904 -4 9223372036854775807 4611686018427387904
fprintf('%d %d %d\n', uint64(2)^64, uint64(3) - uint64(5), uint64(1e20));
% CHECK-NEXT: 18446744073709551615 0 18446744073709551615
fprintf('%d %d %d\n', int64(-1e30), int64(NaN), int64(2.5));
% CHECK-NEXT: -9223372036854775808 0 3
fprintf('%d %d %d %d\n', a - 1 == a, a - 1 < a, isequal(a, a - 1), isequal(a, a));
% CHECK-NEXT: 0 1 0 1
fprintf('%d %d %d\n', idivide(a, int64(10)), mod(a, int64(10)), rem(-a, int64(10)));
% CHECK-NEXT: 922337203685477580 7 -7
fprintf('%d %d\n', sum(int64([2^52 2^52 2^52])), sum([a; -a; a - 2]));
% CHECK-NEXT: 13510798882111488 9223372036854775805
[m, k] = min([a - 1, a, int64(3)]);
fprintf('%d %d %d %d\n', m, k, max([a - 1, a]), abs(intmin('int64') + 1));
% CHECK-NEXT: 3 3 9223372036854775807 9223372036854775807
g = [a; a - 1; 5];
g(3) = a - 7;
g(end + 1) = 5;
disp(g')
% CHECK: Columns 1 through 3
% CHECK-EMPTY:
% CHECK-NEXT:    9223372036854775807   9223372036854775806   9223372036854775800
% CHECK-EMPTY:
% CHECK-NEXT:  Column 4
% CHECK-EMPTY:
% CHECK-NEXT:                      5
h = reshape([g; g], 2, 4);
fprintf('%d ', h(1, :), fliplr(g(1:2)')); fprintf('\n');
% CHECK: 9223372036854775807 9223372036854775800 9223372036854775807 9223372036854775800 9223372036854775806 9223372036854775807
c = {a - 3};
s.f = c{1} - 1;
g(2) = [];
fprintf('%d %d %d\n', s.f, numel(g), g(2));
% CHECK-NEXT: 9223372036854775803 3 9223372036854775800
for v = [a, a - 1]
  fprintf('%d ', a - v);
end
fprintf('\n');
% CHECK-NEXT: 0 1
switch a - 1
  case a
    disp('wrong');
  case intmax('int64') - 1
    disp('exact switch');
end
% CHECK-NEXT: exact switch
fprintf('%s|%s|%s\n', num2str(a - 1), int2str([a -a]), mat2str([a 1]));
% CHECK-NEXT: 9223372036854775806|9223372036854775807 -9223372036854775807|[9223372036854775807 1]
fprintf('%.17g %d %s\n', double(a - 1), int32(a), class(single(a)));
% CHECK-NEXT: 9.2233720368547758e+18 2147483647 single
try
  cumsum([a a]);
catch e
  fprintf('%s: %s\n', e.identifier, e.message);
end
% CHECK-NEXT: RunMat:int64Range: cumsum does not support int64 or uint64 values beyond 2^53 (9007199254740992) yet.
