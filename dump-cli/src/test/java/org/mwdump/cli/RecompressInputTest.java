package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What recompress takes as XML as it is, and what it reports for inputs it cannot read, the same as
 * {@code convert} reports them; and the index's name.
 */
class RecompressInputTest {
    @TempDir
    Path dir;

    /** The index is named from OUT without the endings the regular expression of earlier versions dropped. */
    @Test
    void theIndexStemDropsACompressionEndingAndAnXmlBeforeIt() {
        String[] names = {"a.xml.zst", "a.zst", "a.xml.bz2", "a.bz2", "x.xml.zstd", "a.bz2.zst", "a.xml.xml.bz2",
            "a.xml", "plain", ".zst", ".xml.bz2", "xml.zst", "a.ZST", "a.zst.gz", "a.xmlzst", "a.tar.zstd", "a.zstd.zst"};
        for (String name : names) {
            assertEquals(name.replaceFirst("(\\.xml)?\\.(bz2|zst|zstd)$", ""), RecompressCommand.stem(name), name);
        }
        assertEquals("enwiki-pages-articles-multistream", RecompressCommand.stem("enwiki-pages-articles-multistream.xml.bz2"));
    }

    /** A missing input and one that is a directory: convert's one line, exit 1, no output. */
    @Test
    void inputsThatCannotBeReadAreReportedAsConvertReportsThem() throws IOException {
        Path missing = dir.resolve("missing.xml");
        Path directory = Files.createDirectory(dir.resolve("d.xml"));
        for (Path in : new Path[] {missing, directory}) {
            MainTest.Result convert = MainTest.run("convert", in.toString(), dir.resolve("out.jsonl").toString());
            MainTest.Result recompress = MainTest.run("recompress", "--seekable-zstd", in.toString(),
                    dir.resolve("out.xml.zst").toString());
            assertEquals(1, convert.status(), convert.err());
            assertEquals(convert.err(), recompress.err());
            assertEquals(1, recompress.status());
            assertTrue(Files.notExists(dir.resolve("out.xml.zst")) && Files.notExists(dir.resolve("out-index.txt.zst")));
        }
        assertTrue(MainTest.run("recompress", "--seekable-zstd", missing.toString(), dir.resolve("o.xml.zst").toString())
                .err().contains("cannot read " + missing + ": No such file or directory"));
    }

    /** Plain XML goes through as it is: the output decodes to the input's bytes. */
    @Test
    void plainXmlIsLaidOutAsItIs() throws IOException {
        byte[] xml = org.mwdump.testing.SmallDumps.xml(40);
        Path in = Files.write(dir.resolve("in.xml"), xml);
        Path out = dir.resolve("out.xml.zst");
        MainTest.Result r = MainTest.run("recompress", "--seekable-zstd", "--threads", "2", in.toString(), out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("pages: 40"), r.out());
        try (java.io.InputStream decoded = new com.github.luben.zstd.ZstdInputStream(Files.newInputStream(out))) {
            assertTrue(java.util.Arrays.equals(xml, decoded.readAllBytes()));
        }
        assertTrue(Files.exists(dir.resolve("out-index.txt.zst")));
    }

    /**
     * XML that cannot be laid out as it is (UTF-16 here) is read as convert reads it and written again as
     * UTF-8 XML with all its pages.
     */
    @Test
    void xmlInAnotherEncodingIsReadAsConvertReadsIt() throws IOException {
        String utf8 = new String(org.mwdump.testing.SmallDumps.xml(12), java.nio.charset.StandardCharsets.UTF_8);
        Path in = Files.write(dir.resolve("in.xml"), utf8.replaceFirst("(?i)encoding=\"utf-8\"", "encoding=\"UTF-16\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_16));
        MainTest.Result convert = MainTest.run("convert", in.toString(), dir.resolve("out.jsonl").toString());
        assertEquals(0, convert.status(), convert.err());
        MainTest.Result r = MainTest.run("recompress", "--seekable-zstd", in.toString(), dir.resolve("out.xml.zst").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("pages: 12"), r.out());
    }
}
