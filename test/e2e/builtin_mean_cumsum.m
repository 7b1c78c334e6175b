% RUN: %run-both | FileCheck %s
% mean, cumsum, cumprod, diff along dimensions.
fprintf('%g\n', mean([1 2 3 4]));
% CHECK: 2.5
disp(mat2str(mean([1 2; 3 4])));
% CHECK-NEXT: [2 3]
disp(mat2str(mean([1 2; 3 5], 2)));
% CHECK-NEXT: [1.5;4]
fprintf('%g\n', mean([]));
% CHECK-NEXT: NaN
disp(mat2str(cumsum([1 2 3 4])));
% CHECK-NEXT: [1 3 6 10]
disp(mat2str(cumsum([1 2; 3 4])));
% CHECK-NEXT: [1 2;4 6]
disp(mat2str(cumsum([1 2; 3 4], 2)));
% CHECK-NEXT: [1 3;3 7]
disp(mat2str(cumprod([1 2 3 4])));
% CHECK-NEXT: [1 2 6 24]
disp(mat2str(diff([1 4 9 16])));
% CHECK-NEXT: [3 5 7]
disp(mat2str(diff([1 2; 4 8])));
% CHECK-NEXT: [3 6]
disp(mat2str(size(cumsum(zeros(0, 3)))));
% CHECK-NEXT: [0 3]
fprintf('%g\n', mean(magic(4), 'all'));
% CHECK-NEXT: 8.5
