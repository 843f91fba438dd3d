package org.mwdump.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mwdump.Compression;
import org.mwdump.CorruptInputException;
import org.mwdump.DumpException;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.ReadOptions;
import org.mwdump.WriteOptions;
import org.mwdump.model.Page;
import org.mwdump.testing.GeneratedDump;
import org.mwdump.write.layout.Recompressor;

/**
 * Errors keep their cause on several threads: a disk that fails while a dump is read is reported as a
 * file that cannot be read ({@code cannot read FILE: …}, the {@link IOException} kept as the cause),
 * never as damaged data; a bug or an exhausted heap in a decoding thread surfaces as itself; and
 * damaged data is reported with the file and compressed offset that a single-threaded read gives.
 */
class ReadFailureTest {
    /** Enough pages for a few hundred kB of XML: many bz2 blocks of 100 kB, many streams and frames. */
    private static final GeneratedDump DUMP = GeneratedDump.builder("0.11").pages(600).seed(7).build();

    @TempDir
    static Path files;

    @BeforeAll
    static void makeDumps() throws IOException {
        assertTrue(DUMP.xml().length > 500_000, "several bz2 blocks: " + DUMP.xml().length);
        try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(dump("single-stream bz2")), 1)) {
            out.write(DUMP.xml());
        }
        new Recompressor(Recompressor.Layout.BZIP2_MULTISTREAM, 5, 2).recompress(
                new ByteArrayInputStream(DUMP.xml()), dump("multistream bz2"), files.resolve("ms-index.txt"));
        new Recompressor(Recompressor.Layout.SEEKABLE_ZSTD, 5, 2).recompress(
                new ByteArrayInputStream(DUMP.xml()), dump("seekable zstd"), files.resolve("zst-index.txt"));
    }

    static Path dump(String layout) {
        return files.resolve(switch (layout) {
            case "single-stream bz2" -> "single.xml.bz2";
            case "multistream bz2" -> "multistream.xml.bz2";
            default -> "seekable.xml.zst";
        });
    }

    @AfterEach
    void realDisk() {
        DumpFiles.wrapper = null;
    }

    /** Channels opened from now on fail from the middle of the file, where {@code threads} read. */
    static void failingDisk(Path file, Throwable failure, Predicate<Thread> threads) throws IOException {
        long middle = Files.size(file) / 2;
        DumpFiles.wrapper = ch -> new FailingChannel(ch, middle, failure, threads, true);
    }

    static void readAll(DumpReader reader) {
        for (Page p = reader.nextPage(); p != null; p = reader.nextPage()) {
            while (reader.nextEntry() != null) {
                // everything is read
            }
        }
        while (reader.nextLogItem() != null) {
            // to the end
        }
    }

    /** The error a disk error gives: the file named, the disk's exception as the cause, not damaged data. */
    static void assertReadFailure(Path file, IOException disk, DumpException e) {
        assertFalse(e instanceof CorruptInputException, "a disk error is not damaged data: " + e);
        assertSame(disk, e.getCause(), "the disk's exception is kept");
        assertTrue(e.getMessage().startsWith("cannot read " + file + ": Input/output error"), e.getMessage());
        assertEquals(file.toString(), e.location().source());
        assertFalse(e.getMessage().contains("Exception"), "no class names: " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-stream bz2", "multistream bz2", "seekable zstd"})
    void aDiskErrorInADecodingThreadIsAnIoError(String layout) throws IOException {
        Path file = dump(layout);
        IOException disk = new IOException("Input/output error");
        failingDisk(file, disk, FailingChannel::decodingThread);
        try (DumpReader reader = ParallelDumps.open(file, 3)) {
            DumpException e = assertThrows(DumpException.class, () -> readAll(reader));
            assertReadFailure(file, disk, e);
            assertTrue(e.location().compressedOffset() >= 0, e.getMessage());
        }
    }

    /** The disk fails once the copy is under way, for whichever thread reads next. */
    @ParameterizedTest
    @ValueSource(strings = {"single-stream bz2", "multistream bz2", "seekable zstd"})
    void aDiskErrorOnAnyThreadWhileCopyingIsAnIoError(String layout) throws IOException {
        Path file = dump(layout);
        for (int threads : new int[] {2, 3}) {
            IOException disk = new IOException("Input/output error");
            List<FailingChannel> channels = new java.util.concurrent.CopyOnWriteArrayList<>();
            long middle = Files.size(file) / 2;
            DumpFiles.wrapper = ch -> {
                FailingChannel failing = new FailingChannel(ch, middle, disk, t -> true, false);
                channels.add(failing);
                return failing;
            };
            DumpWriter out = Dumps.create(OutputStream.nullOutputStream(), DumpFormat.REVDOC,
                    WriteOptions.builder().compression(Compression.NONE).build());
            // the listener runs on the copying thread, after the first pieces are written
            DumpException e = assertThrows(DumpException.class, () -> ParallelDumps.copy(file, out, threads,
                    ReadOptions.DEFAULT, (progress, pages) -> channels.forEach(FailingChannel::arm), 2048, 1 << 16));
            out.abort();
            assertReadFailure(file, disk, e);
            assertTrue(e.location().compressedOffset() >= 0, e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-stream bz2", "multistream bz2", "seekable zstd"})
    void aDiskErrorInADecodingThreadWhileCopyingIsAnIoError(String layout) throws IOException {
        Path file = dump(layout);
        IOException disk = new IOException("Input/output error");
        failingDisk(file, disk, FailingChannel::decodingThread);
        DumpException e = assertThrows(DumpException.class, () -> copy(file, 2));
        assertReadFailure(file, disk, e);
        assertTrue(e.location().compressedOffset() >= 0, e.getMessage());
    }

    static void copy(Path file, int threads) {
        DumpWriter out = Dumps.create(OutputStream.nullOutputStream(), DumpFormat.REVDOC,
                WriteOptions.builder().compression(Compression.NONE).build());
        try {
            ParallelDumps.copy(file, out, threads);
            out.finish();
        } catch (RuntimeException | Error e) {
            out.abort();
            throw e;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-stream bz2", "multistream bz2", "seekable zstd"})
    void aDiskErrorInARandomAccessLookupIsAnIoError(String layout) throws IOException {
        Path file = dump(layout);
        long last = DUMP.pages().get(DUMP.pages().size() - 1).id();
        try (IndexedDump indexed = IndexedDump.open(file)) {
            assertTrue(indexed.byId(last).isPresent(), "the index is built and works");
        }
        IOException disk = new IOException("Input/output error");
        FailingChannel[] channel = new FailingChannel[1];
        long middle = Files.size(file) / 2;
        DumpFiles.wrapper = ch -> channel[0] = new FailingChannel(ch, middle, disk, t -> true, false);
        try (IndexedDump indexed = IndexedDump.open(file)) {
            channel[0].arm();
            DumpException e = assertThrows(DumpException.class, () -> indexed.byId(last));
            assertReadFailure(file, disk, e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-stream bz2", "multistream bz2", "seekable zstd"})
    void aBugInADecodingThreadSurfacesAsItself(String layout) throws IOException {
        Path file = dump(layout);
        for (Throwable bug : List.of(new IllegalStateException("a bug"), new OutOfMemoryError("Java heap space"))) {
            failingDisk(file, bug, FailingChannel::decodingThread);
            try (DumpReader reader = ParallelDumps.open(file, 3)) {
                Throwable e = assertThrows(bug.getClass(), () -> readAll(reader));
                assertSame(bug, e, "reading: as it was thrown, not wrapped or called damaged data");
            }
            Throwable e = assertThrows(bug.getClass(), () -> copy(file, 2));
            assertSame(bug, e, "copying: as it was thrown, not wrapped or called damaged data");
        }
    }

    /**
     * An index built by scanning a dump without an index file (its streams or frames decoded on several
     * threads): every chunk reported in file order, up to the file's size; a disk error reported as one, a bug
     * as itself; damaged data as damaged data, at its offset in the file.
     */
    @ParameterizedTest
    @ValueSource(strings = {"multistream bz2", "seekable zstd"})
    void scanningForAnIndexReportsItsProgressAndItsFailures(String layout) throws IOException {
        Path file = dump(layout);
        Path index = files.resolve("scanned.mwpidx");
        long size = Files.size(file);
        List<long[]> reports = new java.util.ArrayList<>();
        IndexBuilder.scan(file, index, 4, (p, pages) -> reports.add(new long[] {p.bytesRead(), p.totalBytes(), pages}));
        assertEquals(DUMP.pages().size(), PageIndex.open(index).size());
        assertTrue(reports.size() > 10, "a report for each chunk: " + reports.size());
        for (int i = 0; i < reports.size(); i++) {
            assertEquals(size, reports.get(i)[1]);
            if (i > 0) {
                assertTrue(reports.get(i)[0] > reports.get(i - 1)[0], "bytes read go up at " + i);
                assertTrue(reports.get(i)[2] >= reports.get(i - 1)[2], "pages go up at " + i);
            }
        }
        assertEquals(size, reports.get(reports.size() - 1)[0]);
        assertEquals(DUMP.pages().size(), reports.get(reports.size() - 1)[2]);

        IOException disk = new IOException("Input/output error");
        failingDisk(file, disk, FailingChannel::decodingThread);
        DumpException e = assertThrows(DumpException.class, () -> IndexedDump.buildPageIndexByScanning(file, index));
        assertReadFailure(file, disk, e);
        for (Throwable bug : List.of(new IllegalStateException("a bug"), new OutOfMemoryError("Java heap space"))) {
            failingDisk(file, bug, FailingChannel::decodingThread);
            Throwable t = assertThrows(bug.getClass(), () -> IndexedDump.buildPageIndexByScanning(file, index));
            assertSame(bug, t, "as it was thrown, not wrapped or called damaged data");
        }
        DumpFiles.wrapper = null;

        // a run of bytes in the middle of the file overwritten
        Path damaged = files.resolve("damaged-" + file.getFileName());
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < 64; i++) {
            bytes[bytes.length / 2 + i] ^= (byte) 0x5A;
        }
        Files.write(damaged, bytes);
        CorruptInputException c = assertThrows(CorruptInputException.class,
                () -> IndexedDump.buildPageIndexByScanning(damaged, index));
        assertEquals(damaged.toString(), c.location().source());
        assertTrue(c.location().compressedOffset() > 0 && c.location().compressedOffset() <= bytes.length / 2 + 64,
                c.getMessage());
    }

    /** Someone truncates the file while it is read: that is the file failing, not damaged data. */
    @ParameterizedTest
    @ValueSource(strings = {"single-stream bz2", "multistream bz2", "seekable zstd"})
    void aFileTruncatedWhileItIsReadIsAnIoError(String layout, @TempDir Path dir) throws IOException {
        Path file = Files.copy(dump(layout), dir.resolve(dump(layout).getFileName()));
        long size = Files.size(file);
        try (DumpReader reader = ParallelDumps.open(file, 2)) {
            assertTrue(reader.nextPage() != null);
            truncate(file, size / 2);
            DumpException e = assertThrows(DumpException.class, () -> readAll(reader));
            assertTruncated(file, e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-stream bz2", "multistream bz2", "seekable zstd"})
    void aFileTruncatedWhileItIsCopiedIsAnIoError(String layout, @TempDir Path dir) throws IOException {
        Path file = Files.copy(dump(layout), dir.resolve(dump(layout).getFileName()));
        long size = Files.size(file);
        boolean[] cut = {false};
        DumpWriter out = Dumps.create(OutputStream.nullOutputStream(), DumpFormat.REVDOC,
                WriteOptions.builder().compression(Compression.NONE).build());
        // the listener runs on the copying thread: the file is cut after the first pieces are written
        DumpException e = assertThrows(DumpException.class, () -> ParallelDumps.copy(file, out, 2,
                ReadOptions.DEFAULT, (progress, pages) -> {
                    if (!cut[0]) {
                        cut[0] = true;
                        truncate(file, size / 2);
                    }
                }, 2048, 1 << 16));
        out.abort();
        assertTrue(cut[0]);
        assertTruncated(file, e);
    }

    static void truncate(Path file, long size) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void assertTruncated(Path file, DumpException e) {
        assertFalse(e instanceof CorruptInputException, "a file cut while read is not damaged data: " + e);
        assertInstanceOf(IOException.class, e.getCause());
        assertTrue(e.getMessage().startsWith("cannot read " + file + ": the file ended at byte "), e.getMessage());
        assertTrue(e.getMessage().contains("it was truncated while it was read"), e.getMessage());
    }

    /**
     * Damaged data read on several threads: the error, file and compressed offset of a read on one. For
     * seekable zstd the offset is where the damaged frame starts on several threads and how far the
     * input was read on one (the decoder reads ahead of what it has decoded), so only the error and the
     * file are compared.
     */
    @ParameterizedTest
    @ValueSource(strings = {"single-stream bz2", "multistream bz2", "seekable zstd"})
    void damageIsReportedAsOnOneThread(String layout, @TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(dump(layout));
        bytes[bytes.length * 2 / 3] ^= 0x10;
        Path file = Files.write(dir.resolve(dump(layout).getFileName()), bytes);
        boolean offsets = !layout.contains("zstd");
        CorruptInputException one = assertThrows(CorruptInputException.class, () -> {
            try (DumpReader reader = Dumps.open(file)) {
                readAll(reader);
            }
        });
        CorruptInputException several = assertThrows(CorruptInputException.class, () -> {
            try (DumpReader reader = ParallelDumps.open(file, 3)) {
                readAll(reader);
            }
        });
        assertSameDamage(one, several, offsets);
        CorruptInputException copied = assertThrows(CorruptInputException.class, () -> copy(file, 3));
        assertSameDamage(one, copied, offsets);
    }

    static void assertSameDamage(CorruptInputException expected, CorruptInputException actual, boolean offset) {
        assertEquals(expected.reason(), actual.reason(), actual.getMessage());
        assertEquals(expected.location().source(), actual.location().source(), actual.getMessage());
        assertTrue(actual.location().compressedOffset() >= 0, actual.getMessage());
        if (offset) {
            assertEquals(expected.location().compressedOffset(), actual.location().compressedOffset(),
                    expected.getMessage() + " / " + actual.getMessage());
        }
    }
}
