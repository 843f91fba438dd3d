package org.mwdump.model;

import java.util.Objects;

/**
 * An edit summary or log comment. An absent comment is represented by {@code null} where it is
 * used; a deleted one by {@link #DELETED}.
 *
 * @param text    the comment text ({@code ""} when deleted or written as an empty element)
 * @param deleted whether the element has {@code deleted="deleted"}
 */
public record Comment(String text, boolean deleted) {
    /** A comment hidden by revision deletion. */
    public static final Comment DELETED = new Comment("", true);

    /**
     * Checks that the text is given.
     *
     * @param text    the comment text ({@code ""} when deleted or written as an empty element)
     * @param deleted whether the element has {@code deleted="deleted"}
     */
    public Comment {
        Objects.requireNonNull(text, "text is null");
    }

    /**
     * A visible comment.
     *
     * @param text the comment text
     * @return the comment
     */
    public static Comment of(String text) {
        return new Comment(text, false);
    }
}
