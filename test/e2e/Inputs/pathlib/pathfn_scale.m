function y = pathfn_scale(x, k)
  % A function file on the path, with a local function of its own.
  if nargin < 2
    k = 10;
  end
  y = x * k + helper(x);
end
function z = helper(x)
  z = numel(x);
end
