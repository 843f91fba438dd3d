package org.mwdump.parquet;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.model.LogItem;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;

/**
 * Converts a dump to Parquet and prints what it took: used by {@code benchmarks/scripts/}.
 *
 * <pre>
 * ParquetConvertMain IN OUT.parquet [--codec zstd|snappy|gzip|uncompressed] [--level N]
 *                    [--row-group-mb N] [--repeat N] [--read-only]
 * </pre>
 * {@code --repeat N} reads the input N times into one output (a larger file from a small dump);
 * {@code --read-only} only reads, to measure the reader's share of the time.
 */
public final class ParquetConvertMain {
    private ParquetConvertMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ParquetConvertMain IN OUT.parquet [--codec C] [--level N] [--row-group-mb N]"
                    + " [--repeat N] [--read-only]");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        ParquetOptions.Builder options = ParquetOptions.builder();
        int repeat = 1;
        boolean readOnly = false;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--codec" -> options.codec(ParquetOptions.Codec.valueOf(args[++i].toUpperCase(Locale.ROOT)));
                case "--level" -> options.compressionLevel(Integer.parseInt(args[++i]));
                case "--row-group-mb" -> options.rowGroupBytes(Long.parseLong(args[++i]) << 20);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--read-only" -> readOnly = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        // CPU time of this thread as well as wall time: on a shared machine the wall time says little
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long revisions = 0;
        ParquetDumpWriter writer = readOnly ? null
                : ParquetDumpWriter.builder(new BufferedOutputStream(Files.newOutputStream(out), 1 << 16))
                        .options(options.build()).build();
        for (int pass = 0; pass < repeat; pass++) {
            try (DumpReader reader = Dumps.open(in)) {
                if (writer != null && pass == 0) {
                    writer.writeSiteInfo(reader.siteInfo());
                }
                for (Page page = reader.nextPage(); page != null; page = reader.nextPage()) {
                    for (PageEntry e = reader.nextEntry(); e != null; e = reader.nextEntry()) {
                        if (writer != null) {
                            writer.write(e);
                        }
                        revisions++;
                    }
                }
                for (LogItem item = reader.nextLogItem(); item != null; item = reader.nextLogItem()) {
                    if (writer != null) {
                        writer.writeLogItem(item);
                    }
                }
            }
        }
        if (writer != null) {
            writer.finish();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long inBytes = Files.size(in) * repeat;
        System.out.printf(Locale.ROOT, "%s: %d revisions, %.2f s wall, %.2f s cpu, %.1f MB/s of input per cpu second"
                        + " (%d bytes read)%s%n",
                readOnly ? "read" : "xml->parquet", revisions, seconds, cpu, inBytes / cpu / 1e6, inBytes,
                readOnly ? "" : String.format(Locale.ROOT, ", output %d bytes", Files.size(out)));
    }
}
