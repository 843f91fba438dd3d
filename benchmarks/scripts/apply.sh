#!/usr/bin/env bash
# `mwdump apply` on a multistream bz2 dump against compressing the whole updated dump again, whole
# processes, alternating rounds:
#   apply       mwdump apply --threads 2 BASE EVENTS OUT.xml.bz2 --force: unchanged streams copied byte for
#               byte, those holding a changed page decoded, updated and compressed again
#   recompress  mwdump recompress --multistream --threads 2 --force UPDATED.xml OUT2.xml.bz2
#               (target: apply <= 0.10x its time)
# BASE is the synthetic history dump of parallel-convert.sh (SyntheticDump --size 1GB --mode history --seed 1,
# made by parallel-convert.sh --prepare when absent) laid out by `mwdump recompress --multistream` with its
# index beside it (both kept in benchmarks/data, as spark-read.sh makes them). EVENTS is written by
# page-change-events.py (seed 1): one mediawiki/page/change `edit` event for 1 % of the pages, a new
# revision of 2-6 KB of wikitext with a fresh rev_id, parent the page's last revision; the pages spread
# evenly over the index (about one in every stream of 100 pages), a seeded sample, or one run of
# consecutive pages (MWDUMP_BENCH_PICK). UPDATED.xml is the updated dump as plain XML, made once before the
# rounds by `mwdump apply --threads 2 BASE EVENTS UPDATED.xml` (one streaming pass, timed once).
# From apply's stdout (the same in every round, or the script says so): streams copied and rewritten, and the
# XML bytes it decoded, as a share of UPDATED.xml, against what the changed streams make up: the XML of the
# base's streams holding a changed page plus the header before the first page (from the index's stream
# offsets and the pages' offsets in the XML). Checked once, after the rounds: apply's output decodes
# (lbzip2 -dc -n 2, else bzip2 -dc) to exactly UPDATED.xml, and its index lists the base's pages with every
# offset at the start of a bz2 stream (OK or FAIL; any FAIL makes the exit status 1); whether it has the
# same bytes as recompress's output is noted. Every time: median of the rounds and min-max; peak RSS.
#
# usage: benchmarks/scripts/apply.sh [ROUNDS]      (default 3 rounds; each runs both commands, in turn)
# Environment:
#   MWDUMP_BENCH_SIZE     size of the synthetic dump instead of 1GB, e.g. 20MB for a quick check
#   MWDUMP_BENCH_PICK     which pages change: spread (default), random or clustered (page-change-events.py);
#                         with 100 pages a stream, 1 % spread changes a page in nearly every stream (the cost
#                         of rewriting streams), random in about 1 - 0.99^100 = 63 % of them, clustered in one
#                         or two (the least apply can do)
#   MWDUMP_BENCH_PERCENT  percentage of the pages that change (default 1)
#   MWDUMP_JAVA_OPTS      passed to java by the mwdump launcher
#   JAVA                  java command (default java)
set -euo pipefail
export LC_ALL=C

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scripts="$root/benchmarks/scripts"
data="$root/benchmarks/data"
mwdump="$root/dump-cli/target/mwdump"
java="${JAVA:-java}"
die() { echo "apply.sh: $*" >&2; exit 1; }
rounds="${1:-3}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer, not '$rounds'"
size="${MWDUMP_BENCH_SIZE:-1GB}"
pick="${MWDUMP_BENCH_PICK:-spread}"
case "$pick" in spread|random|clustered) ;; *) die "MWDUMP_BENCH_PICK must be spread, random or clustered, not '$pick'" ;; esac
percent="${MWDUMP_BENCH_PERCENT:-1}"
[[ "$percent" =~ ^[0-9]*\.?[0-9]+$ ]] && awk -v p="$percent" 'BEGIN {exit !(p > 0 && p <= 100)}' \
  || die "MWDUMP_BENCH_PERCENT must be a number in (0, 100], not '$percent'"
[[ -x "$mwdump" ]] || die "build first: mvn -q -DskipTests install"
command -v python3 > /dev/null || die "python3 is not installed (page-change-events.py writes the events)"
command -v bzip2 > /dev/null || die "bzip2 is not installed"
if command -v lbzip2 > /dev/null; then decode=(lbzip2 -dc -n 2); else decode=(bzip2 -dc); fi

