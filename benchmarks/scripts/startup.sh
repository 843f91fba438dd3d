#!/usr/bin/env bash
# What the start of mwdump costs: wall and user CPU seconds of `mwdump --version`, which only starts the
# JVM and reads the command line, and of `mwdump recompress --seekable-zstd --threads 2` of a 3 MB XML
# dump, where the start is a large part of the run. Given two launchers (two builds), their runs
# alternate: round r starts with the launcher it did not start with in round r - 1.
#
# Usage: benchmarks/scripts/startup.sh ROUNDS LAUNCHER [OTHER_LAUNCHER]
#   LAUNCHER: an mwdump launcher (dump-cli/target/mwdump, or a copy of it beside its mwdump.jar).
# Prints, per command and launcher, the median and range (fastest-slowest) of wall and user seconds.
# The input is $MWDUMP_STARTUP_INPUT, by default /dev/shm/3m.xml, made when missing from the first
# 3,000,000 bytes of benchmarks/data/corpus-remix-20MB.xml (the 20 MB recipe dump, made by
# parallel-convert.sh --prepare with MWDUMP_BENCH_SIZE=20MB MWDUMP_BENCH_INPUTS=recipe) and a closing
# </mediawiki>; the outputs go to a scratch directory beside it.
# Needs GNU time (/usr/bin/time).
# Example (the build before a change against the build with it):
#   benchmarks/scripts/startup.sh 7 /tmp/old/dump-cli/target/mwdump dump-cli/target/mwdump
set -euo pipefail
die() { echo "startup.sh: $*" >&2; exit 1; }
usage="usage: startup.sh ROUNDS LAUNCHER [OTHER_LAUNCHER]"
rounds="${1:-}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "$usage"
shift
(( $# == 1 || $# == 2 )) || die "$usage"
[[ -x /usr/bin/time ]] || die "needs GNU time (/usr/bin/time)"
# shellcheck source=timing.sh
source "$(dirname "${BASH_SOURCE[0]}")/timing.sh"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
launchers=("$@")
for l in "${launchers[@]}"; do
  [[ -x "$l" ]] || die "not an executable launcher: $l"
done

input="${MWDUMP_STARTUP_INPUT:-/dev/shm/3m.xml}"
if [[ ! -f "$input" ]]; then
  corpus="$root/benchmarks/data/corpus-remix-20MB.xml"
  [[ -f "$corpus" ]] || die "no $input, and no $corpus to make it from"
  { head -c 3000000 "$corpus"; echo '</mediawiki>'; } > "$input"
fi
tmp="$(mktemp -d "$(dirname "$input")/startup.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

labels=(A B)
commands=(version recompress)
declare -A W U
# command_args COMMAND: sets `args` to mwdump's arguments for the command
command_args() {
  case $1 in
    version) args=(--version) ;;
    recompress) args=(recompress --seekable-zstd --threads 2 --force "$input" "$tmp/out.xml.zst") ;;
  esac
}

echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $input ($(stat -c %s "$input") bytes)"
n=${#launchers[@]}
for ((r = 0; r < rounds; r++)); do
  printf 'round %d:' $((r + 1))
  for c in "${commands[@]}"; do
    for ((i = 0; i < n; i++)); do
      k=$(((i + r) % n))
      command_args "$c"
      /usr/bin/time -f '%e %U' -o "$tmp/time" "${launchers[$k]}" "${args[@]}" > /dev/null 2> "$tmp/err" \
        || { cat "$tmp/err" >&2; die "${labels[$k]} failed: ${launchers[$k]} ${args[*]}"; }
      read -r w u < <(tail -n1 "$tmp/time")
      W[$c ${labels[$k]}]+="$w "
      U[$c ${labels[$k]}]+="$u "
      printf ' %s %s %ss (user %ss)' "$c" "${labels[$k]}" "$w" "$u"
    done
  done
  echo
done
cell() { local m lo hi; read -r m lo hi <<< "$(stats "$1")"; printf '%.2f (%.2f-%.2f)' "$m" "$lo" "$hi"; }
printf '%-12s %-9s %-20s %s\n' command launcher "wall s" "user s"
for c in "${commands[@]}"; do
  for ((i = 0; i < n; i++)); do
    printf '%-12s %-9s %-20s %s\n' "$c" "${labels[$i]}" "$(cell "${W[$c ${labels[$i]}]}")" \
      "$(cell "${U[$c ${labels[$i]}]}")"
  done
done
for ((i = 0; i < n; i++)); do echo "  ${labels[$i]}: ${launchers[$i]}"; done
for c in "${commands[@]}"; do
  command_args "$c"
  echo "  $c: mwdump ${args[*]}" | sed "s:$tmp:TMP:"
done
