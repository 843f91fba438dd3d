package org.mwdump.benchmarks.access;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.mwdump.DumpReader;
import org.mwdump.benchmarks.SyntheticDump;
import org.mwdump.index.IndexEntry;
import org.mwdump.index.IndexedDump;
import org.mwdump.index.MultistreamIndex;
import org.mwdump.index.PageIndex;
import org.mwdump.index.ParallelDumps;
import org.mwdump.write.layout.Recompressor;

/**
 * Random access and parallel reading, measured on a synthetic dump:
 * <ol>
 *   <li>{@code layouts DIR SIZE}: generates a dump of SIZE bytes of XML (articles mode), writes it as
 *       multistream bz2 and as seekable zstd (and, with bzip2 -9, as a single stream), then for each layout
 *       times the index open and, in rounds that take the layouts in turn ({@code -Drounds=3}), 10,000
 *       lookups of random titles (p50, p99 of each round, and their medians);</li>
 *   <li>{@code read FILE THREADS}: reads a whole multistream dump with {@link ParallelDumps} and prints
 *       seconds (the shell script times the native tools on the same file);</li>
 *   <li>{@code pageindex N DIR}: builds a page index of N synthetic pages and reports build time, size
 *       on disk, open time and heap used.</li>
 * </ol>
 */
