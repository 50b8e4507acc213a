#!/usr/bin/env bash
# Stops every process swift-up.sh started under RUN_DIR (memcached and the four Swift servers)
# and waits until they are gone. Only the pids recorded in RUN_DIR/pids, and only while their
# command line still names RUN_DIR (a recycled pid is left alone). RUN_DIR itself is kept for
# its logs; remove it when done.
set -uo pipefail

[ $# -eq 1 ] || { echo "usage: $0 RUN_DIR" >&2; exit 2; }
run="$(realpath -m "$1")"
[ -d "$run/pids" ] || exit 0

ours() { # pid: still the process we started? (each one's command line names RUN_DIR)
  [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -qF -- "$run/"
}

pids=()
for file in "$run"/pids/*.pid; do
  [ -e "$file" ] || continue
  pid="$(cat "$file")"
  if ours "$pid"; then
    kill -TERM "$pid" 2>/dev/null && pids+=("$pid")
  fi
done
for _ in $(seq 1 50); do
  alive=()
  for pid in "${pids[@]}"; do ours "$pid" && alive+=("$pid"); done
  [ ${#alive[@]} -eq 0 ] && break
  sleep 0.2
done
for pid in "${alive[@]}"; do
  echo "swift-down: pid $pid did not stop within 10 s; killing it" >&2
  kill -KILL "$pid" 2>/dev/null
done
rm -f "$run"/pids/*.pid
exit 0
