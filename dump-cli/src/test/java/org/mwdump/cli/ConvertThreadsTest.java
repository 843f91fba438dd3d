package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.model.PageEntry;
import org.mwdump.testing.Corpus;

/**
 * {@code mwdump convert --threads 1} and {@code --threads 4} give the same output for every corpus
 * dump and every output format: the same bytes for XML and RevDoc (compressed outputs compared
 * decompressed), the same rows for Parquet; and the same error, with no output left, when one fails.
 */
class ConvertThreadsTest {

    static List<Path> dumps() {
        return Corpus.dumps();
    }

    static List<PageEntry> entries(Path file) {
        try (DumpReader r = Dumps.open(file)) {
            return r.entries().stream().toList();
        }
    }

    @Test
    void oneAndFourThreadsWriteTheSame(@TempDir Path dir) throws IOException {
        List<Path> dumps = dumps();
        assertTrue(dumps.size() > 20, "corpus dumps: " + dumps.size());
        for (Path dump : dumps) {
            for (String ext : new String[] {"jsonl", "xml", "parquet", "jsonl.zst", "xml.gz"}) {
                String what = dump.getFileName() + " -> " + ext;
                Path one = dir.resolve("one." + ext);
                Path four = dir.resolve("four." + ext);
                MainTest.Result a = MainTest.run("convert", "--quiet", "--threads", "1", dump.toString(), one.toString());
                MainTest.Result b = MainTest.run("convert", "--quiet", "--threads", "4", dump.toString(), four.toString());
                assertEquals(a.status(), b.status(), what + ": " + a.err() + " / " + b.err());
                assertEquals(a.err(), b.err(), what);
                if (a.status() != 0) {
                    assertTrue(Files.notExists(four), what + ": output left after an error");
                    MainTest.assertNoFileNamed(dir, ".four");
                    continue;
                }
                if (ext.equals("jsonl") || ext.equals("xml")) {
                    assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(four), what);
                } else if (ext.equals("parquet")) {
                    assertEquals(entries(one), entries(four), what);
                } else {
                    try (var x = Dumps.decompress(Files.newInputStream(one), one);
                         var y = Dumps.decompress(Files.newInputStream(four), four)) {
                        assertArrayEquals(x.readAllBytes(), y.readAllBytes(), what);
                    }
                }
                Files.delete(one);
                Files.delete(four);
            }
        }
    }

    /**
     * Parquet from a dump of several chunks (runs encoded on the workers, some starting inside a page):
     * the rows and the counts of what is not stored are those of one thread, and the file's bytes are
     * the same on 2 and 4 threads.
     */
    @Test
    void parquetOfManyChunksHasOneThreadsRowsAndTheSameBytesOnTwoAndFourThreads(@TempDir Path dir)
            throws IOException {
        Path dump = org.mwdump.testing.GeneratedDump.builder("0.11").pages(3000).deletions(true).uploads(true)
                .slots(true).logItems(5).build().write(dir.resolve("big.xml"));
        assertTrue(Files.size(dump) > 3 << 20, "several chunks: " + Files.size(dump) + " bytes");
        Path[] out = new Path[3];
        String[] threads = {"1", "2", "4"};
        for (int i = 0; i < 3; i++) {
            out[i] = dir.resolve("out-" + threads[i] + ".parquet");
            MainTest.Result r = MainTest.run("convert", "--quiet", "--threads", threads[i], dump.toString(),
                    out[i].toString());
            assertEquals(0, r.status(), r.err());
        }
        assertEquals(entries(out[0]), entries(out[2]));
        assertEquals(footer(out[0]), footer(out[2]));
        assertTrue(footer(out[0]).get("mwdump.dropped").contains("log_items=5"), footer(out[0]).toString());
        assertArrayEquals(Files.readAllBytes(out[1]), Files.readAllBytes(out[2]));
    }

    private static java.util.Map<String, String> footer(Path file) throws IOException {
        try (var f = org.apache.parquet.hadoop.ParquetFileReader.open(new org.apache.parquet.io.LocalInputFile(file),
                org.apache.parquet.ParquetReadOptions.builder(new org.apache.parquet.conf.PlainParquetConfiguration())
                        .build())) {
            return f.getFileMetaData().getKeyValueMetaData();
        }
    }

    /** A converted file gets the mode of any new file under the umask (0644 under 022), not a temporary file's 0600. */
    /**
     * A {@code .bz2} output is libbzip2's bytes whatever the thread count: converting Wikimedia's own
     * single-stream dump back to XML into {@code .xml.bz2} gives Wikimedia's file.
     */
    @Test
    void bz2OutputIsWikimediasFile(@TempDir Path dir) throws IOException {
        Path dump = Corpus.spec("multistream/pages-articles-p2566p2583.xml.bz2");
        for (String threads : new String[] {"1", "2"}) {
            Path out = dir.resolve("out-" + threads + ".xml.bz2");
            MainTest.Result r = MainTest.run("convert", "--quiet", "--threads", threads, "--to", "xml", dump.toString(),
                    out.toString());
            assertEquals(0, r.status(), r.err());
            assertArrayEquals(Files.readAllBytes(dump), Files.readAllBytes(out), threads + " threads");
        }
    }

    @Test
    void outputHasTheModeOfANewFile(@TempDir Path dir) throws IOException {
        Path probe = Files.createFile(dir.resolve("probe"));
        Path dump = Corpus.file("small/mwxml-dump-0.8/dump.xml");
        for (String ext : new String[] {"jsonl", "xml.bz2", "parquet"}) {
            Path out = dir.resolve("out." + ext);
            assertEquals(0, MainTest.run("convert", "--quiet", dump.toString(), out.toString()).status());
            assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(out), ext);
        }
    }

    /** An existing output is replaced only with --force; without it: one line, exit 1, the file untouched. */
    @Test
    void existingOutputNeedsForce(@TempDir Path dir) throws IOException {
        Path dump = Corpus.file("small/mwxml-dump-0.8/dump.xml");
        Path out = dir.resolve("out.jsonl");
        Files.writeString(out, "keep me");
        MainTest.Result r = MainTest.run("convert", "--quiet", dump.toString(), out.toString());
        MainTest.assertOneLineError(r, 1, "use --force");
        assertEquals("keep me", Files.readString(out));
        MainTest.assertNoFileNamed(dir, ".out.jsonl");
        assertEquals(0, MainTest.run("convert", "--quiet", "--force", dump.toString(), out.toString()).status());
        assertTrue(Files.readString(out).startsWith("{\"id\": "));
        Path ms = dir.resolve("out.xml.bz2");
        Files.writeString(dir.resolve("out-index.txt.bz2"), "keep me too");
        r = MainTest.run("recompress", dump.toString(), ms.toString(), "--multistream");
        MainTest.assertOneLineError(r, 1, "use --force");
        assertTrue(Files.notExists(ms));
        assertEquals(0, MainTest.run("recompress", "--force", dump.toString(), ms.toString(), "--multistream").status());
    }

    /** An output in a directory that does not exist: one line in words, no class or temporary file names. */
    @Test
    void missingOutputDirectory(@TempDir Path dir) {
        Path dump = Corpus.file("small/mwxml-dump-0.8/dump.xml");
        Path out = dir.resolve("no-such-dir").resolve("out.jsonl");
        MainTest.Result r = MainTest.run("convert", "--quiet", dump.toString(), out.toString());
        MainTest.assertOneLineError(r, 1, "mwdump: cannot create " + out + ": no such directory");
        assertTrue(!r.err().contains("java.") && !r.err().contains(".part"), r.err());
    }

    @Test
    void libraryConvertTakesThreads(@TempDir Path dir) {
        Path dump = Corpus.file("aawiki-20260101/aawiki-20260101-pages-meta-history.xml.7z");
        long one = Dumps.convert(dump, dir.resolve("one.xml"), org.mwdump.DumpFormat.XML,
                org.mwdump.WriteOptions.builder().threads(1).build());
        long three = Dumps.convert(dump, dir.resolve("three.xml"), org.mwdump.DumpFormat.XML,
                org.mwdump.WriteOptions.builder().threads(3).build());
        assertEquals(one, three);
        assertTrue(one > 1000, "revisions: " + one);
    }
}
