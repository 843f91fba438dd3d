package org.mwdump.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mwdump.DumpReader;
import org.mwdump.model.Page;
import org.mwdump.model.Revision;
import org.mwdump.testing.GeneratedDump;
import org.mwdump.write.layout.Recompressor;

/**
 * Random access and parallel reading on generated dumps, so they run without the shared corpus: a dump
 * of every schema version recompressed into Wikimedia's multistream bz2 layout and into seekable zstd
 * finds every page by id and by title, with all its revisions and uploads and the dump's site info, as
 * the dump was made; an ordinary single-stream bz2 file too, through its block index; and reading each
 * layout on several threads gives the revisions of the dump in order.
 */
class GeneratedIndexedDumpTest {

    static Stream<Arguments> versionsAndLayouts() {
        return GeneratedDump.VERSIONS.stream().flatMap(v -> Stream.of(Recompressor.Layout.values())
                .map(layout -> Arguments.of(v, layout)));
    }

    static Path recompress(GeneratedDump dump, Recompressor.Layout layout, Path dir, int pagesPerChunk)
            throws IOException {
        boolean zstd = layout == Recompressor.Layout.SEEKABLE_ZSTD;
        Path file = dir.resolve(zstd ? "gen.xml.zst" : "gen-multistream.xml.bz2");
        Path index = dir.resolve(zstd ? "gen-index.txt.zst" : "gen-multistream-index.txt.bz2");
        Recompressor.Result result = new Recompressor(layout, pagesPerChunk, 2)
                .recompress(new ByteArrayInputStream(dump.xml()), file, index);
        assertEquals(dump.pages().size(), result.pages());
        assertEquals(index, IndexedDump.multistreamIndexOf(file).orElseThrow(), "index found beside the dump");
        return file;
    }

    /** Every page of the dump, found by id, by title and in one batch, is the page as made. */
    static void assertEveryPageIsFound(GeneratedDump dump, Path file) throws IOException {
        Map<Long, IndexedPage> expected = new LinkedHashMap<>();
        for (Page page : dump.pages()) {
            expected.put(page.id(), new IndexedPage(dump.siteInfo(), page, dump.entriesOf(page)));
        }
        try (IndexedDump indexed = IndexedDump.open(file)) {
            assertEquals(dump.siteInfo(), indexed.siteInfo());
            assertEquals(expected.size(), indexed.size());
            for (IndexedPage page : expected.values()) {
                assertEquals(page, indexed.byId(page.page().id()).orElseThrow(), "by id " + page.page().id());
                assertEquals(page, indexed.byTitle(page.page().title()).orElseThrow(), "by title " + page.page().title());
            }
            assertTrue(indexed.byId(99_999L).isEmpty());
            assertTrue(indexed.byTitle("No such page").isEmpty());
            assertEquals(expected, indexed.byIds(expected.keySet()));
        }
    }

    @ParameterizedTest(name = "schema {0}, {1}")
    @MethodSource("versionsAndLayouts")
    void everyPageIsFoundInEachLayout(String version, Recompressor.Layout layout, @TempDir Path dir)
            throws IOException {
        GeneratedDump dump = GeneratedDump.full(version);
        assertEveryPageIsFound(dump, recompress(dump, layout, dir, 3));
    }

    @Test
    void stubsAreFoundToo(@TempDir Path dir) throws IOException {
        GeneratedDump dump = GeneratedDump.builder("0.11").stubs(true).deletions(true).slots(true).uploads(true)
                .pages(40).build();
        assertEveryPageIsFound(dump, recompress(dump, Recompressor.Layout.SEEKABLE_ZSTD, dir, 7));
    }

    /** An ordinary single-stream bz2 file of several blocks, through the block index built beside it. */
    static Path singleStream(GeneratedDump dump, Path dir) throws IOException {
        Path file = dir.resolve("gen-single.xml.bz2");
        try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(file), 1)) {
            out.write(dump.xml());
        }
        assertTrue(IndexBuilder.isSingleStreamBzip2(file));
        return file;
    }

    static final GeneratedDump LARGE = GeneratedDump.builder("0.10").pages(220).deletions(true).uploads(true)
            .logItems(3).build();

    @Test
    void singleStreamBzip2ThroughItsBlockIndex(@TempDir Path dir) throws IOException {
        assertTrue(LARGE.xml().length > 250_000, "several 100 kB blocks: " + LARGE.xml().length);
        Path file = singleStream(LARGE, dir);
        assertEveryPageIsFound(LARGE, file);
        assertTrue(Files.exists(BlockIndex.of(file)), "block index written beside the dump");
        assertTrue(BlockIndex.read(BlockIndex.of(file)).size() >= 3, "blocks");
    }

    static Stream<String> layouts() {
        return Stream.of("BZIP2_MULTISTREAM", "SEEKABLE_ZSTD", "single-stream bz2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void parallelReadingGivesTheRevisionsInOrder(String layout, @TempDir Path dir) throws IOException {
        Path file = layout.startsWith("single") ? singleStream(LARGE, dir)
                : recompress(LARGE, Recompressor.Layout.valueOf(layout), dir, 9);
        List<Revision> expected = LARGE.revisions();
        for (int threads : new int[] {1, 3}) {
            try (DumpReader r = ParallelDumps.open(file, threads)) {
                assertEquals(LARGE.siteInfo(), r.siteInfo());
                assertEquals(expected, r.revisions().stream().toList(), layout + " on " + threads + " threads");
            }
        }
    }
}
