package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.testing.Corpus;

/** The command run in-process, as a new user would try it. */
class MainTest {

    record Result(int status, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(status, out.toString(), err.toString());
    }

    static void assertOneLineError(Result r, int status, String mentions) {
        assertEquals(status, r.status(), r.err());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith("mwdump: "), r.err());
        assertTrue(lines[0].contains(mentions), r.err());
    }

    @Test
    void infoPrintsCounts() {
        Result r = run("info", Corpus.file("aawiki-20260101/aawiki-20260101-pages-meta-history.xml.7z").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("pages: 507\n"), r.out());
        assertTrue(r.out().contains("revisions: 1307\n"), r.out());
        assertTrue(r.out().contains("compression: 7z\n"), r.out());
        assertTrue(r.out().contains("schema: 0.11\n"), r.out());
        Result json = run("info", "--json", Corpus.file("small/fowiki-macbre/dump.xml.bz2").toString());
        assertEquals(0, json.status(), json.err());
        assertTrue(json.out().startsWith("{\"file\": "), json.out());
        assertTrue(json.out().contains("\"pages\": 2, \"revisions\": 2"), json.out());
        assertTrue(json.out().contains("\"format\": \"xml\", \"compression\": \"bz2\""), json.out());
        assertTrue(json.out().contains("\"namespaces\": [{\"id\": -2, \"name\": "), json.out());
    }

    @Test
    void helpAndVersion() {
        assertEquals(0, run("--help").status());
        assertTrue(run("--version").out().startsWith("mwdump "));
        for (String sub : new String[] {"info", "validate", "convert", "get", "index", "recompress"}) {
            Result r = run(sub, "--help");
            assertEquals(0, r.status(), sub);
            assertTrue(r.out().contains("Usage: mwdump " + sub), r.out());
        }
        assertEquals(2, run("convert").status());
        assertEquals(2, run("frobnicate").status());
    }

    @Test
    void missingFileNotADumpAndTruncatedBz2(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.xml.bz2");
        for (String sub : new String[] {"info", "validate"}) {
            assertOneLineError(run(sub, missing.toString()), 1, "missing.xml.bz2");
        }
        assertOneLineError(run("get", missing.toString(), "--id", "1"), 1, "missing.xml.bz2");
        assertOneLineError(run("convert", missing.toString(), dir.resolve("x.jsonl").toString()), 1,
                "missing.xml.bz2");

        Path notDump = dir.resolve("notes.txt");
        Files.writeString(notDump, "just some notes\n");
        assertOneLineError(run("info", notDump.toString()), 1, "notes.txt");

        byte[] whole = Files.readAllBytes(Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2"));
        Path truncated = dir.resolve("truncated.xml.bz2");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        Result info = run("info", truncated.toString());
        assertOneLineError(info, 1, "truncated.xml.bz2");
        assertTrue(info.err().contains("byte offset"), info.err());
        Path out = dir.resolve("out.jsonl");
        assertOneLineError(run("convert", truncated.toString(), out.toString()), 1, "truncated.xml.bz2");
        assertNoFileNamed(dir, "out.jsonl");
    }

    /**
     * A file the kernel cannot read ({@code /proc/self/mem} fails with EIO from its first byte): one
     * line, {@code cannot read FILE: Input/output error}, on one thread and on several, for every command
     * that reads a dump; no class name, no stack trace, no output left behind.
     */
    @Test
    void aFileThatCannotBeReadIsReportedAsSuch(@TempDir Path dir) {
        Path mem = Path.of("/proc/self/mem");
        boolean fails;
        try (java.io.InputStream in = Files.newInputStream(mem)) {
            in.read();
            fails = false;
        } catch (IOException e) {
            fails = true;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(fails, "no file here fails to be read with an I/O error");
        String expected = "mwdump: cannot read " + mem + ": Input/output error";
        for (String threads : new String[] {"1", "2"}) {
            Result r = run("convert", "--quiet", "--threads", threads, mem.toString(),
                    dir.resolve("out.jsonl").toString());
            assertOneLineError(r, 1, expected);
            assertNoClassNameOrStackTrace(r.err());
            assertFalse(Files.exists(dir.resolve("out.jsonl")));
        }
        for (String command : new String[] {"info", "validate"}) {
            Result r = run(command, mem.toString());
            assertOneLineError(r, 1, expected);
            assertNoClassNameOrStackTrace(r.err());
        }
    }

    static void assertNoClassNameOrStackTrace(String err) {
        assertFalse(err.contains("Exception") || err.contains("java.") || err.contains("\tat "), err);
    }

    /** What a bug or an exhausted heap says: one line, no class name. */
    @Test
    void bugsAreDescribedWithoutClassNames() {
        String bug = Main.describe(new NullPointerException("Cannot read field \"x\" because \"y\" is null"));
        assertEquals("internal error (a bug in mwdump, please report it): "
                + "Cannot read field \"x\" because \"y\" is null", bug);
        assertEquals("internal error (a bug in mwdump, please report it): no details",
                Main.describe(new IllegalStateException()));
        assertTrue(Main.describe(new OutOfMemoryError("Java heap space")).startsWith("out of memory"));
        assertEquals("no space left",
                Main.describe(new java.io.UncheckedIOException(new IOException("no space left"))));
        assertEquals("input/output error", Main.describe(new IOException()));
        assertNoClassNameOrStackTrace(Main.describe(new ArrayIndexOutOfBoundsException(3)));
    }

    static void assertNoFileNamed(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().contains(prefix)),
                    "no output or temporary file may remain");
        }
    }

    @Test
    void unwritableOutput(@TempDir Path dir) throws IOException {
        // a regular file where a directory should be: not writable even with every permission
        Path notADirectory = dir.resolve("plain-file");
        Files.writeString(notADirectory, "x");
        Path out = notADirectory.resolve("out.jsonl");
        Result r = run("convert", Corpus.file("small/fowiki-macbre/dump.xml.bz2").toString(), out.toString());
        assertOneLineError(r, 1, "out.jsonl");
        assertFalse(Files.exists(out));
        assertNoFileNamed(dir, "out.jsonl");
    }

    @Test
    void convertToParquetIsCompressed(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("sample.parquet");
        Result r = run("convert", "--quiet", Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2")
                .toString(), out.toString());
        assertEquals(0, r.status(), r.err());
        // 10 MB of XML; zstd-compressed pages make it a fraction of that (uncompressed it would be about 10 MB)
        assertTrue(Files.size(out) < 4_000_000, "size " + Files.size(out));
        Result info = run("info", out.toString());
        assertTrue(info.out().contains("revisions: 2040\n"), info.out());
        assertTrue(info.out().contains("format: parquet\ncompression: zstd\n"), info.out());
    }

    @Test
    void validateCountsProblems(@TempDir Path dir) throws IOException {
        Result ok = run("validate", Corpus.file("multistream-enwiktionary-20150224/"
                + "enwiktionary-20150224-pages-articles-multistream.xml.bz2").toString());
        assertEquals(0, ok.status(), ok.out() + ok.err());
        assertTrue(ok.out().contains("index lines checked: 300\n"), ok.out());
        assertTrue(ok.out().contains("problems: 0\n"), ok.out());

        String xml = Files.readString(Corpus.file("mediawiki-export-demo/export-demo.xml"));
        Path tampered = dir.resolve("tampered.xml");
        // one recorded hash no longer matches its text
        String changed = xml.replaceFirst("<sha1>([0-9a-z]{31})</sha1>", "<sha1>0000000000000000000000000000000</sha1>");
        Files.writeString(tampered, changed);
        Result bad = run("validate", tampered.toString());
        if (changed.equals(xml)) {
            return;
        }
        assertEquals(1, bad.status(), bad.out() + bad.err());
        assertTrue(bad.out().contains("problem sha1 mismatch: 1\n"), bad.out());
    }

    @Test
    void getFindsPagesByIdAndTitle(@TempDir Path dir) throws IOException {
        Path src = Corpus.file("multistream-elwikivoyage-p2566p2583/pages-articles-p2566p2583.multistream.xml.bz2");
        Path dump = dir.resolve("el-multistream.xml.bz2");
        Files.copy(src, dump);
        Files.copy(Corpus.file("multistream-elwikivoyage-p2566p2583/pages-articles-p2566p2583.multistream-index.xml.bz2"),
                dir.resolve("el-multistream-index.txt.bz2"));
        Result index = run("index", dump.toString());
        assertEquals(0, index.status(), index.err());
        assertTrue(index.out().contains("pages: 17"), index.out());
        Result missing = run("get", dump.toString(), "--title", "No such page");
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("No such page"), missing.err());
    }

    @Test
    void convertSampleToJsonlMatchesMwxml(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("sample.jsonl");
        Result r = run("convert", "--quiet", Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2")
                .toString(), out.toString());
        assertEquals(0, r.status(), r.err());
        byte[] reference = Files.readAllBytes(Corpus.reference().resolve(
                "elwikivoyage-pages-articles-sample__sample-pages-articles.xml.bz2.revdocs.jsonl"));
        assertArrayEquals(reference, Files.readAllBytes(out));
        // decoded on two threads, split at bz2 blocks: the same bytes
        Path parallel = dir.resolve("parallel.jsonl");
        Result p = run("convert", "--quiet", "--threads", "2", Corpus.file(
                "elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2").toString(), parallel.toString());
        assertEquals(0, p.status(), p.err());
        assertArrayEquals(reference, Files.readAllBytes(parallel));
    }
    @Test
    void recompressToSeekableZstdWithSmallFramesThenGet(@TempDir Path dir) throws java.io.IOException {
        Path src = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        Path out = dir.resolve("sample.xml.zst");
        Result usage = run("recompress", src.toString(), out.toString(), "--seekable-zstd", "--max-stream-bytes", "0");
        assertEquals(2, usage.status(), usage.err());
        assertTrue(usage.err().contains("--max-stream-bytes must be at least 1"), usage.err());
        assertFalse(Files.exists(out));
        Result r = run("recompress", src.toString(), out.toString(), "--seekable-zstd", "--max-stream-bytes", "50000");
        assertEquals(0, r.status(), r.err());
        // the index of a zstd dump is compressed with zstd (frame magic 28 B5 2F FD)
        byte[] indexHead = Files.readAllBytes(dir.resolve("sample-index.txt.zst"));
        assertEquals(List.of(0x28, 0xB5, 0x2F, 0xFD), List.of(indexHead[0] & 0xFF, indexHead[1] & 0xFF,
                indexHead[2] & 0xFF, indexHead[3] & 0xFF), "zstd index written beside the dump");
        Result index = run("index", out.toString());
        assertEquals(0, index.status(), index.err());
        assertTrue(index.out().contains("pages: 2040"), index.out());
        assertEquals(0, run("get", out.toString(), "--id", "45").status());
        assertEquals(1, run("get", out.toString(), "--id", "999999999").status());
    }

    /** The decoded fixture, recompressed with Wikimedia's 5 pages per stream: Wikimedia's file and index. */
    @Test
    void recompressGivesWikimediasMultistreamFileBack(@TempDir Path dir) throws IOException {
        Path theirs = Corpus.spec("multistream/pages-articles-p2566p2583.multistream.xml.bz2");
        Path theirIndex = Corpus.spec("multistream/pages-articles-p2566p2583.multistream-index.xml.bz2");
        Path xml = dir.resolve("pages-articles-p2566p2583.xml");
        Result decoded = run("convert", "--quiet", "--to", "xml",
                Corpus.spec("multistream/pages-articles-p2566p2583.xml.bz2").toString(), xml.toString());
        assertEquals(0, decoded.status(), decoded.err());
        Path out = dir.resolve("pages-articles-p2566p2583.multistream.xml.bz2");
        Result r = run("recompress", "--multistream", "--pages-per-stream", "5", "--threads", "2", xml.toString(),
                out.toString());
        assertEquals(0, r.status(), r.err());
        assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(out));
        assertArrayEquals(Files.readAllBytes(theirIndex),
                Files.readAllBytes(dir.resolve("pages-articles-p2566p2583.multistream-index.txt.bz2")));
    }

    @Test
    void aNamedPipeIsConvertedIntoWithoutForceAndRecompressRefusesIt(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("out.jsonl");
        org.mwdump.testing.Tools.require("mkfifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.mwdump.testing.Tools.assume(mk.waitFor() == 0, "mkfifo could not make a named pipe");
        String in = Corpus.file("small/fowiki-macbre/dump.xml.bz2").toString();
        java.util.concurrent.CompletableFuture<byte[]> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Result r = run("convert", "--quiet", in, fifo.toString());
        assertEquals(0, r.status(), r.err());
        Path file = dir.resolve("file.jsonl");
        assertEquals(0, run("convert", "--quiet", in, file.toString()).status());
        assertArrayEquals(Files.readAllBytes(file), read.get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(org.mwdump.spi.OutputFiles.isSpecial(fifo), "the pipe is still a pipe");

        Result refused = run("recompress", "--multistream", in, fifo.toString());
        assertOneLineError(refused, 1, "is not a regular file");
        assertTrue(org.mwdump.spi.OutputFiles.isSpecial(fifo), "the pipe is still a pipe");
    }

    @Test
    void aDirectoryAsTheOutputIsRefusedBeforeAnythingIsRead(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectory(dir.resolve("out.jsonl"));
        String in = Corpus.file("small/fowiki-macbre/dump.xml.bz2").toString();
        assertOneLineError(run("convert", "--quiet", "--force", in, empty.toString()), 1, "is a directory");
        assertOneLineError(run("recompress", "--force", "--multistream", in, empty.toString()), 1, "is a directory");
        assertTrue(Files.isDirectory(empty), "the directory is still there");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(empty), left.toList(), "nothing written beside it");
        }
    }

    @Test
    void threadsZeroMeansEveryProcessorAndANegativeOrHugeCountIsAUsageError(@TempDir Path dir) {
        String in = Corpus.file("small/fowiki-macbre/dump.xml.bz2").toString();
        Result zero = run("convert", "--quiet", "--threads", "0", in, dir.resolve("a.jsonl").toString());
        assertEquals(0, zero.status(), zero.err());
        for (String[] args : new String[][] {
                {"convert", "--quiet", "--threads", "-1", in, dir.resolve("b.jsonl").toString()},
                {"convert", "--quiet", "--threads", "100000", in, dir.resolve("b.jsonl").toString()},
                {"recompress", "--multistream", "--threads", "-2", in, dir.resolve("c.xml.bz2").toString()},
                {"apply", "--threads", "-3", in, in, dir.resolve("d.xml.bz2").toString()}}) {
            Result r = run(args);
            assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains("--threads must be from 1 to"), r.err());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("a.jsonl")), left.toList(), "nothing written by the refused commands");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void getOnADumpWithoutRandomAccessSaysWhatItNeedsAndBuildsNothing(@TempDir Path dir) throws IOException {
        Path plain = dir.resolve("plain.xml");
        assertEquals(0, run("convert", "--quiet", Corpus.file("small/fowiki-macbre/dump.xml.bz2").toString(),
                plain.toString()).status());
        Result r = run("get", "--id", "1", plain.toString());
        assertOneLineError(r, 1, "random access needs a bz2 or seekable zstd file, and this is not compressed");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(plain), left.toList(), "no index left beside it");
        }
    }
}
