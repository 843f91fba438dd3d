#!/usr/bin/env bash
# Fuzzes every Jazzer target for a while: ./benchmarks/scripts/fuzz.sh [seconds-per-target]
# Each target runs in its own Maven invocation (Jazzer fuzzes one test per JVM), in the default test
# execution only (dump-readers has a second one, for its low-memory test). A crash fails the run and
# is saved beside the target in src/test/resources/.../<Class>Inputs/<method>/, where the regression run
# of `mvn verify` replays it from then on. Prints the executions per target and in total.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-300}"
targets=(
  "dump-readers XmlReaderFuzzTest"
  "dump-readers RevDocReaderFuzzTest"
  "dump-readers EventReaderFuzzTest"
  "dump-readers Bzip2FuzzTest"
  "dump-writers Bzip2EncoderFuzzTest"
  "indexers SeekTableFuzzTest"
  "indexers PageIndexFuzzTest"
  "indexers MultistreamIndexFuzzTest"
)
log_dir="$(mktemp -d)"
total=0
status=0
for entry in "${targets[@]}"; do
  read -r module test <<<"$entry"
  log="$log_dir/$test.log"
  if JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" \
      JAZZER_INSTRUMENTATION_INCLUDES='org.mwdump.**:com.fasterxml.jackson.**' \
      mvn -B -ntp -q -pl "$module" -am test-compile surefire:test@default-test -Dtest="$test" \
        -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1; then
    result=ok
  else
    result=FAILED
    status=1
  fi
  runs=$(grep -Eo 'Done [0-9]+ runs' "$log" | awk '{s += $2} END {print s + 0}')
  total=$((total + runs))
  printf '%-28s %10d executions  %s\n' "$test" "$runs" "$result"
  if [ "$result" = FAILED ]; then
    grep -E 'FuzzTestFinding|Test unit written|Caused by' "$log" | head -5 || true
    echo "log: $log"
  fi
done
printf '%-28s %10d executions\n' "total" "$total"
exit "$status"
