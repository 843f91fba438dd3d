#!/usr/bin/env bash
# Converts a dump to Parquet with mwdump, then checks with DuckDB that count(*), sum(revision_size)
# and the main-slot text of one revision equal what the source XML says (read by Python's own
# ElementTree, independently of mwdump).
#
# usage: benchmarks/scripts/parquet-duckdb-check.sh [DUMP.xml[.bz2|.gz|.7z]] [REVISION_ID]
#        (default: the corpus's aawiki pages-meta-history, and its 100th revision)
# env:   DUCKDB_NODE_DIR  where @duckdb/node-api is (installed there with npm if missing)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dump=${1:-$root/../shared/corpus/aawiki-20260101/aawiki-20260101-pages-meta-history.xml.7z}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
duck=${DUCKDB_NODE_DIR:-${TMPDIR:-/tmp}/mwdump-duckdb}

if [ ! -d "$duck/node_modules/@duckdb/node-api" ]; then
  mkdir -p "$duck"
  (cd "$duck" && npm init -y >/dev/null && npm install --silent @duckdb/node-api)
fi

# expected values straight from the XML
python3 - "$dump" "${2:-}" > "$work/expected.json" <<'PY'
import bz2, gzip, hashlib, json, subprocess, sys, xml.etree.ElementTree as ET
path, wanted = sys.argv[1], sys.argv[2]
if path.endswith('.7z'):
    opener = lambda p, mode: subprocess.Popen(['7z', 'e', '-so', p], stdout=subprocess.PIPE,
                                              stderr=subprocess.DEVNULL).stdout
else:
    opener = bz2.open if path.endswith('.bz2') else gzip.open if path.endswith('.gz') else open
revisions, total, pick = 0, None, None
with opener(path, 'rb') as f:
    for _, el in ET.iterparse(f):
        if el.tag.rsplit('}', 1)[-1] != 'revision':
            continue
        revisions += 1
        rev_id, text = None, None
        for child in el:
            tag = child.tag.rsplit('}', 1)[-1]
            if tag == 'id':
                rev_id = int(child.text)
            elif tag in ('text', 'content'):
                t = child if tag == 'text' else next((c for c in child if c.tag.endswith('}text')), None)
                if t is not None and t.get('bytes') is not None:
                    total = (total or 0) + int(t.get('bytes'))
                if tag == 'text':
                    text = t.text or ''
        if pick is None and (not wanted and revisions == 100 or str(rev_id) == wanted):
            pick = (rev_id, text)
        el.clear()
body = pick[1].encode('utf-8')
print(json.dumps({'revisions': revisions, 'sum_bytes': total, 'revision_id': pick[0],
                  'body_length': len(body), 'body_sha1': hashlib.sha1(body).hexdigest()}))
PY

cd "$root"
mvn -q -pl dump-parquet -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null
cp="$root/dump-parquet/target/test-classes:$root/dump-parquet/target/classes:$(cat "$work/cp.txt")"
java -cp "$cp" org.mwdump.parquet.ParquetConvertMain "$dump" "$work/out.parquet" 2>/dev/null
echo "parquet file: $(stat -c %s "$work/out.parquet") bytes"
# an ES module finds its packages next to itself, so the check runs from the DuckDB directory
cp "$here/parquet-duckdb-check.mjs" "$duck/check.mjs"
node "$duck/check.mjs" "$work/out.parquet" "$work/expected.json"
