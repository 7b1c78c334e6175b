% RUN: %runmat-jit -O0 %s > %t.unfused
% RUN: %run-both > %t.fused
% RUN: diff %t.unfused %t.fused
% RUN: FileCheck %s < %t.fused
% RUN: %runmat-jit --emit=mlir-lowered %s | FileCheck %s --check-prefix=IR
% Matrix products with their scaling and addend (runmat-fuse-matmul-
% epilogue: one GEMM with alpha and beta) give the unfused program's
% results (-O0): matrix, row, column and scalar addends, the product
% subtracted from an addend, a transposed first factor; single data and
% scalar factors run the unfused operations in the same runtime call.
% IR: "__matmul_epilogue\00"
A = reshape(mod((0:11) * 7919 + 13, 10007) / 10007, 3, 4);
B = reshape(mod((0:19) * 7919 + 101, 10007) / 10007, 4, 5);
C = reshape(1:15, 3, 5);
r = [1 2 3 4 5];
D1 = A * B + C;
D2 = 2.5 * (A * B);
D3 = A * B * 3 - C;
D4 = C - A * B;
D5 = A * B + r;
D6 = A(:, 1:3)' * A + 1;
D7 = A * B + C(:, 1);
s = single(A); D8 = s * B + C;
D9 = 2 * (3 * A) + 1;            % scalar factors: elementwise
fprintf('%.15g ', D1(2,3), D2(3,5), D3(1,1), D4(2,2), D5(3,4), D6(2,2), D7(1,5), D8(3,3), D9(2,2));
fprintf('\n');
% CHECK: {{^}}9.44556544005686 2.38117249173705 1.37734578100716 3.78712267256829 5.23185134451053 2.0864816832674 1.37086331962949 10.1371955871582
% Scaling by an array: a row scales the columns, a column the rows, a
% matrix elementwise; then an addend (the same bits as the unfused order).
cw = [2; 3; 5];
E1 = (A * B) .* r; E2 = cw .* (A * B) - C; E3 = (2 * (A * B)) .* C + r;
E4 = single(A * B) .* r + 1;     % single: the unfused operations
fprintf('%.15g ', E1(2,3), E2(3,5), E3(1,4), E4(2,2)); fprintf('\n');
% CHECK: {{^}}{{[-0-9.e]+ [-0-9.e]+ [-0-9.e]+ [-0-9.e]+ $}}
disp(class(D8)); disp(size(D6));
% CHECK-NEXT: single
% CHECK-NEXT: 3 4
try
  E = A * A + C;                 % inner dimensions disagree
catch err
  disp(err.identifier)
end
% CHECK: MATLAB:innerdim
try
  E = A * B + ones(2, 2);        % the addend's size disagrees
catch err
  disp(err.identifier)
end
% CHECK: MATLAB:sizeDimensionsMustMatch
% A factor changed between the product and its epilogue (in place, or its
% variable assigned) keeps the product of the old values: the fused op
% would read the new ones, so nothing is fused across such a change. The
% same holds for a transpose folded into a product (runmat-fuse-matmul).
A = reshape(mod((0:11) * 7919 + 13, 10007) / 10007, 3, 4);
B = reshape(mod((0:19) * 7919 + 101, 10007) / 10007, 4, 5);
P = A * B;
B(:) = 0;
D = P + C;
fprintf('%.15g\n', D(1, 1));
% CHECK: {{^}}1.79244859366905
for k = 1:1
  P = A * B * 2;
  A = 7;
  D = P - C;
end
fprintf('%.15g\n', D(1, 1));
% CHECK-NEXT: {{^}}-1
A = reshape(mod((0:11) * 7919 + 13, 10007) / 10007, 3, 4);
B = reshape(mod((0:14) * 7919 + 101, 10007) / 10007, 3, 5);
T = A';
A(:) = 0;
D = T * B + 1;
fprintf('%.15g\n', D(1, 1));
% CHECK-NEXT: {{^}}1.98145109755239
% Output between a failing product and its epilogue comes first, as
% written.
try
  P = ones(3, 4) * ones(3, 5);
  disp('not reached');
  D = P + 1;
catch err
  disp(err.identifier);
end
% CHECK-NOT: not reached
% CHECK: MATLAB:innerdim
% A zero scale still multiplies: Inf and NaN in the product give NaN.
F = [1 Inf; 2 3] * [1 0; 0 1];
G = 0 * ([1 Inf; 2 3] * [1 0; 0 1]) + 1;
disp(isnan(G(1, 2)) && G(2, 1) == 1 && F(1, 2) == Inf);
% CHECK: 1
