% RUN: %runmat-jit --emit=ast %s | FileCheck %s
% Anonymous functions keep their normalized text; @name is a handle.
n = @(x) x + 1;
p = @sin;
q = @() 42;
r = @(x, y) x .* y;
s = @(x) @(y) x + y;
% CHECK: (assign display=0 (id n) (anon text="@(x)x+1" (params x) (binary + (id x) (number 1))))
% CHECK-NEXT: (assign display=0 (id p) (handle sin))
% CHECK-NEXT: (assign display=0 (id q) (anon text="@()42" (params) (number 42)))
% CHECK-NEXT: (assign display=0 (id r) (anon text="@(x,y)x.*y" (params x y) (binary .* (id x) (id y))))
% CHECK-NEXT: (assign display=0 (id s) (anon text="@(x)@(y)x+y" (params x) (anon text="@(y)x+y" (params y) (binary + (id x) (id y)))))
