% RUN: rm -f %t.txt %t.bin && sed 's|TMPFILE|%t|g' %s > %t.m && %runmat-jit %t.m | FileCheck %s
% RUN: %runmatc %t.m -o %t.exe && %t.exe | FileCheck %s
% fopen/fclose, fprintf to a file, fgetl/fgets/feof, fileread, fread/fwrite
% with precisions, ftell/fseek/frewind.
name = 'TMPFILE.txt';
fid = fopen(name, 'w');
fprintf(fid, 'line %d\n', 1:3);
fprintf(fid, 'last');
fprintf('%d\n', fclose(fid));
% CHECK: 0
fid = fopen(name, 'r');
while ~feof(fid)
  t = fgetl(fid);
  fprintf('[%s]\n', t);
end
% CHECK-NEXT: [line 1]
% CHECK-NEXT: [line 2]
% CHECK-NEXT: [line 3]
% CHECK-NEXT: [last]
frewind(fid);
g = fgets(fid);
fprintf('%d %d\n', numel(g), double(g(end)));
% CHECK-NEXT: 7 10
fprintf('%d\n', ftell(fid));
% CHECK-NEXT: 7
fseek(fid, -4, 'eof');
disp(fgetl(fid))
% CHECK-NEXT: last
fprintf('%d\n', fgetl(fid));
% CHECK-NEXT: -1
fclose(fid);
s = fileread(name);
fprintf('%d %s\n', numel(s), s(end-3:end));
% CHECK-NEXT: 25 last
bin = 'TMPFILE.bin';
fid = fopen(bin, 'w');
n = fwrite(fid, [1 2 300 -5], 'uint8');
m = fwrite(fid, [1.5 -2.25], 'double');
k = fwrite(fid, int16([-2 1000]), 'int16');
fclose(fid);
fprintf('%d %d %d\n', n, m, k);
% CHECK-NEXT: 4 2 2
fid = fopen(bin);
a = fread(fid, 4)';
b = fread(fid, [1 2], 'double');
[c, cnt] = fread(fid, Inf, '*int16');
fclose(fid);
fprintf('%g ', a, b, c); fprintf('| %s %s %d\n', class(a), class(c), cnt);
% CHECK-NEXT: 1 2 255 0 1.5 -2.25 -2 1000 | double int16 2
[fid, msg] = fopen('TMPFILE.nonexistent/x', 'r');
fprintf('%d %d\n', fid, ~isempty(msg));
% CHECK-NEXT: -1 1
try
  fgetl(99);
catch e
  disp(e.identifier)
end
% CHECK-NEXT: MATLAB:FileIO:InvalidFid
