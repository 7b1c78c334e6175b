% RUN: %run-both | FileCheck %s
% bitand/bitor/bitxor/bitshift (class bits, two's complement for signed
% classes, exact int64), bsxfun, nargchk, pause and mfilename.
fprintf('%d %d %d %d\n', bitand(12, 10), bitor(uint8(12), 3), bitxor(int8(-1), int8(5)), bitxor(7, 2));
% CHECK: 8 15 -6 5
fprintf('%d %d %d %d\n', bitshift(8, 1), bitshift(uint8(255), 1), bitshift(16, -2), bitshift(int8(-8), -1));
% CHECK-NEXT: 16 254 4 -4
fprintf('%s %s\n', class(bitor(uint8(1), 2)), class(bitand(3, 1)));
% CHECK-NEXT: uint8 double
fprintf('%d %d %d\n', bitshift(int64(1), 62), bitand(intmax('uint64'), uint64(255)), bitxor(intmax('int64'), int64(1)));
% CHECK-NEXT: 4611686018427387904 255 9223372036854775806
try
  bitand(1.5, 1);
catch e
  disp(e.message);
end
% CHECK-NEXT: Double inputs must have integer values in the range of ASSUMEDTYPE.
A = [1 2 3]; B = [10; 20];
disp(bsxfun(@plus, A, B))
% CHECK-NEXT: 11    12    13
% CHECK-NEXT: 21    22    23
disp(bsxfun(@(a, b) a .* b + 1, A, B))
% CHECK: 11    21    31
% CHECK-NEXT: 21    41    61
try
  bsxfun(@plus, [1 2 3], [1 2]);
catch e
  disp(e.identifier);
end
% CHECK: MATLAB:bsxfun:arrayDimensionsMustMatch
fprintf('%d [%s]\n', isempty(nargchk(1, 2, 1)), nargchk(1, 2, 3));
% CHECK-NEXT: 1 [Too many input arguments.]
s = nargchk(1, 2, 0, 'struct');
disp(s.identifier)
% CHECK-NEXT: MATLAB:nargchk:notEnoughInputs
pause(0.01)
fprintf('%s\n', pause('query'));
% CHECK-NEXT: on
disp(mfilename)
% CHECK-NEXT: bits_bsxfun_nargchk
p = mfilename('fullpath');
disp(p(end-22:end))
% CHECK-NEXT: e2e/bits_bsxfun_nargchk
where()
% CHECK-NEXT: bits_bsxfun_nargchk
function where()
  disp(mfilename)
end
