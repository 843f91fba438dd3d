package org.mwdump.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.SiteInfo;
import org.mwdump.testing.Corpus;

class IndexedDumpTest {

    static Map<Long, IndexedPage> fullScan(Path dump) {
        Map<Long, IndexedPage> pages = new LinkedHashMap<>();
        try (DumpReader r = Dumps.open(dump)) {
            SiteInfo site = r.siteInfo();
            for (Page p = r.nextPage(); p != null; p = r.nextPage()) {
                List<PageEntry> entries = new ArrayList<>();
                for (PageEntry e = r.nextEntry(); e != null; e = r.nextEntry()) {
                    entries.add(e);
                }
                pages.put(p.id(), new IndexedPage(site, p, entries));
            }
        }
        return pages;
    }

    static void everyPageIsFound(Path dump, Path index, Path pageIndex, int expectedPages) throws IOException {
        Map<Long, IndexedPage> expected = fullScan(dump);
        assertEquals(expectedPages, expected.size());
        try (IndexedDump indexed = IndexedDump.open(dump, index, pageIndex)) {
            assertEquals(expectedPages, indexed.size());
            for (IndexedPage page : expected.values()) {
                assertEquals(page, indexed.byId(page.page().id()).orElseThrow(), "by id " + page.page().id());
                assertEquals(page, indexed.byTitle(page.page().title()).orElseThrow(), "by title " + page.page().title());
            }
            assertTrue(indexed.byTitle("No such title, surely").isEmpty());
            assertTrue(indexed.byId(999_999_999L).isEmpty());
            assertEquals(expected, indexed.byIds(expected.keySet()));
        }
    }

    @Test
    void enwiktionaryMultistream(@TempDir Path dir) throws IOException {
        Path dump = Corpus.file("multistream-enwiktionary-20150224/enwiktionary-20150224-pages-articles-multistream.xml.bz2");
        Path index = Corpus.file("multistream-enwiktionary-20150224/enwiktionary-20150224-pages-articles-multistream-index.txt.bz2");
        everyPageIsFound(dump, index, dir.resolve("enwiktionary.mwpidx"), 300);
    }

    @Test
    void wikimediaRecompressxmlOutput(@TempDir Path dir) throws IOException {
        Path dump = Corpus.file("multistream-elwikivoyage-p2566p2583/pages-articles-p2566p2583.multistream.xml.bz2");
        Path index = Corpus.file("multistream-elwikivoyage-p2566p2583/pages-articles-p2566p2583.multistream-index.xml.bz2");
        everyPageIsFound(dump, index, dir.resolve("elwikivoyage.mwpidx"), 17);
        assertTrue(IndexedDump.multistreamIndexOf(dump).isPresent());
    }

    @Test
    void indexLinesSplitOnTheFirstTwoColonsAndUnescape() throws IOException {
        String lines = "654:1:Wiktionary:Main &amp; &quot;Page&quot;\n-2147469295:2:b\n-2147000000:3:c: d\n";
        List<IndexEntry> entries = new ArrayList<>();
        MultistreamIndex.parse(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), "test", entries::add);
        assertEquals(new IndexEntry(654, 1, "Wiktionary:Main & \"Page\""), entries.get(0));
        assertEquals(new IndexEntry(2147498001L, 2, "b"), entries.get(1), "negative 32-bit offsets wrap");
        assertEquals(new IndexEntry(2147967296L, 3, "c: d"), entries.get(2));
    }
}
