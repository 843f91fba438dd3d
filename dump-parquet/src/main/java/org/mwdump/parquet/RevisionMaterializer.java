package org.mwdump.parquet;

import static org.mwdump.parquet.RevisionSchema.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.mwdump.model.Comment;
import org.mwdump.model.Contributor;
import org.mwdump.model.Page;
import org.mwdump.model.Revision;
import org.mwdump.model.Slot;
import org.mwdump.model.Text;
import org.mwdump.model.Timestamps;

/**
 * Builds a {@link Revision} from one row. Columns are matched by name, so files with the columns in
 * another order, or without mwdump's extra columns (for example written by Spark in Wikimedia's
 * schema), read as far as they go. Consecutive rows with equal page fields share one {@link Page}.
 */
final class RevisionMaterializer extends RecordMaterializer<Revision> {
    /** Top-level columns this reader understands; others are not even read. */
    static final Set<String> KNOWN = Set.of(PAGE_ID, PAGE_NAMESPACE_ID, PAGE_TITLE, PAGE_REDIRECT_TARGET,
            PAGE_IS_REDIRECT, PAGE_RESTRICTIONS, USER_ID, USER_TEXT, USER_IS_VISIBLE, REVISION_ID, REVISION_PARENT_ID,
            REVISION_DT, REVISION_IS_MINOR_EDIT, REVISION_COMMENT, REVISION_COMMENT_IS_VISIBLE, REVISION_SHA1,
            REVISION_CONTENT_IS_VISIBLE, REVISION_CONTENT_SLOTS, MWDUMP);

    private final Root root;
    private final boolean slotVisibilityColumn;
    private Page previousPage;

    // the row being assembled
    private Long pageId;
    private Integer namespace;
    private String title;
    private String redirectTarget;
    private Boolean isRedirect;
    private final List<String> restrictions = new ArrayList<>();
    private Long userId;
    private String userText;
    private Boolean userVisible;
    private Long revisionId;
    private Long parentId;
    private Long dt;
    private boolean minor;
    private String comment;
    private Boolean commentVisible;
    private String sha1;
    private Boolean contentVisible;
    private final List<SlotState> slots = new ArrayList<>();
    private String rawTimestamp;
    private Boolean userIsIp;
    private String userIp;
    private Revision current;

    RevisionMaterializer(MessageType requested) {
        this.root = new Root(requested);
        boolean visibility = false;
        if (requested.containsField(REVISION_CONTENT_SLOTS)) {
            GroupType map = requested.getType(REVISION_CONTENT_SLOTS).asGroupType();
            GroupType kv = map.getType(0).asGroupType();
            visibility = kv.containsField("value") && !kv.getType("value").isPrimitive()
                    && kv.getType("value").asGroupType().containsField(CONTENT_IS_VISIBLE);
        }
        this.slotVisibilityColumn = visibility;
    }

    /** The requested projection of a file's schema: the known top-level columns it has. */
    static MessageType projection(MessageType file) {
        List<Type> fields = new ArrayList<>();
        for (Type t : file.getFields()) {
            if (KNOWN.contains(t.getName())) {
                fields.add(t);
            }
        }
        return new MessageType(file.getName(), fields);
    }

    @Override
    public Revision getCurrentRecord() {
        return current;
    }

    @Override
    public GroupConverter getRootConverter() {
        return root;
    }

    private void reset() {
        pageId = null;
        namespace = null;
        title = null;
        redirectTarget = null;
        isRedirect = null;
        restrictions.clear();
        userId = null;
        userText = null;
        userVisible = null;
        revisionId = null;
        parentId = null;
        dt = null;
        minor = false;
        comment = null;
        commentVisible = null;
        sha1 = null;
        contentVisible = null;
        slots.clear();
        rawTimestamp = null;
        userIsIp = null;
        userIp = null;
    }

    private void finish() {
        boolean redirect = isRedirect != null ? isRedirect : redirectTarget != null;
        Page page = new Page(pageId, namespace, title, redirect, redirectTarget, restrictions);
        if (page.equals(previousPage)) {
            page = previousPage;
        }
        previousPage = page;

        Contributor contributor = null;
        if (userVisible != null || userId != null || userText != null) {
            boolean ip = Boolean.TRUE.equals(userIsIp);
            contributor = new Contributor(ip ? null : userText, userId, ip ? userText : userIp,
                    Boolean.FALSE.equals(userVisible));
        }
        String timestamp = rawTimestamp;
        if (timestamp == null && dt != null) {
            timestamp = Timestamps.format(Instant.ofEpochSecond(Math.floorDiv(dt, 1_000_000L),
                    Math.floorMod(dt, 1_000_000L) * 1000L));
        }
        Comment c = null;
        if (comment != null || commentVisible != null) {
            c = new Comment(comment == null ? "" : comment, Boolean.FALSE.equals(commentVisible));
        }
        List<Slot> slotList = new ArrayList<>(slots.size());
        for (SlotState s : slots) {
            Text text = null;
            if (s.visible != null) {
                text = text(s.body, s.size, s.sha1, s.location, s.textId, !s.visible);
            } else if (!slotVisibilityColumn
                    && (s.body != null || s.size != null || s.sha1 != null || s.location != null || s.textId != null)) {
                // a file without mwdump's per-slot flag: the revision's flag stands for every slot
                text = text(s.body, s.size, s.sha1, s.location, s.textId, Boolean.FALSE.equals(contentVisible));
            }
            slotList.add(new Slot(s.key == null || s.key.isEmpty() ? null : s.key, s.origin, s.model, s.format, text));
        }
        current = new Revision(page, revisionId, parentId, timestamp, contributor, minor, c, slotList, sha1);
    }

