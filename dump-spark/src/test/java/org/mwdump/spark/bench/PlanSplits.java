package org.mwdump.spark.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.mwdump.write.bzip2.Bzip2OutputStream;

/**
 * Partition planning for a large multistream dump without writing the dump: a sparse file of the given
 * size whose first bytes are a real header stream, and beside it a Wikimedia-style index of streams of
 * 100 pages every {@code streamBytes} bytes. Times {@code spark.read.format("mwdump").load(file)} until
 * its partitions are known (the index is read, the dump is not), and prints the number of partitions,
 * the spread of their compressed sizes (largest / median) and the planning time.
 *
 * <p>Usage: {@code PlanSplits DIR SIZE_BYTES [STREAM_BYTES] [ROUNDS]}.
 */
public final class PlanSplits {
    private PlanSplits() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        long size = Long.parseLong(args[1]);
        long streamBytes = args.length > 2 ? Long.parseLong(args[2]) : 730_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Files.createDirectories(dir);
        Path dump = dir.resolve("synthetic-pages-articles-multistream.xml.bz2");
        Path index = dir.resolve("synthetic-pages-articles-multistream-index.txt.bz2");
        long t0 = System.nanoTime();
        long streams = make(dump, index, size, streamBytes);
        System.out.printf("made a sparse %,d-byte dump with an index of %,d streams (%,d pages) in %.1f s%n", size,
                streams, streams * 100, (System.nanoTime() - t0) / 1e9);
        SparkSession spark = SparkSession.builder().master("local[2]").appName("plan")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            List<Double> times = new ArrayList<>();
            int partitions = 0;
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                partitions = spark.read().format("mwdump").load(dump.toString()).rdd().getNumPartitions();
                times.add((System.nanoTime() - start) / 1e6);
            }
            List<Double> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            List<Long> lengths = new ArrayList<>();
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dump);
                 java.io.InputStream in = org.mwdump.Dumps.decompress(Files.newInputStream(index), index)) {
                long target = org.apache.spark.network.util.JavaUtils.byteStringAsBytes(
                        spark.conf().get("spark.sql.files.maxPartitionBytes", "128m"));
                for (org.mwdump.index.DumpSplits.Split s : org.mwdump.index.DumpSplits.plan(ch, dump.toString(),
                        target, org.mwdump.index.DumpSplits.streamOffsets(in, index.toString()))) {
                    lengths.add(s.length());
                }
            }
            List<Long> bySize = new ArrayList<>(lengths);
            Collections.sort(bySize);
            long median = bySize.get(bySize.size() / 2);
            System.out.printf("partitions: %d (Spark) / %d (DumpSplits), compressed sizes %,d to %,d bytes, "
                    + "median %,d, largest/median %.3f%n", partitions, lengths.size(), bySize.get(0),
                    bySize.get(bySize.size() - 1), median, bySize.get(bySize.size() - 1) / (double) median);
            System.out.printf("planning: median %.0f ms (%.0f-%.0f ms) of %d rounds, first %.0f ms%n",
                    sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), rounds, times.get(0));
        } finally {
            spark.stop();
        }
    }

    /** Writes the sparse dump and its index; returns the number of page streams. */
    private static long make(Path dump, Path index, long size, long streamBytes) throws IOException {
        byte[] header = ("<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" version=\"0.11\" "
                + "xml:lang=\"en\">\n  <siteinfo>\n    <sitename>Synthetic</sitename>\n    <dbname>synthwiki</dbname>\n"
                + "  </siteinfo>\n").getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream first = new java.io.ByteArrayOutputStream();
        try (OutputStream bz = new Bzip2OutputStream(first)) {
            bz.write(header);
        }
        try (RandomAccessFile f = new RandomAccessFile(dump.toFile(), "rw")) {
            f.setLength(0);
            f.write(first.toByteArray());
            f.setLength(size);
        }
        long streams = 0;
        long page = 1;
        try (OutputStream out = new Bzip2OutputStream(Files.newOutputStream(index), 9, 2)) {
            StringBuilder sb = new StringBuilder();
            for (long offset = first.size(); offset + streamBytes <= size; offset += streamBytes) {
                streams++;
                for (int i = 0; i < 100; i++, page++) {
                    sb.append(offset).append(':').append(page).append(":Page ").append(page).append('\n');
                }
                if (sb.length() > 1 << 20) {
                    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                    sb.setLength(0);
                }
            }
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        return streams;
    }
}
