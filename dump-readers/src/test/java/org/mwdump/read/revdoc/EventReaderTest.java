package org.mwdump.read.revdoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mwdump.DumpFormat;
import org.mwdump.DumpReader;
import org.mwdump.Dumps;
import org.mwdump.MalformedDumpException;
import org.mwdump.model.PageChange;
import org.mwdump.model.Revision;

/** Change events recognised from their content and read into the model; RevDoc is not taken for events. */
class EventReaderTest {
    static List<Revision> read(String text, DumpFormat expected) {
        List<Revision> list = new ArrayList<>();
        try (DumpReader r = Dumps.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            assertEquals(expected, r.format());
            r.revisions().forEach(list::add);
        }
        return list;
    }

    @Test
    void pageChangeWithPriorStateAndUnknownFields() {
        // "$schema" need not come first; fields of later versions are ignored
        String move = "{\"meta\":{\"id\":\"ev-1\",\"stream\":\"mediawiki.page_change.v1\"},\"dt\":\"2025-03-04T05:06:07.123Z\","
                + "\"$schema\":\"/mediawiki/page/change/1.11.0\",\"page_change_kind\":\"move\",\"changelog_kind\":\"update\","
                + "\"wiki_id\":\"enwiki\",\"page\":{\"page_id\":12,\"page_title\":\"Talk:New_name\",\"namespace_id\":1,"
                + "\"is_redirect\":false,\"wikibase_item_id\":\"Q1\"},\"prior_state\":{\"page\":{\"page_title\":\"Old_name\","
                + "\"namespace_id\":0},\"revision\":{\"rev_id\":99,\"is_comment_visible\":true}},"
                + "\"revision\":{\"rev_id\":100,\"rev_dt\":\"2025-03-04T05:06:07Z\",\"rev_parent_id\":99,\"rev_sha1\":\"s\","
                + "\"rev_size\":3,\"comment\":\"moved\",\"is_minor_edit\":true,\"editor\":{\"user_id\":4,\"user_text\":\"Ann\","
                + "\"user_central_id\":8},\"is_content_visible\":true,\"is_comment_visible\":true,\"is_editor_visible\":false,"
                + "\"revert\":null,\"content_slots\":{\"main\":{\"slot_role\":\"main\",\"content_model\":\"wikitext\","
                + "\"content_format\":\"text/x-wiki\",\"content_size\":3,\"content_sha1\":\"s\",\"origin_rev_id\":98,"
                + "\"content_body\":\"abc\"}}}}\n";
        Revision r = read(move, DumpFormat.EVENTS).get(0);
        assertEquals(100L, r.id());
        assertEquals(99L, r.parentId());
        assertEquals("Talk:New name", r.page().title());
        assertEquals(1, r.page().namespace());
        assertTrue(r.minor());
        assertTrue(r.contributorDeleted(), "is_editor_visible false");
        assertEquals("moved", r.comment().text());
        assertEquals("abc", r.text());
        assertEquals(98L, r.mainSlot().origin());
        PageChange c = r.change();
        assertEquals(PageChange.Kind.MOVE, c.kind());
        assertEquals("ev-1", c.eventId());
        assertEquals("2025-03-04T05:06:07.123Z", c.eventTime());
        assertEquals("Old name", c.prior().title());
        assertEquals(0, c.prior().namespace());
        assertEquals(99L, c.prior().revisionId());
        assertEquals(Boolean.TRUE, c.prior().visibility().comment());
        assertNull(c.prior().visibility().text());
    }

    @Test
    void legacyRevisionCreate() {
        String e = "{\"$schema\":\"/mediawiki/revision/create/2.0.0\",\"meta\":{\"id\":\"x\",\"stream\":\"s\"},"
                + "\"database\":\"dewiki\",\"page_id\":5,\"page_title\":\"A_b\",\"page_namespace\":0,\"page_is_redirect\":false,"
                + "\"rev_id\":50,\"rev_timestamp\":\"2019-01-01T00:00:00Z\",\"rev_sha1\":\"q\",\"rev_len\":10,"
                + "\"rev_minor_edit\":false,\"comment\":\"c\",\"performer\":{\"user_text\":\"10.0.0.1\",\"user_groups\":[\"*\"]},"
                + "\"rev_slots\":{\"main\":{\"rev_slot_content_model\":\"wikitext\",\"rev_slot_sha1\":\"q\",\"rev_slot_size\":10}}}";
        Revision r = read(e, DumpFormat.EVENTS).get(0);
        assertEquals(PageChange.Kind.CREATE, r.change().kind(), "no parent: a creation");
        assertEquals("A b", r.page().title());
        assertEquals("10.0.0.1", r.contributor().ip());
        assertEquals(10L, r.textBytes());
        assertNull(r.text(), "legacy events carry no content");
    }

    @Test
    void revDocIsNotTakenForEvents() {
        // a RevDoc line whose text mentions the key, escaped inside a string
        String revdoc = "{\"id\": 1, \"timestamp\": \"2020-01-01T00:00:00Z\", \"page\": {\"id\": 1, \"title\": \"A\", "
                + "\"namespace\": 0}, \"slots\": {\"contents\": {\"main\": {\"text\": \"see \\\"page_change_kind\\\": x\"}}}}\n";
        assertEquals(1, read(revdoc, DumpFormat.REVDOC).size());
    }

    @Test
    void blankLinesFirstHiddenTextAndABadTime() {
        String hidden = "\n\n{\"$schema\":\"/mediawiki/page/change/1.2.0\",\"page_change_kind\":\"edit\",\"dt\":\"2020-01-01T00:00:00Z\","
                + "\"page\":{\"page_id\":1,\"page_title\":\"A\"},\"revision\":{\"rev_id\":2,\"rev_sha1\":\"abc\","
                + "\"is_content_visible\":false,\"content_slots\":{\"main\":{\"content_size\":5,\"content_sha1\":\"abc\"}}}}\n";
        Revision r = read(hidden, DumpFormat.EVENTS).get(0);
        assertTrue(r.textDeleted());
        assertEquals("", r.sha1(), "as dumps write a revision whose text is hidden");
        assertEquals("abc", r.mainSlot().text().sha1());
        assertEquals(5L, r.mainSlot().text().bytes());
        MalformedDumpException e = assertThrows(MalformedDumpException.class,
                () -> read(hidden.replace("2020-01-01T00:00:00Z", "yesterday"), DumpFormat.EVENTS));
        assertTrue(e.getMessage().contains("not a timestamp: \"yesterday\""), e.getMessage());
    }

    @Test
    void unknownKindIsNamedWithItsLine() {
        String bad = "{\"$schema\":\"/mediawiki/page/change/1.2.0\",\"page_change_kind\":\"merge\",\"page\":{\"page_id\":1,"
                + "\"page_title\":\"A\"},\"revision\":{\"rev_id\":1}}\n";
        MalformedDumpException e = assertThrows(MalformedDumpException.class, () -> read(bad, DumpFormat.EVENTS));
        assertTrue(e.getMessage().contains("unknown page_change_kind \"merge\""), e.getMessage());
        assertEquals(1, e.location().line());
    }
}
