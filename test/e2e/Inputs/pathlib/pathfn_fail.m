function pathfn_fail()
  error('pathfn:fail', 'failed in a path function');
end
