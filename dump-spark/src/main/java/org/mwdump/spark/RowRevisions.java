package org.mwdump.spark;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.mwdump.model.Comment;
import org.mwdump.model.Contributor;
import org.mwdump.model.Page;
import org.mwdump.model.Revision;
import org.mwdump.model.Slot;
import org.mwdump.model.Text;
import org.mwdump.model.Timestamps;

/**
 * Revisions from rows in the columns the source reads (and mwdump's Parquet holds): the inverse of
 * {@link RevisionRows}, as mwdump's Parquet reader rebuilds revisions from its columns. Columns are found by
 * name, so a frame with them in another order, or without some (without mwdump's extra columns, say), is
 * taken as far as it goes; {@code page_id} and {@code revision_id} are required, and a column that is there
 * must have the source's type.
 */
final class RowRevisions implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int pageId;
    private final int namespace;
    private final int title;
    private final int redirectTarget;
    private final int isRedirect;
    private final int restrictions;
    private final int userId;
    private final int userText;
    private final int userVisible;
    private final int revisionId;
    private final int parentId;
    private final int dt;
    private final int minor;
    private final int comment;
    private final int commentVisible;
    private final int sha1;
    private final int contentVisible;
    private final int slots;
    private final int slotFieldCount;
    /** Within a slot: body, format, model, sha1, size, origin, location, text id, visible (-1: absent). */
    private final int[] slot = new int[9];
    private final int extra;
    private final int extraFieldCount;
    private final int rawTimestamp;
    private final int userIsIp;
    private final int userIp;

    /**
     * @param schema the columns of the rows to be written
     * @throws IllegalArgumentException if a required column is missing or a column has another type than the
     *                                  source gives it
     */
    RowRevisions(StructType schema) {
        pageId = required(schema, "page_id");
        revisionId = required(schema, "revision_id");
        namespace = column(schema, "page_namespace_id");
        title = column(schema, "page_title");
        redirectTarget = column(schema, "page_redirect_target");
        isRedirect = column(schema, "page_is_redirect");
        restrictions = column(schema, "page_restrictions");
        userId = column(schema, "user_id");
        userText = column(schema, "user_text");
        userVisible = column(schema, "user_is_visible");
        parentId = column(schema, "revision_parent_id");
        dt = column(schema, "revision_dt");
        minor = column(schema, "revision_is_minor_edit");
        comment = column(schema, "revision_comment");
        commentVisible = column(schema, "revision_comment_is_visible");
        sha1 = column(schema, "revision_sha1");
        contentVisible = column(schema, "revision_content_is_visible");
        slots = column(schema, "revision_content_slots");
        StructType slotType = slots < 0 ? new StructType()
                : (StructType) ((org.apache.spark.sql.types.MapType) schema.fields()[slots].dataType()).valueType();
        slotFieldCount = slotType.size();
        String[] slotNames = {"content_body", "content_format", "content_model", "content_sha1", "content_size",
            "origin_rev_id", "content_location", "content_text_id", "content_is_visible"};
        for (int i = 0; i < slotNames.length; i++) {
            slot[i] = field(slotType, RevisionRows.SLOT, slotNames[i], "revision_content_slots.");
        }
        extra = column(schema, "mwdump");
        StructType extraType = extra < 0 ? new StructType() : (StructType) schema.fields()[extra].dataType();
        extraFieldCount = extraType.size();
        rawTimestamp = field(extraType, RevisionRows.MWDUMP, "revision_timestamp", "mwdump.");
        userIsIp = field(extraType, RevisionRows.MWDUMP, "user_is_ip", "mwdump.");
        userIp = field(extraType, RevisionRows.MWDUMP, "user_ip", "mwdump.");
    }

    private static int required(StructType schema, String name) {
        int i = column(schema, name);
        if (i < 0) {
            throw new IllegalArgumentException("mwdump: the rows to write need a column " + name
                    + " (the columns that spark.read.format(\"mwdump\") gives)");
        }
        return i;
    }

    /** The index of a top-level column, checked against the source's type; -1 when it is absent. */
    private static int column(StructType schema, String name) {
        return field(schema, RevisionRows.SCHEMA, name, "");
    }

    private static int field(StructType actual, StructType expected, String name, String prefix) {
        int i = java.util.Arrays.asList(actual.fieldNames()).indexOf(name);
        if (i < 0) {
            return -1;
        }
        DataType want = expected.fields()[expected.fieldIndex(name)].dataType();
        DataType have = actual.fields()[i].dataType();
        if (!sameType(want, have)) {
            throw new IllegalArgumentException("mwdump: column " + prefix + name + " is " + have.simpleString()
                    + ", but the writer takes " + want.simpleString() + " (as spark.read.format(\"mwdump\") gives it)");
        }
        return i;
    }

    /**
     * Types equal but for nullability (a frame's columns may be more or less nullable than the source's);
     * structs, also as map values, are checked field by field, by name, where they are read.
     */
    private static boolean sameType(DataType want, DataType have) {
        if (want instanceof StructType && have instanceof StructType) {
            return true;
        }
        if (want instanceof org.apache.spark.sql.types.MapType w && have instanceof org.apache.spark.sql.types.MapType h) {
            return sameType(w.keyType(), h.keyType()) && sameType(w.valueType(), h.valueType());
        }
        return want.asNullable().equals(have.asNullable());
    }

    private static String string(InternalRow row, int i) {
        return i < 0 || row.isNullAt(i) ? null : row.getUTF8String(i).toString();
    }

    private static Long int64(InternalRow row, int i) {
        return i < 0 || row.isNullAt(i) ? null : row.getLong(i);
    }

    private static Boolean bool(InternalRow row, int i) {
        return i < 0 || row.isNullAt(i) ? null : row.getBoolean(i);
    }

    /** The page id of a row. */
    long pageId(InternalRow row) {
        if (row.isNullAt(pageId)) {
            throw new IllegalArgumentException("mwdump: a row to write has no page_id");
        }
        return row.getLong(pageId);
    }

    /**
     * The revision a row holds.
     *
     * @param previousPage the page of the row before, returned as the revision's page when this row's page
     *                     fields are equal (so that a writer sees one page object per page)
     */
    Revision revision(InternalRow row, Page previousPage) {
        Integer ns = namespace < 0 || row.isNullAt(namespace) ? null : row.getInt(namespace);
        String target = string(row, redirectTarget);
        Boolean redirect = bool(row, isRedirect);
        List<String> restricted = new ArrayList<>();
        if (restrictions >= 0 && !row.isNullAt(restrictions)) {
            ArrayData a = row.getArray(restrictions);
            for (int k = 0; k < a.numElements(); k++) {
                restricted.add(a.isNullAt(k) ? null : a.getUTF8String(k).toString());
            }
        }
        Page page = new Page(pageId(row), ns, string(row, title), redirect != null ? redirect : target != null, target,
                restricted);
        if (page.equals(previousPage)) {
            page = previousPage;
        }

        InternalRow x = extra < 0 || row.isNullAt(extra) ? null : row.getStruct(extra, extraFieldCount);
        Boolean ip = x == null ? null : bool(x, userIsIp);
        String extraIp = x == null ? null : string(x, userIp);
        String raw = x == null ? null : string(x, rawTimestamp);
        Long uid = int64(row, userId);
        String utext = string(row, userText);
        Boolean uvisible = bool(row, userVisible);
        Contributor contributor = null;
        if (uvisible != null || uid != null || utext != null) {
            boolean isIp = Boolean.TRUE.equals(ip);
            contributor = new Contributor(isIp ? null : utext, uid, isIp ? utext : extraIp, Boolean.FALSE.equals(uvisible));
        }
        String timestamp = raw;
        Long micros = int64(row, dt);
        if (timestamp == null && micros != null) {
            timestamp = Timestamps.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1000L));
        }
        String commentText = string(row, comment);
        Boolean commentShown = bool(row, commentVisible);
        Comment c = commentText != null || commentShown != null
                ? new Comment(commentText == null ? "" : commentText, Boolean.FALSE.equals(commentShown)) : null;

        List<Slot> slotList = new ArrayList<>();
        if (slots >= 0 && !row.isNullAt(slots)) {
            Boolean revisionContentShown = bool(row, contentVisible);
            MapData map = row.getMap(slots);
            ArrayData keys = map.keyArray();
            ArrayData values = map.valueArray();
            for (int k = 0; k < map.numElements(); k++) {
                String role = keys.getUTF8String(k).toString();
                InternalRow s = values.isNullAt(k) ? null : values.getStruct(k, slotFieldCount);
                slotList.add(slot(role.isEmpty() ? null : role, s, revisionContentShown));
            }
        }
        Boolean minorEdit = bool(row, minor);
        return new Revision(page, row.isNullAt(revisionId) ? null : row.getLong(revisionId), int64(row, parentId),
                timestamp, contributor, Boolean.TRUE.equals(minorEdit), c, slotList, string(row, sha1));
    }

    private Slot slot(String role, InternalRow s, Boolean revisionContentShown) {
        if (s == null) {
            return new Slot(role, null, null, null, null);
        }
        String body = string(s, slot[0]);
        String contentSha1 = string(s, slot[3]);
        Long size = int64(s, slot[4]);
        String location = string(s, slot[6]);
        String textId = string(s, slot[7]);
        Boolean visible = bool(s, slot[8]);
        Text text = null;
        if (visible != null) {
            text = new Text(body, size, contentSha1, location, textId, !visible);
        } else if (slot[8] < 0 && (body != null || size != null || contentSha1 != null || location != null
                || textId != null)) {
            // no per-slot flag (Wikimedia's columns): the revision's flag stands for every slot
            text = new Text(body, size, contentSha1, location, textId, Boolean.FALSE.equals(revisionContentShown));
        }
        return new Slot(role, int64(s, slot[5]), string(s, slot[2]), string(s, slot[1]), text);
    }

    /** The revision id of a row, or null. */
    Long revisionId(InternalRow row) {
        return row.isNullAt(revisionId) ? null : row.getLong(revisionId);
    }
}
