package org.mwdump.model;

import java.util.Objects;

/**
 * A file upload recorded inside a page ({@code <upload>}, written only with {@code --uploads}).
 *
 * @param page           the file page this upload belongs to
 * @param timestamp      {@code <timestamp>} as written
 * @param contributor    {@code <contributor>}; {@code null} if absent
 * @param comment        {@code <comment>}; {@code null} if absent
 * @param filename       {@code <filename>}
 * @param archiveName    {@code <archivename>} (old versions of a file); {@code null} if absent
 * @param src            {@code <src>}: the file's URL
 * @param size           {@code <size>} in bytes; {@code null} if absent
 * @param sha1Base36     {@code <sha1base36>}; {@code null} if absent
 * @param rel            {@code <rel>}: path relative to the upload directory; {@code null} if absent
 * @param contents       the base64 text of {@code <contents>}; {@code null} if absent
 * @param contentsEncoding the {@code encoding} attribute of {@code <contents>}; {@code null} if absent
 */
public record Upload(Page page, String timestamp, Contributor contributor, Comment comment, String filename,
                     String archiveName, String src, Long size, String sha1Base36, String rel, String contents,
                     String contentsEncoding) implements PageEntry {
    /**
     * Checks that the page is given.
     *
     * @param page           the file page this upload belongs to
     * @param timestamp      {@code <timestamp>} as written
     * @param contributor    {@code <contributor>}; {@code null} if absent
     * @param comment        {@code <comment>}; {@code null} if absent
     * @param filename       {@code <filename>}
     * @param archiveName    {@code <archivename>} (old versions of a file); {@code null} if absent
     * @param src            {@code <src>}: the file's URL
     * @param size           {@code <size>} in bytes; {@code null} if absent
     * @param sha1Base36     {@code <sha1base36>}; {@code null} if absent
     * @param rel            {@code <rel>}: path relative to the upload directory; {@code null} if absent
     * @param contents       the base64 text of {@code <contents>}; {@code null} if absent
     * @param contentsEncoding the {@code encoding} attribute of {@code <contents>}; {@code null} if absent
     */
    public Upload {
        Objects.requireNonNull(page, "page is null");
    }

    /**
     * A builder with every field absent. {@link Builder#page} must be set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this upload's fields.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().page(page).timestamp(timestamp).contributor(contributor).comment(comment)
                .filename(filename).archiveName(archiveName).src(src).size(size).sha1Base36(sha1Base36).rel(rel)
                .contents(contents).contentsEncoding(contentsEncoding);
    }

    /** Builds an {@link Upload} field by field; each setter returns the builder. */
    public static final class Builder extends EditBuilder<Builder> {
        private Page page;
        private String filename;
        private String archiveName;
        private String src;
        private Long size;
        private String sha1Base36;
        private String rel;
        private String contents;
        private String contentsEncoding;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Sets the page.
         *
         * @param value the file page this upload belongs to
         * @return this builder
         */
        public Builder page(Page value) {
            this.page = value;
            return this;
        }

        /**
         * Sets the file name.
         *
         * @param value {@code <filename>}
         * @return this builder
         */
        public Builder filename(String value) {
            this.filename = value;
            return this;
        }

        /**
         * Sets the archive name.
         *
         * @param value {@code <archivename>}, or {@code null}
         * @return this builder
         */
        public Builder archiveName(String value) {
            this.archiveName = value;
            return this;
        }

        /**
         * Sets the source URL.
         *
         * @param value {@code <src>}
         * @return this builder
         */
        public Builder src(String value) {
            this.src = value;
            return this;
        }

        /**
         * Sets the size.
         *
         * @param value {@code <size>} in bytes, or {@code null}
         * @return this builder
         */
        public Builder size(Long value) {
            this.size = value;
            return this;
        }

        /**
         * Sets the base-36 sha1.
         *
         * @param value {@code <sha1base36>}, or {@code null}
         * @return this builder
         */
        public Builder sha1Base36(String value) {
            this.sha1Base36 = value;
            return this;
        }

        /**
         * Sets the relative path.
         *
         * @param value {@code <rel>}, or {@code null}
         * @return this builder
         */
        public Builder rel(String value) {
            this.rel = value;
            return this;
        }

        /**
         * Sets the contents.
         *
         * @param value the base64 text of {@code <contents>}, or {@code null}
         * @return this builder
         */
        public Builder contents(String value) {
            this.contents = value;
            return this;
        }

        /**
         * Sets the contents' encoding.
         *
         * @param value the {@code encoding} attribute of {@code <contents>}, or {@code null}
         * @return this builder
         */
        public Builder contentsEncoding(String value) {
            this.contentsEncoding = value;
            return this;
        }

        /**
         * Builds the upload.
         *
         * @return the upload
         * @throws NullPointerException if the page is not set
         */
        public Upload build() {
            return new Upload(page, timestamp, contributor, comment, filename, archiveName, src, size, sha1Base36,
                    rel, contents, contentsEncoding);
        }
    }
}
