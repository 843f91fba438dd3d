#!/usr/bin/env bash
# Where a command's CPU time goes, by thread: runs it ROUNDS times and prints, per group of threads
# (threads named alike, numbers dropped: "mwdump-worker-1" and "mwdump-worker-2" are one group), the
# median and range of their user+system CPU seconds, and the wall time. For a JVM this separates the
# main thread, mwdump's worker threads, the JIT compilers (C1, C2) and the garbage collector, which is
# what decides how a conversion scales on few cores: the JIT's seconds compete with the workers.
#
# CPU times are read from /proc/PID/task/TID/stat every 20 ms while the command runs, so a thread that
# ends between two reads loses its last 20 ms at most (threads of a pool live until the command ends).
# Linux only.
#
# Usage: benchmarks/scripts/thread-cpu.sh ROUNDS COMMAND [ARG...]
# Example:
#   benchmarks/scripts/thread-cpu.sh 3 dump-cli/target/mwdump convert --quiet --force --threads 2 \
#       benchmarks/data/synthetic-history-seed1-1GB.xml /dev/shm/out.jsonl
set -euo pipefail
die() { echo "thread-cpu.sh: $*" >&2; exit 1; }
rounds="${1:-}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "usage: thread-cpu.sh ROUNDS COMMAND [ARG...]"
shift
(( $# > 0 )) || die "no command"
[[ -d /proc/self/task ]] || die "needs Linux /proc"
# shellcheck source=timing.sh
source "$(dirname "${BASH_SOURCE[0]}")/timing.sh"
ticks=$(getconf CLK_TCK)
samples="$(mktemp)"
trap 'rm -f "$samples"' EXIT
echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: $*"

# one run: prints "group seconds" lines, then "wall seconds"
run_once() {
  local start end pid tid stat name rest
  declare -A cpu=() group=()
  start=$(date +%s.%N)
  "$@" > /dev/null &
  pid=$!
  while kill -0 "$pid" 2> /dev/null; do
    for t in /proc/"$pid"/task/*; do
      stat=$(cat "$t/stat" 2> /dev/null) || continue
      tid=${t##*/}
      name=${stat#*(}
      name=${name%)*}
      rest=${stat##*) }
      read -r -a f <<< "$rest"
      # fields 14 and 15 of stat (utime, stime) are 11 and 12 after the name
      cpu[$tid]=$(( f[11] + f[12] ))
      group[$tid]="$name"
    done
    sleep 0.02
  done
  wait "$pid" || die "the command failed"
  end=$(date +%s.%N)
  for tid in "${!cpu[@]}"; do
    # thread names without their numbers: "C2 CompilerThre", "mwdump-worker-", "GC Thread#"
    printf '%s|%s\n' "$(sed -E 's/[-#]?[0-9]+$//' <<< "${group[$tid]}")" "${cpu[$tid]}"
  done | awk -F'|' -v hz="$ticks" '{s[$1] += $2} END {for (k in s) printf "%s|%.2f\n", k, s[k] / hz}'
  awk -v a="$start" -v b="$end" 'BEGIN {printf "(wall)|%.2f\n", b - a}'
}

for ((r = 1; r <= rounds; r++)); do
  run_once "$@" | tee -a "$samples" | awk -F'|' -v r="$r" '$1 == "(wall)" {printf "round %d: wall %ss\n", r, $2}'
done
printf '%-20s %s\n' "threads" "CPU seconds: median (fastest-slowest) of $rounds rounds"
# the process's main thread is named after the launcher ("java")
cut -d'|' -f1 "$samples" | sort -u | while read -r g; do
  values=$(awk -F'|' -v g="$g" '$1 == g {print $2}' "$samples" | tr '\n' ' ')
  read -r m lo hi <<< "$(stats "$values")"
  [[ "$hi" == 0 || "$hi" == 0.00 ]] && continue # threads that never ran long enough to count
  [[ "$g" == java ]] && g="java (main)"
  printf '%-20s %.2f (%.2f-%.2f)\n' "$g" "$m" "$lo" "$hi"
done
