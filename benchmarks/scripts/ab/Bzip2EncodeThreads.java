import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What a block costs the encoder's thread when another thread encodes at the same time: rounds alternate
 * between one thread encoding every block of the input and two threads taking every other block, each
 * with its own {@code vb.Probe} (a copy of the encoder's package that {@code bzip2-encode-ab.sh threads} compiles),
 * and report the CPU time per block of the encoding threads (their own time on a core, so not the time
 * they wait for one). Prints the median and range over the rounds after the first two (compilation) of
 * each, and of their ratio round by round.
 *
 * <p>Usage: {@code Bzip2EncodeThreads ROUNDS FILE} (blocks of 899,981 bytes taken from the file).
 */
public final class Bzip2EncodeThreads {
    private Bzip2EncodeThreads() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        byte[] data = Files.readAllBytes(Path.of(args[1]));
        int n = 899_981;
        int blocks = data.length / n;
        if (rounds < 3 || blocks < 2) {
            throw new IllegalArgumentException("needs at least 3 rounds and a file of two blocks or more");
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ThreadLocal<vb.Probe> probes = ThreadLocal.withInitial(vb.Probe::new);
        double[][] perBlock = new double[2][rounds];
        try {
            for (int r = 0; r < rounds; r++) {
                for (int z = 0; z < 2; z++) {
                    int threads = ((r + z) & 1) + 1;
                    List<Future<long[]>> parts = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        int first = t;
                        parts.add(pool.submit(() -> {
                            byte[] block = new byte[n];
                            long cpu = mx.getCurrentThreadCpuTime();
                            long count = 0;
                            for (int k = first; k < blocks; k += threads) {
                                System.arraycopy(data, k * n, block, 0, n);
                                probes.get().encode(block, n);
                                count++;
                            }
                            return new long[] {mx.getCurrentThreadCpuTime() - cpu, count};
                        }));
                    }
                    long cpu = 0;
                    long count = 0;
                    for (Future<long[]> part : parts) {
                        long[] c = part.get();
                        cpu += c[0];
                        count += c[1];
                    }
                    perBlock[threads - 1][r] = cpu / 1e6 / count;
                }
                System.out.printf(Locale.ROOT, "round %2d: CPU per block, 1 thread %.1f ms, 2 threads %.1f ms%n",
                        r + 1, perBlock[0][r], perBlock[1][r]);
            }
        } finally {
            pool.shutdown();
        }
        double[] one = Arrays.copyOfRange(perBlock[0], 2, rounds);
        double[] two = Arrays.copyOfRange(perBlock[1], 2, rounds);
        double[] ratio = new double[rounds - 2];
        for (int i = 0; i < ratio.length; i++) {
            ratio[i] = two[i] / one[i];
        }
        System.out.printf(Locale.ROOT, "CPU per block over rounds 3-%d: 1 thread %s ms, 2 threads %s ms; 2 threads / 1 thread %s%n",
                rounds, summary(one, "%.1f"), summary(two, "%.1f"), summary(ratio, "%.3f"));
    }

    private static String summary(double[] v, String format) {
        double[] s = v.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")", s[s.length / 2], s[0], s[s.length - 1]);
    }
}
