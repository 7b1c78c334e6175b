#!/usr/bin/env bash
# Configure (once) and build everything into build/ (tools in build/bin/).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/build.ninja ]; then
  cmake -G Ninja -S . -B build -DCMAKE_BUILD_TYPE=Release
fi
ninja -C build -j"$(nproc)"
