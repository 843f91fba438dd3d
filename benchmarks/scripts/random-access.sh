#!/usr/bin/env bash
# Random access and parallel reading on a synthetic dump of SIZE bytes of XML (default 1GB):
#  1. index open time, and lookup latency of 10,000 random titles (p50, p99) for multistream bz2,
#     seekable zstd and single-stream bz2, in ROUNDS rounds (default 3) that take the layouts in turn,
#     with the median of the rounds;
#  2. reading the whole multistream bz2 file with mwdump on 2 threads against `bzip2 -dc` and
#     `lbzip2 -dc -n 2` on the same file, in one run, with the ratios;
#  3. a page index of 20 million synthetic pages: build time, size, open time, heap.
#
# usage: benchmarks/scripts/random-access.sh [SIZE] [DIR]
# Needs `mvn -q -DskipTests install` first (the script builds benchmarks.jar if it is missing).
set -euo pipefail
module="$(cd "$(dirname "$0")/.." && pwd)"
size="${1:-1GB}"
dir="${2:-$module/data/random-access}"
jar="${MWDUMP_BENCH_JAR:-$module/target/benchmarks.jar}"
java="${JAVA:-java}"
[[ -f "$jar" ]] || (cd "$module/.." && mvn -q -DskipTests -pl benchmarks -am package)
run() { "$java" -Xmx4g -Drounds="${ROUNDS:-3}" -cp "$jar" org.mwdump.benchmarks.access.RandomAccessBench "$@"; }

echo "== layouts and lookups ($size)"
run layouts "$dir" "$size"

file="$dir/synthetic-multistream.xml.bz2"
echo "== whole-file read of $(basename "$file") ($(stat -c %s "$file") bytes), 3 rounds each, median seconds"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_cmd() { local s e; s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }
mw=(); bz=(); lb=()
for i in 1 2 3; do
  mw+=("$(run read "$file" 2 | sed -E 's/.* in ([0-9.]+) s/\1/')")
  bz+=("$(time_cmd bzip2 -dc "$file")")
  if command -v lbzip2 >/dev/null; then lb+=("$(time_cmd lbzip2 -dc -n 2 "$file")"); fi
done
m=$(printf '%s\n' "${mw[@]}" | median); b=$(printf '%s\n' "${bz[@]}" | median)
printf 'mwdump (2 threads): %s s   bzip2 -dc: %s s   speed-up vs bzip2: %.2fx\n' "$m" "$b" "$(echo "$b / $m" | bc -l)"
if [[ ${#lb[@]} -gt 0 ]]; then
  l=$(printf '%s\n' "${lb[@]}" | median)
  printf 'lbzip2 -dc -n 2: %s s   mwdump / lbzip2 speed: %.2fx\n' "$l" "$(echo "$l / $m" | bc -l)"
fi

echo "== page index of 20,000,000 pages"
run pageindex 20000000 "$dir"
