package org.mwdump.write.bzip2;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes at a time in a {@code long} ("SIMD within a register"): the encoder's searches for a byte
 * value or for equal neighbours test a word at once instead of byte by byte.
 */
final class Swar {
    private Swar() {
    }

    /** Eight bytes of a {@code byte[]} as a {@code long}, the first in the lowest bits. */
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** {@code 0x01} in every byte; times a byte value, that value in every byte. */
    static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The high bit of each byte of {@code x} that is zero, and possibly of bytes above a zero one (never
     * below it), so that the lowest bit set is exact: nonzero exactly when some byte is zero.
     */
    static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /** The high bit of each byte of {@code x} that equals the same byte of {@code y}, exactly. */
    static long equalBytes(long x, long y) {
        long v = x ^ y;
        return ~(((v & ~HIGHS) + ~HIGHS) | v) & HIGHS;
    }

    /** The high bit of each byte of {@code x} below the same byte of {@code y}, compared unsigned. */
    static long lessBytes(long x, long y) {
        // x - y in each byte, without borrows between bytes; a byte's borrow out is whether x < y
        long difference = ((x | HIGHS) - (y & ~HIGHS)) ^ ((x ^ ~y) & HIGHS);
        return ((~x & y) | (~(x ^ y) & difference)) & HIGHS;
    }

    /** The high bits of the eight bytes of {@code flags} (others zero) as bits 0 to 7, the lowest byte's in bit 0. */
    static long packed(long flags) {
        // each byte's bit moves to its own place in the top byte; no two products meet, so nothing carries
        return ((flags >>> 7) * 0x0102040810204080L) >>> 56;
    }

    /** The index, 0 to 7, of the lowest byte flagged in {@code zeroBytes}' nonzero result. */
    static int firstByte(long flags) {
        return Long.numberOfTrailingZeros(flags) >>> 3;
    }
}
