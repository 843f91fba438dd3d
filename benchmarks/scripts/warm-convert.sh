#!/usr/bin/env bash
# Conversion to RevDoc in one JVM, pass after pass, on one thread and on THREADS threads in turn:
# the speed once the JIT has compiled the code, which a single `mwdump convert` of a few hundred MB
# does not reach (see benchmarks/README.md). Prints each pass and the median and range after round 1.
#
# usage: benchmarks/scripts/warm-convert.sh [DUMP] [ROUNDS] [THREADS]
# Default DUMP: benchmarks/data/corpus-remix-250MB.xml (made by parallel-convert.sh --prepare).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"
[[ -f "$jar" ]] || (cd "$root" && mvn -q -DskipTests install)
in="${1:-$root/benchmarks/data/corpus-remix-250MB.xml}"
[[ -f "$in" ]] || { echo "warm-convert.sh: $in not found (run benchmarks/scripts/parallel-convert.sh --prepare)" >&2; exit 2; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1)"
echo "input: $in ($(stat -c %s "$in") bytes)"
exec java -Xmx2g -cp "$jar" org.mwdump.benchmarks.write.WarmConvertBench "$in" "${2:-6}" "${3:-2}"
