package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The summary's {@code seconds:} line reads as {@code %.2f} wrote it in the root locale. */
class SecondsLineTest {
    @Test
    void twoDecimalsAsFormatWritesThem() {
        Random r = new Random(3);
        long[] fixed = {0, 1, 4_999_999, 5_000_000, 9_999_999, 10_000_000, 1_005_000_000L, 1_234_000_000L,
            59_994_999_999L, 59_995_000_000L, 3_600_000_000_000L};
        for (long nanos : fixed) {
            assertEquals(String.format(Locale.ROOT, "%.2f", nanos / 1e9), Progress.twoDecimals(nanos), nanos + " ns");
        }
        for (int i = 0; i < 100_000; i++) {
            // whole microseconds, as a clock gives them, up to an hour
            long nanos = (r.nextLong() >>> 1) % 3_600_000_000L * 1000;
            assertEquals(String.format(Locale.ROOT, "%.2f", nanos / 1e9), Progress.twoDecimals(nanos), nanos + " ns");
        }
        assertEquals("0.00", Progress.twoDecimals(-5));
    }

    @Test
    void theLineNamesTheSecondsSinceTheStart() {
        String line = Progress.secondsLine(System.nanoTime() - 2_000_000_000L);
        assertTrue(line.matches("seconds: 2\\.\\d\\d"), line);
    }
}
