package org.mwdump.write.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mwdump.Compression;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.WriteOptions;
import org.mwdump.model.Page;
import org.mwdump.model.Revision;
import org.mwdump.testing.Corpus;

/**
 * {@code Dumps.create}/{@code Dumps.convert} find the writers and codecs of this module: every format
 * in every compression reads back to the same revisions, and a writer that fails leaves nothing under
 * the target name.
 */
class DumpsCreateTest {
    @TempDir
    Path dir;

    static final String SOURCE = "small/fowiki-macbre/dump.xml.bz2";

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"NONE", "BZIP2", "GZIP", "XZ", "ZSTD"})
    void everyFormatInEveryCompressionReadsBack(Compression compression) {
        Path in = Corpus.file(SOURCE);
        List<Revision> expected = revisions(in);
        for (DumpFormat format : List.of(DumpFormat.XML, DumpFormat.REVDOC, DumpFormat.REVDOC_LEGACY)) {
            Path out = dir.resolve("out-" + format + compression.extension());
            long n = Dumps.convert(in, out, format, WriteOptions.builder().compression(compression).build());
            assertEquals(expected.size(), n);
            try (DumpReader reader = Dumps.open(out)) {
                assertEquals(compression, reader.compression());
                List<Revision> actual = reader.revisions().stream().toList();
                assertEquals(expected.stream().map(Revision::id).toList(), actual.stream().map(Revision::id).toList());
                assertEquals(expected.get(0).text(), actual.get(0).text());
            }
        }
    }

    @Test
    void compressionFollowsTheFileName() throws IOException {
        Path out = dir.resolve("x.jsonl.zst");
        Dumps.convert(Corpus.file(SOURCE), out, DumpFormat.REVDOC, WriteOptions.DEFAULT);
        byte[] head = Files.readAllBytes(out);
        assertEquals(Compression.ZSTD, Compression.sniff(head, head.length));
    }

    @Test
    void aFailureMidWriteLeavesNothingUnderTheTargetName() throws IOException {
        Path target = dir.resolve("broken.xml.bz2");
        DumpWriter writer = Dumps.create(target, DumpFormat.XML);
        try (DumpReader reader = Dumps.open(Corpus.file(SOURCE))) {
            writer.writeSiteInfo(reader.siteInfo());
            reader.revisions().forEach(writer::write);
        }
        // a revision without page data the writer rejects: a null entry fails inside the writer
        assertThrows(NullPointerException.class, () -> writer.write(null));
        writer.close(); // closing after the failure must not publish the file
        assertFalse(Files.exists(target));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "temporary files are removed");
        }
    }

    /** The input fails mid-way (outside the writer): try-with-resources must not publish what was written. */
    @Test
    void tryWithResourcesWithoutFinishLeavesNothing() throws IOException {
        Path source = Corpus.file(SOURCE); // outside assertThrows: a missing corpus skips the test
        for (DumpFormat format : new DumpFormat[] {DumpFormat.XML, DumpFormat.REVDOC, DumpFormat.REVDOC_LEGACY}) {
            Path target = dir.resolve("partial-" + format + ".out");
            assertThrows(IllegalStateException.class, () -> {
                try (DumpReader reader = Dumps.open(source);
                     DumpWriter writer = Dumps.create(target, format)) {
                    writer.writeSiteInfo(reader.siteInfo());
                    reader.revisions().stream().limit(3).forEach(writer::write);
                    throw new IllegalStateException("the input broke");
                }
            });
            assertFalse(Files.exists(target), format.toString());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "temporary files are removed");
        }
        Path complete = dir.resolve("complete.jsonl");
        try (DumpReader reader = Dumps.open(Corpus.file(SOURCE));
             DumpWriter writer = Dumps.create(complete, DumpFormat.REVDOC)) {
            Dumps.copy(reader, writer);
            writer.finish();
        }
        assertEquals(revisions(Corpus.file(SOURCE)).size(), revisions(complete).size());
    }

    @Test
    void abortLeavesNothing() throws IOException {
        Path target = dir.resolve("aborted.jsonl");
        DumpWriter writer = Dumps.create(target, DumpFormat.REVDOC);
        writer.writePage(Page.of(1, 0, "X"));
        writer.abort();
        writer.finish();
        assertFalse(Files.exists(target));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count());
        }
    }

    private static List<Revision> revisions(Path file) {
        try (DumpReader reader = Dumps.open(file)) {
            return reader.revisions().stream().toList();
        }
    }

    /**
     * A named pipe made by {@code mkfifo}, or the test is skipped when there is no such command (failed
     * under {@code -Dmwdump.requireTools=true}).
     */
    private Path fifo(String name) throws IOException, InterruptedException {
        Path fifo = dir.resolve(name);
        org.mwdump.testing.Tools.require("mkfifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        org.mwdump.testing.Tools.assume(p.waitFor() == 0, "mkfifo could not make a named pipe");
        return fifo;
    }

    @Test
    void aNamedPipeIsWrittenIntoAndNeverReplaced() throws Exception {
        Path file = dir.resolve("file.jsonl");
        Dumps.convert(Corpus.file(SOURCE), file, DumpFormat.REVDOC, WriteOptions.DEFAULT);
        Path fifo = fifo("pipe.jsonl");
        java.util.concurrent.CompletableFuture<byte[]> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Dumps.convert(Corpus.file(SOURCE), fifo, DumpFormat.REVDOC, WriteOptions.DEFAULT);
        org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(file),
                read.get(30, java.util.concurrent.TimeUnit.SECONDS));
        org.junit.jupiter.api.Assertions.assertTrue(org.mwdump.spi.OutputFiles.isSpecial(fifo), "still a pipe");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file, fifo).stream().sorted().toList(), left.sorted().toList(),
                    "no temporary file beside the pipe");
        }
    }

    @Test
    void aNamedPipeIsNotReplacedByARename() throws Exception {
        Path fifo = fifo("pipe");
        Path temp = org.mwdump.spi.OutputFiles.createTempBeside(fifo);
        assertThrows(java.nio.file.FileSystemException.class, () -> org.mwdump.spi.OutputFiles.moveIntoPlace(temp, fifo));
        org.junit.jupiter.api.Assertions.assertTrue(org.mwdump.spi.OutputFiles.isSpecial(fifo), "still a pipe");
        org.mwdump.spi.OutputFiles.discard(temp);
    }

    @Test
    void descriptorNamesAreTheProcesssStandardStreamsOrRefused() {
        long pid = ProcessHandle.current().pid();
        java.util.Map<String, Integer> streams = new java.util.LinkedHashMap<>();
        streams.put("/dev/stdout", 1);
        streams.put("/dev/stderr", 2);
        streams.put("/dev/fd/1", 1);
        streams.put("/proc/self/fd/2", 2);
        streams.put("/proc/thread-self/fd/1", 1);
        streams.put("/proc/" + pid + "/fd/1", 1);
        streams.put("/proc/" + pid + "/task/" + pid + "/fd/2", 2);
        streams.put("/dev/fd/4", 0);
        streams.put("/dev/stdin", 0);
        streams.put("/proc/self/fd/12", 0);
        streams.put("/proc/" + (pid + 1) + "/fd/1", 0);
        streams.forEach((name, stream) -> {
            assertEquals(stream, org.mwdump.spi.OutputFiles.standardStream(Path.of(name)), name);
            org.junit.jupiter.api.Assertions.assertTrue(org.mwdump.spi.OutputFiles.isDescriptorName(Path.of(name)), name);
            org.junit.jupiter.api.Assertions.assertTrue(org.mwdump.spi.OutputFiles.isSpecial(Path.of(name)), name);
        });
        assertFalse(org.mwdump.spi.OutputFiles.isSpecial(dir.resolve("fd")), "an ordinary name");
        assertFalse(org.mwdump.spi.OutputFiles.isDescriptorName(Path.of("/proc/self/status")), "not a descriptor");
        assertFalse(org.mwdump.spi.OutputFiles.isSpecial(dir), "a directory");
        // a descriptor other than the standard streams is never opened by its name
        org.mwdump.DumpException e = assertThrows(org.mwdump.DumpException.class,
                () -> Dumps.create(Path.of("/dev/fd/4"), DumpFormat.REVDOC));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("only standard output and standard error"),
                e.getMessage());
    }

    @Test
    void aSymbolicLinkToADeviceIsReplacedNotWrittenThrough() throws Exception {
        Path fifo = fifo("pipe");
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), fifo);
        Dumps.convert(Corpus.file(SOURCE), link, DumpFormat.REVDOC, WriteOptions.DEFAULT);
        assertFalse(Files.isSymbolicLink(link), "the link itself is replaced, as a rename replaces it");
        org.junit.jupiter.api.Assertions.assertTrue(org.mwdump.spi.OutputFiles.isSpecial(fifo), "the pipe is untouched");
    }
}
