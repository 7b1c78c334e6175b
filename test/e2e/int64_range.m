% RUN: %run-both | FileCheck %s
% int64/uint64 are exact up to 2^53; beyond that RunMat raises an error
% instead of printing a rounded value.
a = int64(2)^52 + int64(1);
fprintf('%d\n', a);
% CHECK: 4503599627370497
try
  b = intmax('int64');
catch e
  disp(e.identifier)
end
% CHECK-NEXT: RunMat:int64Range
try
  c = int64(2)^60;
catch e
  disp(e.identifier)
end
% CHECK-NEXT: RunMat:int64Range
