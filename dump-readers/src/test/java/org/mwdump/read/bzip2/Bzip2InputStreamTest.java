package org.mwdump.read.bzip2;

import org.mwdump.spi.Bzip2Crc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.mwdump.read.bzip2.Bzip2TestData.EMPTY_STREAM;
import static org.mwdump.read.bzip2.Bzip2TestData.compress;
import static org.mwdump.read.bzip2.Bzip2TestData.concat;
import static org.mwdump.read.bzip2.Bzip2TestData.decode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.CorruptInputException;
import org.mwdump.testing.Corpus;

class Bzip2InputStreamTest {
    @TempDir
    static Path tmp;

    /** 1.5 MB of text at level 1: a single stream of several blocks, for corruption tests. */
    private static byte[] text;
    private static byte[] textL1;
    /** Block boundaries of textL1: {start, end} bit offsets. */
    private static List<long[]> blocks;
    private static long eosBit;

    @BeforeAll
    static void setUp() {
        text = Bzip2TestData.text(1_500_000, 42);
        textL1 = compress(tmp, text, "bzip2", "-1", "-c");
        blocks = new ArrayList<>();
        Bzip2BlockDecoder dec = new Bzip2BlockDecoder();
        long pos = 32;
        while (Bzip2BlockDecoder.isBlockMagic(textL1, pos)) {
            long end = dec.decode(textL1, textL1.length, pos, 1).endBitOffset();
            blocks.add(new long[] {pos, end});
            pos = end;
        }
        assertTrue(Bzip2BlockDecoder.isEndOfStreamMagic(textL1, pos));
        eosBit = pos;
        assertTrue(blocks.size() >= 5, "expected several blocks, got " + blocks.size());
    }

    // ------------------------------------------------------------------------------------------
    // Agreement with bzip2 on real files

