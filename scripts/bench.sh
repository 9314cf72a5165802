#!/usr/bin/env bash
# Builds riposte_bench in Release (./build-release) and runs the benchmark, writing the
# figures to bench-results.json (at the repository root) as well as printing the table.
# Extra arguments go to riposte_bench, e.g.:
#   scripts/bench.sh --only mmc
#   scripts/bench.sh --only default,metz --no-simpy
# Environment:
#   BUILD_DIR           build folder (default: build-release)
#   BENCH_JSON          where to write the JSON (default: bench-results.json)
#   RIPOSTE_BUILD_LOCK  a lock file: configure and build run under `flock` on it (machines
#                       shared by several people building at once); the benchmark itself runs
#                       outside the lock
#   RIPOSTE_PYTHON      Python 3 interpreter that can import simpy (default: the first of
#                       python3 and /usr/bin/python3 that can)
# Run it on a quiet machine: the figures are wall-clock times on one core.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build-release}
json=${BENCH_JSON:-bench-results.json}

locked() {
  if [[ -n "${RIPOSTE_BUILD_LOCK:-}" ]]; then
    flock "$RIPOSTE_BUILD_LOCK" "$@"
  else
    "$@"
  fi
}

# the GUI and the tests are not needed to benchmark: leave them out of this build
locked cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DRIPOSTE_BUILD_GUI=OFF \
  -DRIPOSTE_BUILD_TESTS=OFF >/dev/null
locked cmake --build "$build_dir" -j2 --target riposte_bench
"$build_dir/bench/riposte_bench" --json "$json" "$@"
