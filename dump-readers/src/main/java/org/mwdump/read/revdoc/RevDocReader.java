package org.mwdump.read.revdoc;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mwdump.DumpFormat;
import org.mwdump.ReadOptions;
import org.mwdump.model.Comment;
import org.mwdump.model.Contributor;
import org.mwdump.model.Page;
import org.mwdump.model.Revision;
import org.mwdump.model.SiteInfo;
import org.mwdump.model.Slot;
import org.mwdump.model.Text;
import org.mwdump.spi.ReaderInput;

/**
 * Streaming reader of RevDoc JSON lines, in both shapes mwxml has written: the slots shape of
 * mwxml 0.3.4 and later ({@link DumpFormat#REVDOC}) and the flat shape of 0.3.3
 * ({@link DumpFormat#REVDOC_LEGACY}), recognized per line. Consecutive lines of the same page id form
 * one page and share one {@link Page} object.
 *
 * <p>RevDoc carries no site info. {@link ReadOptions#siteInfo()} is used when given (the legacy shape
 * then gets its titles' namespace prefixes back); otherwise {@link #siteInfo()} lists the namespaces
 * seen so far, rebuilt from titles and namespace numbers.
 *
 * <p>What RevDoc cannot tell apart is read as mwxml meant it: a missing {@code user} is a deleted
 * contributor when {@code deleted.user} is true, else absent; a user {@code "None"} with id 0 is the
 * empty user name mwxml wrote that way; a user without id is an IP editor; a content keyed
 * {@code "None"} without {@code role} has no role. Lenient about unknown keys (skipped and counted);
 * strict mode rejects them.
 *
 * <p>Cost: one pass with jackson-core's streaming parser; memory is bounded by one revision.
 */
final class RevDocReader extends JsonLinesReader {
    private DumpFormat format;

    private Page lastParsedPage;

    RevDocReader(ReaderInput input, ReadOptions options) throws IOException {
        super(input, options);
        // the shape is reported from the first line
        Revision first = peek();
        format = first == null || format == null ? DumpFormat.REVDOC : format;
    }

    @Override
    public SiteInfo siteInfo() {
        return siteInfo(null);
    }

    @Override
    public DumpFormat format() {
        return format;
    }

