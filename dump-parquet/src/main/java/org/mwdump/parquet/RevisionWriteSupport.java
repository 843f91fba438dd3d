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
    // field indexes, looked up once rather than for every value
    private static final int I_RAW_TIMESTAMP = EXTRA.getFieldIndex(RAW_TIMESTAMP);
    private static final int I_USER_IP = EXTRA.getFieldIndex(USER_IP);
    private static final int I_USER_IS_IP = EXTRA.getFieldIndex(USER_IS_IP);
    private static final int I_KEY = KEY_VALUE.getFieldIndex("key");
    private static final int I_PAGE_ID = S.getFieldIndex(PAGE_ID);
    private static final int I_PAGE_IS_REDIRECT = S.getFieldIndex(PAGE_IS_REDIRECT);
    private static final int I_PAGE_REDIRECT_TARGET = S.getFieldIndex(PAGE_REDIRECT_TARGET);
    private static final int I_PAGE_TITLE = S.getFieldIndex(PAGE_TITLE);
    private static final int I_REVISION_COMMENT = S.getFieldIndex(REVISION_COMMENT);
    private static final int I_REVISION_COMMENT_IS_VISIBLE = S.getFieldIndex(REVISION_COMMENT_IS_VISIBLE);
    private static final int I_REVISION_CONTENT_IS_VISIBLE = S.getFieldIndex(REVISION_CONTENT_IS_VISIBLE);
    private static final int I_REVISION_DT = S.getFieldIndex(REVISION_DT);
    private static final int I_REVISION_ID = S.getFieldIndex(REVISION_ID);
    private static final int I_REVISION_IS_MINOR_EDIT = S.getFieldIndex(REVISION_IS_MINOR_EDIT);
    private static final int I_REVISION_PARENT_ID = S.getFieldIndex(REVISION_PARENT_ID);
    private static final int I_REVISION_SHA1 = S.getFieldIndex(REVISION_SHA1);
    private static final int I_REVISION_SIZE = S.getFieldIndex(REVISION_SIZE);
    private static final int I_USER_ID = S.getFieldIndex(USER_ID);
    private static final int I_USER_IS_VISIBLE = S.getFieldIndex(USER_IS_VISIBLE);
    private static final int I_USER_TEXT = S.getFieldIndex(USER_TEXT);
    private static final int I_WIKI_ID = S.getFieldIndex(WIKI_ID);
    private static final int I_CONTENT_BODY = SLOT.getFieldIndex(CONTENT_BODY);
    private static final int I_CONTENT_FORMAT = SLOT.getFieldIndex(CONTENT_FORMAT);
    private static final int I_CONTENT_IS_VISIBLE = SLOT.getFieldIndex(CONTENT_IS_VISIBLE);
    private static final int I_CONTENT_LOCATION = SLOT.getFieldIndex(CONTENT_LOCATION);
    private static final int I_CONTENT_MODEL = SLOT.getFieldIndex(CONTENT_MODEL);
    private static final int I_CONTENT_SHA1 = SLOT.getFieldIndex(CONTENT_SHA1);
    private static final int I_CONTENT_SIZE = SLOT.getFieldIndex(CONTENT_SIZE);
    private static final int I_CONTENT_TEXT_ID = SLOT.getFieldIndex(CONTENT_TEXT_ID);
    private static final int I_ORIGIN_REV_ID = SLOT.getFieldIndex(ORIGIN_REV_ID);
    private static final int I_PAGE_NAMESPACE_ID = S.getFieldIndex(PAGE_NAMESPACE_ID);
    private static final int I_PAGE_RESTRICTIONS = S.getFieldIndex(PAGE_RESTRICTIONS);
    private static final int I_REVISION_CONTENT_SLOTS = S.getFieldIndex(REVISION_CONTENT_SLOTS);
    private static final int I_MWDUMP = S.getFieldIndex(MWDUMP);

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
        binary(WIKI_ID, I_WIKI_ID, wikiId);
        int64(PAGE_ID, I_PAGE_ID, page.id());
        if (page.namespace() != null) {
            int index = I_PAGE_NAMESPACE_ID;
            out.startField(PAGE_NAMESPACE_ID, index);
            out.addInteger(page.namespace());
            out.endField(PAGE_NAMESPACE_ID, index);
        }
        string(PAGE_TITLE, I_PAGE_TITLE, page.title());
        string(PAGE_REDIRECT_TARGET, I_PAGE_REDIRECT_TARGET, page.redirectTarget());
        bool(PAGE_IS_REDIRECT, I_PAGE_IS_REDIRECT, page.redirect());
        writeRestrictions(page);

        Contributor c = r.contributor();
        if (c != null) {
            int64(USER_ID, I_USER_ID, c.id());
            string(USER_TEXT, I_USER_TEXT, c.username() != null ? c.username() : c.ip());
            bool(USER_IS_VISIBLE, I_USER_IS_VISIBLE, !c.deleted());
        }
        int64(REVISION_ID, I_REVISION_ID, r.id());
        int64(REVISION_PARENT_ID, I_REVISION_PARENT_ID, r.parentId());
        String rawTimestamp = r.timestamp();
        long canonical = rawTimestamp == null ? Long.MIN_VALUE : canonicalMicros(rawTimestamp);
        if (canonical != Long.MIN_VALUE) {
            int64(REVISION_DT, I_REVISION_DT, canonical);
            rawTimestamp = null;
        } else if (r.timestamp() != null) {
            try {
                Instant instant = Timestamps.parse(r.timestamp());
                int64(REVISION_DT, I_REVISION_DT, Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                        instant.getNano() / 1000));
                if (r.timestamp().equals(Timestamps.format(instant))) {
                    rawTimestamp = null;
                }
            } catch (DateTimeParseException | ArithmeticException e) {
                // not a timestamp we understand: only the raw text is kept
            }
        }
        bool(REVISION_IS_MINOR_EDIT, I_REVISION_IS_MINOR_EDIT, r.minor());
        Comment comment = r.comment();
        if (comment != null) {
            string(REVISION_COMMENT, I_REVISION_COMMENT, comment.text());
            bool(REVISION_COMMENT_IS_VISIBLE, I_REVISION_COMMENT_IS_VISIBLE, !comment.deleted());
        }
        string(REVISION_SHA1, I_REVISION_SHA1, r.sha1());
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
        int64(REVISION_SIZE, I_REVISION_SIZE, size);
        if (contentText != null) {
            bool(REVISION_CONTENT_IS_VISIBLE, I_REVISION_CONTENT_IS_VISIBLE, !contentText.deleted());
        }
        writeSlots(r);

        boolean isIp = c != null && c.username() == null && c.ip() != null;
        String extraIp = c != null && c.username() != null ? c.ip() : null;
        if (rawTimestamp != null || isIp || extraIp != null) {
            int index = I_MWDUMP;
            out.startField(MWDUMP, index);
            out.startGroup();
            string(RAW_TIMESTAMP, I_RAW_TIMESTAMP, rawTimestamp);
            if (isIp) {
                bool(USER_IS_IP, I_USER_IS_IP, true);
            }
            string(USER_IP, I_USER_IP, extraIp);
            out.endGroup();
            out.endField(MWDUMP, index);
        }
        out.endMessage();
    }

    private void writeRestrictions(Page page) {
        int index = I_PAGE_RESTRICTIONS;
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
        int index = I_REVISION_CONTENT_SLOTS;
        out.startField(REVISION_CONTENT_SLOTS, index);
        out.startGroup();
        if (!r.slots().isEmpty()) {
            out.startField("key_value", 0);
            for (Slot slot : r.slots()) {
                out.startGroup();
                // a map key cannot be null: a <content> without <role> is stored under ""
                string("key", I_KEY, slot.role() == null ? "" : slot.role());
                out.startField("value", 1);
                out.startGroup();
                Text t = slot.text();
                if (t != null) {
                    string(CONTENT_BODY, I_CONTENT_BODY, t.content());
                }
                string(CONTENT_FORMAT, I_CONTENT_FORMAT, slot.format());
                string(CONTENT_MODEL, I_CONTENT_MODEL, slot.model());
                if (t != null) {
                    string(CONTENT_SHA1, I_CONTENT_SHA1, t.sha1());
                    int64(CONTENT_SIZE, I_CONTENT_SIZE, t.bytes());
                }
                int64(ORIGIN_REV_ID, I_ORIGIN_REV_ID, slot.origin());
                if (t != null) {
                    string(CONTENT_LOCATION, I_CONTENT_LOCATION, t.location());
                    string(CONTENT_TEXT_ID, I_CONTENT_TEXT_ID, t.textId());
                    bool(CONTENT_IS_VISIBLE, I_CONTENT_IS_VISIBLE, !t.deleted());
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

    private void string(String name, int index, String value) {
        if (value != null) {
            binary(name, index, Binary.fromString(value));
        }
    }

    private void binary(String name, int index, Binary value) {
        if (value != null) {
            out.startField(name, index);
            out.addBinary(value);
            out.endField(name, index);
        }
    }

    private void int64(String name, int index, Long value) {
        if (value != null) {
            out.startField(name, index);
            out.addLong(value);
            out.endField(name, index);
        }
    }

    private void bool(String name, int index, boolean value) {
        out.startField(name, index);
        out.addBoolean(value);
        out.endField(name, index);
    }

    /**
     * Microseconds since the epoch of a timestamp in the canonical form {@code YYYY-MM-DDTHH:MM:SSZ},
     * read digit by digit, or {@code Long.MIN_VALUE} for anything else (which {@link Timestamps} then
     * parses): the same value {@link Timestamps#parse} gives, without a formatter for every row.
     */
    static long canonicalMicros(String t) {
        if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return Long.MIN_VALUE;
        }
        int year = number(t, 0, 4);
        int month = number(t, 5, 7);
        int day = number(t, 8, 10);
        int hour = number(t, 11, 13);
        int minute = number(t, 14, 16);
        int second = number(t, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        int days = month == 2 ? (leap ? 29 : 28) : month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        if (day > days) {
            return Long.MIN_VALUE;
        }
        long seconds = java.time.LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3600L + minute * 60L
                + second;
        return seconds * 1_000_000L;
    }

    /** The decimal number in {@code s[from, to)}, or -1 if a character is not a digit. */
    private static int number(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
