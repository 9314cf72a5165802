#!/usr/bin/env bash
# Builds riposte and runs the whole test suite. The GUI tests need a display: when none is
# available, ctest runs under a virtual X server (24-bit colour, as SFML 2.5 requires). Tests
# labelled slow (the national golden run, about 2 minutes) are left to CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/build.sh
if [[ -n "${DISPLAY:-}" ]] || ! command -v xvfb-run >/dev/null 2>&1; then
  ctest --test-dir build --output-on-failure -j2 -LE slow
else
  xvfb-run -a -s "-screen 0 1600x1000x24" ctest --test-dir build --output-on-failure -j2 -LE slow
fi
