package org.mwdump.parquet;

import static org.mwdump.parquet.RevisionSchema.*;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;
import org.mwdump.model.Comment;
import org.mwdump.model.Contributor;
import org.mwdump.model.Page;
import org.mwdump.model.Revision;
import org.mwdump.model.Slot;
import org.mwdump.model.Text;
import org.mwdump.model.Timestamps;

/**
 * Turns one {@link Revision} into one row of {@link RevisionSchema#SCHEMA}, writing each leaf column
 * with its repetition and definition levels worked out here for this fixed schema, rather than through
 * Parquet's generic record shredding (which tracks every field of every group at run time).
 *
 * <p>Levels: a top-level optional field is defined at 1, absent at 0 (required booleans have no
 * level); a {@code page_restrictions} element is defined at 1 and an empty list is a null at 0; in
 * {@code revision_content_slots} the key is defined at 1, a slot field at 3 and absent at 2 (the value
 * group is always written), an empty map is a null at 0 in every slot column, and slots after the first
 * repeat at 1; in the {@code mwdump} group a field is defined at 2, absent at 1, and the whole group
 * absent at 0. One thread at a time.
 */
final class RevisionColumns {
    private final ColumnWriteStore store;
    private final Binary wikiId;
    private final ColumnWriter wikiIdColumn;
    private final ColumnWriter pageId;
    private final ColumnWriter pageNamespace;
    private final ColumnWriter pageTitle;
    private final ColumnWriter pageRedirectTarget;
    private final ColumnWriter pageIsRedirect;
    private final ColumnWriter restriction;
    private final ColumnWriter userId;
    private final ColumnWriter userText;
    private final ColumnWriter userIsVisible;
    private final ColumnWriter revisionId;
    private final ColumnWriter parentId;
    private final ColumnWriter revisionDt;
    private final ColumnWriter minor;
    private final ColumnWriter comment;
    private final ColumnWriter commentIsVisible;
    private final ColumnWriter sha1;
    private final ColumnWriter size;
    private final ColumnWriter contentIsVisible;
    private final ColumnWriter slotKey;
    private final ColumnWriter body;
    private final ColumnWriter format;
    private final ColumnWriter model;
    private final ColumnWriter slotSha1;
    private final ColumnWriter slotSize;
    private final ColumnWriter origin;
    private final ColumnWriter location;
    private final ColumnWriter textId;
    private final ColumnWriter slotIsVisible;
    private final ColumnWriter rawTimestamp;
    private final ColumnWriter userIsIp;
    private final ColumnWriter userIp;
    private final ColumnWriter[] slotColumns;

    RevisionColumns(ColumnWriteStore store, String wikiId) {
        this.store = store;
        this.wikiId = wikiId == null ? null : Binary.fromConstantByteArray(wikiId.getBytes(StandardCharsets.UTF_8));
        wikiIdColumn = column(store, WIKI_ID);
        pageId = column(store, PAGE_ID);
        pageNamespace = column(store, PAGE_NAMESPACE_ID);
        pageTitle = column(store, PAGE_TITLE);
        pageRedirectTarget = column(store, PAGE_REDIRECT_TARGET);
        pageIsRedirect = column(store, PAGE_IS_REDIRECT);
        restriction = column(store, PAGE_RESTRICTIONS, "list", "element");
        userId = column(store, USER_ID);
        userText = column(store, USER_TEXT);
        userIsVisible = column(store, USER_IS_VISIBLE);
        revisionId = column(store, REVISION_ID);
        parentId = column(store, REVISION_PARENT_ID);
        revisionDt = column(store, REVISION_DT);
        minor = column(store, REVISION_IS_MINOR_EDIT);
        comment = column(store, REVISION_COMMENT);
        commentIsVisible = column(store, REVISION_COMMENT_IS_VISIBLE);
        sha1 = column(store, REVISION_SHA1);
        size = column(store, REVISION_SIZE);
        contentIsVisible = column(store, REVISION_CONTENT_IS_VISIBLE);
        slotKey = column(store, REVISION_CONTENT_SLOTS, "key_value", "key");
        body = slot(store, CONTENT_BODY);
        format = slot(store, CONTENT_FORMAT);
        model = slot(store, CONTENT_MODEL);
        slotSha1 = slot(store, CONTENT_SHA1);
        slotSize = slot(store, CONTENT_SIZE);
        origin = slot(store, ORIGIN_REV_ID);
        location = slot(store, CONTENT_LOCATION);
        textId = slot(store, CONTENT_TEXT_ID);
        slotIsVisible = slot(store, CONTENT_IS_VISIBLE);
        rawTimestamp = column(store, MWDUMP, RAW_TIMESTAMP);
        userIsIp = column(store, MWDUMP, USER_IS_IP);
        userIp = column(store, MWDUMP, USER_IP);
        slotColumns = new ColumnWriter[] {slotKey, body, format, model, slotSha1, slotSize, origin, location, textId,
                slotIsVisible};
        if (SCHEMA.getColumns().size() != 32) {
            throw new IllegalStateException("the schema has " + SCHEMA.getColumns().size() + " columns, not 32");
        }
    }

    private static ColumnWriter column(ColumnWriteStore store, String... path) {
        return store.getColumnWriter(SCHEMA.getColumnDescription(path));
    }

    private static ColumnWriter slot(ColumnWriteStore store, String name) {
        return column(store, REVISION_CONTENT_SLOTS, "key_value", "value", name);
    }

