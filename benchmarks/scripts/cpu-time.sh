#!/usr/bin/env bash
# Wall and CPU time of whole commands, in alternating rounds: for comparing two builds of mwdump (or any
# commands) on the same input, where CPU seconds say more than wall time on a shared machine.
#
# Usage: benchmarks/scripts/cpu-time.sh ROUNDS LABEL=COMMAND [LABEL=COMMAND ...]
#   each COMMAND is run by bash with its standard output discarded; round r starts with the r-th command.
# Prints, per label, the median and range (fastest-slowest) of wall, user and system seconds and of the
# peak RSS.
# Example (two builds, the recipe's bz2 to RevDoc on 2 threads):
#   benchmarks/scripts/cpu-time.sh 3 \
#     old="/tmp/old/dump-cli/target/mwdump convert --quiet --force --threads 2 IN.bz2 /tmp/a.jsonl" \
#     new="dump-cli/target/mwdump convert --quiet --force --threads 2 IN.bz2 /tmp/b.jsonl"
set -euo pipefail
die() { echo "cpu-time.sh: $*" >&2; exit 1; }
rounds="${1:-}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "usage: cpu-time.sh ROUNDS LABEL=COMMAND..."
shift
(( $# > 0 )) || die "no commands"
[[ -x /usr/bin/time ]] || die "needs GNU time (/usr/bin/time)"
# shellcheck source=timing.sh
source "$(dirname "${BASH_SOURCE[0]}")/timing.sh"
labels=()
declare -A CMD W U S M
for arg in "$@"; do
  [[ "$arg" == *=* ]] || die "not LABEL=COMMAND: $arg"
  labels+=("${arg%%=*}")
  CMD[${arg%%=*}]="${arg#*=}"
done
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
n=${#labels[@]}
for ((r = 0; r < rounds; r++)); do
  printf 'round %d:' $((r + 1))
  for ((i = 0; i < n; i++)); do
    label="${labels[(i + r) % n]}"
    /usr/bin/time -f '%e %U %S %M' -o "$out" bash -c "${CMD[$label]}" > /dev/null \
      || die "$label failed: ${CMD[$label]}"
    read -r w u s m < "$out"
    W[$label]+="$w "; U[$label]+="$u "; S[$label]+="$s "; M[$label]+="$m "
    printf ' %s %ss (user %ss)' "$label" "$w" "$u"
  done
  echo
done
cell() { local m lo hi; read -r m lo hi <<< "$(stats "$1")"; printf '%.2f (%.2f-%.2f)' "$m" "$lo" "$hi"; }
printf '%-12s %-22s %-22s %-22s %s\n' label wall user system "peak RSS MiB"
for label in "${labels[@]}"; do
  printf '%-12s %-22s %-22s %-22s %s\n' "$label" "$(cell "${W[$label]}")" "$(cell "${U[$label]}")" \
    "$(cell "${S[$label]}")" "$(rss_cell "${M[$label]}")"
done
for label in "${labels[@]}"; do echo "  $label: ${CMD[$label]}"; done
