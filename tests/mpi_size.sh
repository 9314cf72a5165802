#!/usr/bin/env bash
# The staffing search over MPI (ctest mpi_size): `riposte size` writes the same sized plan and
# prints the same change table and verdict on one thread, on two threads and under
# `mpirun -n 1`, `-n 2` and `-n 3` (its candidates' (plan, replication) tasks go through the
# sweep runner: rank 0 hands them out, every rank gets the gathered results back).
# Exit 77 (ctest: skipped) with the reason when this build or machine has no MPI.
# Usage: mpi_size.sh RIPOSTE_CLI WORLD.toml PLAN.toml WITH_MPI(ON|OFF)
set -euo pipefail
cli=$1 world=$2 plan=$3 with_mpi=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
args=(size "$world" "$plan" -n 4 --confirm 8 --force --lang en)

# threads first: they need no MPI
"$cli" "${args[@]}" --threads 1 --out "$tmp/t1.toml" >"$tmp/t1.out" 2>"$tmp/t1.err"
"$cli" "${args[@]}" --threads 2 --out "$tmp/t2.toml" >"$tmp/t2.out" 2>"$tmp/t2.err"
if ! grep -q "RESULT: PASS" "$tmp/t1.out" || [ ! -s "$tmp/t1.toml" ]; then
  echo "FAILED: the test plan should size to a plan that passes (and is written)"
  cat "$tmp/t1.out"; exit 1
fi
# the output names the file it wrote: compare everything else
same() { # $1 $2: outputs (the steps in .err beside them); $3 $4: plans; $5: what
  if ! cmp -s "$3" "$4"; then
    echo "FAILED: $5 wrote a different sized plan than one thread"; diff "$3" "$4" | head -20; exit 1
  fi
  if ! diff <(grep -v "^Sized plan written" "$1") <(grep -v "^Sized plan written" "$2") >/dev/null; then
    echo "FAILED: $5 printed a different change table or verdict than one thread"
    diff "$1" "$2" | head -20; exit 1
  fi
  if ! cmp -s "${1%.out}.err" "${2%.out}.err"; then
    echo "FAILED: $5 took other steps than one thread"
    diff "${1%.out}.err" "${2%.out}.err" | head -20; exit 1
  fi
}
same "$tmp/t1.out" "$tmp/t2.out" "$tmp/t1.toml" "$tmp/t2.toml" "--threads 2"

if [ "$with_mpi" != "ON" ]; then
  echo "SKIPPED (threads 1 and 2 compared and identical): this riposte was built without the" \
       "MPI component (CMake found no MPI); install openmpi-bin and libopenmpi-dev" \
       "(scripts/test.sh does) and reconfigure"
  exit 77
fi
if ! command -v mpirun >/dev/null 2>&1; then
  echo "SKIPPED (threads 1 and 2 compared and identical): mpirun is not installed" \
       "(apt-get install openmpi-bin; scripts/test.sh does)"
  exit 77
fi
flags=(--oversubscribe)
if [ "$(id -u)" = 0 ]; then flags+=(--allow-run-as-root); fi
for n in 1 2 3; do
  mpirun "${flags[@]}" -n "$n" "$cli" "${args[@]}" --out "$tmp/mpi$n.toml" >"$tmp/mpi$n.out" \
    2>"$tmp/mpi$n.err"
  same "$tmp/t1.out" "$tmp/mpi$n.out" "$tmp/t1.toml" "$tmp/mpi$n.toml" "mpirun -n $n"
done
# a usage error on every rank stops every rank, no hang
status=0
timeout 120 mpirun "${flags[@]}" -n 2 "$cli" size "$world" "$plan" --cost dollars \
  >/dev/null 2>"$tmp/err" || status=$?
if [ "$status" -eq 124 ]; then echo "FAILED: mpirun hung on a usage error"; exit 1; fi
if [ "$status" -eq 0 ]; then echo "FAILED: a usage error under mpirun exited 0"; exit 1; fi
echo "riposte size on 1 and 2 threads and under mpirun -n 1, 2, 3: the same sized plan," \
     "steps, change table and verdict"
