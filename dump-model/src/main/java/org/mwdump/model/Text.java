package org.mwdump.model;

/**
 * The {@code <text>} of a slot: its content when the dump carries it, and the metadata attributes
 * as read. {@code bytes} and {@code sha1} are kept as the dump states them and never recomputed:
 * in Wikimedia's dumps they come from the database and may differ from the text actually present.
 *
 * <p>The content is held in one of two forms: as a {@link String}, or as its UTF-8 bytes, which is how
 * mwdump's readers keep it (a dump's text is UTF-8 on disk, and its writers write UTF-8 or escape from
 * it, so no string needs to be made). Either form gives the other on request, once: {@link #content()}
 * decodes the bytes, {@link #contentUtf8()} encodes the string. Two texts are equal when their fields
 * are, whatever form their content is held in. Instances are immutable and safe to share between
 * threads.
 */
public final class Text {
    private final Long bytes;
    private final String sha1;
    private final String location;
    private final String textId;
    private final boolean deleted;
    /** The content as given as a string, or null. */
    private final String content;
    /** The content as given as UTF-8, or null. */
    private final byte[] utf8;
    /** The content decoded from {@link #utf8} on first use (a benign race, as in String.hashCode). */
    private String decoded;
    /**
     * The content encoded from {@link #content} on first use (the same race; volatile because, unlike a
     * string's, an array's elements are not guaranteed visible to a thread that sees the array).
     */
    private volatile byte[] encoded;

    /**
     * A text with the given fields.
     *
     * @param content  the text; {@code null} when the element has no body (stubs, deleted or empty text
     *                 written as {@code <text ... />}); {@code ""} for {@code <text></text>}
     * @param bytes    the {@code bytes} attribute; {@code null} if absent
     * @param sha1     the {@code sha1} attribute (schema 0.11); {@code null} if absent
     * @param location the {@code location} attribute (blob address in 0.11 stubs); {@code null} if absent
     * @param textId   the legacy {@code id} attribute (text table id); {@code null} if absent
     * @param deleted  whether the element has {@code deleted="deleted"}
     */
    public Text(String content, Long bytes, String sha1, String location, String textId, boolean deleted) {
        this(content, null, bytes, sha1, location, textId, deleted);
    }

    private Text(String content, byte[] utf8, Long bytes, String sha1, String location, String textId,
                 boolean deleted) {
        this.content = content;
        this.utf8 = utf8;
        this.bytes = bytes;
        this.sha1 = sha1;
        this.location = location;
        this.textId = textId;
        this.deleted = deleted;
    }

    /**
     * A text whose content is given as UTF-8. The array is taken as it is, not copied: the caller hands
     * it over and must not change it afterwards.
     *
     * @param utf8     the content as well-formed UTF-8 (no overlong forms, no encoded surrogates), or
     *                 {@code null} when the element has no body
     * @param bytes    the {@code bytes} attribute; {@code null} if absent
     * @param sha1     the {@code sha1} attribute; {@code null} if absent
     * @param location the {@code location} attribute; {@code null} if absent
     * @param textId   the legacy {@code id} attribute; {@code null} if absent
     * @param deleted  whether the element has {@code deleted="deleted"}
     * @return the text
     * @throws IllegalArgumentException if {@code utf8} is not well-formed UTF-8 (saying at which byte)
     */
    public static Text ofUtf8(byte[] utf8, Long bytes, String sha1, String location, String textId,
                              boolean deleted) {
        if (utf8 != null) {
            int bad = Utf8.firstMalformed(utf8, 0, utf8.length);
            if (bad >= 0) {
                throw new IllegalArgumentException("not well-formed UTF-8 at byte " + bad + " of " + utf8.length);
            }
        }
        return new Text(null, utf8, bytes, sha1, location, textId, deleted);
    }

