package org.mwdump.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    /** The shortcut gives what parsing and formatting give, for valid values and near misses alike. */
    @Test
    void canonicalAgreesWithParseAndFormat() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            String v = String.format("%04d-%02d-%02dT%02d:%02d:%02dZ", random.nextInt(10000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(25), random.nextInt(61), random.nextInt(61));
            String expected;
            try {
                expected = Timestamps.format(Timestamps.parse(v));
            } catch (DateTimeParseException e) {
                assertThrows(DateTimeParseException.class, () -> Timestamps.canonical(v), v);
                continue;
            }
            assertEquals(expected, Timestamps.canonical(v), v);
        }
        assertEquals("2024-04-15T14:38:04Z", Timestamps.canonical("20240415143804"));
        assertEquals("2024-04-15T14:38:04Z", Timestamps.canonical("2024-04-15T14:38:04.250Z"));
        assertThrows(DateTimeParseException.class, () -> Timestamps.canonical(null));
        assertThrows(DateTimeParseException.class, () -> Timestamps.canonical("2024-04-15 14:38:04Z"));
    }
}
