package org.mwdump.read.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.model.Revision;

/** A single revision text of 60 MB, with about ten million entity references, reads whole. */
class LargeTextTest {

    @Test
    void sixtyMegabyteTextReads() {
        // 12 chars of source per 6 chars of text: "&quot;a&amp;" -> "\"a&"; 60 MB of XML text
        int repeats = 5_000_000;
        String unit = "&quot;ab&amp;";
        try (DumpReader r = Dumps.open(new GeneratedDumpStream(1, i -> unit.repeat(repeats)))) {
            Revision rev = r.revisions().stream().findFirst().orElseThrow();
            assertEquals(4 * repeats, rev.text().length());
            assertEquals("\"ab&\"ab&", rev.text().substring(0, 8));
        }
    }
}
