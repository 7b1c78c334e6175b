#!/usr/bin/env bash
# Fresh Debian 12: install every package RunMat needs, build, run an example.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  build-essential cmake ninja-build ccache gfortran \
  llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools \
  libopenblas-dev libfftw3-dev libvulkan-dev mesa-vulkan-drivers glslang-tools spirv-tools \
  googletest libgtest-dev nlohmann-json3-dev libedit-dev zlib1g-dev libzstd-dev \
  python3 octave python3-numpy python3-torch python3-matplotlib
scripts/build.sh
build/bin/runmat-jit examples/hello.m
