package org.mwdump.model;

/**
 * One content slot of a revision. The main slot is built from the revision-level {@code <origin>},
 * {@code <model>}, {@code <format>} and {@code <text>}; other slots (schema 0.11) from a
 * {@code <content>} element.
 *
 * @param role   the slot role: {@code "main"}, or the {@code <role>} of a content element
 *               ({@code null} if a content element lacks one)
 * @param origin the revision id where this content originated ({@code <origin>}); {@code null} if absent
 * @param model  the content model, for example {@code wikitext}; {@code null} if absent
 * @param format the serialization format, for example {@code text/x-wiki}; {@code null} if absent
 * @param text   the text element; {@code null} if the dump has none
 */
public record Slot(String role, Long origin, String model, String format, Text text) {
    /** The role of the main slot. */
    public static final String MAIN = "main";

    /**
     * Whether this is the main slot.
     *
     * @return whether the role is {@code main}
     */
    public boolean isMain() {
        return MAIN.equals(role);
    }

    /**
     * A builder with every field absent but the role, which is {@link #MAIN}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this slot's fields.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().role(role).origin(origin).model(model).format(format).text(text);
    }

    /** Builds a {@link Slot} field by field; each setter returns the builder. */
    public static final class Builder {
        private String role = MAIN;
        private Long origin;
        private String model;
        private String format;
        private Text text;

        private Builder() {
        }

        /**
         * Sets the role.
         *
         * @param value {@code "main"}, another {@code <role>}, or {@code null}
         * @return this builder
         */
        public Builder role(String value) {
            this.role = value;
            return this;
        }

        /**
         * Sets the origin.
         *
         * @param value the revision id where the content originated, or {@code null}
         * @return this builder
         */
        public Builder origin(Long value) {
            this.origin = value;
            return this;
        }

        /**
         * Sets the content model.
         *
         * @param value for example {@code wikitext}, or {@code null}
         * @return this builder
         */
        public Builder model(String value) {
            this.model = value;
            return this;
        }

        /**
         * Sets the serialization format.
         *
         * @param value for example {@code text/x-wiki}, or {@code null}
         * @return this builder
         */
        public Builder format(String value) {
            this.format = value;
            return this;
        }

        /**
         * Sets the text element.
         *
         * @param value the text, or {@code null}
         * @return this builder
         */
        public Builder text(Text value) {
            this.text = value;
            return this;
        }

        /**
         * Builds the slot.
         *
         * @return the slot
         */
        public Slot build() {
            return new Slot(role, origin, model, format, text);
        }
    }
}