    @Override
    Revision readRevision() throws IOException {
        revisionForErrors = null;
        Long id = null;
        String timestamp = null;
        Long userId = null;
        String userText = null;
        boolean hasUser = false;
        Long pageId = null;
        String title = null;
        Integer ns = null;
        String redirect = null;
        List<String> restrictions = List.of();
        boolean minor = false;
        String comment = null;
        String slotsSha1 = null;
        List<Slot> slots = new ArrayList<>(1);
        boolean slotsShape = false;
        String flatText = null;
        boolean flatHasText = false;
        Long flatBytes = null;
        String flatSha1 = null;
        String flatModel = null;
        String flatFormat = null;
        Long parentId = null;
        boolean textDeleted = false;
        boolean commentDeleted = false;
        boolean userDeleted = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            switch (key) {
                case "id" -> revisionForErrors = id = longValue(v);
                case "timestamp" -> timestamp = stringValue(v);
                case "user" -> {
                    hasUser = true;
                    expect(v, JsonToken.START_OBJECT);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String k = p.currentName();
                        JsonToken vv = p.nextToken();
                        switch (k) {
                            case "id" -> userId = longValue(vv);
                            case "text" -> userText = stringValue(vv);
                            default -> skip("user/" + k);
                        }
                    }
                }
                case "page" -> {
                    expect(v, JsonToken.START_OBJECT);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String k = p.currentName();
                        JsonToken vv = p.nextToken();
                        switch (k) {
                            case "id" -> pageId = longValue(vv);
                            case "title" -> title = stringValue(vv);
                            case "namespace" -> ns = intValue(vv);
                            case "redirect" -> redirect = stringValue(vv);
                            case "restrictions" -> {
                                expect(vv, JsonToken.START_ARRAY);
                                List<String> list = new ArrayList<>(1);
                                while (p.nextToken() != JsonToken.END_ARRAY) {
                                    list.add(stringValue(p.currentToken()));
                                }
                                restrictions = list;
                            }
                            default -> skip("page/" + k);
                        }
                    }
                }
                case "minor" -> minor = boolValue(v);
                case "comment" -> comment = stringValue(v);
                case "slots" -> {
                    slotsShape = true;
                    expect(v, JsonToken.START_OBJECT);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String k = p.currentName();
                        JsonToken vv = p.nextToken();
                        switch (k) {
                            case "sha1" -> slotsSha1 = stringValue(vv);
                            case "contents" -> {
                                expect(vv, JsonToken.START_OBJECT);
                                while (p.nextToken() == JsonToken.FIELD_NAME) {
                                    p.nextToken();
                                    slots.add(readContent());
                                }
                            }
                            default -> skip("slots/" + k);
                        }
                    }
                }
                case "text" -> {
                    flatText = textValue(v);
                    flatHasText = v != JsonToken.VALUE_NULL;
                }
                case "bytes" -> flatBytes = longValue(v);
                case "sha1" -> flatSha1 = stringValue(v);
                case "model" -> flatModel = stringValue(v);
                case "format" -> flatFormat = stringValue(v);
                case "parent_id" -> parentId = longValue(v);
                case "deleted" -> {
                    expect(v, JsonToken.START_OBJECT);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String k = p.currentName();
                        JsonToken vv = p.nextToken();
                        switch (k) {
                            case "text" -> textDeleted = boolValue(vv);
                            case "comment" -> commentDeleted = boolValue(vv);
                            case "user" -> userDeleted = boolValue(vv);
                            case "restricted" -> boolValue(vv);
                            default -> skip("deleted/" + k);
                        }
                    }
                }
                default -> skip(key);
            }
        }
        if (format == null) {
            format = slotsShape ? DumpFormat.REVDOC : DumpFormat.REVDOC_LEGACY;
        }
        String revisionSha1;
        if (slotsShape) {
            revisionSha1 = slotsSha1;
        } else {
            revisionSha1 = flatSha1;
            if (flatHasText || flatBytes != null || flatModel != null || flatFormat != null || textDeleted
                    || flatSha1 != null) {
                slots.add(new Slot(Slot.MAIN, null, flatModel, flatFormat,
                        new Text(flatText, flatBytes, null, null, null, textDeleted)));
            }
            title = prefixedTitle(title, ns);
        }
        Page page = page(pageId, ns, title, redirect, restrictions);
        Contributor contributor;
        if (hasUser) {
            if (userId == null && userText != null) {
                contributor = Contributor.ip(userText);
            } else if ("None".equals(userText) && userId != null && userId == 0) {
                contributor = Contributor.user("", 0); // mwxml's str(None) for an empty <username/>
            } else {
                contributor = new Contributor(userText, userId, null, false);
            }
        } else {
            contributor = userDeleted ? Contributor.DELETED : null;
        }
        Comment c = comment != null ? Comment.of(comment) : commentDeleted ? Comment.DELETED : null;
        return new Revision(page, id, parentId, timestamp, contributor, minor, c, slots, revisionSha1);
    }

    private Slot readContent() throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT);
        String role = null;
        Long origin = null;
        String model = null;
        String fmt = null;
        boolean deleted = false;
        boolean hasDeleted = false;
        boolean present = false;
        String location = null;
        Long bytes = null;
        String sha1 = null;
        String text = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            JsonToken v = p.nextToken();
            switch (k) {
                case "role" -> role = stringValue(v);
                case "origin" -> origin = longValue(v);
                case "model" -> model = stringValue(v);
                case "format" -> fmt = stringValue(v);
                case "deleted" -> {
                    hasDeleted = true;
                    deleted = boolValue(v);
                }
                case "location" -> location = stringValue(v);
                case "bytes" -> bytes = longValue(v);
                case "sha1" -> sha1 = stringValue(v);
                case "text" -> {
                    text = textValue(v);
                    present = v != JsonToken.VALUE_NULL;
                }
                case "id" -> stringOrNumber(v);
                default -> skip("slots/contents/" + k);
            }
        }
        // mwxml leaves "deleted" unset only for a <content> that had no <text> at all
        boolean hasText = hasDeleted || location != null || bytes != null || sha1 != null || present;
        Text t = hasText ? new Text(text, bytes, sha1, location, null, deleted) : null;
        return new Slot(role, origin, model, fmt, t);
    }

    /** The legacy shape dropped the namespace prefix: put it back when the namespace's name is known. */
    private String prefixedTitle(String title, Integer ns) {
        if (title == null || ns == null || ns == 0 || given == null) {
            return title;
        }
        return given.namespace(ns).filter(n -> !n.name().isEmpty()).map(n -> n.name() + ":" + title).orElse(title);
    }

    private Page page(Long id, Integer ns, String title, String redirect, List<String> restrictions) {
        Page last = lastParsedPage;
        if (last != null && (id != null ? id.equals(last.id())
                : last.id() == null && Objects.equals(title, last.title()))) {
            return last;
        }
        Page page = new Page(id, ns, title, redirect != null, redirect, restrictions);
        lastParsedPage = page;
        noteNamespace(ns, title, format == DumpFormat.REVDOC);
        return page;
    }

}
