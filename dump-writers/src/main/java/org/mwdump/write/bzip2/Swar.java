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

    /** The index, 0 to 7, of the lowest byte flagged in {@code zeroBytes}' nonzero result. */
    static int firstByte(long flags) {
        return Long.numberOfTrailingZeros(flags) >>> 3;
    }
}
