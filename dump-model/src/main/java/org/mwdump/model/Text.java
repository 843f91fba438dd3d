package org.mwdump.model;

/**
 * The {@code <text>} of a slot: its content when the dump carries it, and the metadata attributes
 * as read. {@code bytes} and {@code sha1} are kept as the dump states them and never recomputed:
 * in Wikimedia's dumps they come from the database and may differ from the text actually present.
 *
 * @param content  the text; {@code null} when the element has no body (stubs, deleted or empty text
 *                 written as {@code <text ... />}); {@code ""} for {@code <text></text>}
 * @param bytes    the {@code bytes} attribute; {@code null} if absent
 * @param sha1     the {@code sha1} attribute (schema 0.11); {@code null} if absent
 * @param location the {@code location} attribute (blob address in 0.11 stubs); {@code null} if absent
 * @param textId   the legacy {@code id} attribute (text table id); {@code null} if absent
 * @param deleted  whether the element has {@code deleted="deleted"}
 */
public record Text(String content, Long bytes, String sha1, String location, String textId, boolean deleted) {
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
     * A copy with other content.
     *
     * @param newContent the content of the copy
     * @return the copy
     */
    public Text withContent(String newContent) {
        return new Text(newContent, bytes, sha1, location, textId, deleted);
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
        return new Builder().content(content).bytes(bytes).sha1(sha1).location(location).textId(textId)
                .deleted(deleted);
    }

    /** Builds a {@link Text} field by field; each setter returns the builder. */
    public static final class Builder {
        private String content;
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
            return new Text(content, bytes, sha1, location, textId, deleted);
        }
    }
}
