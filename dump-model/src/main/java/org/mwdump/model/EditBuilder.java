package org.mwdump.model;

/**
 * What the builders of {@link Revision}, {@link Upload} and {@link LogItem} share: when, by whom and
 * with which comment.
 *
 * @param <B> the builder's own type, which the setters return
 */
abstract class EditBuilder<B extends EditBuilder<B>> {
    String timestamp;
    Contributor contributor;
    Comment comment;

    EditBuilder() {
    }

    /** This builder, typed as itself. */
    abstract B self();

    /**
     * Sets the timestamp.
     *
     * @param value {@code <timestamp>} as written, or {@code null}
     * @return this builder
     */
    public B timestamp(String value) {
        this.timestamp = value;
        return self();
    }

    /**
     * Sets the contributor.
     *
     * @param value {@code <contributor>}, or {@code null}
     * @return this builder
     */
    public B contributor(Contributor value) {
        this.contributor = value;
        return self();
    }

    /**
     * Sets the comment.
     *
     * @param value {@code <comment>}, or {@code null}
     * @return this builder
     */
    public B comment(Comment value) {
        this.comment = value;
        return self();
    }
}
