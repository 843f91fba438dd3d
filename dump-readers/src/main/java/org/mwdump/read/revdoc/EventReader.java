package org.mwdump.read.revdoc;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mwdump.DumpFormat;
import org.mwdump.MalformedDumpException;
import org.mwdump.ReadOptions;
import org.mwdump.model.Comment;
import org.mwdump.model.Contributor;
import org.mwdump.model.Page;
import org.mwdump.model.PageChange;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.model.Slot;
import org.mwdump.model.Text;
import org.mwdump.model.Timestamps;
import org.mwdump.spi.ReaderInput;

/**
 * Streaming reader of change events as JSON lines: Wikimedia's {@code mediawiki/page/change} (1.x) and the
 * legacy {@code mediawiki/revision/create}, recognized per line. Each event becomes the revision it
 * carries, with {@link Revision#change()} holding the kind of change, the event id and time and the prior
 * state; consecutive events of the same page state share one {@link Page}.
 *
 * <p>Mapping: {@code page_title} (a prefixed database key) becomes the title with spaces;
 * {@code redirect_page_link} the redirect target; {@code is_content_visible}, {@code is_comment_visible} and
 * {@code is_editor_visible} false become deleted text, comment and contributor; an editor without
 * {@code user_id} is an IP editor; an empty comment is no comment (as dumps write it); each of
 * {@code content_slots} a slot, with its text when the event carries {@code content_body}. Read leniently:
 * keys this reader does not know (newer minor versions add some) are ignored.
 *
 * <p>Events lack what dumps have about pages and text storage: page restrictions, {@code <text id>} and
 * {@code location}; a site info is built from {@code wiki_id} and the namespaces seen in titles so far (a
 * writer that asks at the start gets those of the first event).
 */
final class EventReader extends JsonLinesReader {
    private String wiki;
    private Page lastPage;

    EventReader(ReaderInput input, ReadOptions options) throws IOException {
        super(input, options);
        peek(); // the wiki id from the first event
    }

    @Override
    public SiteInfo siteInfo() {
        return siteInfo(wiki);
    }

    @Override
    public DumpFormat format() {
        return DumpFormat.EVENTS;
    }

    @Override
    Revision readRevision() throws IOException {
        revisionForErrors = null;
        Map<String, Object> e = object();
        Map<String, Object> revision = map(e, "revision");
        Map<String, Object> page = map(e, "page");
        if (revision == null && page == null && e.containsKey("rev_id")) {
            return legacy(e);
        }
        if (revision == null || page == null) {
            throw new MalformedDumpException("a page change event needs \"page\" and \"revision\"", location());
        }
        revisionForErrors = number(revision, "rev_id");
        noteWiki(string(e, "wiki_id"));
        PageChange.Kind kind = kind(string(e, "page_change_kind"));
        Map<String, Object> prior = map(e, "prior_state");
        PageChange change = new PageChange(kind, string(map(e, "meta"), "id"), eventTime(string(e, "dt")),
                prior(prior));

        Map<String, Object> link = map(page, "redirect_page_link");
        String target = null;
        if (link != null && string(link, "page_title") != null) {
            String prefix = string(link, "interwiki_prefix");
            target = (prefix == null || prefix.isEmpty() ? "" : prefix + ":") + title(string(link, "page_title"));
        }
        boolean redirect = Boolean.TRUE.equals(page.get("is_redirect")) || target != null;
        Page p = page(number(page, "page_id"), integer(page, "namespace_id"), title(string(page, "page_title")),
                redirect, target);

        Map<String, Object> editor = map(revision, "editor");
        Contributor contributor;
        if (Boolean.FALSE.equals(revision.get("is_editor_visible"))) {
            contributor = Contributor.DELETED;
        } else if (editor == null) {
            contributor = null;
        } else {
            Long userId = number(editor, "user_id");
            String userText = string(editor, "user_text");
            contributor = userId == null ? Contributor.ip(userText) : Contributor.user(userText, userId);
        }
        Comment comment = Boolean.FALSE.equals(revision.get("is_comment_visible")) ? Comment.DELETED
                : comment(string(revision, "comment"));
        boolean textHidden = Boolean.FALSE.equals(revision.get("is_content_visible"));
        List<Slot> slots = new ArrayList<>(1);
        Map<String, Object> contentSlots = map(revision, "content_slots");
        if (contentSlots != null) {
            for (Map.Entry<String, Object> s : contentSlots.entrySet()) {
                Map<String, Object> c = asMap(s.getValue(), "content_slots/" + s.getKey());
                String role = string(c, "slot_role") != null ? string(c, "slot_role") : s.getKey();
                Text text = new Text(textHidden ? null : string(c, "content_body"), number(c, "content_size"),
                        string(c, "content_sha1"), null, null, textHidden);
                Slot slot = new Slot(role, number(c, "origin_rev_id"), string(c, "content_model"),
                        string(c, "content_format"), text);
                if (slot.isMain()) {
                    slots.add(0, slot);
                } else {
                    slots.add(slot);
                }
            }
        }
        // as dumps write a revision whose text is hidden: its slots keep size and sha1, the revision's sha1 is empty
        return new Revision(p, revisionForErrors, parent(number(revision, "rev_parent_id")),
                timestamp(string(revision, "rev_dt")), contributor, Boolean.TRUE.equals(revision.get("is_minor_edit")),
                comment, slots, textHidden ? "" : string(revision, "rev_sha1"), change);
    }

