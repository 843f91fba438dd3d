package org.mwdump.read.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.PageRevisions;
import org.mwdump.model.Revision;

/**
 * A page with 1,000,000 revisions streams in constant memory. Surefire runs this class in its own
 * JVM with {@code -Xmx256m} (see the module's pom); the generated XML is about 450 MB.
 */
class LowMemoryStreamingTest {

    @Test
    void millionRevisionsOfOnePageStream() {
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertTrue(maxHeap <= 300L << 20, "run with -Xmx256m, was " + (maxHeap >> 20) + " MiB");
        long n = 1_000_000;
        String filler = "Lorem ipsum dolor sit amet, [[consectetur]] {{adipiscing|elit}} &amp; \u03b5\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac. ";
        try (DumpReader r = Dumps.open(new GeneratedDumpStream(n, i -> filler.repeat(3) + i))) {
            long count = 0;
            long lastId = 0;
            long chars = 0;
            for (PageRevisions page : r.pages()) {
                for (Revision rev : page.revisions()) {
                    count++;
                    lastId = rev.id();
                    chars += rev.text().length();
                }
            }
            assertEquals(n, count);
            assertEquals(n, lastId);
            assertTrue(chars > n * 200, "chars " + chars);
        }
    }
}