public final class RandomAccessBench {
    private RandomAccessBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "layouts" -> layouts(Path.of(args[1]), parseSize(args[2]));
            case "read" -> read(Path.of(args[1]), Integer.parseInt(args[2]));
            case "pageindex" -> pageIndex(Long.parseLong(args[1]), Path.of(args[2]));
            default -> {
                System.err.println("usage: RandomAccessBench layouts DIR SIZE | read FILE THREADS | pageindex N DIR");
                System.exit(2);
            }
        }
    }

    static long parseSize(String s) {
        String u = s.toUpperCase(Locale.ROOT);
        long mult = u.endsWith("GB") ? 1_000_000_000L : u.endsWith("MB") ? 1_000_000L : 1;
        return Long.parseLong(u.replaceAll("[A-Z]", "")) * mult;
    }

    static void layouts(Path dir, long size) throws IOException {
        Files.createDirectories(dir);
        Path xml = dir.resolve("synthetic-articles-" + size + ".xml");
        if (!Files.exists(xml)) {
            long t = System.nanoTime();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(xml), 1 << 20)) {
                SyntheticDump.builder().seed(7).mode(SyntheticDump.Mode.ARTICLES).targetBytes(size).build().write(out);
            }
            System.out.printf("generated %s (%,d bytes) in %.1f s%n", xml.getFileName(), Files.size(xml), secs(t));
        }
        int threads = Runtime.getRuntime().availableProcessors();
        Path single = dir.resolve("synthetic-singlestream.xml.bz2");
        if (!Files.exists(single)) {
            long t = System.nanoTime();
            Process p = new ProcessBuilder("bzip2", "-9", "-c", xml.toString()).redirectOutput(single.toFile()).start();
            try {
                if (p.waitFor() != 0) {
                    throw new IOException("bzip2 failed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            System.out.printf("SINGLE_STREAM_BZIP2: wrote %s (%,d bytes) with bzip2 -9 in %.1f s%n", single.getFileName(),
                    Files.size(single), secs(t));
        }
        List<String> names = new ArrayList<>();
        List<IndexedDump> dumps = new ArrayList<>();
        List<List<IndexEntry>> titles = new ArrayList<>();
        for (String name : new String[] {"BZIP2_MULTISTREAM", "SEEKABLE_ZSTD", "SINGLE_STREAM_BZIP2"}) {
            boolean zstd = name.equals("SEEKABLE_ZSTD");
            boolean singleStream = name.equals("SINGLE_STREAM_BZIP2");
            Recompressor.Layout layout = zstd ? Recompressor.Layout.SEEKABLE_ZSTD : Recompressor.Layout.BZIP2_MULTISTREAM;
            Path dump = singleStream ? single : dir.resolve(zstd ? "synthetic.xml.zst" : "synthetic-multistream.xml.bz2");
            Path index = dir.resolve(zstd ? "synthetic-index.txt.zst" : "synthetic-multistream-index.txt.bz2");
            if (!Files.exists(dump)) {
                long t = System.nanoTime();
                try (InputStream in = Files.newInputStream(xml)) {
                    new Recompressor(layout, 100, threads).recompress(in, dump, index);
                }
                System.out.printf("%s: wrote %s (%,d bytes) on %d threads in %.1f s%n", layout, dump.getFileName(),
                        Files.size(dump), threads, secs(t));
            }
            Files.deleteIfExists(IndexedDump.pageIndexOf(dump));
            Files.deleteIfExists(org.mwdump.index.BlockIndex.of(dump));
            long t = System.nanoTime();
            try (IndexedDump d = IndexedDump.open(dump)) {
                System.out.printf("%s: page index built %s in %.2f s (%,d pages)%n", name,
                        singleStream ? "with the block index, decoding on all cores," : "from the index file", secs(t),
                        d.size());
            }
            t = System.nanoTime();
            IndexedDump opened = IndexedDump.open(dump);
            double openMs = (System.nanoTime() - t) / 1e6;
            System.out.printf("%s: index open %.1f ms%n", name, openMs);
            names.add(name);
            dumps.add(opened);
            titles.add(MultistreamIndex.read(index));
        }
        // Rounds go through the layouts in turn, so that a noisy spell of the machine does not fall on one
        // layout only; each round looks up 10,000 random titles per layout, and the summary is the median
        // of the rounds' percentiles.
        int rounds = Integer.getInteger("rounds", 3);
        double[][] p50 = new double[names.size()][rounds];
        double[][] p99 = new double[names.size()][rounds];
        try {
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < names.size(); k++) {
                    List<IndexEntry> entries = titles.get(k);
                    SplittableRandom random = new SplittableRandom(42 + round);
                    long[] nanos = new long[10_000];
                    int found = 0;
                    for (int i = 0; i < nanos.length; i++) {
                        String title = entries.get(random.nextInt(entries.size())).title();
                        long s = System.nanoTime();
                        found += dumps.get(k).byTitle(title).isPresent() ? 1 : 0;
                        nanos[i] = System.nanoTime() - s;
                    }
                    Arrays.sort(nanos);
                    p50[k][round] = nanos[nanos.length / 2] / 1e6;
                    p99[k][round] = nanos[nanos.length * 99 / 100] / 1e6;
                    System.out.printf("round %d, %s: 10,000 random titles (%d found): p50 %.2f ms, p99 %.2f ms, "
                            + "max %.1f ms%n", round + 1, names.get(k), found, p50[k][round], p99[k][round],
                            nanos[nanos.length - 1] / 1e6);
                }
            }
        } finally {
            for (IndexedDump d : dumps) {
                d.close();
            }
        }
        for (int k = 0; k < names.size(); k++) {
            StringBuilder each = new StringBuilder();
            for (double v : p50[k]) {
                each.append(each.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", v));
            }
            System.out.printf("%s: median of %d rounds: p50 %.2f ms, p99 %.2f ms (p50 of each round: %s)%n",
                    names.get(k), rounds, median(p50[k]), median(p99[k]), each);
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static void read(Path dump, int threads) throws IOException {
        long t = System.nanoTime();
        long revisions;
        try (DumpReader r = ParallelDumps.open(dump, threads)) {
            revisions = r.revisions().stream().count();
        }
        System.out.printf(Locale.ROOT, "mwdump %d threads: %d revisions in %.2f s%n", threads, revisions, secs(t));
    }

    static void pageIndex(long n, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("pages-" + n + ".mwpidx");
        System.gc();
        long t = System.nanoTime();
        PageIndex.Builder b = new PageIndex.Builder();
        SplittableRandom random = new SplittableRandom(1);
        long offset = 0;
        for (long i = 0; i < n; i++) {
            if (i % 100 == 0) {
                offset += 100_000 + random.nextInt(400_000);
            }
            b.add(i * 3 + 10, offset, "Synthetic page title number " + i);
        }
        b.write(file);
        System.out.printf("page index of %,d pages: built in %.1f s, %,d bytes on disk%n", n, secs(t), Files.size(file));
        b = null;
        System.gc();
        long heapBefore = usedHeap();
        t = System.nanoTime();
        PageIndex index = PageIndex.open(file);
        double openMs = (System.nanoTime() - t) / 1e6;
        System.gc();
        long heapAfter = usedHeap();
        long[] probe = new long[1000];
        t = System.nanoTime();
        for (int i = 0; i < probe.length; i++) {
            probe[i] = index.position((random.nextLong(n)) * 3 + 10);
        }
        System.out.printf("open %.2f ms, heap used by the open index %,d bytes, 1,000 id lookups in %.2f ms (%d misses)%n",
                openMs, Math.max(0, heapAfter - heapBefore), (System.nanoTime() - t) / 1e6,
                Arrays.stream(probe).filter(p -> p < 0).count());
        List<Object> keep = new ArrayList<>();
        keep.add(index);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
