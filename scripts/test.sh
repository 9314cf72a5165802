#!/usr/bin/env bash
# Builds riposte and runs the whole test suite. The GUI tests need a display: when none is
# available, ctest runs under a virtual X server (24-bit colour, as SFML 2.5 requires). Tests
# labelled slow (the national golden run, about 2 minutes; the France map screenshots, about
# 1 minute) are left to CI (.ci/run).
#
#   scripts/test.sh             the Release build in ./build (GCC), GUI and the MPI transport
#                               of sweeps included (Open MPI is installed by setup.sh; the
#                               ctest mpi_sweep runs mpirun -n 1, 2 and 3)
#   scripts/test.sh --sanitize  clang 14 with AddressSanitizer and UBSan in ./build-sanitize
#                               (GUI and benchmark off): any leak, memory error or undefined
#                               behaviour fails the test that hit it
#   scripts/test.sh --clang     clang 14 in ./build-clang (GUI off): scripts/build-clang.sh
# JOBS sets the build and test parallelism (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="${JOBS:-2}"

run_ctest() {
  local dir="$1"
  if [[ -n "${DISPLAY:-}" ]] || ! command -v xvfb-run >/dev/null 2>&1; then
    ctest --test-dir "$dir" --output-on-failure -j"$jobs" -LE slow
  else
    xvfb-run -a -s "-screen 0 1600x1000x24" ctest --test-dir "$dir" --output-on-failure \
      -j"$jobs" -LE slow
  fi
}

case "${1:-}" in
  "")
    scripts/build.sh -DRIPOSTE_MPI=ON
    run_ctest build
    ;;
  --clang)
    exec scripts/build-clang.sh
    ;;
  --sanitize)
    scripts/setup.sh --clang
    cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_COMPILER=clang++-14 -DRIPOSTE_SANITIZE=ON \
      -DRIPOSTE_BUILD_GUI=OFF -DRIPOSTE_BUILD_BENCH=OFF >/dev/null
    cmake --build build-sanitize -j"$jobs"
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    ctest --test-dir build-sanitize --output-on-failure -j"$jobs" -LE slow
    ;;
  *)
    echo "usage: scripts/test.sh [--sanitize | --clang]" >&2
    exit 2
    ;;
esac
