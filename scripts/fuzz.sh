#!/usr/bin/env bash
# Fuzzes riposte's input readers with libFuzzer for SECONDS seconds per target (default 60):
# riposte_fuzz_loader (scenario files, CSV and JSON results), then riposte_fuzz_exercise
# (exercise files, journals, single changes).
#   scripts/fuzz.sh 60        the CI smoke run
#   scripts/fuzz.sh 1800      a long run (record its statistics in docs/fuzzing.md)
# Builds ./build-fuzz with clang 14 (-DRIPOSTE_FUZZ=ON: ASan, UBSan, coverage), seeds a corpus
# from the shipped scenarios, and keeps the growing corpus in build-fuzz/corpus/. A crash,
# a leak, undefined behaviour or a 10 s timeout fails the run; the input that caused it is
# saved in build-fuzz/artifacts/ (turn it into a regression test). JOBS: build parallelism.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS]" >&2
  exit 2
fi

scripts/setup.sh --clang
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
  -DRIPOSTE_FUZZ=ON -DRIPOSTE_BUILD_GUI=OFF -DRIPOSTE_BUILD_BENCH=OFF \
  -DRIPOSTE_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"${JOBS:-2}" --target riposte_fuzz_loader riposte_fuzz_exercise

# Seeds: the first byte is the mode (see fuzz/fuzz_loader.cpp).
seed=build-fuzz/seed/loader
rm -rf "$seed"
mkdir -p "$seed" build-fuzz/corpus/loader build-fuzz/artifacts
n=0
add_seed() { # mode file [max-bytes]
  n=$((n + 1))
  { printf "\\x$(printf %02x "$1")"; head -c "${3:-65536}" "$2"; } > "$seed/$n"
}
while IFS= read -r -d '' f; do
  case "$f" in
    */world.toml) add_seed 0 "$f" ;;
    */plan*.toml) add_seed 1 "$f" ;;
    */communes.csv|*/edges.csv|*/pool.csv|*/incidence.csv) add_seed 2 "$f" 16384 ;;
  esac
done < <(find scenarios -type f \( -name '*.toml' -o -name '*.csv' \) -print0 | sort -z)
printf '\x03replication,centre,waited_minutes\n1,"Gignac, salle",12.5\n' > "$seed/csv"
printf '\x04{"seed": "42", "kpis": [{"name": "p90", "mean": 12.5, "ci": [1e3, -0.5]}], "partial": false, "x": null}' > "$seed/json"

# Seeds of the exercise target (see fuzz/fuzz_exercise.cpp): exercise files (mode 0), a
# journal written by JournalWriter (mode 1) and its changes one by one (mode 2).
xseed=build-fuzz/seed/exercise
rm -rf "$xseed"
mkdir -p "$xseed" build-fuzz/corpus/exercise
n=0
add_xseed() { # mode file
  n=$((n + 1))
  { printf "\\x$(printf %02x "$1")"; head -c 65536 "$2"; } > "$xseed/$n"
}
for f in scenarios/stress/*.toml scenarios/centre-herault/exercise.toml; do add_xseed 0 "$f"; done
add_xseed 1 fuzz/seeds/journal.toml
# each entry of the seed journal, without its bookkeeping keys, is a change
awk -v dir="$xseed" '
  /^\[\[entry\]\]/ { k++; file = dir "/change-" k; printf "\002" > file; next }
  /^(ordinal|source|at|event|order|author|inject_id|new_time|text|notes|refused|refusal) = / { next }
  /^kind = / || /^[a-z_]+ = / { if (file) print >> file }
' fuzz/seeds/journal.toml

export ASAN_OPTIONS="detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
build-fuzz/fuzz/riposte_fuzz_loader build-fuzz/corpus/loader "$seed" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix=build-fuzz/artifacts/ -print_final_stats=1
build-fuzz/fuzz/riposte_fuzz_exercise build-fuzz/corpus/exercise "$xseed" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix=build-fuzz/artifacts/exercise- -print_final_stats=1
