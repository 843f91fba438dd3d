package org.mwdump.spark;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.mwdump.model.Comment;
import org.mwdump.model.Contributor;
import org.mwdump.model.Page;
import org.mwdump.model.Revision;
import org.mwdump.model.Slot;
import org.mwdump.model.Text;
import org.mwdump.model.Timestamps;

/**
 * The rows of the data source: one per revision, in the columns of mwdump's Parquet output (Wikimedia's
 * {@code mediawiki_content_history_v1} and the {@code mwdump} group that keeps what the model needs to
 * give back exactly what it read), with the same nulls for what is missing, empty or deleted, plus
 * {@code wiki_db} (the site info's database name) and {@code source_file}.
 */
final class RevisionRows {
    static final StructType SLOT = new StructType(new StructField[] {
        field("content_body", DataTypes.StringType),
        field("content_format", DataTypes.StringType),
        field("content_model", DataTypes.StringType),
        field("content_sha1", DataTypes.StringType),
        field("content_size", DataTypes.LongType),
        field("origin_rev_id", DataTypes.LongType),
        field("content_location", DataTypes.StringType),
        field("content_text_id", DataTypes.StringType),
        field("content_is_visible", DataTypes.BooleanType),
    });

    static final StructType MWDUMP = new StructType(new StructField[] {
        field("revision_timestamp", DataTypes.StringType),
        field("user_is_ip", DataTypes.BooleanType),
        field("user_ip", DataTypes.StringType),
    });

    /** The columns, in this order. */
    static final StructType SCHEMA = new StructType(new StructField[] {
        field("wiki_id", DataTypes.StringType),
        field("page_id", DataTypes.LongType),
        field("page_namespace_id", DataTypes.IntegerType),
        field("page_title", DataTypes.StringType),
        field("page_redirect_target", DataTypes.StringType),
        new StructField("page_is_redirect", DataTypes.BooleanType, false, Metadata.empty()),
        // required, as in Parquet: no restrictions is an empty list, no slots an empty map
        new StructField("page_restrictions", DataTypes.createArrayType(DataTypes.StringType, false), false,
                Metadata.empty()),
        field("user_id", DataTypes.LongType),
        field("user_text", DataTypes.StringType),
        field("user_is_visible", DataTypes.BooleanType),
        field("revision_id", DataTypes.LongType),
        field("revision_parent_id", DataTypes.LongType),
        field("revision_dt", DataTypes.TimestampType),
        new StructField("revision_is_minor_edit", DataTypes.BooleanType, false, Metadata.empty()),
        field("revision_comment", DataTypes.StringType),
        field("revision_comment_is_visible", DataTypes.BooleanType),
        field("revision_sha1", DataTypes.StringType),
        field("revision_size", DataTypes.LongType),
        field("revision_content_is_visible", DataTypes.BooleanType),
        new StructField("revision_content_slots", DataTypes.createMapType(DataTypes.StringType, SLOT, true), false,
                Metadata.empty()),
        field("mwdump", MWDUMP),
        field("wiki_db", DataTypes.StringType),
        field("source_file", DataTypes.StringType),
    });

    /** Index of the slots column, whose text is left out when it is not read. */
    static final int SLOTS = SCHEMA.fieldIndex("revision_content_slots");
    static final int SOURCE_FILE = SCHEMA.fieldIndex("source_file");

    /** The column of {@code mode=PERMISSIVE} reads: where a split failed, and why. */
    static final String CORRUPT = "_corrupt";
    /** Its index, after {@link #SCHEMA}'s columns. */
    static final int CORRUPT_INDEX = SCHEMA.size();

    /**
     * The columns of a read: {@link #SCHEMA}, and for a permissive read {@code _corrupt} as well, with every
     * column nullable (a corrupt row has nothing but its file and the error).
     *
     * @param permissive whether the read is permissive
     */
    static StructType schema(boolean permissive) {
        if (!permissive) {
            return SCHEMA;
        }
        StructField[] fields = new StructField[SCHEMA.size() + 1];
        for (int i = 0; i < SCHEMA.size(); i++) {
            StructField f = SCHEMA.fields()[i];
            fields[i] = new StructField(f.name(), f.dataType(), true, f.metadata());
        }
        fields[CORRUPT_INDEX] = field(CORRUPT, DataTypes.StringType);
        return new StructType(fields);
    }

    /**
     * {@link #schema(boolean)} with the site info of the dumps read in the metadata of the {@code wiki_db}
     * column, under {@code mwdump.siteinfo}, where a write of the rows finds it.
     *
     * @param siteInfoJson the site info as JSON, or null for none
     */
    static StructType schema(boolean permissive, String siteInfoJson) {
        StructType plain = schema(permissive);
        if (siteInfoJson == null) {
            return plain;
        }
        StructField[] fields = plain.fields().clone();
        int i = plain.fieldIndex("wiki_db");
        StructField f = fields[i];
        fields[i] = new StructField(f.name(), f.dataType(), f.nullable(), new org.apache.spark.sql.types.MetadataBuilder()
                .withMetadata(f.metadata()).putString(WriteSettings.SITE_INFO_METADATA, siteInfoJson).build());
        return new StructType(fields);
    }

