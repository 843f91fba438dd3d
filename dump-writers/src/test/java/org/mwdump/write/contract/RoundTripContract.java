package org.mwdump.write.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mwdump.DumpReader;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.ReadOptions;
import org.mwdump.model.CaseRule;
import org.mwdump.model.Comment;
import org.mwdump.model.Contributor;
import org.mwdump.model.LogItem;
import org.mwdump.model.Namespace;
import org.mwdump.model.Page;
import org.mwdump.model.PageEntry;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.model.Slot;
import org.mwdump.model.Text;
import org.mwdump.model.Upload;

/**
 * What every writer/reader pair must keep: a model written by the writer and read back by
 * {@code Dumps.open} equals the original, as far as the format can carry it ({@link #carried}).
 * The data starts as XML (read by the XML reader) so it has the shape real dumps have.
 */
abstract class RoundTripContract {

    static final SiteInfo SITE = SiteInfo.builder().schemaVersion("0.11").language("en").present(true)
            .siteName("Wikipedia").dbName("enwiki").base("https://en.wikipedia.org/wiki/Main_Page")
            .generator("MediaWiki 1.45.0-wmf.3").caseRule(CaseRule.FIRST_LETTER)
            .namespaces(List.of(new Namespace(0, "", CaseRule.FIRST_LETTER),
                    new Namespace(1, "Talk", CaseRule.FIRST_LETTER), new Namespace(6, "File", CaseRule.FIRST_LETTER)))
            .build();

    /** Writes with the writer under test. */
    abstract DumpWriter writer(ByteArrayOutputStream out);

    /** The model as this format can carry it (identity for a lossless format). */
    abstract Revision carried(Revision r);

    /** Whether uploads and log items survive. */
    abstract boolean carriesUploadsAndLogs();

    private List<Object> roundTrip(List<PageEntry> entries, List<LogItem> logs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DumpWriter w = writer(out);
        w.writeSiteInfo(SITE);
        for (PageEntry e : entries) {
            w.write(e);
        }
        for (LogItem l : logs) {
            w.writeLogItem(l);
        }
        w.finish();
        List<Object> read = new ArrayList<>();
        try (DumpReader r = Dumps.open(new ByteArrayInputStream(out.toByteArray()),
                ReadOptions.builder().siteInfo(SITE).build())) {
            r.entries().forEach(read::add);
            r.logItems().forEach(read::add);
        }
        return read;
    }

    private void check(List<PageEntry> entries, List<LogItem> logs) {
        List<Object> expected = new ArrayList<>();
        for (PageEntry e : entries) {
            if (e instanceof Revision r) {
                expected.add(carried(r));
            } else if (carriesUploadsAndLogs()) {
                expected.add(e);
            }
        }
        if (carriesUploadsAndLogs()) {
            expected.addAll(logs);
        }
        assertEquals(expected, roundTrip(entries, logs));
    }

    static Revision rev(Page page, long id, Contributor c, Comment comment, List<Slot> slots, String sha1) {
        return Revision.builder().page(page).id(id).parentId(id - 1).timestamp("2024-04-15T14:38:04Z").contributor(c)
                .minor(id % 2 == 0).comment(comment).slots(slots).sha1(sha1).build();
    }

    static Slot main(Long origin, Text text) {
        return Slot.builder().origin(origin).model("wikitext").format("text/x-wiki").text(text).build();
    }

    @Test
    void unicodeBeyondTheBmpAndMarkup() {
        Page page = Page.builder().id(10L).namespace(1).title("Talk:Ünïcödé 😀 \"q\" & <a>").redirect(true)
                .redirectTarget("Target 'x' & \"y\"").restrictions(List.of("edit=sysop:move=sysop")).build();
        String text = "#REDIRECT [[x]] 😀 𝔘 \u00e9 \"quoted\" 'apos' & < > \t tab\nline\u007f";
        check(List.of(rev(page, 2, Contributor.user("Üser 😀", 5), Comment.of("çomment \"😀\" & <>"),
                List.of(main(2L, Text.builder().content(text).bytes(40L).sha1("kmysdltgexdwkv2xsml3j44jb56dxvn").build())),
                "kmysdltgexdwkv2xsml3j44jb56dxvn")), List.of());
    }

    @Test
    void emptyAndDeletedTextDeletedContributorAndComment() {
        Page page = Page.of(11, 0, "Empty");
        check(List.of(
                rev(page, 3, Contributor.ip("192.0.2.1"), null,
                        List.of(main(3L, Text.builder().bytes(0L).sha1("phoiac9h4m842xq45sp7s6u21eteeq1").build())),
                        "phoiac9h4m842xq45sp7s6u21eteeq1"),
                rev(page, 4, Contributor.DELETED, Comment.DELETED,
                        List.of(main(4L, Text.builder().bytes(12L).sha1("").deleted(true).build())), "")), List.of());
    }

    @Test
    void stubsAndSlots() {
        Page page = Page.of(42, 6, "File:Some file.jpg");
        check(List.of(rev(page, 100, Contributor.user("Example", 7), Comment.of("structured data"), List.of(
                main(98L, Text.builder().bytes(4L).sha1("abcabcabcabcabcabcabcabcabcabca").location("tt:555")
                        .textId("555").build()),
                Slot.builder().role("mediainfo").origin(100L).model("wikibase-mediainfo").format("application/json")
                        .text(Text.builder().bytes(2L).sha1("defdefdefdefdefdefdefdefdefdefd")
                                .location("es:DB://cluster1/123").build()).build()),
                "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")), List.of());
    }

    @Test
    void uploadsAndLogItems() {
        Page page = Page.of(43, 6, "File:Some image.jpg");
        List<PageEntry> entries = List.of(
                rev(page, 102, Contributor.user("Foobar", 42), Comment.of("image"),
                        List.of(main(102L, Text.builder().content("This is an image.").bytes(17L)
                                .sha1("mehom37npwkpzhaiwu3wyr0egalumki").build())), "mehom37npwkpzhaiwu3wyr0egalumki"),
                Upload.builder().page(page).timestamp("2001-01-15T20:34:12Z").contributor(Contributor.user("Foobar", 42))
                        .comment(Comment.of("My image")).filename("Some_image.jpg")
                        .src("http://upload.wikimedia.org/x/Some_image.jpg").size(12345L).sha1Base36("abc")
                        .rel("2/22/Some_image.jpg").build());
        List<LogItem> logs = List.of(LogItem.builder().id(15L).timestamp("2008-10-23T03:20:32Z")
                .contributor(Contributor.user("Wikimedian", 12345)).comment(Comment.of("content was: 'silly'"))
                .type("delete").action("delete").logTitle("Silly page name").params("").build());
        check(entries, logs);
    }
}
