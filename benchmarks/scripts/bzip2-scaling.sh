#!/usr/bin/env bash
# How the two-thread comparison with lbzip2 depends on the input's size: `mwdump recompress --single-stream
# --threads 2` against `lbzip2 -9 -n 2 -c` on three sizes of the same XML, in alternating rounds:
#   small  the first SMALL bytes of the input (default 50,000,000)
#   whole  the input (default: the 250 MB benchmark recipe)
#   x4     the input four times over, written to a scratch file for the run (about 1 GB for the recipe)
# For each size it prints the median wall seconds of both (with their ranges) and the speed ratio, median
# and range of the rounds. From the medians on `small` and `x4` it then fits, for each command, time =
# fixed + size x per-MB: the fixed part is what a run costs whatever its size (for mwdump the JVM's start and
# the JIT's warm-up), the per-MB part the steady state. Where mwdump's per-MB time is the lower one, it
# prints the size from which mwdump is the faster.
#
# Usage: benchmarks/scripts/bzip2-scaling.sh [ROUNDS]   (default 3)
# Environment:
#   MWDUMP_BENCH_XML    the input (default benchmarks/data/corpus-remix-250MB.xml, made by
#                       parallel-convert.sh --prepare with MWDUMP_BENCH_INPUTS=recipe)
#   MWDUMP_BENCH_SMALL  the size of `small` in bytes (default 50000000)
# Needs lbzip2 and a built dump-cli (mvn -q -DskipTests install), and free space for the x4 file beside
# the data.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="$root/benchmarks/data"
mwdump="$root/dump-cli/target/mwdump"
java="${JAVA:-java}"
die() { echo "bzip2-scaling.sh: $*" >&2; exit 1; }
rounds="${1:-3}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer, not '$rounds'"
xml="${MWDUMP_BENCH_XML:-$data/corpus-remix-250MB.xml}"
small_bytes="${MWDUMP_BENCH_SMALL:-50000000}"
[[ "$small_bytes" =~ ^[1-9][0-9]*$ ]] || die "MWDUMP_BENCH_SMALL must be a positive integer"
[[ -s "$xml" ]] || die "no input: $xml (parallel-convert.sh --prepare with MWDUMP_BENCH_INPUTS=recipe makes it)"
command -v lbzip2 > /dev/null || die "lbzip2 is not installed"
[[ -x "$mwdump" ]] || die "build first: mvn -q -DskipTests install"
(( small_bytes < $(stat -c %s "$xml") )) || die "the input is not larger than MWDUMP_BENCH_SMALL"

# shellcheck source=timing.sh
source "$(dirname "${BASH_SOURCE[0]}")/timing.sh"
tmp="$(mktemp -d "$data/bzip2-scaling.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
head -c "$small_bytes" "$xml" > "$tmp/small.xml"
for _ in 1 2 3 4; do cat "$xml"; done > "$tmp/x4.xml"
sizes=(small whole x4)
declare -A FILE BYTES T R CMD
FILE[small]="$tmp/small.xml"
FILE[whole]="$xml"
FILE[x4]="$tmp/x4.xml"
for s in "${sizes[@]}"; do
  BYTES[$s]=$(stat -c %s "${FILE[$s]}")
  CMD[lbzip2-$s]="lbzip2 -9 -n 2 -c $s"
  CMD[mwdump-$s]="mwdump recompress --single-stream --threads 2 $s OUT"
done

echo "== machine"
machine_lines
echo "tools:    $(lbzip2 --version 2>&1 | head -n1)"
echo "input:    $xml; small ${BYTES[small]} bytes, whole ${BYTES[whole]}, x4 ${BYTES[x4]}"
echo

checked=""
run() {
  local label="$1" size="${1#*-}"
  case "$label" in
    lbzip2-*) timed lbzip2 -9 -n 2 -c "${FILE[$size]}" ;;
    mwdump-*) rm -f "$tmp/out.bz2"; timed "$mwdump" recompress --single-stream --threads 2 "${FILE[$size]}" "$tmp/out.bz2" ;;
  esac
  record "$label"
  if [[ "$label" == mwdump-* && ",$checked," != *",$size,"* ]]; then
    # outside the timing, once per size: the output decodes to the input
    cmp -s <(lbzip2 -dc -n 2 "$tmp/out.bz2") "${FILE[$size]}" || die "the output for $size does not decode to its input"
    checked+=",$size"
  fi
}

labels=()
for s in "${sizes[@]}"; do labels+=("lbzip2-$s" "mwdump-$s"); done
echo "== $rounds rounds, each running every command once, in turn (round r starts r-1 places later)"
in_rounds "${labels[@]}"
echo

echo "== wall seconds: median (fastest-slowest)"
printf '%-6s %-12s %-22s %-22s %s\n' size MB lbzip2 mwdump "speed, mwdump / lbzip2"
for s in "${sizes[@]}"; do
  printf '%-6s %-12s %-22s %-22s ' "$s" "$(awk -v b="${BYTES[$s]}" 'BEGIN {printf "%.1f", b / 1e6}')" \
    "$(secs_cell "${T[lbzip2-$s]}")" "$(secs_cell "${T[mwdump-$s]}")"
  ratio_line "" "lbzip2-$s" "mwdump-$s" | sed 's/^ *//; s/ *$//'
done
echo

echo "== fit from the medians on small and x4: seconds = fixed + MB x per-MB (whole: measured against the line)"
# fit LABEL: "per-MB fixed" (unrounded) of the line through the medians on small and x4
fit() {
  awk -v s1="$(median "${T[$1-small]}")" -v s2="$(median "${T[$1-x4]}")" \
      -v b1="${BYTES[small]}" -v b2="${BYTES[x4]}" 'BEGIN {
    per = (s2 - s1) / ((b2 - b1) / 1e6); printf "%.9f %.9f", per, s1 - per * b1 / 1e6 }'
}
declare -A PER FIXED
for tool in lbzip2 mwdump; do
  read -r "PER[$tool]" "FIXED[$tool]" <<< "$(fit "$tool")"
  awk -v t="$tool" -v p="${PER[$tool]}" -v f="${FIXED[$tool]}" -v b="${BYTES[whole]}" -v m="$(median "${T[$tool-whole]}")" 'BEGIN {
    printf "%-8s fixed %6.2f s   per MB %.4f s   whole: %.2f s measured, %.2f s on the line\n", t, f, p, m, f + p * b / 1e6 }'
done
# where the lines cross (with the unrounded values); the two points of each line are all it rests on
awk -v lp="${PER[lbzip2]}" -v lf="${FIXED[lbzip2]}" -v mp="${PER[mwdump]}" -v mf="${FIXED[mwdump]}" 'BEGIN {
  r = sprintf("%.2f", mp / lp)
  if (mp < lp && mf <= lf) print "mwdump is the faster at every size (its per-MB time is " r " of lbzip2'"'"'s)"
  else if (mp < lp) printf "mwdump is the faster from about %.0f MB of XML (its per-MB time is %s of lbzip2'"'"'s)\n", (mf - lf) / (lp - mp), r
  else if (mf < lf) printf "mwdump is the faster below about %.0f MB of XML (its per-MB time is %s of lbzip2'"'"'s)\n", (lf - mf) / (mp - lp), r
  else print "mwdump is the faster at no size (its per-MB time is " r " of lbzip2'"'"'s)" }'
