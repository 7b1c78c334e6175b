% RUN: %run-both | FileCheck %s --strict-whitespace
% Conversions, flags, width and precision.
fprintf('%5.2f|\n', pi);
% CHECK: {{^}} 3.14|
fprintf('%-6d|\n', 42);
% CHECK-NEXT: {{^}}42    |
fprintf('%06.2f|\n', -3.14159);
% CHECK-NEXT: {{^}}-03.14|
fprintf('%+d %+d\n', 5, -5);
% CHECK-NEXT: {{^}}+5 -5
fprintf('%e\n', 12345.678);
% CHECK-NEXT: {{^}}1.234568e+04
fprintf('%E\n', 0.000123);
% CHECK-NEXT: {{^}}1.230000E-04
fprintf('%g %g %g %g\n', 1e-5, 123456789, 0.0001, 100000);
% CHECK-NEXT: {{^}}1e-05 1.23457e+08 0.0001 100000
fprintf('%G\n', 1e-10);
% CHECK-NEXT: {{^}}1E-10
fprintf('%x %X %o\n', 255, 255, 8);
% CHECK-NEXT: {{^}}ff FF 10
fprintf('%c%c%c\n', 72, 105, 33);
% CHECK-NEXT: {{^}}Hi!
fprintf('%s\n', 65);
% CHECK-NEXT: {{^}}A
fprintf('%i %u\n', 7, 10);
% CHECK-NEXT: {{^}}7 10
fprintf('100%%\n');
% CHECK-NEXT: {{^}}100%
fprintf('%5s|%-5s|\n', 'ab', 'cd');
% CHECK-NEXT: {{^}}   ab|cd   |
fprintf('%.3s\n', 'abcdef');
% CHECK-NEXT: {{^}}abc
fprintf('tab\there\n');
% CHECK-NEXT: {{^}}tab	here
fprintf('%*d|\n', 5, 3);
% CHECK-NEXT: {{^}}    3|
fprintf('%.2e\n', 0);
% CHECK-NEXT: {{^}}0.00e+00
fprintf('%f %d %5.1f|\n', Inf, NaN, -Inf);
% CHECK-NEXT: {{^}}Inf NaN  -Inf|
fprintf('%.10g\n', 2/3);
% CHECK-NEXT: {{^}}0.6666666667
fprintf('a\\b\n');
% CHECK-NEXT: {{^}}a\b
fprintf('''quoted''\n');
% CHECK-NEXT: {{^}}'quoted'
fprintf('%d\n', 3e10);
% CHECK-NEXT: {{^}}30000000000
fprintf('%d\n', true);
% CHECK-NEXT: {{^}}1
fprintf(1, 'to stdout %d\n', 5);
% CHECK-NEXT: {{^}}to stdout 5