    /**
     * Like {@link #ofUtf8}, without checking the bytes: for readers of formats that have checked them as
     * they read them (mwdump's XML reader does, as part of decoding its input), so that a text's bytes are
     * not gone over twice. Given bytes that are not well-formed UTF-8, {@link #content()} decodes each
     * malformed sequence as U+FFFD and writers copy the bytes as they are: use {@link #ofUtf8} unless the
     * bytes are known to be well-formed.
     *
     * @param utf8     the content as well-formed UTF-8, or {@code null} when the element has no body; taken
     *                 as it is, not copied
     * @param bytes    the {@code bytes} attribute; {@code null} if absent
     * @param sha1     the {@code sha1} attribute; {@code null} if absent
     * @param location the {@code location} attribute; {@code null} if absent
     * @param textId   the legacy {@code id} attribute; {@code null} if absent
     * @param deleted  whether the element has {@code deleted="deleted"}
     * @return the text
     */
    public static Text ofCheckedUtf8(byte[] utf8, Long bytes, String sha1, String location, String textId,
                                     boolean deleted) {
        return new Text(null, utf8, bytes, sha1, location, textId, deleted);
    }

    /**
     * A text with the given content and nothing else.
     *
     * @param content the text content
     * @return the text
     */
    public static Text of(String content) {
        return new Text(content, null, null, null, null, false);
    }

    /**
     * The text, decoded from UTF-8 on the first call when it is held as bytes.
     *
     * @return the text; {@code null} when the element has no body (stubs, deleted or empty text
     *         written as {@code <text ... />}); {@code ""} for {@code <text></text>}
     */
    public String content() {
        if (content != null || utf8 == null) {
            return content;
        }
        String c = decoded;
        if (c == null) {
            c = new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
            decoded = c;
        }
        return c;
    }

    /**
     * Whether the element has a body ({@link #content()} is not {@code null}), without decoding it.
     *
     * @return whether there is content, possibly empty
     */
    public boolean hasContent() {
        return content != null || utf8 != null;
    }

    /**
     * Whether there is content and it is not empty, without decoding it.
     *
     * @return whether the content holds at least one character
     */
    public boolean hasNonEmptyContent() {
        return utf8 != null ? utf8.length > 0 : content != null && !content.isEmpty();
    }

    /**
     * The content as UTF-8, without a copy: a read-only view of the bytes the text holds (encoded from
     * the string on the first call when it was made from one). An unpaired surrogate in a string, which
     * UTF-8 cannot hold, becomes U+FFFD.
     *
     * @return the bytes, positioned at 0; {@code null} when there is no content
     */
    public java.nio.ByteBuffer contentUtf8() {
        byte[] u = utf8;
        if (u == null) {
            if (content == null) {
                return null;
            }
            u = encoded;
            if (u == null) {
                u = Utf8.encode(content);
                encoded = u;
            }
        }
        return java.nio.ByteBuffer.wrap(u).asReadOnlyBuffer();
    }

    /**
     * Whether the content is held as UTF-8 (as mwdump's XML reader makes it) rather than as a string:
     * a writer that can work from either form uses the one the text already has.
     *
     * @return whether {@link #contentUtf8()} costs nothing and {@link #content()} decodes
     */
    public boolean contentIsUtf8() {
        return utf8 != null;
    }

    /**
     * The {@code bytes} attribute.
     *
     * @return the size the dump states; {@code null} if absent
     */
    public Long bytes() {
        return bytes;
    }

    /**
     * The {@code sha1} attribute.
     *
     * @return the sha1 the dump states (schema 0.11); {@code null} if absent
     */
    public String sha1() {
        return sha1;
    }

    /**
     * The {@code location} attribute.
     *
     * @return the blob address (0.11 stubs); {@code null} if absent
     */
    public String location() {
        return location;
    }

    /**
     * The legacy {@code id} attribute.
     *
     * @return the text table id; {@code null} if absent
     */
    public String textId() {
        return textId;
    }

    /**
     * Whether the element has {@code deleted="deleted"}.
     *
     * @return whether the text is deleted
     */
    public boolean deleted() {
        return deleted;
    }

