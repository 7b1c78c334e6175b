% RUN: rm -rf %t.d && mkdir -p %t.d && sed 's|TMPDIR|%t.d|g' %s > %t.m && %runmat-jit %t.m | FileCheck %s
% RUN: rm -rf %t.d && mkdir -p %t.d && %runmatc %t.m -o %t.exe && %t.exe | FileCheck %s
% cd (command syntax too), mkdir, dir (struct and listing), delete with
% wildcards, isfile/isfolder, rmdir, getenv/setenv, tempname.
d0 = pwd;
cd TMPDIR
mkdir sub
[ok, msg] = mkdir('sub');
fprintf('%d [%s]\n', ok, msg);
% CHECK: 1 [Directory already exists.]
cd sub
fid = fopen('a.txt', 'w'); fprintf(fid, 'hello'); fclose(fid);
fid = fopen('b.m', 'w'); fclose(fid);
s = dir;
fprintf('%s,', s.name); fprintf('| %d %d %d\n', s(3).bytes, s(1).isdir, s(3).isdir);
% CHECK-NEXT: .,..,a.txt,b.m,| 5 1 0
m = dir('*.m');
fprintf('%s %d\n', m.name, numel(m));
% CHECK-NEXT: b.m 1
dir
% CHECK-EMPTY:
% CHECK-NEXT: .      ..     a.txt  b.m
% CHECK-EMPTY:
fprintf('%d %d %d\n', isfile('a.txt'), isfolder('.'), isfolder('a.txt'));
% CHECK-NEXT: 1 1 0
delete *.m
fprintf('%d\n', numel(dir));
% CHECK-NEXT: 3
cd ..
rmdir('sub', 's');
fprintf('%d\n', exist('sub', 'dir'));
% CHECK-NEXT: 0
cd(d0);
fprintf('%d\n', strcmp(pwd, d0));
% CHECK-NEXT: 1
setenv('RUNMAT_TEST_VAR', 'xyz');
fprintf('%s %d\n', getenv('RUNMAT_TEST_VAR'), isempty(getenv('RUNMAT_NO_SUCH_VAR')));
% CHECK-NEXT: xyz 1
t = tempname;
fprintf('%d\n', strncmp(t, tempdir, numel(tempdir)));
% CHECK-NEXT: 1
try
  cd('/no/such/folder/here');
catch e
  disp(e.identifier);
end
% CHECK-NEXT: MATLAB:cd:NonExistentFolder
