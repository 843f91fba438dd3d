package org.mwdump.parquet;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Parquet page compression without Hadoop: Parquet's own codec factory goes through Hadoop's
 * {@code CompressionCodec} classes, which need a Hadoop {@code Configuration} and its many
 * dependencies. This one calls zstd-jni, snappy-java, aircompressor (LZ4_RAW) and the JDK's gzip
 * directly, on whole pages held as byte arrays (a page is about 1 MiB).
 */
final class PlainCodecFactory implements CompressionCodecFactory {
    /** zstd-jni's default level, as Parquet's own zstd codec uses. */
    static final int ZSTD_DEFAULT_LEVEL = 3;

    private final int zstdLevel;

    PlainCodecFactory(int zstdLevel) {
        this.zstdLevel = zstdLevel;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return getCompressor(codec, codec == CompressionCodecName.ZSTD ? zstdLevel : -1);
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec, int level) {
        switch (codec) {
            case UNCOMPRESSED:
            case SNAPPY:
            case GZIP:
            case ZSTD:
            case LZ4_RAW:
                return new Compressor(codec, level);
            default:
                throw new UnsupportedOperationException("Parquet codec not supported: " + codec);
        }
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        switch (codec) {
            case UNCOMPRESSED:
            case SNAPPY:
            case GZIP:
            case ZSTD:
            case LZ4_RAW:
                return new Decompressor(codec);
            default:
                throw new UnsupportedOperationException("Parquet codec not supported: " + codec);
        }
    }

    @Override
    public void release() {
        // nothing pooled
    }

    /** A compressor of the given codec (for zstd at this factory's level). */
    Compressor compressor(CompressionCodecName codec) {
        return (Compressor) getCompressor(codec);
    }

    static final class Compressor implements BytesInputCompressor {
        private final CompressionCodecName codec;
        private final int level;
        /** zstd contexts not in use, one per thread that compressed at the same time at most. */
        private final java.util.concurrent.ConcurrentLinkedQueue<ZstdCompressCtx> idle =
                new java.util.concurrent.ConcurrentLinkedQueue<>();

        Compressor(CompressionCodecName codec, int level) {
            this.codec = codec;
            this.level = level;
        }

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            return BytesInput.from(compress(bytes.toByteArray()));
        }

        /** The compressed bytes of a whole page; thread-safe. */
        byte[] compress(byte[] in) throws IOException {
            switch (codec) {
                case UNCOMPRESSED:
                    return in;
                case SNAPPY:
                    return Snappy.compress(in);
                case ZSTD: {
                    // a context kept from page to page: zstd would allocate and clear its tables for
                    // every page otherwise
                    ZstdCompressCtx ctx = idle.poll();
                    if (ctx == null) {
                        ctx = new ZstdCompressCtx();
                        ctx.setLevel(level < 0 ? ZSTD_DEFAULT_LEVEL : level);
                    }
                    try {
                        return ctx.compress(in);
                    } finally {
                        idle.offer(ctx);
                    }
                }
                case LZ4_RAW: {
                    Lz4Compressor lz4 = new Lz4Compressor();
                    byte[] out = new byte[lz4.maxCompressedLength(in.length)];
                    int n = lz4.compress(in, 0, in.length, out, 0, out.length);
                    return java.util.Arrays.copyOf(out, n);
                }
                case GZIP: {
                    ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.max(64, in.length / 3));
                    try (GZIPOutputStream gz = new LeveledGzip(buffer, level)) {
                        gz.write(in);
                    }
                    return buffer.toByteArray();
                }
                default:
                    throw new UnsupportedOperationException(codec.toString());
            }
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec;
        }

        /** Frees the zstd contexts (native memory); the compressor can still be used after. */
        @Override
        public void release() {
            for (ZstdCompressCtx ctx = idle.poll(); ctx != null; ctx = idle.poll()) {
                ctx.close();
            }
        }
    }

    /** GZIPOutputStream with a chosen deflate level. */
    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(ByteArrayOutputStream out, int level) throws IOException {
            super(out, 1 << 16);
            if (level >= 0) {
                def.setLevel(Math.min(9, level));
            }
        }
    }

    private static final class Decompressor implements BytesInputDecompressor {
        private final CompressionCodecName codec;

        Decompressor(CompressionCodecName codec) {
            this.codec = codec;
        }

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            return BytesInput.from(decompress(bytes.toByteArray(), uncompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(decompress(in, uncompressedSize));
        }

        private byte[] decompress(byte[] in, int uncompressedSize) throws IOException {
            switch (codec) {
                case UNCOMPRESSED:
                    return in;
                case SNAPPY: {
                    byte[] out = new byte[uncompressedSize];
                    Snappy.uncompress(in, 0, in.length, out, 0);
                    return out;
                }
                case ZSTD: {
                    byte[] out = new byte[uncompressedSize];
                    long n = Zstd.decompressByteArray(out, 0, out.length, in, 0, in.length);
                    if (Zstd.isError(n) || n != uncompressedSize) {
                        throw new IOException("corrupt zstd page: " + (Zstd.isError(n) ? Zstd.getErrorName(n)
                                : n + " bytes instead of " + uncompressedSize));
                    }
                    return out;
                }
                case LZ4_RAW: {
                    byte[] out = new byte[uncompressedSize];
                    int n = new Lz4Decompressor().decompress(in, 0, in.length, out, 0, out.length);
                    if (n != uncompressedSize) {
                        throw new IOException("corrupt LZ4 page: " + n + " bytes instead of " + uncompressedSize);
                    }
                    return out;
                }
                case GZIP:
                    try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(in), 1 << 16)) {
                        byte[] out = gz.readNBytes(uncompressedSize);
                        if (out.length != uncompressedSize) {
                            throw new IOException("corrupt gzip page: " + out.length + " bytes instead of "
                                    + uncompressedSize);
                        }
                        return out;
                    }
                default:
                    throw new UnsupportedOperationException(codec.toString());
            }
        }

        @Override
        public void release() {
            // nothing pooled
        }
    }
}
