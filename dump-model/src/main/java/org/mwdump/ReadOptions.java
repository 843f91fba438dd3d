package org.mwdump;

import java.util.Objects;
import org.mwdump.model.SiteInfo;

/**
 * How to read a dump. Immutable; build with {@link #builder()} or start from {@link #DEFAULT}.
 *
 * @param strict    turn every deviation (unknown element, missing footer, ...) into an error; default lenient
 * @param limits    size limits for this reader
 * @param siteInfo  site info to use for formats that carry none (RevDoc); {@code null} to rebuild what the data allows
 */
public record ReadOptions(boolean strict, ReadLimits limits, SiteInfo siteInfo) {
    /** Lenient, default limits, no site info given. */
    public static final ReadOptions DEFAULT = new ReadOptions(false, ReadLimits.DEFAULT, null);

    public ReadOptions {
        Objects.requireNonNull(limits, "limits is null");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link ReadOptions}. */
    public static final class Builder {
        private boolean strict;
        private ReadLimits limits = ReadLimits.DEFAULT;
        private SiteInfo siteInfo;

        public Builder strict(boolean value) {
            this.strict = value;
            return this;
        }

        public Builder limits(ReadLimits value) {
            this.limits = Objects.requireNonNull(value, "limits is null");
            return this;
        }

        public Builder siteInfo(SiteInfo value) {
            this.siteInfo = value;
            return this;
        }

        public ReadOptions build() {
            return new ReadOptions(strict, limits, siteInfo);
        }
    }
}
