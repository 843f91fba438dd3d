package org.mwdump.read.bzip2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mwdump.testing.Tools;

/** Deterministic test inputs, external compressors and small helpers shared by the bzip2 tests. */
final class Bzip2TestData {
    /** The 14-byte empty stream that ends every Wikipedia multistream file. */
    static final byte[] EMPTY_STREAM = {0x42, 0x5A, 0x68, 0x39, 0x17, 0x72, 0x45, 0x38, 0x50, (byte) 0x90, 0, 0, 0, 0};

    private Bzip2TestData() {
    }

    /** Wiki-like text: Zipf-ish words, markup, numbers, newlines. */
    static byte[] text(int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] vocab = new String[2000];
        for (int i = 0; i < vocab.length; i++) {
            int len = 1 + r.nextInt(10);
            StringBuilder w = new StringBuilder();
            for (int k = 0; k < len; k++) {
                w.append((char) ('a' + r.nextInt(26)));
            }
            vocab[i] = w.toString();
        }
        String[] markup = {"[[", "]]", "{{", "}}", "'''", "==", "\n", "<ref>", "</ref>", "&amp;", "|", "* ",
            "\u03b1\u03b2\u03b3", "\u00e9t\u00e9"};
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 64);
        StringBuilder sb = new StringBuilder();
        while (out.size() < size) {
            sb.setLength(0);
            for (int k = 0; k < 200; k++) {
                double u = r.nextDouble();
                int idx = (int) (vocab.length * u * u * u);
                sb.append(vocab[idx]);
                int m = r.nextInt(20);
                if (m == 0) {
                    sb.append(markup[r.nextInt(markup.length)]);
                } else if (m == 1) {
                    sb.append(r.nextInt(100000));
                } else if (m == 2) {
                    sb.append(". ");
                } else {
                    sb.append(' ');
                }
            }
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            out.write(b, 0, b.length);
        }
        byte[] all = out.toByteArray();
        return java.util.Arrays.copyOf(all, size);
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    /**
     * Runs of equal bytes at and around the initial run-length coding's edges (4 bytes plus a count of
     * 0..255), of every byte value, plus long random runs so that runs cross block boundaries.
     */
    static byte[] runs(long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] lens = {1, 2, 3, 4, 5, 6, 7, 8, 254, 255, 256, 257, 258, 259, 260, 261, 262, 263, 518, 519, 1000};
        int v = 0;
        for (int len : lens) {
            for (int rep = 0; rep < 3; rep++) {
                for (int i = 0; i < len; i++) {
                    out.write(v);
                }
                v = (v + 37) & 0xFF;
                // The same byte right after a run must start a new run.
                for (int i = 0; i < len; i++) {
                    out.write(v);
                }
                out.write(v ^ 1);
                v = (v + 11) & 0xFF;
            }
        }
        SplittableRandom r = new SplittableRandom(seed);
        while (out.size() < 1_500_000) {
            int len = r.nextInt(8) == 0 ? r.nextInt(5000) : 1 + r.nextInt(300);
            int b = r.nextInt(4) == 0 ? r.nextInt(256) : 'a' + r.nextInt(3);
            for (int i = 0; i < len; i++) {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /** Every byte value, in order, shuffled, and as pairs. */
    static byte[] allByteValues(long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 256; i++) {
            out.write(i);
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int rep = 0; rep < 200; rep++) {
            int[] perm = new int[256];
            for (int i = 0; i < 256; i++) {
                perm[i] = i;
            }
            for (int i = 255; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            for (int i = 0; i < 256; i++) {
                out.write(perm[i]);
                out.write(perm[(i + rep) & 0xFF]);
            }
        }
        return out.toByteArray();
    }

    /** Compresses with an external program, which reads stdin and writes stdout (e.g. "bzip2 -9 -c"). */
    static byte[] compress(Path tmp, byte[] data, String... command) {
        try {
            Path src = Files.createTempFile(tmp, "in", ".dat");
            Path dst = Files.createTempFile(tmp, "out", ".bz2");
            Files.write(src, data);
            run(src, dst, command);
            byte[] result = Files.readAllBytes(dst);
            Files.delete(src);
            Files.delete(dst);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decompresses a file with the system's {@code bzip2 -dc}. */
    static byte[] bzip2Decompress(Path tmp, Path file) {
        try {
            Path dst = Files.createTempFile(tmp, "ref", ".out");
            run(file, dst, "bzip2", "-dc");
            byte[] result = Files.readAllBytes(dst);
            Files.delete(dst);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs an external program; skips the calling test when it is not installed (see {@link Tools}). */
    private static void run(Path stdin, Path stdout, String... command) throws IOException {
        Tools.require(command[0]);
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectInput(stdin.toFile()).redirectOutput(stdout.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            fail("cannot run " + cmd + ": " + e.getMessage());
            return;
        }
        try {
            assertEquals(0, p.waitFor(), "exit status of " + cmd);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Decodes with {@link Bzip2InputStream}, reading in 64 KiB chunks. */
    static byte[] decode(byte[] compressed) throws IOException {
        return decode(new ByteArrayInputStream(compressed));
    }

    static byte[] decode(InputStream compressed) throws IOException {
        try (InputStream in = new Bzip2InputStream(compressed)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf, 0, buf.length)) >= 0) {
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    /** An input stream that hands out at most {@code max} bytes per read, to exercise refilling. */
    static InputStream trickle(byte[] data, int max) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, max));
            }
        };
    }
}
