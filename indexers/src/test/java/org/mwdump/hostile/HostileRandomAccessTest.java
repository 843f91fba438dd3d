package org.mwdump.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mwdump.CorruptInputException;
import org.mwdump.DumpException;
import org.mwdump.MalformedDumpException;
import org.mwdump.ReadOptions;
import org.mwdump.hostile.BadInputs.Outcome;
import org.mwdump.index.IndexEntry;
import org.mwdump.index.IndexedDump;
import org.mwdump.index.MultistreamIndex;
import org.mwdump.index.PageIndex;
import org.mwdump.write.layout.Recompressor;
import org.mwdump.write.layout.Recompressor.Layout;

/**
 * Random-access dumps cut short, and index files and seek tables that lie: each ends in a typed exception
 * that says where, never in a wrong page or an allocation the file does not justify.
 */
class HostileRandomAccessTest {
    static final int PAGES = 80;
    static byte[] xml;
    static Outcome full;
    @TempDir
    static Path shared;
    static Path bz2;
    static Path bz2Index;
    static Path zst;
    static Path zstIndex;

    @BeforeAll
    static void dumps() throws IOException {
        xml = BadInputs.xmlDump(PAGES);
        full = BadInputs.read(xml);
        bz2 = shared.resolve("hostile-multistream.xml.bz2");
        bz2Index = shared.resolve("hostile-multistream-index.txt.bz2");
        new Recompressor(Layout.BZIP2_MULTISTREAM, 4, 2).recompress(new ByteArrayInputStream(xml), bz2, bz2Index);
        zst = shared.resolve("hostile.xml.zst");
        zstIndex = shared.resolve("hostile-index.txt.zst");
        new Recompressor(Layout.SEEKABLE_ZSTD, 4, 2).recompress(new ByteArrayInputStream(xml), zst, zstIndex);
    }

    static Path copy(Path from, Path dir, String name) throws IOException {
        return Files.copy(from, dir.resolve(name));
    }

