% RUN: %run-both | FileCheck %s
% Integer arithmetic saturates and rounds to nearest (ties away from zero).
fprintf('%d %d %d\n', int8(127) + int8(1), uint8(3) - uint8(5), int8(-128) * -1);
% CHECK: 127 0 127
fprintf('%d %d %d %d %d\n', int32(2.5), int32(-2.5), int32(5) / int32(2), int32(7) / int32(2), int32(-7) / int32(2));
% CHECK-NEXT: 3 -3 3 4 -4
fprintf('%d\n', idivide(int32(7), int32(2)));
% CHECK-NEXT: 3
a = int16(5) + 2.7;
fprintf('%s %d\n', class(a), a);
% CHECK-NEXT: int16 8
fprintf('%d %d\n', uint8(200) * 1.5, int32(5) * 0.5);
% CHECK-NEXT: 255 3
fprintf('%d %d %d\n', int32(NaN), uint8(-Inf), int8(Inf));
% CHECK-NEXT: 0 0 127
fprintf('%d %d %d\n', int8(5) / int8(0), int8(-5) / int8(0), int8(0) / int8(0));
% CHECK-NEXT: 127 -128 0
fprintf('%s %s\n', class(single(1) + 1), class(single(1) * int8(2)));
% CHECK-NEXT: single int8
fprintf('%s %d\n', class(sum(int8([100 100]))), sum(int8([100 100])));
% CHECK-NEXT: double 200
fprintf('%.4f %s\n', mean(int8([1 2 4])), class(mean(int8([1 2 4]))));
% CHECK-NEXT: 2.3333 double
disp(class(int8(1):int8(3)));
% CHECK-NEXT: int8
fprintf('%d\n', intmax_like());
% CHECK-NEXT: 255
function r = intmax_like()
  r = uint8(250);
  for k = 1:10
    r = r + 1;
  end
end
