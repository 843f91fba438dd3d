package org.mwdump.apply;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.ApplyOptions;
import org.mwdump.ApplyResult;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.WriteOptions;
import org.mwdump.index.IndexedDump;
import org.mwdump.index.IndexedPage;
import org.mwdump.model.Page;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.testing.Corpus;
import org.mwdump.write.layout.Recompressor;

/**
 * The aawiki full history, cut at a time T: the revisions up to T as the base (plain XML, multistream,
 * seekable zstd), the revisions after T as one adds-changes dump per day or as page change events with
 * their content; applying them gives the full history's XML, byte for byte, and applying them again
 * changes nothing.
 */
class ApplyHistoryTest {
    record PageRevs(Page page, List<Revision> revisions) {
    }

    static SiteInfo site;
    static List<PageRevs> pages;
    static byte[] full;
    static String cut;

    @BeforeAll
    static void read() {
        Path dump = Corpus.file("aawiki-20260101/aawiki-20260101-pages-meta-history.xml.7z");
        pages = new ArrayList<>();
        try (DumpReader r = Dumps.open(dump)) {
            site = r.siteInfo();
            for (var p : r.pages()) {
                List<Revision> revs = new ArrayList<>();
                for (Revision rev : p.revisions()) {
                    revs.add(rev);
                }
                pages.add(new PageRevs(p.page(), revs));
            }
        }
        List<String> times = new ArrayList<>();
        pages.forEach(p -> p.revisions().forEach(r -> times.add(r.timestamp())));
        Collections.sort(times);
        cut = times.get(times.size() * 2 / 3); // a third of the revisions come after T
        full = xml(pages, r -> true);
    }

    interface Keep {
        boolean test(Revision r);
    }

