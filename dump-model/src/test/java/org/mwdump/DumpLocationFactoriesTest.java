package org.mwdump;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The factories and {@code with} methods give the locations the canonical constructor gives. */
class DumpLocationFactoriesTest {
    @Test
    void factoriesAndWithMethods() {
        assertEquals(new DumpLocation("a.xml", -1, -1, -1, null, null, null), DumpLocation.of("a.xml"));
        assertEquals(new DumpLocation("a.xml.bz2", 42, -1, -1, null, null, null), DumpLocation.at("a.xml.bz2", 42));
        DumpLocation full = DumpLocation.at("a.xml.bz2", 42).withLine(7, 3).withPage(5L, "Foo", 9L);
        assertEquals(new DumpLocation("a.xml.bz2", 42, 7, 3, 5L, "Foo", 9L), full);
        assertEquals("a.xml.bz2, byte offset 42, line 7, column 3, page 5 \"Foo\", revision 9", full.toString());
        assertEquals("a.xml", DumpLocation.of("a.xml").toString());
        assertEquals(DumpLocation.UNKNOWN, DumpLocation.of(null));
    }
}
