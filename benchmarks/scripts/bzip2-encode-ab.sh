#!/usr/bin/env bash
# The bzip2 block encoder at a base revision against the working tree's, in one JVM, blocks alternating
# (see ab/Bzip2EncodeAb.java): for changes worth a few percent, which whole-process timings on a noisy
# machine cannot tell apart. Both versions must write the same bytes. The encoder's package
# (dump-writers' org.mwdump.write.bzip2) is copied twice under other package names and compiled with
# javac; a Probe class in each copy encodes one block.
# With BASE "threads", the working tree's encoder alone, on one thread and on two at once
# (ab/Bzip2EncodeThreads.java): what a block costs a thread's CPU when two threads encode together.
#
# Usage: benchmarks/scripts/bzip2-encode-ab.sh [BASE] [ROUNDS] [FILE]
#   BASE    a git revision (default HEAD), or threads
#   ROUNDS  default 12; the first two are left out of the summary
#   FILE    default benchmarks/data/corpus-remix-20MB.xml (parallel-convert.sh --prepare with
#           MWDUMP_BENCH_SIZE=20MB MWDUMP_BENCH_INPUTS=recipe makes it)
# Needs dump-model built (mvn -q -DskipTests install).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
base="${1:-HEAD}"
rounds="${2:-12}"
file="${3:-$root/benchmarks/data/corpus-remix-20MB.xml}"
pkg=dump-writers/src/main/java/org/mwdump/write/bzip2
die() { echo "bzip2-encode-ab.sh: $*" >&2; exit 1; }
[[ "$rounds" =~ ^[0-9]+$ ]] && (( rounds >= 3 )) || die "ROUNDS must be 3 or more"
[[ -s "$file" ]] || die "no input: $file"
model=$(ls "$root"/dump-model/target/dump-model-*.jar 2> /dev/null | grep -v -e sources -e javadoc | head -n1 || true)
[[ -n "$model" ]] || die "build first: mvn -q -DskipTests install"
mode=ab
if [[ "$base" == threads ]]; then mode=threads; base=HEAD; fi
git -C "$root" rev-parse --verify -q "$base^{commit}" > /dev/null || die "no such revision: $base"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/src/va" "$tmp/src/vb" "$tmp/classes"
for f in $(git -C "$root" ls-tree --name-only "$base" "$pkg/"); do
  git -C "$root" show "$base:$f" > "$tmp/src/va/$(basename "$f")"
done
cp "$root/$pkg"/*.java "$tmp/src/vb/"
for v in va vb; do
  rm -f "$tmp/src/$v/package-info.java"
  sed -i "s/^package org\.mwdump\.write\.bzip2;/package $v;/" "$tmp/src/$v"/*.java
  cat > "$tmp/src/$v/Probe.java" <<JAVA
package $v;

/** Encodes one block, as the stream's threads do, and returns its bits. */
public final class Probe {
    private final BlockEncoder encoder = new BlockEncoder();

    public byte[] encode(byte[] block, int n) {
        BitOutput out = new BitOutput(n / 2 + 64);
        encoder.encode(block, n, 0, out);
        int length = out.readyBytes(true);
        return java.util.Arrays.copyOf(out.buffer(), length);
    }
}
JAVA
done
javac -nowarn -d "$tmp/classes" -cp "$model" "$tmp"/src/va/*.java "$tmp"/src/vb/*.java \
  "$root/benchmarks/scripts/ab/Bzip2EncodeAb.java" "$root/benchmarks/scripts/ab/Bzip2EncodeThreads.java" \
  > "$tmp/javac.log" 2>&1 || { grep -v '^Note:' "$tmp/javac.log" >&2; die "javac failed"; }
echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC'); cpu: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
if git -C "$root" diff --quiet -- "$pkg"; then
  tree="the working tree (same as $(git -C "$root" rev-parse --short HEAD))"
else
  tree="the working tree"
fi
if [[ "$mode" == threads ]]; then
  echo "encoder: $tree; input: $file"
  java -cp "$tmp/classes:$model" Bzip2EncodeThreads "$rounds" "$file"
else
  echo "base: $(git -C "$root" rev-parse --short "$base"); change: $tree; input: $file"
  java -cp "$tmp/classes:$model" Bzip2EncodeAb "$rounds" "$file"
fi
