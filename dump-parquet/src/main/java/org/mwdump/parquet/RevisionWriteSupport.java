package org.mwdump.parquet;

import static org.mwdump.parquet.RevisionSchema.*;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.mwdump.model.Comment;
import org.mwdump.model.Contributor;
import org.mwdump.model.Page;
import org.mwdump.model.Revision;
import org.mwdump.model.Slot;
import org.mwdump.model.Text;
import org.mwdump.model.Timestamps;

/** Turns one {@link Revision} into one row of {@link RevisionSchema#SCHEMA}. */
final class RevisionWriteSupport extends WriteSupport<Revision> {
    private static final MessageType S = SCHEMA;
    private static final GroupType KEY_VALUE = S.getType(REVISION_CONTENT_SLOTS).asGroupType().getType(0).asGroupType();
    private static final GroupType SLOT = KEY_VALUE.getType("value").asGroupType();
    private static final GroupType EXTRA = S.getType(MWDUMP).asGroupType();

    private RecordConsumer out;
    private Binary wikiId;
    private final Map<String, String> footer = new LinkedHashMap<>();

    void wikiId(String value) {
        this.wikiId = value == null ? null : Binary.fromString(value);
    }

    /** Metadata to put in the footer when the file is finished. */
    Map<String, String> footer() {
        return footer;
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(S, new HashMap<>());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(S, new HashMap<>());
    }

    @Override
    public String getName() {
        return "mwdump";
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public FinalizedWriteContext finalizeWrite() {
        return new FinalizedWriteContext(footer);
    }

    @Override
    public void write(Revision r) {
        Page page = r.page();
        out.startMessage();
        binary(S, WIKI_ID, wikiId);
        int64(S, PAGE_ID, page.id());
        if (page.namespace() != null) {
            int index = S.getFieldIndex(PAGE_NAMESPACE_ID);
            out.startField(PAGE_NAMESPACE_ID, index);
            out.addInteger(page.namespace());
            out.endField(PAGE_NAMESPACE_ID, index);
        }
        string(S, PAGE_TITLE, page.title());
        string(S, PAGE_REDIRECT_TARGET, page.redirectTarget());
        bool(S, PAGE_IS_REDIRECT, page.redirect());
        writeRestrictions(page);

        Contributor c = r.contributor();
        if (c != null) {
            int64(S, USER_ID, c.id());
            string(S, USER_TEXT, c.username() != null ? c.username() : c.ip());
            bool(S, USER_IS_VISIBLE, !c.deleted());
        }
        int64(S, REVISION_ID, r.id());
        int64(S, REVISION_PARENT_ID, r.parentId());
        String rawTimestamp = r.timestamp();
        if (r.timestamp() != null) {
            try {
                Instant instant = Timestamps.parse(r.timestamp());
                int64(S, REVISION_DT, Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                        instant.getNano() / 1000));
                if (r.timestamp().equals(Timestamps.format(instant))) {
                    rawTimestamp = null;
                }
            } catch (DateTimeParseException | ArithmeticException e) {
                // not a timestamp we understand: only the raw text is kept
            }
        }
        bool(S, REVISION_IS_MINOR_EDIT, r.minor());
        Comment comment = r.comment();
        if (comment != null) {
            string(S, REVISION_COMMENT, comment.text());
            bool(S, REVISION_COMMENT_IS_VISIBLE, !comment.deleted());
        }
        string(S, REVISION_SHA1, r.sha1());
        Long size = null;
        Text contentText = null;
        for (Slot slot : r.slots()) {
            Text t = slot.text();
            if (t != null && t.bytes() != null) {
                size = (size == null ? 0 : size) + t.bytes();
            }
            if (t != null && (contentText == null || slot.isMain())) {
                contentText = t;
            }
        }
        int64(S, REVISION_SIZE, size);
        if (contentText != null) {
            bool(S, REVISION_CONTENT_IS_VISIBLE, !contentText.deleted());
        }
        writeSlots(r);

        boolean isIp = c != null && c.username() == null && c.ip() != null;
        String extraIp = c != null && c.username() != null ? c.ip() : null;
        if (rawTimestamp != null || isIp || extraIp != null) {
            int index = S.getFieldIndex(MWDUMP);
            out.startField(MWDUMP, index);
            out.startGroup();
            string(EXTRA, RAW_TIMESTAMP, rawTimestamp);
            if (isIp) {
                bool(EXTRA, USER_IS_IP, true);
            }
            string(EXTRA, USER_IP, extraIp);
            out.endGroup();
            out.endField(MWDUMP, index);
        }
        out.endMessage();
    }

    private void writeRestrictions(Page page) {
        int index = S.getFieldIndex(PAGE_RESTRICTIONS);
        out.startField(PAGE_RESTRICTIONS, index);
        out.startGroup();
        if (!page.restrictions().isEmpty()) {
            out.startField("list", 0);
            for (String restriction : page.restrictions()) {
                out.startGroup();
                out.startField("element", 0);
                out.addBinary(Binary.fromString(restriction));
                out.endField("element", 0);
                out.endGroup();
            }
            out.endField("list", 0);
        }
        out.endGroup();
        out.endField(PAGE_RESTRICTIONS, index);
    }

    private void writeSlots(Revision r) {
        int index = S.getFieldIndex(REVISION_CONTENT_SLOTS);
        out.startField(REVISION_CONTENT_SLOTS, index);
        out.startGroup();
        if (!r.slots().isEmpty()) {
            out.startField("key_value", 0);
            for (Slot slot : r.slots()) {
                out.startGroup();
                // a map key cannot be null: a <content> without <role> is stored under ""
                string(KEY_VALUE, "key", slot.role() == null ? "" : slot.role());
                out.startField("value", 1);
                out.startGroup();
                Text t = slot.text();
                if (t != null) {
                    string(SLOT, CONTENT_BODY, t.content());
                }
                string(SLOT, CONTENT_FORMAT, slot.format());
                string(SLOT, CONTENT_MODEL, slot.model());
                if (t != null) {
                    string(SLOT, CONTENT_SHA1, t.sha1());
                    int64(SLOT, CONTENT_SIZE, t.bytes());
                }
                int64(SLOT, ORIGIN_REV_ID, slot.origin());
                if (t != null) {
                    string(SLOT, CONTENT_LOCATION, t.location());
                    string(SLOT, CONTENT_TEXT_ID, t.textId());
                    bool(SLOT, CONTENT_IS_VISIBLE, !t.deleted());
                }
                out.endGroup();
                out.endField("value", 1);
                out.endGroup();
            }
            out.endField("key_value", 0);
        }
        out.endGroup();
        out.endField(REVISION_CONTENT_SLOTS, index);
    }

    private void string(GroupType g, String name, String value) {
        if (value != null) {
            binary(g, name, Binary.fromString(value));
        }
    }

    private void binary(GroupType g, String name, Binary value) {
        if (value != null) {
            int index = g.getFieldIndex(name);
            out.startField(name, index);
            out.addBinary(value);
            out.endField(name, index);
        }
    }

    private void int64(GroupType g, String name, Long value) {
        if (value != null) {
            int index = g.getFieldIndex(name);
            out.startField(name, index);
            out.addLong(value);
            out.endField(name, index);
        }
    }

    private void bool(GroupType g, String name, boolean value) {
        int index = g.getFieldIndex(name);
        out.startField(name, index);
        out.addBoolean(value);
        out.endField(name, index);
    }
}
