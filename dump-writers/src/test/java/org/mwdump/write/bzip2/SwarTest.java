package org.mwdump.write.bzip2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time byte tests against comparing the bytes one by one. */
class SwarTest {

    /** Every pair of byte values, in every lane, the other lanes random. */
    @Test
    void equalAndLessForEveryPairOfBytesInEveryLane() {
        Random random = new Random(3);
        for (int lane = 0; lane < 8; lane++) {
            for (int a = 0; a < 256; a++) {
                for (int b = 0; b < 256; b++) {
                    long x = random.nextLong();
                    long y = random.nextBoolean() ? x : random.nextLong();
                    x = (x & ~(0xFFL << 8 * lane)) | (long) a << 8 * lane;
                    y = (y & ~(0xFFL << 8 * lane)) | (long) b << 8 * lane;
                    assertLanes(x, y);
                }
            }
        }
    }

    private static void assertLanes(long x, long y) {
        long equal = 0;
        long less = 0;
        for (int k = 0; k < 8; k++) {
            int a = (int) (x >>> 8 * k) & 0xFF;
            int b = (int) (y >>> 8 * k) & 0xFF;
            equal |= (a == b ? 1L : 0) << k;
            less |= (a < b ? 1L : 0) << k;
        }
        String what = Long.toHexString(x) + " and " + Long.toHexString(y);
        assertEquals(equal, Swar.packed(Swar.equalBytes(x, y)), () -> "equal bytes of " + what);
        assertEquals(less, Swar.packed(Swar.lessBytes(x, y)), () -> "bytes below, of " + what);
    }
}
