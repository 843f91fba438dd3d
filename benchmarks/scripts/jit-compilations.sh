#!/usr/bin/env bash
# Where the JIT's time goes during one `mwdump convert`: runs it under Java Flight Recorder and prints
# the process's wall and CPU time, the total time of the C2 compilations that took 100 ms or more
# (JFR's threshold in its "profile" settings), and the ten longest.
#
# usage: benchmarks/scripts/jit-compilations.sh [THREADS] [DUMP]
# Default: 2 threads, benchmarks/data/corpus-remix-250MB.xml (made by parallel-convert.sh --prepare).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mwdump="$root/dump-cli/target/mwdump"
[[ -x "$mwdump" ]] || (cd "$root" && mvn -q -DskipTests install)
threads="${1:-2}"
in="${2:-$root/benchmarks/data/corpus-remix-250MB.xml}"
[[ -f "$in" ]] || { echo "jit-compilations.sh: $in not found" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
MWDUMP_JAVA_OPTS="-XX:StartFlightRecording=filename=$tmp/rec.jfr,settings=profile" \
  /usr/bin/time -f "convert --threads $threads: %e s wall, %U s user CPU, %S s system CPU" \
  "$mwdump" convert --quiet --threads "$threads" "$in" "$tmp/out.jsonl" 2>&1 | grep -v '^\[' || true
jfr print --events jdk.Compilation "$tmp/rec.jfr" | python3 -c '
import re, sys
rows = []
for event in sys.stdin.read().split("jdk.Compilation {")[1:]:
    d = re.search(r"duration = ([\d.]+) (ms|s)\b", event)
    m = re.search(r"method = (.*)", event)
    level = re.search(r"compileLevel = (\d)", event)
    if d and m:
        ms = float(d.group(1)) * (1000 if d.group(2) == "s" else 1)
        rows.append((ms, level.group(1) if level else "?", m.group(1).strip()))
rows.sort(reverse=True)
print("compilations of 100 ms or more: %d, %.0f ms in all" % (len(rows), sum(r[0] for r in rows)))
for ms, level, method in rows[:10]:
    print("  %7.0f ms  tier %s  %s" % (ms, level, method))
'
