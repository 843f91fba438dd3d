package org.mwdump.write.bzip2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mwdump.Dumps;
import org.mwdump.testing.Corpus;
import org.mwdump.testing.Tools;

/**
 * The encoder against the {@code bzip2} command (libbzip2 1.0): the same bytes at levels 1, 5 and 9, on
 * one and on four threads, for the corpus and for inputs made to reach the encoder's corners. Where the
 * command is missing, the round trip through an independent decoder (Commons Compress) still runs.
 */
class Bzip2OutputStreamTest {
    private static final int[] LEVELS = {1, 5, 9};

    /** What {@code bzip2 -c -LEVEL} writes for {@code data}. */
    static byte[] bzip2Command(byte[] data, int level) {
        Tools.require("bzip2");
        try {
            Process p = new ProcessBuilder("bzip2", "-c", "-" + level).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> {
                try (OutputStream in = p.getOutputStream()) {
                    in.write(data);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            byte[] out;
            try (InputStream o = p.getInputStream()) {
                out = o.readAllBytes();
            }
            feed.join();
            assertEquals(0, p.waitFor(), "bzip2 exit status");
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] encode(byte[] data, int level, int threads, int pieceSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Bzip2OutputStream bz = new Bzip2OutputStream(out, level, threads)) {
            for (int off = 0; off < data.length; off += pieceSize) {
                bz.write(data, off, Math.min(pieceSize, data.length - off));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] decode(byte[] bz2) {
        try (InputStream in = new BZip2CompressorInputStream(new java.io.ByteArrayInputStream(bz2), true)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ours on 1 and 4 threads equals the command's output, at every level; and decodes to the input. */
    static void assertLikeBzip2(String what, byte[] data, int... levels) {
        for (int level : levels) {
            byte[] one = encode(data, level, 1, 1 << 16);
            byte[] four = encode(data, level, 4, 100_003);
            assertArrayEquals(data, decode(one), what + " -" + level + ": round trip");
            assertArrayEquals(one, four, what + " -" + level + ": 1 and 4 threads differ");
            assertArrayEquals(one, Bzip2OutputStream.compress(data, 0, data.length, level),
                    what + " -" + level + ": compress() differs");
            if (Tools.onPath("bzip2") || Boolean.getBoolean(Tools.REQUIRE)) {
                byte[] expected = bzip2Command(data, level);
                assertEquals(expected.length, one.length, what + " -" + level + ": length");
                assertArrayEquals(expected, one, what + " -" + level);
            }
        }
    }

    /** Text without long runs, like a dump: a word salad from a fixed vocabulary. */
    static byte[] text(int size, long seed) {
        String[] words = {"<page>", "</page>", "<revision>", "the", "of", "wiki", "\n", "  ", "[[", "]]", "{{cite",
            "}}", "Ελλάδα", "&amp;", "ref", "2026", "=", "|", "a", "b", "c", "Main Page"};
        Random r = new Random(seed);
        ByteArrayOutputStream b = new ByteArrayOutputStream(size + 64);
        while (b.size() < size) {
            b.writeBytes(words[r.nextInt(words.length)].getBytes(StandardCharsets.UTF_8));
            b.write(' ');
        }
        byte[] all = b.toByteArray();
        return java.util.Arrays.copyOf(all, size);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void tinyInputs(int size) {
        byte[] random = new byte[size];
        new Random(size).nextBytes(random);
        assertLikeBzip2("random " + size, random, LEVELS);
        byte[] same = new byte[size];
        java.util.Arrays.fill(same, (byte) 'x');
        assertLikeBzip2("run " + size, same, LEVELS);
    }

    static Stream<Integer> aroundTheBlockLimit() {
        List<Integer> sizes = new ArrayList<>();
        for (int n = 899_981; n <= 900_001; n++) {
            sizes.add(n);
        }
        return sizes.stream();
    }

    /** Level 9 cuts a block when it holds 899,981 bytes; these sizes end just before, at and after that. */
    @ParameterizedTest
    @MethodSource("aroundTheBlockLimit")
    void aroundTheBlockLimit(int size) {
        assertLikeBzip2("text " + size, text(size, 42), 9);
    }

    @Test
    void aroundTheBlockLimitAtLowerLevels() {
        for (int size : new int[] {899_981, 899_990, 900_001}) {
            assertLikeBzip2("text " + size, text(size, 7), 1, 5);
        }
    }

    static Stream<Arguments> runs() {
        return Stream.of(
                // 251 repeated: the run coding writes 251s only, so a block is one byte value throughout
                Arguments.of("0xFB x 2,000,000", repeat(new byte[] {(byte) 0xFB}, 2_000_000)),
                Arguments.of("'a' x 2,000,001", repeat(new byte[] {'a'}, 2_000_001)),
                Arguments.of("zeros x 1000", new byte[1000]),
                Arguments.of("ab x 600,000", repeat("ab".getBytes(StandardCharsets.US_ASCII), 600_000)),
                Arguments.of("ab x 3,000", repeat("ab".getBytes(StandardCharsets.US_ASCII), 3_000)),
                Arguments.of("aab x 400,000", repeat("aab".getBytes(StandardCharsets.US_ASCII), 400_000)),
                Arguments.of("random 20 kB twice", repeat(random(20_000, 1), 2)),
                Arguments.of("random 3 kB twice", repeat(random(3_000, 2), 2)),
                Arguments.of("random 1 kB x 7", repeat(random(1_000, 3), 7)),
                Arguments.of("random 450,000 twice", repeat(random(450_000, 4), 2)),
                Arguments.of("runs across blocks", runsOfFewValues(1_500_000, 5)),
                Arguments.of("run over the level-9 limit", runOverLimit()));
    }

    /** Runs of one byte value, across block boundaries; blocks that repeat themselves; long runs. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void runsAndRepetitions(String what, byte[] data) {
        assertLikeBzip2(what, data, LEVELS);
    }

    @Test
    void randomBytes() {
        assertLikeBzip2("random 2.5 MB", random(2_500_000, 9), LEVELS);
    }

    static Stream<Path> corpusFiles() throws IOException {
        Path corpus = Corpus.shared().resolve("corpus");
        try (Stream<Path> files = Files.walk(corpus, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(Files::isRegularFile).filter(p -> !corpus.relativize(p).startsWith("reference"))
                    .sorted().toList().stream();
        }
    }

    /** Every file of the corpus, decompressed. */
    @ParameterizedTest
    @MethodSource("corpusFiles")
    void corpus(Path file) throws IOException {
        byte[] data;
        try (InputStream in = Dumps.decompress(Files.newInputStream(file), file)) {
            data = in.readAllBytes();
        }
        assertLikeBzip2(file.getFileName().toString(), data, LEVELS);
    }

    /** Wikimedia's single-stream dumps are libbzip2 -9 output: re-encoding their content gives them back. */
    @Test
    void wikimediaFileBackBitForBit() throws IOException {
        Path file = Corpus.file("multistream-elwikivoyage-p2566p2583/source-singlestream/"
                + "pages-articles-p2566p2583.xml.bz2");
        byte[] original = Files.readAllBytes(file);
        byte[] again = encode(decode(original), 9, 2, 1 << 20);
        assertArrayEquals(original, again);
    }

    @Test
    void byteAtATimeWritesAndFlushGiveTheSameStream() throws IOException {
        byte[] data = text(300_000, 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Bzip2OutputStream bz = new Bzip2OutputStream(out, 1, 2)) {
            for (int i = 0; i < data.length; i++) {
                bz.write(data[i]);
                if (i % 50_000 == 0) {
                    bz.flush();
                }
            }
        }
        assertArrayEquals(encode(data, 1, 1, 1 << 16), out.toByteArray());
        assertArrayEquals(out.toByteArray(), Bzip2OutputStream.compress(data, 0, data.length, 1));
    }

    /** The next equal pair, eight at a time, agrees with a byte-by-byte search wherever the pair is. */
    @Test
    void nextPairFindsTheFirstEqualPair() {
        Random r = new Random(11);
        for (int trial = 0; trial < 20_000; trial++) {
            int n = 1 + r.nextInt(40);
            byte[] b = new byte[n];
            // bytes unlike their neighbours (values that differ by one bit or sit across 0x80, where a
            // borrow in the eight-at-a-time test could spill), then a few planted pairs
            int[] values = {0x00, 0x01, 0x80, 0x81, 0x7F, 0xFF, 0xFE, 0x40};
            for (int i = 0; i < n; i++) {
                do {
                    b[i] = (byte) values[r.nextInt(values.length)];
                } while (i > 0 && b[i] == b[i - 1]);
            }
            for (int pairs = r.nextInt(3); pairs > 0 && n > 1; pairs--) {
                int at = r.nextInt(n - 1);
                b[at + 1] = b[at];
            }
            int from = r.nextInt(n);
            int expected = n - 1;
            for (int i = from; i + 1 < n; i++) {
                if (b[i] == b[i + 1]) {
                    expected = i;
                    break;
                }
            }
            assertEquals(expected, Bzip2OutputStream.nextPair(b, from, n), () -> java.util.Arrays.toString(b));
        }
    }

    /**
     * Long stretches of bytes unlike their neighbours are copied into the block as a whole; wherever the
     * stretches, the runs, the pieces written and the block ends fall, the stream is the one that writing
     * a byte at a time gives.
     */
    @Test
    void stretchesCopiedWholeEndBlocksWhereBytesAtATimeDo() throws IOException {
        Random r = new Random(5);
        for (int trial = 0; trial < 6; trial++) {
            // level 1 ends blocks at 99,981 bytes: about three of them, stretches of 1 to 200 distinct
            // neighbours between runs of 2 to 300
            ByteArrayOutputStream made = new ByteArrayOutputStream();
            while (made.size() < 280_000 + trial * 997) {
                int last = -1;
                for (int k = 1 + r.nextInt(200); k > 0; k--) {
                    int v;
                    do {
                        v = r.nextInt(256);
                    } while (v == last);
                    made.write(v);
                    last = v;
                }
                int v = r.nextInt(4) == 0 ? last : r.nextInt(256);
                for (int k = 2 + r.nextInt(r.nextBoolean() ? 4 : 300); k > 0; k--) {
                    made.write(v);
                }
            }
            byte[] data = made.toByteArray();
            ByteArrayOutputStream bytewise = new ByteArrayOutputStream();
            try (Bzip2OutputStream bz = new Bzip2OutputStream(bytewise, 1, 1)) {
                for (byte b : data) {
                    bz.write(b);
                }
            }
            ByteArrayOutputStream pieces = new ByteArrayOutputStream();
            try (Bzip2OutputStream bz = new Bzip2OutputStream(pieces, 1, 2)) {
                for (int off = 0; off < data.length; ) {
                    int len = Math.min(data.length - off, 1 + r.nextInt(r.nextBoolean() ? 64 : 50_000));
                    bz.write(data, off, len);
                    off += len;
                }
            }
            assertArrayEquals(bytewise.toByteArray(), pieces.toByteArray(), "trial " + trial);
            assertArrayEquals(data, decode(pieces.toByteArray()), "trial " + trial);
            if (trial == 0 && (Tools.onPath("bzip2") || Boolean.getBoolean(Tools.REQUIRE))) {
                assertArrayEquals(bzip2Command(data, 1), pieces.toByteArray());
            }
        }
    }

    /** The least rotation against comparing all rotations, on short strings of few values, some repeated. */
    @Test
    void leastRotationAgreesWithComparingEveryRotation() {
        Random r = new Random(17);
        for (int trial = 0; trial < 50_000; trial++) {
            int n = 1 + r.nextInt(24);
            byte[] s = new byte[n];
            int values = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                s[i] = (byte) (r.nextInt(values) * 0x61); // 0x00, 0x61, 0xC2: compared unsigned
            }
            int period = 1 + r.nextInt(n);
            if (r.nextInt(3) == 0 && n % period == 0) {
                for (int i = period; i < n; i++) {
                    s[i] = s[i - period];
                }
            }
            int least = 0;
            boolean equalRotations = false;
            for (int p = 1; p < n; p++) {
                int cmp = compareRotations(s, p, least);
                if (cmp < 0) {
                    least = p;
                }
                equalRotations |= compareRotations(s, p, 0) == 0;
            }
            assertEquals(equalRotations ? -1 : least, BlockEncoder.leastRotation(s, n),
                    () -> java.util.Arrays.toString(s));
        }
    }

    private static int compareRotations(byte[] s, int a, int b) {
        int n = s.length;
        for (int k = 0; k < n; k++) {
            int d = (s[(a + k) % n] & 0xFF) - (s[(b + k) % n] & 0xFF);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }

    @Test
    void leastRotation() {
        assertEquals(0, BlockEncoder.leastRotation("abc".getBytes(StandardCharsets.US_ASCII), 3));
        assertEquals(2, BlockEncoder.leastRotation("cba".getBytes(StandardCharsets.US_ASCII), 3));
        assertEquals(3, BlockEncoder.leastRotation("bbbab".getBytes(StandardCharsets.US_ASCII), 5));
        byte[] hi = {(byte) 0x80, 0x7F, (byte) 0x90};
        assertEquals(1, BlockEncoder.leastRotation(hi, 3), "bytes compare unsigned");
        assertEquals(0, BlockEncoder.leastRotation(new byte[] {5}, 1));
        assertEquals(-1, BlockEncoder.leastRotation("abab".getBytes(StandardCharsets.US_ASCII), 4), "repetition");
        assertEquals(-1, BlockEncoder.leastRotation("bcabcabca".getBytes(StandardCharsets.US_ASCII), 9));
        assertEquals(-1, BlockEncoder.leastRotation(new byte[] {7, 7}, 2));
        assertEquals(1, BlockEncoder.leastRotation("bab".getBytes(StandardCharsets.US_ASCII), 3), "bab is no repetition");
    }

    static byte[] repeat(byte[] unit, int times) {
        byte[] out = new byte[unit.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(unit, 0, out, i * unit.length, unit.length);
        }
        return out;
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] runsOfFewValues(int size, long seed) {
        Random r = new Random(seed);
        byte[] out = new byte[size];
        for (int i = 0; i < size; ) {
            int len = 1 + r.nextInt(r.nextBoolean() ? 6 : 700);
            byte v = (byte) r.nextInt(4);
            for (int k = 0; k < len && i < size; k++) {
                out[i++] = v;
            }
        }
        return out;
    }

    /** Text up to just under the level-9 limit, then a long run that straddles the cut. */
    static byte[] runOverLimit() {
        byte[] head = text(899_979, 11);
        byte[] out = java.util.Arrays.copyOf(head, head.length + 5000);
        java.util.Arrays.fill(out, head.length, out.length, (byte) 'q');
        return out;
    }
}
