package org.mwdump.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.index.IndexedDump;
import org.mwdump.index.IndexedPage;
import org.mwdump.model.Revision;
import org.mwdump.testing.Corpus;

/** {@code mwdump apply} on a multistream dump: streams copied or rewritten, a summary, refusals. */
class ApplyCommandTest {
    /** A page change event of an edit with its content (the fields EventBus writes that apply uses). */
    static String edit(String id, long page, String title, long rev, long parent, String text) {
        return "{\"$schema\":\"/mediawiki/page/change/1.2.0\",\"changelog_kind\":\"update\",\"dt\":\"2030-01-01T00:00:00Z\","
                + "\"meta\":{\"stream\":\"mediawiki.page_change.v1\",\"id\":\"" + id + "\"},"
                + "\"page\":{\"page_id\":" + page + ",\"page_title\":\"" + title + "\",\"namespace_id\":0,"
                + "\"is_redirect\":false},\"page_change_kind\":\"edit\","
                + "\"revision\":{\"rev_id\":" + rev + ",\"rev_dt\":\"2030-01-01T00:00:00Z\",\"rev_parent_id\":" + parent
                + ",\"rev_sha1\":\"abc\",\"rev_size\":" + text.length() + ",\"comment\":\"bot edit\","
                + "\"is_minor_edit\":true,\"editor\":{\"user_id\":5,\"user_text\":\"Bot\"},"
                + "\"is_content_visible\":true,\"is_comment_visible\":true,\"is_editor_visible\":true,"
                + "\"content_slots\":{\"main\":{\"slot_role\":\"main\",\"content_model\":\"wikitext\","
                + "\"content_format\":\"text/x-wiki\",\"content_size\":" + text.length() + ",\"content_sha1\":\"abc\","
                + "\"origin_rev_id\":" + rev + ",\"content_body\":\"" + text + "\"}}},\"wiki_id\":\"elwikivoyage\"}";
    }

    /** A Parquet base is updated in one pass and stays Parquet. */
    @Test
    void updatesParquet(@TempDir Path dir) throws IOException {
        Path sample = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        Path base = dir.resolve("elwikivoyage-pages-articles.parquet");
        assertEquals(0, MainTest.run("convert", sample.toString(), base.toString()).status());
        Revision before;
        try (var r = org.mwdump.Dumps.open(base)) {
            before = r.revisions().iterator().next();
        }
        Path events = dir.resolve("events.jsonl");
        Files.writeString(events, edit("e1", before.page().id(), before.page().title().replace(' ', '_'),
                999_999_999L, before.id(), "new text") + "\n");
        Path out = dir.resolve("updated.parquet");
        MainTest.Result r = MainTest.run("apply", base.toString(), events.toString(), out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("xml bytes decoded: all\n"), r.out());
        try (var reader = org.mwdump.Dumps.open(out)) {
            assertEquals(org.mwdump.DumpFormat.PARQUET, reader.format());
            Revision first = reader.revisions().iterator().next();
            assertEquals(999_999_999L, first.id(), "a current-revision dump: the edit replaces the revision");
            assertEquals("new text", first.text());
            assertEquals(before.page().title(), first.page().title());
        }
    }

    @Test
    void updatesAMultistreamDumpStreamByStream(@TempDir Path dir) throws IOException {
        Path base = dir.resolve("elwikivoyage-pages-articles-multistream.xml.bz2");
        Target agrigent = multistreamBase(base);
        long pageId = agrigent.pageId();
        String title = agrigent.title();
        long revId = agrigent.revId();
        Path events = dir.resolve("events.jsonl");
        Files.writeString(events, edit("e1", pageId, title, 999_999_999L, revId, "new text") + "\n"
                + edit("e2", 987_654_321L, "Nowhere", 999_999_998L, 5, "x") + "\n");
        Path out = dir.resolve("elwikivoyage-updated-pages-articles-multistream.xml.bz2");
        MainTest.Result r = MainTest.run("apply", "--threads", "2", base.toString(), events.toString(), out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("streams rewritten: 1\n"), r.out());
        assertTrue(r.out().matches("(?s).*streams copied: [1-9]\\d*\n.*"), r.out());
        assertTrue(r.err().contains("mwdump: not applied: edit event e2 (events.jsonl) of page 987654321 \"Nowhere\""),
                r.err());
        assertTrue(r.err().contains("mwdump: pages: 0 created, 1 changed, 0 moved, 0 deleted; revisions: 1 added, "
                + "0 skipped, 0 suppressed; not applied: 1"), r.err());
        assertTrue(Files.exists(dir.resolve("elwikivoyage-updated-pages-articles-multistream-index.txt.bz2")));
        try (IndexedDump d = IndexedDump.open(out)) {
            List<Revision> revs = d.byId(pageId).orElseThrow().revisions();
            assertEquals(1, revs.size(), "a current-revision dump: the edit replaces the revision");
            assertEquals("new text", revs.get(0).text());
        }

        // an existing output is kept without --force; strict refuses the change it cannot apply
        MainTest.Result again = MainTest.run("apply", base.toString(), events.toString(), out.toString());
        assertEquals(1, again.status());
        Path strictOut = dir.resolve("strict-multistream.xml.bz2");
        MainTest.Result strict = MainTest.run("apply", "--strict", base.toString(), events.toString(),
                strictOut.toString());
        assertEquals(1, strict.status(), strict.err());
        assertTrue(strict.err().contains("cannot apply edit event e2"), strict.err());
        assertFalse(Files.exists(strictOut));
        assertFalse(Files.exists(dir.resolve("strict-multistream-index.txt.bz2")));
    }

