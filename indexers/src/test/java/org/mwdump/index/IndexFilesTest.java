package org.mwdump.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.DumpException;
import org.mwdump.testing.FileModes;
import org.mwdump.testing.ReadOnlyDirs;
import org.mwdump.testing.SmallDumps;
import org.mwdump.write.layout.Recompressor;

/** Where the index files of a dump go, what they record, and when they are rebuilt. */
class IndexFilesTest {
    static final int PAGES = 250;

    static Path multistream(Path dir, String name, int pages) throws IOException {
        Path dump = dir.resolve(name + "-multistream.xml.bz2");
        new Recompressor(Recompressor.Layout.BZIP2_MULTISTREAM, 100, 1).recompress(
                new ByteArrayInputStream(SmallDumps.xml(pages)), dump, dir.resolve(name + "-multistream-index.txt.bz2"));
        return dump;
    }

    static void assertFinds(IndexedDump d, int pages) {
        assertEquals(pages, d.size());
        for (int i : new int[] {1, pages / 2, pages}) {
            assertEquals(SmallDumps.title(i), d.byId(SmallDumps.id(i)).orElseThrow().page().title());
            assertEquals(SmallDumps.id(i), d.byTitle(SmallDumps.title(i)).orElseThrow().page().id());
        }
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void pageAndBlockIndexesHaveOrdinaryModes(@TempDir Path dir) throws IOException {
        Path single = SmallDumps.singleStreamBz2(dir.resolve("single.xml.bz2"), PAGES);
        try (IndexedDump d = IndexedDump.open(single)) {
            assertFinds(d, PAGES);
        }
        FileModes.assertOrdinaryMode(IndexedDump.pageIndexOf(single));
        FileModes.assertOrdinaryMode(BlockIndex.of(single));

        Path multi = multistream(dir, "multi", PAGES);
        try (IndexedDump d = IndexedDump.open(multi)) {
            assertFinds(d, PAGES);
        }
        FileModes.assertOrdinaryMode(IndexedDump.pageIndexOf(multi));
        assertTrue(Files.notExists(BlockIndex.of(multi)));
    }

    @Test
    void indexesRecordTheDumpTheyWereBuiltFrom(@TempDir Path dir) throws IOException {
        Path single = SmallDumps.singleStreamBz2(dir.resolve("single.xml.bz2"), PAGES);
        IndexedDump.IndexFiles files = IndexedDump.buildIndex(single, IndexedDump.Options.DEFAULT);
        assertEquals(IndexedDump.pageIndexOf(single), files.pageIndex());
        assertEquals(BlockIndex.of(single), files.blockIndex());
        assertEquals(DumpStamp.of(single), PageIndex.open(files.pageIndex()).builtFrom().orElseThrow());
        assertEquals(DumpStamp.of(single), BlockIndex.read(files.blockIndex()).builtFrom().orElseThrow());
        assertTrue(IndexedDump.indexFiles(single, IndexedDump.Options.DEFAULT).current());
    }

    @Test
    void aStaleIndexIsRebuiltOrReportedNeverTrusted(@TempDir Path dir) throws IOException {
        Path single = SmallDumps.singleStreamBz2(dir.resolve("single.xml.bz2"), PAGES);
        try (IndexedDump d = IndexedDump.open(single)) {
            assertFinds(d, PAGES);
        }
        // the dump is replaced by another of the same name: its indexes no longer describe it
        FileTime before = Files.getLastModifiedTime(single);
        SmallDumps.singleStreamBz2(single, PAGES + 40);
        Files.setLastModifiedTime(single, FileTime.fromMillis(before.toMillis() + 5000));
        assertFalse(IndexedDump.indexFiles(single, IndexedDump.Options.DEFAULT).current());
        DumpException e = assertThrows(DumpException.class,
                () -> IndexedDump.open(single, IndexedDump.Options.DEFAULT.withBuild(false)));
        assertTrue(e.getMessage().contains("stale"), e.getMessage());
        try (IndexedDump d = IndexedDump.open(single)) {
            assertFinds(d, PAGES + 40);
        }
        assertTrue(IndexedDump.indexFiles(single, IndexedDump.Options.DEFAULT).current());

        // the same size, only touched: still not the dump the index was built from
        Files.setLastModifiedTime(single, FileTime.fromMillis(before.toMillis() + 10_000));
        assertFalse(IndexedDump.indexFiles(single, IndexedDump.Options.DEFAULT).current());

        // an index that records no dump (an older version's, or hand-made) is rebuilt too
        Path multi = multistream(dir, "multi", PAGES);
        PageIndex.Builder lying = new PageIndex.Builder();
        for (int i = 1; i <= PAGES; i++) {
            lying.add(SmallDumps.id(i), 999_999, SmallDumps.title(i));
        }
        lying.write(IndexedDump.pageIndexOf(multi));
        assertFalse(IndexedDump.indexFiles(multi, IndexedDump.Options.DEFAULT).current());
        try (IndexedDump d = IndexedDump.open(multi)) {
            assertFinds(d, PAGES);
        }
        // and one that is not a page index at all
        Files.writeString(IndexedDump.pageIndexOf(multi), "not an index");
        assertFalse(IndexedDump.indexFiles(multi, IndexedDump.Options.DEFAULT).current());
        try (IndexedDump d = IndexedDump.open(multi)) {
            assertFinds(d, PAGES);
        }
    }

    @Test
    void noBuildReportsAMissingIndex(@TempDir Path dir) throws IOException {
        Path multi = multistream(dir, "multi", 20);
        DumpException e = assertThrows(DumpException.class,
                () -> IndexedDump.open(multi, IndexedDump.Options.DEFAULT.withBuild(false)));
        assertTrue(e.getMessage().contains("no page index"), e.getMessage());
        assertFalse(Files.exists(IndexedDump.pageIndexOf(multi)));
    }

    @Test
    void anIndexDirectoryKeepsDumpsOfTheSameNameApart(@TempDir Path dir) throws IOException {
        Path a = multistream(Files.createDirectory(dir.resolve("a")), "wiki", 30);
        Path b = multistream(Files.createDirectory(dir.resolve("b")), "wiki", 70);
        Path indexes = dir.resolve("indexes");
        IndexedDump.Options options = IndexedDump.Options.DEFAULT.withIndexDirectory(indexes);
        try (IndexedDump da = IndexedDump.open(a, options); IndexedDump db = IndexedDump.open(b, options)) {
            assertFinds(da, 30);
            assertFinds(db, 70);
        }
        IndexedDump.IndexFiles fa = IndexedDump.indexFiles(a, options);
        IndexedDump.IndexFiles fb = IndexedDump.indexFiles(b, options);
        assertTrue(fa.current() && fb.current());
        assertEquals(indexes, fa.pageIndex().getParent());
        assertNotEquals(fa.pageIndex(), fb.pageIndex());
        assertTrue(fa.pageIndex().getFileName().toString().startsWith("wiki-multistream.xml.bz2."), fa.toString());
        assertTrue(fa.pageIndex().getFileName().toString().endsWith(".mwpidx"), fa.toString());
        FileModes.assertOrdinaryMode(fa.pageIndex());
        assertEquals(2, names(indexes).size());
        assertFalse(Files.exists(IndexedDump.pageIndexOf(a)), "nothing beside the dump");
        assertFalse(Files.exists(IndexedDump.pageIndexOf(b)), "nothing beside the dump");
    }

    @Test
    void aDumpInAReadOnlyDirectoryIsIndexedInTheCache(@TempDir Path dir) throws IOException {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Path multi = multistream(shared, "multi", 40);
        Path single = SmallDumps.singleStreamBz2(shared.resolve("single.xml.bz2"), 40);
        List<String> before = names(shared);
        Path cache = dir.resolve("cache").resolve("mwdump");
        IndexedDump.Options options = IndexedDump.Options.DEFAULT.withCacheDirectory(cache);
        ReadOnlyDirs.makeReadOnly(shared);
        try {
            for (Path dump : List.of(multi, single)) {
                IndexedDump.IndexFiles files = IndexedDump.indexFiles(dump, options);
                assertEquals(cache, files.pageIndex().getParent());
                assertFalse(files.current());
                try (IndexedDump d = IndexedDump.open(dump, options)) {
                    assertFinds(d, 40);
                }
                assertTrue(IndexedDump.indexFiles(dump, options).current());
                FileModes.assertOrdinaryMode(files.pageIndex());
            }
            assertTrue(Files.exists(IndexedDump.indexFiles(single, options).blockIndex()));
            assertEquals(before, names(shared), "nothing written beside the dumps");
            assertEquals(3, names(cache).size(), names(cache).toString());
        } finally {
            ReadOnlyDirs.makeWritable(shared);
        }
    }

    @Test
    void aGivenPageIndexIsRebuiltWhenItRecordsAnotherDump(@TempDir Path dir) throws IOException {
        Path multi = multistream(dir, "multi", 20);
        Path index = dir.resolve("multi-multistream-index.txt.bz2");
        Path pageIndex = dir.resolve("elsewhere.mwpidx");
        PageIndex.Builder other = new PageIndex.Builder().builtFrom(new DumpStamp(1, 2));
        other.add(SmallDumps.id(1), 999_999, SmallDumps.title(1));
        other.write(pageIndex);
        try (IndexedDump d = IndexedDump.open(multi, index, pageIndex)) {
            assertFinds(d, 20);
        }
        assertEquals(DumpStamp.of(multi), PageIndex.open(pageIndex).builtFrom().orElseThrow());
    }
}
