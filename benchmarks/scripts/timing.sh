# Shared by the benchmark scripts (sourced, not run): whole-process timing with peak RSS, alternating
# rounds, and the median/range/ratio arithmetic their reports print.
#
# The sourcing script sets `tmp` (a scratch directory) and `rounds`, and defines `run LABEL`, which
# measures one command with `timed` and records it; `in_rounds` calls it.

# ---- peak RSS: GNU time if present, else polling /proc/PID/status (VmHWM)
if [[ -x /usr/bin/time ]] && /usr/bin/time -f %M -o /dev/null true 2> /dev/null; then
  rss_via="GNU time (/usr/bin/time -f %M)"
elif [[ -r /proc/self/status ]] && grep -q '^VmHWM' /proc/self/status; then
  rss_via="VmHWM in /proc/PID/status, polled every 50 ms"
else
  rss_via="none"
fi

# ---- timing: timed CMD... runs CMD with stdout to /dev/null, stderr to $tmp/err;
#      sets WALL (seconds), RSS (KiB, or ? when unknown) and STATUS (exit status)
timed() {
  local s e
  s=$(date +%s%N)
  case "$rss_via" in
    GNU*)
      set +e
      /usr/bin/time -f %M -o "$tmp/rss" "$@" > /dev/null 2> "$tmp/err"
      STATUS=$?
      set -e
      RSS=$(tail -n1 "$tmp/rss") ;;
    VmHWM*)
      "$@" > /dev/null 2> "$tmp/err" &
      local pid=$! v hwm=0
      while [[ -r /proc/$pid/status ]] && ! grep -q '^State:.*Z' "/proc/$pid/status" 2> /dev/null; do
        v=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2> /dev/null || true)
        [[ -n "$v" ]] && hwm=$v
        sleep 0.05
      done
      set +e
      wait "$pid"
      STATUS=$?
      set -e
      RSS=$hwm ;;
    *)
      set +e
      "$@" > /dev/null 2> "$tmp/err"
      STATUS=$?
      set -e
      RSS="?" ;;
  esac
  e=$(date +%s%N)
  WALL=$(awk -v s="$s" -v e="$e" 'BEGIN {printf "%.3f", (e - s) / 1e9}')
  [[ "$RSS" =~ ^[0-9]+$ ]] || RSS="?"
}

# in_rounds LABEL...: ROUNDS rounds; round r starts with the r-th label and takes the others in turn
in_rounds() {
  local n=$# labels=("$@") r i label
  for ((r = 0; r < rounds; r++)); do
    printf '  round %d:' $((r + 1))
    for ((i = 0; i < n; i++)); do
      label="${labels[(i + r) % n]}"
      run "$label"
      printf ' %s %ss' "$label" "$WALL"
    done
    echo
  done
}

# stats "v1 v2 ...": median min max (? if any value is unknown)
stats() {
  tr ' ' '\n' <<< "$1" | awk 'NF' | sort -g | awk '
    $1 == "?" {unknown = 1}
    {a[NR] = $1}
    END {
      if (NR == 0 || unknown) { print "? ? ?"; exit }
      m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
      print m, a[1], a[NR]
    }'
}
median() { stats "$1" | cut -d' ' -f1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "?" || b == "?" || b == 0) print "?"; else printf "%.2f", a / b}'; }
# verdict VALUE le|ge TARGET
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {
  if (v == "?" || op == "") {print v == "?" ? "?" : ""; exit}
  ok = op == "le" ? v <= t : v >= t
  printf "target %s %s: %s", op == "le" ? "<=" : ">=", t, ok ? "met" : "NOT met"}'; }
secs_cell() { local m lo hi; read -r m lo hi <<< "$(stats "$1")"; printf '%.2f (%.2f-%.2f)' "$m" "$lo" "$hi"; }
rss_cell() {
  local m lo hi; read -r m lo hi <<< "$(stats "$1")"
  if [[ "$m" == "?" ]]; then echo "?"; else awk -v m="$m" -v lo="$lo" -v hi="$hi" 'BEGIN {printf "%.0f (%.0f-%.0f)", m / 1024, lo / 1024, hi / 1024}'; fi
}

# ratio_line TEXT NUM DEN [le|ge TARGET]: the ratio of the median times T[NUM] / T[DEN], the range of the
# per-round ratios, and the verdict against the target when there is one (T is the sourcing script's array
# of times)
ratio_line() {
  local per="" i a b
  read -ra a <<< "${T[$2]}"; read -ra b <<< "${T[$3]}"
  for i in "${!a[@]}"; do per+="$(ratio "${a[$i]}" "${b[$i]}") "; done
  local m lo hi; read -r m lo hi <<< "$(stats "$per")"
  printf '%-64s %s (rounds %s-%s)  %s\n' "$1" "$(ratio "$(median "${T[$2]}")" "$(median "${T[$3]}")")" "$lo" "$hi" \
    "$(verdict "$(ratio "$(median "${T[$2]}")" "$(median "${T[$3]}")")" "${4:-}" "${5:-}")"
}