    /** A legacy {@code mediawiki/revision/create} event: metadata only, never content. */
    private Revision legacy(Map<String, Object> e) {
        revisionForErrors = number(e, "rev_id");
        noteWiki(string(e, "database"));
        Long parent = parent(number(e, "rev_parent_id"));
        PageChange change = new PageChange(parent == null ? PageChange.Kind.CREATE : PageChange.Kind.EDIT,
                string(map(e, "meta"), "id"), eventTime(string(e, "dt")), PageChange.PriorState.NONE);
        Page p = page(number(e, "page_id"), integer(e, "page_namespace"), title(string(e, "page_title")),
                Boolean.TRUE.equals(e.get("page_is_redirect")), null);
        Map<String, Object> performer = map(e, "performer");
        Contributor contributor = null;
        if (performer != null) {
            Long userId = number(performer, "user_id");
            String userText = string(performer, "user_text");
            contributor = userId == null ? Contributor.ip(userText) : Contributor.user(userText, userId);
        }
        List<Slot> slots = new ArrayList<>(1);
        Map<String, Object> revSlots = map(e, "rev_slots");
        if (revSlots != null) {
            for (Map.Entry<String, Object> s : revSlots.entrySet()) {
                Map<String, Object> c = asMap(s.getValue(), "rev_slots/" + s.getKey());
                Slot slot = new Slot(s.getKey(), number(c, "rev_slot_origin_rev_id"),
                        string(c, "rev_slot_content_model"), null,
                        new Text(null, number(c, "rev_slot_size"), string(c, "rev_slot_sha1"), null, null, false));
                if (slot.isMain()) {
                    slots.add(0, slot);
                } else {
                    slots.add(slot);
                }
            }
        } else if (e.containsKey("rev_len") || e.containsKey("rev_content_model")) {
            slots.add(new Slot(Slot.MAIN, null, string(e, "rev_content_model"), string(e, "rev_content_format"),
                    new Text(null, number(e, "rev_len"), null, null, null, false)));
        }
        return new Revision(p, revisionForErrors, parent, timestamp(string(e, "rev_timestamp")), contributor,
                Boolean.TRUE.equals(e.get("rev_minor_edit")), comment(string(e, "comment")), slots,
                string(e, "rev_sha1"), change);
    }

    private PageChange.Kind kind(String name) {
        if (name == null) {
            throw new MalformedDumpException("a page change event without \"page_change_kind\"", location());
        }
        try {
            return PageChange.Kind.of(name);
        } catch (IllegalArgumentException ex) {
            throw new MalformedDumpException("unknown page_change_kind \"" + name + "\"", location());
        }
    }

    private PageChange.PriorState prior(Map<String, Object> prior) {
        if (prior == null) {
            return PageChange.PriorState.NONE;
        }
        Map<String, Object> page = map(prior, "page");
        Map<String, Object> revision = map(prior, "revision");
        PageChange.Visibility visibility = null;
        if (revision != null && (revision.containsKey("is_content_visible") || revision.containsKey("is_comment_visible")
                || revision.containsKey("is_editor_visible"))) {
            visibility = new PageChange.Visibility(bool(revision, "is_content_visible"),
                    bool(revision, "is_comment_visible"), bool(revision, "is_editor_visible"));
        }
        return new PageChange.PriorState(page == null ? null : title(string(page, "page_title")),
                page == null ? null : integer(page, "namespace_id"),
                revision == null ? null : number(revision, "rev_id"), visibility);
    }

