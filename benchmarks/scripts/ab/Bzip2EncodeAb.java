import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Compares two versions of mwdump's bzip2 block encoder in one JVM: {@code va.Probe} (the base) and
 * {@code vb.Probe} (the change), copies of the encoder's package that bzip2-encode-ab.sh compiles. Every
 * block of the input is encoded by both, one right after the other, the first alternating from block
 * to block, so that a slow spell of a noisy machine falls on both alike; the outputs must be equal.
 * Prints each round's total seconds per version and their ratio, then the median and range of the
 * ratio over the rounds after the first two (compilation).
 *
 * <p>Usage: {@code Bzip2EncodeAb ROUNDS FILE} (blocks of 899,981 bytes, the largest a level-9 block
 * holds before the run-length stage, taken from the file without that stage).
 */
public final class Bzip2EncodeAb {
    private Bzip2EncodeAb() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        byte[] data = Files.readAllBytes(Path.of(args[1]));
        int n = 899_981;
        int blocks = data.length / n;
        if (rounds < 3 || blocks < 1) {
            throw new IllegalArgumentException("needs at least 3 rounds and a file of a block or more");
        }
        va.Probe a = new va.Probe();
        vb.Probe b = new vb.Probe();
        byte[] block = new byte[n];
        long[] ta = new long[rounds];
        long[] tb = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < blocks; k++) {
                System.arraycopy(data, k * n, block, 0, n);
                boolean aFirst = ((r + k) & 1) == 0;
                byte[] outA = null;
                byte[] outB = null;
                for (int z = 0; z < 2; z++) {
                    boolean isA = aFirst == (z == 0);
                    long t0 = System.nanoTime();
                    byte[] out = isA ? a.encode(block, n) : b.encode(block, n);
                    long dt = System.nanoTime() - t0;
                    if (isA) {
                        ta[r] += dt;
                        outA = out;
                    } else {
                        tb[r] += dt;
                        outB = out;
                    }
                }
                if (!Arrays.equals(outA, outB)) {
                    throw new AssertionError("the versions encode block " + k + " differently");
                }
            }
            System.out.printf(Locale.ROOT, "round %2d: base %.3f s  change %.3f s  change/base %.4f%n",
                    r + 1, ta[r] / 1e9, tb[r] / 1e9, (double) tb[r] / ta[r]);
        }
        double[] q = new double[rounds - 2];
        for (int r = 2; r < rounds; r++) {
            q[r - 2] = (double) tb[r] / ta[r];
        }
        Arrays.sort(q);
        System.out.printf(Locale.ROOT, "time per block, change/base: median %.4f (range %.4f-%.4f) over rounds 3-%d"
                + " of %d blocks each%n", q[q.length / 2], q[0], q[q.length - 1], rounds, blocks);
    }
}
