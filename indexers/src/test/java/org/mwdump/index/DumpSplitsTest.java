package org.mwdump.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.DumpException;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.ReadOptions;
import org.mwdump.model.Revision;
import org.mwdump.write.bzip2.Bzip2OutputStream;
import org.mwdump.write.layout.Recompressor;

/**
 * Splits read together give every revision of the dump once, in order, whatever the split size: for
 * multistream bz2, seekable zstd, and a single bz2 stream split at blocks, with a page of 3,000 revisions
 * that runs through many streams, frames and blocks.
 */
class DumpSplitsTest {
    private static final byte[] XML = ParallelCopyTest.historyXml(3000);

    /** The dump as a multistream bz2 file (with its index beside it) of so many pages per stream. */
    private static Path multistream(Path dir, int pagesPerStream) throws IOException {
        Path file = dir.resolve("d.xml.bz2");
        new Recompressor(Recompressor.Layout.BZIP2_MULTISTREAM, pagesPerStream, 2).recompress(
                new ByteArrayInputStream(XML), file, dir.resolve("d-index.txt.bz2"));
        return file;
    }

    /** The dump as one bz2 stream of level 1 (blocks of about 25 KB compressed). */
    private static Path singleStream(Path file) throws IOException {
        try (OutputStream out = new Bzip2OutputStream(Files.newOutputStream(file), 1, 1)) {
            out.write(XML);
        }
        return file;
    }

    /** Flips a bit in the middle of a file. */
    private static void damage(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        b[b.length / 2] ^= 0x10;
        Files.write(file, b);
    }

