% RUN: %run-both | FileCheck %s
% An anonymous function called with nargout 0 calls its body with nargout 0:
% cellfun/structfun over disp, and a statement call of a handle.
cellfun(@(x) disp(x), {1, 'two'});
% CHECK: 1
% CHECK: two
st = struct('a', 3, 'b', 'four');
structfun(@(v) disp(v), st);
% CHECK: 3
% CHECK: four
show = @() fprintf('shown\n');
show();
% CHECK: shown
sq = @(x) x.^2;
sq(3)
% CHECK: ans =
% CHECK: 9
y = sq(4);
fprintf('%d\n', y);
% CHECK: 16
n = show();
% CHECK: shown
fprintf('%d\n', n);
% CHECK-NEXT: 6