    /** The row of a split that failed: its file and the error, nothing else. */
    static Object[] corrupt(UTF8String source, String error) {
        Object[] v = new Object[SCHEMA.size() + 1];
        v[SOURCE_FILE] = source;
        v[CORRUPT_INDEX] = utf8(error);
        return v;
    }

    private RevisionRows() {
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type) {
        return new StructField(name, type, true, Metadata.empty());
    }

    /**
     * One revision's row in {@link #SCHEMA}'s columns.
     *
     * @param r        the revision
     * @param wikiDb   the site info's database name, or null
     * @param source   the file's name
     * @param withText whether slot texts are filled in (else their {@code content_body} is null)
     */
    static Object[] values(Revision r, UTF8String wikiDb, UTF8String source, boolean withText) {
        Object[] v = new Object[SCHEMA.size() + 1];
        Page page = r.page();
        v[0] = wikiDb;
        v[1] = page.id();
        v[2] = page.namespace();
        v[3] = utf8(page.title());
        v[4] = utf8(page.redirectTarget());
        v[5] = page.redirect();
        List<String> restrictions = page.restrictions();
        Object[] a = new Object[restrictions.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = utf8(restrictions.get(i));
        }
        v[6] = new GenericArrayData(a);
        Contributor c = r.contributor();
        if (c != null) {
            v[7] = c.id();
            v[8] = utf8(c.username() != null ? c.username() : c.ip());
            v[9] = !c.deleted();
        }
        v[10] = r.id();
        v[11] = r.parentId();
        String raw = r.timestamp();
        long micros = Timestamps.epochMicros(raw);
        v[12] = micros == Long.MIN_VALUE ? null : micros;
        if (Timestamps.canonicalMicros(raw) != Long.MIN_VALUE) {
            raw = null; // the timestamp column gives it back exactly
        }
        v[13] = r.minor();
        Comment cm = r.comment();
        if (cm != null) {
            v[14] = utf8(cm.text());
            v[15] = !cm.deleted();
        }
        v[16] = utf8(r.sha1());
        v[17] = r.textBytes();
        Text contentText = r.contentText();
        v[18] = contentText == null ? null : !contentText.deleted();
        v[19] = slots(r.slots(), withText);
        boolean isIp = c != null && c.username() == null && c.ip() != null;
        String extraIp = c != null && c.username() != null ? c.ip() : null;
        if (raw != null || isIp || extraIp != null) {
            v[20] = new GenericInternalRow(new Object[] {utf8(raw), isIp ? Boolean.TRUE : null, utf8(extraIp)});
        }
        v[21] = wikiDb;
        v[22] = source;
        return v;
    }

    private static ArrayBasedMapData slots(List<Slot> slots, boolean withText) {
        Object[] keys = new Object[slots.size()];
        Object[] values = new Object[slots.size()];
        for (int i = 0; i < keys.length; i++) {
            Slot slot = slots.get(i);
            // a map key cannot be null: a <content> without <role> is stored under ""
            keys[i] = utf8(slot.role() == null ? "" : slot.role());
            Text t = slot.text();
            values[i] = new GenericInternalRow(new Object[] {
                t == null || !withText ? null : utf8(t.contentUtf8()),
                utf8(slot.format()),
                utf8(slot.model()),
                t == null ? null : utf8(t.sha1()),
                t == null ? null : t.bytes(),
                slot.origin(),
                t == null ? null : utf8(t.location()),
                t == null ? null : utf8(t.textId()),
                t == null ? null : !t.deleted(),
            });
        }
        return new ArrayBasedMapData(new GenericArrayData(keys), new GenericArrayData(values));
    }

    static UTF8String utf8(String s) {
        return s == null ? null : UTF8String.fromBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A Spark string of UTF-8 bytes, such as a text's content, without decoding them: they are copied into an
     * array of the string's own (a read-only buffer has no accessible array to share).
     *
     * @param utf8 the bytes from position to limit, left unmoved; {@code null} gives {@code null}
     * @return the string
     */
    static UTF8String utf8(ByteBuffer utf8) {
        if (utf8 == null) {
            return null;
        }
        byte[] copy = new byte[utf8.remaining()];
        utf8.get(utf8.position(), copy);
        return UTF8String.fromBytes(copy);
    }

    /** The values at the given column indexes, as a row. */
    static InternalRow project(Object[] values, int[] columns) {
        Object[] out = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            out[i] = values[columns[i]];
        }
        return new GenericInternalRow(out);
    }
}
