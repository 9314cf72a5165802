#!/usr/bin/env bash
# Counts the work of one France replication cut to DAYS days with cachegrind: instructions and
# simulated cache misses (first level 32 KB, last level 8 MB), exact and the same whatever else
# runs on the machine. For comparing two builds on a noisy host, where wall times cannot tell a
# few per cent apart (docs/benchmark.md, France's tenth step). Prefetch hints are not modelled.
# Usage: scripts/cachegrind-france.sh DAYS [BENCH_BINARY]
#   DAYS          days kept of scenarios/france (3: about 8 minutes, 10: about 15 minutes)
#   BENCH_BINARY  a riposte_bench (default: build-release/bench/riposte_bench, built by
#                 scripts/bench.sh)
# Prints cachegrind's totals; the per-function counts are in cachegrind.out.france-DAYS (read
# them with cg_annotate). Needs valgrind (apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."

days=${1:?usage: scripts/cachegrind-france.sh DAYS [BENCH_BINARY]}
bench=${2:-build-release/bench/riposte_bench}
[[ "$days" =~ ^[1-9][0-9]*$ ]] || { echo "DAYS must be a whole number of days, 1 or more" >&2; exit 2; }
[[ -x "$bench" ]] || { echo "no benchmark binary at $bench: run scripts/bench.sh --only mmc first, or give its path" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind not found: apt-get install valgrind" >&2; exit 2; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/riposte-france-XXXXXX")
trap 'rm -rf "$dir"' EXIT
cp scenarios/france/* "$dir/"
# the world's length only: every other line of the scenario as shipped
sed -i -E "s/^days = [0-9]+/days = $days/" "$dir/world.toml"
grep -q "^days = $days\$" "$dir/world.toml" || { echo "could not set days in world.toml" >&2; exit 1; }

out=cachegrind.out.france-$days
valgrind --tool=cachegrind --cache-sim=yes --LL=8388608,16,64 --cachegrind-out-file="$out" \
  "$bench" --child-scaling "$dir" 2>&1 | grep -E "^(run_s|events)|I +refs|D1 +misses|LL +misses"
echo "per function: cg_annotate $out"
