package org.mwdump.write.compress;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.mwdump.Compression;
import org.mwdump.spi.Codecs;
import org.mwdump.spi.LayoutCodec;
import org.mwdump.write.bzip2.Bzip2OutputStream;
import org.mwdump.write.layout.Recompressor;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Output compression for {@link org.mwdump.Dumps#create}: bzip2 ({@link Bzip2OutputStream}: libbzip2's exact
 * bytes, block size from the level, 9 by default as the {@code bzip2} tool, blocks on {@code threads} threads), gzip ({@code java.util.zip}, level 6 by default),
 * xz (XZ for Java, preset 6 by default), zstd (zstd-jni, level 3 by default, {@code threads} workers
 * when more than one), and none. Each stream is finished and the underlying stream closed on close.
 *
 * <p>Cost: the codec's own; xz is by far the slowest (a few MB/s per core), then bzip2.
 *
 * <p>Also the {@link LayoutCodec} of {@code apply}: the chunks of the multistream bz2 and seekable zstd layouts
 * compressed as {@link Recompressor} compresses them, and a bz2 stream continued after its kept blocks
 * ({@link Bzip2OutputStream#continuing}).
 */
public final class WriteCodecs implements Codecs, LayoutCodec {

    @Override
    public boolean compresses(Compression compression) {
        return compression != Compression.SEVEN_Z;
    }

    @Override
    public OutputStream compress(Compression compression, OutputStream out, int level, int threads)
            throws IOException {
        Objects.requireNonNull(compression, "compression is null");
        Objects.requireNonNull(out, "out is null");
        switch (compression) {
            case NONE:
                return out;
            case BZIP2:
                return new Bzip2OutputStream(out, level < 0 ? 9 : clamp(level, 1, 9), Math.max(1, threads));
            case GZIP: {
                int l = level < 0 ? Deflater.DEFAULT_COMPRESSION : clamp(level, 0, 9);
                return new GZIPOutputStream(out, 1 << 16) {
                    {
                        def.setLevel(l);
                    }
                };
            }
            case XZ:
                return new XZOutputStream(out, new LZMA2Options(level < 0 ? LZMA2Options.PRESET_DEFAULT
                        : clamp(level, 0, 9)));
            case ZSTD: {
                ZstdOutputStream z = new ZstdOutputStream(out, level < 0 ? 3 : clamp(level, -7, 22));
                if (threads > 1) {
                    z.setWorkers(threads);
                }
                return z;
            }
            default:
                throw new UnsupportedOperationException("compression to " + compression);
        }
    }

    @Override
    public ChunkCompressor chunks(Compression layout, int zstdLevel) {
        Objects.requireNonNull(layout, "layout is null");
        Recompressor.Layout l;
        switch (layout) {
            case BZIP2:
                l = Recompressor.Layout.BZIP2_MULTISTREAM;
                break;
            case ZSTD:
                l = Recompressor.Layout.SEEKABLE_ZSTD;
                break;
            default:
                throw new IllegalArgumentException("no random-access layout for " + layout);
        }
        // the chunk size and threads of a whole recompression do not apply: the caller cuts the chunks
        Recompressor recompressor = new Recompressor(l, 1, 1, zstdLevel);
        return new ChunkCompressor() {
            @Override
            public byte[] compressChunk(byte[] xml, int offset, int length, int threads) {
                return recompressor.compressChunk(xml, offset, length, threads);
            }

            @Override
            public OutputStream indexStream(OutputStream file) {
                return recompressor.indexStream(file);
            }

            @Override
            public void close() {
                recompressor.close();
            }
        };
    }

    @Override
    public OutputStream continueBzip2(OutputStream out, byte[] stream, long keptEndBit, int keptCrc, int threads) {
        return Bzip2OutputStream.continuing(out, stream, keptEndBit, keptCrc, threads);
    }

    @Override
    public long frameChecksum(byte[] frame) {
        return Recompressor.frameChecksum(frame);
    }

    @Override
    public byte[] seekTable(List<long[]> entries) {
        return Recompressor.seekTable(entries);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
