package org.mwdump.model;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * One revision of a page. Values a dump can lack are {@code null}, never invented; missing,
 * empty and deleted stay distinct (a deleted comment is {@link Comment#DELETED}, an absent one
 * {@code null}).
 *
 * <p>The main slot ({@link #mainSlot()}) carries the revision-level {@code <origin>}, {@code <model>},
 * {@code <format>} and {@code <text>}; further slots follow in dump order.
 *
 * @param page        the page, shared by all its revisions
 * @param id          {@code <id>}; {@code null} if absent
 * @param parentId    {@code <parentid>}; {@code null} if absent
 * @param timestamp   {@code <timestamp>} exactly as written (usually {@code YYYY-MM-DDTHH:MM:SSZ}); see {@link #instant()}
 * @param contributor {@code <contributor>}; {@code null} if absent
 * @param minor       whether {@code <minor>} is present
 * @param comment     {@code <comment>}; {@code null} if absent
 * @param slots       the slots, main first; may be empty only for a revision without any {@code <text>}
 * @param sha1        the revision's {@code <sha1>} text ({@code ""} for {@code <sha1/>}); {@code null} if absent
 * @param change      what the change event that carried this revision said (its kind, id, time and the prior
 *                    state); {@code null} for a revision read from a dump
 */
public record Revision(Page page, Long id, Long parentId, String timestamp, Contributor contributor, boolean minor,
                       Comment comment, List<Slot> slots, String sha1, PageChange change) implements PageEntry {
    /**
     * Checks that the page and the slots are given, and copies the slots.
     *
     * @param page        the page, shared by all its revisions
     * @param id          {@code <id>}; {@code null} if absent
     * @param parentId    {@code <parentid>}; {@code null} if absent
     * @param timestamp   {@code <timestamp>} exactly as written (usually {@code YYYY-MM-DDTHH:MM:SSZ}); see {@link #instant()}
     * @param contributor {@code <contributor>}; {@code null} if absent
     * @param minor       whether {@code <minor>} is present
     * @param comment     {@code <comment>}; {@code null} if absent
     * @param slots       the slots, main first; may be empty only for a revision without any {@code <text>}
     * @param sha1        the revision's {@code <sha1>} text ({@code ""} for {@code <sha1/>}); {@code null} if absent
     * @param change      the change event's account of it; {@code null} for a revision read from a dump
     */
    public Revision {
        Objects.requireNonNull(page, "page is null");
        slots = List.copyOf(Objects.requireNonNull(slots, "slots is null"));
    }

    /**
     * A revision read from a dump (no change event): {@link #change()} is {@code null}.
     *
     * @param page        the page, shared by all its revisions
     * @param id          {@code <id>}; {@code null} if absent
     * @param parentId    {@code <parentid>}; {@code null} if absent
     * @param timestamp   {@code <timestamp>} exactly as written
     * @param contributor {@code <contributor>}; {@code null} if absent
     * @param minor       whether {@code <minor>} is present
     * @param comment     {@code <comment>}; {@code null} if absent
     * @param slots       the slots, main first
     * @param sha1        the revision's {@code <sha1>} text; {@code null} if absent
     */
    public Revision(Page page, Long id, Long parentId, String timestamp, Contributor contributor, boolean minor,
                    Comment comment, List<Slot> slots, String sha1) {
        this(page, id, parentId, timestamp, contributor, minor, comment, slots, sha1, null);
    }

    /**
     * The main slot, or {@code null} if the revision has no slots at all.
     *
     * @return the main slot, or {@code null}
     */
    public Slot mainSlot() {
        for (Slot slot : slots) {
            if (slot.isMain()) {
                return slot;
            }
        }
        return null;
    }

    /**
     * The slot with the given role, or {@code null}.
     *
     * @param role a slot role, for example {@code "main"}
     * @return the slot, or {@code null}
     */
    public Slot slot(String role) {
        for (Slot slot : slots) {
            if (Objects.equals(slot.role(), role)) {
                return slot;
            }
        }
        return null;
    }

    /**
     * The main slot's text content, or {@code null} when there is none.
     *
     * @return the text, or {@code null}
     */
    public String text() {
        Slot main = mainSlot();
        return main == null || main.text() == null ? null : main.text().content();
    }

    /**
     * The revision's size in bytes as Wikimedia's tables give it: the sum of its slots' text byte counts,
     * of those that give one.
     *
     * @return the sum, or {@code null} when no slot's text gives a byte count
     */
    public Long textBytes() {
        long total = 0;
        boolean sized = false;
        for (Slot slot : slots) {
            Text t = slot.text();
            if (t != null && t.bytes() != null) {
                total += t.bytes();
                sized = true;
            }
        }
        return sized ? total : null;
    }

    /**
     * The text that stands for the revision's content (for its visibility flag): the main slot's text,
     * else the first slot's text there is.
     *
     * @return the text, or {@code null} when no slot has one
     */
    public Text contentText() {
        Text first = null;
        for (Slot slot : slots) {
            Text t = slot.text();
            if (t != null && (first == null || slot.isMain())) {
                first = t;
            }
        }
        return first;
    }

    /**
     * Whether the main text is hidden by revision deletion.
     *
     * @return whether the text is deleted
     */
    public boolean textDeleted() {
        Slot main = mainSlot();
        return main != null && main.text() != null && main.text().deleted();
    }

    /**
     * Whether the comment is hidden by revision deletion.
     *
     * @return whether the comment is deleted
     */
    public boolean commentDeleted() {
        return comment != null && comment.deleted();
    }

    /**
     * Whether the contributor is hidden by revision deletion.
     *
     * @return whether the contributor is deleted
     */
    public boolean contributorDeleted() {
        return contributor != null && contributor.deleted();
    }

    /**
     * The timestamp as an instant. Accepts ISO 8601 ({@code 2024-04-15T14:38:04Z}) and MediaWiki's
     * compact {@code 20240415143804}.
     *
     * @return the instant
     * @throws DateTimeParseException if the timestamp is absent or in neither form
     */
    public Instant instant() {
        return Timestamps.parse(timestamp);
    }

    /**
     * A copy belonging to another page object.
     *
     * @param newPage the page of the copy
     * @return the copy
     */
    public Revision withPage(Page newPage) {
        return new Revision(newPage, id, parentId, timestamp, contributor, minor, comment, slots, sha1, change);
    }

    /**
     * A copy with other slots.
     *
     * @param newSlots the slots of the copy, main first
     * @return the copy
     */
    public Revision withSlots(List<Slot> newSlots) {
        return new Revision(page, id, parentId, timestamp, contributor, minor, comment, newSlots, sha1, change);
    }

    /**
     * A builder with every field absent: no slots, not minor. {@link Builder#page} must be set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this revision's fields.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().page(page).id(id).parentId(parentId).timestamp(timestamp).contributor(contributor)
                .minor(minor).comment(comment).slots(slots).sha1(sha1).change(change);
    }

    /** Builds a {@link Revision} field by field; each setter returns the builder. */
    public static final class Builder extends EditBuilder<Builder> {
        private Page page;
        private Long id;
        private Long parentId;
        private boolean minor;
        private List<Slot> slots = List.of();
        private String sha1;
        private PageChange change;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Sets the page.
         *
         * @param value the page, shared by all its revisions
         * @return this builder
         */
        public Builder page(Page value) {
            this.page = value;
            return this;
        }

        /**
         * Sets the revision id.
         *
         * @param value {@code <id>}, or {@code null}
         * @return this builder
         */
        public Builder id(Long value) {
            this.id = value;
            return this;
        }

        /**
         * Sets the parent revision id.
         *
         * @param value {@code <parentid>}, or {@code null}
         * @return this builder
         */
        public Builder parentId(Long value) {
            this.parentId = value;
            return this;
        }

        /**
         * Sets whether the revision is minor.
         *
         * @param value whether {@code <minor>} is present
         * @return this builder
         */
        public Builder minor(boolean value) {
            this.minor = value;
            return this;
        }

        /**
         * Sets the slots.
         *
         * @param value the slots, main first
         * @return this builder
         */
        public Builder slots(List<Slot> value) {
            this.slots = value;
            return this;
        }

        /**
         * Sets the slots to one main slot holding this text and nothing else.
         *
         * @param model   the content model, for example {@code wikitext}, or {@code null}
         * @param format  the serialization format, for example {@code text/x-wiki}, or {@code null}
         * @param content the text content
         * @return this builder
         */
        public Builder mainText(String model, String format, String content) {
            this.slots = List.of(new Slot(Slot.MAIN, null, model, format, Text.of(content)));
            return this;
        }

        /**
         * Sets the revision's sha1.
         *
         * @param value the {@code <sha1>} text, or {@code null}
         * @return this builder
         */
        public Builder sha1(String value) {
            this.sha1 = value;
            return this;
        }

        /**
         * Sets the change event's account of the revision.
         *
         * @param value the change, or {@code null} (a revision from a dump)
         * @return this builder
         */
        public Builder change(PageChange value) {
            this.change = value;
            return this;
        }

        /**
         * Builds the revision.
         *
         * @return the revision
         * @throws NullPointerException if the page or the slots are not set
         */
        public Revision build() {
            return new Revision(page, id, parentId, timestamp, contributor, minor, comment, slots, sha1, change);
        }
    }
}