    /** Writes one row and ends it. */
    void write(Revision r) {
        Page page = r.page();
        binary(wikiIdColumn, wikiId);
        int64(pageId, page.id());
        Integer namespace = page.namespace();
        if (namespace != null) {
            pageNamespace.write(namespace.intValue(), 0, 1);
        } else {
            pageNamespace.writeNull(0, 0);
        }
        string(pageTitle, page.title());
        string(pageRedirectTarget, page.redirectTarget());
        pageIsRedirect.write(page.redirect(), 0, 0);
        List<String> restrictions = page.restrictions();
        if (restrictions.isEmpty()) {
            restriction.writeNull(0, 0);
        } else {
            int rl = 0;
            for (String value : restrictions) {
                restriction.write(utf8(value), rl, 1);
                rl = 1;
            }
        }

        Contributor c = r.contributor();
        if (c != null) {
            int64(userId, c.id());
            string(userText, c.username() != null ? c.username() : c.ip());
            userIsVisible.write(!c.deleted(), 0, 1);
        } else {
            userId.writeNull(0, 0);
            userText.writeNull(0, 0);
            userIsVisible.writeNull(0, 0);
        }
        int64(revisionId, r.id());
        int64(parentId, r.parentId());
        String raw = r.timestamp();
        long micros = Timestamps.epochMicros(raw);
        if (Timestamps.canonicalMicros(raw) != Long.MIN_VALUE) {
            raw = null; // the timestamp column gives it back exactly
        }
        if (micros != Long.MIN_VALUE) {
            revisionDt.write(micros, 0, 1);
        } else {
            revisionDt.writeNull(0, 0);
        }
        minor.write(r.minor(), 0, 0);
        Comment cm = r.comment();
        if (cm != null) {
            string(comment, cm.text());
            commentIsVisible.write(!cm.deleted(), 0, 1);
        } else {
            comment.writeNull(0, 0);
            commentIsVisible.writeNull(0, 0);
        }
        string(sha1, r.sha1());
        List<Slot> slots = r.slots();
        int64(size, r.textBytes());
        Text contentText = r.contentText();
        if (contentText != null) {
            contentIsVisible.write(!contentText.deleted(), 0, 1);
        } else {
            contentIsVisible.writeNull(0, 0);
        }
        writeSlots(slots);

        boolean isIp = c != null && c.username() == null && c.ip() != null;
        String extraIp = c != null && c.username() != null ? c.ip() : null;
        if (raw != null || isIp || extraIp != null) {
            slotString(rawTimestamp, raw, 0, 2);
            if (isIp) {
                userIsIp.write(true, 0, 2);
            } else {
                userIsIp.writeNull(0, 1);
            }
            slotString(userIp, extraIp, 0, 2);
        } else {
            rawTimestamp.writeNull(0, 0);
            userIsIp.writeNull(0, 0);
            userIp.writeNull(0, 0);
        }
        store.endRecord();
    }

    private void writeSlots(List<Slot> slots) {
        if (slots.isEmpty()) {
            for (ColumnWriter w : slotColumns) {
                w.writeNull(0, 0);
            }
            return;
        }
        int rl = 0;
        for (Slot slot : slots) {
            // a map key cannot be null: a <content> without <role> is stored under ""
            slotKey.write(utf8(slot.role() == null ? "" : slot.role()), rl, 1);
            Text t = slot.text();
            slotBytes(body, t == null ? null : t.contentUtf8(), rl, 3);
            slotString(format, slot.format(), rl, 3);
            slotString(model, slot.model(), rl, 3);
            slotString(slotSha1, t == null ? null : t.sha1(), rl, 3);
            slotInt64(slotSize, t == null ? null : t.bytes(), rl);
            slotInt64(origin, slot.origin(), rl);
            slotString(location, t == null ? null : t.location(), rl, 3);
            slotString(textId, t == null ? null : t.textId(), rl, 3);
            if (t != null) {
                slotIsVisible.write(!t.deleted(), rl, 3);
            } else {
                slotIsVisible.writeNull(rl, 2);
            }
            rl = 1;
        }
    }

    private static Binary utf8(String value) {
        return Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A value defined at {@code dl}, or a null one level below. */
    private static void slotString(ColumnWriter w, String value, int rl, int dl) {
        if (value != null) {
            w.write(utf8(value), rl, dl);
        } else {
            w.writeNull(rl, dl - 1);
        }
    }

    /**
     * Like {@link #slotString}, for a value given as UTF-8 (a text's content, never decoded to a string). The
     * bytes are copied into an array of their own. {@code Binary.fromConstantByteBuffer} would be safe too
     * (Parquet may keep a constant value by reference, in a dictionary or as a min or max, and a text's bytes
     * never change), but it saves nothing: the buffer is read-only, so it has no accessible array, and the
     * plain encoder copies it into a new array to write it; a dictionary or statistics, were they enabled for
     * this column, would hash and compare it one {@code ByteBuffer.get} at a time.
     */
    private static void slotBytes(ColumnWriter w, ByteBuffer utf8, int rl, int dl) {
        if (utf8 != null) {
            byte[] copy = new byte[utf8.remaining()];
            utf8.get(utf8.position(), copy);
            w.write(Binary.fromConstantByteArray(copy), rl, dl);
        } else {
            w.writeNull(rl, dl - 1);
        }
    }

    private static void slotInt64(ColumnWriter w, Long value, int rl) {
        if (value != null) {
            w.write(value.longValue(), rl, 3);
        } else {
            w.writeNull(rl, 2);
        }
    }

    private static void string(ColumnWriter w, String value) {
        if (value != null) {
            w.write(utf8(value), 0, 1);
        } else {
            w.writeNull(0, 0);
        }
    }

    private static void binary(ColumnWriter w, Binary value) {
        if (value != null) {
            w.write(value, 0, 1);
        } else {
            w.writeNull(0, 0);
        }
    }

    private static void int64(ColumnWriter w, Long value) {
        if (value != null) {
            w.write(value.longValue(), 0, 1);
        } else {
            w.writeNull(0, 0);
        }
    }
}