    @TestFactory
    Stream<DynamicTest> sharedFilesDecodeLikeBzip2() throws IOException {
        Path shared = Corpus.shared();
        List<Path> files = new ArrayList<>();
        for (String sub : new String[] {"corpus", "specs/multistream"}) {
            Path dir = shared.resolve(sub);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
                    s.filter(p -> p.toString().endsWith(".bz2")).sorted().forEach(files::add);
                }
            }
        }
        assertFalse(files.isEmpty(), "no .bz2 files under " + shared);
        return files.stream().map(f -> dynamicTest(shared.relativize(f).toString(), () -> {
            byte[] expected = Bzip2TestData.bzip2Decompress(tmp, f);
            byte[] actual = decode(Files.readAllBytes(f));
            assertEquals(expected.length, actual.length);
            assertArrayEquals(expected, actual);
        }));
    }

    // ------------------------------------------------------------------------------------------
    // Generated inputs and other compressors

    @TestFactory
    Stream<DynamicTest> allLevels() {
        byte[] data = concat(Bzip2TestData.text(2_000_000, 1), Bzip2TestData.random(300_000, 2),
                Bzip2TestData.text(200_000, 3));
        return Stream.of(1, 2, 3, 4, 5, 6, 7, 8, 9).map(level -> dynamicTest("bzip2 -" + level, () -> {
            byte[] z = compress(tmp, data, "bzip2", "-" + level, "-c");
            assertArrayEquals(data, decode(z));
        }));
    }

    @Test
    void pbzip2() throws IOException {
        byte[] data = concat(Bzip2TestData.text(2_500_000, 5), Bzip2TestData.runs(6));
        byte[] z = compress(tmp, data, "pbzip2", "-9", "-p2", "-c");
        assertArrayEquals(data, decode(z));
        byte[] z1 = compress(tmp, data, "pbzip2", "-1", "-b1", "-p2", "-c");
        assertArrayEquals(data, decode(z1));
    }

    @Test
    void lbzip2() throws IOException {
        byte[] data = concat(Bzip2TestData.text(2_500_000, 7), Bzip2TestData.runs(8));
        byte[] z = compress(tmp, data, "lbzip2", "-9", "-n", "2", "-c");
        assertArrayEquals(data, decode(z));
        byte[] z1 = compress(tmp, data, "lbzip2", "-1", "-n", "2", "-c");
        assertArrayEquals(data, decode(z1));
    }

    @Test
    void randomBytes() throws IOException {
        byte[] data = Bzip2TestData.random(1_000_000, 9);
        assertArrayEquals(data, decode(compress(tmp, data, "bzip2", "-9", "-c")));
        byte[] small = Bzip2TestData.random(1, 10);
        assertArrayEquals(small, decode(compress(tmp, small, "bzip2", "-c")));
    }

    @Test
    void runLengthEdgeCases() throws IOException {
        byte[] data = Bzip2TestData.runs(11);
        for (String level : new String[] {"-1", "-9"}) {
            assertArrayEquals(data, decode(compress(tmp, data, "bzip2", level, "-c")), level);
        }
        for (int len : new int[] {1, 2, 3, 4, 5, 255, 256, 259, 260, 261}) {
            byte[] run = new byte[len];
            Arrays.fill(run, (byte) 'x');
            assertArrayEquals(run, decode(compress(tmp, run, "bzip2", "-c")), "run of " + len);
            byte[] framed = concat("ab".getBytes(StandardCharsets.US_ASCII), run, "xyx".getBytes(StandardCharsets.US_ASCII));
            assertArrayEquals(framed, decode(compress(tmp, framed, "bzip2", "-c")), "framed run of " + len);
        }
        // a block that starts with bytes 0xFF, then runs of every length up to nine, all copied eight at a time
        for (int len = 1; len <= 9; len++) {
            ByteArrayOutputStream data2 = new ByteArrayOutputStream();
            for (int k = 0; k < len; k++) {
                data2.write(0xFF);
            }
            for (int run = 1; run <= 9; run++) {
                for (int k = 0; k < run; k++) {
                    data2.write('a' + (run + len) % 3);
                }
                data2.writeBytes("<page>\n".getBytes(StandardCharsets.US_ASCII));
            }
            byte[] ff = data2.toByteArray();
            assertArrayEquals(ff, decode(compress(tmp, ff, "bzip2", "-c")), "leading 0xFF run of " + len);
        }
    }

    @Test
    void oneHugeRepeatedByteBlock() throws IOException {
        // 900k run-length-coded bytes of one value: one block decodes to about 46 MB.
        byte[] data = new byte[60_000_000];
        Arrays.fill(data, (byte) 0xE7);
        byte[] z = compress(tmp, data, "bzip2", "-9", "-c");
        assertArrayEquals(data, decode(z));
        Bzip2BlockDecoder.Block first = new Bzip2BlockDecoder().decode(z, 32);
        assertTrue(first.data().length > 40_000_000, "first block decoded to " + first.data().length);
    }

    /**
     * A block of long runs decodes to 46 MB: its output array grows to about that (not to the next power
     * of two past it), and is let go when the stream moves on to the next block and when it is closed, so
     * a decoder does not keep it; {@link Bzip2BlockDecoder#decode} keeps nothing of it either.
     */
    @Test
    void theOutputOfABlockOfLongRunsIsNotKept() throws IOException {
        byte[] data = new byte[60_000_000];
        Arrays.fill(data, (byte) 0xE7);
        byte[] z = compress(tmp, data, "bzip2", "-9", "-c");
        Bzip2BlockDecoder decoder = new Bzip2BlockDecoder();
        long read;
        try (Bzip2InputStream in = new Bzip2InputStream(new java.io.ByteArrayInputStream(z), true, decoder)) {
            byte[] buf = new byte[1 << 16];
            read = in.read(buf);
            int firstBlock = read > 0 ? in.available() + (int) read : 0;
            assertTrue(firstBlock > 40_000_000, "first block decoded to " + firstBlock);
            int capacity = decoder.outputCapacity();
            assertTrue(capacity >= firstBlock && capacity <= firstBlock + (2 << 20),
                    "output array of " + capacity + " bytes for a block of " + firstBlock);
            read += in.skip(Long.MAX_VALUE);
            assertTrue(decoder.outputCapacity() < capacity, "the next block has an array of its own size");
        }
        assertEquals(data.length, read);
        assertTrue(decoder.outputCapacity() <= Bzip2BlockDecoder.KEPT_OUTPUT, "kept: " + decoder.outputCapacity());
        Bzip2BlockDecoder.Block first = decoder.decode(z, 32);
        assertTrue(first.data().length > 40_000_000);
        assertTrue(decoder.outputCapacity() <= Bzip2BlockDecoder.KEPT_OUTPUT, "kept: " + decoder.outputCapacity());
    }

    @Test
    void periodicBlocksWhoseSuccessorsFormShortCycles() throws IOException {
        // A block that is one pattern repeated has as many Burrows-Wheeler cycles as repetitions; the
        // decoder must take the pattern's cycle again and again, and the laned walk must not be fooled.
        java.util.Random random = new java.util.Random(5);
        for (int period : new int[] {2, 7, 1000, 65_537, 450_000}) {
            byte[] pattern = new byte[period];
            for (int i = 0; i < period; i++) {
                pattern[i] = (byte) ('a' + random.nextInt(26));
            }
            for (int total : new int[] {900_000, 899_999}) {
                byte[] data = new byte[total];
                for (int i = 0; i < total; i++) {
                    data[i] = pattern[i % period];
                }
                assertArrayEquals(data, decode(compress(tmp, data, "bzip2", "-9", "-c")),
                        "period " + period + ", " + total + " bytes");
            }
        }
    }

    @Test
    void blocksOfOneByteValueOnly() throws IOException {
        // No compressor writes such a block (the initial run-length coding breaks up runs), but a block
        // can hold one byte value n times, as one run. Every row then leads to itself: each chain of the
        // laned walk is one row long, and the first lane can take them all before the others start.
        for (int n : new int[] {32_767, 32_768, 40_001, 300_000, 900_000}) {
            for (int value : new int[] {0x0A, 0x00, 0xFF}) {
                byte[] expected = undoInitialRuns(n, (byte) value);
                byte[] stream = oneRunBlock(n, value, crc(expected));
                assertArrayEquals(expected, decode(stream), n + " x " + value);
                try (InputStream commons = new BZip2CompressorInputStream(new ByteArrayInputStream(stream))) {
                    assertArrayEquals(expected, commons.readAllBytes(), "Commons Compress, " + n + " x " + value);
                }
                byte[] damaged = oneRunBlock(n, value, crc(expected) ^ 1);
                assertThrows(CorruptInputException.class, () -> decode(damaged), "wrong CRC, " + n + " x " + value);
            }
        }
    }

    /** A one-block stream whose block is {@code n} bytes of {@code value}, with the given block CRC. */
    private static byte[] oneRunBlock(int n, int value, int blockCrc) {
        BitSink out = new BitSink();
        out.put(32, 0x425A6839L); // BZh9
        out.put(48, Bzip2BlockDecoder.BLOCK_MAGIC);
        out.put(32, blockCrc & 0xFFFFFFFFL);
        out.put(1, 0); // not randomised
        out.put(24, 0); // origPtr
        out.put(16, 0x8000 >>> (value >>> 4));
        out.put(16, 0x8000 >>> (value & 15));
        out.put(3, 2); // two tables
        out.put(15, 1); // one selector
        out.put(1, 0); // it picks table 0
        for (int t = 0; t < 2; t++) {
            // code lengths 1, 2, 2 for RUNA, RUNB, end of block: codes 0, 10, 11
            out.put(5, 1);
            out.put(1, 0);
            out.put(3, 0b100);
            out.put(1, 0);
        }
        // n in bijective base 2, least significant digit first: RUNA = 1, RUNB = 2
        for (long m = n; m > 0; ) {
            if ((m & 1) == 1) {
                out.put(1, 0);
                m = (m - 1) / 2;
            } else {
                out.put(2, 0b10);
                m = (m - 2) / 2;
            }
        }
        out.put(2, 0b11);
        out.put(48, Bzip2BlockDecoder.END_OF_STREAM_MAGIC);
        out.put(32, blockCrc & 0xFFFFFFFFL); // a stream of one block: its CRC is the block's
        return out.bytes();
    }

    /** What the initial run-length decoding makes of n bytes of one value: four bytes, then a count. */
    private static byte[] undoInitialRuns(int n, byte value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int left = n;
        while (left > 0) {
            int literal = Math.min(4, left);
            for (int i = 0; i < literal; i++) {
                out.write(value);
            }
            left -= literal;
            if (literal == 4 && left > 0) {
                for (int i = 0; i < (value & 0xFF); i++) {
                    out.write(value);
                }
                left--;
            }
        }
        return out.toByteArray();
    }

    /** CRC-32/BZIP2, bit by bit. */
    private static int crc(byte[] data) {
        int crc = -1;
        for (byte b : data) {
            crc ^= (b & 0xFF) << 24;
            for (int i = 0; i < 8; i++) {
                crc = crc < 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }
        return ~crc;
    }

    /** Writes bits most significant first, as bzip2 does. */
    private static final class BitSink {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long acc;
        private int count;

        void put(int bits, long value) {
            for (int i = bits - 1; i >= 0; i--) {
                acc = (acc << 1) | ((value >>> i) & 1);
                if (++count == 8) {
                    out.write((int) acc);
                    acc = 0;
                    count = 0;
                }
            }
        }

        byte[] bytes() {
            if (count > 0) {
                put(8 - count, 0);
            }
            return out.toByteArray();
        }
    }

    @Test
    void allByteValues() throws IOException {
        byte[] data = Bzip2TestData.allByteValues(12);
        assertArrayEquals(data, decode(compress(tmp, data, "bzip2", "-9", "-c")));
        assertArrayEquals(data, decode(compress(tmp, data, "lbzip2", "-1", "-c")));
    }

    // ------------------------------------------------------------------------------------------
    // Empty and concatenated streams, garbage

    @Test
    void emptyInputIsNotBzip2() {
        CorruptInputException e = assertThrows(CorruptInputException.class, () -> decode(new byte[0]));
        assertTrue(e.getMessage().contains("not a bzip2 stream"), e.getMessage());
        assertThrows(CorruptInputException.class,
                () -> decode("hello, world".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void emptyStreamAlone() throws IOException {
        assertEquals(0, decode(EMPTY_STREAM).length);
        assertArrayEquals(EMPTY_STREAM, compress(tmp, new byte[0], "bzip2", "-9", "-c"));
        try (InputStream in = new Bzip2InputStream(new ByteArrayInputStream(EMPTY_STREAM))) {
            assertEquals(-1, in.read());
            assertEquals(-1, in.read(new byte[10], 0, 10));
        }
    }

    @Test
    void concatenatedStreamsWithEmptyOnes() throws IOException {
        byte[] a = Bzip2TestData.text(150_000, 13);
        byte[] b = Bzip2TestData.runs(14);
        byte[] za = compress(tmp, a, "bzip2", "-1", "-c");
        byte[] zb = compress(tmp, b, "bzip2", "-5", "-c");
        byte[] zc = compress(tmp, "c".getBytes(StandardCharsets.US_ASCII), "bzip2", "-c");
        byte[] all = concat(EMPTY_STREAM, za, EMPTY_STREAM, EMPTY_STREAM, zb, zc, EMPTY_STREAM);
        assertArrayEquals(concat(a, b, "c".getBytes(StandardCharsets.US_ASCII)), decode(all));
        assertEquals(0, decode(concat(EMPTY_STREAM, EMPTY_STREAM, EMPTY_STREAM)).length);
        // Same through an input that delivers only a few bytes per read.
        assertArrayEquals(concat(a, b, "c".getBytes(StandardCharsets.US_ASCII)),
                decode(Bzip2TestData.trickle(all, 777)));
    }

    @Test
    void garbageAfterLastStream() {
        assertThrows(CorruptInputException.class,
                () -> decode(concat(textL1, "garbage".getBytes(StandardCharsets.US_ASCII))));
        assertThrows(CorruptInputException.class, () -> decode(concat(EMPTY_STREAM, new byte[] {0})));
        assertThrows(CorruptInputException.class, () -> decode(concat(EMPTY_STREAM, new byte[16])));
        // A header with nothing after it is a truncated stream.
        assertThrows(CorruptInputException.class,
                () -> decode(concat(EMPTY_STREAM, "BZh9".getBytes(StandardCharsets.US_ASCII))));
        assertThrows(CorruptInputException.class,
                () -> decode(concat(EMPTY_STREAM, "BZh".getBytes(StandardCharsets.US_ASCII))));
        CorruptInputException e = assertThrows(CorruptInputException.class,
                () -> decode(concat(EMPTY_STREAM, "BZh0".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(8L * EMPTY_STREAM.length, e.bitOffset());
    }

    // ------------------------------------------------------------------------------------------
    // Truncation and damage

    @Test
    void truncationAlwaysThrows() {
        List<Integer> cuts = new ArrayList<>(List.of(1, 2, 3, 4, 5, 10, 11, 100, 5000, textL1.length - 1,
                textL1.length - 2, textL1.length - 4, textL1.length - 5, textL1.length - 10));
        for (long[] b : blocks) {
            int start = (int) (b[0] / 8);
            cuts.add(start);
            cuts.add(start + 1);
            cuts.add(start + 6);
            cuts.add(start + 10);
            cuts.add(start + 100);
            cuts.add((int) ((b[0] + b[1]) / 16));
            cuts.add((int) (b[1] / 8));
        }
        cuts.add((int) (eosBit / 8));
        cuts.add((int) (eosBit / 8) + 3);
        for (int c = 0; c < cuts.size(); c++) {
            int cut = cuts.get(c);
            byte[] part = Arrays.copyOf(textL1, cut);
            CorruptInputException e = assertThrows(CorruptInputException.class, () -> decode(part),
                    "truncated at " + cut);
            assertTrue(e.bitOffset() >= 0 && e.bitOffset() <= 8L * cut,
                    "cut " + cut + ": offset " + e.bitOffset());
            if (c % 8 == 0) {
                // Also through a stream that yields little per read.
                assertThrows(CorruptInputException.class, () -> decode(Bzip2TestData.trickle(part, 1000)));
            }
        }
    }

    @Test
    void flippedBitsInBlockDataAreReportedInThatBlock() {
        SplittableRandom r = new SplittableRandom(15);
        for (int k = 0; k < blocks.size(); k++) {
            long start = blocks.get(k)[0];
            long end = blocks.get(k)[1];
            for (int i = 0; i < 6; i++) {
                long bit = i == 0 ? start + 100 : start + 81 + r.nextLong(end - start - 81);
                byte[] bad = flip(textL1, bit);
                CorruptInputException e = assertThrows(CorruptInputException.class, () -> decode(bad),
                        "flipped bit " + bit);
                // A flip found by the CRC is reported at the block start; one that breaks decoding
                // where it is noticed, at or after the flip (shortly after the block at most).
                assertTrue(e.bitOffset() >= start && e.bitOffset() <= end + 8 * 64 * 1024,
                        "flip at " + bit + " in block [" + start + ", " + end + ") reported at " + e.bitOffset());
            }
        }
    }

    @Test
    void flippedBitInBlockCrcField() {
        for (long[] b : blocks) {
            for (int i : new int[] {48, 60, 79}) {
                CorruptInputException e = assertThrows(CorruptInputException.class,
                        () -> decode(flip(textL1, b[0] + i)));
                assertEquals(b[0], e.bitOffset());
                assertTrue(e.getMessage().contains("CRC"), e.getMessage());
            }
            // Damaged block magic.
            CorruptInputException e = assertThrows(CorruptInputException.class, () -> decode(flip(textL1, b[0] + 5)));
            assertEquals(b[0], e.bitOffset());
            // The randomised bit.
            e = assertThrows(CorruptInputException.class, () -> decode(flip(textL1, b[0] + 80)));
            assertEquals(b[0] + 80, e.bitOffset());
        }
    }

    @Test
    void wrongStreamCrc() {
        for (int i : new int[] {48, 70, 79}) {
            CorruptInputException e = assertThrows(CorruptInputException.class, () -> decode(flip(textL1, eosBit + i)));
            assertEquals(eosBit, e.bitOffset());
            assertTrue(e.getMessage().contains("stream CRC"), e.getMessage());
        }
    }

    @Test
    void randomDamageThrowsOnlyCorruptInputException() throws IOException {
        byte[] data = concat(Bzip2TestData.text(120_000, 16), Bzip2TestData.runs(17));
        byte[] z = concat(compress(tmp, Arrays.copyOf(data, 250_000), "bzip2", "-1", "-c"),
                compress(tmp, Arrays.copyOfRange(data, 250_000, data.length), "bzip2", "-2", "-c"));
        assertArrayEquals(data, decode(z));
        SplittableRandom r = new SplittableRandom(18);
        int thrown = 0;
        for (int i = 0; i < 300; i++) {
            byte[] bad = z.clone();
            int flips = 1 + r.nextInt(3);
            for (int f = 0; f < flips; f++) {
                bad = flip(bad, r.nextLong(8L * z.length));
            }
            if (i % 10 == 0) {
                bad[r.nextInt(bad.length)] = (byte) r.nextInt(256);
            }
            try {
                byte[] out = decode(bad);
                // Only flips that do not change the meaning (padding bits, level digit) may decode.
                assertArrayEquals(data, out, "damaged input decoded to different data");
            } catch (CorruptInputException e) {
                thrown++;
                assertTrue(e.bitOffset() >= 0 && e.bitOffset() <= 8L * z.length, "offset " + e.bitOffset());
            } catch (RuntimeException e) {
                fail("damage must give CorruptInputException", e);
            }
        }
        assertTrue(thrown > 250, "only " + thrown + " of 300 damaged inputs were rejected");
    }

    // ------------------------------------------------------------------------------------------
    // Reading patterns

    @Test
    void singleByteReadsEqualBulkReads() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new Bzip2InputStream(new ByteArrayInputStream(textL1))) {
            int b;
            while ((b = in.read()) >= 0) {
                out.write(b);
            }
            assertEquals(-1, in.read());
        }
        assertArrayEquals(text, out.toByteArray());
        // Odd read sizes, and skip.
        try (InputStream in = new Bzip2InputStream(new ByteArrayInputStream(textL1))) {
            ByteArrayOutputStream o2 = new ByteArrayOutputStream();
            byte[] buf = new byte[8191];
            int n;
            int i = 0;
            while ((n = in.read(buf, 3, 1 + (i++ * 7919) % 8000)) >= 0) {
                o2.write(buf, 3, n);
            }
            assertArrayEquals(text, o2.toByteArray());
        }
        try (InputStream in = new Bzip2InputStream(new ByteArrayInputStream(textL1))) {
            assertEquals(1_000_000, in.skip(1_000_000));
            assertEquals(text[1_000_000] & 0xFF, in.read());
            assertEquals(text.length - 1_000_001, in.skip(Long.MAX_VALUE));
            assertEquals(-1, in.read());
        }
    }

    @Test
    void readAllBytesAfterPartialReads() throws IOException {
        // many blocks, read whole
        try (InputStream in = new Bzip2InputStream(new ByteArrayInputStream(textL1))) {
            assertArrayEquals(text, in.readAllBytes());
            assertEquals(0, in.readAllBytes().length);
        }
        // the rest of a block already started, then the other blocks
        try (InputStream in = new Bzip2InputStream(new ByteArrayInputStream(textL1))) {
            byte[] head = in.readNBytes(150_001);
            byte[] rest = in.readAllBytes();
            assertArrayEquals(text, concat(head, rest));
        }
        // one block, and a stream with no blocks
        byte[] small = Arrays.copyOf(text, 5000);
        try (InputStream in = new Bzip2InputStream(new ByteArrayInputStream(compress(tmp, small, "bzip2", "-c")))) {
            assertArrayEquals(small, in.readAllBytes());
        }
        try (InputStream in = new Bzip2InputStream(new ByteArrayInputStream(EMPTY_STREAM))) {
            assertEquals(0, in.readAllBytes().length);
        }
    }

    @Test
    void agreesWithCommonsCompress() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new BZip2CompressorInputStream(new ByteArrayInputStream(textL1), true)) {
            in.transferTo(out);
        }
        assertArrayEquals(out.toByteArray(), decode(textL1));
    }

    // ------------------------------------------------------------------------------------------
    // Block-level API

    @Test
    void blocksDecodeIndependently() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Bzip2BlockDecoder dec = new Bzip2BlockDecoder();
        // Decode in reverse order: no state carries over from block to block.
        List<byte[]> parts = new ArrayList<>();
        for (int k = blocks.size() - 1; k >= 0; k--) {
            Bzip2BlockDecoder.Block b = dec.decode(textL1, blocks.get(k)[0]);
            assertEquals(blocks.get(k)[0], b.startBitOffset());
            assertEquals(blocks.get(k)[1], b.endBitOffset());
            assertEquals(~Bzip2Crc.update(-1, b.data(), 0, b.data().length), b.storedCrc());
            parts.add(0, b.data());
        }
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        assertArrayEquals(text, out.toByteArray());
        assertFalse(Bzip2BlockDecoder.isBlockMagic(textL1, 33));
        assertFalse(Bzip2BlockDecoder.isEndOfStreamMagic(textL1, 32));
        assertFalse(Bzip2BlockDecoder.isBlockMagic(textL1, 8L * textL1.length - 8));
        assertTrue(Bzip2BlockDecoder.isEndOfStreamMagic(EMPTY_STREAM, 32));
        // A block cut short by the length argument is reported, not decoded short.
        long[] b0 = blocks.get(0);
        assertThrows(CorruptInputException.class, () -> dec.decode(textL1, (int) (b0[1] / 8) - 1, b0[0], 9));
        // Block size limit of the stream is enforced.
        byte[] z9 = compress(tmp, text, "bzip2", "-9", "-c");
        byte[] first = dec.decode(z9, z9.length, 32, 9).data();
        assertTrue(first.length > 800_000);
        assertArrayEquals(Arrays.copyOf(text, first.length), first);
        assertThrows(CorruptInputException.class, () -> dec.decode(z9, z9.length, 32, 1));
    }

    @Test
    void crcSlicingMatchesBytewise() {
        byte[] data = Bzip2TestData.random(10_000, 19);
        for (int off : new int[] {0, 1, 7}) {
            for (int len : new int[] {0, 1, 7, 8, 9, 63, 64, 1000, 9000}) {
                int ref = -1;
                for (int i = off; i < off + len; i++) {
                    ref = Bzip2Crc.updateByte(ref, data[i]);
                }
                assertEquals(ref, Bzip2Crc.update(-1, data, off, len), off + "/" + len);
                // through CRC32 on bit-reversed bytes, with scratch pieces shorter and longer than the data
                for (int scratch : new int[] {8, 13, 64, 8192}) {
                    assertEquals(~ref, Bzip2Crc.of(data, off, len, new byte[scratch]), off + "/" + len + "/" + scratch);
                }
            }
        }
        // Known value: CRC of "123456789" for CRC-32/BZIP2 is 0xFC891918.
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xFC891918, ~Bzip2Crc.update(-1, check, 0, check.length));
        assertEquals(0xFC891918, Bzip2Crc.of(check, 0, check.length, new byte[8192]));
    }

    @Test
    void aRunningCrcOfPiecesAndRepeatsMatchesBytewise() {
        byte[] data = Bzip2TestData.random(3_000, 23);
        for (int scratch : new int[] {8, 13, 64, 8192}) {
            Bzip2Crc.Running running = new Bzip2Crc.Running(new byte[scratch]);
            int ref = -1;
            int from = 0;
            for (int piece : new int[] {0, 1, 7, 8, 9, 100, 1000}) {
                running.update(data, from, piece);
                for (int i = from; i < from + piece; i++) {
                    ref = Bzip2Crc.updateByte(ref, data[i]);
                }
                from += piece;
                // a byte value with its high bit set, repeated across several scratch pieces
                int value = data[from] | 0x80;
                running.repeat(value, piece * 3);
                for (int i = 0; i < piece * 3; i++) {
                    ref = Bzip2Crc.updateByte(ref, value);
                }
            }
            assertEquals(~ref, running.finish(), "scratch " + scratch);
        }
        assertThrows(IllegalArgumentException.class, () -> new Bzip2Crc.Running(new byte[7]));
    }

    private static byte[] flip(byte[] data, long bit) {
        byte[] copy = data.clone();
        copy[(int) (bit >>> 3)] ^= (byte) (0x80 >>> (bit & 7));
        return copy;
    }
}
