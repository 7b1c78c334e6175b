% RUN: %run-both | FileCheck %s
% Builtins of runtime/lib/builtins/Extra.cpp: constants, assert, array and
% numeric utilities, statistics, legacy text functions and the environment.
z = 3 + 2*i;
fprintf('%g %g\n', real(z), imag(z));
% CHECK: 3 2
w = j * j;
fprintf('%g %g\n', real(w), imag(w));
% CHECK-NEXT: -1 0
assert(true);
assert(1 < 2, 'never shown');
try
  assert(false);
catch err
  fprintf('%s|%s\n', err.identifier, err.message);
end
% CHECK-NEXT: MATLAB:assertion:failed|Assertion failed.
try
  assert(2 > 3, 'my:id', 'value %d too small', 7);
catch err
  fprintf('%s|%s\n', err.identifier, err.message);
end
% CHECK-NEXT: my:id|value 7 too small
disp(lasterr);
% CHECK-NEXT: value 7 too small
disp(mat2str(blkdiag([1 2], 3)));
% CHECK-NEXT: [1 2 0;0 0 3]
disp(mat2str(cummax([1 3 2 NaN 5 4])));
% CHECK-NEXT: [1 3 3 3 5 5]
disp(mat2str(cummin([4 2; 3 5; 1 6])));
% CHECK-NEXT: [4 2;3 2;1 2]
disp(mat2str(repelem([1 2], 2)));
% CHECK-NEXT: [1 1 2 2]
disp(mat2str(repelem([1 2; 3 4], 2, [1 2])));
% CHECK-NEXT: [1 2 2;1 2 2;3 4 4;3 4 4]
[b, nsh] = shiftdim(ones(1, 1, 3));
fprintf('%d %d %d\n', size(b, 1), size(b, 2), nsh);
% CHECK-NEXT: 3 1 2
disp(mat2str(size(shiftdim(ones(2, 3, 4), 1))));
% CHECK-NEXT: [3 4 2]
disp(mat2str(nextpow2([1 5 1000 0.3])));
% CHECK-NEXT: [0 3 10 -1]
disp(mat2str(pow2([1 2], [3 -1])));
% CHECK-NEXT: [8 1]
disp(mat2str(toeplitz([1 2 3])));
% CHECK-NEXT: [1 2 3;2 1 2;3 2 1]
disp(mat2str(toeplitz([1 2 3], [1 5 6 7])));
% CHECK-NEXT: [1 5 6 7;2 1 5 6;3 2 1 5]
fprintf('%.4f\n', cov([1 2 3 4]));
% CHECK-NEXT: 1.6667
disp(mat2str(cov([1 2; 3 5; 4 4], 1), 4));
% CHECK-NEXT: [1.556 1.222;1.222 1.556]
r = corrcoef([1 2 3 4], [2 4 6 9]);
fprintf('%.6f %.6f %.6f\n', r(1, 1), r(1, 2), r(2, 1));
% CHECK-NEXT: 1.000000 0.994377 0.994377
disp(mat2str(gradient([1 4 9 16 25])));
% CHECK-NEXT: [3 4 6 8 9]
[fx, fy] = gradient([1 2 4; 3 7 12]);
disp(mat2str(fx));
disp(mat2str(fy));
% CHECK-NEXT: [1 1.5 2;4 4.5 5]
% CHECK-NEXT: [2 5 8;2 5 8]
disp(mat2str(sinc([0 0.5]), 6));
% CHECK-NEXT: [1 0.63662]
x = cast([1.6 -300], 'int8');
fprintf('%s %d %d\n', class(x), x(1), x(2));
% CHECK-NEXT: int8 2 -128
fprintf('%d %d %d\n', isstr('a'), isstr(1), issparse(eye(2)));
% CHECK-NEXT: 1 0 0
disp(mat2str(full([1 2])));
% CHECK-NEXT: [1 2]
s = strvcat('abc', '', 'de');
fprintf('%d %d [%s]\n', size(s, 1), size(s, 2), s(2, :));
% CHECK-NEXT: 2 3 [de ]
disp(mat2str(findstr('abababa', 'aba')));
% CHECK-NEXT: [1 3 5]
disp(mat2str(strmatch('ap', {'apple', 'ap', 'bap'})));
% CHECK-NEXT: [1;2]
disp(mat2str(strmatch('ap', {'apple', 'ap', 'bap'}, 'exact')));
% CHECK-NEXT: 2
fprintf('%g %g %g\n', nanmean([1 NaN 3]), nansum([1 NaN 3]), nanmax([1 NaN 3]));
% CHECK-NEXT: 2 4 3
fprintf('%g\n', nanmin([NaN 4 2]));
% CHECK-NEXT: 2
disp(mat2str(prctile([1 2 3 4 5], [25 50 75])));
% CHECK-NEXT: [1.75 3 4.25]
c = mat2cell(reshape(1:12, 3, 4), [1 2], [3 1]);
fprintf('%d %d\n', size(c, 1), size(c, 2));
disp(mat2str(c{2, 1}));
% CHECK-NEXT: 2 2
% CHECK-NEXT: [2 5 8;3 6 9]
disp(mat2str(sscanf('3 4 5', '%d')));
% CHECK-NEXT: [3;4;5]
disp(sscanf('hello world', '%s'));
% CHECK-NEXT: helloworld
v = sscanf('x=1.5 y=2', 'x=%f y=%f');
fprintf('%g,', v);
fprintf('\n');
% CHECK-NEXT: 1.5,2,
t = clock;
fprintf('%d %d\n', numel(t), t(1) >= 2024);
% CHECK-NEXT: 6 1
fprintf('%d %d\n', now > 739252, cputime >= 0);
% CHECK-NEXT: 1 1
disp(version);
% CHECK-NEXT: 0.1.0 (RunMat)
disp(computer);
% CHECK-NEXT: GLNXA64
fprintf('%d %d %d %s %s\n', ispc, isunix, ismac, filesep, pathsep);
% CHECK-NEXT: 0 1 0 / :
disp(fullfile('a', 'b/', '/c.m'));
% CHECK-NEXT: a/b/c.m
[p, n, e] = fileparts('/home/user/data.tar.gz');
fprintf('%s|%s|%s\n', p, n, e);
% CHECK-NEXT: /home/user|data.tar|.gz
fprintf('%d\n', ischar(pwd) && ~isempty(pwd));
% CHECK-NEXT: 1
