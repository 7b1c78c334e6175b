% RUN: %run-both | FileCheck %s
% A data-table literal (all real number constants) is built from one
% constant array: same values, shape and class as element by element.
T = [ 1   -2.5  3e2  0.125
      5    6   -7    8
      9   10   11   -12
     13   14   15    16
      0.5  1e-3 -0  4 ];
disp(size(T))
% CHECK: 5 4
disp(class(T))
% CHECK: double
fprintf('%g ', T(:, 2)); fprintf('\n');
% CHECK: -2.5 6 10 14 0.001
fprintf('%g ', T(1, :)); fprintf('\n');
% CHECK-NEXT: 1 -2.5 300 0.125
fprintf('%d\n', 1 / T(5, 3) < 0);
% CHECK-NEXT: 1
R = [1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17];
disp(sum(R))
% CHECK: 153
N = [1 NaN 3 4 5 6 7 8; 1 2 3 4 5 -Inf inf 0];
fprintf('%g ', N(:, 2:2:8)); fprintf('\n');
% CHECK: NaN 2 4 4 6 -Inf 8 0
disp(shadowed())
% CHECK-NEXT: 7
x = 4;
M = [1 2 3 4; 5 6 7 8; 9 10 11 12; 13 14 15 x];
disp(M(4, 4))
% CHECK: {{^}}     4

function y = shadowed()
  NaN = 7;
  N = [1 NaN 3 4 5 6 7 8; 1 2 3 4 5 6 7 8];
  y = N(1, 2);
end
