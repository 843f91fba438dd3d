package org.mwdump.parquet;

import java.util.Objects;
import org.mwdump.Compression;
import org.mwdump.UnsupportedDumpException;
import org.mwdump.DumpLocation;
import org.mwdump.WriteOptions;

/**
 * How to write a Parquet dump. Immutable; build with {@link #builder()} or start from {@link #DEFAULT}.
 *
 * <p>Memory: the writer buffers one row group (compressed pages of every column) before it is
 * flushed, plus one uncompressed page per column, so its heap use is about {@link #rowGroupBytes()}
 * plus a few times {@link #pageBytes()}, plus the largest single revision.
 *
 * @param codec            page compression; default {@link Codec#ZSTD}
 * @param compressionLevel codec level (zstd 1-22, gzip 1-9), or {@code -1} for the codec's default (zstd 3)
 * @param rowGroupBytes    target row group size in bytes; default 64 MiB (the value Wikimedia's
 *                         content snapshot tables use)
 * @param pageBytes        target page size in bytes; default 1 MiB
 */
public record ParquetOptions(Codec codec, int compressionLevel, long rowGroupBytes, int pageBytes) {
    /** zstd, its default level, 64 MiB row groups, 1 MiB pages. */
    public static final ParquetOptions DEFAULT = new ParquetOptions(Codec.ZSTD, -1, 64L << 20, 1 << 20);

    /** Page compression codecs: those every common Parquet reader (DuckDB, Spark, pyarrow) supports. */
    public enum Codec {
        /** No compression. */
        UNCOMPRESSED,
        /** Snappy: fast, compresses least. */
        SNAPPY,
        /** gzip (deflate). */
        GZIP,
        /** Zstandard, the default. */
        ZSTD,
        /** LZ4 without framing, as the Parquet format defines {@code LZ4_RAW}. */
        LZ4_RAW
    }

    /**
     * Checks the codec and the smallest sizes (64 KiB row groups, 1 KiB pages).
     *
     * @param codec            page compression; default {@link Codec#ZSTD}
     * @param compressionLevel codec level (zstd 1-22, gzip 1-9), or {@code -1} for the codec's default (zstd 3)
     * @param rowGroupBytes    target row group size in bytes; default 64 MiB (the value Wikimedia's
     *                         content snapshot tables use)
     * @param pageBytes        target page size in bytes; default 1 MiB
     */
    public ParquetOptions {
        Objects.requireNonNull(codec, "codec is null");
        if (rowGroupBytes < 1 << 16) {
            throw new IllegalArgumentException("rowGroupBytes must be at least 64 KiB: " + rowGroupBytes);
        }
        if (pageBytes < 1 << 10) {
            throw new IllegalArgumentException("pageBytes must be at least 1 KiB: " + pageBytes);
        }
    }

    /**
     * A builder starting from {@link #DEFAULT}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder(DEFAULT);
    }

    /**
     * A builder starting from these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The options {@link org.mwdump.Dumps#create} implies: {@link WriteOptions#compression()} chooses
     * the codec ({@code null} keeps zstd, {@link Compression#NONE} is uncompressed, gzip and zstd map to
     * Parquet's codecs of the same name) and {@link WriteOptions#compressionLevel()} its level.
     *
     * @param options the options given to {@code Dumps.create}
     * @return the Parquet options
     * @throws UnsupportedDumpException for bzip2, xz and 7z, which Parquet has no codec for
     */
    public static ParquetOptions from(WriteOptions options) {
        Objects.requireNonNull(options, "options is null");
        Builder b = builder().compressionLevel(options.compressionLevel());
        Compression c = options.compression();
        if (c == null || c == Compression.ZSTD) {
            b.codec(Codec.ZSTD);
        } else if (c == Compression.NONE) {
            b.codec(Codec.UNCOMPRESSED);
        } else if (c == Compression.GZIP) {
            b.codec(Codec.GZIP);
        } else {
            throw new UnsupportedDumpException("Parquet has no " + c.extension().substring(1) + " codec (use zstd, gzip or none)",
                    DumpLocation.UNKNOWN);
        }
        return b.build();
    }

    /** Builder for {@link ParquetOptions}. */
    public static final class Builder {
        private Codec codec;
        private int compressionLevel;
        private long rowGroupBytes;
        private int pageBytes;

        private Builder(ParquetOptions from) {
            this.codec = from.codec;
            this.compressionLevel = from.compressionLevel;
            this.rowGroupBytes = from.rowGroupBytes;
            this.pageBytes = from.pageBytes;
        }

        /**
         * Sets the page compression codec.
         *
         * @param value the codec
         * @return this builder
         */
        public Builder codec(Codec value) {
            this.codec = Objects.requireNonNull(value, "codec is null");
            return this;
        }

        /**
         * Sets the codec's level.
         *
         * @param value the level, or {@code -1} for the codec's default
         * @return this builder
         */
        public Builder compressionLevel(int value) {
            this.compressionLevel = value;
            return this;
        }

        /**
         * Sets the target row group size.
         *
         * @param value bytes, at least 64 KiB
         * @return this builder
         */
        public Builder rowGroupBytes(long value) {
            this.rowGroupBytes = value;
            return this;
        }

        /**
         * Sets the target page size.
         *
         * @param value bytes, at least 1 KiB
         * @return this builder
         */
        public Builder pageBytes(int value) {
            this.pageBytes = value;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public ParquetOptions build() {
            return new ParquetOptions(codec, compressionLevel, rowGroupBytes, pageBytes);
        }
    }
}
