#!/usr/bin/env bash
# Measures XML parsing throughput: the bare Woodstox event loop against mwdump's reader, on an
# uncompressed synthetic dump (generated into benchmarks/data/ when absent).
#
# usage: benchmarks/scripts/xml-parse.sh [FILE.xml] [JMH options, e.g. -i 7 -wi 2]
#
# Environment: JAVA (default: java), MWDUMP_BENCH_XML (the dump, if FILE is not given).
set -euo pipefail

module="$(cd "$(dirname "$0")/.." && pwd)"
jar="$module/target/benchmarks.jar"
java="${JAVA:-java}"

if [[ ! -f "$jar" ]]; then
  echo "building $jar" >&2
  (cd "$module/.." && mvn -q -DskipTests -pl benchmarks -am package)
fi

file="${MWDUMP_BENCH_XML:-$module/data/synthetic-history-seed1-200MiB.xml}"
if [[ $# -gt 0 && "$1" != -* ]]; then
  file="$1"
  shift
fi

cd "$module"
exec "$java" -cp "$jar" org.mwdump.benchmarks.jmh.XmlParseReport "$file" "$@"
