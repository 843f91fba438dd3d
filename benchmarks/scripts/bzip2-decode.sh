#!/usr/bin/env bash
# Single-threaded bzip2 decompression speed: bzip2 -dc, lbzip2 -d -n 1 (if installed), mwdump's
# Bzip2InputStream and Commons Compress, on one file; medians of RUNS runs each.
#
# Usage: benchmarks/scripts/bzip2-decode.sh [FILE.bz2]
#   Builds nothing: run `mvn -q -DskipTests install` in the project root first.
#   Without FILE, generates benchmarks/data/bench-elwikivoyage-x21.xml.bz2 (about 216 MB decompressed):
#   the decompressed elwikivoyage sample from the shared corpus 21 times, each copy preceded by a
#   different comment line so blocks differ, compressed with bzip2 -9. The shared directory is taken
#   from $MWDUMP_SHARED, else ../shared next to the project root.
# Environment: RUNS (default 3) external-tool runs and timed JVM rounds; JAVA (default java).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${RUNS:-3}"
JAVA="${JAVA:-java}"

FILE="${1:-}"
if [[ -z "$FILE" ]]; then
  SHARED="${MWDUMP_SHARED:-$ROOT/../shared}"
  SAMPLE="$SHARED/corpus/elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2"
  FILE="$ROOT/benchmarks/data/bench-elwikivoyage-x21.xml.bz2"
  if [[ ! -s "$FILE" ]]; then
    [[ -f "$SAMPLE" ]] || { echo "missing $SAMPLE (set MWDUMP_SHARED)" >&2; exit 1; }
    mkdir -p "$ROOT/benchmarks/data"
    echo "generating $FILE ..." >&2
    tmp="$FILE.tmp"
    for i in $(seq 1 21); do
      printf '<!-- copy %d of the elwikivoyage sample -->\n' "$i"
      bzip2 -dc "$SAMPLE"
    done | bzip2 -9 > "$tmp"
    mv "$tmp" "$FILE"
  fi
fi
[[ -f "$FILE" ]] || { echo "no such file: $FILE" >&2; exit 1; }

# Classpath of the benchmarks module (needs the project installed in the local repository).
CPFILE="$ROOT/benchmarks/target/bench.classpath"
if [[ ! -s "$CPFILE" ]]; then
  (cd "$ROOT" && mvn -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$CPFILE" >&2)
fi
CP="$ROOT/benchmarks/target/classes:$(cat "$CPFILE")"
[[ -d "$ROOT/benchmarks/target/classes/org/mwdump/benchmarks/bzip2" ]] \
  || { echo "benchmark classes missing: run 'mvn -q -DskipTests install' first" >&2; exit 1; }

OUT_BYTES=$(bzip2 -dc "$FILE" | wc -c)

now() { date +%s.%N; }
# median MB/s of RUNS runs of a command whose output is discarded
median_mbps() {
  local speeds=() t0 t1
  for _ in $(seq 1 "$RUNS"); do
    t0=$(now); "$@" > /dev/null; t1=$(now)
    speeds+=("$(echo "$OUT_BYTES / 1000000 / ($t1 - $t0)" | bc -l)")
  done
  printf '%s\n' "${speeds[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
}

echo "file: $FILE ($(stat -c %s "$FILE") bytes compressed, $OUT_BYTES bytes decompressed)"
echo "cpu: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"

BZIP2=$(median_mbps bzip2 -dc "$FILE")
LBZIP2=""
if command -v lbzip2 > /dev/null; then
  LBZIP2=$(median_mbps lbzip2 -d -n 1 -c "$FILE")
fi
JOUT=$("$JAVA" -cp "$CP" org.mwdump.benchmarks.bzip2.Bzip2DecodeBench "$FILE" "$RUNS" both)
echo "$JOUT" | grep -v '^RESULT' >&2
MW=$(echo "$JOUT" | awk '$1=="RESULT" && $2=="mwdump" {print $3}')
CC=$(echo "$JOUT" | awk '$1=="RESULT" && $2=="commons-compress" {print $3}')

echo
printf '%-28s %10s\n' "decoder (single thread)" "MB/s"
printf '%-28s %10.1f\n' "bzip2 -dc" "$BZIP2"
[[ -n "$LBZIP2" ]] && printf '%-28s %10.1f\n' "lbzip2 -d -n 1" "$LBZIP2"
printf '%-28s %10.1f\n' "mwdump Bzip2InputStream" "$MW"
printf '%-28s %10.1f\n' "commons-compress" "$CC"
echo
printf 'mwdump / bzip2             %6.2fx\n' "$(echo "$MW / $BZIP2" | bc -l)"
[[ -n "$LBZIP2" ]] && printf 'mwdump / lbzip2            %6.2fx\n' "$(echo "$MW / $LBZIP2" | bc -l)"
printf 'mwdump / commons-compress  %6.2fx\n' "$(echo "$MW / $CC" | bc -l)"
