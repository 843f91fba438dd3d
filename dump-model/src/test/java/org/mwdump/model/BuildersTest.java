package org.mwdump.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The builders of the records with many fields give what the canonical constructors give; a builder
 * from {@code toBuilder()} builds an equal record; what a builder leaves unset is absent.
 */
class BuildersTest {
    static final Page PAGE = new Page(3L, 1, "Talk:A", true, "B", List.of("edit=sysop"));
    static final Text TEXT = new Text("body", 4L, "sha", "tt:1", "1", false);
    static final Slot SLOT = new Slot("aux", 2L, "json", "application/json", TEXT);
    static final Revision REVISION = new Revision(PAGE, 10L, 9L, "2020-01-01T00:00:00Z", Contributor.user("U", 1),
            true, Comment.of("c"), List.of(new Slot(Slot.MAIN, null, "wikitext", "text/x-wiki", Text.of("x")), SLOT),
            "rs");
    static final Upload UPLOAD = new Upload(PAGE, "2020-01-02T00:00:00Z", Contributor.ip("192.0.2.1"), Comment.of("u"),
            "A.png", "old", "https://example.org/A.png", 5L, "b36", "a/ab/A.png", "AAAA", "base64");
    static final LogItem LOG_ITEM = new LogItem(7L, "2020-01-03T00:00:00Z", Contributor.DELETED, Comment.DELETED,
            "delete", "delete", true, "Gone", "");
    static final SiteInfo SITE = new SiteInfo("0.11", "en", true, "Wiki", "wiki", "https://example.org/",
            "MediaWiki 1.45", CaseRule.FIRST_LETTER, List.of(new Namespace(0, "", null)));

    @Test
    void everyFieldSetGivesTheCanonicalRecord() {
        assertEquals(PAGE, Page.builder().id(3L).namespace(1).title("Talk:A").redirect(true).redirectTarget("B")
                .restrictions(List.of("edit=sysop")).build());
        assertEquals(TEXT, Text.builder().content("body").bytes(4L).sha1("sha").location("tt:1").textId("1").build());
        assertEquals(SLOT, Slot.builder().role("aux").origin(2L).model("json").format("application/json").text(TEXT)
                .build());
        assertEquals(REVISION, Revision.builder().page(PAGE).id(10L).parentId(9L).timestamp("2020-01-01T00:00:00Z")
                .contributor(Contributor.user("U", 1)).minor(true).comment(Comment.of("c"))
                .slots(List.of(new Slot(Slot.MAIN, null, "wikitext", "text/x-wiki", Text.of("x")), SLOT)).sha1("rs")
                .build());
        assertEquals(UPLOAD, Upload.builder().page(PAGE).timestamp("2020-01-02T00:00:00Z")
                .contributor(Contributor.ip("192.0.2.1")).comment(Comment.of("u")).filename("A.png").archiveName("old")
                .src("https://example.org/A.png").size(5L).sha1Base36("b36").rel("a/ab/A.png").contents("AAAA")
                .contentsEncoding("base64").build());
        assertEquals(LOG_ITEM, LogItem.builder().id(7L).timestamp("2020-01-03T00:00:00Z")
                .contributor(Contributor.DELETED).comment(Comment.DELETED).type("delete").action("delete")
                .textDeleted(true).logTitle("Gone").params("").build());
        assertEquals(SITE, SiteInfo.builder().schemaVersion("0.11").language("en").present(true).siteName("Wiki")
                .dbName("wiki").base("https://example.org/").generator("MediaWiki 1.45").caseRule(CaseRule.FIRST_LETTER)
                .namespaces(List.of(new Namespace(0, "", null))).build());
    }

    @Test
    void toBuilderRoundTrips() {
        assertEquals(PAGE, PAGE.toBuilder().build());
        assertEquals(TEXT, TEXT.toBuilder().build());
        assertEquals(SLOT, SLOT.toBuilder().build());
        assertEquals(REVISION, REVISION.toBuilder().build());
        assertEquals(UPLOAD, UPLOAD.toBuilder().build());
        assertEquals(LOG_ITEM, LOG_ITEM.toBuilder().build());
        assertEquals(SITE, SITE.toBuilder().build());
        assertEquals(REVISION.withPage(Page.of(1, 0, "X")), REVISION.toBuilder().page(Page.of(1, 0, "X")).build());
    }

    @Test
    void unsetFieldsAreAbsent() {
        assertEquals(new Page(null, null, null, false, null, List.of()), Page.builder().build());
        assertEquals(new Text(null, null, null, null, null, false), Text.builder().build());
        assertEquals(new Slot(Slot.MAIN, null, null, null, null), Slot.builder().build());
        assertEquals(SiteInfo.EMPTY, SiteInfo.builder().build());
        assertEquals(new LogItem(null, null, null, null, null, null, false, null, null), LogItem.builder().build());
        Page page = Page.of(1, 0, "A");
        assertEquals(new Revision(page, null, null, null, null, false, null, List.of(), null),
                Revision.builder().page(page).build());
        assertEquals(List.of(new Slot(Slot.MAIN, null, "wikitext", "text/x-wiki", Text.of("x"))),
                Revision.builder().page(page).mainText("wikitext", "text/x-wiki", "x").build().slots());
        assertThrows(NullPointerException.class, () -> Revision.builder().build());
        assertThrows(NullPointerException.class, () -> Upload.builder().build());
    }
}
