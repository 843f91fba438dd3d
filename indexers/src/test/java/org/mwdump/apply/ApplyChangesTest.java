package org.mwdump.apply;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.ApplyOptions;
import org.mwdump.ApplyResult;
import org.mwdump.DumpException;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.WriteOptions;
import org.mwdump.model.Comment;
import org.mwdump.model.Contributor;
import org.mwdump.model.Namespace;
import org.mwdump.model.Page;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.model.Slot;
import org.mwdump.model.Text;

/** Each kind of change, and each kind that cannot be applied, on small dumps written here. */
class ApplyChangesTest {
    static final SiteInfo SITE = new SiteInfo("0.11", "en", true, "Test", "testwiki", "https://test.example/wiki/Main",
            "MediaWiki 1.45", null, List.of(new Namespace(0, "", null), new Namespace(1, "Talk", null)));

    static Revision rev(Page page, long id, Long parent, String time, String text) {
        return Revision.builder().page(page).id(id).parentId(parent).timestamp(time)
                .contributor(Contributor.user("Ann", 7)).comment(Comment.of("edit " + id))
                .slots(List.of(new Slot(Slot.MAIN, id, "wikitext", "text/x-wiki", Text.builder().content(text)
                        .bytes((long) text.getBytes(StandardCharsets.UTF_8).length).sha1("s" + id).build())))
                .sha1("s" + id).build();
    }

    static final Page ALPHA = Page.of(1, 0, "Alpha");
    static final Page BRAVO = Page.of(2, 0, "Bravo");
    static final Page DELTA = Page.of(4, 0, "Delta");

    /** Alpha (revisions 10, 11), Bravo (20), Delta (40, 41). */
    static Path base(Path dir, String name) {
        Path file = dir.resolve(name);
        DumpWriter w = Dumps.create(file, DumpFormat.XML);
        w.writeSiteInfo(SITE);
        w.writePage(ALPHA);
        w.write(rev(ALPHA, 10, null, "2020-01-01T00:00:00Z", "one"));
        w.write(rev(ALPHA, 11, 10L, "2020-01-02T00:00:00Z", "two"));
        w.writePage(BRAVO);
        w.write(rev(BRAVO, 20, null, "2020-01-03T00:00:00Z", "bravo"));
        w.writePage(DELTA);
        w.write(rev(DELTA, 40, null, "2020-01-04T00:00:00Z", "delta"));
        w.write(rev(DELTA, 41, 40L, "2020-01-05T00:00:00Z", "delta 2"));
        w.finish();
        w.close();
        return file;
    }

