#!/bin/sh
# Regenerates the documentation pages that come from the source:
# docs/builtins.md from the builtin table (runtime/include/runmat/rt/*.def).
# Run after changing the table; test/Docs/builtins-md.test checks it.
set -e
cd "$(dirname "$0")/.."
build/bin/runmat-jit --list-builtins > docs/builtins.md
echo "docs/builtins.md: $(grep -c '^| `' docs/builtins.md) builtins"
