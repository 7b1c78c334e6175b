#!/usr/bin/env python3
"""expect_exit.py STATUS CMD ARGS...: run CMD and succeed only when it exits
with exactly STATUS (a death by a signal never matches). Its output passes
through, so the caller can pipe it into FileCheck."""
import subprocess
import sys

want = int(sys.argv[1])
try:
    got = subprocess.call(sys.argv[2:], timeout=120)
except subprocess.TimeoutExpired:
    print("expect_exit: timed out: %s" % " ".join(sys.argv[2:]), file=sys.stderr)
    sys.exit(1)
if got != want:
    print("expect_exit: %s exited with %d, expected %d" %
          (sys.argv[2], got, want), file=sys.stderr)
    sys.exit(1)
