% 4K image normalisation pipeline on B single-precision 2160x3840 images:
% per image, subtract the mean, divide by the standard deviation (population,
% plus 1e-5), apply gain and bias, clamp at 0 and raise to 1/2.2 (gamma);
% the result is the sum of every output pixel, accumulated in double.
% Layout: one image per column, X is (2160*3840) x B single, so the
% per-image statistics are column means (mean(X) over dimension 1). This
% runs unchanged on RunMat and GNU Octave (Octave 7 has no mean(X, [2 3])).
% Inputs: pixel k (0-based, column-major over all images) is
% mod(7919*k + 13, 10007) / 10007, computed in double, rounded to single.
N = 1;  % B, the number of images; bench/run.py rewrites this line
H = 2160; W = 3840; P = H * W;
gain = 1.25; bias = 0.1; gamma = 1 / 2.2; epsn = 1e-5;
k = 0:(P * N - 1);
X = single(reshape(mod(k * 7919 + 13, 10007) / 10007, P, N));
clear k;
tic;
mu = mean(X);                      % 1 x B single
D = X - mu;                        % implicit expansion over the columns
v = mean(D .^ 2);                  % 1 x B population variance
Y = D ./ sqrt(v + epsn) * gain + bias;
Z = max(Y, 0) .^ gamma;
s = sum(Z(:), 'double');
t = toc;
fprintf('RESULT %.12e\n', s);
fprintf('COMPUTE_S %.6f\n', t);
