#!/usr/bin/env bash
# What a second thread costs: `perf record` of one `mwdump convert` on one thread and one on two (output
# to /dev/null), then the CPU seconds of each symbol in both and the difference, largest first. Compiled
# Java methods are named through the JVM's perf map; the C1 and C2 compilers' own functions are summed as
# "[JIT compiler]". A symbol's samples are the CPU time of every thread that ran it.
#
# Usage: benchmarks/scripts/thread-profile.sh [DUMP] [FORMAT] [ROWS]
#   DUMP defaults to the synthetic 1 GB history dump of parallel-convert.sh, FORMAT to revdoc (or xml,
#   parquet), ROWS (lines of the table) to 25. Needs perf (linux-perf) and a built dump-cli.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
die() { echo "thread-profile.sh: $*" >&2; exit 1; }
dump="${1:-$root/benchmarks/data/synthetic-history-seed1-1GB.xml}"
format="${2:-revdoc}"
rows="${3:-25}"
mwdump="$root/dump-cli/target/mwdump"
command -v perf > /dev/null || die "perf is not installed"
[[ -x "$mwdump" ]] || die "build first: mvn -q -DskipTests install"
[[ -s "$dump" ]] || die "no dump: $dump (parallel-convert.sh --prepare makes the default one)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
freq=1999

echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "tree: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'); input: $dump ($(stat -c %s "$dump") bytes); to $format"
for t in 1 2; do
  MWDUMP_JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit" \
    perf record -q -F "$freq" -o "$tmp/perf$t.data" "$mwdump" convert --quiet --threads "$t" --to "$format" \
    "$dump" - > /dev/null 2> "$tmp/err$t" || { cat "$tmp/err$t" >&2; die "the $t-thread conversion failed"; }
  perf report -i "$tmp/perf$t.data" --no-children --sort symbol --stdio -n 2> /dev/null \
    | awk '!/^#/ && NF > 2 {n = $2; $1 = ""; $2 = ""; sub(/^ +/, ""); sub(/ +- +- *$/, ""); print n "\t" $0}' \
    > "$tmp/sym$t"
done
python3 - "$tmp/sym1" "$tmp/sym2" "$freq" "$rows" <<'EOF'
import re, sys
JIT = re.compile(r'\[\.\] (Phase|IndexSet|Node|Compile|LinearScan|GraphBuilder|Matcher|ci[A-Z]|ConnectionGraph|'
                 r'Mach|RegMask|Parse|LIR|Block|ValueStack|Instruction|Canonicalizer|Type|Dict|Arena|'
                 r'ResourceArea|Chaitin|Loop|CFG|SuperWord|Optimizer|Bytecode|Interval)')
def load(path):
    d = {}
    for line in open(path):
        n, s = line.rstrip('\n').split('\t', 1)
        s = '[JIT compiler]' if JIT.match(s) else s
        d[s] = d.get(s, 0) + int(n)
    return d
one, two = load(sys.argv[1]), load(sys.argv[2])
hz, rows = float(sys.argv[3]), int(sys.argv[4])
print("CPU seconds in all: 1 thread %.2f, 2 threads %.2f" % (sum(one.values()) / hz, sum(two.values()) / hz))
print("%8s %8s %8s  %s" % ("1 thread", "2", "more", "symbol"))
for s in sorted(set(one) | set(two), key=lambda k: one.get(k, 0) - two.get(k, 0))[:rows]:
    print("%8.2f %8.2f %8.2f  %s" % (one.get(s, 0) / hz, two.get(s, 0) / hz, (two.get(s, 0) - one.get(s, 0)) / hz,
                                      s[:100]))
EOF
