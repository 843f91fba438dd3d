package org.mwdump.benchmarks.write;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mwdump.Compression;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.WriteOptions;
import org.mwdump.index.ParallelDumps;

/**
 * Conversion speed once the JIT has compiled the code: converts one dump to RevDoc (discarded) again
 * and again in one JVM, taking in turn {@link Dumps#copy} on the calling thread and
 * {@link ParallelDumps#copy} on 2 threads, and prints each pass and, over the passes after the first
 * round (warm-up), the median and range of MB/s and of process CPU seconds per pass.
 *
 * <p>Usage: {@code WarmConvertBench FILE [ROUNDS] [THREADS]} (defaults 6 rounds, 2 threads).
 */
public final class WarmConvertBench {
    private WarmConvertBench() {
    }

    public static void main(String[] args) {
        Path in = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long size;
        try {
            size = Files.size(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String[] names = {"one thread (Dumps.copy)", threads + " threads (ParallelDumps.copy)"};
        List<List<double[]>> results = List.of(new ArrayList<>(), new ArrayList<>());
        for (int round = 1; round <= rounds; round++) {
            for (int k = 0; k < 2; k++) {
                int which = (round + k) % 2;
                DumpWriter out = Dumps.create(OutputStream.nullOutputStream(), DumpFormat.REVDOC,
                        WriteOptions.builder().compression(Compression.NONE).build());
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                if (which == 0) {
                    try (DumpReader r = Dumps.open(in)) {
                        Dumps.copy(r, out);
                    }
                } else {
                    ParallelDumps.copy(in, out, threads);
                }
                out.finish();
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                System.out.printf(Locale.ROOT, "round %d  %-32s %6.2f s  %6.1f MB/s  process CPU %6.2f s%n", round,
                        names[which], seconds, size / 1e6 / seconds, cpu);
                if (round > 1) {
                    results.get(which).add(new double[] {size / 1e6 / seconds, cpu});
                }
            }
        }
        if (rounds < 2) {
            return;
        }
        System.out.printf(Locale.ROOT, "%nafter the first round (%d passes each): median (min-max)%n", rounds - 1);
        double[] medians = new double[2];
        for (int k = 0; k < 2; k++) {
            double[] mbs = results.get(k).stream().mapToDouble(r -> r[0]).sorted().toArray();
            double[] cpu = results.get(k).stream().mapToDouble(r -> r[1]).sorted().toArray();
            medians[k] = median(mbs);
            System.out.printf(Locale.ROOT, "  %-32s %6.1f MB/s (%.1f-%.1f)   process CPU %.2f s (%.2f-%.2f)%n", names[k],
                    median(mbs), mbs[0], mbs[mbs.length - 1], median(cpu), cpu[0], cpu[cpu.length - 1]);
        }
        System.out.printf(Locale.ROOT, "  speed-up (ratio of median MB/s): %.2f%n", medians[1] / medians[0]);
    }

    private static double median(double[] sorted) {
        double[] s = Arrays.copyOf(sorted, sorted.length);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
