#!/usr/bin/env bash
# The Spark data source against itself and the command line, whole processes, alternating rounds:
#   spark-1, spark-2   Spark local[1] / local[2]: read the dump with format("mwdump"), write every row as
#                      Parquet and count it                       (target: local[2] >= 1.7x the speed of local[1])
#   cli-2              mwdump convert --threads 2 DUMP OUT.parquet (target: spark-2 <= 1.3x its time)
#   meta-2, text-2     Spark local[2]: revisions per namespace without any text column (the reader skips
#                      the texts), and with the total length of the texts
#   floor-1, floor-2   Spark local[1] / local[2]: a trivial job (1000 numbers counted by their last digit):
#                      starting the session and running a first job, what every Spark run pays whatever
#                      its input; cli-0: `mwdump --version`, the same for the command line. The ratios are
#                      printed twice: whole processes (what the targets are about), and net of these floors,
#                      round by round (what a longer input, or a long-lived session, approaches)
# The input is a multistream bz2 dump with its index, made once from the synthetic 1 GB history dump of
# parallel-convert.sh with `mwdump recompress --multistream` (so Spark splits it at streams).
# Then partition planning for a 20 GB multistream dump that exists only as a sparse file and its index
# (PlanSplits): partitions, their size spread, planning time.
#
# Usage: benchmarks/scripts/spark-read.sh [ROUNDS]     (default 3)
# Environment: MWDUMP_BENCH_SIZE (the synthetic dump, default 1GB), MWDUMP_BENCH_PLAN_SIZE (bytes of the
#              sparse dump, default 20000000000), JAVA.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="$root/benchmarks/data"
mwdump="$root/dump-cli/target/mwdump"
java="${JAVA:-java}"
die() { echo "spark-read.sh: $*" >&2; exit 1; }
rounds="${1:-3}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer, not '$rounds'"
size="${MWDUMP_BENCH_SIZE:-1GB}"
plan_size="${MWDUMP_BENCH_PLAN_SIZE:-20000000000}"
[[ -x "$mwdump" ]] || die "build first: mvn -q -DskipTests install"

xml="$data/synthetic-history-seed1-$size.xml"
if [[ ! -s "$xml" ]]; then
  MWDUMP_BENCH_INPUTS=synthetic MWDUMP_BENCH_SIZE="$size" "$root/benchmarks/scripts/parallel-convert.sh" --prepare
fi
dump="$data/synthetic-history-seed1-$size-multistream.xml.bz2"
index="$data/synthetic-history-seed1-$size-multistream-index.txt.bz2"
if [[ ! -s "$dump" || ! -s "$index" ]]; then
  echo "making $dump"
  "$mwdump" recompress --multistream --force "$xml" "$dump" > /dev/null
fi
[[ -s "$index" ]] || die "no index beside $dump"

# shellcheck source=timing.sh
source "$(dirname "${BASH_SOURCE[0]}")/timing.sh"
spark_java
tmp="$(mktemp -d "$data/spark-read.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
xml_bytes=$(stat -c %s "$xml")

echo "== machine"
machine_lines
echo "spark:    $(pom_property spark.version)"
echo "peak RSS: $rss_via"
echo "input:    $dump ($(stat -c %s "$dump") bytes; $xml_bytes bytes of XML)"
echo

declare -A T R CMD
CMD[spark-1]="Spark local[1]: read, write Parquet, count"
CMD[spark-2]="Spark local[2]: read, write Parquet, count"
CMD[cli-2]="mwdump convert --threads 2 DUMP OUT.parquet"
CMD[meta-2]="Spark local[2]: revisions per namespace (no text)"
CMD[text-2]="Spark local[2]: revisions and text length per namespace"
CMD[floor-1]="Spark local[1]: a trivial job (session and first job)"
CMD[floor-2]="Spark local[2]: a trivial job (session and first job)"
CMD[cli-0]="mwdump --version"
run() {
  local label="$1"
  rm -rf "$tmp/out"*
  case "$label" in
    spark-1) timed "${spark[@]}" org.mwdump.spark.bench.SparkReadJob 'local[1]' parquet "$dump" "$tmp/out" ;;
    spark-2) timed "${spark[@]}" org.mwdump.spark.bench.SparkReadJob 'local[2]' parquet "$dump" "$tmp/out" ;;
    cli-2)   timed "$mwdump" convert --quiet --threads 2 "$dump" "$tmp/out.parquet" ;;
    meta-2)  timed "${spark[@]}" org.mwdump.spark.bench.SparkReadJob 'local[2]' meta "$dump" ;;
    text-2)  timed "${spark[@]}" org.mwdump.spark.bench.SparkReadJob 'local[2]' text "$dump" ;;
    floor-1) timed "${spark[@]}" org.mwdump.spark.bench.SparkReadJob 'local[1]' floor "$dump" ;;
    floor-2) timed "${spark[@]}" org.mwdump.spark.bench.SparkReadJob 'local[2]' floor "$dump" ;;
    cli-0)   timed "$mwdump" --version ;;
  esac
  record "$label"
}

labels=(spark-1 spark-2 cli-2 meta-2 text-2 floor-1 floor-2 cli-0)
echo "== $rounds rounds, each running every command once, in turn (round r starts r-1 places later)"
in_rounds "${labels[@]}"
echo
echo "== results (wall seconds: median (fastest-slowest); MB/s of XML; peak RSS in MB)"
results_table "$xml_bytes" "${labels[@]}"
echo
echo "== ratios"
ratio_line "scaling, local[1] time / local[2] time" spark-1 spark-2 ge 1.7
ratio_line "time, Spark local[2] / mwdump convert --threads 2 (Parquet)" spark-2 cli-2 le 1.3
ratio_line "time, no text / with text (local[2])" meta-2 text-2 le 1.0
echo "net of each tool's trivial run in the same round (floor-1, floor-2, cli-0):"
net_ratio_line "scaling, local[1] time / local[2] time, net" spark-1 floor-1 spark-2 floor-2 ge 1.7
net_ratio_line "time, Spark local[2] / mwdump convert --threads 2, net" spark-2 floor-2 cli-2 cli-0 le 1.3
net_ratio_line "time, no text / with text (local[2]), net" meta-2 floor-2 text-2 floor-2 le 1.0
echo
echo "== partition planning: a sparse $plan_size-byte multistream dump and its index"
"${spark[@]}" org.mwdump.spark.bench.PlanSplits "$tmp/plan" "$plan_size" 2>&1 | grep -v ' WARN '
