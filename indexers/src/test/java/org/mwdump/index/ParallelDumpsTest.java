package org.mwdump.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.UnsupportedDumpException;
import org.mwdump.model.Revision;
import org.mwdump.testing.Corpus;
import org.mwdump.write.bzip2.Bzip2OutputStream;
import org.mwdump.write.layout.Recompressor;

/** Reading on several threads gives the same revisions, in the same order, as reading on one: multistream and single-stream bz2, seekable zstd. */
class ParallelDumpsTest {

    static List<Revision> sequential(Path dump) {
        try (DumpReader r = Dumps.open(dump)) {
            return r.revisions().stream().toList();
        }
    }

    @Test
    void wikimediaMultistreamFiles() throws IOException {
        for (String f : new String[] {
                "multistream-enwiktionary-20150224/enwiktionary-20150224-pages-articles-multistream.xml.bz2",
                "multistream-elwikivoyage-p2566p2583/pages-articles-p2566p2583.multistream.xml.bz2",
                "elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2",
                "enwiki-pages-articles1-shortened/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"}) {
            Path dump = Corpus.file(f);
            List<Revision> expected = sequential(dump);
            for (int threads : new int[] {1, 2, 4}) {
                try (DumpReader r = ParallelDumps.open(dump, threads)) {
                    assertEquals(expected, r.revisions().stream().toList(), f + " on " + threads + " threads");
                }
            }
        }
    }

    @Test
    void seekableZstd(@TempDir Path dir) throws IOException {
        byte[] xml = RecompressTest.sampleXml();
        Path dump = dir.resolve("sample.xml.zst");
        new Recompressor(Recompressor.Layout.SEEKABLE_ZSTD, 50, 2).recompress(new ByteArrayInputStream(xml), dump,
                dir.resolve("sample-index.txt.bz2"));
        List<Revision> expected;
        try (DumpReader r = Dumps.open(new ByteArrayInputStream(xml))) {
            expected = r.revisions().stream().toList();
        }
        try (DumpReader r = ParallelDumps.open(dump, 3)) {
            assertEquals(expected, r.revisions().stream().toList());
        }
    }

    /** A bz2 file that is not a dump is refused naming its compression as the command line does. */
    @Test
    void aBz2FileThatIsNotADumpIsRefusedNamingBz2(@TempDir Path dir) throws IOException {
        Path notes = dir.resolve("notes.txt.bz2");
        try (OutputStream out = new Bzip2OutputStream(Files.newOutputStream(notes), 1, 1)) {
            out.write("hello\n".getBytes(StandardCharsets.UTF_8));
        }
        UnsupportedDumpException e = assertThrows(UnsupportedDumpException.class, () -> ParallelDumps.open(notes, 2));
        assertTrue(e.getMessage().startsWith(
                "not a MediaWiki dump (neither XML nor RevDoc JSON lines inside the bz2 data)"), e.getMessage());
    }

    /**
     * The XML as it is, decoded: the same bytes from a plain and from a bz2 file; null for a file that is not
     * MediaWiki XML, where {@code xml} says what it is instead.
     */
    @Test
    void xmlAsItIsOrNullForAnythingElse(@TempDir Path dir) throws IOException {
        byte[] xml = org.mwdump.testing.SmallDumps.xml(30);
        Path plain = Files.write(dir.resolve("sample.xml"), xml);
        Path bz2 = dir.resolve("sample.xml.bz2");
        try (OutputStream out = new Bzip2OutputStream(Files.newOutputStream(bz2), 1, 1)) {
            out.write(xml);
        }
        for (Path dump : List.of(plain, bz2)) {
            try (java.io.InputStream in = ParallelDumps.xmlOrNull(dump, 2)) {
                assertTrue(java.util.Arrays.equals(xml, in.readAllBytes()), dump.toString());
            }
        }
        Path revdoc = Files.writeString(dir.resolve("page.jsonl"), "{\"page_id\": 1}\n");
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        Path otherXml = Files.writeString(dir.resolve("other.xml"), "<?xml version=\"1.0\"?>\n<feed>\n</feed>\n");
        for (Path other : List.of(revdoc, text, otherXml)) {
            assertEquals(null, ParallelDumps.xmlOrNull(other, 2), other.toString());
        }
        UnsupportedDumpException e = assertThrows(UnsupportedDumpException.class, () -> ParallelDumps.xml(revdoc, 2));
        assertTrue(e.getMessage().startsWith("this is RevDoc JSON lines, not MediaWiki XML"), e.getMessage());
    }
}
