#!/usr/bin/env bash
# The Spark writer against the command line, whole processes, alternating rounds, on mwdump's Parquet of
# the synthetic history dump (made once with `mwdump convert --threads 2` from the plain XML of
# parallel-convert.sh):
#   spark-2       Spark local[2]: spark.read.parquet(P), write format("mwdump") layout multistream
#                 (libbzip2-exact streams of 100 pages, each part with its index)
#   recompress-2  mwdump recompress --multistream --threads 2 P OUT.xml.bz2 (the same layout, one machine)
#   convert-2     mwdump convert --threads 2 P OUT.xml.bz2 (single-stream bz2 XML)
# Ratios: Spark's time over each single-machine command's.
#
# Usage: benchmarks/scripts/spark-write.sh [ROUNDS]     (default 3)
# Environment: MWDUMP_BENCH_SIZE (the synthetic dump, default 1GB), JAVA.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="$root/benchmarks/data"
mwdump="$root/dump-cli/target/mwdump"
java="${JAVA:-java}"
die() { echo "spark-write.sh: $*" >&2; exit 1; }
rounds="${1:-3}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer, not '$rounds'"
size="${MWDUMP_BENCH_SIZE:-1GB}"
[[ -x "$mwdump" ]] || die "build first: mvn -q -DskipTests install"

xml="$data/synthetic-history-seed1-$size.xml"
if [[ ! -s "$xml" ]]; then
  MWDUMP_BENCH_INPUTS=synthetic MWDUMP_BENCH_SIZE="$size" "$root/benchmarks/scripts/parallel-convert.sh" --prepare
fi
parquet="$data/synthetic-history-seed1-$size.parquet"
if [[ ! -s "$parquet" ]]; then
  echo "making $parquet"
  "$mwdump" convert --quiet --threads 2 "$xml" "$parquet"
fi

# shellcheck source=timing.sh
source "$(dirname "${BASH_SOURCE[0]}")/timing.sh"
spark_java
tmp="$(mktemp -d "$data/spark-write.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
xml_bytes=$(stat -c %s "$xml")

echo "== machine"
machine_lines
echo "spark:    $(pom_property spark.version)"
echo "peak RSS: $rss_via"
echo "input:    $parquet ($(stat -c %s "$parquet") bytes; from $xml_bytes bytes of XML)"
echo

declare -A T R CMD
CMD[spark-2]="Spark local[2]: read Parquet, write multistream parts"
CMD[recompress-2]="mwdump recompress --multistream --threads 2 P OUT"
CMD[convert-2]="mwdump convert --threads 2 P OUT.xml.bz2"
run() {
  local label="$1"
  rm -rf "$tmp/out"*
  case "$label" in
    spark-2)      timed "${spark[@]}" org.mwdump.spark.bench.SparkWriteJob 'local[2]' "$parquet" "$tmp/out" ;;
    recompress-2) timed "$mwdump" recompress --multistream --threads 2 "$parquet" "$tmp/out.xml.bz2" ;;
    convert-2)    timed "$mwdump" convert --quiet --threads 2 "$parquet" "$tmp/out.xml.bz2" ;;
  esac
  record "$label"
}

labels=(spark-2 recompress-2 convert-2)
echo "== $rounds rounds, each running every command once, in turn (round r starts r-1 places later)"
in_rounds "${labels[@]}"
echo
echo "== results (wall seconds: median (fastest-slowest); MB/s of XML; peak RSS in MB)"
results_table "$xml_bytes" "${labels[@]}"
echo
echo "== ratios"
ratio_line "time, Spark local[2] / mwdump recompress --multistream --threads 2" spark-2 recompress-2
ratio_line "time, Spark local[2] / mwdump convert --threads 2 (bz2 XML)" spark-2 convert-2