    /** The page, shared with the previous event when it is the same page in the same state. */
    private Page page(Long id, Integer ns, String title, boolean redirect, String target) {
        Page last = lastPage;
        Page page = new Page(id, ns, title, redirect, target, List.of());
        if (page.equals(last)) {
            return last;
        }
        lastPage = page;
        noteNamespace(ns, title, true);
        return page;
    }

    private void noteWiki(String id) {
        if (wiki == null) {
            wiki = id;
        }
    }

    /** A database key as a title: underscores are spaces. */
    private static String title(String key) {
        return key == null ? null : key.replace('_', ' ');
    }

    /** Events give no parent as absent or as 0; dumps write none. */
    private static Long parent(Long id) {
        return id == null || id == 0 ? null : id;
    }

    /** An empty comment is no {@code <comment>} in a dump. */
    private static Comment comment(String text) {
        return text == null || text.isEmpty() ? null : Comment.of(text);
    }

    /** The event's time as given, once it is known to be a time (changes are applied in its order). */
    private String eventTime(String value) {
        if (value != null) {
            timestamp(value);
        }
        return value;
    }

    private String timestamp(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Timestamps.canonical(value);
        } catch (DateTimeParseException ex) {
            throw new MalformedDumpException("not a timestamp: \"" + value + "\"", location());
        }
    }

    // ---------------------------------------------------------------- the event as a tree

    /** The object whose start was just read, as maps, lists, strings, numbers and booleans. */
    private Map<String, Object> object() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            if (!texts && key.equals("content_body")) {
                p.skipChildren(); // a string: skipped without being decoded when the next token is read
                continue;
            }
            m.put(key, value(t));
        }
        return m;
    }

    private Object value(JsonToken t) throws IOException {
        return switch (t) {
            case START_OBJECT -> object();
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    list.add(value(v));
                }
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(Object v, String key) {
        if (v == null || v instanceof Map) {
            return (Map<String, Object>) v;
        }
        throw new MalformedDumpException("expected an object for \"" + key + "\"", location());
    }

    private Map<String, Object> map(Map<String, Object> m, String key) {
        return m == null ? null : asMap(m.get(key), key);
    }

    private String string(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof Long) {
            return v.toString();
        }
        throw new MalformedDumpException("expected a string for \"" + key + "\", found " + v, location());
    }

    private Long number(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        if (v == null || v instanceof Long) {
            return (Long) v;
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException ex) {
                // reported below
            }
        }
        throw new MalformedDumpException("expected a number for \"" + key + "\", found " + v, location());
    }

    private Integer integer(Map<String, Object> m, String key) {
        Long v = number(m, key);
        if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
            throw new MalformedDumpException("namespace number out of range: " + v, location());
        }
        return v == null ? null : v.intValue();
    }

    private Boolean bool(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        throw new MalformedDumpException("expected true or false for \"" + key + "\", found " + v, location());
    }

    /**
     * Whether the first bytes of a text are change events: a JSON object whose first line names an event
     * schema ({@code "$schema"} of {@code /mediawiki/page/change/} or {@code /mediawiki/revision/create/}) or
     * has a {@code "page_change_kind"} key.
     *
     * @param head   the first bytes
     * @param length how many of them there are
     * @return whether they look like change events
     */
    static boolean recognizes(byte[] head, int length) {
        String s = new String(head, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1).stripLeading();
        int nl = s.indexOf('\n');
        String line = (nl < 0 ? s : s.substring(0, nl)).strip();
        if (!line.startsWith("{") && !line.startsWith("\u00ef\u00bb\u00bf{")) {
            return false;
        }
        return line.matches("(?s).*\"\\$schema\"\\s*:\\s*\"[^\"]*/mediawiki/(page/change|revision/create)/.*")
                || line.matches("(?s).*(?<!\\\\)\"page_change_kind\"\\s*:.*");
    }
}
