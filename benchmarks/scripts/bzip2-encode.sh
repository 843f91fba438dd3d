#!/usr/bin/env bash
# Writing speed, whole processes, alternating runs on the same plain XML:
#   ss1   mwdump recompress --single-stream --threads 1  vs  bzip2 -9 -c        (target: >= 1.5x the speed)
#   ss2   mwdump recompress --single-stream --threads 2  vs  lbzip2 -9 -n 2 -c  (target: >= 1.0x the speed)
#   bz1   mwdump's bzip2 encoder on 1 thread   vs  bzip2 -9 -c          (target: >= 1.5x the speed)
#   bz2   mwdump's bzip2 encoder on 2 threads  vs  lbzip2 -9 -n 2 -c    (target: >= 1.0x the speed)
#   ms    mwdump recompress --multistream --threads 2  vs  lbzip2 -9 -n 2 -c   (target: <= 1.2x the time)
#   zst   mwdump recompress --seekable-zstd --threads 2  vs  zstd -3 -T2 -c  (target: <= 1.5x the time)
# ss1 and ss2 are the encoder as the command runs it: the mwdump launcher (with its JVM options) writing
# one bz2 stream to a file. bz1 and bz2 are the encoder as a library in a JVM with no options:
# org.mwdump.benchmarks.bzip2.Bzip2Encode (FILE to stdout, like bzip2 -c). Every mwdump bz2 output of
# the first round is checked: the single streams equal bzip2 -9's bytes, and the multistream file decodes
# (bzip2 -dc) to the input; the zstd file decodes with zstd -d.
#
# Usage: benchmarks/scripts/bzip2-encode.sh [ROUNDS]      (default 3 rounds; each runs every command once)
# Environment:
#   MWDUMP_BENCH_XML   the input (default: the 250 MB benchmark recipe, benchmarks/data/corpus-remix-250MB.xml,
#                      made by parallel-convert.sh --prepare when absent)
#   MWDUMP_BENCH_ONLY  a comma-separated subset of ss1,ss2,bz1,bz2,ms,zst (default all)
#   JAVA               java command (default java)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="$root/benchmarks/data"
jar="$root/benchmarks/target/benchmarks.jar"
mwdump="$root/dump-cli/target/mwdump"
java="${JAVA:-java}"
die() { echo "bzip2-encode.sh: $*" >&2; exit 1; }
rounds="${1:-3}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer, not '$rounds'"
only="${MWDUMP_BENCH_ONLY:-ss1,ss2,bz1,bz2,ms,zst}"
wants() { [[ ",$only," == *",$1,"* ]]; }
xml="${MWDUMP_BENCH_XML:-$data/corpus-remix-250MB.xml}"
if [[ ! -s "$xml" && -z "${MWDUMP_BENCH_XML:-}" ]]; then
  MWDUMP_BENCH_INPUTS=recipe "$root/benchmarks/scripts/parallel-convert.sh" --prepare
fi
[[ -s "$xml" ]] || die "no input: $xml"
for tool in bzip2 lbzip2 zstd; do command -v "$tool" > /dev/null || die "$tool is not installed"; done
[[ -x "$mwdump" && -s "$jar" ]] || die "build first: mvn -q -DskipTests install && mvn -q -DskipTests -pl benchmarks package"

# shellcheck source=timing.sh
source "$(dirname "${BASH_SOURCE[0]}")/timing.sh"
tmp="$(mktemp -d "$data/bzip2-encode.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
xml_bytes=$(stat -c %s "$xml")

echo "== machine"
machine_lines
echo "tools:    $(bzip2 --version 2>&1 < /dev/null | head -n1 | cut -d, -f2- | sed 's/^ *//'); $(lbzip2 --version 2>&1 | head -n1); $(zstd --version)"
echo "peak RSS: $rss_via"
echo "input:    $xml ($xml_bytes bytes)"
echo

