package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.testing.Corpus;
import org.mwdump.testing.SmallDumps;

/** {@code recompress --single-stream}: one bz2 stream, the layout of Wikimedia's single-stream dumps. */
class RecompressSingleStreamTest {
    @TempDir
    Path dir;

    private static byte[] decoded(Path bz2) throws IOException {
        try (InputStream in = new BZip2CompressorInputStream(Files.newInputStream(bz2), true)) {
            return in.readAllBytes();
        }
    }

    private String[] names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    /**
     * Wikimedia's single-stream file comes back byte for byte: from its decoded XML, on one thread and on
     * two, and from Wikimedia's multistream file of the same pages (a bz2 input, decoded as it is read).
     */
    @Test
    void givesWikimediasSingleStreamFileBack() throws IOException {
        Path theirs = Corpus.spec("multistream/pages-articles-p2566p2583.xml.bz2");
        Path multistream = Corpus.spec("multistream/pages-articles-p2566p2583.multistream.xml.bz2");
        Path xml = dir.resolve("pages-articles-p2566p2583.xml");
        MainTest.Result decodedRun = MainTest.run("convert", "--quiet", "--to", "xml", theirs.toString(), xml.toString());
        assertEquals(0, decodedRun.status(), decodedRun.err());
        String[][] runs = {
            {xml.toString(), "1"}, {xml.toString(), "2"}, {multistream.toString(), "2"}
        };
        for (String[] run : runs) {
            Path out = dir.resolve("out.xml.bz2");
            MainTest.Result r = MainTest.run("recompress", "--single-stream", "--force", "--threads", run[1], run[0],
                    out.toString());
            assertEquals(0, r.status(), r.err());
            assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(out), String.join(" ", run));
            assertTrue(r.out().contains("streams: 1\n"), r.out());
            assertTrue(r.out().contains("output bytes: " + Files.size(theirs) + "\n"), r.out());
            assertTrue(r.out().contains("xml bytes: " + Files.size(xml) + "\n"), r.out());
            assertFalse(r.out().contains("index"), r.out());
        }
        // no index and nothing else beside the output
        assertArrayEquals(new String[] {"out.xml.bz2", "pages-articles-p2566p2583.xml"}, names());
    }

    /** RevDoc goes through the XML writer: the stream decodes to what convert writes as XML, with the pages counted. */
    @Test
    void otherFormatsAreWrittenAsXmlFirst() throws IOException {
        Path xml = Files.write(dir.resolve("in.xml"), SmallDumps.xml(30));
        Path jsonl = dir.resolve("in.jsonl");
        assertEquals(0, MainTest.run("convert", "--quiet", xml.toString(), jsonl.toString()).status());
        Path asXml = dir.resolve("again.xml");
        assertEquals(0, MainTest.run("convert", "--quiet", "--to", "xml", jsonl.toString(), asXml.toString()).status());
        Path out = dir.resolve("out.xml.bz2");
        MainTest.Result r = MainTest.run("recompress", "--single-stream", "--threads", "2", jsonl.toString(), out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("pages: 30\nstreams: 1\nxml bytes: " + Files.size(asXml) + "\n"), r.out());
        assertArrayEquals(Files.readAllBytes(asXml), decoded(out));
    }

    /** Stream and part options say nothing about one stream: a usage error, and nothing written. */
    @Test
    void optionsOfOtherLayoutsAreRefused() throws IOException {
        Path xml = Files.write(dir.resolve("in.xml"), SmallDumps.xml(3));
        String[][] extras = {{"--pages-per-stream", "5"}, {"--max-stream-bytes", "1000"}, {"--pages-per-part", "2"}};
        for (String[] extra : extras) {
            MainTest.Result r = MainTest.run("recompress", "--single-stream", extra[0], extra[1], xml.toString(),
                    dir.resolve("out.xml.bz2").toString());
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().contains(extra[0] + " does not apply to --single-stream"), r.err());
        }
        MainTest.Result both = MainTest.run("recompress", "--single-stream", "--multistream", xml.toString(),
                dir.resolve("out.xml.bz2").toString());
        assertEquals(2, both.status(), both.err());
        assertArrayEquals(new String[] {"in.xml"}, names());
    }

    /** An existing output is kept without --force and replaced with it. */
    @Test
    void anExistingOutputIsReplacedOnlyWithForce() throws IOException {
        byte[] xml = SmallDumps.xml(5);
        Path in = Files.write(dir.resolve("in.xml"), xml);
        Path out = Files.writeString(dir.resolve("out.xml.bz2"), "keep");
        MainTest.Result refused = MainTest.run("recompress", "--single-stream", in.toString(), out.toString());
        assertEquals(1, refused.status());
        assertEquals("keep", Files.readString(out));
        MainTest.Result forced = MainTest.run("recompress", "--single-stream", "--force", in.toString(), out.toString());
        assertEquals(0, forced.status(), forced.err());
        assertArrayEquals(xml, decoded(out));
    }

    /**
     * OUT written as multistream before has its index beside it, which would not describe one stream: it is
     * refused with OUT without --force, and removed with --force.
     */
    @Test
    void aMultistreamIndexBesideOutIsReplacedWithIt() throws IOException {
        byte[] xml = SmallDumps.xml(20);
        Path in = Files.write(dir.resolve("in.xml"), xml);
        Path out = dir.resolve("out.xml.bz2");
        Path index = dir.resolve("out-index.txt.bz2");
        assertEquals(0, MainTest.run("recompress", "--multistream", in.toString(), out.toString()).status());
        assertTrue(Files.exists(index));
        byte[] multistream = Files.readAllBytes(out);
        MainTest.Result refused = MainTest.run("recompress", "--single-stream", in.toString(), out.toString());
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("out.xml.bz2"), refused.err());
        assertArrayEquals(multistream, Files.readAllBytes(out));
        assertTrue(Files.exists(index));
        MainTest.Result forced = MainTest.run("recompress", "--single-stream", "--force", in.toString(), out.toString());
        assertEquals(0, forced.status(), forced.err());
        assertArrayEquals(xml, decoded(out));
        assertArrayEquals(new String[] {"in.xml", "out.xml.bz2"}, names());
    }

    /** A bz2 input that breaks off: exit 1, a message naming the input, and no output or temporary file left. */
    @Test
    void aDamagedInputLeavesNoOutput() throws IOException {
        byte[] xml = SmallDumps.xml(200);
        Path whole = dir.resolve("whole.xml.bz2");
        MainTest.Result made = MainTest.run("recompress", "--single-stream", Files.write(dir.resolve("in.xml"), xml).toString(),
                whole.toString());
        assertEquals(0, made.status(), made.err());
        byte[] bz2 = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.xml.bz2"), java.util.Arrays.copyOf(bz2, bz2.length / 2));
        Files.delete(whole);
        Files.delete(dir.resolve("in.xml"));
        MainTest.Result r = MainTest.run("recompress", "--single-stream", cut.toString(), dir.resolve("out.xml.bz2").toString());
        assertEquals(1, r.status(), r.out());
        assertTrue(r.err().contains("cut.xml.bz2"), r.err());
        assertArrayEquals(new String[] {"cut.xml.bz2"}, names());
    }
}
