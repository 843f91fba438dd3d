package org.mwdump.write.bzip2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mwdump.read.bzip2.Bzip2BlockDecoder;

/**
 * A stream continued after blocks kept from an old one equals the stream compressed from scratch, when the
 * input is unchanged up to and including the byte after the kept blocks (the byte that made the encoder end
 * the last of them).
 */
class ContinuingStreamTest {
    /** Text with runs of one byte, some of them long enough to cross a block's end. */
    static byte[] text(int length, long seed) {
        Random r = new Random(seed);
        byte[] b = new byte[length];
        int i = 0;
        while (i < length) {
            int kind = r.nextInt(200);
            int n = kind == 0 ? 300 + r.nextInt(5_000) : 1 + r.nextInt(60);
            byte c = (byte) (kind == 0 ? 'a' + r.nextInt(3) : ' ' + r.nextInt(90));
            for (int k = 0; k < n && i < length; k++) {
                b[i++] = kind == 0 || kind == 1 ? c : (byte) (' ' + r.nextInt(90));
            }
        }
        return b;
    }

    record Kept(long endBit, int crc, int bytes) {
    }

    /** The blocks of a stream that can be kept for a new input agreeing with the old one on its first {@code same} bytes. */
    static Kept keptFor(byte[] stream, int same) {
        Bzip2BlockDecoder decoder = new Bzip2BlockDecoder();
        long bit = 32;
        int crc = 0;
        int bytes = 0;
        Kept kept = new Kept(32, 0, 0);
        while (!Bzip2BlockDecoder.isEndOfStreamMagic(stream, bit)) {
            Bzip2BlockDecoder.Block b = decoder.decode(stream, stream.length, bit, stream[3] - '0');
            crc = ((crc << 1) | (crc >>> 31)) ^ b.storedCrc();
            bytes += b.data().length;
            bit = b.endBitOffset();
            if (bytes < same) {
                kept = new Kept(bit, crc, bytes);
            }
        }
        return kept;
    }

    static byte[] continued(byte[] oldStream, byte[] data, int same, int threads) throws IOException {
        Kept k = keptFor(oldStream, same);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Bzip2OutputStream s = Bzip2OutputStream.continuing(out, oldStream, k.endBit(), k.crc(), threads)) {
            s.write(data, k.bytes(), data.length - k.bytes());
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1", "2, 1, 2", "3, 2, 1", "4, 9, 2", "5, 5, 1", "6, 9, 1"})
    void continuedEqualsCompressedFromScratch(long seed, int level, int threads) throws IOException {
        byte[] old = text(2_500_000, seed);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (Bzip2OutputStream s = new Bzip2OutputStream(o, level, 1)) {
            s.write(old);
        }
        byte[] oldStream = o.toByteArray();
        Random r = new Random(seed * 31);
        List<Integer> kept = new ArrayList<>();
        for (int trial = 0; trial < 4; trial++) {
            // in the second half, where blocks before the change can be kept (the first trial: anywhere)
            int at = trial == 0 ? r.nextInt(old.length) : old.length / 2 + r.nextInt(old.length / 2);
            byte[] changed;
            switch (trial % 3) {
                case 0 -> { // one byte changed
                    changed = old.clone();
                    changed[at] ^= 1;
                }
                case 1 -> { // bytes inserted
                    byte[] ins = text(5_000, seed + trial);
                    changed = new byte[old.length + ins.length];
                    System.arraycopy(old, 0, changed, 0, at);
                    System.arraycopy(ins, 0, changed, at, ins.length);
                    System.arraycopy(old, at, changed, at + ins.length, old.length - at);
                }
                default -> changed = Arrays.copyOf(old, at); // cut short
            }
            int same = Arrays.mismatch(old, changed);
            if (same < 0) {
                same = old.length;
            }
            ByteArrayOutputStream fresh = new ByteArrayOutputStream();
            try (Bzip2OutputStream s = new Bzip2OutputStream(fresh, level, threads)) {
                s.write(changed);
            }
            assertArrayEquals(fresh.toByteArray(), continued(oldStream, changed, same, threads),
                    "seed " + seed + ", trial " + trial + ", change at " + at);
            kept.add(keptFor(oldStream, same).bytes());
        }
        assertTrue(kept.stream().anyMatch(k -> k > 0), "some trial kept blocks: " + kept);
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "2", "254", "255", "256", "5000"})
    void aRunAcrossTheBlockEnd(int afterCut) throws IOException {
        // a run of one byte value over the first block's end, the input changing shortly after it
        byte[] old = new byte[2_000_000];
        Random r = new Random(afterCut);
        for (int i = 0; i < old.length; i++) {
            old[i] = (byte) ('a' + r.nextInt(20));
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (Bzip2OutputStream s = new Bzip2OutputStream(o, 1, 1)) {
            s.write(old);
        }
        Kept first = keptFor(o.toByteArray(), old.length); // where the first blocks end
        int end = first.bytes() > 0 ? keptFor(o.toByteArray(), 100_000).bytes() : 99_981;
        byte[] withRun = old.clone();
        Arrays.fill(withRun, Math.max(0, end - 100), Math.min(old.length, end + 400), (byte) 'z');
        ByteArrayOutputStream o2 = new ByteArrayOutputStream();
        try (Bzip2OutputStream s = new Bzip2OutputStream(o2, 1, 1)) {
            s.write(withRun);
        }
        byte[] oldStream = o2.toByteArray();
        byte[] changed = withRun.clone();
        int at = Math.min(changed.length - 1, end + afterCut);
        changed[at] = (byte) 'y';
        int same = Arrays.mismatch(withRun, changed);
        ByteArrayOutputStream fresh = new ByteArrayOutputStream();
        try (Bzip2OutputStream s = new Bzip2OutputStream(fresh, 1, 1)) {
            s.write(changed);
        }
        assertArrayEquals(fresh.toByteArray(), continued(oldStream, changed, same, 1), "change " + afterCut
                + " bytes after the first block's end");
    }
}
