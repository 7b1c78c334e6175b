#!/usr/bin/env bash
# Compile FILE.m with runmatc into a temporary executable and run it (used to
# run the conformance corpus through AOT executables).
set -u
here="$(cd "$(dirname "$0")/.." && pwd)"
exe="$(mktemp /tmp/runmat-aot.XXXXXX)"
trap 'rm -f "$exe"' EXIT
"$here/build/bin/runmatc" "$1" -o "$exe" || exit 1
"$exe"
