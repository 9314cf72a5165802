#!/usr/bin/env bash
# Builds riposte, then runs the bundled default scenario. Extra arguments go to `riposte run`
# (e.g. --seed 7 --out results/).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/build.sh
./build/sim/riposte run "$@"
