package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.testing.SmallDumps;
import org.mwdump.write.layout.Recompressor;

/**
 * What {@code index} and {@code get} do with a file they cannot index, and the usage errors of output
 * formats: refused before anything is written, in one line that names the file.
 */
class RefusedInputsTest {

    /** {@code printf hello | bzip2 > name}. */
    static Path bzip2Text(Path file, String text) throws IOException {
        try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /**
     * A bz2 file that is not a dump: index and get say what convert says of it (one line, naming the
     * file), exit 1, announce no index build and leave no index file, nor an index directory.
     */
    @Test
    void aBz2FileThatIsNotADumpIsRefusedBeforeAnIndexIsWritten(@TempDir Path dir) throws IOException {
        Path notes = bzip2Text(dir.resolve("notes.txt.bz2"), "hello");
        GetTest.Result convert = GetTest.run("convert", "--quiet", notes.toString(), dir.resolve("n.jsonl").toString());
        assertEquals(1, convert.status(), convert.err());
        String expected = "mwdump: not a MediaWiki dump (neither XML nor RevDoc JSON lines inside the bz2 data) ("
                + notes + ", byte offset 0)\n";
        assertEquals(expected, convert.err());

        GetTest.Result index = GetTest.run("index", notes.toString());
        assertEquals(1, index.status(), index.err());
        assertEquals(expected, index.err());
        assertEquals("", index.out());

        GetTest.Result get = GetTest.run("get", notes.toString(), "--id", "1");
        assertEquals(1, get.status(), get.err());
        assertEquals(expected, get.err(), "no 'building the page index' line before the error");
        assertEquals("", get.out());

        for (String command : List.of("validate", "info")) {
            GetTest.Result r = GetTest.run(command, "--quiet", notes.toString());
            assertEquals(1, r.status(), command + ": " + r.err());
            assertEquals(expected, r.err(), command);
            assertEquals("", r.out(), command + " prints no counts of a dump there is not");
        }

        Path indexDir = dir.resolve("indexes");
        GetTest.Result elsewhere = GetTest.run("get", notes.toString(), "--index-dir", indexDir.toString(), "--id", "1");
        assertEquals(expected, elsewhere.err());
        assertFalse(Files.exists(indexDir), "the index directory is not made for a file that cannot be indexed");
        assertEquals(List.of("notes.txt.bz2"), IndexPlaceTest.names(dir), "no index file left beside it");
    }

    /** RevDoc in a bz2 file is a dump, but not one random access reads: unsupported, said so, nothing written. */
    @Test
    void revDocInBz2IsRefusedAsNotXml(@TempDir Path dir) throws IOException {
        Path xml = Files.write(dir.resolve("small.xml"), SmallDumps.xml(3));
        Path revdoc = dir.resolve("small.jsonl.bz2");
        assertEquals(0, GetTest.run("convert", "--quiet", xml.toString(), revdoc.toString()).status());
        for (String[] args : new String[][] {{"index", revdoc.toString()}, {"get", revdoc.toString(), "--id", "10"}}) {
            GetTest.Result r = GetTest.run(args);
            MainTest.assertOneLineError(new MainTest.Result(r.status(), r.out(), r.err()), 1,
                    "random access needs MediaWiki XML, and this is RevDoc JSON lines");
            assertTrue(r.err().contains(revdoc.toString()), r.err());
        }
        assertEquals(List.of("small.jsonl.bz2", "small.xml"), IndexPlaceTest.names(dir));
    }

    /** A zstd file without a seek table cannot be indexed: get does not announce a build, and writes nothing. */
    @Test
    void zstdWithoutASeekTableIsNotAnnouncedAsIndexed(@TempDir Path dir) throws IOException {
        Path xml = Files.write(dir.resolve("small.xml"), SmallDumps.xml(3));
        Path zst = dir.resolve("small.xml.zst");
        assertEquals(0, GetTest.run("convert", "--quiet", xml.toString(), zst.toString()).status());
        GetTest.Result r = GetTest.run("get", zst.toString(), "--id", "10");
        MainTest.assertOneLineError(new MainTest.Result(r.status(), r.out(), r.err()), 1, "without a seek table");
        assertFalse(r.err().contains("building"), r.err());
        assertEquals(List.of("small.xml", "small.xml.zst"), IndexPlaceTest.names(dir));
    }

    /** A real dump is still indexed after the check of its start, from a single stream and from a multistream file. */
    @Test
    void dumpsPassTheCheck(@TempDir Path dir) throws IOException {
        Path single = SmallDumps.singleStreamBz2(dir.resolve("single.xml.bz2"), 20);
        GetTest.Result get = GetTest.run("get", single.toString(), "--id", "70");
        assertEquals(0, get.status(), get.err());
        assertTrue(get.err().startsWith("building the page index single.xml.bz2.mwpidx"), get.err());
        assertEquals(List.of("Page 7"), GetTest.titles(get.out()));
        Path multi = dir.resolve("multi.xml.bz2");
        new Recompressor(Recompressor.Layout.BZIP2_MULTISTREAM, 5, 1).recompress(
                new ByteArrayInputStream(SmallDumps.xml(20)), multi, dir.resolve("multi-index.txt.bz2"));
        GetTest.Result index = GetTest.run("index", multi.toString());
        assertEquals(0, index.status(), index.err());
        assertTrue(index.out().contains("pages: 20\n"), index.out());
    }

    /** A usage error: exit status 2, its message on the first line of standard error, no output file. */
    static void assertUsageError(Path dir, String message, String... args) throws IOException {
        List<String> before = IndexPlaceTest.names(dir);
        GetTest.Result r = GetTest.run(args);
        assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.contains(message), String.join(" ", args) + ": " + r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertEquals("", r.out());
        assertEquals(before, IndexPlaceTest.names(dir), "no output file");
    }

    @Test
    void unknownFormatsAndUnwritableCompressionsAreUsageErrors(@TempDir Path dir) throws IOException {
        Path xml = Files.write(dir.resolve("small.xml"), SmallDumps.xml(3));
        Path multi = dir.resolve("multi.xml.bz2");
        new Recompressor(Recompressor.Layout.BZIP2_MULTISTREAM, 5, 1).recompress(
                new ByteArrayInputStream(SmallDumps.xml(20)), multi, dir.resolve("multi-index.txt.bz2"));
        String in = xml.toString();
        assertUsageError(dir, "unknown format foo", "convert", "--to", "foo", in, dir.resolve("o.xml").toString());
        assertUsageError(dir, "cannot tell the output format from", "convert", in, dir.resolve("o.unknownext").toString());
        assertUsageError(dir, "7z output is not supported", "convert", in, dir.resolve("o.xml.7z").toString());
        assertUsageError(dir, "7z output is not supported", "convert", "--compress", "7z", in,
                dir.resolve("o.xml").toString());
        assertUsageError(dir, "unknown compression lz4", "convert", "--compress", "lz4", in,
                dir.resolve("o.xml").toString());
        assertUsageError(dir, "unknown format foo (expected xml, revdoc, revdoc-legacy or parquet)", "convert", "--to",
                "foo", in, dir.resolve("o.xml").toString());
        // get lists only what it writes
        assertUsageError(dir, "unknown format foo (expected xml, revdoc or revdoc-legacy)", "get", multi.toString(),
                "--to", "foo", "--id", "10");
        assertUsageError(dir, "get writes xml, revdoc or revdoc-legacy", "get", multi.toString(), "--to", "parquet",
                "--id", "10");
    }
}
