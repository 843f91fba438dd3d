package org.mwdump.model;

/**
 * One entry of a logging dump ({@code <logitem>}).
 *
 * @param id          {@code <id>}; {@code null} if absent
 * @param timestamp   {@code <timestamp>} as written
 * @param contributor {@code <contributor>}; {@code null} if absent
 * @param comment     {@code <comment>}; {@code null} if absent
 * @param type        {@code <type>}, for example {@code delete}
 * @param action      {@code <action>}
 * @param textDeleted whether the item has {@code <text deleted="deleted" />} (a suppressed action)
 * @param logTitle    {@code <logtitle>}; {@code null} if absent
 * @param params      {@code <params>} text ({@code ""} for an empty element); {@code null} if absent
 */
public record LogItem(Long id, String timestamp, Contributor contributor, Comment comment, String type,
                      String action, boolean textDeleted, String logTitle, String params) {
    /**
     * A builder with every field absent.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this log item's fields.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().id(id).timestamp(timestamp).contributor(contributor).comment(comment).type(type)
                .action(action).textDeleted(textDeleted).logTitle(logTitle).params(params);
    }

    /** Builds a {@link LogItem} field by field; each setter returns the builder. */
    public static final class Builder extends EditBuilder<Builder> {
        private Long id;
        private String type;
        private String action;
        private boolean textDeleted;
        private String logTitle;
        private String params;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Sets the log id.
         *
         * @param value {@code <id>}, or {@code null}
         * @return this builder
         */
        public Builder id(Long value) {
            this.id = value;
            return this;
        }

        /**
         * Sets the log type.
         *
         * @param value {@code <type>}, for example {@code delete}
         * @return this builder
         */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /**
         * Sets the action.
         *
         * @param value {@code <action>}
         * @return this builder
         */
        public Builder action(String value) {
            this.action = value;
            return this;
        }

        /**
         * Sets whether the action is suppressed.
         *
         * @param value whether the item has {@code <text deleted="deleted" />}
         * @return this builder
         */
        public Builder textDeleted(boolean value) {
            this.textDeleted = value;
            return this;
        }

        /**
         * Sets the log title.
         *
         * @param value {@code <logtitle>}, or {@code null}
         * @return this builder
         */
        public Builder logTitle(String value) {
            this.logTitle = value;
            return this;
        }

        /**
         * Sets the parameters.
         *
         * @param value the {@code <params>} text, or {@code null}
         * @return this builder
         */
        public Builder params(String value) {
            this.params = value;
            return this;
        }

        /**
         * Builds the log item.
         *
         * @return the log item
         */
        public LogItem build() {
            return new LogItem(id, timestamp, contributor, comment, type, action, textDeleted, logTitle, params);
        }
    }
}
