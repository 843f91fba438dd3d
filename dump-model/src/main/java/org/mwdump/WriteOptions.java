package org.mwdump;

/**
 * How to write a dump. Immutable; build with {@link #builder()}.
 *
 * @param compression      output compression; {@code null} to choose it from the file name's extension
 * @param compressionLevel codec level, or {@code -1} for the codec's default
 * @param schemaVersion    MediaWiki XML schema to write ({@code "0.10"} or {@code "0.11"}); {@code null}
 *                         to keep the input's version where it is one of these, else 0.11
 * @param threads          threads for {@link Dumps#convert} (decoding, parsing, writing) and for a writer's
 *                         compression; 1 works on the caller's thread
 */
public record WriteOptions(Compression compression, int compressionLevel, String schemaVersion, int threads) {
    /** Compression from the file name, default level, input's schema, one thread. */
    public static final WriteOptions DEFAULT = new WriteOptions(null, -1, null, 1);

    /**
     * A builder starting from {@link #DEFAULT}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link WriteOptions}. */
    public static final class Builder {
        private Compression compression;
        private int compressionLevel = -1;
        private String schemaVersion;
        private int threads = 1;

        /** A builder starting from {@link WriteOptions#DEFAULT}, as {@link WriteOptions#builder()} gives. */
        public Builder() {
        }

        /**
         * Sets the output compression.
         *
         * @param value the compression, or {@code null} to choose it from the file name
         * @return this builder
         */
        public Builder compression(Compression value) {
            this.compression = value;
            return this;
        }

        /**
         * Sets the codec level.
         *
         * @param value the level, or {@code -1} for the codec's default
         * @return this builder
         */
        public Builder compressionLevel(int value) {
            this.compressionLevel = value;
            return this;
        }

        /**
         * Sets the XML schema version to write.
         *
         * @param value {@code "0.10"}, {@code "0.11"}, or {@code null} for the input's
         * @return this builder
         */
        public Builder schemaVersion(String value) {
            this.schemaVersion = value;
            return this;
        }

        /**
         * Sets the number of threads.
         *
         * @param value threads, 1 or more
         * @return this builder
         */
        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = value;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public WriteOptions build() {
            return new WriteOptions(compression, compressionLevel, schemaVersion, threads);
        }
    }
}
