% Monte Carlo price of a European call under geometric Brownian motion:
% M paths, T time steps, exact log-normal steps
%   S <- S .* exp((r - sigma^2/2) dt + sigma sqrt(dt) Z),  Z ~ N(0,1),
% price = exp(-r Tm) * mean(max(S - K, 0)). The random draws are part of
% the timed work. rng(42) selects RunMat's LCG generator (docs/rng.md);
% bench/gbm/gbm_numpy.py reproduces that generator exactly, so RunMat and
% NumPy agree to rounding; Octave and PyTorch draw other numbers and agree
% only statistically (the harness checks every price against the
% Black-Scholes value, 10.450583572185565, within 7 standard errors).
N = 100000;  % M, the number of paths; bench/run.py rewrites this line
T = 252; S0 = 100; K = 100; r = 0.05; sigma = 0.2; Tm = 1;
dt = Tm / T;
drift = (r - 0.5 * sigma^2) * dt;
scale = sigma * sqrt(dt);
rng(42);
tic;
S = S0 * ones(N, 1);
for step = 1:T
  Z = randn(N, 1);
  S = S .* exp(drift + scale * Z);
end
price = exp(-r * Tm) * mean(max(S - K, 0));
el = toc;
fprintf('RESULT %.12e\n', price);
fprintf('COMPUTE_S %.6f\n', el);