    /**
     * A multistream bz2 file cut short fails, except exactly before its final empty stream, where the
     * rest is a complete bz2 file holding every page.
     */
    @Test
    void multistreamBz2TruncatedAtHundredPoints() throws IOException {
        byte[] data = Files.readAllBytes(bz2);
        int validEnd = data.length - 14; // the empty stream that ends a recompressxml file
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i <= 100; i++) {
                int cut = i == 100 ? validEnd : (int) ((long) data.length * i / 100);
                Outcome o = BadInputs.read(Arrays.copyOf(data, cut));
                BadInputs.assertFailsCleanlyOrComplete(o, full, cut == validEnd, "multistream bz2 cut at " + cut);
            }
        });
    }

    /**
     * A seekable zstd file cut short fails; only a cut exactly before the seek table (a skippable
     * frame, invisible to decoders) leaves a complete zstd file, read as such.
     */
    @Test
    void seekableZstdTruncatedAtHundredPoints(@TempDir Path dir) throws IOException {
        byte[] data = Files.readAllBytes(zst);
        int tableSize = ByteBuffer.wrap(data, data.length - 9, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() * 12 + 9 + 8;
        int validEnd = data.length - tableSize;
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i <= 100; i++) {
                int cut = i == 100 ? validEnd : (int) ((long) data.length * i / 100);
                byte[] part = Arrays.copyOf(data, cut);
                Outcome o = BadInputs.read(part);
                BadInputs.assertFailsCleanlyOrComplete(o, full, cut == validEnd, "seekable zstd cut at " + cut);
                // random access needs the seek table: every cut loses it
                Path file = dir.resolve("cut" + i + ".xml.zst");
                Files.write(file, part);
                Path pageIndex = dir.resolve("cut" + i + ".mwpidx");
                DumpException e = assertThrows(DumpException.class,
                        () -> IndexedDump.open(file, zstIndex, pageIndex).close());
                BadInputs.assertLocated(e, "IndexedDump on seekable zstd cut at " + cut);
            }
        });
    }

    /** A cut multistream file with an intact index: pages before the cut are found, pages after fail. */
    @Test
    void multistreamCutWithIntactIndex(@TempDir Path dir) throws IOException {
        byte[] data = Files.readAllBytes(bz2);
        Path cut = dir.resolve("cut.xml.bz2");
        Files.write(cut, Arrays.copyOf(data, data.length / 2));
        try (IndexedDump d = IndexedDump.open(cut, bz2Index, dir.resolve("cut.mwpidx"))) {
            assertEquals(1L, d.byId(1).orElseThrow().page().id());
            DumpException e = assertThrows(CorruptInputException.class, () -> d.byId(PAGES));
            BadInputs.assertLocated(e, "page past the cut");
            assertEquals(cut.toString(), e.location().source());
            assertTrue(e.location().compressedOffset() > 0, e.toString());
        }
    }

    /** A flipped bit in a seekable zstd frame is caught by the frame's checksum. */
    @Test
    void seekableZstdFrameChecksumIsVerified(@TempDir Path dir) throws IOException {
        byte[] data = Files.readAllBytes(zst);
        List<IndexEntry> entries = MultistreamIndex.read(zstIndex);
        long frame = entries.get(entries.size() / 2).offset();
        long next = entries.stream().mapToLong(IndexEntry::offset).filter(o -> o > frame).min().orElseThrow();
        int caught = 0;
        for (long at = frame + 6; at < next; at += Math.max(1, (next - frame) / 40)) {
            byte[] damaged = data.clone();
            damaged[(int) at] ^= 0x10;
            Path file = dir.resolve("flip" + at + ".xml.zst");
            Files.write(file, damaged);
            try (IndexedDump d = IndexedDump.open(file, zstIndex, dir.resolve("flip" + at + ".mwpidx"))) {
                long id = entries.get(entries.size() / 2).pageId();
                d.byId(id);
            } catch (CorruptInputException | MalformedDumpException e) {
                BadInputs.assertLocated(e, "flip at " + at);
                caught++;
            }
        }
        assertTrue(caught > 0);
        // and read sequentially: a typed failure, every time
        byte[] damaged = data.clone();
        damaged[(int) (next - 5)] ^= 0x01; // inside the frame's 4-byte checksum
        Outcome o = BadInputs.read(damaged);
        assertInstanceOf(CorruptInputException.class, o.failure());
    }

    static Path index(Path dir, String name, String lines) throws IOException {
        Path file = dir.resolve(name);
        try (var out = new BZip2CompressorOutputStream(Files.newOutputStream(file))) {
            out.write(lines.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    static String indexText(Path multistreamIndex) {
        StringBuilder sb = new StringBuilder();
        for (IndexEntry e : MultistreamIndex.read(multistreamIndex)) {
            sb.append(e.offset()).append(':').append(e.pageId()).append(':').append(e.title()).append('\n');
        }
        return sb.toString();
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void indexOffsetsPastTheEnd(Layout layout, @TempDir Path dir) throws IOException {
        Path dump = layout == Layout.BZIP2_MULTISTREAM ? bz2 : zst;
        long size = Files.size(dump);
        String lying = indexText(layout == Layout.BZIP2_MULTISTREAM ? bz2Index : zstIndex)
                + (size + 1000) + ":999:Past the end\n" + (size + 5000) + ":1000:Further past\n";
        Path idx = index(dir, "lying-index.txt.bz2", lying);
        try (IndexedDump d = IndexedDump.open(dump, idx, dir.resolve("lying.mwpidx"))) {
            for (long id : new long[] {999, 1000}) {
                DumpException e = assertThrows(CorruptInputException.class, () -> d.byId(id));
                BadInputs.assertLocated(e, "offset past the end");
                assertEquals(dump.toString(), e.location().source());
            }
            assertThrows(CorruptInputException.class, () -> d.byTitle("Past the end"));
            assertThrows(CorruptInputException.class, () -> d.byIds(List.of(1L, 999L)));
            assertEquals(1L, d.byId(1).orElseThrow().page().id(), "the truthful entries still work");
        }
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void indexOffsetsInsideAChunk(Layout layout, @TempDir Path dir) throws IOException {
        Path dump = layout == Layout.BZIP2_MULTISTREAM ? bz2 : zst;
        String text = indexText(layout == Layout.BZIP2_MULTISTREAM ? bz2Index : zstIndex);
        List<IndexEntry> entries = MultistreamIndex.read(layout == Layout.BZIP2_MULTISTREAM ? bz2Index : zstIndex);
        IndexEntry victim = entries.get(entries.size() / 2);
        String lying = text.replace(victim.offset() + ":" + victim.pageId() + ":",
                (victim.offset() + 7) + ":" + victim.pageId() + ":");
        Path idx = index(dir, "inside-index.txt.bz2", lying);
        try (IndexedDump d = IndexedDump.open(dump, idx, dir.resolve("inside.mwpidx"))) {
            DumpException e = assertThrows(CorruptInputException.class, () -> d.byId(victim.pageId()));
            BadInputs.assertLocated(e, "offset inside a chunk");
        }
    }

    /** An index that places a page in the wrong (valid) stream: an error, not "no such page". */
    @ParameterizedTest
    @EnumSource(Layout.class)
    void indexPlacesAPageInTheWrongStream(Layout layout, @TempDir Path dir) throws IOException {
        Path dump = layout == Layout.BZIP2_MULTISTREAM ? bz2 : zst;
        Path real = layout == Layout.BZIP2_MULTISTREAM ? bz2Index : zstIndex;
        List<IndexEntry> entries = MultistreamIndex.read(real);
        IndexEntry first = entries.get(0);
        IndexEntry last = entries.get(entries.size() - 1);
        StringBuilder sb = new StringBuilder();
        for (IndexEntry e : entries) {
            long offset = e.pageId() == last.pageId() ? first.offset() : e.offset();
            sb.append(offset).append(':').append(e.pageId()).append(':').append(e.title()).append('\n');
        }
        // offsets must not decrease in an index file: the lie goes into a page index built directly
        PageIndex.Builder b = new PageIndex.Builder();
        for (IndexEntry e : entries) {
            b.add(e.pageId(), e.pageId() == last.pageId() ? first.offset() : e.offset(), e.title());
        }
        Path pageIndex = dir.resolve("wrong.mwpidx");
        b.write(pageIndex);
        try (IndexedDump d = IndexedDump.open(dump, real, pageIndex)) {
            MalformedDumpException e = assertThrows(MalformedDumpException.class, () -> d.byId(last.pageId()));
            assertEquals(last.pageId(), e.location().pageId());
            assertEquals(first.offset(), e.location().compressedOffset());
            assertThrows(MalformedDumpException.class, () -> d.byTitle(last.title()));
            assertThrows(MalformedDumpException.class, () -> d.byIds(List.of(first.pageId(), last.pageId())));
        }
    }

    /**
     * Wrong titles in the index: a lookup never answers with a page of another title; the lied-about
     * title finds nothing, and the page is still found by id.
     */
    @Test
    void indexWithWrongTitles(@TempDir Path dir) throws IOException {
        List<IndexEntry> entries = MultistreamIndex.read(bz2Index);
        StringBuilder sb = new StringBuilder();
        for (IndexEntry e : entries) {
            sb.append(e.offset()).append(':').append(e.pageId()).append(':').append("Wrong ").append(e.title()).append('\n');
        }
        Path idx = index(dir, "titles-index.txt.bz2", sb.toString());
        try (IndexedDump d = IndexedDump.open(bz2, idx, dir.resolve("titles.mwpidx"))) {
            for (IndexEntry e : entries) {
                assertTrue(d.byTitle("Wrong " + e.title()).isEmpty(), e.title());
                assertEquals(e.title(), d.byId(e.pageId()).orElseThrow().page().title());
            }
        }
    }

    @Test
    void malformedIndexLines(@TempDir Path dir) throws IOException {
        for (String lines : List.of("12:1\n", "x:1:T\n", "1:y:T\n", "9000000000:1:A\n5000000000:2:B\n", "99999999999999999999:1:T\n",
                ":1:T\n")) {
            Path idx = index(dir, "bad.txt.bz2", lines);
            MalformedDumpException e = assertThrows(MalformedDumpException.class, () -> MultistreamIndex.read(idx), lines);
            assertTrue(e.location().line() >= 1, e.toString());
        }
        // a damaged bz2 index: corrupt, with where
        Path idx = index(dir, "bad.txt.bz2", indexText(bz2Index));
        byte[] data = Files.readAllBytes(idx);
        data[data.length / 2] ^= 0x20;
        Files.write(idx, data);
        DumpException e = assertThrows(DumpException.class, () -> MultistreamIndex.read(idx));
        assertTrue(e instanceof CorruptInputException || e instanceof MalformedDumpException, e.toString());
        BadInputs.assertLocated(e, "damaged index");
    }

    static Path pageIndexFile(Path dir, String name, long count, int actualEntries) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16 + actualEntries * 32).order(ByteOrder.LITTLE_ENDIAN);
        b.put("MWPIDX01".getBytes(StandardCharsets.US_ASCII)).putLong(count);
        for (int i = 0; i < actualEntries; i++) {
            b.putLong(16 + 16 * i, i + 1).putLong(24 + 16 * i, 0);
        }
        return Files.write(dir.resolve(name), b.array());
    }

    /** Page index files whose header lies about their content. */
    @Test
    void pageIndexHeaderLies(@TempDir Path dir) throws IOException {
        for (long[] lie : new long[][] {{11, 10}, {9, 10}, {-1, 10}, {Long.MIN_VALUE, 10}, {(1L << 59) + 10, 10},
            {(1L << 59) + 10, 20}, {Long.MAX_VALUE, 0}, {1L << 32, 0}}) {
            Path file = pageIndexFile(dir, "lie.mwpidx", lie[0], (int) lie[1]);
            MalformedDumpException e = assertThrows(MalformedDumpException.class, () -> PageIndex.open(file),
                    Arrays.toString(lie));
            BadInputs.assertLocated(e, "page index header");
            Files.delete(file);
        }
        for (byte[] content : List.of(new byte[0], new byte[5], "MWPIDX01".getBytes(StandardCharsets.US_ASCII),
                "MWPIDX02\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.US_ASCII))) {
            Path file = Files.write(dir.resolve("short.mwpidx"), content);
            MalformedDumpException e = assertThrows(MalformedDumpException.class, () -> PageIndex.open(file));
            BadInputs.assertLocated(e, "short page index");
        }
        // a page index that lies opened as the index of a real dump
        Path file = pageIndexFile(dir, "dump.mwpidx", 100, 10);
        assertThrows(MalformedDumpException.class, () -> IndexedDump.open(bz2, bz2Index, file));
    }

    /** Seek tables that lie. */
    @Test
    void seekTablesThatLie(@TempDir Path dir) throws IOException {
        byte[] data = Files.readAllBytes(zst);
        int frames = ByteBuffer.wrap(data, data.length - 9, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int tableStart = data.length - (frames * 12 + 9 + 8);
        int lastEntry = data.length - 9 - 12;
        List<byte[]> lies = new java.util.ArrayList<>();
        lies.add(with(data, data.length - 9, frames + 1));                  // more frames than the table holds
        lies.add(with(data, data.length - 9, frames - 1));                  // fewer
        lies.add(with(data, data.length - 9, 0x7FFFFFFF));                  // absurdly many
        lies.add(with(data, data.length - 5, data[data.length - 5] | 0x04)); // reserved descriptor bit
        lies.add(with(data, tableStart + 4, 17));                           // frame header size disagrees
        lies.add(with(data, lastEntry, readInt(data, lastEntry) + 1));      // compressed sizes do not add up
        // a decompressed size larger than the frame holds, and one of 4 GiB: never allocated
        lies.add(with(with(data, tableStart + 8 + 4, 0x7FFFFFF0), 0, data[0]));
        lies.add(with(data, tableStart + 8 + 4, -1));
        lies.add(with(data, tableStart + 8 + 12 + 4, readInt(data, tableStart + 8 + 12 + 4) + 1));
        lies.add(with(data, tableStart, 0x184D2A50));                       // not the seek table magic
        lies.add(with(data, data.length - 4, 0));                           // no footer magic
        int k = 0;
        for (byte[] lie : lies) {
            Path file = dir.resolve("lie" + k + ".xml.zst");
            Files.write(file, lie);
            Path pageIndex = dir.resolve("lie" + k + ".mwpidx");
            int n = k++;
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try (IndexedDump d = IndexedDump.open(file, zstIndex, pageIndex)) {
                    for (long id = 1; id <= PAGES; id++) {
                        d.byId(id);
                    }
                    throw new AssertionError("seek table lie " + n + " read without error");
                } catch (CorruptInputException | MalformedDumpException e) {
                    BadInputs.assertLocated(e, "seek table lie " + n);
                }
            });
        }
        // and tiny files that only look like zstd
        for (int len : new int[] {4, 8, 16, 17, 30}) {
            Path file = Files.write(dir.resolve("tiny" + len + ".zst"), Arrays.copyOf(data, len));
            DumpException e = assertThrows(CorruptInputException.class,
                    () -> IndexedDump.open(file, zstIndex, dir.resolve("tiny" + len + ".mwpidx")));
            BadInputs.assertLocated(e, "tiny zstd " + len);
        }
    }

    static int readInt(byte[] data, int at) {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt(at);
    }

    static byte[] with(byte[] data, int at, int value) {
        byte[] copy = data.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
        return copy;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void readsWholeForReference() {
        assertFalse(full.failed());
        assertEquals(PAGES, full.pages());
        assertEquals(full.digest(), BadInputs.read(bz2, ReadOptions.DEFAULT).digest());
        assertEquals(full.digest(), BadInputs.read(zst, ReadOptions.DEFAULT).digest());
    }
}
