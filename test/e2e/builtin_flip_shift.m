% RUN: %run-both | FileCheck %s
% flip, fliplr, flipud, circshift.
disp(mat2str(fliplr([1 2 3])));
% CHECK: [3 2 1]
disp(mat2str(flipud([1; 2])));
% CHECK-NEXT: [2;1]
disp(mat2str(flip([1 2; 3 4])));
% CHECK-NEXT: [3 4;1 2]
disp(mat2str(flip([1 2; 3 4], 2)));
% CHECK-NEXT: [2 1;4 3]
disp(mat2str(flip([1 2 3])));
% CHECK-NEXT: [3 2 1]
disp(mat2str(circshift([1 2 3 4], 1)));
% CHECK-NEXT: [4 1 2 3]
disp(mat2str(circshift([1 2 3 4], -1)));
% CHECK-NEXT: [2 3 4 1]
disp(mat2str(circshift([1 2; 3 4], 1)));
% CHECK-NEXT: [3 4;1 2]
disp(mat2str(circshift([1 2 3; 4 5 6], 1, 2)));
% CHECK-NEXT: [3 1 2;6 4 5]
disp(fliplr('abc'));
% CHECK-NEXT: cba
