package org.mwdump.benchmarks.bzip2;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.mwdump.read.bzip2.Bzip2InputStream;

/**
 * Single-threaded decompression throughput of a .bz2 file: mwdump's {@link Bzip2InputStream} against
 * Commons Compress {@link BZip2CompressorInputStream} (multi-stream mode). The compressed file is read
 * into memory first, so only decoding is timed; output goes to a discarding sink through 64 KiB reads.
 *
 * <p>Usage: {@code Bzip2DecodeBench FILE.bz2 [rounds] [mwdump|commons|both]}. Each implementation gets
 * one untimed warm-up round, then {@code rounds} timed rounds (default 3); prints MB/s of decompressed
 * output (10^6 bytes per second) per round and the median, and a final line
 * {@code RESULT <impl> <median MB/s wall> <median MB/s cpu> <output bytes> <slowest> <fastest MB/s wall>}
 * for scripts. The CPU figure
 * divides by the process's CPU time (all JVM threads, so JIT and GC count), which is steadier than
 * wall-clock time on a busy machine.
 */
public final class Bzip2DecodeBench {
    private Bzip2DecodeBench() {
    }

    private interface Decoder {
        InputStream open(InputStream compressed) throws IOException;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: Bzip2DecodeBench FILE.bz2 [rounds] [mwdump|commons|both]");
            System.exit(2);
        }
        byte[] compressed = Files.readAllBytes(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String which = args.length > 2 ? args[2] : "both";
        System.out.printf(Locale.ROOT, "%s: %,d compressed bytes, %d rounds%n", args[0], compressed.length, rounds);
        if (which.equals("mwdump") || which.equals("both")) {
            run("mwdump", Bzip2InputStream::new, compressed, rounds);
        }
        if (which.equals("commons") || which.equals("both")) {
            run("commons-compress", in -> new BZip2CompressorInputStream(in, true), compressed, rounds);
        }
    }

    private static void run(String name, Decoder decoder, byte[] compressed, int rounds) throws IOException {
        byte[] sink = new byte[64 * 1024];
        long size = decodeOnce(decoder, compressed, sink);
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            long n = decodeOnce(decoder, compressed, sink);
            long t1 = System.nanoTime();
            long c1 = processCpuNanos();
            if (n != size) {
                throw new IllegalStateException(name + ": decoded " + n + " bytes, first round " + size);
            }
            wall[r] = n / 1e6 / ((t1 - t0) / 1e9);
            cpu[r] = c1 > c0 ? n / 1e6 / ((c1 - c0) / 1e9) : Double.NaN;
            System.out.printf(Locale.ROOT, "%-17s round %d: %8.1f MB/s wall (%.2f s), %8.1f MB/s cpu%n", name, r + 1,
                    wall[r], (t1 - t0) / 1e9, cpu[r]);
        }
        double mw = median(wall);
        double mc = median(cpu);
        System.out.printf(Locale.ROOT, "%-17s median: %8.1f MB/s wall, %8.1f MB/s cpu (%,d bytes of output)%n", name,
                mw, mc, size);
        double[] sorted = wall.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "RESULT %s %.2f %.2f %d %.2f %.2f%n", name, mw, mc, size, sorted[0],
                sorted[sorted.length - 1]);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static long decodeOnce(Decoder decoder, byte[] compressed, byte[] sink) throws IOException {
        long total = 0;
        try (InputStream in = decoder.open(new ByteArrayInputStream(compressed))) {
            int n;
            while ((n = in.read(sink, 0, sink.length)) >= 0) {
                total += n;
            }
        }
        return total;
    }
}
