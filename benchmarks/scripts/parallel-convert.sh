#!/usr/bin/env bash
# Whole-process timings of `mwdump convert --threads N` on two inputs:
#   synthetic  SyntheticDump --size 1GB --mode history --seed 1 (single-stream .bz2 by lbzip2 -9 when
#              installed, else bzip2 -9)
#   recipe     CorpusRemix --size 250MB: real corpus pages (elwikivoyage sample + aawiki history)
#              repeated with fresh ids and unique titles (.bz2 by bzip2 -9)
# Both are made in benchmarks/data/ (git-ignored) as plain .xml and .xml.bz2 when absent.
# For each input, in ROUNDS rounds that take the commands in turn (each round starts one command later):
#   bz2        bzip2 -dc IN.bz2 > /dev/null, lbzip2 -dc -n 2 IN.bz2 > /dev/null (if installed),
#              mwdump convert --quiet --threads 2 IN.bz2 OUT.jsonl; ratios mwdump/bzip2, mwdump/lbzip2
#   revdoc, xml, parquet
#              mwdump convert --quiet --threads 1|2 IN.xml OUT.jsonl|OUT.xml|OUT.parquet:
#              MB/s of input XML (10^6 bytes/s), 2-thread/1-thread speed-up
#   pair       two `mwdump convert --quiet --threads 1 IN.xml OUT.jsonl` processes started together,
#              timed until both end: 2 x (one of them alone) / (both together) is the speed-up this
#              machine gives two conversions that share nothing, the reference for the 2-thread speed-up
#   threads16  once: mwdump convert --quiet --threads 16 IN.bz2 OUT.jsonl with MWDUMP_JAVA_OPTS=-Xmx512m
# Every figure: median of the rounds, min-max, and ratios of medians; wall seconds and peak RSS.
#
# usage: benchmarks/scripts/parallel-convert.sh [ROUNDS]        (default 3)
#        benchmarks/scripts/parallel-convert.sh --prepare       only make the missing input files
# Environment:
#   MWDUMP_BENCH_INPUTS   synthetic | recipe | both (default both)
#   MWDUMP_BENCH_FORMATS  comma-separated subset of bz2,revdoc,xml,parquet,pair,threads16 (default all)
#   MWDUMP_BENCH_SIZE     size of both dumps instead of 1GB and 250MB, e.g. 20MB for a quick check
#   MWDUMP_SHARED         the shared directory (default ../shared beside the project root)
#   MWDUMP_JAVA_OPTS      passed to java by the mwdump launcher (the threads16 run sets -Xmx512m)
#   JAVA                  java command (default java)
set -euo pipefail
export LC_ALL=C

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
module="$root/benchmarks"
data="$module/data"
mwdump="$root/dump-cli/target/mwdump"
jar="$module/target/benchmarks.jar"
java="${JAVA:-java}"
shared="${MWDUMP_SHARED:-$root/../shared}"

die() { echo "parallel-convert.sh: $*" >&2; exit 1; }

prepare_only=false
if [[ "${1:-}" == --prepare ]]; then prepare_only=true; shift; fi
rounds="${1:-3}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer, not '$rounds'"
inputs="${MWDUMP_BENCH_INPUTS:-both}"
case "$inputs" in
  synthetic|recipe) ;;
  both) inputs="synthetic recipe" ;;
  *) die "MWDUMP_BENCH_INPUTS must be synthetic, recipe or both, not '$inputs'" ;;
esac
formats="$(tr ' ' ',' <<< "${MWDUMP_BENCH_FORMATS:-bz2,revdoc,xml,parquet,pair,threads16}")"
for f in ${formats//,/ }; do
  case "$f" in bz2|revdoc|xml|parquet|pair|threads16) ;; *) die "unknown entry '$f' in MWDUMP_BENCH_FORMATS (bz2,revdoc,xml,parquet,pair,threads16)" ;; esac
done
wants() { [[ ",$formats," == *",$1,"* ]]; }
synthetic_size="${MWDUMP_BENCH_SIZE:-1GB}"
recipe_size="${MWDUMP_BENCH_SIZE:-250MB}"
have_lbzip2=false
command -v lbzip2 > /dev/null && have_lbzip2=true

# ---- build what is missing
if [[ ! -x "$mwdump" ]]; then
  echo "building the CLI: mvn -q -DskipTests install" >&2
  (cd "$root" && mvn -q -DskipTests install) || die "build failed"
