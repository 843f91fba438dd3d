#!/usr/bin/env bash
# What the JIT's warm-up costs the bzip2 encoder: runs Bzip2WarmUp (one thread, the time of each of the
# first 40 pieces of 900,000 bytes of FILE from the JVM's start) ROUNDS times in fresh JVMs, alternating
# between two sets of JVM options, and prints for each set the median time of the first 12 pieces, the
# median of the pieces from the 30th on (the steady state), and the warm-up's cost: the sum over all
# pieces but the last (which ends the stream) of their time less the steady state's, median and range
# over rounds.
#
# Usage: benchmarks/scripts/bzip2-warmup.sh [ROUNDS] [FILE]
#   ROUNDS defaults to 5; FILE to the 250 MB benchmark recipe, benchmarks/data/corpus-remix-250MB.xml (made
#   by parallel-convert.sh --prepare); it must hold 40 pieces or more.
# Environment:
#   OPTS_A   JVM options of the first set (default: none)
#   OPTS_B   JVM options of the second set (default: those mwdump's launcher gives every command:
#            -XX:+UseParallelGC -XX:FreqInlineSize=120 -Xmn128m)
#   JAVA     java command (default java)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"
rounds="${1:-5}"
file="${2:-$root/benchmarks/data/corpus-remix-250MB.xml}"
java="${JAVA:-java}"
opts_a="${OPTS_A:-}"
opts_b="${OPTS_B--XX:+UseParallelGC -XX:FreqInlineSize=120 -Xmn128m}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "ROUNDS must be a positive integer" >&2; exit 1; }
[[ -s "$jar" ]] || { echo "build first: mvn -q -DskipTests install && mvn -q -DskipTests -pl benchmarks package" >&2; exit 1; }
[[ -s "$file" ]] || { echo "no input: $file" >&2; exit 1; }
(( $(stat -c %s "$file") >= 40 * 900000 )) || { echo "$file is shorter than 40 pieces of 900,000 bytes" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); cpu: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $("$java" -version 2>&1 | head -n1); tree: $(git -C "$root" rev-parse --short HEAD 2> /dev/null || echo '?')"
echo "input: $file ($(stat -c %s "$file") bytes)"
echo "A: java ${opts_a:-(no options)}"
echo "B: java ${opts_b:-(no options)}"
for ((r = 1; r <= rounds; r++)); do
  order="A B"; (( r % 2 == 0 )) && order="B A"
  for set in $order; do
    opts="$opts_a"; [[ $set == B ]] && opts="$opts_b"
    # shellcheck disable=SC2086
    "$java" $opts -cp "$jar" org.mwdump.benchmarks.bzip2.Bzip2WarmUp "$file" 40 >> "$tmp/$set"
  done
  echo "round $r done"
done
summarize() {
  awk '
    function median(v, n,   i, j, t) {
      for (i = 2; i <= n; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
      return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    {
      rows++; n = 0
      for (i = 30; i < NF; i++) s[++n] = $i
      steady = median(s, n); excess = 0
      for (i = 1; i < NF; i++) { excess += $i - steady; t[i, rows] = $i }
      st[rows] = steady; ex[rows] = excess
    }
    END {
      line = ""
      for (i = 1; i <= 12; i++) { for (r = 1; r <= rows; r++) v[r] = t[i, r]; line = line sprintf(" %.0f", median(v, rows)) }
      print "  first 12 pieces, ms (medians):" line
      for (r = 1; r <= rows; r++) v[r] = st[r]; m = median(v, rows)
      lo = v[1]; hi = v[rows]
      printf "  steady state, ms per piece:    %.1f (%.1f-%.1f)\n", m, lo, hi
      for (r = 1; r <= rows; r++) v[r] = ex[r]; m = median(v, rows)
      printf "  warm-up cost, ms:              %.0f (%.0f-%.0f)\n", m, v[1], v[rows]
    }' "$1"
}
for set in A B; do
  echo "$set:"
  summarize "$tmp/$set"
done
