package org.mwdump.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Check values from MediaWiki (FORMATS.md §1.4) and from MediaWiki's own MCR import test data. */
class Sha1Base36Test {

    @Test
    void emptyContent() {
        assertEquals("phoiac9h4m842xq45sp7s6u21eteeq1", Sha1Base36.of(""));
        assertEquals(Sha1Base36.EMPTY, Sha1Base36.of(new byte[0]));
    }

    @Test
    void enwikiAccessibleComputingRedirect() {
        String text = "#REDIRECT [[Computer accessibility]]\n\n{{rcat shell|\n{{R from move}}\n{{R from CamelCase}}\n"
                + "{{R unprintworthy}}\n}}";
        assertEquals(111, text.length());
        assertEquals("kmysdltgexdwkv2xsml3j44jb56dxvn", Sha1Base36.of(text));
    }

    @Test
    void alwaysThirtyOneDigits() {
        for (int i = 0; i < 2000; i++) {
            assertEquals(31, Sha1Base36.of("x" + i).length());
        }
    }

    /** mediawiki-core-tests Slots.import-1.xml: main "Hello" and slot "importexporttest" "This is a slot". */
    @Test
    void combinedHashOfTwoSlots() {
        String main = Sha1Base36.of("Hello");
        String slot = Sha1Base36.of("This is a slot");
        assertEquals("syvtbocopvw4f81bf07ocly0sl8ybqo", main);
        assertEquals("p2w9gtded1hduym7e0wokxbezokvq8c", slot);
        assertEquals("2zn8g94g6g8vb3y98u8wbnxxhtmksm6", Sha1Base36.combine(Map.of("main", main, "importexporttest", slot)));
    }

    @Test
    void combinedHashOfNoneAndOne() {
        assertEquals(Sha1Base36.EMPTY, Sha1Base36.combine(Map.of()));
        assertEquals("kmysdltgexdwkv2xsml3j44jb56dxvn", Sha1Base36.combine(Map.of("main", "kmysdltgexdwkv2xsml3j44jb56dxvn")));
    }

    @Test
    void timestamps() {
        assertEquals("2024-04-15T14:38:04Z", Timestamps.format(Timestamps.parse("2024-04-15T14:38:04Z")));
        assertEquals("2024-04-15T14:38:04Z", Timestamps.format(Timestamps.parse("20240415143804")));
    }
}
