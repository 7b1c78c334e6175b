#!/usr/bin/env bash
# Build, then run the whole test suite: GoogleTest + lit (through ctest), and
# the shared MATLAB conformance corpus (reported, not yet required to pass).
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh || exit 1
export OPENBLAS_NUM_THREADS=1
(cd build && ctest --output-on-failure -j"$(nproc)")
status=$?
if [ -d ../shared/conformance ]; then
  echo "== conformance corpus (../shared/conformance) through runmat-jit"
  python3 ../shared/conformance/run.py --cmd "$PWD/build/bin/runmat-jit {file}" -j 2 \
    --json build/conformance.json > build/conformance.log 2>&1 || true
  grep -E "^(FAIL|  |By category)" build/conformance.log | tail -12
  tail -1 build/conformance.log | sed 's/^/conformance: /'
else
  echo "== conformance corpus skipped: ../shared/conformance does not exist"
fi
exit $status
