% RUN: %runmat-jit -O0 %s > %t.plain
% RUN: %run-both > %t.fused
% RUN: diff %t.plain %t.fused
% RUN: FileCheck %s < %t.fused
% A' * A (SYRK), A' * B and A.' * B (GEMM with A transposed) give MATLAB's
% products, also for complex, single, vectors and empty operands (the
% runtime's fallback); -O0 (no rewrite) must print the same.
A = [1 2; 3 4; 5 6];
B = [1 0 2; 0 1 1; 1 1 0];
disp(mat2str(A' * A))
% CHECK: [35 44;44 56]
disp(mat2str(A.' * A))
% CHECK-NEXT: [35 44;44 56]
disp(mat2str(A' * B))
% CHECK-NEXT: [6 8 5;8 10 8]
disp(mat2str(A.' * B))
% CHECK-NEXT: [6 8 5;8 10 8]
Xc = A - mean(A);
G = (Xc' * Xc) / (size(A, 1) - 1);
disp(mat2str(G))
% CHECK-NEXT: [4 4;4 4]
fprintf('%d\n', isequal(G, G'));
% CHECK-NEXT: 1
C = [1+2i 3; 4 5-1i];
disp(mat2str(C' * C))
% CHECK-NEXT: [21+0i 23-10i;23+10i 35+0i]
disp(mat2str(C.' * C))
% CHECK-NEXT: [13+4i 23+2i;23+2i 33-10i]
s = single([1 2; 3 4]);
r = s' * s;
fprintf('%s %s\n', class(r), mat2str(r));
% CHECK-NEXT: single [10 14;14 20]
v = [1; 2; 3];
fprintf('%g %s\n', v' * v, mat2str(v * v'));
% CHECK-NEXT: 14 [1 2 3;2 4 6;3 6 9]
e = zeros(0, 3);
fprintf('%d %d\n', size(e' * e));
% CHECK-NEXT: 3 3
disp(mat2str(e' * e))
% CHECK-NEXT: [0 0 0;0 0 0;0 0 0]
fprintf('%g\n', 2' * 3);
% CHECK-NEXT: 6
try
  q = A' * [1 2];
catch err
  disp(err.identifier)
end
% CHECK-NEXT: MATLAB:innerdim
k = int8([1 2; 3 4]);
try
  q = k' * k;
catch err
  disp(err.identifier)
end
% CHECK-NEXT: MATLAB:mtimes:integerNotSupported
