package org.mwdump.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.Compression;
import org.mwdump.DumpFormat;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.WriteOptions;

/**
 * A page with 1,000,000 revisions (about 190 MB of XML) converts on four threads in a small heap:
 * it is cut between revisions, its pieces are parsed and written in parallel, and the output equals
 * the one-thread conversion's. Surefire runs this class in its own JVM with {@code -Xmx256m}.
 */
class MillionRevisionConversionTest {
    static final int REVISIONS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aMillionRevisionsOfOnePageConvertInPiecesInASmallHeap() throws IOException {
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertTrue(maxHeap <= 300L << 20, "run with -Xmx256m, was " + (maxHeap >> 20) + " MiB");
        Path xml = dir.resolve("one-page.xml");
        try (Writer w = Files.newBufferedWriter(xml, StandardCharsets.UTF_8)) {
            w.write("<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" version=\"0.11\" xml:lang=\"el\">\n"
                    + "  <siteinfo>\n    <sitename>Test</sitename>\n    <case>first-letter</case>\n"
                    + "    <namespaces>\n      <namespace key=\"0\" case=\"first-letter\" />\n    </namespaces>\n"
                    + "  </siteinfo>\n  <page>\n    <title>Πολλές εκδόσεις</title>\n    <ns>0</ns>\n    <id>1</id>\n");
            for (int i = 1; i <= REVISIONS; i++) {
                String text = "έκδοση " + i + " &amp; [[link|" + (i * 7919L % 1000) + "]]";
                w.write("    <revision>\n      <id>" + i + "</id>\n"
                        + (i > 1 ? "      <parentid>" + (i - 1) + "</parentid>\n" : "")
                        + "      <timestamp>2020-01-01T00:00:00Z</timestamp>\n"
                        + "      <contributor>\n        <ip>192.0.2." + (i % 250) + "</ip>\n      </contributor>\n"
                        + "      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
                        + "      <text bytes=\"" + text.getBytes(StandardCharsets.UTF_8).length
                        + "\" xml:space=\"preserve\">" + text + "</text>\n      <sha1>x</sha1>\n    </revision>\n");
            }
            w.write("  </page>\n</mediawiki>\n");
        }
        assertTrue(Files.size(xml) > 150_000_000L, "size " + Files.size(xml));

        Summary one = convert(xml, 1);
        Summary four = convert(xml, 4);
        assertEquals(REVISIONS, one.lines());
        assertEquals(one, four);
    }

    record Summary(long lines, long bytes, long crc) {
    }

    private static Summary convert(Path xml, int threads) {
        Counting counting = new Counting();
        OutputStream out = new BufferedOutputStream(counting, 1 << 16);
        DumpWriter w = Dumps.create(out, DumpFormat.REVDOC, WriteOptions.builder().compression(Compression.NONE).build());
        ParallelDumps.CopyStats stats = ParallelDumps.copy(xml, w, threads);
        w.finish();
        assertEquals(1, stats.pages());
        assertEquals(REVISIONS, stats.entries());
        return new Summary(counting.lines, counting.bytes, counting.crc.getValue());
    }

    /** Counts, checksums and drops what is written. */
    static final class Counting extends OutputStream {
        final CRC32 crc = new CRC32();
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            crc.update(b, off, len);
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
