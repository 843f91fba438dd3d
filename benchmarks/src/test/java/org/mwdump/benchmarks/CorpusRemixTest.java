package org.mwdump.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.Slot;
import org.mwdump.testing.Corpus;

class CorpusRemixTest {

    /** A bit more than one round (10.3 MB + 3.7 MB of XML), so that the second copy of elwikivoyage starts. */
    private static final long SIZE = 16_000_000;

    @Test
    void copiesHaveFreshIdsAndUniqueTitles(@TempDir Path dir) throws IOException {
        List<Path> sources = CorpusRemix.SOURCES.stream().map(Corpus::file).toList();

        Path a = dir.resolve("a.xml");
        Path b = dir.resolve("b.xml");
        CorpusRemix.Summary s = CorpusRemix.write(sources, SIZE, Files.newOutputStream(a));
        CorpusRemix.write(sources, SIZE, Files.newOutputStream(b));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "deterministic");
        assertEquals(Files.size(a), s.bytes());
        assertTrue(s.bytes() >= SIZE && s.bytes() < SIZE + 3_000_000, "size " + s.bytes());
        assertEquals(2, s.rounds());

        Set<String> titles = new HashSet<>();
        Set<Long> written = new HashSet<>();
        long lastPage = 0;
        long lastRevision = 0;
        long pages = 0;
        long revisions = 0;
        int suffixed = 0;
        int translated = 0;
        try (DumpReader r = Dumps.open(a)) {
            assertEquals("0.11", r.siteInfo().schemaVersion());
            assertEquals("elwikivoyage", r.siteInfo().dbName());
            for (Page p = r.nextPage(); p != null; p = r.nextPage()) {
                pages++;
                assertEquals(lastPage + 1, p.id(), "page ids 1, 2, 3, ...");
                lastPage = p.id();
                assertTrue(titles.add(p.title()), "duplicate title " + p.title());
                suffixed += p.title().endsWith(" (2)") ? 1 : 0;
                translated += p.title().startsWith("Συζήτηση χρήστη:") ? 1 : 0;
                Long previous = null;
                for (PageEntry e = r.nextEntry(); e != null; e = r.nextEntry()) {
                    Revision rev = (Revision) e;
                    revisions++;
                    assertTrue(rev.id() > lastRevision, "revision ids increase");
                    lastRevision = rev.id();
                    if (rev.parentId() != null) {
                        assertTrue(rev.parentId() < rev.id());
                        // the previous revision of the page, or one that is not in the dump at all
                        assertTrue(rev.parentId().equals(previous) || !written.contains(rev.parentId()),
                                "parent of " + rev.id());
                    }
                    for (Slot slot : rev.slots()) {
                        assertNotNull(slot.origin());
                        assertTrue(slot.origin() <= rev.id());
                    }
                    written.add(rev.id());
                    previous = rev.id();
                }
            }
        }
        assertEquals(s.pages(), pages);
        assertEquals(s.revisions(), revisions);
        // the ten titles both sources have, and the second copy of elwikivoyage
        assertTrue(suffixed > 10, "suffixed " + suffixed);
        assertTrue(translated > 0, "aawiki's User talk: pages get elwikivoyage's prefix");
    }
}
