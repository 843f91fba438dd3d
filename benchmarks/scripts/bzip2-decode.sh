#!/usr/bin/env bash
# Single-threaded bzip2 decompression speed: bzip2 -dc, lbzip2 -d -n 1 (if installed), mwdump's
# Bzip2InputStream and Commons Compress, on one file; medians of RUNS runs each.
#
# Usage: benchmarks/scripts/bzip2-decode.sh [FILE.bz2]
#   Builds nothing: run `mvn -q -DskipTests install` in the project root first. The project's own
#   classes are taken from the modules' target/classes (third-party jars from the local repository).
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

# Classpath: the modules' compiled classes, plus the benchmarks module's third-party dependencies.
CPFILE="$ROOT/benchmarks/target/bench.classpath"
if [[ ! -s "$CPFILE" ]]; then
  (cd "$ROOT" && mvn -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$CPFILE" >&2)
fi
THIRD_PARTY=$(tr ':' '\n' < "$CPFILE" | grep -v '/org/mwdump/' | paste -sd: -)
CP="$ROOT/benchmarks/target/classes:$ROOT/dump-readers/target/classes:$ROOT/dump-model/target/classes:$THIRD_PARTY"
[[ -d "$ROOT/benchmarks/target/classes/org/mwdump/benchmarks/bzip2" ]] \
  || { echo "benchmark classes missing: run 'mvn -q -DskipTests install' first" >&2; exit 1; }

OUT_BYTES=$(bzip2 -dc "$FILE" | wc -c)

now() { date +%s.%N; }
# RUNS runs of a command, output discarded; prints "median-MB/s-wall median-MB/s-cpu slowest fastest"
# (cpu = user+sys; slowest and fastest are wall MB/s)
median_mbps() {
  local walls=() cpus=() t0 t1 c
  for _ in $(seq 1 "$RUNS"); do
    t0=$(now)
    c=$( { TIMEFORMAT='%U %S'; time "$@" > /dev/null; } 2>&1 | awk '{print $1 + $2}')
    t1=$(now)
    walls+=("$(echo "$OUT_BYTES / 1000000 / ($t1 - $t0)" | bc -l)")
    cpus+=("$(echo "$OUT_BYTES / 1000000 / $c" | bc -l)")
  done
  echo "$(median "${walls[@]}") $(median "${cpus[@]}") $(printf '%s\n' "${walls[@]}" | sort -g | head -n1) $(printf '%s\n' "${walls[@]}" | sort -g | tail -n1)"
}
median() {
  printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
}

echo "file: $FILE ($(stat -c %s "$FILE") bytes compressed, $OUT_BYTES bytes decompressed)"
echo "cpu: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load: $(cut -d' ' -f1-3 /proc/loadavg)"

read -r BZ_W BZ_C BZ_LO BZ_HI <<< "$(median_mbps bzip2 -dc "$FILE")"
LB_W=""; LB_C=""
if command -v lbzip2 > /dev/null; then
  read -r LB_W LB_C LB_LO LB_HI <<< "$(median_mbps lbzip2 -d -n 1 -c "$FILE")"
fi
JOUT=$("$JAVA" -cp "$CP" org.mwdump.benchmarks.bzip2.Bzip2DecodeBench "$FILE" "$RUNS" both)
echo "$JOUT" | grep -v '^RESULT' >&2
read -r MW_W MW_C MW_LO MW_HI <<< "$(echo "$JOUT" | awk '$1=="RESULT" && $2=="mwdump" {print $3, $4, $6, $7}')"
read -r CC_W CC_C CC_LO CC_HI <<< "$(echo "$JOUT" | awk '$1=="RESULT" && $2=="commons-compress" {print $3, $4, $6, $7}')"

echo
echo "MB/s of decompressed output, median of $RUNS runs (wall: slowest-fastest run); cpu = MB per CPU-second (user+sys)"
printf '%-28s %10s %15s %10s\n' "decoder (single thread)" "wall" "range" "cpu"
printf '%-28s %10.1f %6.1f-%-8.1f %10.1f\n' "bzip2 -dc" "$BZ_W" "$BZ_LO" "$BZ_HI" "$BZ_C"
[[ -n "$LB_W" ]] && printf '%-28s %10.1f %6.1f-%-8.1f %10.1f\n' "lbzip2 -d -n 1" "$LB_W" "$LB_LO" "$LB_HI" "$LB_C"
printf '%-28s %10.1f %6.1f-%-8.1f %10.1f\n' "mwdump Bzip2InputStream" "$MW_W" "$MW_LO" "$MW_HI" "$MW_C"
printf '%-28s %10.1f %6.1f-%-8.1f %10.1f\n' "commons-compress" "$CC_W" "$CC_LO" "$CC_HI" "$CC_C"
echo
ratio() { echo "$1 / $2" | bc -l; }
printf '%-28s %9.2fx %9.2fx\n' "mwdump / bzip2" "$(ratio "$MW_W" "$BZ_W")" "$(ratio "$MW_C" "$BZ_C")"
[[ -n "$LB_W" ]] && printf '%-28s %9.2fx %9.2fx\n' "mwdump / lbzip2" "$(ratio "$MW_W" "$LB_W")" "$(ratio "$MW_C" "$LB_C")"
printf '%-28s %9.2fx %9.2fx\n' "mwdump / commons-compress" "$(ratio "$MW_W" "$CC_W")" "$(ratio "$MW_C" "$CC_C")"
