package org.mwdump.model;

import java.util.List;
import java.util.Objects;

/**
 * A page's own fields. One instance is shared by all revisions of the page, so flat revision
 * streams and nested page views describe the same data.
 *
 * @param id             {@code <id>}; {@code null} if the dump lacks it (hand-written dumps)
 * @param namespace      {@code <ns>}; {@code null} if the dump lacks it (schema before 0.6)
 * @param title          {@code <title>}: the prefixed title text, with spaces; {@code null} if absent
 * @param redirect       whether the page has a {@code <redirect>} element
 * @param redirectTarget the redirect's {@code title} attribute; {@code null} if there is no redirect or
 *                       the element has no title (schema 0.4/0.5 wrote an empty flag)
 * @param restrictions   the raw text of each {@code <restrictions>} element, in order (usually zero or one)
 */
public record Page(Long id, Integer namespace, String title, boolean redirect, String redirectTarget,
                   List<String> restrictions) {
    /**
     * Copies the restrictions and checks that a redirect target comes with a redirect.
     *
     * @param id             {@code <id>}; {@code null} if the dump lacks it (hand-written dumps)
     * @param namespace      {@code <ns>}; {@code null} if the dump lacks it (schema before 0.6)
     * @param title          {@code <title>}: the prefixed title text, with spaces; {@code null} if absent
     * @param redirect       whether the page has a {@code <redirect>} element
     * @param redirectTarget the redirect's {@code title} attribute; {@code null} if there is no redirect or
     *                       the element has no title (schema 0.4/0.5 wrote an empty flag)
     * @param restrictions   the raw text of each {@code <restrictions>} element, in order (usually zero or one)
     */
    public Page {
        restrictions = List.copyOf(Objects.requireNonNull(restrictions, "restrictions is null"));
        if (redirectTarget != null && !redirect) {
            throw new IllegalArgumentException("redirect target without redirect");
        }
    }

    /**
     * A page with the given id, namespace and title, no redirect and no restrictions.
     *
     * @param id        the page id
     * @param namespace the namespace key
     * @param title     the prefixed title
     * @return the page
     */
    public static Page of(long id, int namespace, String title) {
        return new Page(id, namespace, title, false, null, List.of());
    }

    /**
     * A builder with every field absent: no redirect, no restrictions.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this page's fields.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().id(id).namespace(namespace).title(title).redirect(redirect)
                .redirectTarget(redirectTarget).restrictions(restrictions);
    }

    /** Builds a {@link Page} field by field; each setter returns the builder. */
    public static final class Builder {
        private Long id;
        private Integer namespace;
        private String title;
        private boolean redirect;
        private String redirectTarget;
        private List<String> restrictions = List.of();

        private Builder() {
        }

        /**
         * Sets the page id.
         *
         * @param value {@code <id>}, or {@code null}
         * @return this builder
         */
        public Builder id(Long value) {
            this.id = value;
            return this;
        }

        /**
         * Sets the namespace.
         *
         * @param value {@code <ns>}, or {@code null}
         * @return this builder
         */
        public Builder namespace(Integer value) {
            this.namespace = value;
            return this;
        }

        /**
         * Sets the title.
         *
         * @param value the prefixed title text, with spaces, or {@code null}
         * @return this builder
         */
        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /**
         * Sets whether the page is a redirect.
         *
         * @param value whether the page has a {@code <redirect>} element
         * @return this builder
         */
        public Builder redirect(boolean value) {
            this.redirect = value;
            return this;
        }

        /**
         * Sets the redirect target.
         *
         * @param value the redirect's {@code title} attribute, or {@code null}
         * @return this builder
         */
        public Builder redirectTarget(String value) {
            this.redirectTarget = value;
            return this;
        }

        /**
         * Sets the restrictions.
         *
         * @param value the text of each {@code <restrictions>} element, in order
         * @return this builder
         */
        public Builder restrictions(List<String> value) {
            this.restrictions = value;
            return this;
        }

        /**
         * Builds the page.
         *
         * @return the page
         */
        public Page build() {
            return new Page(id, namespace, title, redirect, redirectTarget, restrictions);
        }
    }
}
