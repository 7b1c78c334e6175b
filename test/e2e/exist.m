% RUN: cd %S && %run-both | FileCheck %s
% exist: 1 variable, 2 file or path function, 5 builtin, 7 folder, 0 none.
fprintf('%d\n', exist('x'));
% CHECK: 0
x = 3;
fprintf('%d %d\n', exist('x'), exist('x', 'var'));
% CHECK-NEXT: 1 1
fprintf('%d %d %d\n', exist('sin'), exist('sin', 'builtin'), exist('sin', 'var'));
% CHECK-NEXT: 5 5 0
% Functions MATLAB ships as .m files are files (2), not builtins.
fprintf('%d %d %d %d\n', exist('mean'), exist('mean', 'file'), exist('mean', 'builtin'), exist('linspace'));
% CHECK-NEXT: 2 2 0 2
fprintf('%d\n', exist('OCTAVE_VERSION', 'builtin'));
% CHECK-NEXT: 0
fprintf('%d %d\n', exist('Inputs', 'dir'), exist('Inputs'));
% CHECK-NEXT: 7 7
fprintf('%d %d\n', exist('exist.m', 'file'), exist('no_such_file_here.m'));
% CHECK-NEXT: 2 0
name = 'y';
fprintf('%d\n', exist(name, 'var'));
% CHECK-NEXT: 0
y = [];
fprintf('%d\n', exist(name, 'var'));
% CHECK-NEXT: 1
clear y
fprintf('%d\n', exist(name, 'var'));
% CHECK-NEXT: 0
check_inside(2);
% CHECK-NEXT: inside: 1 0 1
try
  exist(42)
catch err
  disp(err.identifier)
end
% CHECK-NEXT: MATLAB:exist:firstInputString

function check_inside(a)
  fprintf('inside: %d %d %d\n', exist('a', 'var'), exist('x', 'var'), exist('b') == 0);
end