declare -A T R CMD
CMD[bzip2]="bzip2 -9 -c IN"
CMD[mw-ss-t1]="mwdump recompress --single-stream --threads 1 IN OUT"
CMD[mw-ss-t2]="mwdump recompress --single-stream --threads 2 IN OUT"
CMD[mw-bz-t1]="java Bzip2Encode IN 1 9"
CMD[lbzip2]="lbzip2 -9 -n 2 -c IN"
CMD[mw-bz-t2]="java Bzip2Encode IN 2 9"
CMD[mw-ms]="mwdump recompress --multistream --threads 2 IN OUT"
CMD[zstd]="zstd -3 -T2 -c IN"
CMD[mw-zst]="mwdump recompress --seekable-zstd --threads 2 IN OUT"
checked=""
run() {
  local label="$1"
  case "$label" in
    bzip2)    timed bzip2 -9 -c "$xml" ;;
    lbzip2)   timed lbzip2 -9 -n 2 -c "$xml" ;;
    zstd)     timed zstd -q -3 -T2 -c "$xml" ;;
    mw-bz-t*) timed "$java" -cp "$jar" org.mwdump.benchmarks.bzip2.Bzip2Encode "$xml" "${label#mw-bz-t}" 9 ;;
    mw-ss-t*) rm -f "$tmp"/ss*; timed "$mwdump" recompress --single-stream --threads "${label#mw-ss-t}" "$xml" "$tmp/ss.xml.bz2" ;;
    mw-ms)    rm -f "$tmp"/ms*; timed "$mwdump" recompress --multistream --threads 2 "$xml" "$tmp/ms.xml.bz2" ;;
    mw-zst)   rm -f "$tmp"/zs*; timed "$mwdump" recompress --seekable-zstd --threads 2 "$xml" "$tmp/zs.xml.zst" ;;
  esac
  record "$label"
  if [[ ",$checked," != *",$label,"* ]]; then
    check "$label"
    checked+=",$label"
  fi
}
# the outputs are what they should be (checked once, outside the timings)
check() {
  case "$1" in
    mw-bz-t1|mw-bz-t2)
      cmp -s <("$java" -cp "$jar" org.mwdump.benchmarks.bzip2.Bzip2Encode "$xml" "${1#mw-bz-t}" 9) <(bzip2 -9 -c "$xml") \
        || die "${CMD[$1]}: not the bytes of bzip2 -9" ;;
    mw-ss-t1|mw-ss-t2)
      cmp -s "$tmp/ss.xml.bz2" <(bzip2 -9 -c "$xml") || die "${CMD[$1]}: not the bytes of bzip2 -9" ;;
    mw-ms)  cmp -s <(bzip2 -dc "$tmp/ms.xml.bz2") "$xml" || die "the multistream file does not decode to the input" ;;
    mw-zst) cmp -s <(zstd -dc "$tmp/zs.xml.zst") "$xml" || die "the seekable zstd file does not decode to the input" ;;
  esac
}

labels=()
has() { [[ " ${labels[*]} " == *" $1 "* ]]; }
wants ss1 && labels+=(bzip2 mw-ss-t1)
wants ss2 && labels+=(lbzip2 mw-ss-t2)
wants bz1 && { has bzip2 || labels+=(bzip2); labels+=(mw-bz-t1); }
wants bz2 && { has lbzip2 || labels+=(lbzip2); labels+=(mw-bz-t2); }
wants ms && { has lbzip2 || labels+=(lbzip2); labels+=(mw-ms); }
wants zst && labels+=(zstd mw-zst)
echo "== $rounds rounds, each running every command once, in turn (round r starts r-1 places later)"
in_rounds "${labels[@]}"
echo

echo "== results (wall seconds: median (fastest-slowest); MB/s of input XML; peak RSS in MB)"
results_table "$xml_bytes" "${labels[@]}"
echo
echo "== ratios"
wants ss1 && ratio_line "speed, recompress --single-stream 1 thread / bzip2 -9" bzip2 mw-ss-t1 ge 1.5
wants ss2 && ratio_line "speed, recompress --single-stream 2 threads / lbzip2 -9 -n 2" lbzip2 mw-ss-t2 ge 1.0
wants bz1 && ratio_line "speed, encoder as a library, 1 thread / bzip2 -9" bzip2 mw-bz-t1 ge 1.5
wants bz2 && ratio_line "speed, encoder as a library, 2 threads / lbzip2 -9 -n 2" lbzip2 mw-bz-t2 ge 1.0
wants ms && ratio_line "time, recompress --multistream 2 threads / lbzip2 -9 -n 2" mw-ms lbzip2 le 1.2
wants zst && ratio_line "time, recompress --seekable-zstd 2 threads / zstd -3 -T2" mw-zst zstd le 1.5