# ---- inputs: the plain XML, and its multistream layout with the index beside it
xml="$data/synthetic-history-seed1-$size.xml"
if [[ ! -s "$xml" ]]; then
  MWDUMP_BENCH_INPUTS=synthetic MWDUMP_BENCH_SIZE="$size" "$scripts/parallel-convert.sh" --prepare
fi
[[ -s "$xml" ]] || die "no input: $xml"
base="$data/synthetic-history-seed1-$size-multistream.xml.bz2"
index="$data/synthetic-history-seed1-$size-multistream-index.txt.bz2"
if [[ ! -s "$base" || ! -s "$index" || "$xml" -nt "$base" ]]; then
  echo "making $base" >&2
  "$mwdump" recompress --multistream --force "$xml" "$base" > /dev/null || die "recompress --multistream failed"
fi
[[ -s "$index" ]] || die "no index beside $base"

# shellcheck source=timing.sh
source "$scripts/timing.sh"
tmp="$(mktemp -d "$data/apply.XXXXXX")"   # events, the updated XML and the outputs of the runs, removed at exit
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
jar_stamp=$(stat -c %Y "$root/dump-cli/target/mwdump.jar")

echo "== machine"
machine_lines
echo "jar:      dump-cli/target/mwdump.jar of $(date -u -r "$root/dump-cli/target/mwdump.jar" '+%Y-%m-%d %H:%M UTC')"
echo "tools:    $(bzip2 --version 2>&1 < /dev/null | head -n1 | cut -d, -f2- | sed 's/^ *//'); decoding for the check: ${decode[*]}; $(python3 --version 2>&1)"
echo "peak RSS: $rss_via"
echo "base:     $base ($(stat -c %s "$base") bytes), index $(basename "$index")"
echo "          from $(basename "$xml") ($(stat -c %s "$xml") bytes)"

# ---- the changes, and the updated dump as plain XML
events="$tmp/events.jsonl"
python3 "$scripts/page-change-events.py" --xml "$xml" --index "$index" --out "$events" --percent "$percent" \
  --pick "$pick" --seed 1 > "$tmp/events.stats" 2> "$tmp/events.err" || { cat "$tmp/events.err" >&2; die "page-change-events.py failed"; }
declare -A G
while read -r k v; do G[$k]=$v; done < "$tmp/events.stats"
echo "events:   $(cat "$tmp/events.err") ($(stat -c %s "$events") bytes of JSON lines)"
echo "          in ${G[streams_changed]} of the base's ${G[streams]} streams of pages"

updated="$tmp/updated.xml"
declare -A T R CMD
CMD[apply]="mwdump apply --threads 2 BASE EVENTS OUT.xml.bz2 --force"
CMD[recompress]="mwdump recompress --multistream --threads 2 --force IN OUT"
CMD[one-pass]="mwdump apply --threads 2 BASE EVENTS UPDATED.xml"
# timed sends stdout to /dev/null: the command writes its own to a file (exec keeps the process measured)
to_file() { timed bash -c 'f=$1; shift; exec "$@" > "$f"' _ "$@"; }
to_file "$tmp/one-pass.out" "$mwdump" apply --threads 2 "$base" "$events" "$updated"
record one-pass
[[ -s "$updated" ]] || die "${CMD[one-pass]} exited 0 but wrote no $updated"
updated_bytes=$(stat -c %s "$updated")
echo "updated:  UPDATED.xml ($updated_bytes bytes) by ${CMD[one-pass]}: $WALL s, peak RSS $(rss_cell "$RSS" | cut -d' ' -f1) MB"
echo "          $(tail -n1 "$tmp/err")"
echo

out="$tmp/applied.xml.bz2"
out2="$tmp/recompressed.xml.bz2"
apply_stdout=""
apply_seconds=""
run() {
  local label="$1" s
  case "$label" in
    apply)
      rm -f "$out" "$tmp"/applied-index*
      to_file "$tmp/apply.out" "$mwdump" apply --threads 2 "$base" "$events" "$out" --force ;;
    recompress)
      rm -f "$out2" "$tmp"/recompressed-index*
      timed "$mwdump" recompress --multistream --threads 2 --force "$updated" "$out2" ;;
  esac
  record "$label"
  if [[ "$label" == apply ]]; then
    [[ -s "$out" ]] || die "${CMD[apply]} exited 0 but wrote no OUT.xml.bz2"
    s="$(grep -v '^seconds:' "$tmp/apply.out")"
    if [[ -z "$apply_stdout" ]]; then
      apply_stdout="$s"
      apply_summary="$(tail -n1 "$tmp/err")"
    elif [[ "$s" != "$apply_stdout" ]]; then
      echo "apply.sh: WARNING: apply's counts differ from round 1's: $(tr '\n' ' ' <<< "$s")" >&2
    fi
    apply_seconds+="$(sed -n 's/^seconds: //p' "$tmp/apply.out") "
  fi
}

