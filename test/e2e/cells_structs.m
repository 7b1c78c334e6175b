% RUN: %run-both | FileCheck %s
% Cells, structs and chained indexing.
c = {1, 'two', [3 4]};
fprintf('%s %d\n', class(c{2}), numel(c));
% CHECK: char 3
c{5} = 'five';
fprintf('%d %d\n', numel(c), isempty(c{4}));
% CHECK-NEXT: 5 1
x = [c{[1 3]}];
fprintf('%d ', x);
fprintf('\n');
% CHECK-NEXT: 1 3 4
s.a = 1;
s.b.c = 'deep';
s.a(3) = 7;
fprintf('%d ', s.a);
fprintf('%s\n', s.b.c);
% CHECK-NEXT: 1 0 7 deep
t(2).v = 5;
fprintf('%d %d %d\n', size(t), isempty(t(1).v));
% CHECK-NEXT: 1 2 1
name = 'dyn';
s.(name) = 42;
fprintf('%d\n', s.dyn);
% CHECK-NEXT: 42
q = {};
q{end+1} = 'a';
q{end+1} = 'b';
fprintf('%s', q{:});
fprintf('\n');
% CHECK-NEXT: ab
n = {1, {2, {3}}};
fprintf('%d\n', n{2}{2}{1});
% CHECK-NEXT: 3