    /**
     * A text whose content keeps the column's UTF-8 bytes, so that a writer need not encode it again; a
     * value that is not well-formed UTF-8 (a file written elsewhere) is decoded as before, with U+FFFD for
     * each malformed sequence.
     */
    private static Text text(byte[] body, Long size, String sha1, String location, String textId, boolean deleted) {
        try {
            return Text.ofUtf8(body, size, sha1, location, textId, deleted);
        } catch (IllegalArgumentException e) {
            return new Text(new String(body, java.nio.charset.StandardCharsets.UTF_8), size, sha1, location, textId,
                    deleted);
        }
    }

    private final class Root extends Fields {

        Root(MessageType requested) {
            super(requested, t -> rootConverter(t));
        }

        @Override
        public void start() {
            reset();
        }

        @Override
        public void end() {
            finish();
        }
    }

    private Converter rootConverter(Type type) {
        switch (type.getName()) {
            case PAGE_ID: return longs(v -> pageId = v);
            case PAGE_NAMESPACE_ID: return ints(v -> namespace = v);
            case PAGE_TITLE: return strings(v -> title = v);
            case PAGE_REDIRECT_TARGET: return strings(v -> redirectTarget = v);
            case PAGE_IS_REDIRECT: return booleans(v -> isRedirect = v);
            case PAGE_RESTRICTIONS: return type.isPrimitive() ? NoOp.of(type) : new StringList(type.asGroupType());
            case USER_ID: return longs(v -> userId = v);
            case USER_TEXT: return strings(v -> userText = v);
            case USER_IS_VISIBLE: return booleans(v -> userVisible = v);
            case REVISION_ID: return longs(v -> revisionId = v);
            case REVISION_PARENT_ID: return longs(v -> parentId = v);
            case REVISION_DT: return timestamp(type);
            case REVISION_IS_MINOR_EDIT: return booleans(v -> minor = v);
            case REVISION_COMMENT: return strings(v -> comment = v);
            case REVISION_COMMENT_IS_VISIBLE: return booleans(v -> commentVisible = v);
            case REVISION_SHA1: return strings(v -> sha1 = v);
            case REVISION_CONTENT_IS_VISIBLE: return booleans(v -> contentVisible = v);
            case REVISION_CONTENT_SLOTS: return type.isPrimitive() ? NoOp.of(type) : new SlotMap(type.asGroupType());
            case MWDUMP: return type.isPrimitive() ? NoOp.of(type) : new Extra(type.asGroupType());
            default: return NoOp.of(type);
        }
    }

    private Converter timestamp(Type type) {
        long perMicro = 1;
        long microsPer = 1;
        if (type.isPrimitive() && type.getLogicalTypeAnnotation()
                instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
            switch (ts.getUnit()) {
                case MILLIS -> microsPer = 1000;
                case NANOS -> perMicro = 1000;
                default -> { }
            }
        } else {
            return NoOp.of(type);
        }
        long mul = microsPer;
        long div = perMicro;
        return longs(v -> dt = Math.floorDiv(v, div) * mul);
    }

    /** {@code mwdump} group: what only mwdump needs to give back exactly what it read. */
    private final class Extra extends Fields {
        Extra(GroupType type) {
            super(type, t -> switch (t.getName()) {
                case RAW_TIMESTAMP -> strings(v -> rawTimestamp = v);
                case USER_IS_IP -> booleans(v -> userIsIp = v);
                case USER_IP -> strings(v -> userIp = v);
                default -> NoOp.of(t);
            });
        }
    }

    private static final class SlotState {
        String key;
        byte[] body;
        String format;
        String model;
        String sha1;
        Long size;
        Long origin;
        String location;
        String textId;
        Boolean visible;
    }

    /** The MAP group: {@code repeated group key_value { key; value { ... } }}. */
    private final class SlotMap extends GroupConverter {
        private final Converter entry;

        SlotMap(GroupType map) {
            Type kv = map.getType(0);
            entry = kv.isPrimitive() ? NoOp.of(kv) : new Entry(kv.asGroupType());
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return entry;
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }

