package org.mwdump.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.testing.FileModes;
import org.mwdump.testing.SmallDumps;
import org.mwdump.write.layout.Recompressor;

/** The index files mwdump writes beside a dump. */
class IndexFilesTest {
    static final int PAGES = 250;

    @Test
    void pageAndBlockIndexesHaveOrdinaryModes(@TempDir Path dir) throws IOException {
        Path single = SmallDumps.singleStreamBz2(dir.resolve("single.xml.bz2"), PAGES);
        try (IndexedDump d = IndexedDump.open(single)) {
            assertEquals(PAGES, d.size());
            assertEquals(SmallDumps.title(7), d.byId(SmallDumps.id(7)).orElseThrow().page().title());
        }
        FileModes.assertOrdinaryMode(IndexedDump.pageIndexOf(single));
        FileModes.assertOrdinaryMode(BlockIndex.of(single));

        Path multi = dir.resolve("multi-multistream.xml.bz2");
        new Recompressor(Recompressor.Layout.BZIP2_MULTISTREAM, 100, 1)
                .recompress(new ByteArrayInputStream(SmallDumps.xml(PAGES)), multi, dir.resolve("multi-multistream-index.txt.bz2"));
        try (IndexedDump d = IndexedDump.open(multi)) {
            assertEquals(PAGES, d.size());
        }
        FileModes.assertOrdinaryMode(IndexedDump.pageIndexOf(multi));
        assertTrue(Files.notExists(BlockIndex.of(multi)));
    }
}
