package org.mwdump.model;

import java.util.Objects;

/**
 * What a change event said about the revision it carries: the kind of change, the event's id and time,
 * and the page's and revision's state before it. Only revisions read from change events
 * ({@code mediawiki/page/change}, or the legacy {@code mediawiki/revision/create}) have one; see
 * {@link Revision#change()}.
 *
 * @param kind      the event's {@code page_change_kind}
 * @param eventId   {@code meta.id}, the event's unique id; {@code null} if absent
 * @param eventTime {@code dt}, when the change happened (ISO-8601, UTC); {@code null} if absent
 * @param prior     {@code prior_state}: what the change changed, as it was before; never {@code null}
 *                  ({@link PriorState#NONE} when the event has none)
 */
public record PageChange(Kind kind, String eventId, String eventTime, PriorState prior) {
    /**
     * Checks that the kind and prior state are given.
     *
     * @param kind      the event's {@code page_change_kind}
     * @param eventId   {@code meta.id}; {@code null} if absent
     * @param eventTime {@code dt}; {@code null} if absent
     * @param prior     the prior state ({@link PriorState#NONE} for none)
     */
    public PageChange {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(prior, "prior is null");
    }

    /** MediaWiki's kinds of page change ({@code page_change_kind}). */
    public enum Kind {
        /** A new page, with its first revision. */
        CREATE,
        /** A deleted page restored, with its current revision. */
        UNDELETE,
        /** A new revision of an existing page. */
        EDIT,
        /** A page renamed (the revision is the one the move made). */
        MOVE,
        /** A page deleted (the revision is its current one when it was deleted). */
        DELETE,
        /** The visibility of a revision's text, comment or editor changed (the revision is that revision). */
        VISIBILITY_CHANGE;

        /**
         * The kind named as events name it.
         *
         * @param name {@code create}, {@code undelete}, {@code edit}, {@code move}, {@code delete} or
         *             {@code visibility_change}
         * @return the kind
         * @throws IllegalArgumentException for any other name
         */
        public static Kind of(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }

        /** @return the kind as events name it ({@code visibility_change}, ...) */
        public String eventName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The state before a change, as far as the event gave it ({@code prior_state}: fields are present
     * only when the change changed them).
     *
     * @param title      the page's title before (a move), with spaces; {@code null} if not given
     * @param namespace  the page's namespace before (a move); {@code null} if not given
     * @param revisionId the revision that was the page's current one before (an edit); {@code null} if not given
     * @param visibility the revision's visibility before (a visibility change); {@code null} if not given
     */
    public record PriorState(String title, Integer namespace, Long revisionId, Visibility visibility) {
        /** No prior state. */
        public static final PriorState NONE = new PriorState(null, null, null, null);
    }

    /**
     * Which parts of a revision are visible; {@code null} where the event did not say.
     *
     * @param text    whether the text (content) is visible
     * @param comment whether the comment is visible
     * @param user    whether the editor is visible
     */
    public record Visibility(Boolean text, Boolean comment, Boolean user) {
    }
}
