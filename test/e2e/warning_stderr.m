% RUN: %runmat-jit %s 2>&1 | FileCheck %s
% Warnings go to stderr as "Warning: MESSAGE"; warning('off', id) and
% warning('off', 'all') silence them.
disp('start')
% CHECK: start
warning('plain text, no %d format');
% CHECK-NEXT: Warning: plain text, no %d format
warning('my:id', 'value %d', 7);
% CHECK-NEXT: Warning: value 7
warning('off', 'my:id');
warning('my:id', 'hidden');
warning('off', 'all');
warning('also hidden');
warning('on', 'all');
warning('back %s', 'on');
% CHECK-NEXT: Warning: back on
disp('end')
% CHECK-NEXT: end