fi
if ! "$java" -cp "$jar" org.mwdump.benchmarks.CorpusRemix --help > /dev/null 2>&1; then
  echo "building $jar: mvn -q -DskipTests -pl benchmarks -am package" >&2
  (cd "$root" && mvn -q -DskipTests -pl benchmarks -am package) || die "build of benchmarks.jar failed"
fi

# ---- timing helpers (timed, in_rounds, stats, ratio, verdict, ...) and how peak RSS is measured
# shellcheck source=timing.sh
source "$(dirname "${BASH_SOURCE[0]}")/timing.sh"

# ---- machine
echo "== machine"
echo "date:        $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "nproc:       $(nproc)"
echo "cpu:         $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2> /dev/null || echo unknown)"
echo "memory:      $(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo 2> /dev/null || echo unknown)"
echo "load:        $(cut -d' ' -f1-3 /proc/loadavg 2> /dev/null || echo unknown) (1, 5, 15 min)"
"$java" -version 2>&1 | sed 's/^/java:        /'
echo "mwdump:      $("$mwdump" --version 2>&1 | head -n1), jar of $(date -u -r "$root/dump-cli/target/mwdump.jar" '+%Y-%m-%d %H:%M UTC'), tree $(git -C "$root" rev-parse --short HEAD 2> /dev/null || echo '?')$(git -C "$root" diff --quiet HEAD -- 2> /dev/null || echo ' (modified)')"
echo "bzip2:       $(bzip2 --version < /dev/null 2>&1 | head -n1)"
if $have_lbzip2; then echo "lbzip2:      $(lbzip2 --version 2>&1 | head -n1)"; else echo "lbzip2:      not installed"; fi
echo "peak RSS:    $rss_via"
echo "MWDUMP_JAVA_OPTS: ${MWDUMP_JAVA_OPTS:-(unset)}"
if $prepare_only; then echo "inputs: $inputs (prepare only)"; else echo "rounds: $rounds; inputs: $inputs; measurements: $formats"; fi

# ---- inputs
mkdir -p "$data"
compress() {  # compress FILE.xml into FILE.xml.bz2 with the given command, recording which in FILE.xml.bz2.how
  local xml="$1"; shift
  local bz="$xml.bz2"
  [[ -f "$bz" ]] && return 0
  echo "compressing with $*: $bz" >&2
  local s=$SECONDS
  "$@" -c "$xml" > "$bz.part" || { rm -f "$bz.part"; die "compression of $xml failed"; }
  mv "$bz.part" "$bz"
  echo "$* ($1 $("$1" --version < /dev/null 2>&1 | grep -o -m1 '[Vv]ersion [0-9.]*'))" > "$bz.how"
  echo "  $(stat -c %s "$bz") bytes in $((SECONDS - s)) s" >&2
}
prepare() {  # sets xml, bz2 for input $1
  local s=$SECONDS
  case "$1" in
    synthetic)
      xml="$data/synthetic-history-seed1-$synthetic_size.xml"
      if [[ ! -f "$xml" ]]; then
        echo "generating $xml" >&2
        "$java" -cp "$jar" org.mwdump.benchmarks.SyntheticDump --size "$synthetic_size" --mode history --seed 1 \
          --out "$xml" || die "SyntheticDump failed"
      fi
      if $have_lbzip2; then compress "$xml" lbzip2 -9; else compress "$xml" bzip2 -9; fi ;;
    recipe)
      xml="$data/corpus-remix-$recipe_size.xml"
      if [[ ! -f "$xml" ]]; then
        echo "generating $xml" >&2
        "$java" -cp "$jar" org.mwdump.benchmarks.CorpusRemix --corpus "$shared/corpus" --size "$recipe_size" \
          --out "$xml" || die "CorpusRemix failed"
      fi
      compress "$xml" bzip2 -9 ;;
  esac
  bz2="$xml.bz2"
  if (( SECONDS - s > 1 )); then echo "prepared $1 in $((SECONDS - s)) s" >&2; fi
}

ext() { case "$1" in revdoc) echo jsonl ;; xml) echo xml ;; parquet) echo parquet ;; esac; }