    private final class Entry extends Fields {
        private SlotState slot;

        Entry(GroupType kv) {
            super(kv.getFieldCount());
            for (int i = 0; i < converters.length; i++) {
                Type t = kv.getType(i);
                if (t.getName().equals("key") && t.isPrimitive()) {
                    converters[i] = strings(v -> slot.key = v);
                } else if (t.getName().equals("value") && !t.isPrimitive()) {
                    converters[i] = new Value(t.asGroupType(), () -> slot);
                } else {
                    converters[i] = NoOp.of(t);
                }
            }
        }

        @Override
        public void start() {
            slot = new SlotState();
        }

        @Override
        public void end() {
            slots.add(slot);
        }
    }

    private static final class Value extends Fields {
        Value(GroupType value, java.util.function.Supplier<SlotState> slot) {
            super(value, t -> switch (t.getName()) {
                    case CONTENT_BODY -> bytes(v -> slot.get().body = v);
                    case CONTENT_FORMAT -> strings(v -> slot.get().format = v);
                    case CONTENT_MODEL -> strings(v -> slot.get().model = v);
                    case CONTENT_SHA1 -> strings(v -> slot.get().sha1 = v);
                    case CONTENT_SIZE -> longs(v -> slot.get().size = v);
                    case ORIGIN_REV_ID -> longs(v -> slot.get().origin = v);
                    case CONTENT_LOCATION -> strings(v -> slot.get().location = v);
                    case CONTENT_TEXT_ID -> strings(v -> slot.get().textId = v);
                    case CONTENT_IS_VISIBLE -> booleans(v -> slot.get().visible = v);
                    default -> NoOp.of(t);
            });
        }
    }

    /** A LIST of strings, in the standard three-level or the legacy two-level layout. */
    private final class StringList extends Fields {
        StringList(GroupType group) {
            super(group, t -> t.isPrimitive() ? strings(restrictions::add) : new StringList(t.asGroupType()));
        }
    }

    /** A group converter with one converter per field; start and end do nothing unless overridden. */
    private abstract static class Fields extends GroupConverter {
        protected final Converter[] converters;

        Fields(int fieldCount) {
            converters = new Converter[fieldCount];
        }

        Fields(GroupType type, java.util.function.Function<Type, Converter> make) {
            this(type.getFieldCount());
            for (int i = 0; i < converters.length; i++) {
                converters[i] = make.apply(type.getType(i));
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return converters[fieldIndex];
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }

    private static PrimitiveConverter strings(Consumer<String> target) {
        return new PrimitiveConverter() {
            @Override
            public void addBinary(Binary value) {
                target.accept(value.toStringUsingUTF8());
            }
        };
    }

    /** Values as bytes of their own (never an array that Parquet goes on using). */
    private static PrimitiveConverter bytes(Consumer<byte[]> target) {
        return new PrimitiveConverter() {
            @Override
            public void addBinary(Binary value) {
                // getBytes copies unless the value owns an array of exactly its bytes, which a reused one does not
                target.accept(value.isBackingBytesReused() ? value.copy().getBytes() : value.getBytes());
            }
        };
    }

    private static PrimitiveConverter longs(Consumer<Long> target) {
        return new PrimitiveConverter() {
            @Override
            public void addLong(long value) {
                target.accept(value);
            }

            @Override
            public void addInt(int value) {
                target.accept((long) value);
            }
        };
    }

    private static PrimitiveConverter ints(Consumer<Integer> target) {
        return new PrimitiveConverter() {
            @Override
            public void addInt(int value) {
                target.accept(value);
            }

            @Override
            public void addLong(long value) {
                target.accept(Math.toIntExact(value));
            }
        };
    }

    private static PrimitiveConverter booleans(Consumer<Boolean> target) {
        return new PrimitiveConverter() {
            @Override
            public void addBoolean(boolean value) {
                target.accept(value);
            }
        };
    }

    /** Accepts and ignores a column or group this reader does not understand. */
    private static final class NoOp {
        static Converter of(Type type) {
            if (type.isPrimitive()) {
                return new PrimitiveConverter() {
                    @Override
                    public void addBinary(Binary value) {
                    }

                    @Override
                    public void addBoolean(boolean value) {
                    }

                    @Override
                    public void addDouble(double value) {
                    }

                    @Override
                    public void addFloat(float value) {
                    }

                    @Override
                    public void addInt(int value) {
                    }

                    @Override
                    public void addLong(long value) {
                    }
                };
            }
            GroupType g = type.asGroupType();
            Converter[] children = new Converter[g.getFieldCount()];
            for (int i = 0; i < children.length; i++) {
                children[i] = of(g.getType(i));
            }
            return new GroupConverter() {
                @Override
                public Converter getConverter(int fieldIndex) {
                    return children[fieldIndex];
                }

                @Override
                public void start() {
                }

                @Override
                public void end() {
                }
            };
        }
    }
}