    static Path events(Path dir, String... lines) throws IOException {
        Path f = dir.resolve("events-" + System.nanoTime() + ".jsonl");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    static String event(String kind, int n, Revision r) {
        return ChangeEvents.event(kind, "e" + n, r.timestamp(), r, r.page(), null, null, null, null);
    }

    /** Page id to its revisions, as read back. */
    static Map<Long, List<Revision>> read(Path file) {
        Map<Long, List<Revision>> pages = new TreeMap<>();
        try (DumpReader r = Dumps.open(file)) {
            for (Revision rev : r.revisions()) {
                pages.computeIfAbsent(rev.page().id(), k -> new ArrayList<>()).add(rev);
            }
        }
        return pages;
    }

    static List<Long> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).toList();
    }

    @Test
    void moveRenamesAndAddsTheMoveRevision(@TempDir Path dir) throws IOException {
        Page moved = Page.of(1, 1, "Talk:Alpha prime");
        Revision move = rev(moved, 12, 11L, "2020-02-01T00:00:00Z", "two");
        Path out = dir.resolve("out.xml");
        ApplyResult r = Dumps.apply(base(dir, "base.xml"), List.of(events(dir,
                ChangeEvents.event("move", "m1", move.timestamp(), move, moved, null, null, null, "Alpha"))), out);
        assertEquals(List.of(), r.notApplied());
        assertEquals(1, r.pagesMoved());
        assertEquals(1, r.pagesChanged());
        assertEquals(1, r.revisionsAdded());
        Map<Long, List<Revision>> pages = read(out);
        assertEquals(List.of(10L, 11L, 12L), ids(pages.get(1L)));
        pages.get(1L).forEach(x -> assertEquals("Talk:Alpha prime", x.page().title()));
        assertEquals(1, pages.get(1L).get(0).page().namespace());
        assertEquals(List.of(1L, 2L, 4L), List.copyOf(pages.keySet()));
    }

    @Test
    void deleteRemovesAndUndeleteRestores(@TempDir Path dir) throws IOException {
        Path base = base(dir, "base.xml");
        Revision bravo = rev(BRAVO, 20, null, "2020-01-03T00:00:00Z", "bravo");
        Revision deleting = rev(BRAVO, 20, null, "2020-03-01T00:00:00Z", "bravo");
        Path out = dir.resolve("deleted.xml");
        ApplyResult r = Dumps.apply(base, List.of(events(dir, event("delete", 1, deleting))), out);
        assertEquals(1, r.pagesDeleted());
        assertEquals(List.of(1L, 4L), List.copyOf(read(out).keySet()));

        // deleted and restored in one set of changes: the page comes back with all it had
        Revision restoring = rev(BRAVO, 20, null, "2020-03-02T00:00:00Z", "bravo");
        Path back = dir.resolve("restored.xml");
        ApplyResult r2 = Dumps.apply(base, List.of(events(dir, event("undelete", 2, restoring),
                event("delete", 1, deleting))), back);
        assertEquals(List.of(), r2.notApplied());
        assertEquals(0, r2.pagesDeleted());
        assertEquals(List.of(20L), ids(read(back).get(2L)));
        assertEquals(Files.readString(base), Files.readString(back), "the same page as before");

        // a page the dump lacks, undeleted with its content: it is created
        Page charlie = Page.of(3, 0, "Charlie");
        Path created = dir.resolve("created.xml");
        ApplyResult r3 = Dumps.apply(base, List.of(events(dir, event("undelete", 3,
                rev(charlie, 30, null, "2020-03-03T00:00:00Z", "charlie")))), created);
        assertEquals(1, r3.pagesCreated());
        assertEquals(List.of(1L, 2L, 3L, 4L), List.copyOf(read(created).keySet()));
        assertEquals(bravo.text(), read(created).get(2L).get(0).text());
    }

    @Test
    void visibilityChangesHideTextCommentAndEditor(@TempDir Path dir) throws IOException {
        Path base = base(dir, "base.xml");
        Revision hideText = rev(ALPHA, 10, null, "2020-01-01T00:00:00Z", "one");
        Revision hideComment = rev(ALPHA, 11, 10L, "2020-01-02T00:00:00Z", "two");
        Revision hideUser = rev(DELTA, 40, null, "2020-01-04T00:00:00Z", "delta");
        Path out = dir.resolve("out.xml");
        ApplyResult r = Dumps.apply(base, List.of(events(dir,
                ChangeEvents.event("visibility_change", "v1", "2020-04-01T00:00:00Z", hideText, ALPHA, false, null, null,
                        null),
                ChangeEvents.event("visibility_change", "v2", "2020-04-01T00:00:01Z", hideComment, ALPHA, null, false,
                        null, null),
                ChangeEvents.event("visibility_change", "v3", "2020-04-01T00:00:02Z", hideUser, DELTA, null, null, false,
                        null))), out);
        assertEquals(List.of(), r.notApplied());
        assertEquals(3, r.revisionsSuppressed());
        assertEquals(0, r.revisionsAdded());
        Map<Long, List<Revision>> pages = read(out);
        Revision t = pages.get(1L).get(0);
        assertTrue(t.textDeleted());
        assertNull(t.text(), "the hidden text is dropped");
        assertEquals("", t.sha1(), "as dumps write a revision with hidden text: <sha1 />");
        assertEquals("s10", t.mainSlot().text().sha1(), "the text's size and sha1 stay");
        assertEquals(3L, t.mainSlot().text().bytes());
        assertFalse(t.commentDeleted());
        assertTrue(pages.get(1L).get(1).commentDeleted());
        assertFalse(pages.get(1L).get(1).textDeleted());
        assertEquals("two", pages.get(1L).get(1).text());
        assertTrue(pages.get(4L).get(0).contributorDeleted());
        assertEquals("edit 40", pages.get(4L).get(0).comment().text());
        String xml = Files.readString(out);
        assertTrue(xml.contains("<contributor deleted=\"deleted\" />"), xml);
        assertTrue(xml.contains("<comment deleted=\"deleted\" />"), xml);
        assertFalse(xml.contains(">one<"), "no trace of the hidden text");
    }

    @Test
    void changesThatCannotBeAppliedAreReported(@TempDir Path dir) throws IOException {
        Path base = base(dir, "base.xml");
        Page absent = Page.of(99, 0, "Nowhere");
        Revision noContent = Revision.builder().page(ALPHA).id(13L).parentId(11L).timestamp("2020-05-01T00:00:00Z")
                .contributor(Contributor.user("Ann", 7)).slots(List.of(new Slot(Slot.MAIN, 13L, "wikitext",
                        "text/x-wiki", Text.builder().bytes(5L).sha1("x").build()))).sha1("x").build();
        Revision undeleteBare = Revision.builder().page(Page.of(98, 0, "Gone")).id(980L).timestamp("2020-05-02T00:00:00Z")
                .slots(List.of(new Slot(Slot.MAIN, 980L, "wikitext", "text/x-wiki", Text.builder().bytes(3L).build())))
                .build();
        Path changes = events(dir,
                event("edit", 1, rev(absent, 990, 989L, "2020-05-01T00:00:00Z", "x")),
                event("undelete", 2, undeleteBare),
                event("delete", 3, rev(Page.of(97, 0, "Never"), 970, null, "2020-05-03T00:00:00Z", "x")),
                event("visibility_change", 4, rev(ALPHA, 15, 11L, "2020-05-04T00:00:00Z", "x")),
                event("edit", 5, noContent));
        Path out = dir.resolve("out.xml");
        ApplyResult r = Dumps.apply(base, List.of(changes), out);
        assertEquals(4, r.notApplied().size(), String.join("\n", r.notApplied()));
        assertEquals(1, r.revisionsSkipped(), "the page the delete event removes is not there: done already");
        assertEquals(0, r.pagesDeleted());
        String all = String.join("\n", r.notApplied());
        assertTrue(all.contains("edit event e1") && all.contains("page 99 \"Nowhere\"")
                && all.contains("a change to a page the dump lacks"), all);
        assertTrue(all.contains("undelete event e2") && all.contains("an undeletion without content"), all);
        assertFalse(all.contains("delete event e3"), all);
        assertTrue(all.contains("visibility_change event e4") && all.contains("revision 15 is not in the dump"), all);
        assertTrue(all.contains("edit event e5") && all.contains("revision 13 carries no content"), all);
        assertEquals(Files.readString(base), Files.readString(out), "nothing applied, nothing changed");

        Path strict = dir.resolve("strict.xml");
        DumpException e = assertThrows(DumpException.class, () -> Dumps.apply(base, List.of(changes), strict,
                ApplyOptions.DEFAULT.withStrict(true)));
        assertTrue(e.getMessage().startsWith("cannot apply ") && e.getMessage().endsWith("(and 3 more)"),
                e.getMessage());
        assertFalse(Files.exists(strict), "no output in strict mode");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().startsWith(".")).toList(),
                    "no temporary files left");
        }
    }

    /**
     * Applies changes that hold one change that cannot be applied: it is reported with its event id, page
     * and why; in strict mode it is the error, and no output (nor temporary file) is left.
     */
    static void assertNotApplied(Path dir, Path base, Path changes, String event, String page, String why) {
        Path out = dir.resolve("out-" + System.nanoTime() + ".xml");
        ApplyResult r = Dumps.apply(base, List.of(changes), out);
        assertEquals(1, r.notApplied().size(), String.join("\n", r.notApplied()));
        String line = r.notApplied().get(0);
        assertTrue(line.startsWith(event + " (" + changes.getFileName() + ") of page " + page + ": "), line);
        assertTrue(line.endsWith(": " + why), line);
        Path strict = dir.resolve("strict-" + System.nanoTime() + ".xml");
        DumpException e = assertThrows(DumpException.class, () -> Dumps.apply(base, List.of(changes), strict,
                ApplyOptions.DEFAULT.withStrict(true)));
        assertEquals("cannot apply " + line, e.getMessage());
        assertFalse(Files.exists(strict), "no output in strict mode");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().startsWith(".")).toList(),
                    "no temporary files left");
        } catch (IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
    }

    @Test
    void aChangeToAPageDeletedBeforeIsNotApplied(@TempDir Path dir) throws IOException {
        Path changes = events(dir, event("delete", 1, rev(BRAVO, 20, null, "2020-03-01T00:00:00Z", "bravo")),
                event("edit", 2, rev(BRAVO, 21, 20L, "2020-03-02T00:00:00Z", "bravo 2")));
        assertNotApplied(dir, base(dir, "base.xml"), changes, "edit event e2", "2 \"Bravo\"",
                "a change to a deleted page");
    }

    @Test
    void aCreationWithoutContentIsNotApplied(@TempDir Path dir) throws IOException {
        Page echo = Page.of(5, 0, "Echo");
        Revision bare = Revision.builder().page(echo).id(50L).timestamp("2020-05-01T00:00:00Z")
                .contributor(Contributor.user("Ann", 7)).slots(List.of(new Slot(Slot.MAIN, 50L, "wikitext",
                        "text/x-wiki", Text.builder().bytes(4L).sha1("s50").build()))).sha1("s50").build();
        assertNotApplied(dir, base(dir, "base.xml"), events(dir, event("create", 1, bare)), "create event e1",
                "5 \"Echo\"", "a page creation without content");
    }

    @Test
    void aVisibilityChangeOnAPageTheDumpLacksIsNotApplied(@TempDir Path dir) throws IOException {
        Revision r = rev(Page.of(99, 0, "Nowhere"), 990, null, "2020-05-01T00:00:00Z", "x");
        Path changes = events(dir, ChangeEvents.event("visibility_change", "e1", "2020-05-02T00:00:00Z", r, r.page(),
                false, null, null, null));
        assertNotApplied(dir, base(dir, "base.xml"), changes, "visibility_change event e1", "99 \"Nowhere\"",
                "a visibility change on a page the dump lacks");
    }

    /** A visibility change after the deletion that removes the page: nothing is there to hide. */
    @Test
    void aVisibilityChangeOnAPageDeletedBeforeIsNotApplied(@TempDir Path dir) throws IOException {
        Revision bravo = rev(BRAVO, 20, null, "2020-01-03T00:00:00Z", "bravo");
        Path changes = events(dir, event("delete", 1, rev(BRAVO, 20, null, "2020-03-01T00:00:00Z", "bravo")),
                ChangeEvents.event("visibility_change", "e2", "2020-03-02T00:00:00Z", bravo, BRAVO, false, null, null,
                        null));
        assertNotApplied(dir, base(dir, "base.xml"), changes, "visibility_change event e2", "2 \"Bravo\"",
                "a visibility change on a deleted page");
    }

    /**
     * An edit, and a visibility change, of a page that the same changes then delete: the first time, the
     * page goes and the change before its deletion is skipped (nothing of it stays); applied again to the
     * output, which lacks the page, the change and the deletion are skipped as done already, nothing is
     * reported, strict passes and the bytes are the same. On an XML base and on a multistream one.
     */
    @Test
    void changesToAPageTheyDeleteAreDoneWhenAppliedAgain(@TempDir Path dir) throws IOException {
        Revision alpha10 = rev(ALPHA, 10, null, "2020-01-01T00:00:00Z", "one");
        List<Path> changes = List.of(
                events(dir, event("edit", 1, rev(BRAVO, 21, 20L, "2020-03-01T00:00:00Z", "bravo 2")),
                        event("delete", 2, rev(BRAVO, 21, 20L, "2020-03-02T00:00:00Z", "bravo 2"))),
                events(dir, ChangeEvents.event("visibility_change", "e3", "2020-04-01T00:00:00Z", alpha10, ALPHA,
                                false, null, null, null),
                        event("delete", 4, rev(ALPHA, 11, 10L, "2020-04-02T00:00:00Z", "two"))));
        List<List<Long>> pagesLeft = List.of(List.of(1L, 4L), List.of(2L, 4L));
        for (int i = 0; i < changes.size(); i++) {
            for (Path base : List.of(base(dir, "plain-" + i + ".xml"), multistream(dir, "base-" + i))) {
                String name = base.getFileName().toString();
                Path out = dir.resolve("out-" + name);
                ApplyResult first = Dumps.apply(base, List.of(changes.get(i)), out, ApplyOptions.DEFAULT.withStrict(true));
                assertEquals(List.of(), first.notApplied(), name);
                assertEquals(List.of(1L, 1L, 0L, 0L, 0L), List.of(first.pagesDeleted(), first.revisionsSkipped(),
                        first.revisionsAdded(), first.revisionsSuppressed(), first.pagesChanged()),
                        name + ": " + first.summary());
                assertEquals(pagesLeft.get(i), List.copyOf(read(out).keySet()), name);

                Path again = dir.resolve("again-" + name);
                ApplyResult second = Dumps.apply(out, List.of(changes.get(i)), again,
                        ApplyOptions.DEFAULT.withStrict(true));
                assertEquals(List.of(), second.notApplied(), name);
                assertEquals(2, second.revisionsSkipped(), name + ": the change and the deletion: " + second.summary());
                assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L), List.of(second.pagesCreated(), second.pagesChanged(),
                        second.pagesMoved(), second.pagesDeleted(), second.revisionsAdded(),
                        second.revisionsSuppressed()), name);
                assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(again), name);
            }
        }
    }

    /** Alpha with revision 10's editor and revision 11's text hidden. */
    static Path hiddenBase(Path dir) {
        Path file = dir.resolve("hidden.xml");
        DumpWriter w = Dumps.create(file, DumpFormat.XML);
        w.writeSiteInfo(SITE);
        w.writePage(ALPHA);
        w.write(hiddenEditor());
        w.write(hiddenText());
        w.finish();
        w.close();
        return file;
    }

    static Revision hiddenEditor() {
        return rev(ALPHA, 10, null, "2020-01-01T00:00:00Z", "one").toBuilder().contributor(Contributor.DELETED).build();
    }

    static Revision hiddenText() {
        return rev(ALPHA, 11, 10L, "2020-01-02T00:00:00Z", "two").toBuilder().slots(List.of(new Slot(Slot.MAIN, 11L,
                "wikitext", "text/x-wiki", Text.builder().bytes(3L).sha1("s11").deleted(true).build()))).sha1("")
                .build();
    }

    @Test
    void showingAnEditorTheChangeDoesNotGiveIsNotApplied(@TempDir Path dir) throws IOException {
        Path base = hiddenBase(dir);
        assertTrue(read(base).get(1L).get(0).contributorDeleted());
        // the editor visible, but the event does not say who it is
        Path changes = events(dir, ChangeEvents.event("visibility_change", "e1", "2020-05-01T00:00:00Z",
                hiddenEditor(), ALPHA, null, null, true, null));
        assertNotApplied(dir, base, changes, "visibility_change event e1", "1 \"Alpha\"",
                "the editor of revision 10 is hidden in the dump and the change does not give it");
    }

    @Test
    void showingTextTheChangeDoesNotGiveIsNotApplied(@TempDir Path dir) throws IOException {
        Path base = hiddenBase(dir);
        assertTrue(read(base).get(1L).get(1).textDeleted());
        // the text visible, but the event carries no content_body
        Path changes = events(dir, ChangeEvents.event("visibility_change", "e1", "2020-05-01T00:00:00Z",
                hiddenText(), ALPHA, true, null, null, null));
        assertNotApplied(dir, base, changes, "visibility_change event e1", "1 \"Alpha\"",
                "the text of revision 11 is hidden in the dump and the change does not give it");
    }

    /**
     * A move, a deletion, an undeletion and a visibility change applied, then applied again to the output:
     * the second time all of them are there already, skipped, and nothing is reported (strict passes); the
     * same with metadata-only events of the move and the undeletion (no content: the revisions are there).
     */
    @Test
    void applyingDeletesMovesAndUndeletesAgainChangesNothing(@TempDir Path dir) throws IOException {
        Path base = base(dir, "base.xml");
        Page moved = Page.of(1, 1, "Talk:Alpha prime");
        Page charlie = Page.of(3, 0, "Charlie");
        Revision move = rev(moved, 12, 11L, "2020-02-01T00:00:00Z", "two");
        Revision undelete = rev(charlie, 30, null, "2020-03-03T00:00:00Z", "charlie");
        Path changes = events(dir,
                ChangeEvents.event("move", "e1", move.timestamp(), move, moved, null, null, null, "Alpha"),
                event("delete", 2, rev(BRAVO, 20, null, "2020-03-01T00:00:00Z", "bravo")),
                event("undelete", 3, undelete),
                ChangeEvents.event("visibility_change", "e4", "2020-04-01T00:00:00Z",
                        rev(DELTA, 41, 40L, "2020-01-05T00:00:00Z", "delta 2"), DELTA, null, false, null, null));
        Path out = dir.resolve("out.xml");
        ApplyResult first = Dumps.apply(base, List.of(changes), out, ApplyOptions.DEFAULT.withStrict(true));
        assertEquals(List.of(), first.notApplied());
        assertEquals(List.of(1L, 1L, 1L, 1L, 0L), List.of(first.pagesMoved(), first.pagesDeleted(),
                first.pagesCreated(), first.revisionsSuppressed(), first.revisionsSkipped()));
        assertEquals(List.of(1L, 3L, 4L), List.copyOf(read(out).keySet()));
        byte[] once = Files.readAllBytes(out);

        Path again = dir.resolve("again.xml");
        ApplyResult second = Dumps.apply(out, List.of(changes), again, ApplyOptions.DEFAULT.withStrict(true));
        assertEquals(List.of(), second.notApplied());
        assertEquals(4, second.revisionsSkipped(), "the move's and undeletion's revisions, the deletion, the"
                + " visibility change: " + second.summary());
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L), List.of(second.pagesCreated(), second.pagesChanged(),
                second.pagesMoved(), second.pagesDeleted(), second.revisionsAdded(), second.revisionsSuppressed()));
        assertArrayEquals(once, Files.readAllBytes(again));

        // without content: the page has the new title and the revisions already
        Revision bareMove = move.toBuilder().slots(List.of(new Slot(Slot.MAIN, 12L, "wikitext", "text/x-wiki",
                Text.builder().bytes(3L).sha1("s12").build()))).build();
        Revision bareUndelete = undelete.toBuilder().slots(List.of(new Slot(Slot.MAIN, 30L, "wikitext", "text/x-wiki",
                Text.builder().bytes(7L).sha1("s30").build()))).build();
        Path bare = events(dir,
                ChangeEvents.event("move", "e5", move.timestamp(), bareMove, moved, null, null, null, "Alpha"),
                event("undelete", 6, bareUndelete));
        Path third = dir.resolve("third.xml");
        ApplyResult r3 = Dumps.apply(out, List.of(bare), third, ApplyOptions.DEFAULT.withStrict(true));
        assertEquals(List.of(), r3.notApplied());
        assertEquals(2, r3.revisionsSkipped(), r3.summary());
        assertEquals(0, r3.pagesChanged() + r3.pagesMoved() + r3.pagesCreated());
        assertArrayEquals(once, Files.readAllBytes(third));
    }

    @Test
    void aCurrentDumpKeepsTheNewestRevision(@TempDir Path dir) throws IOException {
        Path base = dir.resolve("testwiki-20200101-pages-articles.xml");
        DumpWriter w = Dumps.create(base, DumpFormat.XML);
        w.writeSiteInfo(SITE);
        w.writePage(ALPHA);
        w.write(rev(ALPHA, 11, 10L, "2020-01-02T00:00:00Z", "two"));
        w.finish();
        w.close();
        Path out = dir.resolve("testwiki-20200102-pages-articles.xml");
        ApplyResult r = Dumps.apply(base, List.of(events(dir,
                event("edit", 1, rev(ALPHA, 12, 11L, "2020-01-03T00:00:00Z", "three")),
                event("edit", 2, rev(ALPHA, 13, 12L, "2020-01-04T00:00:00Z", "four")))), out);
        assertEquals(1, r.revisionsAdded(), "the revision written; 12 was replaced by 13 at once");
        assertEquals(List.of(13L), ids(read(out).get(1L)));
        assertEquals("four", read(out).get(1L).get(0).text());
        // as history, all of them
        Path history = dir.resolve("history.xml");
        Dumps.apply(base, List.of(events(dir,
                event("edit", 1, rev(ALPHA, 12, 11L, "2020-01-03T00:00:00Z", "three")))), history,
                ApplyOptions.DEFAULT.withCurrent(false));
        assertEquals(List.of(11L, 12L), ids(read(history).get(1L)));
    }

    /** Damage in a stream that must be rewritten: the file and the offset named, nothing written. */
    @Test
    void aDamagedStreamFailsWithItsPlace(@TempDir Path dir) throws IOException {
        Path xml = base(dir, "base.xml");
        Path dump = dir.resolve("b-multistream.xml.bz2");
        Path index = dir.resolve("b-multistream-index.txt.bz2");
        try (var r = new org.mwdump.write.layout.Recompressor(org.mwdump.write.layout.Recompressor.Layout.BZIP2_MULTISTREAM,
                1, 1); var in = Files.newInputStream(xml)) {
            r.recompress(in, dump, index);
        }
        long alpha = org.mwdump.index.MultistreamIndex.read(index).get(0).offset();
        long bravo = org.mwdump.index.MultistreamIndex.read(index).get(1).offset();
        byte[] bytes = Files.readAllBytes(dump);
        bytes[(int) (alpha + (bravo - alpha) / 2)] ^= 0x10;
        Files.write(dump, bytes);
        Path out = dir.resolve("out-multistream.xml.bz2");
        Path changes = events(dir, event("edit", 1, rev(ALPHA, 12, 11L, "2020-02-01T00:00:00Z", "three")));
        org.mwdump.CorruptInputException e = assertThrows(org.mwdump.CorruptInputException.class,
                () -> Dumps.apply(dump, List.of(changes), out));
        assertTrue(e.getMessage().contains(dump.toString()), e.getMessage());
        long at = e.location().compressedOffset();
        assertTrue(at >= alpha && at < bravo, "at " + at + ", in the stream " + alpha + ".." + bravo);
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("out-multistream-index.txt.bz2")));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().startsWith(".")).toList(),
                    "no temporary files left");
        }
        // a change elsewhere copies the damaged stream as it is, without reading it
        Path elsewhere = dir.resolve("elsewhere-multistream.xml.bz2");
        ApplyResult r = Dumps.apply(dump, List.of(events(dir, event("edit", 2,
                rev(DELTA, 42, 41L, "2020-02-01T00:00:00Z", "delta 3")))), elsewhere);
        assertEquals(1, r.chunksRewritten());
    }

    /** A multistream bz2 dump of {@link #base}, with its index, one page a stream. */
    static Path multistream(Path dir, String name) throws IOException {
        Path xml = base(dir, name + ".xml");
        Path dump = dir.resolve(name + "-multistream.xml.bz2");
        try (var r = new org.mwdump.write.layout.Recompressor(org.mwdump.write.layout.Recompressor.Layout.BZIP2_MULTISTREAM,
                1, 1); var in = Files.newInputStream(xml)) {
            r.recompress(in, dump, dir.resolve(name + "-multistream-index.txt.bz2"));
        }
        return dump;
    }

    /** The output must be none of the inputs, nor its index one of them: refused before anything is written. */
    @Test
    void refusesToWriteOverTheInputs(@TempDir Path dir) throws IOException {
        Path base = multistream(dir, "b");
        Path index = dir.resolve("b-multistream-index.txt.bz2");
        Path changes = events(dir, event("delete", 1, rev(BRAVO, 20, null, "2020-03-01T00:00:00Z", "bravo")));
        byte[] baseBytes = Files.readAllBytes(base);
        byte[] indexBytes = Files.readAllBytes(index);
        byte[] changeBytes = Files.readAllBytes(changes);
        Files.createDirectory(dir.resolve("real"));
        Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
        Files.createSymbolicLink(dir.resolve("real/b-multistream.xml.bz2"), base);
        Files.createSymbolicLink(dir.resolve("o-multistream-index.txt.bz2"), index);
        Files.createLink(dir.resolve("hard.xml.bz2"), base);
        Map<Path, String> refused = new java.util.LinkedHashMap<>();
        refused.put(base, base + " is the base dump: ");
        refused.put(dir.resolve("missing/../b-multistream.xml.bz2"), "is the base dump: ");
        refused.put(dir.resolve("link/b-multistream.xml.bz2"), "is the base dump: ");
        refused.put(dir.resolve("hard.xml.bz2"), "is the base dump: ");
        refused.put(index, index + " is the base dump's index: ");
        refused.put(changes, changes + " is a change file: ");
        refused.put(dir.resolve("o-multistream.xml.bz2"), dir.resolve("o-multistream-index.txt.bz2")
                + ", the index written beside " + dir.resolve("o-multistream.xml.bz2") + ", is the base dump's index: ");
        for (Map.Entry<Path, String> e : refused.entrySet()) {
            DumpException x = assertThrows(DumpException.class, () -> Dumps.apply(base, List.of(changes), e.getKey(),
                    ApplyOptions.DEFAULT.withThreads(1)), e.getKey().toString());
            assertTrue(x.getMessage().contains(e.getValue()) && x.getMessage().endsWith(
                    ": write the update to another file"), x.getMessage());
            assertFalse(x.getMessage().contains("\n"), x.getMessage());
        }
        assertArrayEquals(baseBytes, Files.readAllBytes(base));
        assertArrayEquals(indexBytes, Files.readAllBytes(index));
        assertArrayEquals(changeBytes, Files.readAllBytes(changes));
        assertTrue(Files.isSymbolicLink(dir.resolve("o-multistream-index.txt.bz2")));
        assertFalse(Files.exists(dir.resolve("o-multistream.xml.bz2")));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().startsWith(".")).toList(),
                    "no temporary files");
        }

        // a plain base: the output named as the base, by another path
        Path plain = base(dir, "plain.xml");
        byte[] plainBytes = Files.readAllBytes(plain);
        DumpException x = assertThrows(DumpException.class, () -> Dumps.apply(plain, List.of(changes),
                dir.resolve("link/../plain.xml").toAbsolutePath()));
        assertTrue(x.getMessage().contains(" is the base dump: write the update to another file"), x.getMessage());
        assertArrayEquals(plainBytes, Files.readAllBytes(plain));
    }

    /** {@link #base} laid out for random access, one page a stream or frame, with its index. */
    static Path chunked(Path dir, org.mwdump.write.layout.Recompressor.Layout layout) throws IOException {
        if (layout == org.mwdump.write.layout.Recompressor.Layout.BZIP2_MULTISTREAM) {
            return multistream(dir, "b");
        }
        Path xml = base(dir, "b.xml");
        Path dump = dir.resolve("b.xml.zst");
        try (var r = new org.mwdump.write.layout.Recompressor(layout, 1, 1); var in = Files.newInputStream(xml)) {
            r.recompress(in, dump, dir.resolve("b-index.txt.zst"));
        }
        return dump;
    }

    /**
     * A move and a deletion on a base laid out for random access: the stream of the page neither touches is
     * copied, the new index finds the moved page by its new title only and the deleted one not at all;
     * applied again, the same bytes.
     */
    static void moveAndDeleteKeepTheLayout(Path dir, org.mwdump.write.layout.Recompressor.Layout layout, String outName,
                                           String indexName) throws IOException {
        Path base = chunked(dir, layout);
        Page moved = Page.of(1, 1, "Talk:Alpha prime");
        Revision move = rev(moved, 12, 11L, "2020-02-01T00:00:00Z", "two");
        Path changes = events(dir,
                ChangeEvents.event("move", "m1", move.timestamp(), move, moved, null, null, null, "Alpha"),
                event("delete", 2, rev(DELTA, 41, 40L, "2020-03-01T00:00:00Z", "delta 2")));
        Path out = dir.resolve(outName);
        ApplyOptions options = ApplyOptions.DEFAULT.withThreads(2).withPagesPerStream(1);
        ApplyResult r = Dumps.apply(base, List.of(changes), out, options);
        assertEquals(List.of(), r.notApplied());
        assertEquals(1, r.pagesMoved());
        assertEquals(1, r.pagesDeleted());
        assertEquals(1, r.chunksCopied(), "Bravo's stream: " + r);
        assertEquals(2, r.chunksRewritten(), "Alpha's and Delta's: " + r);
        Path index = dir.resolve(indexName);
        assertEquals(List.of("1 Talk:Alpha prime", "2 Bravo"), org.mwdump.index.MultistreamIndex.read(index).stream()
                .map(e -> e.pageId() + " " + e.title()).toList());
        try (org.mwdump.index.IndexedDump d = org.mwdump.index.IndexedDump.open(out)) {
            var alpha = d.byTitle("Talk:Alpha prime").orElseThrow();
            assertEquals(1L, alpha.page().id());
            assertEquals(List.of(10L, 11L, 12L), ids(alpha.revisions()));
            assertTrue(d.byTitle("Alpha").isEmpty(), "the old title is gone");
            assertTrue(d.byTitle("Delta").isEmpty(), "the deleted page is gone");
            assertTrue(d.byId(4).isEmpty(), "the deleted page is gone");
            assertEquals(List.of(20L), ids(d.byTitle("Bravo").orElseThrow().revisions()));
        }
        assertEquals(List.of(1L, 2L), List.copyOf(read(out).keySet()));

        Path again = dir.resolve("again-" + outName);
        ApplyResult twice = Dumps.apply(out, List.of(changes), again, options.withStrict(true));
        assertEquals(List.of(), twice.notApplied());
        assertEquals(2, twice.revisionsSkipped(), "the move's revision and the deletion: " + twice);
        assertEquals(0, twice.pagesMoved() + twice.pagesDeleted() + twice.pagesChanged());
        assertEquals(1, twice.chunksCopied(), twice.toString());
        assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(again));
    }

    @Test
    void moveAndDeleteOnAMultistreamBase(@TempDir Path dir) throws IOException {
        moveAndDeleteKeepTheLayout(dir, org.mwdump.write.layout.Recompressor.Layout.BZIP2_MULTISTREAM,
                "o-multistream.xml.bz2", "o-multistream-index.txt.bz2");
    }

    @Test
    void moveAndDeleteOnASeekableZstdBase(@TempDir Path dir) throws IOException {
        moveAndDeleteKeepTheLayout(dir, org.mwdump.write.layout.Recompressor.Layout.SEEKABLE_ZSTD, "o.xml.zst",
                "o-index.txt.zst");
    }

    @Test
    void writesTheBaseFormat(@TempDir Path dir) throws IOException {
        Path xml = base(dir, "base.xml");
        Path revdoc = dir.resolve("base.jsonl");
        Dumps.convert(xml, revdoc, DumpFormat.REVDOC, WriteOptions.DEFAULT);
        Path out = dir.resolve("out.jsonl.gz");
        Dumps.apply(revdoc, List.of(events(dir, event("edit", 1, rev(BRAVO, 21, 20L, "2020-02-01T00:00:00Z", "b2")))),
                out);
        try (DumpReader r = Dumps.open(out)) {
            assertEquals(DumpFormat.REVDOC, r.format());
        }
        assertEquals(List.of(20L, 21L), ids(read(out).get(2L)));
    }
}
