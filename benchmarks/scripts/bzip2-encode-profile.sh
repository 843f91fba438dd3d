#!/usr/bin/env bash
# Where the bzip2 encoder spends its time: `perf record` of Bzip2EncodeLoop (one file encoded ROUNDS
# times in one JVM, on one thread), with the JVM's perf map so that compiled Java methods have names,
# and the samples summed by stage of the encoder. The first round (compilation) is in the samples too;
# more rounds make it count less.
#
# Usage: benchmarks/scripts/bzip2-encode-profile.sh [FILE] [ROUNDS]
#   FILE defaults to benchmarks/data/corpus-remix-20MB.xml (made by parallel-convert.sh --prepare with
#   MWDUMP_BENCH_SIZE=20MB MWDUMP_BENCH_INPUTS=recipe); ROUNDS to 3. Needs perf (linux-perf) and a
#   built benchmarks.jar (mvn -q -DskipTests install && mvn -q -DskipTests -pl benchmarks package).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"
file="${1:-$root/benchmarks/data/corpus-remix-20MB.xml}"
rounds="${2:-3}"
command -v perf > /dev/null || { echo "perf is not installed" >&2; exit 1; }
[[ -s "$jar" ]] || { echo "build first: mvn -q -DskipTests -pl benchmarks -am package" >&2; exit 1; }
[[ -s "$file" ]] || { echo "no input: $file" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); cpu: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "tree: $(git -C "$root" rev-parse --short HEAD 2> /dev/null || echo '?'); input: $file ($(stat -c %s "$file") bytes)"
perf record -q -F 1999 -o "$tmp/perf.data" java -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit \
  -cp "$jar" org.mwdump.benchmarks.bzip2.Bzip2EncodeLoop "$file" "$rounds"
perf report -i "$tmp/perf.data" --no-children --sort symbol --stdio 2> /dev/null | awk '
  /^#/ || NF == 0 { next }
  {
    pct = $1; sub(/%/, "", pct); line = $0
    if (line ~ /SuffixArray\.induce[LS]/) stage = "suffix sorting: induction passes"
    else if (line ~ /LmsNaming/) stage = "suffix sorting: naming LMS substrings"
    else if (line ~ /SuffixArray\.name/) stage = "suffix sorting: naming LMS substrings"
    else if (line ~ /SuffixArray\./) stage = "suffix sorting: other steps"
    else if (line ~ /RepetitiveBlockSort/) stage = "self-repeating blocks (libbzip2 sort)"
    else if (line ~ /BlockEncoder\.(moveToFront|zeroRun)/) stage = "move-to-front and zero runs"
    else if (line ~ /BlockEncoder\.sendMtfValues|Huffman\./) stage = "Huffman tables, selectors, codes"
    else if (line ~ /BlockEncoder\.leastRotation/) stage = "least rotation"
    else if (line ~ /BlockEncoder\.transform/) stage = "transform (last column)"
    else if (line ~ /Bzip2OutputStream|Bzip2Crc|BitOutput/) stage = "run-length stage, CRC, bit output"
    else if (line ~ /Interpreter|Phase|Compile|C2|C1|IndexSet|Chaitin|Node::|PhaseIdeal/) stage = "JVM: interpreter and JIT"
    else stage = "other (JVM, GC, kernel)"
    share[stage] += pct; total += pct
  }
  END { for (s in share) printf "%6.1f%%  %s\n", share[s], s | "sort -rn"; }'
