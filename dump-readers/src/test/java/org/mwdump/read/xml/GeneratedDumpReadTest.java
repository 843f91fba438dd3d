package org.mwdump.read.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.PageRevisions;
import org.mwdump.ReadOptions;
import org.mwdump.model.LogItem;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.testing.GeneratedDump;
import org.mwdump.testing.GeneratedDump.Feature;

/**
 * Dumps of every export schema version, 0.3 to 0.11, made by {@link GeneratedDump}, read to exactly the
 * model they were made from: site info, pages, revisions with every field, uploads, log items, in dump
 * order; with stub texts and a second slot where the version has them; in lenient and strict mode.
 */
class GeneratedDumpReadTest {

    static Stream<String> versions() {
        return GeneratedDump.VERSIONS.stream();
    }

    static Stream<String> stubVersions() {
        return GeneratedDump.VERSIONS.stream().filter(Feature.TEXT_ID::in);
    }

    record Read(List<Page> pages, List<PageEntry> entries, List<LogItem> logItems, Map<String, Long> skipped) {
    }

    static Read read(GeneratedDump dump, ReadOptions options) {
        try (DumpReader r = Dumps.open(new ByteArrayInputStream(dump.xml()), options)) {
            assertEquals(DumpFormat.XML, r.format());
            assertEquals(dump.siteInfo(), r.siteInfo(), "site info");
            List<Page> pages = new ArrayList<>();
            List<PageEntry> entries = new ArrayList<>();
            for (Page p = r.nextPage(); p != null; p = r.nextPage()) {
                pages.add(p);
                for (PageEntry e = r.nextEntry(); e != null; e = r.nextEntry()) {
                    assertSame(p, e.page(), "entries share their page");
                    entries.add(e);
                }
            }
            List<LogItem> items = new ArrayList<>();
            r.logItems().forEach(items::add);
            return new Read(pages, entries, items, Map.copyOf(r.skippedElements()));
        }
    }

    static void assertReadsAsMade(GeneratedDump dump, ReadOptions options) {
        Read read = read(dump, options);
        assertEquals(dump.pages(), read.pages(), "pages");
        assertEquals(dump.entries().size(), read.entries().size(), "entries");
        for (int i = 0; i < dump.entries().size(); i++) {
            assertEquals(dump.entries().get(i), read.entries().get(i), "entry " + i);
        }
        assertEquals(dump.logItems(), read.logItems(), "log items");
        assertEquals(Map.of(), read.skipped(), "nothing skipped");
    }

    @ParameterizedTest(name = "schema {0}")
    @MethodSource("versions")
    void everyVersionReadsAsMade(String version) {
        GeneratedDump dump = GeneratedDump.full(version);
        // the dump holds what the version can hold, so the comparison covers it
        List<Revision> revisions = dump.revisions();
        assertTrue(dump.uploads().size() >= 2, "uploads");
        assertEquals(dump.has(Feature.LOG_ITEMS), !dump.logItems().isEmpty(), "log items");
        assertEquals(dump.has(Feature.DELETED_FLAGS), revisions.stream().anyMatch(Revision::textDeleted));
        assertEquals(dump.has(Feature.DELETED_FLAGS), revisions.stream().anyMatch(Revision::contributorDeleted));
        assertEquals(dump.has(Feature.DELETED_FLAGS), revisions.stream().anyMatch(Revision::commentDeleted));
        assertEquals(dump.has(Feature.SLOTS), revisions.stream().anyMatch(r -> r.slots().size() > 1), "slots");
        assertEquals(dump.has(Feature.REDIRECT), dump.pages().stream().anyMatch(Page::redirect), "redirects");
        assertReadsAsMade(dump, ReadOptions.DEFAULT);
    }

    @ParameterizedTest(name = "schema {0}")
    @MethodSource("stubVersions")
    void stubsReadAsMade(String version) {
        GeneratedDump dump = GeneratedDump.builder(version).stubs(true).deletions(true).slots(true).pages(20).build();
        assertTrue(dump.revisions().stream().allMatch(r -> r.text() == null), "no text in a stub dump");
        assertTrue(dump.revisions().stream().anyMatch(r -> r.mainSlot().text().textId() != null));
        assertReadsAsMade(dump, ReadOptions.DEFAULT);
    }

    /** The strict reader accepts every version as it is: nothing in it is unknown or out of place. */
    @ParameterizedTest(name = "schema {0}")
    @MethodSource("versions")
    void strictReaderAcceptsEveryVersion(String version) {
        assertReadsAsMade(GeneratedDump.full(version), ReadOptions.builder().strict(true).build());
    }

    /** The nested view, the flat view and the pull calls see the same pages and revisions. */
    @ParameterizedTest(name = "schema {0}")
    @MethodSource("versions")
    void viewsAgree(String version) {
        GeneratedDump dump = GeneratedDump.builder(version).seed(7).pages(25).uploads(true).logItems(3).build();
        List<Page> pages = new ArrayList<>();
        List<Revision> nested = new ArrayList<>();
        try (DumpReader r = Dumps.open(new ByteArrayInputStream(dump.xml()))) {
            for (PageRevisions pr : r.pages()) {
                pages.add(pr.page());
                for (Revision rev : pr.revisions()) {
                    assertSame(pr.page(), rev.page());
                    nested.add(rev);
                }
            }
            assertEquals(dump.logItems().size(), count(r.logItems()));
        }
        assertEquals(dump.pages(), pages);
        assertEquals(dump.revisions(), nested);
        try (DumpReader r = Dumps.open(new ByteArrayInputStream(dump.xml()))) {
            assertEquals(dump.revisions(), r.revisions().stream().toList());
            assertNull(r.nextPage());
        }
    }

    private static int count(Iterable<?> items) {
        int n = 0;
        for (Object ignored : items) {
            n++;
        }
        return n;
    }
}