    /**
     * A copy with other content.
     *
     * @param newContent the content of the copy
     * @return the copy
     */
    public Text withContent(String newContent) {
        return new Text(newContent, bytes, sha1, location, textId, deleted);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Text t)) {
            return false;
        }
        if (deleted != t.deleted || hasContent() != t.hasContent() || !java.util.Objects.equals(bytes, t.bytes)
                || !java.util.Objects.equals(sha1, t.sha1) || !java.util.Objects.equals(location, t.location)
                || !java.util.Objects.equals(textId, t.textId)) {
            return false;
        }
        if (!hasContent()) {
            return true;
        }
        if (utf8 != null && t.utf8 != null) {
            return java.util.Arrays.equals(utf8, t.utf8);
        }
        return content().equals(t.content());
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(content(), bytes, sha1, location, textId, deleted);
    }

    @Override
    public String toString() {
        return "Text[content=" + content() + ", bytes=" + bytes + ", sha1=" + sha1 + ", location=" + location
                + ", textId=" + textId + ", deleted=" + deleted + "]";
    }

    /**
     * A builder with every field absent, not deleted.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this text's fields.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        if (utf8 != null) {
            b.contentUtf8(utf8);
            b.utf8Checked = true;
        } else {
            b.content(content);
        }
        return b.bytes(bytes).sha1(sha1).location(location).textId(textId)
                .deleted(deleted);
    }

    /** Builds a {@link Text} field by field; each setter returns the builder. */
    public static final class Builder {
        private String content;
        private byte[] utf8;
        /** Whether {@link #utf8} came from a text, so is known to be well-formed. */
        private boolean utf8Checked;
        private Long bytes;
        private String sha1;
        private String location;
        private String textId;
        private boolean deleted;

        private Builder() {
        }

        /**
         * Sets the content.
         *
         * @param value the text, or {@code null} when the element has no body
         * @return this builder
         */
        public Builder content(String value) {
            this.content = value;
            this.utf8 = null;
            this.utf8Checked = false;
            return this;
        }

        /**
         * Sets the content as UTF-8, taken as it is (see {@link Text#ofUtf8}).
         *
         * @param value the content as well-formed UTF-8, or {@code null} when the element has no body
         * @return this builder
         */
        public Builder contentUtf8(byte[] value) {
            this.utf8 = value;
            this.content = null;
            this.utf8Checked = false;
            return this;
        }

        /**
         * Sets the size.
         *
         * @param value the {@code bytes} attribute, or {@code null}
         * @return this builder
         */
        public Builder bytes(Long value) {
            this.bytes = value;
            return this;
        }

        /**
         * Sets the sha1.
         *
         * @param value the {@code sha1} attribute, or {@code null}
         * @return this builder
         */
        public Builder sha1(String value) {
            this.sha1 = value;
            return this;
        }

        /**
         * Sets the location.
         *
         * @param value the {@code location} attribute, or {@code null}
         * @return this builder
         */
        public Builder location(String value) {
            this.location = value;
            return this;
        }

        /**
         * Sets the legacy text id.
         *
         * @param value the {@code id} attribute, or {@code null}
         * @return this builder
         */
        public Builder textId(String value) {
            this.textId = value;
            return this;
        }

        /**
         * Sets whether the text is deleted.
         *
         * @param value whether the element has {@code deleted="deleted"}
         * @return this builder
         */
        public Builder deleted(boolean value) {
            this.deleted = value;
            return this;
        }

        /**
         * Builds the text.
         *
         * @return the text
         */
        public Text build() {
            if (utf8 != null && utf8Checked) {
                return ofCheckedUtf8(utf8, bytes, sha1, location, textId, deleted);
            }
            return utf8 != null ? ofUtf8(utf8, bytes, sha1, location, textId, deleted)
                    : new Text(content, bytes, sha1, location, textId, deleted);
        }
    }
}
