#!/usr/bin/env bash
# Build, then run the whole test suite: GoogleTest + lit (through ctest), and
# the shared MATLAB conformance corpus (required to pass, JIT and AOT).
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh || exit 1
export OPENBLAS_NUM_THREADS=1
(cd build && ctest --output-on-failure -j"$(nproc)")
status=$?
# The conformance corpus must pass in full (--strict) through runmat-jit and
# through runmatc executables.
conformance() { # LABEL CMD JSON
  echo "== conformance corpus (../shared/conformance) through $1"
  if python3 ../shared/conformance/run.py --cmd "$2" -j 2 --strict \
      --json "build/$3.json" > "build/$3.log" 2>&1; then
    tail -1 "build/$3.log" | sed "s/^/conformance ($1): /"
  else
    grep -E "^(FAIL|  |By category)" "build/$3.log" | tail -20
    tail -1 "build/$3.log" | sed "s/^/conformance ($1): /"
    status=1
  fi
}
if [ -d ../shared/conformance ]; then
  conformance runmat-jit "$PWD/build/bin/runmat-jit {file}" conformance-jit
  conformance runmatc "$PWD/scripts/run-aot.sh {file}" conformance-aot
else
  echo "== conformance corpus skipped: ../shared/conformance does not exist"
fi
exit $status
