package org.mwdump.write.bzip2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bits written, spilled and appended come out as the string of bits they were, most significant first. */
class BitOutputTest {

    /** The bits as a string of '0' and '1', padded to whole bytes with zeros. */
    private static String padded(String bits) {
        StringBuilder s = new StringBuilder(bits);
        while (s.length() % 8 != 0) {
            s.append('0');
        }
        return s.toString();
    }

    private static byte[] bytesOf(String bits) {
        String s = padded(bits);
        byte[] b = new byte[s.length() / 8];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(8 * i, 8 * i + 8), 2);
        }
        return b;
    }

    /** Writes random fields of 0 to 32 bits to {@code out} and returns them as a string of bits. */
    private static String writeRandom(Random random, BitOutput out, int fields) {
        StringBuilder bits = new StringBuilder();
        for (int f = 0; f < fields; f++) {
            int n = random.nextInt(33);
            int v = random.nextInt();
            out.write(n, v);
            for (int i = n - 1; i >= 0; i--) {
                bits.append((v >>> i & 1) == 1 ? '1' : '0');
            }
        }
        return bits.toString();
    }

    private static byte[] drained(BitOutput out) {
        int n = out.readyBytes(true);
        return Arrays.copyOf(out.buffer(), n);
    }

    @Test
    void writesComeOutInOrder() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            BitOutput out = new BitOutput(1);
            String bits = writeRandom(random, out, random.nextInt(300));
            assertEquals(bits.length(), out.bitLength());
            assertArrayEquals(bytesOf(bits), drained(out));
        }
    }

    /**
     * A code length's change, as the format spells it: a 10 for each bit longer, an 11 for each bit
     * shorter, then a 0; for every pair of lengths 1 to 20 and at every bit offset.
     */
    @Test
    void codeLengthChangesAreSpelledAsTheFormatSays() {
        for (int offset = 0; offset < 8; offset++) {
            for (int from = 1; from <= 20; from++) {
                for (int to = 1; to <= 20; to++) {
                    BitOutput out = new BitOutput(1);
                    out.write(offset, 0);
                    BlockEncoder.writeLengthChange(out, from, to);
                    String spelled = "0".repeat(offset) + (to > from ? "10" : "11").repeat(Math.abs(to - from)) + "0";
                    assertArrayEquals(bytesOf(spelled), drained(out), from + " to " + to + " at " + offset);
                }
            }
        }
    }

    @Test
    void appendingAtEveryBitOffsetJoinsTheBits() {
        Random random = new Random(5);
        for (int round = 0; round < 400; round++) {
            BitOutput first = new BitOutput(1);
            BitOutput second = new BitOutput(1);
            String a = writeRandom(random, first, random.nextInt(40));
            // the first's offset takes every value from 0 to 7, also after bytes have gone out
            if (round % 2 == 0) {
                first.readyBytes(false);
            }
            String b = writeRandom(random, second, random.nextInt(400));
            first.append(second);
            assertEquals(a.length() + b.length(), first.bitLength());
            assertArrayEquals(bytesOf(a + b), drained(first), () -> "offset " + a.length() % 8);
        }
    }
}