    /** OUT is BASE, its index or a change file: refused with or without --force, nothing written. */
    @Test
    void refusesToWriteOverTheInputs(@TempDir Path dir) throws IOException {
        Path base = dir.resolve("B-multistream.xml.bz2");
        Path index = dir.resolve("B-multistream-index.txt.bz2");
        Target agrigent = multistreamBase(base);
        long pageId = agrigent.pageId();
        String title = agrigent.title();
        long revId = agrigent.revId();
        Path events = dir.resolve("del.jsonl");
        Files.writeString(events, edit("e1", pageId, title, 999_999_999L, revId, "new text").replace(
                "\"page_change_kind\":\"edit\"", "\"page_change_kind\":\"delete\"") + "\n");
        byte[] baseBytes = Files.readAllBytes(base);
        byte[] indexBytes = Files.readAllBytes(index);
        byte[] eventBytes = Files.readAllBytes(events);
        List<String[]> refused = List.of(
                new String[] {base.toString(), base + " is the base dump: write the update to another file"},
                new String[] {index.toString(), index + " is the base dump's index: write the update to another file"},
                new String[] {events.toString(), events + " is a change file: write the update to another file"});
        for (String[] c : refused) {
            for (boolean force : new boolean[] {true, false}) {
                MainTest.Result r = force ? MainTest.run("apply", "--force", base.toString(), events.toString(), c[0])
                        : MainTest.run("apply", base.toString(), events.toString(), c[0]);
                assertEquals(1, r.status(), r.err());
                assertTrue(r.err().contains(c[1]), r.err());
                assertEquals(1, r.err().lines().count(), r.err());
                assertEquals("", r.out());
            }
        }
        assertArrayEquals(baseBytes, Files.readAllBytes(base));
        assertArrayEquals(indexBytes, Files.readAllBytes(index));
        assertArrayEquals(eventBytes, Files.readAllBytes(events));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().startsWith(".")).toList(),
                    "no temporary files");
        }
        // to another file, the same changes apply
        Path out = dir.resolve("O-multistream.xml.bz2");
        MainTest.Result ok = MainTest.run("apply", base.toString(), events.toString(), out.toString());
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.err().contains("1 deleted"), ok.err());
        assertArrayEquals(baseBytes, Files.readAllBytes(base));
        assertArrayEquals(indexBytes, Files.readAllBytes(index));

        // and again to the output: the page is gone already, the deletion skipped, even with --strict
        Path again = dir.resolve("A-multistream.xml.bz2");
        MainTest.Result twice = MainTest.run("apply", "--strict", out.toString(), events.toString(), again.toString());
        assertEquals(0, twice.status(), twice.err());
        assertFalse(twice.err().contains("mwdump: not applied:"), twice.err());
        assertTrue(twice.err().contains("mwdump: pages: 0 created, 0 changed, 0 moved, 0 deleted; revisions: 0 added, "
                + "1 skipped, 0 suppressed; not applied: 0"), twice.err());
        assertTrue(twice.out().contains("streams rewritten: 0\n"), twice.out());
        assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(again));
        assertArrayEquals(Files.readAllBytes(dir.resolve("O-multistream-index.txt.bz2")),
                Files.readAllBytes(dir.resolve("A-multistream-index.txt.bz2")));
    }

    /** The page the tests change: its id, its title as events give it (underscores) and its revision. */
    private record Target(long pageId, String title, long revId) {
    }

    /** The elwikivoyage sample recompressed as a multistream dump at {@code base}, and its page "Agrigent". */
    private static Target multistreamBase(Path base) {
        Path sample = Corpus.file("elwikivoyage-pages-articles-sample/sample-pages-articles.xml.bz2");
        assertEquals(0, MainTest.run("recompress", "--multistream", sample.toString(), base.toString()).status());
        try (IndexedDump d = IndexedDump.open(base)) {
            IndexedPage p = d.byTitle("Agrigent").orElseThrow();
            return new Target(p.page().id(), p.page().title().replace(' ', '_'), p.revisions().get(0).id());
        }
    }
}
