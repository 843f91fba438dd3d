package org.mwdump.spi;

import java.io.OutputStream;
import java.util.List;
import org.mwdump.Compression;

/**
 * The compression of the random-access layouts, chunk by chunk, found through
 * {@link java.util.ServiceLoader} ({@code org.mwdump:dump-writers} supplies it): what
 * {@link org.mwdump.Dumps#apply} needs to rewrite some streams of a multistream bz2 dump, or some frames of a
 * seekable zstd one, with the bytes the writers' {@code recompress} would give them. A layout is named by
 * its compression: {@link Compression#BZIP2} for the multistream layout (one bz2 stream per chunk),
 * {@link Compression#ZSTD} for seekable zstd (one frame per chunk, with content size and checksum, and a
 * seek table at the end).
 */
public interface LayoutCodec {
    /**
     * A compressor of a layout's chunks; close it to release what it holds (zstd contexts).
     *
     * @param layout    {@link Compression#BZIP2} or {@link Compression#ZSTD}
     * @param zstdLevel the zstd level (ignored for bz2, always level 9, as Wikimedia's files)
     * @return the compressor, safe to use from several threads at once
     * @throws IllegalArgumentException for another compression
     */
    ChunkCompressor chunks(Compression layout, int zstdLevel);

    /**
     * A bz2 stream that starts with the first blocks of an existing one, copied bit for bit, and goes on
     * with the bytes written to it in blocks of the existing stream's level: what compressing the kept
     * blocks' bytes followed by the written ones gives, as long as the input up to and including the byte
     * after the kept blocks' bytes is the same as before. Closing it ends the stream and closes {@code out}.
     *
     * @param out        where the compressed bytes go
     * @param stream     the existing stream, from its {@code BZh} header
     * @param keptEndBit the bit offset in {@code stream} where the kept blocks end (where the next block's
     *                   magic starts); 32 keeps none
     * @param keptCrc    the kept blocks' combined CRC ({@code crc = (crc << 1 | crc >>> 31) ^ blockCrc} for
     *                   each, from 0)
     * @param threads    threads that encode the new blocks
     * @return the stream to write the rest into
     * @throws IllegalArgumentException if {@code stream} is not a bz2 stream or the kept bits are outside it
     */
    OutputStream continueBzip2(OutputStream out, byte[] stream, long keptEndBit, int keptCrc, int threads);

    /**
     * The checksum a seek table entry wants for a zstd frame: its content checksum, the frame's last 4 bytes.
     *
     * @param frame a frame written with a checksum
     * @return the low 32 bits of the content's XXH64
     */
    long frameChecksum(byte[] frame);

    /**
     * The seek table frame of the zstd seekable format, with checksums.
     *
     * @param entries per frame: compressed size, decompressed size, checksum
     * @return the skippable frame that ends a seekable zstd file
     */
    byte[] seekTable(List<long[]> entries);

    /** Compresses the chunks of one layout, and its index. */
    interface ChunkCompressor extends AutoCloseable {
        /**
         * One chunk as the layout has it: one bz2 stream at level 9 (the bytes of {@code bzip2 -9}), or one
         * zstd frame with content size and checksum.
         *
         * @param xml     the chunk's XML
         * @param offset  where it starts in {@code xml}
         * @param length  its length
         * @param threads threads for a bz2 stream's blocks (the same bytes as on one; zstd: one)
         * @return the compressed chunk
         */
        byte[] compressChunk(byte[] xml, int offset, int length, int threads);

        /**
         * The stream the layout's index is written through: bz2 for the multistream layout, zstd with its
         * checksum for seekable zstd.
         *
         * @param file where the compressed index goes
         * @return the stream to write index lines into; closing it closes {@code file}
         * @throws org.mwdump.DumpException if the compressor cannot start
         */
        OutputStream indexStream(OutputStream file);

        /** Releases what the compressor holds. */
        @Override
        void close();
    }
}
