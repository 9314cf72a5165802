#!/usr/bin/env bash
# The MPI transport of riposte sweep (ctest mpi_sweep): the files written under
# `mpirun -n 1`, `-n 2` and `-n 3` are byte-identical to a run on one thread, and a sweep
# stopped under MPI resumes from its checkpoint (with another rank count) to the same files.
# Exit 77 (ctest: skipped) with the reason when this build or machine has no MPI.
# Usage: mpi_sweep.sh RIPOSTE_CLI SWEEP.toml WITH_MPI(ON|OFF)
set -euo pipefail
cli=$1 sweep=$2 with_mpi=$3
if [ "$with_mpi" != "ON" ]; then
  echo "SKIPPED: this riposte was built without the MPI component (CMake found no MPI);" \
       "install openmpi-bin and libopenmpi-dev (scripts/test.sh does) and reconfigure"
  exit 77
fi
if ! command -v mpirun >/dev/null 2>&1; then
  echo "SKIPPED: mpirun is not installed (apt-get install openmpi-bin; scripts/test.sh does)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
flags=(--oversubscribe)
if [ "$(id -u)" = 0 ]; then flags+=(--allow-run-as-root); fi

"$cli" sweep "$sweep" -j 1 --out "$tmp/threads" --quiet
for n in 1 2 3; do
  mpirun "${flags[@]}" -n "$n" "$cli" sweep "$sweep" --out "$tmp/mpi$n" --quiet
  for f in sweep.csv variants.csv; do
    if ! cmp -s "$tmp/threads/$f" "$tmp/mpi$n/$f"; then
      echo "FAILED: mpirun -n $n wrote a different $f than one thread"
      diff "$tmp/threads/$f" "$tmp/mpi$n/$f" | head -20
      exit 1
    fi
  done
  if [ -e "$tmp/mpi$n.checkpoint" ]; then
    echo "FAILED: the checkpoint of a finished sweep is still there (mpirun -n $n)"
    exit 1
  fi
done

# stopped after 5 tasks under 2 ranks, then 4 more under 3 ranks, then resumed under 2
if mpirun "${flags[@]}" -n 2 "$cli" sweep "$sweep" --out "$tmp/r" --stop-after 5 --quiet \
     2>"$tmp/err1"; then
  echo "FAILED: a sweep stopped by --stop-after exited 0"; exit 1
fi
lines=$(($(wc -l <"$tmp/r.checkpoint") - 1))
if [ "$lines" -ne 5 ]; then
  echo "FAILED: the checkpoint holds $lines tasks after --stop-after 5"; exit 1
fi
if mpirun "${flags[@]}" -n 3 "$cli" sweep "$sweep" --out "$tmp/r" --stop-after 4 --quiet \
     2>"$tmp/err2"; then
  echo "FAILED: a sweep stopped by --stop-after exited 0"; exit 1
fi
lines=$(($(wc -l <"$tmp/r.checkpoint") - 1))
if [ "$lines" -ne 9 ]; then
  echo "FAILED: the checkpoint holds $lines tasks after resuming with --stop-after 4"; exit 1
fi
# no task twice in the checkpoint
dups=$(tail -n +2 "$tmp/r.checkpoint" | awk '{print $2, $3}' | sort | uniq -d | wc -l)
if [ "$dups" -ne 0 ]; then echo "FAILED: a task was recorded twice"; exit 1; fi
mpirun "${flags[@]}" -n 2 "$cli" sweep "$sweep" --out "$tmp/r" --quiet
if ! cmp -s "$tmp/threads/sweep.csv" "$tmp/r/sweep.csv"; then
  echo "FAILED: the resumed sweep differs from the uninterrupted one"; exit 1
fi
# rank 0 alone refuses to go on (a checkpoint of another sweep): every rank stops, no hang
echo "riposte-sweep-tasks 1 another-sweep" >"$tmp/bad.checkpoint"
status=0
timeout 120 mpirun "${flags[@]}" -n 2 "$cli" sweep "$sweep" --out "$tmp/bad" --quiet \
  >/dev/null 2>"$tmp/err3" || status=$?
if [ "$status" -eq 124 ]; then
  echo "FAILED: mpirun hung when rank 0 refused the checkpoint"; exit 1
fi
if [ "$status" -eq 0 ] || ! grep -q "belongs to another sweep" "$tmp/err3"; then
  echo "FAILED: a checkpoint of another sweep was not refused under MPI (exit $status)"
  cat "$tmp/err3"; exit 1
fi
# a usage error and a scenario error are read the same by every rank: said once, by rank 0
status=0
mpirun "${flags[@]}" -n 3 "$cli" sweep "$sweep" --no-such-option >/dev/null 2>"$tmp/err4" \
  || status=$?
if [ "$status" -eq 0 ]; then echo "FAILED: an unknown option was accepted under MPI"; exit 1; fi
said=$(grep -c -- "--no-such-option" "$tmp/err4" || true)
if [ "$said" -ne 1 ]; then
  echo "FAILED: under mpirun -n 3 the usage error was printed $said times, not once"
  cat "$tmp/err4"; exit 1
fi
printf '[sweep]\nworld = "no-such-world.toml"\n[grid]\nplan = ["no-such-plan.toml"]\n' >"$tmp/bad.toml"
status=0
mpirun "${flags[@]}" -n 3 "$cli" sweep "$tmp/bad.toml" --out "$tmp/bad2" >/dev/null \
  2>"$tmp/err5" || status=$?
if [ "$status" -eq 0 ]; then echo "FAILED: a sweep of missing files was accepted"; exit 1; fi
said=$(grep -c "no-such-world" "$tmp/err5" || true)
if [ "$said" -ne 1 ]; then
  echo "FAILED: under mpirun -n 3 the sweep file's error was printed $said times, not once"
  cat "$tmp/err5"; exit 1
fi
echo "mpirun -n 1, 2, 3 and a stopped-and-resumed MPI sweep: files identical to one thread;" \
     "a refusal on rank 0 stops every rank"