# run LABEL: one measurement, recorded in T[LABEL], R[LABEL], S[LABEL] (output bytes)
declare -A T R S CMD
run() {
  local label="$1" out fmt threads
  case "$label" in
    bzip2)  timed bzip2 -dc "$bz2" ;;
    lbzip2) timed lbzip2 -dc -n 2 "$bz2" ;;
    mwdump-bz2)
      out="$tmp/out.jsonl"
      timed "$mwdump" convert --quiet --threads 2 "$bz2" "$out" ;;
    *-t[12])
      fmt="${label%-t*}"; threads="${label##*-t}"; out="$tmp/out.$(ext "$fmt")"
      timed "$mwdump" convert --quiet --threads "$threads" "$xml" "$out" ;;
    pair)
      # both processes' outputs are checked; the script fails if either fails
      out="$tmp/out.jsonl"
      timed bash -c '"$1" convert --quiet --threads 1 "$2" "$3" & a=$!
        "$1" convert --quiet --threads 1 "$2" "$4"; b=$?; wait "$a" && exit "$b"' pair "$mwdump" "$xml" "$out" \
        "$tmp/out2.jsonl"
      [[ -f "$tmp/out2.jsonl" ]] && cmp -s "$out" "$tmp/out2.jsonl" || die "the two conversions of the pair differ"
      rm -f "$tmp/out2.jsonl" ;;
  esac
  record "$label"
  if [[ -n "${out:-}" ]]; then
    [[ -f "$out" ]] || die "${CMD[$label]} exited 0 but wrote no $out"
    S[$label]=$(stat -c %s "$out")
    rm -f "$out"
  fi
}

mbps() { awk -v b="$xml_bytes" -v t="$1" 'BEGIN {printf "%.1f", b / 1e6 / t}'; }  # MB/s of the input XML in $1 seconds
mbps_cell() {  # MB/s of $2 bytes: median, and the range from the slowest and fastest round
  local m lo hi; read -r m lo hi <<< "$(stats "$1")"
  awk -v b="$2" -v m="$m" -v lo="$lo" -v hi="$hi" 'BEGIN {printf "%.1f (%.1f-%.1f)", b / 1e6 / m, b / 1e6 / hi, b / 1e6 / lo}'
}

# ---- measurements
if $prepare_only; then
  for input in $inputs; do
    prepare "$input"
    echo "$input: $xml ($(stat -c %s "$xml") bytes), $bz2 ($(stat -c %s "$bz2") bytes, by $(cat "$bz2.how" 2> /dev/null || echo 'an unrecorded compressor'))"
  done
  exit 0
