#!/usr/bin/env bash
# Installs missing build dependencies, configures a Release build in ./build and builds it.
# Extra arguments are passed to the CMake configure step (e.g. -DRIPOSTE_BUILD_GUI=OFF).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build build -j2
