% RUN: %run-both | FileCheck %s
% fft, ifft, fft2, ifft2, fftshift and ifftshift (FFTW): MATLAB's lengths,
% dimensions, complex results and real inverse of conjugate-symmetric data.
x = [1 2 3 4];
X = fft(x);
fprintf('%g%+gi ', [real(X); imag(X)]); fprintf('| %d\n', isreal(X));
% CHECK: 10+0i -2+2i -2+0i -2-2i | 0
y = ifft(X);
fprintf('%g ', y); fprintf('| %d\n', isreal(y));
% CHECK-NEXT: 1 2 3 4 | 1
P = fft([1; 2; 3], 5);
fprintf('%d %d %.4f %.4f\n', size(P), real(P(2)), imag(P(2)));
% CHECK-NEXT: 5 1 -0.8090 -3.6655
T = fft([1 2 3 4 5], 3);
fprintf('%d %.4f %.4f\n', numel(T), real(T(2)), imag(T(2)));
% CHECK-NEXT: 3 -1.5000 0.8660
M = fft([1 2; 3 4], [], 2);
fprintf('%g ', real(M)); fprintf('\n');
% CHECK-NEXT: 3 7 -1 -1
A = magic(4);
F = fft2(A);
B = ifft2(F);
fprintf('%g %d %d\n', real(F(1, 1)), max(abs(B(:) - A(:))) < 1e-12, isreal(B));
% CHECK-NEXT: 136 1 1
G = sin(reshape(1:37*53, 37, 53) * 0.7);
fprintf('%d %d\n', isreal(ifft2(fft2(G))), isreal(ifft2(fft2(G) + 1i)));
% CHECK-NEXT: 1 0
z = ifft([1 2 3], 'symmetric');
fprintf('%.4f ', z); fprintf('\n');
% CHECK-NEXT: 1.6667 -0.3333 -0.3333
w = ifft([1 2i 3]);
fprintf('%d\n', isreal(w));
% CHECK-NEXT: 0
v = ifft([1 2 3]);                % real but not symmetric: complex result
fprintf('%d %.4f %.4f %.4f\n', isreal(v), real(v(1)), real(v(2)), imag(v(2)));
% CHECK-NEXT: 0 2.0000 -0.5000 -0.2887
n = 12345; x = sin((1:n) * 0.37) + cos((1:n) .^ 1.3);
fprintf('%d\n', isreal(ifft(fft(x))));   % the transform of real data is symmetric
% CHECK-NEXT: 1
u = ifft([4 1 1]);                % real and symmetric: real result
fprintf('%d %.4f\n', isreal(u), u(2));
% CHECK-NEXT: 1 1.0000
fprintf('%g ', fftshift(1:5), ifftshift(1:5)); fprintf('\n');
% CHECK-NEXT: 4 5 1 2 3 3 4 5 1 2
S = fftshift([1 2; 3 4]);
fprintf('%g ', S); fprintf('\n');
% CHECK-NEXT: 4 2 3 1
s = fft(single([1 2 3]));
fprintf('%s %d\n', class(s), isempty(fft([])));
% CHECK-NEXT: single 1
try
  fft([1 2], -1);
catch e
  disp(e.identifier);
end
% CHECK-NEXT: MATLAB:fft:lengthNotNonNegInt