echo "== $rounds rounds, each running both commands once, in turn (round r starts r-1 places later)"
in_rounds apply recompress
echo

echo "== results (IN: UPDATED.xml; wall seconds: median (fastest-slowest); MB/s of UPDATED.xml; peak RSS in MB)"
results_table "$updated_bytes" apply recompress
echo "apply's own seconds (its stdout): $(secs_cell "$apply_seconds")"
echo
echo "== ratio"
ratio_line "time, apply / recompress --multistream of the updated XML" apply recompress le 0.10
echo

count() { sed -n "s/^$1: //p" <<< "$apply_stdout"; }
copied=$(count "streams copied"); rewritten=$(count "streams rewritten"); decoded=$(count "xml bytes decoded")
[[ "$copied" =~ ^[0-9]+$ && "$rewritten" =~ ^[0-9]+$ && "$decoded" =~ ^[0-9]+$ ]] \
  || die "cannot read apply's stdout: $apply_stdout"
expected=$((G[header_xml_bytes] + G[changed_streams_xml_bytes]))
pct() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f %%", b ? 100 * a / b : 0}'; }
echo "== what apply did (its stdout and summary)"
echo "$apply_summary"
echo "streams copied:     $copied"
echo "streams rewritten:  $rewritten of $((copied + rewritten)) ($(pct "$rewritten" $((copied + rewritten)))); the events change pages in ${G[streams_changed]} of the base's ${G[streams]} streams"
echo "xml bytes decoded:  $decoded = $(pct "$decoded" "$updated_bytes") of UPDATED.xml's $updated_bytes bytes"
echo "changed streams:    ${G[changed_streams_xml_bytes]} bytes of the base's XML + ${G[header_xml_bytes]} of header = $expected ($(pct "$expected" "${G[base_xml_bytes]}") of the base's ${G[base_xml_bytes]}); decoded/that: $(ratio "$decoded" "$expected")"
echo

# ---- checks, once, outside the timings
status=0
check() {  # check TEXT COMMAND...: OK when COMMAND succeeds
  if "${@:2}"; then echo "  $1: OK"; else echo "  $1: FAIL"; status=1; fi
}
index_fits() {  # the index beside OUT: the base's pages in the same order, every offset at "BZh" of OUT
  local new="$tmp/applied-index.txt.bz2" off
  [[ -s "$new" ]] || { echo "  (no $(basename "$new") beside OUT)"; return 1; }
  cmp -s <(bzip2 -dc "$new" | cut -d: -f2-) <(bzip2 -dc "$index" | cut -d: -f2-) || return 1
  for off in $(bzip2 -dc "$new" | cut -d: -f1 | uniq); do
    [[ "$(tail -c +$((off + 1)) "$out" | head -c 3)" == BZh ]] || return 1
  done
}
echo "== checks (the output of the last round)"
check "OUT.xml.bz2 decodes (${decode[*]}) to UPDATED.xml, byte for byte" cmp -s <("${decode[@]}" "$out") "$updated"
check "OUT's index: the base's pages, each offset at a bz2 stream" index_fits
check "apply's counts: copied + rewritten = the base's streams" test $((copied + rewritten)) -eq "${G[streams]}"
if cmp -s "$out" "$out2"; then
  echo "  OUT.xml.bz2 and recompress's OUT2.xml.bz2: the same bytes"
else
  echo "  OUT.xml.bz2 and recompress's OUT2.xml.bz2: different bytes ($(stat -c %s "$out") and $(stat -c %s "$out2"))"
fi

if [[ "$(stat -c %Y "$root/dump-cli/target/mwdump.jar")" != "$jar_stamp" ]]; then
  echo
  echo "WARNING: dump-cli/target/mwdump.jar was rebuilt during this run; the figures mix two builds"
fi
exit "$status"