    /** The pages with the revisions kept, as mwdump's XML writer writes them (pages left without any omitted). */
    static byte[] xml(List<PageRevs> of, Keep keep) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DumpWriter w = Dumps.create(b, DumpFormat.XML, WriteOptions.DEFAULT);
        w.writeSiteInfo(site);
        for (PageRevs p : of) {
            List<Revision> kept = p.revisions().stream().filter(keep::test).toList();
            if (!kept.isEmpty()) {
                w.writePage(p.page());
                kept.forEach(w::write);
            }
        }
        w.finish();
        w.close();
        return b.toByteArray();
    }

    static boolean before(Revision r) {
        return r.timestamp().compareTo(cut) <= 0;
    }

    /** The base in a layout: plain XML, or recompressed with 5 pages per stream or frame. */
    static Path base(Path dir, String layout) throws IOException {
        byte[] xml = xml(pages, ApplyHistoryTest::before);
        Path plain = dir.resolve("aawiki-base-pages-meta-history.xml");
        Files.write(plain, xml);
        return switch (layout) {
            case "xml" -> plain;
            case "multistream" -> recompress(xml, dir.resolve("aawiki-base-pages-meta-history-multistream.xml.bz2"),
                    dir.resolve("aawiki-base-pages-meta-history-multistream-index.txt.bz2"),
                    Recompressor.Layout.BZIP2_MULTISTREAM);
            default -> recompress(xml, dir.resolve("aawiki-base-pages-meta-history.xml.zst"),
                    dir.resolve("aawiki-base-pages-meta-history-index.txt.zst"), Recompressor.Layout.SEEKABLE_ZSTD);
        };
    }

    static Path recompress(byte[] xml, Path out, Path index, Recompressor.Layout layout) {
        try (Recompressor r = new Recompressor(layout, 5, 2)) {
            r.recompress(new ByteArrayInputStream(xml), out, index);
        }
        return out;
    }

    /** One adds-changes dump per day after T: each page with that day's revisions. */
    static List<Path> dailyDumps(Path dir) throws IOException {
        TreeMap<String, List<PageRevs>> byDay = new TreeMap<>();
        for (PageRevs p : pages) {
            TreeMap<String, List<Revision>> days = new TreeMap<>();
            for (Revision r : p.revisions()) {
                if (!before(r)) {
                    days.computeIfAbsent(r.timestamp().substring(0, 10), k -> new ArrayList<>()).add(r);
                }
            }
            days.forEach((day, revs) -> byDay.computeIfAbsent(day, k -> new ArrayList<>()).add(new PageRevs(p.page(), revs)));
        }
        List<Path> files = new ArrayList<>();
        for (var e : byDay.entrySet()) {
            Path f = dir.resolve("aawiki-" + e.getKey().replace("-", "") + "-pages-meta-hist-incr.xml");
            Files.write(f, xml(e.getValue(), r -> true));
            files.add(f);
        }
        Collections.reverse(files); // in any order
        return files;
    }

    /** The revisions after T as page change events with content, newest first (in any order). */
    static Path events(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (PageRevs p : pages) {
            boolean inBase = p.revisions().stream().anyMatch(ApplyHistoryTest::before);
            List<Revision> after = p.revisions().stream().filter(r -> !before(r))
                    .sorted((a, b) -> a.timestamp().equals(b.timestamp()) ? Long.compare(a.id(), b.id())
                            : a.timestamp().compareTo(b.timestamp())).toList();
            for (int i = 0; i < after.size(); i++) {
                Revision r = after.get(i);
                String kind = !inBase && i == 0 ? "create" : "edit";
                lines.add(ChangeEvents.event(kind, "event-" + (n++), r.timestamp(), r, p.page(), null, null, null, null));
            }
        }
        Collections.reverse(lines);
        Path f = dir.resolve("page-change-events.jsonl");
        Files.write(f, String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8));
        return f;
    }

    static byte[] decoded(Path file) throws IOException {
        try (InputStream in = Dumps.decompress(Files.newInputStream(file), file)) {
            return in.readAllBytes();
        }
    }

    void check(String layout, boolean asEvents, Path dir) throws IOException {
        Path base = base(dir, layout);
        List<Path> changes = asEvents ? List.of(events(dir)) : dailyDumps(dir);
        String name = base.getFileName().toString().replace("base", "updated");
        Path out = dir.resolve(name);
        ApplyResult r = Dumps.apply(base, changes, out, ApplyOptions.DEFAULT.withThreads(2).withPagesPerStream(5));
        assertEquals(List.of(), r.notApplied());
        long afterT = pages.stream().mapToLong(p -> p.revisions().stream().filter(x -> !before(x)).count()).sum();
        long newPages = pages.stream().filter(p -> p.revisions().stream().noneMatch(ApplyHistoryTest::before)).count();
        assertTrue(afterT > 100 && newPages > 10, afterT + " revisions, " + newPages + " new pages after " + cut);
        assertEquals(afterT, r.revisionsAdded());
        assertEquals(newPages, r.pagesCreated());
        assertArrayEquals(full, decoded(out), layout + (asEvents ? " with events" : " with daily dumps"));
        if (!layout.equals("xml")) {
            assertTrue(r.chunksCopied() > 0, "streams without changes are copied: " + r);
            // every page is found through the new index, by id and by title
            try (IndexedDump indexed = IndexedDump.open(out)) {
                for (PageRevs p : pages) {
                    IndexedPage got = indexed.byId(p.page().id()).orElseThrow();
                    assertEquals(p.page().title(), got.page().title());
                    assertEquals(p.revisions().size(), got.revisions().size());
                    assertEquals(p.page().id(), indexed.byTitle(p.page().title()).orElseThrow().page().id());
                }
            }
        }
        // the same changes again: nothing to add, the same bytes
        Path again = dir.resolve("again-" + name);
        ApplyResult twice = Dumps.apply(out, changes, again, ApplyOptions.DEFAULT.withThreads(2).withPagesPerStream(5));
        assertEquals(0, twice.revisionsAdded());
        assertEquals(afterT, twice.revisionsSkipped());
        assertArrayEquals(full, decoded(again), "applied twice");
    }

    /**
     * {@code convert} of events for every revision gives the RevDoc of the dump, but for what events lack:
     * page restrictions and the text's storage location and id.
     */
    @Test
    void eventsConvertToTheRevDocOfTheSameRevisions(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DumpWriter w = Dumps.create(expected, DumpFormat.REVDOC, WriteOptions.DEFAULT);
        w.writeSiteInfo(site);
        int n = 0;
        boolean restricted = false;
        for (PageRevs p : pages) {
            restricted |= !p.page().restrictions().isEmpty();
            Page without = p.page().toBuilder().restrictions(List.of()).build();
            w.writePage(without);
            boolean first = true;
            for (Revision r : p.revisions()) {
                lines.add(ChangeEvents.event(first ? "create" : "edit", "e" + n++, r.timestamp(), r, p.page(), null,
                        null, null, null));
                first = false;
                w.write(r.toBuilder().page(without).slots(r.slots().stream().map(s -> s.text() == null ? s
                        : s.toBuilder().text(s.text().toBuilder().location(null).textId(null).build()).build())
                        .toList()).build());
            }
        }
        w.finish();
        w.close();
        Path events = dir.resolve("events.jsonl");
        Files.write(events, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("events.revdoc.jsonl");
        try (DumpReader r = Dumps.open(events)) {
            assertEquals(DumpFormat.EVENTS, r.format());
            assertEquals("aawiki", r.siteInfo().dbName());
        }
        Dumps.convert(events, out, DumpFormat.REVDOC, WriteOptions.DEFAULT);
        List<String> want = new String(expected.toByteArray(), StandardCharsets.UTF_8).lines().toList();
        List<String> got = Files.readAllLines(out);
        assertEquals(1307, want.size());
        assertEquals(want.size(), got.size());
        for (int i = 0; i < want.size(); i++) {
            assertEquals(want.get(i), got.get(i), "line " + (i + 1));
        }
        if (!restricted) {
            // aawiki has no restrictions, nor text locations: the events give exactly what mwxml made of the dump
            assertEquals(Files.readAllLines(Corpus.reference().resolve(
                    "aawiki-20260101__aawiki-20260101-pages-meta-history.xml.7z.revdocs.jsonl")), got);
        }
    }

    @Test
    void plainXmlWithDailyDumps(@TempDir Path dir) throws IOException {
        check("xml", false, dir);
    }

    @Test
    void plainXmlWithEvents(@TempDir Path dir) throws IOException {
        check("xml", true, dir);
    }

    @Test
    void multistreamWithDailyDumps(@TempDir Path dir) throws IOException {
        check("multistream", false, dir);
    }

    @Test
    void multistreamWithEvents(@TempDir Path dir) throws IOException {
        check("multistream", true, dir);
    }

    @Test
    void seekableZstdWithDailyDumps(@TempDir Path dir) throws IOException {
        check("seekable", false, dir);
    }

    @Test
    void seekableZstdWithEvents(@TempDir Path dir) throws IOException {
        check("seekable", true, dir);
    }
}
