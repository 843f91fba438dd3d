package org.mwdump;

import java.util.Objects;
import org.mwdump.model.SiteInfo;

/**
 * How to read a dump. Immutable; build with {@link #builder()} or start from {@link #DEFAULT}.
 *
 * @param strict    turn every deviation (unknown element, missing footer, ...) into an error; default lenient
 * @param limits    size limits for this reader
 * @param siteInfo  site info to use for formats that carry none (RevDoc); {@code null} to rebuild what the data allows
 * @param texts     whether revision texts are read; when false, the XML reader skips the content of every
 *                  {@code <text>} element without decoding or checking it, and gives its {@link
 *                  org.mwdump.model.Text} a {@code null} content (the attributes are kept): for reading
 *                  metadata only, faster
 */
public record ReadOptions(boolean strict, ReadLimits limits, SiteInfo siteInfo, boolean texts) {
    /** Lenient, default limits, no site info given, texts read. */
    public static final ReadOptions DEFAULT = new ReadOptions(false, ReadLimits.DEFAULT, null, true);

    /**
     * Checks that the limits are given.
     *
     * @param strict    turn every deviation (unknown element, missing footer, ...) into an error; default lenient
     * @param limits    size limits for this reader
     * @param siteInfo  site info to use for formats that carry none (RevDoc); {@code null} to rebuild what the data allows
     * @param texts     whether revision texts are read
     */
    public ReadOptions {
        Objects.requireNonNull(limits, "limits is null");
    }

    /**
     * Options that read texts.
     *
     * @param strict    turn every deviation (unknown element, missing footer, ...) into an error; default lenient
     * @param limits    size limits for this reader
     * @param siteInfo  site info to use for formats that carry none (RevDoc); {@code null} to rebuild what the data allows
     */
    public ReadOptions(boolean strict, ReadLimits limits, SiteInfo siteInfo) {
        this(strict, limits, siteInfo, true);
    }

    /**
     * A builder starting from {@link #DEFAULT}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link ReadOptions}. */
    public static final class Builder {
        private boolean strict;
        private ReadLimits limits = ReadLimits.DEFAULT;
        private SiteInfo siteInfo;
        private boolean texts = true;

        /** A builder starting from {@link ReadOptions#DEFAULT}, as {@link ReadOptions#builder()} gives. */
        public Builder() {
        }

        /**
         * Sets strict reading.
         *
         * @param value true to turn every deviation into an error
         * @return this builder
         */
        public Builder strict(boolean value) {
            this.strict = value;
            return this;
        }

        /**
         * Sets the limits.
         *
         * @param value the limits, not {@code null}
         * @return this builder
         */
        public Builder limits(ReadLimits value) {
            this.limits = Objects.requireNonNull(value, "limits is null");
            return this;
        }

        /**
         * Sets the site info for formats that carry none.
         *
         * @param value the site info, or {@code null}
         * @return this builder
         */
        public Builder siteInfo(SiteInfo value) {
            this.siteInfo = value;
            return this;
        }

        /**
         * Sets whether revision texts are read (default true); see {@link ReadOptions#texts()}.
         *
         * @param value false to leave texts out
         * @return this builder
         */
        public Builder texts(boolean value) {
            this.texts = value;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public ReadOptions build() {
            return new ReadOptions(strict, limits, siteInfo, texts);
        }
    }
}