# record LABEL: after `timed`, stop the script when the command failed (with the end of its stderr), else
# add WALL and RSS to the sourcing script's arrays T and R (CMD[LABEL] names the command)
# ---- net_ratio_line DESC A FLOOR_A B FLOOR_B [OP TARGET]: like ratio_line, for (A - FLOOR_A) / (B - FLOOR_B)
#      round by round: each command's time less that of a trivial run of the same tool in the same round
net_ratio_line() {
  local per="" i a fa b fb na="" nb=""
  read -ra a <<< "${T[$2]}"; read -ra fa <<< "${T[$3]}"; read -ra b <<< "${T[$4]}"; read -ra fb <<< "${T[$5]}"
  for i in "${!a[@]}"; do
    na+="$(awk -v x="${a[$i]}" -v y="${fa[$i]}" 'BEGIN {printf "%.3f", x - y}') "
    nb+="$(awk -v x="${b[$i]}" -v y="${fb[$i]}" 'BEGIN {printf "%.3f", x - y}') "
  done
  read -ra a <<< "$na"; read -ra b <<< "$nb"
  for i in "${!a[@]}"; do per+="$(ratio "${a[$i]}" "${b[$i]}") "; done
  local m lo hi; read -r m lo hi <<< "$(stats "$per")"
  printf '%-64s %s (rounds %s-%s)  %s\n' "$1" "$(ratio "$(median "$na")" "$(median "$nb")")" "$lo" "$hi" \
    "$(verdict "$(ratio "$(median "$na")" "$(median "$nb")")" "${6:-}" "${7:-}")"
}

record() {
  if (( STATUS != 0 )); then
    echo "FAILED (exit $STATUS): ${CMD[$1]}" >&2
    tail -n 20 "$tmp/err" >&2
    exit 1
  fi
  T[$1]+="$WALL "
  R[$1]+="$RSS "
}

# results_table BYTES LABEL...: for each label its command, seconds (median and range), MB/s of an input
# of BYTES bytes and peak RSS
results_table() {
  local bytes=$1 label
  shift
  printf '%-60s %-22s %-8s %s\n' command seconds MB/s RSS
  for label in "$@"; do
    printf '%-60s %-22s %-8s %s\n' "${CMD[$label]}" "$(secs_cell "${T[$label]}")" \
      "$(awk -v b="$bytes" -v t="$(median "${T[$label]}")" 'BEGIN {printf "%.1f", b / 1e6 / t}')" "$(rss_cell "${R[$label]}")"
  done
}

# ---- machine_lines: the date, the CPU and its load, java, and the tree of the sourcing script's $root
#      (with $java), each on a line, aligned as the reports print them
machine_lines() {
  echo "date:     $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "cpu:      $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java:     $("$java" -version 2>&1 | head -n1)"
  echo "mwdump:   tree $(git -C "$root" rev-parse --short HEAD 2> /dev/null || echo '?')$(git -C "$root" diff --quiet HEAD -- 2> /dev/null || echo ' (modified)')"
}

# ---- pom_property NAME: a property of the parent pom of $root
pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$root/pom.xml" | head -n1; }

# ---- spark_java: sets the array `spark` to a java command with the test class path of dump-spark (Spark
#      is a test-time dependency there), Spark's JVM options from the parent pom and -Xmx4g; uses $root,
#      $java and the sourcing script's `die`
spark_java() {
  (cd "$root" && mvn -q -o -DskipTests test-compile -pl dump-spark > /dev/null) || die "cannot build dump-spark"
  local cpfile cp jvm_opts
  cpfile="$(mktemp)"
  (cd "$root" && mvn -q -o -pl dump-spark dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$cpfile" > /dev/null) || die "cannot resolve dump-spark's class path"
  cp="$root/dump-spark/target/test-classes:$root/dump-spark/target/classes:$(cat "$cpfile")"
  rm -f "$cpfile"
  jvm_opts="$(pom_property spark.jvm.options)"
  [[ -n "$jvm_opts" ]] || die "no spark.jvm.options in pom.xml"
  # shellcheck disable=SC2206
  spark=("$java" -Xmx4g $jvm_opts -cp "$cp")
}
