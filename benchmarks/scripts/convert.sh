#!/usr/bin/env bash
# Times `mwdump convert` of one .xml.bz2 dump to Parquet and to RevDoc .jsonl.zst (1 and 2 threads),
# and prints throughput (MB of XML per second) and the output sizes side by side.
#
# usage: benchmarks/scripts/convert.sh [DUMP.xml.bz2]
# Default input: the 200 MiB synthetic history dump of xml-parse.sh, compressed with bzip2 -9.
# Needs `mvn -q -DskipTests install` first (for dump-cli/target/mwdump).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
mwdump="$root/dump-cli/target/mwdump"
[[ -x "$mwdump" ]] || (cd "$root" && mvn -q -DskipTests install)
data="$root/benchmarks/data"
in="${1:-$data/synthetic-history-seed1-200MiB.xml.bz2}"
if [[ ! -f "$in" ]]; then
  xml="$data/synthetic-history-seed1-200MiB.xml"
  [[ -f "$xml" ]] || { echo "run benchmarks/scripts/xml-parse.sh first (it generates $xml)" >&2; exit 2; }
  bzip2 -9 -k -c "$xml" > "$in"
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
xml_bytes=$(bzip2 -dc "$in" | wc -c)
echo "input: $in ($(stat -c %s "$in") bytes bz2, $xml_bytes bytes XML)"
printf '%-28s %10s %12s %14s\n' target seconds "MB/s (XML)" "output bytes"
for target in parquet:out.parquet revdoc:out.jsonl.zst; do
  for threads in 1 2; do
    name="${target#*:}"
    s=$(date +%s.%N)
    "$mwdump" convert --quiet --threads "$threads" "$in" "$out/$name"
    e=$(date +%s.%N)
    secs=$(echo "$e - $s" | bc)
    printf '%-28s %10.2f %12.1f %14d\n' "$name ($threads thread(s))" "$secs" "$(echo "$xml_bytes / 1000000 / $secs" | bc -l)" "$(stat -c %s "$out/$name")"
    rm -f "$out/$name"
  done
done
