% A first RunMat program: scalars, matrices, a loop and a local function.
x = 5
v = [1 2 3] * 2
total = 0;
for k = 1:10
  total = total + mod(k, 3) * 0.5;
end
fprintf('total = %g, squares: %s\n', total, mat2str(square(1:4)));
function y = square(x)
  y = x .^ 2;
end
