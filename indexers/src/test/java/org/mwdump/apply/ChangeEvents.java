package org.mwdump.apply;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import org.mwdump.model.Page;
import org.mwdump.model.Revision;
import org.mwdump.model.Slot;
import org.mwdump.model.Text;

/**
 * Writes {@code mediawiki/page/change} 1.2.0 events for tests, with the fields EventBus fills and the
 * {@code content_body} of each slot: the test side of the event reader, written from the schema in
 * {@code specs/events}, not from the reader.
 */
final class ChangeEvents {
    private static final JsonFactory JSON = new JsonFactory();

    private ChangeEvents() {
    }

    /** One event line (no line feed). */
    static String event(String kind, String eventId, String dt, Revision r, Page page, Boolean textVisible,
                        Boolean commentVisible, Boolean editorVisible, String priorTitle) {
        StringWriter s = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(s)) {
            g.writeStartObject();
            g.writeStringField("$schema", "/mediawiki/page/change/1.2.0");
            g.writeStringField("changelog_kind", switch (kind) {
                case "create", "undelete" -> "insert";
                case "delete" -> "delete";
                default -> "update";
            });
            if (r.comment() != null && !r.comment().deleted()) {
                g.writeStringField("comment", r.comment().text());
            }
            g.writeStringField("dt", dt);
            g.writeObjectFieldStart("meta");
            g.writeStringField("stream", "mediawiki.page_change.v1");
            g.writeStringField("id", eventId);
            g.writeStringField("dt", dt);
            g.writeStringField("domain", "aa.wikipedia.org");
            g.writeEndObject();
            g.writeObjectFieldStart("page");
            g.writeNumberField("page_id", page.id());
            g.writeStringField("page_title", page.title().replace(' ', '_'));
            g.writeNumberField("namespace_id", page.namespace());
            g.writeBooleanField("is_redirect", page.redirect());
            if (page.redirectTarget() != null) {
                g.writeObjectFieldStart("redirect_page_link");
                g.writeStringField("page_title", page.redirectTarget().replace(' ', '_'));
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeStringField("page_change_kind", kind);
            if (priorTitle != null) {
                g.writeObjectFieldStart("prior_state");
                g.writeObjectFieldStart("page");
                g.writeStringField("page_title", priorTitle.replace(' ', '_'));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeObjectFieldStart("revision");
            g.writeNumberField("rev_id", r.id());
            g.writeStringField("rev_dt", r.timestamp());
            if (r.parentId() != null) {
                g.writeNumberField("rev_parent_id", r.parentId());
            }
            g.writeStringField("rev_sha1", r.sha1() == null ? "" : r.sha1());
            g.writeNumberField("rev_size", r.textBytes() == null ? 0 : r.textBytes());
            if (r.comment() != null && !r.comment().deleted()) {
                g.writeStringField("comment", r.comment().text());
            }
            g.writeBooleanField("is_minor_edit", r.minor());
            if (r.contributor() != null && !r.contributor().deleted()) {
                g.writeObjectFieldStart("editor");
                if (r.contributor().id() != null) {
                    g.writeNumberField("user_id", r.contributor().id());
                }
                g.writeStringField("user_text", r.contributor().id() != null ? r.contributor().username()
                        : r.contributor().ip());
                g.writeBooleanField("is_bot", false);
                g.writeEndObject();
            }
            g.writeBooleanField("is_content_visible", textVisible != null ? textVisible : !r.textDeleted());
            g.writeBooleanField("is_comment_visible", commentVisible != null ? commentVisible : !r.commentDeleted());
            g.writeBooleanField("is_editor_visible", editorVisible != null ? editorVisible : !r.contributorDeleted());
            g.writeObjectFieldStart("content_slots");
            for (Slot slot : r.slots()) {
                g.writeObjectFieldStart(slot.role());
                g.writeStringField("slot_role", slot.role());
                g.writeStringField("content_model", slot.model());
                g.writeStringField("content_format", slot.format());
                Text t = slot.text();
                if (t != null) {
                    if (t.bytes() != null) {
                        g.writeNumberField("content_size", t.bytes());
                    }
                    if (t.sha1() != null) {
                        g.writeStringField("content_sha1", t.sha1());
                    }
                    if (t.content() != null) {
                        g.writeStringField("content_body", t.content());
                    }
                }
                if (slot.origin() != null) {
                    g.writeNumberField("origin_rev_id", slot.origin());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeStringField("wiki_id", "aawiki");
            g.writeEndObject();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return s.toString();
    }
}