    /** What reading each split of the file (called {@code name}) threw; checks that one split failed. */
    private static List<DumpException> failures(Path file, String name, long target) throws IOException {
        List<DumpException> failures = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (DumpSplits.Split s : DumpSplits.plan(ch, name, target)) {
                try (DumpReader r = DumpSplits.open(ch, name, s, ReadOptions.DEFAULT)) {
                    r.revisions().forEach(x -> { });
                } catch (DumpException e) {
                    failures.add(e);
                }
            }
        }
        assertTrue(!failures.isEmpty(), "a split failed");
        return failures;
    }

    private static List<Revision> whole(Path file) {
        List<Revision> all = new ArrayList<>();
        try (DumpReader r = Dumps.open(file)) {
            r.revisions().forEach(all::add);
        }
        return all;
    }

    /** The revisions of every split, one split after another; checks the splits cover the file. */
    private static List<Revision> bySplits(Path file, long target, DumpSplits.Kind kind) throws IOException {
        List<Revision> all = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            List<DumpSplits.Split> splits = DumpSplits.plan(ch, file.toString(), target);
            assertEquals(0, splits.get(0).start());
            assertEquals(Files.size(file), splits.get(splits.size() - 1).end());
            for (int i = 0; i < splits.size(); i++) {
                DumpSplits.Split s = splits.get(i);
                assertEquals(kind, s.kind());
                if (i > 0) {
                    assertEquals(splits.get(i - 1).end(), s.start(), "splits are contiguous");
                }
                try (DumpReader r = DumpSplits.open(ch, file.toString(), s, ReadOptions.DEFAULT)) {
                    r.revisions().forEach(all::add);
                }
            }
            boolean ranges = kind == DumpSplits.Kind.STREAMS || kind == DumpSplits.Kind.BLOCKS;
            if (ranges ? target <= Files.size(file) / 10 : kind == DumpSplits.Kind.FRAMES && target == 1) {
                // every frame a split of its own; streams and blocks in every byte range
                assertTrue(splits.size() >= 8, kind + " target " + target + ": " + splits.size() + " splits");
            }
        }
        return all;
    }

    private static void check(Path file, DumpSplits.Kind kind) throws IOException {
        List<Revision> expected = whole(file);
        assertTrue(expected.size() > 3000);
        long size = Files.size(file);
        // byte ranges are cut at any byte: not a split per byte for streams and blocks
        long smallest = kind == DumpSplits.Kind.FRAMES ? 1 : size / 40;
        for (long target : new long[] {smallest, 4096, size / 10, size / 3, size, 10 * size}) {
            List<Revision> got = bySplits(file, target, kind);
            assertEquals(expected.size(), got.size(), kind + " target " + target);
            assertEquals(expected, got, kind + " target " + target);
        }
    }

    @Test
    void multistream(@TempDir Path dir) throws IOException {
        check(multistream(dir, 3), DumpSplits.Kind.STREAMS);
    }

    @Test
    void theIndexGroupsTheStreamsItLists(@TempDir Path dir) throws IOException {
        Path file = multistream(dir, 3);
        Path index = dir.resolve("d-index.txt.bz2");
        assertEquals(List.of("d-index.txt.bz2"), DumpSplits.multistreamIndexNames("d.xml.bz2"));
        assertEquals(List.of("d-index.txt.zst", "d-index.txt.bz2"), DumpSplits.multistreamIndexNames("d.xml.zst"));
        List<Long> offsets;
        try (java.io.InputStream in = Dumps.decompress(Files.newInputStream(index), index)) {
            offsets = DumpSplits.streamOffsets(in, index.toString());
        }
        List<Revision> expected = whole(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (long target : new long[] {1, 10_000, Files.size(file)}) {
                List<DumpSplits.Split> splits = DumpSplits.plan(ch, file.toString(), target, offsets);
                List<Revision> got = new ArrayList<>();
                for (DumpSplits.Split s : splits) {
                    assertEquals(DumpSplits.Kind.STREAMS, s.kind());
                    assertTrue(offsets.contains(s.start()), "a split starts where a stream does: " + s);
                    try (DumpReader r = DumpSplits.open(ch, file.toString(), s, ReadOptions.DEFAULT)) {
                        r.revisions().forEach(got::add);
                    }
                }
                if (target == 1) {
                    assertEquals(offsets.size(), splits.size(), "a split for every stream the index lists");
                }
                assertEquals(expected, got, "target " + target);
            }
        }
    }

    @Test
    void planningReadsOnlyTheStartOfTheFile(@TempDir Path dir) throws IOException {
        for (boolean multistream : new boolean[] {true, false}) {
            Path file = dir.resolve(multistream + ".xml.bz2");
            if (multistream) {
                Files.move(multistream(dir, 3), file);
            } else {
                singleStream(file);
            }
            // a file of a gigabyte, most of it a hole after the dump: planning must not read it
            try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
                f.setLength(1L << 30);
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                 FailingChannel counted = new FailingChannel(ch, Long.MAX_VALUE, new IOException("unused"), t -> true,
                         false)) {
                List<DumpSplits.Split> splits = DumpSplits.plan(counted, file.toString(), 64 << 20);
                assertEquals(16, splits.size());
                assertEquals(multistream ? DumpSplits.Kind.STREAMS : DumpSplits.Kind.BLOCKS, splits.get(0).kind());
                assertTrue(counted.furthest <= (17 << 20) + 64, multistream + ": read up to byte " + counted.furthest);
            }
        }
    }

    @Test
    void closingEarlyDecodesNoMore(@TempDir Path dir) throws IOException {
        Path file = multistream(dir, 1);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            DumpSplits.Split whole = DumpSplits.plan(ch, file.toString(), Long.MAX_VALUE).get(0);
            int[] decoded = {0};
            try (DumpReader r = DumpSplits.open(ch, file.toString(), whole, ReadOptions.DEFAULT, () -> decoded[0]++)) {
                r.nextPage();
                r.nextEntry();
            }
            assertTrue(decoded[0] > 0 && decoded[0] <= 3, "decoded " + decoded[0]);
        }
    }

    @Test
    void seekableZstd(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("d.xml.zst");
        new Recompressor(Recompressor.Layout.SEEKABLE_ZSTD, 3, 2).recompress(new ByteArrayInputStream(XML), file,
                dir.resolve("d-index.txt.bz2"));
        check(file, DumpSplits.Kind.FRAMES);
    }

    @Test
    void singleStreamAtBlocks(@TempDir Path dir) throws IOException {
        check(singleStream(dir.resolve("d.xml.bz2")), DumpSplits.Kind.BLOCKS);
    }

    @Test
    void thePageAndBlockIndexesKeepOnlyTheSplitsWhereWantedPagesStart(@TempDir Path dir) throws IOException {
        Path file = singleStream(dir.resolve("s.xml.bz2"));
        IndexedDump.IndexFiles files = IndexedDump.buildIndex(file, IndexedDump.Options.DEFAULT);
        PageIndex pages;
        BlockIndex blocks;
        try (java.io.InputStream in = Files.newInputStream(files.pageIndex())) {
            pages = PageIndex.read(in, files.pageIndex().toString());
        }
        try (java.io.InputStream in = Files.newInputStream(files.blockIndex())) {
            blocks = BlockIndex.read(in, files.blockIndex().toString());
        }
        assertTrue(pages.builtFrom().orElseThrow().matches(Files.size(file),
                Files.getLastModifiedTime(file).toMillis()));
        assertTrue(blocks.size() > 20, "blocks: " + blocks.size());
        List<Revision> expected = whole(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            List<DumpSplits.Split> splits = DumpSplits.plan(ch, file.toString(), Files.size(file) / 40);
            assertTrue(splits.size() >= 20, "splits: " + splits.size());
            for (long id = 1; id <= 40; id++) {
                long wanted = id;
                List<DumpSplits.Split> kept = DumpSplits.withWantedPages(splits, pages, blocks, x -> x == wanted);
                assertTrue(kept.size() >= 1 && kept.size() <= 2, "page " + id + ": " + kept.size() + " splits");
                assertSame(expected.stream().filter(r -> r.page().id() == wanted).toList(),
                        read(ch, file, kept).stream().filter(r -> r.page().id() == wanted).toList(), "page " + id);
            }
            List<DumpSplits.Split> kept = DumpSplits.withWantedPages(splits, pages, blocks, x -> x >= 20 && x <= 30);
            assertTrue(kept.size() < splits.size() / 2, kept.size() + " of " + splits.size());
            assertSame(expected.stream().filter(r -> r.page().id() >= 20 && r.page().id() <= 30).toList(),
                    read(ch, file, kept).stream().filter(r -> r.page().id() >= 20 && r.page().id() <= 30).toList(),
                    "pages 20-30");
            assertEquals(List.of(), DumpSplits.withWantedPages(splits, pages, blocks, x -> false));
        }
        byte[] index = Files.readAllBytes(files.pageIndex());
        assertThrows(org.mwdump.MalformedDumpException.class, () -> PageIndex.read(
                new ByteArrayInputStream(java.util.Arrays.copyOf(index, index.length - 8)), "cut.mwpidx"));
        byte[] blockBytes = Files.readAllBytes(files.blockIndex());
        assertThrows(org.mwdump.MalformedDumpException.class, () -> BlockIndex.read(
                new ByteArrayInputStream(java.util.Arrays.copyOf(blockBytes, blockBytes.length - 8)), "cut.mwbidx"));
    }

    /** The same revisions (their ids compared first, for a short message). */
    private static void assertSame(List<Revision> expected, List<Revision> actual, String what) {
        assertEquals(expected.stream().map(Revision::id).toList(), actual.stream().map(Revision::id).toList(), what);
        assertTrue(expected.equals(actual), what);
    }

    /** The revisions of these splits, one after another. */
    private static List<Revision> read(FileChannel ch, Path file, List<DumpSplits.Split> splits) {
        List<Revision> all = new ArrayList<>();
        for (DumpSplits.Split s : splits) {
            try (DumpReader r = DumpSplits.open(ch, file.toString(), s, ReadOptions.DEFAULT)) {
                r.revisions().forEach(all::add);
            }
        }
        return all;
    }

    @Test
    void plainXmlIsOneSplit(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("d.xml");
        Files.write(file, XML);
        List<Revision> got = bySplits(file, 100, DumpSplits.Kind.WHOLE);
        assertEquals(whole(file), got);
    }

    @Test
    void aDamagedStreamIsReportedUnderTheNameGiven(@TempDir Path dir) throws IOException {
        Path file = multistream(dir, 3);
        damage(file);
        String name = "hdfs://namenode:8020/dumps/d.xml.bz2";
        for (DumpException e : failures(file, name, Files.size(file) / 10)) {
            assertTrue(e.getMessage().contains(name + ", byte offset"), e.getMessage());
        }
    }

    @Test
    void aDamagedBlockFailsTheSplitThatReadsIt(@TempDir Path dir) throws IOException {
        Path file = singleStream(dir.resolve("d.xml.bz2"));
        damage(file);
        for (DumpException e : failures(file, file.toString(), Files.size(file) / 8)) {
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            assertTrue(e.location().compressedOffset() >= 0, e.getMessage());
        }
        assertThrows(DumpException.class, () -> whole(file));
    }
}