fi
jar_stamp=$(stat -c %Y "$root/dump-cli/target/mwdump.jar")
tmp="$(mktemp -d "$data/parallel-convert.XXXXXX")"   # outputs of the runs, removed at exit
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
for input in $inputs; do
  prepare "$input"
  xml_bytes=$(stat -c %s "$xml")
  echo
  echo "== $input: $(basename "$xml") ($xml_bytes bytes), $(basename "$bz2") ($(stat -c %s "$bz2") bytes, by $(cat "$bz2.how" 2> /dev/null || echo 'an unrecorded compressor'))"
  T=(); R=(); S=()
  CMD=(
    [bzip2]="bzip2 -dc $bz2 > /dev/null"
    [lbzip2]="lbzip2 -dc -n 2 $bz2 > /dev/null"
    [mwdump-bz2]="mwdump convert --quiet --threads 2 $bz2 OUT.jsonl"
  )
  for fmt in revdoc xml parquet; do
    for t in 1 2; do CMD[$fmt-t$t]="mwdump convert --quiet --threads $t $xml OUT.$(ext "$fmt")"; done
  done
  CMD[pair]="two of: mwdump convert --quiet --threads 1 $xml OUT.jsonl, at once"

  if wants bz2; then
    echo "-- bz2: decompression and bz2 -> RevDoc, $rounds round(s); seconds and peak RSS (MiB): median (min-max)"
    labels=(bzip2)
    $have_lbzip2 && labels+=(lbzip2)
    labels+=(mwdump-bz2)
    in_rounds "${labels[@]}"
    for l in "${labels[@]}"; do
      printf '  %-52s %-22s RSS %-16s %s\n' "${CMD[$l]/$bz2/IN.bz2}" "$(secs_cell "${T[$l]}")" "$(rss_cell "${R[$l]}")" \
        "${S[$l]:+output ${S[$l]} bytes}"
    done
    mw=$(median "${T[mwdump-bz2]}")
    r=$(ratio "$mw" "$(median "${T[bzip2]}")")
    echo "  mwdump/bzip2 time (ratio of medians): $r  ($(verdict "$r" le 0.5))"
    if $have_lbzip2; then
      r=$(ratio "$mw" "$(median "${T[lbzip2]}")")
      echo "  mwdump/lbzip2 time (ratio of medians): $r  ($(verdict "$r" le 1.0))"
    else
      echo "  mwdump/lbzip2: lbzip2 not installed"
    fi
  fi

  labels=()
  for fmt in revdoc xml parquet; do wants "$fmt" && labels+=("$fmt-t1" "$fmt-t2"); done
  if wants pair; then
    wants revdoc || labels+=(revdoc-t1)
    labels+=(pair)
  fi
  if (( ${#labels[@]} > 0 )); then
    echo "-- plain XML -> each format: mwdump convert --quiet --threads 1|2 IN.xml OUT.jsonl|OUT.xml|OUT.parquet,"
    echo "   $rounds round(s): median (min-max)"
    in_rounds "${labels[@]}"
    printf '  %-8s %-7s %-22s %-22s %-18s %s\n' format threads seconds "MB/s of XML" "peak RSS MiB" "output bytes"
    for l in "${labels[@]}"; do
      if [[ "$l" == pair ]]; then
        printf '  %-8s %-7s %-22s %-22s %-18s %s\n' "revdoc" "1+1" "$(secs_cell "${T[$l]}")" \
          "$(mbps_cell "${T[$l]}" "$((2 * xml_bytes))")" "$(rss_cell "${R[$l]}")" "${S[$l]} (each)"
        continue
      fi
      printf '  %-8s %-7s %-22s %-22s %-18s %s\n' "${l%-t*}" "${l##*-t}" "$(secs_cell "${T[$l]}")" \
        "$(mbps_cell "${T[$l]}" "$xml_bytes")" "$(rss_cell "${R[$l]}")" "${S[$l]}"
    done
    for fmt in revdoc xml parquet; do
      wants "$fmt" || continue
      t1=$(median "${T[$fmt-t1]}"); t2=$(median "${T[$fmt-t2]}")
      m1=$(mbps "$t1"); m2=$(mbps "$t2")
      line="  $fmt: 1 thread $m1 MB/s"
      case "$fmt" in
        revdoc)  line+=" ($(verdict "$m1" ge 150))" ;;
        parquet) line+=" ($(verdict "$m1" ge 60)), 2 threads $m2 MB/s ($(verdict "$m2" ge 60))" ;;
      esac
      r=$(ratio "$t1" "$t2")
      echo "$line; speed-up 2/1 threads (ratio of median times): $r ($(verdict "$r" ge 1.8))"
    done
    if wants pair; then
      r=$(awk -v a="$(median "${T[revdoc-t1]}")" -v b="$(median "${T[pair]}")" 'BEGIN {printf "%.2f", 2 * a / b}')
      echo "  two separate one-thread RevDoc conversions at once: speed-up 2 x (one alone) / (both) = $r;"
      echo "    what this machine gives two processes that share nothing, the reference for the speed-ups above"
    fi
  fi

  if wants threads16; then
    echo "-- bz2 -> RevDoc, --threads 16, MWDUMP_JAVA_OPTS=-Xmx512m (one run)"
    timed env MWDUMP_JAVA_OPTS=-Xmx512m "$mwdump" convert --quiet --threads 16 "$bz2" "$tmp/out.jsonl"
    rss_mib=$( [[ "$RSS" == "?" ]] && echo "?" || awk -v k="$RSS" 'BEGIN {printf "%.0f", k / 1024}')
    if (( STATUS == 0 )) && [[ -f "$tmp/out.jsonl" ]]; then
      echo "  succeeded: ${WALL} s, peak RSS $rss_mib MiB, $(mbps "$WALL") MB/s of XML, output $(stat -c %s "$tmp/out.jsonl") bytes"
    else
      echo "  FAILED (exit $STATUS) after ${WALL} s, peak RSS $rss_mib MiB; last lines of its stderr:"
      tail -n 10 "$tmp/err" | sed 's/^/    /'
    fi
    rm -f "$tmp/out.jsonl"
  fi
done
if [[ "$(stat -c %Y "$root/dump-cli/target/mwdump.jar")" != "$jar_stamp" ]]; then
  echo
  echo "WARNING: dump-cli/target/mwdump.jar was rebuilt during this run; the figures mix two builds"
fi
