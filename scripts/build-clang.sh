#!/usr/bin/env bash
# Builds riposte (GUI off) with Debian's clang 14 in ./build-clang, as a second compiler that
# catches what GCC lets through, and runs the test suite there unless --no-test is given.
# Extra arguments are passed to the CMake configure step. JOBS sets the build parallelism.
set -euo pipefail
cd "$(dirname "$0")/.."

run_tests=1
args=()
for a in "$@"; do
  if [[ "$a" == "--no-test" ]]; then run_tests=0; else args+=("$a"); fi
done

scripts/setup.sh --clang
cmake -S . -B build-clang -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER=clang++-14 -DRIPOSTE_BUILD_GUI=OFF "${args[@]}" >/dev/null
cmake --build build-clang -j"${JOBS:-2}"
if [[ $run_tests -eq 1 ]]; then
  ctest --test-dir build-clang --output-on-failure -j"${JOBS:-2}" -LE slow
fi
